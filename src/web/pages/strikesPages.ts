import type { StrikeTotals } from '../../strikes/repository.ts';
import type { StrikeJson } from '../../strikes/presenters.ts';
import { html, type SafeHtml } from '../html.ts';
import { formatDate, formatNumber, translator, type Lang } from '../i18n.ts';

export interface StrikeFilterForm {
  from?: string | undefined;
  to?: string | undefined;
  country?: 'IQ' | 'SY' | undefined;
  place?: string | undefined;
}

const countryKey = (c: string): 'country.IQ' | 'country.SY' => (c === 'SY' ? 'country.SY' : 'country.IQ');

function filterQuery(f: StrikeFilterForm, lang: Lang, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.country) p.set('country', f.country);
  if (f.place) p.set('place', f.place);
  p.set('lang', lang);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p.toString();
}

/** The filter form and the table of declared strikes (verbatim lines), with cursor paging. */
export function strikesTable(
  lang: Lang,
  action: string,
  f: StrikeFilterForm,
  rows: StrikeJson[],
  nextCursor: string | null,
  totals: StrikeTotals,
  isFirstPage: boolean,
): SafeHtml {
  const t = translator(lang);
  return html`
<form class="filters" method="get" action="${action}" role="search">
  <input type="hidden" name="lang" value="${lang}">
  <label>${t('strikes.from')}<input type="date" name="from" value="${f.from ?? ''}"></label>
  <label>${t('strikes.to')}<input type="date" name="to" value="${f.to ?? ''}"></label>
  <label>${t('strikes.country')}<select name="country">
    <option value="">${t('strikes.any')}</option>
    <option value="IQ"${f.country === 'IQ' ? html` selected` : ''}>${t('country.IQ')}</option>
    <option value="SY"${f.country === 'SY' ? html` selected` : ''}>${t('country.SY')}</option>
  </select></label>
  <label>${t('strikes.place')}<input type="search" name="place" value="${f.place ?? ''}"></label>
  <button type="submit">${t('strikes.apply')}</button>
  <a href="${action}?lang=${lang}">${t('strikes.reset')}</a>
</form>
<p class="muted" role="status">${t('strikes.matching')}: ${formatNumber(totals.strikes, lang)} ${t('home.strikesDeclared')} · ${formatNumber(totals.lines, lang)} ${t('home.releaseLines')}</p>
${rows.length === 0
    ? html`<p>${t('strikes.none')}</p>`
    : html`<table>
  <caption class="muted">${t('strikes.title')}</caption>
  <thead><tr><th scope="col">${t('strikes.date')}</th><th scope="col">${t('strikes.country')}</th><th scope="col">${t('strikes.place')}</th><th scope="col" class="num">${t('strikes.count')}</th><th scope="col">${t('strikes.line')}</th></tr></thead>
  <tbody>
  ${rows.map((s) => html`<tr>
    <td><a href="${action}?${filterQuery({ ...f, from: s.releaseDate, to: s.releaseDate }, lang)}">${formatDate(s.releaseDate, lang)}</a></td>
    <td><a href="${action}?${filterQuery({ ...f, country: s.country === 'SY' ? 'SY' : 'IQ' }, lang)}">${t(countryKey(s.country))}</a></td>
    <td><a href="${action}?${filterQuery({ ...f, place: s.place }, lang)}">${s.place}</a></td>
    <td class="num">${s.strikes == null ? t('strikes.unknown') : formatNumber(s.strikes, lang)}</td>
    <td class="line" lang="en" dir="ltr">${s.line}</td>
  </tr>`)}
  </tbody>
</table>`}
<nav class="pager" aria-label="${lang === 'ar' ? 'الصفحات' : 'Pages'}">
  ${isFirstPage ? '' : html`<a href="${action}?${filterQuery(f, lang)}">${t('strikes.first')}</a>`}
  ${nextCursor ? html`<a rel="next" href="${action}?${filterQuery(f, lang, { cursor: nextCursor })}">${t('strikes.next')}</a>` : ''}
</nav>`;
}

/** Headline figures of the home page. */
export function strikeFigures(
  lang: Lang,
  totals: StrikeTotals,
  topPlaces: Array<{ place: string; country: string; lines: number; strikes: number }>,
): SafeHtml {
  const t = translator(lang);
  return html`
<section class="figures" aria-label="${t('home.strikesDeclared')}">
  <div class="figure"><div class="n">${formatNumber(totals.strikes, lang)}</div><div class="label">${t('home.strikesDeclared')} (${formatNumber(totals.lines, lang)} ${t('home.releaseLines')})</div></div>
  <div class="figure"><div class="n">${totals.first ? formatDate(totals.first, lang) : '—'} – ${totals.last ? formatDate(totals.last, lang) : '—'}</div><div class="label">${t('home.period')}</div></div>
  ${totals.byCountry.map((c) => html`<div class="figure"><div class="n">${formatNumber(c.strikes, lang)}</div><div class="label"><a href="/strikes?country=${c.country}&amp;lang=${lang}">${t(countryKey(c.country))}</a> · ${formatNumber(c.lines, lang)} ${t('home.releaseLines')}</div></div>`)}
</section>
<h2>${t('home.topPlaces')}</h2>
<ul class="places">
  ${topPlaces.map((p) => html`<li><a href="/strikes?${new URLSearchParams({ place: p.place, country: p.country, lang }).toString()}">${p.place}</a> <span class="muted">(${t(countryKey(p.country))}, ${formatNumber(p.strikes, lang)})</span></li>`)}
</ul>`;
}
