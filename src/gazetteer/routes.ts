import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../web/deps.ts';
import { inputError } from '../errors.ts';
import { GeocodeQuery, GeocodeResponse, ReverseQuery, ReverseResponse } from './schema.ts';
import { geocodePlaces, reverseGeocodePoint } from './service.ts';

/** GET /api/geocode and GET /api/reverse-geocode on the database's gazetteer. */
export function gazetteerRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/geocode', {
      schema: {
        tags: ['places'],
        summary: 'Places for a name or phrase',
        description: 'Ranked candidates from the gazetteer (COD-AB, GeoNames and imported place lists) across Arabic and Latin spellings; "near X" widens the precision, "X countryside" answers with the governorate. When nothing matches, a pg_trgm similarity search on the stored names answers (`via: "trigram"`).',
        querystring: GeocodeQuery,
        response: { 200: GeocodeResponse },
      },
    }, async (req) => {
      const { q, country, limit } = req.query;
      const r = await geocodePlaces(deps.db.kysely, q, { ...(country ? { country } : {}), limit });
      return { q, country: country ?? null, via: r.via, candidates: r.candidates };
    });

    app.get('/api/reverse-geocode', {
      schema: {
        tags: ['places'],
        summary: 'Administrative areas of a point',
        description: 'Iraq governorate, district and sub-district, Syria governorate (COD-AB), with coordinate problems: swapped latitude/longitude, a point outside the stated country. An impossible coordinate (|lat| > 90, |lon| > 180) is a 400.',
        querystring: ReverseQuery,
        response: { 200: ReverseResponse },
      },
    }, async (req) => {
      const { lat, lon, country } = req.query;
      const r = await reverseGeocodePoint(deps.db.kysely, lat, lon, country);
      const fatal = r.problems.find((p) => p.code === 'impossible' || p.code === 'not_a_number');
      if (fatal) throw inputError('INPUT_INVALID', fatal.reason, { field: Math.abs(lat) > 90 ? 'lat' : 'lon', value: `${lat}, ${lon}` });
      return r;
    });
  };
}
