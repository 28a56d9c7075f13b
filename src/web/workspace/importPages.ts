/**
 * The analyst's import form: paste an article (or any document's text) with its URL, publisher
 * and date; it is stored as a source (verbatim, SHA-256, clean text) through the same service as
 * `POST /api/sources` and `harmwatch import article`, its claims are extracted and linked, and the
 * result page lists them with their quotes, to confirm in the workspace.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import { html, type SafeHtml } from '../html.ts';
import { formatNumber, pickLang, type Lang } from '../i18n.ts';
import { layout } from '../layout.ts';
import { vocab } from '../vocabLabels.ts';
import { ANONYMOUS, auditName } from '../../auth/policies.ts';
import { importArticle } from '../../ingest/uploads.ts';
import { ingestRepository } from '../../ingest/repository.ts';

const L = (lang: Lang, en: string, ar: string): string => (lang === 'ar' ? ar : en);
const blank = (v: unknown): unknown => (v === '' ? undefined : v);
const LangQ = z.object({ lang: z.enum(['en', 'ar']).optional() });

const ImportForm = z.object({
  content: z.string().trim().min(1).max(5_000_000),
  url: z.preprocess(blank, z.string().url().max(2000).optional()),
  publisher: z.preprocess(blank, z.string().trim().max(300).optional()),
  published_on: z.preprocess(blank, z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional()),
  language: z.preprocess(blank, z.enum(['en', 'ar']).optional()),
  content_type: z.enum(['text/plain', 'text/html']).default('text/plain'),
  reason: z.string().trim().min(3).max(2000),
});

function page(reply: FastifyReply, req: FastifyRequest, lang: Lang, title: string, body: SafeHtml): FastifyReply {
  return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(layout({ lang, title, path: req.url }, body));
}

export function importPages(deps: AppDeps): FastifyPluginAsyncZod {
  const db = deps.db.kysely;
  return async (app) => {
    app.get('/workspace/import', { config: { action: 'source.import' }, schema: { hide: true, querystring: LangQ } }, async (req, reply) => {
      const lang = pickLang(req.query, req.cookies.lang);
      return page(reply, req, lang, L(lang, 'Import an article', 'استيراد مقال'), html`<h1>${L(lang, 'Import an article', 'استيراد مقال')}</h1>
<p><a href="/workspace">${L(lang, 'Workspace', 'مساحة العمل')}</a></p>
<p class="muted">${L(lang, 'The text is kept verbatim with its SHA-256 and capture time; casualty claims are extracted, tied to their words, and linked into incidents. Datasets (Airwars, UCDP, ACLED, CSV, HXL, determinations) go through POST /api/imports/<kind> or harmwatch import.', 'يُحفظ النص كما هو مع بصمته SHA-256 ووقت التقاطه؛ وتُستخرج ادعاءات الضحايا مربوطة بكلماتها وتُربط بالحوادث. أما مجموعات البيانات فعبر POST /api/imports/<kind> أو harmwatch import.')}</p>
<form method="post" action="/workspace/import" class="stack">
<input type="hidden" name="_csrf" value="${req.auth.csrfToken ?? ''}">
<label for="content">${L(lang, 'Text of the article (or its HTML)', 'نص المقال (أو HTML)')}</label><textarea id="content" name="content" rows="14" dir="auto" required></textarea>
<label for="content_type">${L(lang, 'Format', 'الصيغة')}</label><select id="content_type" name="content_type"><option value="text/plain">${L(lang, 'plain text', 'نص عادي')}</option><option value="text/html">HTML</option></select>
<label for="url">${L(lang, 'Where it was published (URL)', 'رابط النشر')}</label><input id="url" name="url" type="url" dir="ltr">
<label for="publisher">${L(lang, 'Publisher', 'الناشر')}</label><input id="publisher" name="publisher" dir="auto">
<label for="published_on">${L(lang, 'Publication date', 'تاريخ النشر')}</label><input id="published_on" name="published_on" type="date">
<label for="language">${L(lang, 'Language', 'اللغة')}</label><select id="language" name="language"><option value="">${L(lang, 'detect', 'تلقائي')}</option><option value="en">English</option><option value="ar">العربية</option></select>
<label for="reason">${L(lang, 'Reason (required)', 'السبب (إلزامي)')}</label><input id="reason" name="reason" required minlength="3" maxlength="2000">
<button type="submit">${L(lang, 'Import', 'استيراد')}</button>
</form>`);
    });

    app.post('/workspace/import', { config: { action: 'source.import' }, schema: { hide: true, body: ImportForm, querystring: LangQ } }, async (req, reply) => {
      const lang = pickLang(req.query, req.cookies.lang);
      const b = req.body;
      const r = await importArticle(db, auditName(req.actor ?? ANONYMOUS), {
        content: b.content, contentType: b.content_type, url: b.url, publisher: b.publisher, publishedOn: b.published_on, language: b.language,
        reason: b.reason, link: true, dryRun: false,
      }, deps.config.bodyLimit);
      const claims = r.source ? await ingestRepository.claimsOfSource(db, r.source.id) : [];
      const changed = r.result.imported + r.result.updated > 0;
      return page(reply, req, lang, L(lang, 'Imported', 'تم الاستيراد'), html`<h1>${changed ? L(lang, 'Imported', 'تم الاستيراد') : L(lang, 'Already stored, unchanged', 'محفوظ مسبقًا دون تغيير')}</h1>
<p><a href="/workspace">${L(lang, 'Workspace', 'مساحة العمل')}</a> · <a href="/workspace/import">${L(lang, 'Import another', 'استيراد آخر')}</a></p>
${r.source ? html`<p>${L(lang, 'Source', 'المصدر')} ${r.source.id}, ${L(lang, 'version', 'النسخة')} ${formatNumber(r.source.version, lang)} · SHA-256 <code>${r.source.sha256}</code> · ${L(lang, 'captured', 'التُقط')} ${r.source.capturedAt.toISOString().slice(0, 16)}</p>` : ''}
${r.linkage ? html`<p>${L(lang, 'Linkage', 'الربط')}: ${formatNumber(r.linkage.attached, lang)} ${L(lang, 'attached to incidents', 'أُلحقت بحوادث')}, ${formatNumber(r.linkage.created, lang)} ${L(lang, 'new incidents', 'حوادث جديدة')}, ${formatNumber(r.linkage.queued, lang)} ${L(lang, 'pairs for review', 'أزواج للمراجعة')}</p>` : ''}
<h2>${L(lang, 'Claims extracted', 'الادعاءات المستخرجة')} (${formatNumber(claims.length, lang)})</h2>
${claims.length === 0 ? html`<p class="muted">${L(lang, 'No claim found in this text.', 'لم يُعثر على ادعاء في هذا النص.')}</p>` : html`<ol>${claims.map((c) => html`<li><blockquote dir="auto">${c.quote}</blockquote>
<p>${vocab(c.type, lang) || c.type}${c.outcome ? html` · ${vocab(c.outcome, lang) || c.outcome}` : ''}${c.population ? html` · ${vocab(c.population, lang) || c.population}` : ''} · ${c.min == null ? '?' : formatNumber(c.min, lang)}–${c.max == null ? '?' : formatNumber(c.max, lang)}${c.qualifier ? html` (${vocab(c.qualifier, lang) || c.qualifier})` : ''}${c.place_text ? html` · ${c.place_text}` : ''}${c.period_start ? html` · ${c.period_start}` : ''}${c.claimant ? html` · ${c.claimant}` : ''}</p></li>`)}</ol>`}`);
    });
  };
}
