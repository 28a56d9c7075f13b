import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { StrikePageQuery } from '../strikes/schema.ts';
import { listStrikes } from '../strikes/service.ts';
import { strikeRepository } from '../strikes/repository.ts';
import type { AppDeps } from './deps.ts';
import { html } from './html.ts';
import { translator, pickLang, type Lang } from './i18n.ts';
import { layout } from './layout.ts';
import { strikeFigures, strikesTable } from './pages/strikesPages.ts';
import { incidentDetail, incidentList } from './pages/incidentPages.ts';
import { IncidentListQuery } from '../incidents/schema.ts';
import { getIncidentDetail, listIncidents } from '../incidents/service.ts';
import { incidentRepository } from '../incidents/repository.ts';
import { publicFilter } from '../incidents/routes.ts';
import { z } from 'zod';

function remember(reply: FastifyReply, lang: Lang, asked: string | undefined): void {
  if (asked) void reply.setCookie('lang', lang, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 24 * 3600 });
}

/** Server-rendered pages: they work without client-side JavaScript. */
export function pageRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/', { schema: { hide: true, querystring: StrikePageQuery } }, async (req, reply) => {
      const lang = pickLang(req.query, req.cookies.lang);
      remember(reply, lang, req.query.lang);
      const t = translator(lang);
      const db = deps.db.kysely;
      const [totals, places, page] = await Promise.all([
        strikeRepository.totals(db),
        strikeRepository.topPlaces(db, 30),
        listStrikes(db, { ...req.query, limit: 25 }),
      ]);
      const body = html`<h1>${t('site.tagline')}</h1>
${strikeFigures(lang, totals, places)}
<h2>${t('strikes.title')}</h2>
${strikesTable(lang, '/', req.query, page.rows, page.next, page.totals, !req.query.cursor)}`;
      return reply.type('text/html; charset=utf-8').send(layout({ lang, title: t('nav.home'), path: req.url }, body));
    });

    app.get('/incidents', { schema: { hide: true, querystring: IncidentListQuery.extend({ lang: z.enum(['en', 'ar']).optional() }) } }, async (req, reply) => {
      const lang = pickLang(req.query, req.cookies.lang);
      remember(reply, lang, req.query.lang);
      const t = translator(lang);
      const { lang: _l, cursor, limit: _n, ...form } = req.query;
      const [page, facets] = await Promise.all([
        listIncidents(deps.db.kysely, publicFilter(form), cursor, 50),
        incidentRepository.facets(deps.db.kysely, true),
      ]);
      const body = incidentList(lang, form, facets, page.data, page.total, page.next, !cursor);
      return reply.type('text/html; charset=utf-8').send(layout({ lang, title: t('inc.title'), path: req.url }, body));
    });

    app.get('/incidents/:id', { schema: { hide: true, params: z.object({ id: z.string().min(1).max(64) }), querystring: z.object({ lang: z.enum(['en', 'ar']).optional() }) } }, async (req, reply) => {
      const lang = pickLang(req.query, req.cookies.lang);
      remember(reply, lang, req.query.lang);
      const detail = await getIncidentDetail(deps.db.kysely, req.params.id, true);
      return reply.type('text/html; charset=utf-8').send(layout({ lang, title: detail.id, path: req.url }, incidentDetail(lang, detail)));
    });

    app.get('/strikes', { schema: { hide: true, querystring: StrikePageQuery } }, async (req, reply) => {
      const lang = pickLang(req.query, req.cookies.lang);
      remember(reply, lang, req.query.lang);
      const t = translator(lang);
      const page = await listStrikes(deps.db.kysely, { ...req.query, limit: 100 });
      const body = html`<h1>${t('strikes.title')}</h1>
${strikesTable(lang, '/strikes', req.query, page.rows, page.next, page.totals, !req.query.cursor)}`;
      return reply.type('text/html; charset=utf-8').send(layout({ lang, title: t('strikes.title'), path: req.url }, body));
    });
  };
}
