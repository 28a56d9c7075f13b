import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { raw, type SafeHtml } from '../html.ts';
import type { Lang } from '../i18n.ts';

/** Renders an Observable Plot figure on the server (linkedom supplies the document). */
function render(options: Plot.PlotOptions): SafeHtml {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const figure = Plot.plot({ ...options, className: 'hwplot', document: document });
  figure.setAttribute('role', 'img');
  // The page's CSP allows no inline styles: drop Plot's <style> blocks and style attributes;
  // app.css styles `.hwplot` instead.
  for (const el of [...figure.querySelectorAll('style')]) el.remove();
  for (const el of [figure, ...figure.querySelectorAll('[style]')]) el.removeAttribute('style');
  return raw(figure.outerHTML);
}

export interface MonthlyFigures {
  month: string;
  alleged: number | null;
  conceded: number | null;
}

/** Civilian deaths alleged (independent best estimate) against conceded, per month. */
export function allegedVsConceded(series: MonthlyFigures[], lang: Lang): SafeHtml {
  const rows = series.flatMap((s) => [
    { month: new Date(`${s.month}-01T00:00:00Z`), value: s.alleged, series: lang === 'ar' ? 'مزعوم (مستقل)' : 'alleged (independent)' },
    { month: new Date(`${s.month}-01T00:00:00Z`), value: s.conceded, series: lang === 'ar' ? 'معترف به (رسمي)' : 'conceded (official)' },
  ]).filter((r) => r.value != null);
  return render({
    width: 860, height: 280, marginLeft: 50,
    x: { type: 'utc', label: null },
    y: { grid: true, label: lang === 'ar' ? 'قتلى مدنيون' : 'civilians killed' },
    color: { legend: true, range: ['#d55e00', '#0072b2'] },
    marks: [Plot.lineY(rows, { x: 'month', y: 'value', stroke: 'series', curve: 'step' }), Plot.ruleY([0])],
  });
}

/** Declared strikes per month. */
export function strikesPerMonth(series: Array<{ month: string; strikes: number; country: string }>, lang: Lang): SafeHtml {
  const rows = series.map((s) => ({ month: new Date(`${s.month}-01T00:00:00Z`), strikes: s.strikes, country: s.country === 'SY' ? (lang === 'ar' ? 'سوريا' : 'Syria') : lang === 'ar' ? 'العراق' : 'Iraq' }));
  return render({
    width: 860, height: 260, marginLeft: 50,
    x: { type: 'utc', label: null },
    y: { grid: true, label: lang === 'ar' ? 'ضربات معلنة' : 'declared strikes' },
    color: { legend: true, range: ['#0072b2', '#e69f00'] },
    marks: [Plot.rectY(rows, Plot.stackY({ x: 'month', y: 'strikes', fill: 'country', interval: 'month' })), Plot.ruleY([0])],
  });
}

/** Current assessments by status. */
export function assessmentsByStatus(rows: Array<{ status: string; label: string; count: number }>, lang: Lang): SafeHtml {
  return render({
    width: 860, height: 40 + rows.length * 28, marginLeft: 190,
    x: { grid: true, label: lang === 'ar' ? 'عدد الحوادث' : 'incidents' },
    y: { label: null },
    marks: [Plot.barX(rows, { x: 'count', y: 'label', fill: '#0072b2', sort: { y: '-x' } }), Plot.text(rows, { x: 'count', y: 'label', text: 'count', dx: 14 }), Plot.ruleX([0])],
  });
}
