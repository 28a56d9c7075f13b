/**
 * Agreement between two hand labellings of the same texts (labelling.md's scoring, with the
 * first file as reference): casualty-figure F1, event days and places per language. Prints
 * aggregates only, so that it can be run on the test set without reading it.
 *
 *   node --import tsx eval/labels/agreement.ts <a.jsonl> <b.jsonl>
 */
import { compatiblePop, normPlace, readLabels, samePlace, type Label, type LabelFig } from '../extract-labels.ts';
import { loadCorpus } from './select-extract-sample.ts';
import { SHARED_DATA_ABSENT } from '../../src/shared-data.ts';

const [fa, fb] = process.argv.slice(2);
if (!fa || !fb) {
  console.log('usage: agreement.ts <a.jsonl> <b.jsonl>');
  process.exit(2);
}
const corpus = loadCorpus();
if (!corpus) {
  console.log(SHARED_DATA_ABSENT);
  process.exit(0);
}
const a = new Map(readLabels(fa).map((l) => [l.id, l]));
const b = new Map(readLabels(fb).map((l) => [l.id, l]));
const figKey = (g: LabelFig): number | null => g.min ?? g.max;
/** Matches b's figures to a's: same outcome, compatible population, same min (or max when min is null). */
function matched(x: LabelFig[], y: LabelFig[]): number {
  const used = new Set<number>();
  const done = new Set<LabelFig>();
  let n = 0;
  for (const same of [true, false]) {
    for (const g of x) {
      if (done.has(g)) continue;
      const k = y.findIndex((p, i) => !used.has(i) && p.outcome === g.outcome && (same ? p.population === g.population : compatiblePop(p.population, g.population))
        && (g.min !== null ? p.min === g.min : p.min === null && p.max === g.max));
      if (k >= 0) {
        used.add(k);
        done.add(g);
        n++;
      }
    }
  }
  return n;
}
const places = (l: Label, text: string): string[] => (l.places as { romanised?: string; span?: [number, number] }[])
  .map((p) => normPlace(p.span ? text.slice(p.span[0], p.span[1]) : p.romanised ?? '')).filter(Boolean);
const per = new Map<string, { texts: number; a: number; b: number; both: number; sameFig: number; days: number; dayAgree: number; dayOnlyOne: number; placesA: number; placeHits: number }>();
let missing = 0;
for (const [id, la] of a) {
  const lb = b.get(id);
  const t = corpus.get(id);
  if (!lb || !t) { missing++; continue; }
  const s = per.get(la.language) ?? { texts: 0, a: 0, b: 0, both: 0, sameFig: 0, days: 0, dayAgree: 0, dayOnlyOne: 0, placesA: 0, placeHits: 0 };
  per.set(la.language, s);
  s.texts++;
  s.a += la.casualties.length;
  s.b += lb.casualties.length;
  s.both += matched(la.casualties, lb.casualties);
  const fig = (x: LabelFig[]): string => x.map(figKey).sort().join(',');
  if (fig(la.casualties) === fig(lb.casualties)) s.sameFig++;
  if (la.event_date || lb.event_date) {
    s.days++;
    if (la.event_date === lb.event_date) s.dayAgree++;
    else if (!la.event_date || !lb.event_date) s.dayOnlyOne++;
  }
  const pa = places(la, t.text);
  const pb = places(lb, t.text);
  s.placesA += pa.length;
  s.placeHits += pa.filter((x) => pb.some((y) => samePlace(x, y))).length;
}
const f = (x: number): string => x.toFixed(2);
console.log(`agreement of ${fb} with ${fa}${missing ? ` (${missing} texts of the first not in the second)` : ''}`);
console.log('lang  texts  figs-a figs-b  both   P(b)  R(b)   F1  | same figures | day agree (one side only) | places of a in b');
for (const [lang, s] of [...per].sort()) {
  const p = s.b ? s.both / s.b : 0;
  const r = s.a ? s.both / s.a : 0;
  console.log(`${lang.padEnd(5)} ${String(s.texts).padStart(5)} ${String(s.a).padStart(6)} ${String(s.b).padStart(6)} ${String(s.both).padStart(5)}  ${f(p)}  ${f(r)}  ${f(p + r ? (2 * p * r) / (p + r) : 0)} | ${s.sameFig}/${s.texts} | ${s.dayAgree}/${s.days} (${s.dayOnlyOne}) | ${s.placeHits}/${s.placesA}`);
}
