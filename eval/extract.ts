/**
 * `npm run eval -- extract`: claim extraction against
 *  (a) weak labels: every Airwars source text, scored on whether its main civilian-killed figure
 *      falls inside the linked incident's recorded civ_killed_min..max (precision, recall, F1 per
 *      language), beside a naive baseline measured in the same run;
 *  (b) the hand-labelled test set eval/labels/extract-hand.jsonl (labelling.md's rules), only scored;
 *  (c) the hand-labelled development set eval/labels/extract-dev.jsonl, the one rules are tuned on
 *      (`--detail` prints each of its misses with the text around it);
 *  (d) FA-KES's weak labels: the recorded location and date among the claims' places and periods.
 * `--weak-only` runs (a) alone; `--dev-only` leaves the test set out (use it while developing).
 * Data: Airwars, airwars.org; FA-KES (Salem et al. 2019). Nothing from them is written out.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { SHARED_DATA_ABSENT, sharedDataPath } from '../src/shared-data.ts';
import { extractClaims, norm, parsePublished, type Claim } from '../src/extract/index.ts';
import { loadCorpus, loadFakes } from './labels/select-extract-sample.ts';
import { printScore, readLabels, scoreFakes, scoreLabels } from './extract-labels.ts';

const textsPath = sharedDataPath('airwars-syria', 'source_texts.jsonl');
const incidentsPath = sharedDataPath('airwars-syria', 'incidents.csv');
if (!textsPath || !incidentsPath) {
  console.log(`extract eval ${SHARED_DATA_ABSENT}`);
  process.exit(0);
}

interface Row { source_id: string; airwars_ids: string[]; publication_date: string; language: string; text: string; title: string }
const rows = readFileSync(textsPath, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Row);
const incidents = parse<Record<string, string>>(readFileSync(incidentsPath, 'utf8'), { columns: true, skip_empty_lines: true });
const range = new Map<string, [number, number]>();
/** Weak date and place labels: the linked incident's recorded date and place names (Arabic and English). */
const incidentDate = new Map<string, string>();
const incidentPlaces = new Map<string, string[]>();
for (const r of incidents) {
  if (/^\d{4}-\d{2}-\d{2}$/.test(r.date ?? '')) incidentDate.set(r.airwars_id, r.date);
  incidentPlaces.set(r.airwars_id, [r.location_ar, r.location_en].filter((x): x is string => !!x));
}
for (const r of incidents) {
  const lo = r.civ_killed_min === '' ? null : Number(r.civ_killed_min);
  const hi = r.civ_killed_max === '' ? lo : Number(r.civ_killed_max);
  if (lo !== null && hi !== null && !Number.isNaN(lo) && !Number.isNaN(hi)) range.set(r.airwars_id, [lo, hi]);
}


/**
 * The text's main civilian-killed figure: the first stated one (its canonical claim's figure),
 * a total (civilians / unknown) before a sub-group (children, women, men).
 */
function mainFigure(claims: Claim[]): number | null {
  for (const groups of [['civilians', 'unknown'], ['children', 'women', 'men']]) {
    for (const c of claims) {
      if (c.type !== 'casualties' || c.outcome !== 'killed' || !groups.includes(c.population ?? '')) continue;
      const canon = c.duplicateOf !== null ? claims[c.duplicateOf] : c;
      const v = canon.min ?? canon.max;
      if (v !== null && v > 0) return v;
    }
  }
  return null;
}

const KILL = /(killed|dead|died|deaths?|مقتل|قتلى|قتلي|شهداء|شهيد|استشهاد|قتيل|ضحايا)/i;
/** Naive baseline: the first number within 40 characters of a killing word. */
function naive(text: string): number | null {
  const t = text.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660));
  for (const m of t.matchAll(/\d+/g)) {
    const around = t.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40);
    const v = Number(m[0]);
    if (KILL.test(around) && v > 0 && v < 5000) return v;
  }
  return null;
}

interface Tally { pred: number; gold: number; tp: number; n: number; stated: number }
/** Weak day and place hits per language: texts whose incident has a date / a place name written in the text. */
const scene = new Map<string, { days: number; dayHits: number; places: number; placeHits: number }>();
const weakPlace = (s: string): string => norm(s).replace(/(^|\s)ال/g, '$1').replace(/^(al|el|ad|as|ar|ash|at|az|an)[-\s]/, '')
  .replace(/^(قريه|بلده|مدينه|حي|مخيم|منطقه|village of|town of|city of|the )\s*/, '').replace(/[^\p{L}\p{N} ]/gu, ' ').replace(/\s+/g, ' ').trim();
