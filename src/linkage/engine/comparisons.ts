/**
 * Generic comparison builders: exact, string similarity (Jaro–Winkler, Levenshtein), date gap,
 * numeric distance, token-set similarity, custom. Harm-specific ones are in harm-comparisons.ts.
 */
import { NULL_LEVEL, MAX_LEVELS } from './types.ts';
import type { Comparison } from './types.ts';
import { jaroWinkler, levenshtein, tokenSetSimilarity, tokens } from './similarity.ts';

type Getter<R, T> = (r: R) => T | null | undefined;

const isMissing = (v: unknown): v is null | undefined => v == null || v === '' || (typeof v === 'number' && Number.isNaN(v));

function checkLevels(name: string, levels: string[]): string[] {
  if (levels.length < 2 || levels.length > MAX_LEVELS) throw new RangeError(`comparison ${name}: ${levels.length} levels (2–${MAX_LEVELS} allowed)`);
  return levels;
}

/**
 * A comparison from any function returning a level.
 *
 * @example custom('sex', ['same', 'different'], (a, b) => (a.sex == null || b.sex == null ? -1 : a.sex === b.sex ? 0 : 1))
 */
export function custom<R>(name: string, levels: string[], compare: (a: R, b: R) => number, tf?: Comparison<R>['tf']): Comparison<R> {
  return tf ? { name, levels: checkLevels(name, levels), compare, tf } : { name, levels: checkLevels(name, levels), compare };
}

/** Exact equality: levels `exact`, `different`. With `tf`, exact matches use the value's frequency as u. */
export function exact<R>(name: string, get: Getter<R, string | number>, opts: { tf?: boolean } = {}): Comparison<R> {
  return custom(name, ['exact', 'different'], (a, b) => {
    const x = get(a);
    const y = get(b);
    if (isMissing(x) || isMissing(y)) return NULL_LEVEL;
    return x === y ? 0 : 1;
  }, opts.tf ? { value: (r) => { const v = get(r); return isMissing(v) ? null : String(v); } } : undefined);
}

/** One similarity step of a string comparison. */
export type StringStep = { jaroWinkler: number } | { levenshtein: number } | { tokenSet: number };

const stepLabel = (s: StringStep): string =>
  'jaroWinkler' in s ? `jaro-winkler ≥ ${s.jaroWinkler}` : 'levenshtein' in s ? `levenshtein ≤ ${s.levenshtein}` : `token set ≥ ${s.tokenSet}`;

/**
 * String similarity with levels `exact`, then one per step (checked in order), then `else`.
 *
 * @example stringSimilarity('surname', (r) => r.surname, [{ jaroWinkler: 0.92 }, { jaroWinkler: 0.8 }], { tf: true })
 */
export function stringSimilarity<R>(name: string, get: Getter<R, string>, steps: StringStep[], opts: { tf?: boolean } = {}): Comparison<R> {
  const n = steps.length;
  return custom(name, ['exact', ...steps.map(stepLabel), 'else'], (a, b) => {
    const x = get(a);
    const y = get(b);
    if (isMissing(x) || isMissing(y)) return NULL_LEVEL;
    if (x === y) return 0;
    let jw = -1;
    for (let i = 0; i < n; i++) {
      const s = steps[i];
      if ('jaroWinkler' in s) {
        if (jw < 0) jw = jaroWinkler(x, y);
        if (jw >= s.jaroWinkler) return i + 1;
      } else if ('levenshtein' in s) {
        if (levenshtein(x, y, s.levenshtein) <= s.levenshtein) return i + 1;
      } else if (tokenSetSimilarity(tokens(x), tokens(y)) >= s.tokenSet) return i + 1;
    }
    return n + 1;
  }, opts.tf ? { value: (r) => { const v = get(r); return isMissing(v) ? null : v; } } : undefined);
}

/** Days since 1970-01-01 (UTC) of a Date, an ISO date string or a number of days; null if invalid. */
export function toEpochDay(v: Date | string | number | null | undefined): number | null {
  if (v == null || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const t = typeof v === 'string' ? Date.parse(v.length === 8 && /^\d{8}$/.test(v) ? `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6)}` : v) : v.getTime();
  return Number.isFinite(t) ? Math.floor(t / 86_400_000) : null;
}

/**
 * Gap between two dates in days; levels `≤ t days` for each threshold (ascending), then `else`.
 * `get` returns epoch days (fastest), a Date or an ISO string.
 *
 * @example dateGap('date', (r) => r.day, [0, 1, 3, 14])
 */
export function dateGap<R>(name: string, get: Getter<R, number | Date | string>, thresholdsDays: number[]): Comparison<R> {
  const t = Float64Array.from(thresholdsDays);
  return custom(name, [...thresholdsDays.map((d) => `≤ ${d} days`), 'else'], (a, b) => {
    const va = get(a);
    const vb = get(b);
    const x = typeof va === 'number' ? va : toEpochDay(va);
    const y = typeof vb === 'number' ? vb : toEpochDay(vb);
    if (x == null || y == null) return NULL_LEVEL;
    const gap = Math.abs(x - y);
    for (let i = 0; i < t.length; i++) if (gap <= t[i]) return i;
    return t.length;
  });
}

/**
 * Numeric distance; levels `≤ t` for each absolute threshold (ascending), then `else`. With
 * `relative: true` the distance is |a - b| / max(|a|, |b|).
 */
export function numericDistance<R>(name: string, get: Getter<R, number>, thresholds: number[], opts: { relative?: boolean } = {}): Comparison<R> {
  const t = Float64Array.from(thresholds);
  const rel = opts.relative === true;
  return custom(name, [...thresholds.map((d) => `≤ ${d}${rel ? ' (relative)' : ''}`), 'else'], (a, b) => {
    const x = get(a);
    const y = get(b);
    if (isMissing(x) || isMissing(y)) return NULL_LEVEL;
    let d = Math.abs(x - y);
    if (rel && d > 0) d /= Math.max(Math.abs(x), Math.abs(y));
    for (let i = 0; i < t.length; i++) if (d <= t[i]) return i;
    return t.length;
  });
}

/**
 * Token-set similarity of free text (or pre-tokenised arrays, faster); levels `≥ t` for each
 * threshold (descending), then `else`. Overlap coefficient by default, Jaccard on request.
 */
export function tokenSet<R>(name: string, get: Getter<R, string | readonly string[]>, thresholds: number[], opts: { jaccard?: boolean } = {}): Comparison<R> {
  return custom(name, [...thresholds.map((s) => `token set ≥ ${s}`), 'else'], (a, b) => {
    const x = get(a);
    const y = get(b);
    if (isMissing(x) || isMissing(y) || x.length === 0 || y.length === 0) return NULL_LEVEL;
    const s = tokenSetSimilarity(x, y, opts.jaccard === true);
    for (let i = 0; i < thresholds.length; i++) if (s >= thresholds[i]) return i;
    return thresholds.length;
  });
}
