import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../web/deps.ts';
import type { ClaimFilter } from './repository.ts';
import type { ClaimFilterQuery} from './schema.ts';
import { ClaimExportQuery, ClaimListQuery, ClaimListResponse, ClaimParams, PublicClaimJson } from './schema.ts';
import { exportClaimsCsv, exportClaimsGeoJson, getClaim, listClaims } from './service.ts';

/** The filter of a validated query (paging and format options left out). */
export function claimFilter(q: ClaimFilterQuery): ClaimFilter {
  return {
    incident: q.incident, source: q.source, type: q.type, outcome: q.outcome, population: q.population,
    language: q.language, claimant: q.claimant, from: q.from, to: q.to, country: q.country,
  };
}

const FILTERS = 'Filter by incident, source, claim type, outcome, population, source language, claimant, period (from/to) and country.';
const VISIBLE = 'Only claims the public may see: from public, accepted sources, not rejected, linked to a published incident; personal data removed.';

/** GET /api/claims, /api/claims/:id and the streamed claims exports (CSV, HXL, GeoJSON). */
export function claimRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const db = deps.db.kysely;
    // Published incidents and what they rest on: everyone may read them (src/auth/policies.ts).
    const config = { action: 'incident.read' as const };

    app.get('/api/claims', {
      config: { ...config },
      schema: {
        tags: ['incidents'],
        summary: 'Claims: what each source says, newest period first',
        description: `Each claim with its figures (min/max/qualifier; unknown is null, never 0), period and place with precision, claimant, actor, stance, quote and span, and its source (id, URL, SHA-256, capture time). ${FILTERS} Page with \`cursor\`. ${VISIBLE}`,
        querystring: ClaimListQuery,
        response: { 200: ClaimListResponse },
      },
    }, async (req) => listClaims(db, claimFilter(req.query), req.query.cursor, req.query.limit));

    app.get('/api/claims/:id', {
      config: { ...config },
      schema: { tags: ['incidents'], summary: 'One claim with its source', description: VISIBLE, params: ClaimParams, response: { 200: PublicClaimJson } },
    }, async (req) => getClaim(db, req.params.id));

    const stream = (gen: AsyncGenerator<string>): Readable => Readable.from(gen, { objectMode: false });
    const attachment = (name: string): string => `attachment; filename="${name}"`;

    app.get('/api/claims.csv', {
      config: { ...config },
      schema: { tags: ['exports'], summary: 'Claims as CSV (RFC 4180, UTF-8; bom=1 for spreadsheet programs)', description: `${FILTERS} ${VISIBLE}`, querystring: ClaimExportQuery },
    }, async (req, reply) => reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', attachment('harmwatch-claims.csv'))
      .send(stream(exportClaimsCsv(db, claimFilter(req.query), { hxl: false, bom: req.query.bom === '1' }))));

    app.get('/api/claims.hxl.csv', {
      config: { ...config },
      schema: { tags: ['exports'], summary: 'Claims as HXL-tagged CSV (hashtag row under the header)', description: `${FILTERS} ${VISIBLE}`, querystring: ClaimExportQuery },
    }, async (req, reply) => reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', attachment('harmwatch-claims.hxl.csv'))
      .send(stream(exportClaimsCsv(db, claimFilter(req.query), { hxl: true, bom: req.query.bom === '1' }))));

    app.get('/api/claims.geojson', {
      config: { ...config },
      schema: { tags: ['exports'], summary: "Claims as GeoJSON (RFC 7946): the claim's place, else its incident's; unknown → null geometry", description: `${FILTERS} ${VISIBLE}`, querystring: ClaimExportQuery },
    }, async (req, reply) => reply
      .type('application/geo+json; charset=utf-8')
      .header('content-disposition', attachment('harmwatch-claims.geojson'))
      .send(stream(exportClaimsGeoJson(db, claimFilter(req.query)))));
  };
}
