/**
 * Linkage API: the review queue and labels (analyst role), and "allegations nearby" of a declared
 * strike (public: published incidents only; signed-in users also see drafts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { ANONYMOUS, auditName, can, requireAccess, type Actor } from '../auth/policies.ts';
import type { AppDeps } from '../web/deps.ts';
import { labelPair } from './pairLabeller.ts';
import { AllegationsResponse, LabelBody, LabelResponse, PairParams, QueueQuery, QueueResponse, StrikeParams } from './schema.ts';
import { reviewQueue, strikeAllegations } from './service.ts';

const actorOf = (req: FastifyRequest): Actor => (req as { actor?: Actor }).actor ?? ANONYMOUS;

/**
 * GET /api/linkage/queue and POST /api/linkage/pairs/:id/label need the **analyst** role
 * (permission `incident.edit`: analysts and admins); GET /api/strikes/:id/allegations is public.
 */
export function linkageRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    /** Analyst role: the review queue, most uncertain pairs first, with quotes, waterfall and distance. */
    app.get('/api/linkage/queue', {
      config: { action: 'incident.edit' },
      schema: {
        tags: ['linkage'],
        summary: 'Pairs of reports awaiting an analyst, most uncertain first (analyst role)',
        querystring: QueueQuery,
        response: { 200: QueueResponse },
      },
    }, async (req) => {
      requireAccess(actorOf(req), 'incident.edit');
      return reviewQueue(deps.db.kysely, req.query.limit);
    });

    /** Analyst role: label a pair match / non-match with a reason; the label is applied and audited. */
    app.post('/api/linkage/pairs/:id/label', {
      config: { action: 'incident.edit' },
      schema: {
        tags: ['linkage'],
        summary: 'Label a pair match or non-match, with a reason (analyst role); applied at once and audited',
        params: PairParams,
        body: LabelBody,
        response: { 200: LabelResponse },
      },
    }, async (req) => {
      const actor = actorOf(req);
      requireAccess(actor, 'incident.edit');
      return labelPair(deps.db.kysely, req.params.id, req.body.label, { actor: auditName(actor), reason: req.body.reason });
    });

    app.get('/api/strikes/:id/allegations', {
      schema: {
        tags: ['strikes'],
        summary: 'Allegations nearby: incidents matched to this declared strike, best first',
        description: 'Candidates within −1…+3 days of release and within the combined precision radius; `assigned` marks the one-to-one assignment (greedy by score).',
        params: StrikeParams,
        response: { 200: AllegationsResponse },
      },
    }, async (req) => strikeAllegations(deps.db.kysely, req.params.id, !can(actorOf(req).role, 'incident.read_internal')));
  };
}