/** Scores a text's claims against its incidents' date (a predicted period of seven days or less holding it) and place names. */
function scoreScene(lang: string, ids: string[], text: string, claims: Claim[]): void {
  const sc = scene.get(lang) ?? { days: 0, dayHits: 0, places: 0, placeHits: 0 };
  scene.set(lang, sc);
  const dates = ids.map((id) => incidentDate.get(id)).filter((d): d is string => !!d);
  if (dates.length) {
    sc.days++;
    if (claims.some((c) => c.period && (Date.parse(c.period.end) - Date.parse(c.period.start)) / 86_400_000 <= 6
      && dates.some((d) => c.period!.start <= d && d <= c.period!.end))) sc.dayHits++;
  }
  const nt = weakPlace(text);
  const names = ids.flatMap((id) => incidentPlaces.get(id) ?? []).map((x) => weakPlace(x.split(/[،,(]/)[0])).filter((x) => x.length > 1 && nt.includes(x));
  if (names.length) {
    sc.places++;
    const pred = claims.flatMap((c) => c.places.map((p) => weakPlace(p.text))).filter(Boolean);
    if (names.some((nm) => pred.some((q) => q.includes(nm) || nm.includes(q)))) sc.placeHits++;
  }
}
const tallies = new Map<string, { ours: Tally; base: Tally }>();
const misses = new Map<string, number>();
const miss = (k: string): void => void misses.set(k, (misses.get(k) ?? 0) + 1);
let unlabelled = 0;
let unlabelledPred = 0;
const t0 = performance.now();
for (const r of rows) {
  const lang = r.language === 'ar' || r.language === 'en' ? r.language : 'und';
  const t = tallies.get(lang) ?? { ours: { pred: 0, gold: 0, tp: 0, n: 0, stated: 0 }, base: { pred: 0, gold: 0, tp: 0, n: 0, stated: 0 } };
  tallies.set(lang, t);
  const ranges = r.airwars_ids.map((id) => range.get(id)).filter((x): x is [number, number] => !!x);
  if (ranges.length === 0) {
    // no recorded figure for the linked incident: blank = not published (README), so no label
    unlabelled++;
    const cl = extractClaims(r.text, { published: parsePublished(r.publication_date) }).claims;
    if (mainFigure(cl) !== null) unlabelledPred++;
    scoreScene(lang, r.airwars_ids, r.text, cl);
    continue;
  }
  const positive = ranges.some(([, hi]) => hi > 0);
  const inside = (v: number): boolean => ranges.some(([lo, hi]) => v >= lo && v <= hi);
  const claims = extractClaims(r.text, { published: parsePublished(r.publication_date), lang: lang === 'und' ? undefined : lang }).claims;
  scoreScene(lang, r.airwars_ids, r.text, claims);
  const ours = mainFigure(claims);
  const base = naive(r.text);
  // ceiling: positive texts in which some written digit group falls inside the recorded range
  const digits = r.text.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)).match(/\d+/g) ?? [];
  const stated = positive && digits.some((d) => Number(d) > 0 && inside(Number(d)));
  for (const [v, tl] of [[ours, t.ours], [base, t.base]] as const) {
    tl.n++;
    if (stated) tl.stated++;
    if (positive) tl.gold++;
    if (v !== null) tl.pred++;
    if (v !== null && positive && inside(v)) tl.tp++;
  }
  if (positive && (ours === null || !inside(ours))) {
    const killedClaims = claims.filter((c) => c.type === 'casualties' && c.outcome === 'killed');
    if (ours !== null) miss(ours > Math.max(...ranges.map(([, hi]) => hi)) ? 'figure above recorded range' : 'figure below recorded range');
    else if (killedClaims.length && killedClaims.every((c) => c.population === 'combatants')) miss('only combatant figures');
    else if (killedClaims.length) miss('only vague killed claims');
    else if (claims.some((c) => c.outcome === 'injured')) miss('injured but no killed figure');
    else if (r.text.length < 300) miss('short text / no figure found');
    else miss('long text, no figure found');
  } else if (!positive && ours !== null) miss('figure where incident records 0 killed');
}
const secs = (performance.now() - t0) / 1000;

