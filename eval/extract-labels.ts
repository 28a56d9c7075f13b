/**
 * Scoring of extracted claims against hand labels (labelling.md's rules), shared by the test set
 * (eval/labels/extract-hand.jsonl, only ever scored) and the development set
 * (eval/labels/extract-dev.jsonl, read and tuned on), plus FA-KES's weak place and day labels.
 */
import { readFileSync } from 'node:fs';
import { extractClaims, norm, parsePublished, type Claim } from '../src/extract/index.ts';
import type { CorpusText } from './labels/select-extract-sample.ts';

export interface LabelFig { outcome: string; population: string; min: number | null; max: number | null; qualifier?: string; span?: [number, number] }
export interface Label { id: string; language: string; casualties: LabelFig[]; event_date: string | null; places: unknown[] }
export interface HandScore { tp: number; pred: number; gold: number; days: number; dayHits: number; places: number; placeHits: number }

const CIV = new Set(['civilians', 'unknown', 'children', 'women', 'men']);
const pct = (x: number): string => x.toFixed(2);
/** Civilians and unknown are compatible; children, women and men also count as civilians. */
export const compatiblePop = (a: string, b: string): boolean => a === b
  || (CIV.has(a) && CIV.has(b) && (['civilians', 'unknown'].includes(a) || ['civilians', 'unknown'].includes(b)));

/** A labelled place's names: the text its span covers (as written) and its romanised form. */
const placeName = (p: unknown, text: string): string[] => {
  if (typeof p === 'string') return [p];
  if (p && typeof p === 'object') {
    const o = p as Record<string, unknown>;
    const span = Array.isArray(o.span) && typeof o.span[0] === 'number' && typeof o.span[1] === 'number' ? [text.slice(o.span[0], o.span[1])] : [];
    return [...span, ...['text', 'name', 'as_written', 'written', 'romanised'].map((k) => o[k]).filter((x): x is string => typeof x === 'string')];
  }
  return [];
};
/** Place names compared without the Arabic article, diacritics, alef forms, case and punctuation. */
export const normPlace = (s: string): string => norm(s).replace(/_/g, ' ').replace(/(^|\s)ال/g, '$1').replace(/^(al|el|ad|as|ar|ash|at|az|an)[-\s]/, '').replace(/[^\p{L}\p{N} ]/gu, '').trim();
/** One place name holds the other, compared without spaces ("#حمرة_بلاسم" and "حمرة بلاسم" are one name). */
export const samePlace = (a: string, b: string): boolean => {
  const [x, y] = [a.replace(/ /g, ''), b.replace(/ /g, '')];
  return x.includes(y) || y.includes(x);
};

/** The publication date of a corpus text as YYYY-MM-DD (FA-KES writes M/D/YYYY). */
export function publishedOf(t: CorpusText): string | undefined {
  const us = t.sourceType.startsWith('fakes:') ? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t.publicationDate.trim()) : null;
  if (us) return `${us[3]}-${us[1].padStart(2, '0')}-${us[2].padStart(2, '0')}`;
  return parsePublished(t.publicationDate);
}

export const readLabels = (file: string): Label[] => readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Label);

const short = (c: Claim | LabelFig): string => `${String(c.outcome)}/${String(c.population)} ${String(c.min)}-${String(c.max)}`;

/**
 * Scores `labels` per language. `detail` prints every miss with the text around it: use it only on
 * the development set (the test set is never read while tuning).
 */
