import type { IncidentJson } from '../../incidents/presenters.ts';
import type { IncidentDetail } from '../../incidents/service.ts';
import { ASSESSMENT_STATUSES, GRADES } from '../../model/vocabulary.ts';
import { html, type SafeHtml } from '../html.ts';
import { formatDate, formatNumber, translator, type Lang } from '../i18n.ts';
import { vocab } from '../vocabLabels.ts';

export interface IncidentForm {
  from?: string | undefined; to?: string | undefined; country?: string | undefined; governorate?: string | undefined;
  belligerent?: string | undefined; grade?: string | undefined; assessment?: string | undefined; q?: string | undefined;
}

function query(f: IncidentForm, lang: Lang, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (typeof v === 'string' && v) p.set(k, v);
  p.set('lang', lang);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p.toString();
}

/** The incident filters that the claims exports understand (their own period, place or incident country). */
function claimQuery(f: IncidentForm): Record<string, string | undefined> {
  return { from: f.from, to: f.to, country: f.country };
}

/** The incident filters that the assessments exports understand. */
function assessmentQuery(f: IncidentForm): Record<string, string | undefined> {
  return { belligerent: f.belligerent, status: f.assessment, incidentFrom: f.from, incidentTo: f.to, country: f.country };
}

/** CSV, HXL and GeoJSON links to the streamed exports of `/api/<what>`. */
function downloads(what: 'claims' | 'assessments', filter: Record<string, string | undefined>): SafeHtml {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) p.set(k, v);
  const q = p.toString() ? `?${p.toString()}` : '';
  return html`<a href="/api/${what}.csv${q}">CSV</a>, <a href="/api/${what}.hxl.csv${q}">HXL</a>, <a href="/api/${what}.geojson${q}">GeoJSON</a>`;
}

/** "10 – 12 – 15", "at least 4" style; unknown bounds are shown as unknown, never 0. */
export function rangeText(low: number | null, best: number | null, high: number | null, lang: Lang): string {
  const t = translator(lang);
  const n = (x: number | null): string => (x == null ? '?' : formatNumber(x, lang));
  if (low == null && best == null && high == null) return t('inc.unknown');
  if (low != null && high != null && low === high) return n(low);
  return `${n(low)} – ${n(best)} – ${n(high)}`;
}

function dateText(i: IncidentJson, lang: Lang): string {
  if (!i.date.start) return translator(lang)('inc.unknown');
  const start = formatDate(i.date.start, lang);
  return i.date.end && i.date.end !== i.date.start ? `${start} – ${formatDate(i.date.end, lang)}` : start;
}

function placeName(i: IncidentJson, lang: Lang): SafeHtml {
  return lang === 'ar' && i.place.nameAr
    ? html`<span lang="ar">${i.place.nameAr}</span>`
    : html`<span>${i.place.text ?? ''}</span>${i.place.nameAr ? html` <span class="muted" lang="ar" dir="rtl">${i.place.nameAr}</span>` : ''}`;
}

function civilians(i: IncidentJson, outcome: 'killed' | 'injured', lang: Lang): string {
  const f = i.figures.find((x) => x.outcome === outcome && x.population === 'civilians');
  return f ? rangeText(f.low, f.best, f.high, lang) : translator(lang)('inc.unknown');
}

