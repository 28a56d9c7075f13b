/**
 * Comparisons for civilian-harm reports: place (distance scaled by precision radii), place names
 * with transliteration variants, casualty ranges, and belligerent compatibility.
 */
import { PLACE_PRECISION_RADIUS_M } from '../../model/vocabulary.ts';
import type { PlacePrecision } from '../../model/vocabulary.ts';
import { NULL_LEVEL } from './types.ts';
import type { Comparison } from './types.ts';
import { custom } from './comparisons.ts';
import { haversineKm, jaroWinkler } from './similarity.ts';

/** A located point with the radius (km) within which the place is known. */
export interface GeoPoint {
  lat: number;
  lon: number;
  radiusKm: number;
}

/** Radius in km of a place precision (village → 2 km, governorate → 75 km …). */
export const precisionRadiusKm = (p: PlacePrecision): number => PLACE_PRECISION_RADIUS_M[p] / 1000;

/** Options of {@link geoDistance}. */
export interface GeoOptions {
  /** Upper bounds of distance / (rA + rB) for the levels after "same place"; default [3, 10]. */
  scaled?: number[];
  /**
   * Points whose larger radius exceeds this (km) are too coarse to say "same place": the pair is
   * unknown (-1) unless the two areas cannot overlap (then "far"). Default 15 (subdistrict).
   */
  maxRadiusKm?: number;
  /** Radius floor in km, so two exact points a few metres apart still match; default 0.1. */
  minRadiusKm?: number;
}

/**
 * Geographic distance scaled by the two places' precision radii: level 0 "same place" when
 * distance ≤ rA + rB, then one level per `scaled` bound, then "far". Two village points (2 km each)
 * 3 km apart are the same place; two governorate-level points are unknown unless their areas are
 * disjoint.
 */
export function geoDistance<R>(name: string, get: (r: R) => GeoPoint | null | undefined, opts: GeoOptions = {}): Comparison<R> {
  const scaled = opts.scaled ?? [3, 10];
  const maxR = opts.maxRadiusKm ?? 15;
  const minR = opts.minRadiusKm ?? 0.1;
  const far = scaled.length + 1;
  return custom(name, ['same place', ...scaled.map((s) => `within ${s}× radii`), 'far'], (a, b) => {
    const x = get(a);
    const y = get(b);
    if (x == null || y == null) return NULL_LEVEL;
    const ra = Math.max(minR, x.radiusKm);
    const rb = Math.max(minR, y.radiusKm);
    const slack = ra + rb;
    const d = haversineKm(x.lat, x.lon, y.lat, y.lon);
    if (Math.max(ra, rb) > maxR) return d > slack ? far : NULL_LEVEL;
    const s = d / slack;
    if (s <= 1) return 0;
    for (let i = 0; i < scaled.length; i++) if (s <= scaled[i]) return i + 1;
    return far;
  });
}

/**
 * Normalises a transliterated place name: lower case, diacritics and Arabic article prefixes
 * (al-, el-, ad-, ar-, as- …) dropped, doubled letters collapsed, vowels folded onto a, i, u (Arabic has three).
 *
 * @example normalisePlaceName('Al-Mayadeen') === normalisePlaceName('Mayadin') // true
 */
