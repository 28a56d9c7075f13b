import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppDeps } from './deps.ts';

export const HealthResponse = z.object({
  status: z.literal('ok'),
  backend: z.enum(['pglite', 'postgres']),
  startedAt: z.string(),
  version: z.string(),
});

/** GET /api/health: the server is up and its database answers. */
export function healthRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/health', {
      schema: { tags: ['system'], summary: 'Liveness and database check', response: { 200: HealthResponse } },
    }, async () => {
      await sql`select 1`.execute(deps.db.kysely);
      return { status: 'ok' as const, backend: deps.db.backend, startedAt: deps.startedAt.toISOString(), version: '0.1.0' };
    });
  };
}