export function incidentList(lang: Lang, f: IncidentForm, facets: { governorates: Array<{ admin1: string }>; belligerents: string[] }, data: IncidentJson[], total: number, next: string | null, firstPage: boolean, totalExact = true): SafeHtml {
  const t = translator(lang);
  const select = (name: keyof IncidentForm, label: string, options: Array<{ value: string; text: string }>): SafeHtml => html`<label>${label}<select name="${name}">
    <option value="">${t('strikes.any')}</option>
    ${options.map((o) => html`<option value="${o.value}"${f[name] === o.value ? html` selected` : ''}>${o.text}</option>`)}
  </select></label>`;
  return html`<h1>${t('inc.title')}</h1>
<form class="filters" method="get" action="/incidents" role="search">
  <input type="hidden" name="lang" value="${lang}">
  <label>${t('inc.search')}<input type="search" name="q" value="${f.q ?? ''}" dir="auto"></label>
  <label>${t('strikes.from')}<input type="date" name="from" value="${f.from ?? ''}"></label>
  <label>${t('strikes.to')}<input type="date" name="to" value="${f.to ?? ''}"></label>
  ${select('country', t('strikes.country'), [{ value: 'IQ', text: t('country.IQ') }, { value: 'SY', text: t('country.SY') }])}
  ${select('governorate', t('inc.governorate'), facets.governorates.map((g) => ({ value: g.admin1, text: g.admin1 })))}
  ${select('belligerent', t('inc.belligerent'), facets.belligerents.map((b) => ({ value: b, text: vocab(b, lang) })))}
  ${select('grade', t('inc.grade'), GRADES.map((g) => ({ value: g, text: vocab(g, lang) })))}
  ${select('assessment', t('inc.assessment'), ASSESSMENT_STATUSES.map((s) => ({ value: s, text: vocab(s, lang) })))}
  <button type="submit">${t('strikes.apply')}</button>
  <a href="/incidents?lang=${lang}">${t('strikes.reset')}</a>
</form>
<p class="muted" role="status">${totalExact ? '' : (lang === 'ar' ? 'أكثر من ' : 'more than ')}${formatNumber(total, lang)} ${t('inc.total')} · ${t('inc.download')}:
  <a href="/api/incidents.csv?${query(f, lang)}">CSV</a>, <a href="/api/incidents.hxl.csv?${query(f, lang)}">HXL</a>, <a href="/api/incidents.geojson?${query(f, lang)}">GeoJSON</a>
  · ${t('inc.claims')}: ${downloads('claims', claimQuery(f))}
  · ${t('inc.assessments')}: ${downloads('assessments', assessmentQuery(f))}</p>
${data.length === 0 ? html`<p>${t('inc.none')}</p>` : html`<table>
<caption class="muted">${t('inc.title')}</caption>
<thead><tr><th scope="col">ID</th><th scope="col">${t('inc.date')}</th><th scope="col">${t('inc.place')}</th><th scope="col">${t('inc.belligerent')}</th><th scope="col">${t('inc.grade')}</th><th scope="col" class="num">${t('inc.killed')}</th><th scope="col" class="num">${t('inc.injured')}</th><th scope="col">${t('inc.assessment')}</th></tr></thead>
<tbody>${data.map((i) => html`<tr>
  <td><a href="/incidents/${i.id}?lang=${lang}">${i.id}</a></td>
  <td>${dateText(i, lang)}</td>
  <td>${placeName(i, lang)}${i.place.governorate ? html`<br><span class="muted">${i.place.governorate}</span>` : ''}</td>
  <td>${i.belligerents.map((b) => vocab(b, lang)).join(', ')}</td>
  <td>${vocab(i.grade, lang)}</td>
  <td class="num">${civilians(i, 'killed', lang)}</td>
  <td class="num">${civilians(i, 'injured', lang)}</td>
  <td>${i.assessments.map((a) => `${vocab(a.belligerent, lang)}: ${vocab(a.status, lang)}`).join('; ')}</td>
</tr>`)}</tbody></table>`}
<nav class="pager" aria-label="${lang === 'ar' ? 'الصفحات' : 'Pages'}">
  ${firstPage ? '' : html`<a href="/incidents?${query(f, lang)}">${t('strikes.first')}</a>`}
  ${next ? html`<a rel="next" href="/incidents?${query(f, lang, { cursor: next })}">${t('strikes.next')}</a>` : ''}
</nav>`;
}

