/** GET /api/sources/:id and the page /sources/:id: a source as captured, its versions and claims. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../web/deps.ts';
import { pickLang } from '../web/i18n.ts';
import { layout } from '../web/layout.ts';
import { presentSource, sourcePage } from './presenters.ts';
import { SourceJson, SourceParams } from './schema.ts';
import { sourceView } from './service.ts';

export function sourceRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const db = deps.db.kysely;
    app.get('/api/sources/:id', {
      config: { action: 'incident.read' },
      schema: {
        tags: ['incidents'], summary: 'A source as captured: SHA-256, capture time, versions, its claims with quotes and spans',
        description: 'The public sees public, accepted sources and the claims behind published incidents; signed-in staff also see the captured text and every claim. Witness submissions are redacted.',
        params: SourceParams, response: { 200: z.object({ data: SourceJson }) },
      },
    }, async (req) => ({ data: presentSource(await sourceView(db, req.actor, req.params.id)) }));

    app.get('/sources/:id', {
      config: { action: 'incident.read' },
      schema: { hide: true, params: SourceParams, querystring: z.object({ lang: z.enum(['en', 'ar']).optional() }) },
    }, async (req, reply) => {
      const lang = pickLang(req.query, req.cookies.lang);
      const p = sourcePage(await sourceView(db, req.actor, req.params.id), lang);
      return reply.type('text/html; charset=utf-8').send(layout({ lang, title: p.title, path: req.url }, p.body));
    });
  };
}
