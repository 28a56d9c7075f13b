import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../web/deps.ts';
import type { AssessmentFilter } from './collectionRepository.ts';
import type { AssessmentFilterQuery} from './collectionSchema.ts';
import { AssessmentExportQuery, AssessmentListQuery, AssessmentListResponse } from './collectionSchema.ts';
import { exportAssessmentsCsv, exportAssessmentsGeoJson, listAssessments } from './collectionService.ts';

/** The filter of a validated query (paging and format options left out). */
export function assessmentFilter(q: AssessmentFilterQuery): AssessmentFilter {
  return {
    belligerent: q.belligerent, status: q.status, incident: q.incident, from: q.from, to: q.to,
    incidentFrom: q.incidentFrom, incidentTo: q.incidentTo, country: q.country,
  };
}

const FILTERS = 'Filter by belligerent, status, incident, date of the determination (from/to), incident date (incidentFrom/incidentTo) and country.';
const VISIBLE = 'Current assessments of published incidents; reasons with personal data removed; incident place and date only where public.';

/** GET /api/assessments and its streamed exports (CSV, HXL, GeoJSON). */
export function assessmentCollectionRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const db = deps.db.kysely;
    const config = { action: 'assessment.read' as const };
    const stream = (gen: AsyncGenerator<string>): Readable => Readable.from(gen, { objectMode: false });
    const attachment = (name: string): string => `attachment; filename="${name}"`;

    app.get('/api/assessments', {
      config: { ...config },
      schema: {
        tags: ['assessment'],
        summary: "Belligerents' assessments of published incidents, latest determination first",
        description: `Each with its status, conceded killed and injured (ranges; unknown is null), the stated reason or "no reason given", date, document, and a link to every earlier version (\`history.href\`). ${FILTERS} Page with \`cursor\`. ${VISIBLE}`,
        querystring: AssessmentListQuery,
        response: { 200: AssessmentListResponse },
      },
    }, async (req) => listAssessments(db, assessmentFilter(req.query), req.query.cursor, req.query.limit));

    app.get('/api/assessments.csv', {
      config: { ...config },
      schema: { tags: ['exports'], summary: 'Belligerent assessments as CSV (RFC 4180, UTF-8; bom=1 for spreadsheet programs)', description: `${FILTERS} ${VISIBLE}`, querystring: AssessmentExportQuery },
    }, async (req, reply) => reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', attachment('harmwatch-assessments.csv'))
      .send(stream(exportAssessmentsCsv(db, assessmentFilter(req.query), { hxl: false, bom: req.query.bom === '1' }))));

    app.get('/api/assessments.hxl.csv', {
      config: { ...config },
      schema: { tags: ['exports'], summary: 'Belligerent assessments as HXL-tagged CSV (hashtag row under the header)', description: `${FILTERS} ${VISIBLE}`, querystring: AssessmentExportQuery },
    }, async (req, reply) => reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', attachment('harmwatch-assessments.hxl.csv'))
      .send(stream(exportAssessmentsCsv(db, assessmentFilter(req.query), { hxl: true, bom: req.query.bom === '1' }))));

    app.get('/api/assessments.geojson', {
      config: { ...config },
      schema: { tags: ['exports'], summary: "Belligerent assessments as GeoJSON (RFC 7946) at the incident's location; unknown → null geometry", description: `${FILTERS} ${VISIBLE}`, querystring: AssessmentExportQuery },
    }, async (req, reply) => reply
      .type('application/geo+json; charset=utf-8')
      .header('content-disposition', attachment('harmwatch-assessments.geojson'))
      .send(stream(exportAssessmentsGeoJson(db, assessmentFilter(req.query)))));
  };
}
