/**
 * Geocoding on the database: the in-memory search over everything imported, with a pg_trgm
 * similarity query on `place_names` as the fallback when it finds nothing; reverse geocoding
 * with coordinate checks.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import type { CountryCode } from '../model/vocabulary.ts';
import { placeByDbId, serverGazetteer } from './dbGazetteer.ts';
import type { Gazetteer } from './gazetteer.ts';
import { candidate, geocode } from './geocode.ts';
import { nameKeys } from './normalise.ts';
import { parsePlace } from './qualifiers.ts';
import { placeRepository } from './repository.ts';
import type { CoordinateProblem, ReverseResult } from './reverse.ts';
import { coarser, widen } from './types.ts';
import type { GeocodeCandidate } from './types.ts';

/** Which search produced the candidates. */
export type GeocodeVia = 'gazetteer' | 'trigram' | 'none';

/** Candidates of a geocoding request and how they were found. */
export interface GeocodeAnswer {
  via: GeocodeVia;
  candidates: GeocodeCandidate[];
}

/**
 * Candidates from pg_trgm similarity of the phrase's bare name to `place_names.norm` (and, across
 * scripts, to the consonant key). Score = 0.9 × similarity; precision as the gazetteer would give it.
 */
export async function trigramCandidates(
  db: Kysely<Database>,
  g: Gazetteer,
  text: string,
  opts: { country?: CountryCode; limit?: number; min?: number } = {},
): Promise<GeocodeCandidate[]> {
  const parsed = parsePlace(text);
  const k = nameKeys(parsed.core);
  if (k.script === 'other' || !k.key) return [];
  const country = opts.country ?? parsed.country ?? undefined;
  const limit = Math.max(1, opts.limit ?? 5);
  const rows = await placeRepository.similarNames(db, { norm: k.key, key: k.skel, script: k.script, ...(country ? { country } : {}), min: opts.min ?? 0.3, limit: limit * 4 });
  const out: GeocodeCandidate[] = [];
  const seen = new Set<number>();
  for (const r of rows) {
    if (out.length >= limit) break;
    if (seen.has(r.place_id)) continue;
    seen.add(r.place_id);
    const p = placeByDbId(g, r.place_id);
    if (!p) continue;
    let precision = p.featureType === 'country' ? 'country' as const : coarser(p.precision, 'neighbourhood');
    if (parsed.near) precision = widen(precision);
    const quals = [...parsed.qualifiers, `fuzzy: trigram similarity ${r.sim.toFixed(2)} to "${r.name}"`];
    out.push(candidate(g, p, 0.9 * r.sim, r.name, quals, precision));
  }
  return out;
}

/**
 * Geocodes a phrase with everything in the database: the in-memory gazetteer first, the pg_trgm
 * fallback when that finds nothing. Uses the vendored gazetteer while `places` is empty.
 */
export async function geocodePlaces(db: Kysely<Database>, text: string, opts: { country?: CountryCode; limit?: number } = {}): Promise<GeocodeAnswer> {
  const g = await serverGazetteer(db);
  const candidates = geocode(text, { gazetteer: g, ...(opts.country ? { country: opts.country } : {}), limit: opts.limit ?? 5 });
  if (candidates.length > 0) return { via: 'gazetteer', candidates };
  const fuzzy = await trigramCandidates(db, g, text, opts);
  return { via: fuzzy.length ? 'trigram' : 'none', candidates: fuzzy };
}

/** Administrative areas of a point with the problems of the coordinate (checked against `country`). */
export async function reverseGeocodePoint(
  db: Kysely<Database>,
  lat: number,
  lon: number,
  country?: CountryCode,
): Promise<ReverseResult & { problems: CoordinateProblem[] }> {
  const g = await serverGazetteer(db);
  const problems = g.boundaries.check(lat, lon, country);
  const fatal = problems.some((p) => p.code === 'impossible' || p.code === 'not_a_number');
  const where = fatal ? { lat, lon, country: null, adm1: null, adm2: null, adm3: null } : g.boundaries.reverse(lat, lon);
  return { ...where, problems };
}