const f1 = (t: Tally): { p: number; r: number; f: number } => {
  const p = t.pred ? t.tp / t.pred : 0;
  const r = t.gold ? t.tp / t.gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};
const pct = (x: number): string => x.toFixed(2);
console.log(`\n(a) weak labels: ${rows.length} Airwars source texts in ${secs.toFixed(1)} s (Data: Airwars, airwars.org);`);
console.log(`    ${unlabelled} left out: their incidents record no civilians-killed figure (unknown is not 0)`);
console.log('lang  texts  with-range  digit-in-range | extractor pred  tp    P     R     F1  | naive pred  tp    P     R     F1');
for (const [lang, { ours, base }] of [...tallies].sort()) {
  const a = f1(ours);
  const b = f1(base);
  console.log(`${lang.padEnd(5)} ${String(ours.n).padStart(5)}  ${String(ours.gold).padStart(10)}  ${String(ours.stated).padStart(14)} | ${String(ours.pred).padStart(14)} ${String(ours.tp).padStart(4)}  ${pct(a.p)}  ${pct(a.r)}  ${pct(a.f)} | ${String(base.pred).padStart(10)} ${String(base.tp).padStart(4)}  ${pct(b.p)}  ${pct(b.r)}  ${pct(b.f)}`);
}
const all = [...tallies.values()].reduce((a, { ours }) => ({ pred: a.pred + ours.pred, tp: a.tp + ours.tp }), { pred: 0, tp: 0 });
console.log(`(had blank been read as 0 killed: ${unlabelledPred} more predictions would count as wrong, overall precision ${pct(all.tp / (all.pred + unlabelledPred))} instead of ${pct(all.tp / all.pred)})`);
console.log('with-range: texts whose linked incident records civilians killed (> 0), the recall denominator;');
console.log('digit-in-range: of those, texts where any written number falls in the range (a ceiling for digit figures).');
console.log('\nweak event day and place (all texts; day: incident date inside a predicted period of <= 7 days; place: an incident place name written in the text found among predicted places):');
for (const [lang, sc] of [...scene].sort()) {
  console.log(`${lang.padEnd(5)} day ${sc.dayHits}/${sc.days} (${pct(sc.days ? sc.dayHits / sc.days : 0)}) | place ${sc.placeHits}/${sc.places} (${pct(sc.places ? sc.placeHits / sc.places : 0)})`);
}
console.log('\nmisses by category (weak labels):');
for (const [k, v] of [...misses].sort((a, b) => b[1] - a[1])) console.log(`  ${String(v).padStart(5)}  ${k}`);

// (b) test set, (c) development set, (d) FA-KES weak place and day
const args = process.argv.slice(2);
if (args.includes('--weak-only')) {
  console.log('\n(b)-(d) skipped (--weak-only)');
  process.exit(0);
}
const corpus = loadCorpus();
if (!corpus) {
  console.log(`\n(b) hand labels: ${SHARED_DATA_ABSENT}`);
  process.exit(0);
}
const TEST = fileURLToPath(new URL('labels/extract-hand.jsonl', import.meta.url));
const DEV = fileURLToPath(new URL('labels/extract-dev.jsonl', import.meta.url));
if (args.includes('--dev-only')) console.log('\n(b) test set not scored (--dev-only)');
else if (!existsSync(TEST)) console.log('\n(b) test set absent (eval/labels/extract-hand.jsonl)');
else {
  const labels = readLabels(TEST);
  printScore('(b) hand labels, test set (never read while tuning)', labels.length, scoreLabels(labels, corpus));
}
if (!existsSync(DEV)) console.log('\n(c) development set absent (eval/labels/extract-dev.jsonl)');
else {
  const labels = readLabels(DEV);
  printScore('(c) hand labels, development set (tuned on)', labels.length, scoreLabels(labels, corpus, args.includes('--detail')));
}
const fakes = loadFakes() ?? [];
const fakesLoc = new Map(fakes.map((t) => [t.id, t.location ?? '']));
scoreFakes(fakes, fakesLoc);
