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
import { reconcileSummary } from '../reconcile/service.ts';
import type { StatementJson } from '../reconcile/schema.ts';
import type { SafeHtml } from './html.ts';

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
      const [totals, places, page, summary] = await Promise.all([
        strikeRepository.totals(db),
        strikeRepository.topPlaces(db, 30),
        listStrikes(db, { ...req.query, limit: 25 }),
        reconcileSummary(db, { minGrade: 'fair', by: 'period', undated: undefined }, { claims: 0 }),
      ]);
      const body = html`<h1>${t('site.tagline')}</h1>
<section aria-label="${lang === 'ar' ? 'الأرقام الرسمية والمستقلة' : 'Official and independent figures'}" class="statements">
${summary.statements.map((st) => statementHtml(st, lang))}
<p class="muted">${lang === 'ar' ? 'كل رقم رابط إلى الحوادث والمصادر التي خلفه. الأرقام المستقلة: تصنيف «مقبول» أو أعلى.' : 'Every number links to the incidents and sources behind it. Independent figures: graded Fair or better.'} <a href="/methodology?lang=${lang}">${lang === 'ar' ? 'المنهجية' : 'Methodology'}</a></p>
</section>
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
      const body = incidentList(lang, form, facets, page.data, page.total, page.next, !cursor, page.totalExact);
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

/** A generated statement with every number a link to its query (text in English: figures are language-neutral). */
function statementHtml(st: StatementJson, lang: Lang): SafeHtml {
  return html`<p class="statement" lang="en" dir="ltr">${st.parts.map((p) => (p.value != null && p.href ? html`<a href="${p.href}"><strong>${p.text}</strong></a>` : p.text))}</p>${lang === 'ar' ? html`<p class="muted">(${'العبارة مولّدة بالإنجليزية من البيانات'})</p>` : ''}`;
}
