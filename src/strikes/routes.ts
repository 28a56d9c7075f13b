import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../web/deps.ts';
import { notFound } from '../errors.ts';
import { StrikeJsonSchema, StrikeListResponse, StrikeQuery } from './schema.ts';
import { listStrikes } from './service.ts';
import { strikeRepository } from './repository.ts';
import { presentStrike } from './presenters.ts';

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
