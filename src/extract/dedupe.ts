/**
 * Repeated figures: a headline repeating the body ("kills 1300 civilians" / "over 1300" /
 * "at least 1,302"), or a post whose preview repeats its text, is one claim. Each group keeps its
 * most precise figure as the canonical claim; the others point to it with `duplicateOf`.
 */
import { norm } from './normalise.ts';
import type { Claim } from './types.ts';

function figure(c: Claim): number | null {
  return c.min ?? c.max;
}

/** A quote compared without case, diacritics or a leading conjunction ("وإصابة آخرين" = "إصابة آخرين"). */
function bareQuote(q: string): string {
  return norm(q).replace(/^[وفب](?=[\u0621-\u064a]{3})/, '').replace(/^(and|with) /, '');
}

function trailingZeros(v: number): number {
  let z = 0;
  while (v >= 10 && v % 10 === 0) {
    v /= 10;
    z++;
  }
  return z;
}

/** Two figures that a careful reader takes for the same: equal, or within 1 % when one is rounded. */
function sameFigure(a: number, b: number): boolean {
  if (a === b) return true;
  const hi = Math.max(a, b);
  if (hi < 100) return false;
  return Math.abs(a - b) / hi <= 0.01 && (trailingZeros(a) >= 2 || trailingZeros(b) >= 2);
}

const CIVILIAN_PARTS = new Set(['children', 'women', 'men']);

function compatible(a: Claim, b: Claim, anyPlace = false): boolean {
  // "8 killed" (headline) and "eight civil defence workers were killed" (body): an unknown population repeats a known one;
  // a headline's "civilian" is the body's man, woman or child ("شهيد مدني" / "استشهد رجل مدني")
  const samePop = a.population === b.population || ((a.population === 'unknown') !== (b.population === 'unknown'))
    || (anyPlace && [a.population, b.population].includes('civilians') && (CIVILIAN_PARTS.has(a.population ?? '') || CIVILIAN_PARTS.has(b.population ?? '')));
  if (a.type !== b.type || a.outcome !== b.outcome || !samePop) return false;
  const fa = figure(a);
  const fb = figure(b);
  if (fa === null || fb === null) return fa === null && fb === null && bareQuote(a.quote) === bareQuote(b.quote);
  if (!sameFigure(fa, fb)) return false;
  const ca = a.claimant?.normalised;
  const cb = b.claimant?.normalised;
  if (ca && cb && ca !== cb) return false;
  // small figures recur across incidents ("2 killed in X … 2 killed in Y"): those need a shared place;
  // a figure of ten or more repeated with the same outcome and population is the same claim
  if (Math.max(fa, fb) >= 10 || anyPlace) return true;
  // a small figure far from its first mention ("واستشهد شخص …" paragraphs after "… بينهم طفل") repeats with its population
  // (or as civilians); close by, "the child" repeats "a person"
  const far = Math.abs(a.sentence[0] - b.sentence[0]) > NEAR_CHARS;
  if (far && a.population !== b.population && !(['unknown', 'civilians'].includes(a.population ?? '') && ['unknown', 'civilians'].includes(b.population ?? ''))) return false;
  const pa = a.places.map((p) => p.text.toLowerCase());
  const pb = b.places.map((p) => p.text.toLowerCase());
  // English place names run on with the words after them ("Aleppo Police Command"): one holding the other is shared
  const latin = !/[\u0600-\u06ff]/.test(a.quote + b.quote);
  const shared = (p: string): boolean => pb.includes(p) || (latin && pb.some((q) => q.startsWith(`${p} `) || p.startsWith(`${q} `)));
  if (pa.length && pb.length && !pa.some(shared)) return false;
  return true;
}

/**
 * Pages that lost their line breaks run the headline into the first sentence ("Syria air raids kill
 * 25 civilians Monitor AFP Friday … killed at least 25 civilians"): a figure in the sentence's first
 * 200 characters and the same figure 25 or more characters later, both stated with a number.
 */
function runOnHeadline(a: Claim, b: Claim): boolean {
  // an Arabic singular or dual noun ("مقتل طفل … وقتل عنصر") counts itself: only written numbers repeat a headline
  if (/[\u0600-\u06ff]/.test(a.quote) && !(/\d/.test(a.quote) && /\d/.test(b.quote))) return false;
  return a.span[0] - a.sentence[0] < 200 && b.span[0] - a.span[1] >= 25 && figure(a) !== null && figure(b) !== null;
}

/** Sentences closer than this (characters) may name a victim counted before with another population word. */
const NEAR_CHARS = 400;

/** A headline repeating a body figure starts within this many characters of the text. */
const HEADLINE_CHARS = 300;

