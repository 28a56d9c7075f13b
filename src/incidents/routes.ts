import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../web/deps.ts';
import type { IncidentFilter } from './repository.ts';
import { ExportQuery, IncidentDetailResponse, IncidentListQuery, IncidentListResponse, type IncidentListQuery as ListQ } from './schema.ts';
import { exportCsv, exportGeoJson, getIncidentDetail, listIncidents } from './service.ts';

/** Public filter from a validated query: public routes see published incidents only. */
export function publicFilter(q: Omit<ListQ, 'cursor' | 'limit'>): IncidentFilter {
  return { from: q.from, to: q.to, country: q.country, governorate: q.governorate, belligerent: q.belligerent, grade: q.grade, assessment: q.assessment, q: q.q, publishedOnly: true };
}

/** GET /api/incidents, /api/incidents/:id and the streamed exports. */
export function incidentRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/incidents', {
      schema: {
        tags: ['incidents'],
        summary: 'Incidents, newest first',
        description: 'Published incidents with figures as low/best/high ranges and belligerent assessments. Filter by dates, country, governorate, belligerent, grade, assessment status and words (English or Arabic).',
        querystring: IncidentListQuery,
        response: { 200: IncidentListResponse },
      },
    }, async (req) => listIncidents(deps.db.kysely, publicFilter(req.query), req.query.cursor, req.query.limit));

    app.get('/api/incidents/:id', {
      schema: {
        tags: ['incidents'],
        summary: 'One incident with its claims, sources, nearby declared strikes and assessment history',
        params: z.object({ id: z.string().min(1).max(64) }),
        response: { 200: IncidentDetailResponse },
      },
    }, async (req) => getIncidentDetail(deps.db.kysely, req.params.id, true));

    const stream = (gen: AsyncGenerator<string>): Readable => Readable.from(gen, { objectMode: false });

    app.get('/api/incidents.csv', {
      schema: { tags: ['exports'], summary: 'Incidents as CSV (RFC 4180, UTF-8; bom=1 for spreadsheet programs)', querystring: ExportQuery },
    }, async (req, reply) => reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="harmwatch-incidents.csv"')
      .send(stream(exportCsv(deps.db.kysely, publicFilter(req.query), { hxl: false, bom: req.query.bom === '1' }))));

    app.get('/api/incidents.hxl.csv', {
      schema: { tags: ['exports'], summary: 'Incidents as HXL-tagged CSV (hashtag row under the header)', querystring: ExportQuery },
    }, async (req, reply) => reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="harmwatch-incidents.hxl.csv"')
      .send(stream(exportCsv(deps.db.kysely, publicFilter(req.query), { hxl: true, bom: req.query.bom === '1' }))));

    app.get('/api/incidents.geojson', {
      schema: { tags: ['exports'], summary: 'Incidents as GeoJSON (RFC 7946); no coordinates → null geometry', querystring: ExportQuery },
    }, async (req, reply) => reply
      .type('application/geo+json; charset=utf-8')
      .header('content-disposition', 'attachment; filename="harmwatch-incidents.geojson"')
      .send(stream(exportGeoJson(deps.db.kysely, publicFilter(req.query)))));
  };
}
