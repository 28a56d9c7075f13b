/** How a source leaves: JSON for /api/sources/:id and the HTML page /sources/:id. */
import { redactText } from '../privacy/redact.ts';
import { html, type SafeHtml } from '../web/html.ts';
import { formatNumber, type Lang } from '../web/i18n.ts';
import { vocab } from '../web/vocabLabels.ts';
import type { SourceClaimRow } from './repository.ts';
import type { SourceView } from './service.ts';

const isSubmission = (v: SourceView): boolean => v.source.type === 'public_submission';

function claimJson(c: SourceClaimRow, redact: boolean) {
  return {
    id: Number(c.id), type: c.type, outcome: c.outcome, population: c.population, min: c.min, max: c.max, qualifier: c.qualifier,
    period: { start: c.period_start, end: c.period_end, precision: c.date_precision },
    place: { text: c.place_text, precision: c.place_precision }, claimant: c.claimant, actor: c.actor_text, stance: c.stance,
    quote: redact ? redactText(c.quote) : c.quote, span: [c.span_start, c.span_end] as [number, number], status: c.status, origin: c.origin,
    incident: c.incident_public_id ? { id: c.incident_public_id, href: `/api/incidents/${encodeURIComponent(c.incident_public_id)}` } : null,
  };
}

export function presentSource(v: SourceView) {
  const s = v.source;
  const redact = isSubmission(v);
  return {
    id: s.id, version: s.version, type: s.type, title: s.title, publisher: redact ? null : s.publisher, url: redact ? null : s.url, language: s.language,
    publishedOn: s.published_on, capturedAt: s.captured_at.toISOString(), sha256: s.sha256, mediaType: s.media_type, bytes: s.bytes,
    provenance: s.dataset ? { dataset: s.dataset, row: s.dataset_row, fileSha256: s.file_sha256 } : null,
    versions: v.versions.map((x) => ({ id: x.id, version: x.version, sha256: x.sha256, capturedAt: x.captured_at.toISOString(), href: `/api/sources/${x.id}` })),
    claims: v.claims.map((c) => claimJson(c, redact)),
    text: v.text == null ? null : redact ? redactText(v.text) : v.text,
    links: { claims: `/api/claims?source=${s.id}`, page: `/sources/${s.id}` },
  };
}

/** The captured text with each claim's span marked (overlapping spans: the first wins). */
function markedText(text: string, claims: SourceClaimRow[]): SafeHtml {
  const parts: SafeHtml[] = [];
  let at = 0;
  for (const c of [...claims].sort((a, b) => a.span_start - b.span_start)) {
    if (c.span_start < at || c.span_end > text.length || c.span_end <= c.span_start) continue;
    parts.push(html`${text.slice(at, c.span_start)}<mark id="claim-${String(c.id)}">${text.slice(c.span_start, c.span_end)}</mark>`);
    at = c.span_end;
  }
  parts.push(html`${text.slice(at)}`);
  return html`${parts}`;
}

const L = (lang: Lang, en: string, ar: string): string => (lang === 'ar' ? ar : en);

export function sourcePage(v: SourceView, lang: Lang): { title: string; body: SafeHtml } {
  const j = presentSource(v);
  const title = j.title ?? j.publisher ?? `${L(lang, 'Source', 'المصدر')} ${j.id}`;
  const n = (x: number | null): string => (x == null ? '?' : formatNumber(x, lang));
  const body = html`<h1 dir="auto">${title}</h1>
<dl class="facts">
<dt>${L(lang, 'Type', 'النوع')}</dt><dd>${j.type.replace(/_/g, ' ')}</dd>
${j.publisher ? html`<dt>${L(lang, 'Publisher', 'الناشر')}</dt><dd dir="auto">${j.publisher}</dd>` : ''}
${j.url ? html`<dt>URL</dt><dd dir="ltr"><a href="${j.url}" rel="noopener noreferrer">${j.url}</a></dd>` : ''}
${j.publishedOn ? html`<dt>${L(lang, 'Published', 'تاريخ النشر')}</dt><dd>${j.publishedOn}</dd>` : ''}
<dt>${L(lang, 'Captured', 'وقت الالتقاط')}</dt><dd>${j.capturedAt.slice(0, 16).replace('T', ' ')} UTC</dd>
<dt>SHA-256</dt><dd dir="ltr"><code>${j.sha256}</code></dd>
${j.provenance ? html`<dt>${L(lang, 'Dataset', 'مجموعة البيانات')}</dt><dd>${j.provenance.dataset}${j.provenance.row != null ? html`, ${L(lang, 'row', 'الصف')} ${n(j.provenance.row)}` : ''}</dd>` : ''}
<dt>${L(lang, 'Version', 'النسخة')}</dt><dd>${n(j.version)} ${L(lang, 'of', 'من')} ${n(j.versions.length)}${j.versions.length > 1 ? html` · ${j.versions.map((x) => (x.id === j.id ? html`<strong>${n(x.version)}</strong> ` : html`<a href="/sources/${String(x.id)}?lang=${lang}">${n(x.version)}</a> `))}` : ''}</dd>
</dl>
<p><a href="/api/sources/${String(j.id)}">JSON</a> · ${L(lang, 'claims as', 'الادعاءات بصيغة')} <a href="/api/claims.csv?source=${String(j.id)}">CSV</a></p>
<h2>${L(lang, 'Claims in this source', 'الادعاءات في هذا المصدر')} (${n(j.claims.length)})</h2>
${j.claims.length === 0 ? html`<p class="muted">${L(lang, 'No claim from this source is public yet.', 'لا ادعاء منشور من هذا المصدر بعد.')}</p>` : html`<ol>${j.claims.map((c) => html`<li>
<blockquote dir="auto"><a href="#claim-${String(c.id)}">${c.quote}</a></blockquote>
<p>${vocab(c.type, lang)}${c.outcome ? html` · ${vocab(c.outcome, lang)}` : ''}${c.population ? html` · ${vocab(c.population, lang)}` : ''}${c.type === 'casualties' || c.type === 'strikes' || c.type === 'reports' ? html` · ${n(c.min)}–${n(c.max)}${c.qualifier ? html` (${vocab(c.qualifier, lang)})` : ''}` : ''}${c.place.text ? html` · <span dir="auto">${c.place.text}</span>` : ''}${c.period.start ? html` · ${c.period.start}${c.period.end && c.period.end !== c.period.start ? html`–${c.period.end}` : ''}` : ''}${c.stance.length ? html` · “${c.stance.join('”, “')}”` : ''}
 · [${n(c.span[0])}–${n(c.span[1])}]${c.incident ? html` · <a href="/incidents/${c.incident.id}?lang=${lang}">${c.incident.id}</a>` : ''}</p></li>`)}</ol>`}
${j.text != null ? html`<h2>${L(lang, 'Captured text (staff only)', 'النص الملتقط (للفريق فقط)')}</h2><pre class="source-text" dir="auto">${isSubmission(v) ? j.text : markedText(j.text, v.claims)}</pre>` : ''}`;
  return { title, body };
}