/** How many later claims each claim is compared with (keeps huge inputs linear). */
const WINDOW = 200;
/** An unnumbered figure repeats a numbered one within this many characters. */
const VAGUE_NEAR = 600;

/** Marks duplicates in place and returns the claims. */
export function markDuplicates(claims: Claim[], text = ''): Claim[] {
  // "• January: three people dead … • April: three women": items of a bulleted tally are separate claims
  // (a line opening with a dash is such an item too: "– عنصر من …" / "– 1 من …")
  const items = (a: Claim, b: Claim): boolean => /[•▪◾●]|\n\s*[–—-]/.test(text.slice(Math.min(a.span[1], b.span[1]), Math.max(a.span[0], b.span[0])));
  const parent = claims.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]]!;
    return i;
  };
  // sentences of each group: two figures of one sentence are not joined through a third claim
  const sentences = new Map<number, Set<number>>(claims.map((c, i) => [i, new Set([c.sentence[0]])]));
  for (let i = 0; i < claims.length; i++) {
    for (let j = i + 1; j < claims.length && j <= i + WINDOW; j++) {
      // within one sentence only a headline run into its body repeats a figure ("kills 31 … a double bomb attack killed 31 people")
      const same = claims[i].sentence[0] === claims[j].sentence[0];
      if (same && !runOnHeadline(claims[i], claims[j])) continue;
      if (items(claims[i], claims[j])) continue;
      if (!compatible(claims[i], claims[j])) continue;
      const [a, b] = [find(i), find(j)];
      if (a === b) continue;
      const [sa, sb] = [sentences.get(a)!, sentences.get(b)!];
      if (!same && [...sb].some((x) => sa.has(x))) continue;
      for (const x of sb) sa.add(x);
      parent[b] = a;
    }
  }
  // a headline (the text's first lines) repeating a small figure names its place less finely ("ريف إدلب" / "قرية …"):
  // it joins the first body claim with that figure, unless either already has its repeat
  const hasBody = (r: number): boolean => claims.some((c, k) => !c.headline && find(k) === r);
  for (let i = 0; i < claims.length && i < WINDOW; i++) {
    const h = claims[i];
    if (!h.headline || h.span[0] > HEADLINE_CHARS || hasBody(find(i))) continue;
    for (let j = i + 1; j < claims.length && j <= i + WINDOW; j++) {
      if (claims[j].headline || !compatible(h, claims[j], true) || items(h, claims[j])) continue;
      const [a, b] = [find(i), find(j)];
      if (claims.some((c, k) => c.headline && find(k) === b)) continue;
      if ([...sentences.get(b)!].some((x) => sentences.get(a)!.has(x))) continue;
      for (const x of sentences.get(b)!) sentences.get(a)!.add(x);
      parent[b] = a;
      break;
    }
  }
  // "قتلى وجرحى بقصف …" then "مقتل 3 وإصابة 5": an unnumbered figure near a numbered one of the same outcome (and a
  // compatible population) tells the same harm less precisely, before or after it (tuned on the development set)
  const joined = new Set(claims.map((_, k) => find(k)).filter((r, k) => r !== k));
  for (let i = 0; i < claims.length; i++) {
    const v = claims[i];
    // (Arabic only: in English an unnumbered "including children" or "dozens injured" is mostly a claim of its own)
    if (v.type !== 'casualties' || figure(v) !== null || !/[\u0600-\u06ff]/.test(v.quote) || find(i) !== i || joined.has(i)) continue;
    let best = -1;
    for (let j = Math.max(0, i - WINDOW); j < claims.length && j <= i + WINDOW; j++) {
      const x = claims[j];
      if (j === i || x.type !== 'casualties' || x.outcome !== v.outcome || figure(x) === null || Math.abs(x.span[0] - v.span[0]) > VAGUE_NEAR) continue;
      if (!(x.population === v.population || v.population === 'unknown' || (v.population === 'civilians' && x.population !== 'combatants'))) continue;
      if (best < 0 || Math.abs(x.span[0] - v.span[0]) < Math.abs(claims[best].span[0] - v.span[0])) best = j;
    }
    if (best >= 0) parent[i] = find(best);
  }
  const groups = new Map<number, number[]>();
  claims.forEach((_, i) => {
    const r = find(i);
    groups.set(r, [...(groups.get(r) ?? []), i]);
  });
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const score = (i: number): [number, number, number, number] => {
      const c = claims[i];
      const f = figure(c);
      return [f === null ? 9 : trailingZeros(f), c.population === 'unknown' ? 1 : 0, c.headline ? 1 : 0, i];
    };
    const canon = [...members].sort((a, b) => {
      const [x, y] = [score(a), score(b)];
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || x[3] - y[3];
    })[0];
    for (const m of members) claims[m].duplicateOf = m === canon ? null : canon;
  }
  return claims;
}