export function normalisePlaceName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`ʿʾ]/g, '')
    .replace(/\b(al|el|ad|ar|as|ash|at|az|an|ath|adh)[-\s]+/g, '')
    .replace(/[^a-z0-9\u0600-\u06ff]+/g, ' ')
    .replace(/ou/g, 'u')
    .replace(/ee/g, 'i')
    .replace(/oo/g, 'u')
    .replace(/e/g, 'i')
    .replace(/o/g, 'u')
    .replace(/([a-z])\1+/g, '$1')
    .replace(/ah\b/g, 'a')
    .trim();
}

/**
 * Place-name comparison on normalised transliterations: levels `same name`, `similar name`
 * (Jaro–Winkler ≥ 0.9), `else`, with term-frequency adjustment on the same name (a common name
 * like "Mosul" says less than a rare hamlet's). `get` should return pre-normalised names for speed.
 */
export function placeName<R>(name: string, get: (r: R) => string | null | undefined, opts: { threshold?: number } = {}): Comparison<R> {
  const t = opts.threshold ?? 0.9;
  return custom(name, ['same name', `jaro-winkler ≥ ${t}`, 'else'], (a, b) => {
    const x = get(a);
    const y = get(b);
    if (!x || !y) return NULL_LEVEL;
    if (x === y) return 0;
    return jaroWinkler(x, y) >= t ? 1 : 2;
  }, { value: (r) => get(r) || null, level: 0 });
}

/** A casualty figure as a range; null bounds are unknown ("at least 5" = min 5, max null). */
export interface CasualtyRange {
  min: number | null;
  max: number | null;
}

/**
 * Casualty-range overlap: `same range`, `overlap`, `close` (gap ≤ max(2, 25% of the larger
 * figure)), `disjoint`. A range with both bounds unknown is missing (-1).
 */
export function casualtyRange<R>(name: string, get: (r: R) => CasualtyRange | null | undefined): Comparison<R> {
  return custom(name, ['same range', 'overlap', 'close', 'disjoint'], (a, b) => {
    const x = get(a);
    const y = get(b);
    if (x == null || y == null || (x.min == null && x.max == null) || (y.min == null && y.max == null)) return NULL_LEVEL;
    const xl = x.min ?? 0, xh = x.max ?? Infinity;
    const yl = y.min ?? 0, yh = y.max ?? Infinity;
    if (x.min === y.min && x.max === y.max) return 0;
    if (xl <= yh && yl <= xh) return 1;
    const gap = xl > yh ? xl - yh : yl - xh;
    const big = Math.max(xl, yl);
    return gap <= Math.max(2, 0.25 * big) ? 2 : 3;
  });
}

/** Options of {@link actorCompatibility}. */
export interface ActorOptions {
  /** Actor → group (e.g. every coalition member → "coalition"); same group = compatible. */
  groups?: Readonly<Record<string, string>>;
  /** Values meaning "not known" (treated as missing); default unknown, unclear, ''. */
  unknown?: readonly string[];
}

/**
 * Belligerent compatibility of two reports' actor lists: `same actor` (a shared actor),
 * `compatible` (a shared group, e.g. "US" and "Coalition"), `different`. Unknown → -1.
 */
export function actorCompatibility<R>(name: string, get: (r: R) => string | readonly string[] | null | undefined, opts: ActorOptions = {}): Comparison<R> {
  const unknown = new Set((opts.unknown ?? ['unknown', 'unclear', '']).map((s) => s.toLowerCase()));
  const groupOf = new Map(Object.entries(opts.groups ?? {}).map(([k, g]) => [k.toLowerCase(), g.toLowerCase()]));
  // Normalised actors and groups, cached per value (arrays by identity, strings by value), so the
  // hot loop allocates nothing.
  type Norm = { actors: string[]; groups: string[] };
  const byArray = new WeakMap<readonly string[], Norm>();
  const byString = new Map<string, Norm>();
  const build = (v: string | readonly string[]): Norm => {
    const actors = (typeof v === 'string' ? [v] : [...v]).map((s) => s.trim().toLowerCase()).filter((s) => !unknown.has(s));
    return { actors, groups: actors.map((s) => groupOf.get(s) ?? s) };
  };
  const norm = (v: string | readonly string[] | null | undefined): Norm | null => {
    if (v == null) return null;
    if (typeof v === 'string') {
      let n = byString.get(v);
      if (!n) { n = build(v); if (byString.size < 100_000) byString.set(v, n); }
      return n;
    }
    let n = byArray.get(v);
    if (!n) { n = build(v); byArray.set(v, n); }
    return n;
  };
  return custom(name, ['same actor', 'compatible', 'different'], (a, b) => {
    const x = norm(get(a));
    const y = norm(get(b));
    if (x == null || y == null || x.actors.length === 0 || y.actors.length === 0) return NULL_LEVEL;
    for (const s of x.actors) if (y.actors.includes(s)) return 0;
    for (const g of x.groups) if (y.groups.includes(g)) return 1;
    return 2;
  });
}
