import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ANONYMOUS, requireAccess, type Actor } from '../auth/policies.ts';
import { notFound } from '../errors.ts';
import type { AppDeps } from '../web/deps.ts';
import { presentIncidentVictimsPublic, presentVictimInternal } from './presenters.ts';
import { victimRepository } from './repository.ts';

const Counts = z.object({ total: z.number().int(), byOutcome: z.record(z.string(), z.number().int()), byPopulation: z.record(z.string(), z.number().int()) });

/** Response of GET /api/incidents/:publicId/victims: counts, and names only where publication was approved. */
export const PublicIncidentVictimsSchema = z.object({
  incident: z.string(),
  counts: Counts,
  restricted: z.number().int().describe('victims counted but not named (names restricted)'),
  named: z.array(z.object({
    id: z.number().int(),
    names: z.array(z.object({ name: z.string(), script: z.string().nullable(), kind: z.string() })),
    age: z.object({ min: z.number().int().nullable(), max: z.number().int().nullable(), group: z.string().nullable() }),
    gender: z.string().nullable(),
    outcome: z.string().nullable(),
    status: z.string().nullable(),
    protectedGroup: z.string().nullable(),
    publishBasis: z.string().nullable(),
  })),
});

/**
 * GET /api/incidents/:publicId/victims (public: published incidents; counts by population plus
 * names approved for publication) and GET /api/internal/victims/:id (staff only: every name and
 * fact with its source).
 */
export function victimRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/incidents/:publicId/victims', {
      schema: {
        tags: ['victims'],
        summary: 'Victims of an incident: counts by population, and the names approved for publication',
        description: 'Names are restricted until an analyst marks them publishable (family consent or already public) and a second person approves. Restricted victims are counted, never named.',
        params: z.object({ publicId: z.string().min(1).max(40) }),
        response: { 200: PublicIncidentVictimsSchema },
      },
    }, async (req) => {
      const inc = await deps.db.kysely.selectFrom('incidents').select(['id', 'public_id', 'status']).where('public_id', '=', req.params.publicId).executeTakeFirst();
      if (!inc || inc.status !== 'published') throw notFound('incident', req.params.publicId);
      const vs = await victimRepository.byIncident(deps.db.kysely, inc.id);
      return presentIncidentVictimsPublic(inc.public_id, vs);
    });

    app.get('/api/internal/victims/:id', {
      config: { action: 'victim.read_restricted' },
      schema: {
        tags: ['victims'],
        summary: 'One victim with every name and fact and its source (staff only)',
        params: z.object({ id: z.coerce.number().int().positive() }),
      },
    }, async (req) => {
      const actor: Actor = (req as { actor?: Actor }).actor ?? ANONYMOUS;
      requireAccess(actor, 'victim.read_restricted');
      const v = await victimRepository.get(deps.db.kysely, req.params.id);
      if (!v) throw notFound('victim', req.params.id);
      return presentVictimInternal(v);
    });
  };
}
