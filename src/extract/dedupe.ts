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

function compatible(a: Claim, b: Claim): boolean {
  // "8 killed" (headline) and "eight civil defence workers were killed" (body): an unknown population repeats a known one
  const samePop = a.population === b.population || ((a.population === 'unknown') !== (b.population === 'unknown'));
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
  if (Math.max(fa, fb) >= 10) return true;
  const pa = a.places.map((p) => p.text.toLowerCase());
  const pb = b.places.map((p) => p.text.toLowerCase());
  if (pa.length && pb.length && !pa.some((p) => pb.includes(p))) return false;
  return true;
}

/** How many later claims each claim is compared with (keeps huge inputs linear). */
const WINDOW = 200;

/** Marks duplicates in place and returns the claims. */
export function markDuplicates(claims: Claim[]): Claim[] {
  const parent = claims.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]]!;
    return i;
  };
  for (let i = 0; i < claims.length; i++) {
    for (let j = i + 1; j < claims.length && j <= i + WINDOW; j++) {
      if (claims[i].sentence[0] === claims[j].sentence[0]) continue;
      if (compatible(claims[i], claims[j])) parent[find(j)] = find(i);
    }
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