export function incidentDetail(lang: Lang, d: IncidentDetail): SafeHtml {
  const t = translator(lang);
  return html`<h1>${d.id}: ${d.title ?? placeName(d, lang)}</h1>
<p>${dateText(d, lang)} (${t('inc.precision')}: ${vocab(d.date.precision, lang) || t('inc.unknown')}) · ${placeName(d, lang)}${d.place.governorate ? `, ${d.place.governorate}` : ''}
 (${t('inc.precision')}: ${vocab(d.place.precision, lang) || t('inc.unknown')}${d.place.radiusM ? `, ${t('inc.radius')} ${formatNumber(d.place.radiusM, lang)} m` : ''})</p>
<p>${t('inc.belligerent')}: ${d.belligerents.map((b) => vocab(b, lang)).join(', ') || t('inc.unknown')} · ${t('inc.grade')}: <strong>${vocab(d.grade, lang) || t('inc.unknown')}</strong></p>
${d.summary ? html`<p>${d.summary}</p>` : ''}
<h2>${t('inc.figures')}</h2>
${d.figures.length === 0 ? html`<p>${t('inc.unknown')}</p>` : html`<table><thead><tr><th scope="col">${t('inc.status')}</th><th scope="col" class="num">${t('inc.figures')}</th><th scope="col">${t('inc.rule')}</th></tr></thead><tbody>
${d.figures.map((f) => html`<tr><td>${vocab(f.population, lang)} ${vocab(f.outcome, lang)}</td><td class="num">${rangeText(f.low, f.best, f.high, lang)}</td><td class="muted">${f.rule}</td></tr>`)}
</tbody></table>`}
<h2>${t('inc.assessments')}</h2>
${d.assessments.length === 0 ? html`<p>${t('inc.noAssessments')}</p>` : html`<table><thead><tr><th scope="col">${t('inc.belligerent')}</th><th scope="col">${t('inc.status')}</th><th scope="col">${t('inc.conceded')}</th><th scope="col">${t('inc.reason')}</th></tr></thead><tbody>
${d.assessments.map((a) => html`<tr><td>${vocab(a.belligerent, lang)}</td><td>${vocab(a.status, lang)}${a.assessedOn ? html`<br><span class="muted">${formatDate(a.assessedOn, lang)}</span>` : ''}</td>
<td>${vocab('killed', lang)}: ${rangeText(a.conceded.killed.min, null, a.conceded.killed.max, lang)}; ${vocab('injured', lang)}: ${rangeText(a.conceded.injured.min, null, a.conceded.injured.max, lang)}</td>
<td>${a.reasonGiven ? a.reason : html`<em>${t('inc.noReason')}</em>`}${a.documentUrl ? html` <a href="${a.documentUrl}">↗</a>` : ''}</td></tr>`)}
</tbody></table>
${d.assessmentHistory.length ? html`<h3>${t('inc.history')}</h3><ol>${d.assessmentHistory.map((h) => html`<li>${vocab(h.belligerent, lang)} v${h.version}: ${vocab(h.status, lang)} — ${h.reasonGiven ? h.reason : t('inc.noReason')} <span class="muted">(${h.recordedAt.slice(0, 10)}; ${h.changeReason})</span></li>`)}</ol>` : ''}`}
<h2>${lang === 'ar' ? 'الضحايا' : 'Victims'}</h2>
${d.victims.counts.total === 0 ? html`<p>${lang === 'ar' ? 'لم يُسجَّل ضحايا بالاسم أو الوصف بعد.' : 'No victims recorded by name or description yet.'}</p>` : html`<p>${formatNumber(d.victims.counts.total, lang)} ${lang === 'ar' ? 'مسجلون' : 'recorded'}: ${Object.entries(d.victims.counts.byPopulation).map(([k, v]) => `${vocab(k, lang)} ${formatNumber(v, lang)}`).join(' · ')}
${d.victims.restricted ? html`<br><span class="muted">${lang === 'ar' ? `أسماء ${formatNumber(d.victims.restricted, lang)} منهم محجوبة إلى أن تُعتمد للنشر.` : `Names of ${formatNumber(d.victims.restricted, lang)} are restricted until approved for publication.`}</span>` : ''}</p>
${d.victims.named.length ? html`<ul>${d.victims.named.map((v) => html`<li>${v.names.map((n) => html`<span dir="auto">${n.name}</span>`)}${v.age.min != null ? ` (${v.age.min}${v.age.max != null && v.age.max !== v.age.min ? `–${v.age.max}` : ''})` : ''}</li>`)}</ul>` : ''}`}
<h2>${lang === 'ar' ? 'استجابات الأطراف المحاربة' : 'Responses'}</h2>
${d.responses.length === 0 ? html`<p>${lang === 'ar' ? 'لا توجد استجابات مسجلة (اعتراف، اعتذار، تحقيق، تعويض).' : 'No response recorded (acknowledgement, apology, investigation, payment).'}</p>` : html`<ul>${d.responses.map((r) => html`<li>${vocab(r.belligerent, lang)}: ${r.kind.replace(/_/g, ' ')}${r.respondedOn ? ` (${formatDate(r.respondedOn, lang)})` : ''}${r.amount != null ? ` — ${formatNumber(r.amount, lang)} ${r.currency ?? ''}` : ''}${r.description ? html`<br><span class="muted">${r.description}</span>` : ''}</li>`)}</ul>`}
<h2>${t('inc.claims')}</h2>
${d.claims.length === 0 ? html`<p>${t('inc.noClaims')}</p>` : html`<ol class="claims">${d.claims.map((c) => html`<li>
  <blockquote dir="auto">${c.quote}</blockquote>
  <p>${c.claimant ?? ''} · ${c.outcome ? `${vocab(c.population, lang)} ${vocab(c.outcome, lang)}: ${rangeText(c.min, null, c.max, lang)}${c.qualifier && c.qualifier !== 'exact' ? ` (${c.qualifier.replace(/_/g, ' ')})` : ''}` : c.type}</p>
  <p class="muted">${t('inc.source')}: ${c.source.url ? html`<a href="${c.source.url}">${c.source.title ?? c.source.publisher ?? c.source.url}</a>` : (c.source.title ?? c.source.publisher ?? '')}
   · ${t('inc.captured')} ${c.source.capturedAt.slice(0, 10)} · SHA-256 <a href="/sources/${c.source.id}?lang=${lang}#claim-${c.id}"><code>${c.source.sha256.slice(0, 16)}…</code></a> · [${formatNumber(c.span[0], lang)}–${formatNumber(c.span[1], lang)}]</p>
</li>`)}</ol>`}
<h2>${t('inc.strikesNearby')}</h2>
${d.strikesNearby.length === 0 ? html`<p>${t('inc.noStrikes')}</p>` : html`<table><thead><tr><th scope="col">${t('strikes.date')}</th><th scope="col">${t('strikes.place')}</th><th scope="col" class="num">${t('strikes.count')}</th><th scope="col">${t('strikes.line')}</th></tr></thead><tbody>
${d.strikesNearby.map((s) => html`<tr><td>${formatDate(s.releaseDate, lang)} <span class="muted">(${s.dayGap >= 0 ? '+' : ''}${s.dayGap} ${t('inc.days')}${s.distanceKm != null ? `, ${s.distanceKm.toFixed(1)} km` : ''})</span></td><td>${s.place}</td><td class="num">${s.strikes ?? '?'}</td><td class="line" lang="en" dir="ltr">${s.line}</td></tr>`)}
</tbody></table>`}
<p class="muted"><a href="/api/incidents/${d.id}">JSON</a> · ${t('inc.download')}: ${t('inc.claims')}: ${downloads('claims', { incident: d.id })}
 · ${t('inc.assessments')}: ${downloads('assessments', { incident: d.id })}${d.assessments.map((a) => html` · <a href="/api/incidents/${d.id}/assessments/${encodeURIComponent(a.belligerent)}/history">${vocab(a.belligerent, lang)}: ${t('inc.history')}</a>`)}</p>`;
}
