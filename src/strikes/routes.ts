import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../web/deps.ts';
import { notFound } from '../errors.ts';
import { StrikeJsonSchema, StrikeListResponse, StrikeQuery } from './schema.ts';
import { listStrikes } from './service.ts';
import { strikeRepository } from './repository.ts';
import { presentStrike, STRIKE_COLUMNS, strikeFeature } from './presenters.ts';
import { Readable } from 'node:stream';
import { streamStrikes } from './repository.ts';
import { csvLine } from '../incidents/presenters.ts';

/** GET /api/strikes and /api/strikes/:id. */
export function strikeRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/strikes', {
      schema: {
        tags: ['strikes'],
        summary: 'Declared strikes, newest first',
        description: 'Lines of military strike releases. Filter by release date, country and place; page with `cursor`.',
        querystring: StrikeQuery,
        response: { 200: StrikeListResponse },
      },
    }, async (req) => {
      const r = await listStrikes(deps.db.kysely, req.query);
      return { data: r.rows, next: r.next, totals: { lines: r.totals.lines, strikes: r.totals.strikes } };
    });

    const ExportQuery = StrikeQuery.omit({ cursor: true, limit: true }).extend({ bom: z.enum(['0', '1']).optional() });
    async function* csv(q: z.infer<typeof ExportQuery>, hxl: boolean): AsyncGenerator<string> {
      if (q.bom === '1') yield '\uFEFF';
      yield csvLine(STRIKE_COLUMNS.map((c) => c.name));
      if (hxl) yield csvLine(STRIKE_COLUMNS.map((c) => c.hxl));
      for await (const rows of streamStrikes(deps.db.kysely, q)) yield rows.map((r) => csvLine(STRIKE_COLUMNS.map((c) => c.value(r)))).join('');
    }
    async function* geojson(q: z.infer<typeof ExportQuery>): AsyncGenerator<string> {
      yield '{"type":"FeatureCollection","features":[';
      let first = true;
      for await (const rows of streamStrikes(deps.db.kysely, q)) {
        const text = rows.map((r) => JSON.stringify(strikeFeature(r))).join(',');
        yield first ? text : `,${text}`;
        first = false;
      }
      yield ']}';
    }
    app.get('/api/strikes.csv', { schema: { tags: ['exports'], summary: 'Declared strikes as CSV (RFC 4180, UTF-8)', querystring: ExportQuery } },
      async (req, reply) => reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="harmwatch-strikes.csv"').send(Readable.from(csv(req.query, false))));
    app.get('/api/strikes.hxl.csv', { schema: { tags: ['exports'], summary: 'Declared strikes as HXL-tagged CSV', querystring: ExportQuery } },
      async (req, reply) => reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="harmwatch-strikes.hxl.csv"').send(Readable.from(csv(req.query, true))));
    app.get('/api/strikes.geojson', { schema: { tags: ['exports'], summary: 'Declared strikes as GeoJSON (RFC 7946)', querystring: ExportQuery } },
      async (req, reply) => reply.type('application/geo+json; charset=utf-8').header('content-disposition', 'attachment; filename="harmwatch-strikes.geojson"').send(Readable.from(geojson(req.query))));

    app.get('/api/strikes/:id', {
      schema: {
        tags: ['strikes'],
        summary: 'One declared strike',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: StrikeJsonSchema },
      },
    }, async (req) => {
      const s = await strikeRepository.get(deps.db.kysely, req.params.id);
      if (!s) throw notFound('declared strike', req.params.id);
      return presentStrike(s);
    });
  };
}