export function scoreLabels(labels: Label[], corpus: Map<string, CorpusText>, detail = false): { byLang: Map<string, HandScore>; misses: Map<string, number>; unknownIds: number } {
  const byLang = new Map<string, HandScore>();
  const misses = new Map<string, number>();
  const hm = (k: string, what?: string): void => {
    misses.set(k, (misses.get(k) ?? 0) + 1);
    if (detail && what) console.log(`    ${k}: ${what}`);
  };
  let unknownIds = 0;
  for (const l of labels) {
    const text = corpus.get(l.id);
    if (!text) { unknownIds++; continue; }
    const claims = extractClaims(text.text, { published: publishedOf(text), lang: text.language }).claims;
    const preds = claims.filter((c) => c.type === 'casualties' && c.duplicateOf === null);
    const h = byLang.get(l.language) ?? { tp: 0, pred: 0, gold: 0, days: 0, dayHits: 0, places: 0, placeHits: 0 };
    byLang.set(l.language, h);
    h.pred += preds.length;
    h.gold += l.casualties.length;
    if (detail) console.log(`\n== ${l.id} (${l.language}) pub=${text.publicationDate}`);
    const used = new Set<number>();
    const around = (s?: [number, number]): string => (s ? `«${text.text.slice(Math.max(0, s[0] - 60), s[1] + 40).replace(/\s+/g, ' ')}»` : '');
    // each prediction matches at most one label: labels take a prediction of their very population first, then a compatible one
    const matched = new Map<LabelFig, number>();
    for (const same of [true, false]) {
      for (const g of l.casualties) {
        if (matched.has(g)) continue;
        const k = preds.findIndex((p, i) => !used.has(i) && p.outcome === g.outcome
          && (same ? p.population === g.population : compatiblePop(p.population ?? '', g.population))
          && (g.min !== null ? p.min === g.min : p.min === null && p.max === g.max));
        if (k >= 0) {
          used.add(k);
          matched.set(g, k);
        }
      }
    }
    for (const g of l.casualties) {
      const what = `label ${short(g)} ${around(g.span)}`;
      if (matched.has(g)) h.tp++;
      else if (!preds.some((p) => p.outcome === g.outcome)) hm(`casualty: no ${g.outcome} claim at all (${l.language})`, what);
      else if (preds.some((p) => p.outcome === g.outcome && (p.min ?? p.max) === (g.min ?? g.max))) hm(`casualty: right figure, population differs (${l.language}: labelled ${g.population}, predicted ${preds.find((p) => p.outcome === g.outcome && (p.min ?? p.max) === (g.min ?? g.max))!.population ?? 'none'})`, `${what} | predicted ${preds.filter((p) => (p.min ?? p.max) === (g.min ?? g.max)).map(short).join(', ')}`);
      else hm(`casualty: figure differs (${l.language}, ${g.min === null && g.max === null ? 'vague label' : 'numeric label'}, ${g.outcome}/${g.population})`, what);
    }
    preds.forEach((p, i) => { if (!used.has(i)) hm(`casualty: prediction without label (${l.language}, ${p.qualifier === 'vague' ? 'vague' : 'numeric'} ${String(p.outcome)}/${String(p.population)})`, `${short(p)} ${around(p.span)}`); });
    if (l.event_date) {
      h.days++;
      const hit = claims.some((c) => c.period && c.period.start <= l.event_date! && l.event_date! <= c.period.end
        && (Date.parse(c.period.end) - Date.parse(c.period.start)) / 86_400_000 <= 6);
      if (hit) h.dayHits++;
      else {hm(`${claims.some((c) => c.period) ? 'event day: other period predicted' : 'event day: no period predicted'} (${l.language})`,
        `label ${l.event_date} | predicted ${[...new Set(claims.filter((c) => c.period).map((c) => `${c.period!.start}..${c.period!.end}`))].join(', ')}`);}
    }
    const predPlaces = claims.flatMap((c) => c.places.map((p) => normPlace(p.text))).filter(Boolean);
    for (const p of l.places ?? []) {
      h.places++;
      const names = placeName(p, text.text).map(normPlace).filter(Boolean);
      if (names.some((nm) => predPlaces.some((q) => samePlace(q, nm)))) h.placeHits++;
      else hm(`${predPlaces.length ? 'place: other places predicted' : 'place: none predicted'} (${l.language})`, `label ${names.join(' / ')} | predicted ${[...new Set(predPlaces)].join(', ')}`);
    }
  }
  return { byLang, misses, unknownIds };
}

/** Prints a score table and the misses by category. */
export function printScore(title: string, n: number, s: ReturnType<typeof scoreLabels>): void {
  console.log(`\n${title}: ${n} records${s.unknownIds ? `, ${s.unknownIds} with unknown ids` : ''}`);
  console.log('lang  gold  pred   tp    P     R     F1    | event-day hit | places hit');
  for (const [lang, h] of [...s.byLang].sort()) {
    const p = h.pred ? h.tp / h.pred : 0;
    const r = h.gold ? h.tp / h.gold : 0;
    const f = p + r ? (2 * p * r) / (p + r) : 0;
    console.log(`${lang.padEnd(5)} ${String(h.gold).padStart(4)} ${String(h.pred).padStart(5)} ${String(h.tp).padStart(4)}  ${pct(p)}  ${pct(r)}  ${f.toFixed(3)} | ${h.dayHits}/${h.days} (${pct(h.days ? h.dayHits / h.days : 0)}) | ${h.placeHits}/${h.places} (${pct(h.places ? h.placeHits / h.places : 0)})`);
  }
  console.log(`misses by category (${title}):`);
  for (const [k, v] of [...s.misses].sort((a, b) => b[1] - a[1])) console.log(`  ${String(v).padStart(5)}  ${k}`);
}

/**
 * FA-KES weak labels: each article's recorded location (a governorate or city) and date. Place: the
 * location's name among the places of the article's claims, or a gazetteer-free containment of
 * the name in a predicted place. Day: the recorded date inside a predicted period of <= 7 days.
 */
export function scoreFakes(texts: CorpusText[], location: Map<string, string>): void {
  let withClaims = 0; let placeHits = 0; let places = 0; let dayHits = 0; let days = 0;
  for (const t of texts) {
    const pub = publishedOf(t);
    const claims = extractClaims(t.text, { published: pub, lang: 'en' }).claims.filter((c) => c.type === 'casualties');
    if (!claims.length) continue;
    withClaims++;
    const loc = normPlace(location.get(t.id) ?? '');
    if (loc) {
      places++;
      if (claims.some((c) => c.places.some((p) => normPlace(p.text).includes(loc)))) placeHits++;
    }
    if (pub) {
      days++;
      if (claims.some((c) => c.period && c.period.start <= pub && pub <= c.period.end && (Date.parse(c.period.end) - Date.parse(c.period.start)) / 86_400_000 <= 6)) dayHits++;
    }
  }
  console.log(`\n(d) FA-KES weak labels: ${texts.length} articles, ${withClaims} with a casualty claim; of those`);
  console.log(`    the recorded location among the claims' places ${placeHits}/${places} (${pct(places ? placeHits / places : 0)}); the recorded date inside a claim's period of <= 7 days ${dayHits}/${days} (${pct(days ? dayHits / days : 0)})`);
  console.log('    (FA-KES records the governorate or city and the article date: a weak check, not the hand-label measure)');
}
