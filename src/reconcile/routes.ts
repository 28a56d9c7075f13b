import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../web/deps.ts';
import {
  EstimateQuery, IncidentsQuery, IncidentsResponse, PipelineQuery, PipelineResponse, SeriesQuery, SeriesResponse, SummaryQuery, SummaryResponse,
} from './schema.ts';
import { pipelineAccounts, reconcileEstimate, reconcileIncidents, reconcileSeries, reconcileSummary } from './service.ts';

const Interval = z.object({ lower: z.number(), upper: z.number().nullable(), level: z.number(), method: z.string() }).nullable();
const EstimateResponse = z.looseObject({
  method: z.string(),
  kind: z.string(),
  stratum: z.string(),
  lists: z.array(z.string()),
  strata: z.array(z.looseObject({ stratum: z.string().nullable(), documented: z.number(), estimate: z.number().nullable(), interval: Interval, basis: z.string() })),
  total: z.object({ documented: z.number(), estimate: z.number().nullable(), interval: Interval }).nullable(),
});

/**
 * GET /api/reconcile/summary, /incidents, /series, /pipeline and /estimate: official and
 * independent figures side by side, every figure with the query behind it.
 */
export function reconcileRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/reconcile/summary', {
      schema: {
        tags: ['reconcile'],
        summary: 'Official vs independent figures, with statements and claims',
        description: 'Totals and cells (by month, year, period, country, admin1, belligerent or grade) of incidents alleged, assessed, credible, rejected with and without reasons and still open; civilians killed and injured as independent low/best/high (graded at or above `minGrade`, default fair) against officially conceded; declared strikes in the same cells. Every figure has an `href` listing the incidents behind it. Unknown is null, never 0.',
        querystring: SummaryQuery,
        response: { 200: SummaryResponse },
      },
    }, async (req) => reconcileSummary(deps.db.kysely, req.query));

    app.get('/api/reconcile/incidents', {
      schema: {
        tags: ['reconcile'],
        summary: 'Per-incident gaps between independent and official figures',
        description: 'One row per incident and belligerent: independent range and grade, the belligerent\'s position (status, conceded, reason), the gap and its category. Without `belligerent`, every belligerent an incident names.',
        querystring: IncidentsQuery,
        response: { 200: IncidentsResponse },
      },
    }, async (req) => reconcileIncidents(deps.db.kysely, req.query));

    app.get('/api/reconcile/series', {
      schema: {
        tags: ['reconcile'],
        summary: 'Chart series: civilian deaths alleged vs conceded, assessments by category, declared strikes, per month or year',
        querystring: SeriesQuery,
        response: { 200: SeriesResponse },
      },
    }, async (req) => reconcileSeries(deps.db.kysely, req.query));

    app.get('/api/reconcile/pipeline', {
      schema: {
        tags: ['reconcile'],
        summary: 'Assessment pipeline accounting per period, with balance checks',
        description: 'Official periodic figures (carried over, received, completed, open, reopened, deaths conceded, strikes to date), each check with its arithmetic, and the closures without a stated reason harmwatch records for the period.',
        querystring: PipelineQuery,
        response: { 200: PipelineResponse },
      },
    }, async (req) => pipelineAccounts(deps.db.kysely, req.query.belligerent));

    app.get('/api/reconcile/estimate', {
      schema: {
        tags: ['reconcile'],
        summary: 'Multiple systems estimation from the capture lists',
        description: 'Builds the capture table from list memberships (stratified by country, governorate or year) and estimates the total with log-linear models or LCMCR.',
        querystring: EstimateQuery,
        response: { 200: EstimateResponse },
      },
    }, async (req) => {
      const r = await reconcileEstimate(deps.db.kysely, req.query);
      return { ...r, strata: r.strata.map((s) => ({ ...s })) };
    });
  };
}
