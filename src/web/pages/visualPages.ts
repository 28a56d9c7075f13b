import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import { html } from '../html.ts';
import { pickLang, translator, formatNumber } from '../i18n.ts';
import { layout } from '../layout.ts';
import { IncidentFilterQuery } from '../../incidents/schema.ts';
import { publicFilter } from '../../incidents/routes.ts';
import { assessmentStatusCounts, incidentPoints } from '../../incidents/repository.ts';
import { radiusOf } from '../../incidents/presenters.ts';
import { strikeRepository } from '../../strikes/repository.ts';
import { renderIncidentMap } from '../charts/map.ts';
import { allegedVsConceded, assessmentsByStatus, strikesPerMonth } from '../charts/plots.ts';
import { reconcileSeries } from '../../reconcile/service.ts';
import { vocab } from '../vocabLabels.ts';
import { GRADES } from '../../model/vocabulary.ts';

const MAX_POINTS = 5000;

/** /map (incidents with their uncertainty) and /charts, rendered on the server as SVG. */
export function visualPages(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/map', { schema: { hide: true, querystring: IncidentFilterQuery.extend({ lang: z.enum(['en', 'ar']).optional() }) } }, async (req, reply) => {
      const lang = pickLang(req.query, req.cookies.lang);
      const t = translator(lang);
      const { lang: _l, ...form } = req.query;
      const rows = await incidentPoints(deps.db.kysely, publicFilter(form), MAX_POINTS);
      const title = lang === 'ar' ? 'خريطة الحوادث' : 'Map of incidents';
      const svg = renderIncidentMap(rows.map((r) => ({
        id: r.public_id, lat: r.lat!, lon: r.lon!, radiusM: radiusOf(r.place_precision), grade: r.grade,
        label: `${r.public_id} ${r.date_start ?? ''} ${lang === 'ar' ? (r.place_name_ar ?? r.place_text ?? '') : (r.place_text ?? '')} (${vocab(r.place_precision, lang)})`,
      })), lang, title);
      const body = html`<h1>${title}</h1>
<form class="filters" method="get" action="/map">
  <input type="hidden" name="lang" value="${lang}">
  <label>${t('strikes.from')}<input type="date" name="from" value="${form.from ?? ''}"></label>
  <label>${t('strikes.to')}<input type="date" name="to" value="${form.to ?? ''}"></label>
  <label>${t('strikes.country')}<select name="country"><option value="">${t('strikes.any')}</option>
    <option value="IQ"${form.country === 'IQ' ? html` selected` : ''}>${t('country.IQ')}</option><option value="SY"${form.country === 'SY' ? html` selected` : ''}>${t('country.SY')}</option></select></label>
  <label>${t('inc.grade')}<select name="grade"><option value="">${t('strikes.any')}</option>${GRADES.map((g) => html`<option value="${g}"${form.grade === g ? html` selected` : ''}>${vocab(g, lang)}</option>`)}</select></label>
  <button type="submit">${t('strikes.apply')}</button>
</form>
<p class="muted">${formatNumber(rows.length, lang)} ${t('inc.total')}${rows.length === MAX_POINTS ? ` (${lang === 'ar' ? 'أول' : 'first'} ${formatNumber(MAX_POINTS, lang)})` : ''}. ${lang === 'ar'
        ? 'كل دائرة بنصف قطر دقة موقع الحادثة، لا دبوس: الموقع المعروف على مستوى المحافظة يظهر دائرة واسعة.'
        : 'Each incident is a circle of its location’s precision radius, not a pin: a place known only to the governorate shows as a wide circle.'}</p>
${svg}`;
      return reply.type('text/html; charset=utf-8').send(layout({ lang, title, path: req.url }, body));
    });

    app.get('/charts', { schema: { hide: true, querystring: z.object({ lang: z.enum(['en', 'ar']).optional() }) } }, async (req, reply) => {
      const lang = pickLang(req.query, req.cookies.lang);
      const db = deps.db.kysely;
      const [months, statuses, series] = await Promise.all([
        strikeRepository.perMonth(db),
        assessmentStatusCounts(db, true),
        reconcileSeries(db, { by: 'month', minGrade: 'fair', undated: undefined }),
      ]);
      const monthly = series.points
        .filter((p): p is typeof p & { period: string } => p.period != null)
        .map((p) => ({ month: p.period.slice(0, 7), alleged: p.killedAlleged.best ?? p.killedAlleged.low, conceded: p.killedConceded.min }));
      const title = lang === 'ar' ? 'رسوم بيانية' : 'Charts';
      const body = html`<h1>${title}</h1>
<section class="chart"><h2>${lang === 'ar' ? 'القتلى المدنيون: المزعوم مقابل المعترف به، شهريًا' : 'Civilian deaths alleged against conceded, per month'}</h2>
<p class="muted">${lang === 'ar' ? 'المزعوم: أرجح تقدير للحوادث المصنفة «مقبول» أو أعلى؛ المعترف به: الحد الأدنى الذي أقرّ به التحالف.' : 'Alleged: best estimate of incidents graded Fair or better; conceded: the minimum the coalition conceded.'}</p>
${monthly.some((m) => m.alleged != null || m.conceded != null) ? allegedVsConceded(monthly, lang) : html`<p>—</p>`}</section>
<section class="chart"><h2>${lang === 'ar' ? 'الضربات المعلنة شهريًا' : 'Declared strikes per month'}</h2>
${months.length ? strikesPerMonth(months, lang) : html`<p>—</p>`}</section>
<section class="chart"><h2>${lang === 'ar' ? 'التقييمات حسب الحالة' : 'Assessments by status'}</h2>
${statuses.length ? assessmentsByStatus(statuses.map((s) => ({ ...s, label: vocab(s.status, lang) })), lang) : html`<p>${lang === 'ar' ? 'لا توجد تقييمات مسجلة بعد.' : 'No assessments recorded yet.'}</p>`}</section>`;
      return reply.type('text/html; charset=utf-8').send(layout({ lang, title, path: req.url }, body));
    });
  };
}
