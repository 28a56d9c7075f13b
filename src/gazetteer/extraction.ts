/**
 * The gazetteer as the claim extractor's geocode callback (`ExtractOptions.geocode` of
 * src/extract/types.ts): the best candidate of a place text, or null.
 */
import type { PlaceMatch } from '../extract/types.ts';
import type { CountryCode } from '../model/vocabulary.ts';
import type { Gazetteer } from './gazetteer.ts';
import { geocode } from './geocode.ts';

/** Options of {@link geocoderFor}. */
export interface GeocoderOptions {
  /** Only places in this country (e.g. the country of the source). */
  country?: CountryCode;
  /** Lowest candidate score accepted (default 0.8); weaker answers give null. */
  minScore?: number;
}

/**
 * Adapts {@link geocode} to the extractor's callback: `(placeText) => PlaceMatch | null`. The match
 * carries `id` (the `places.id` when the gazetteer was loaded from the database, else the
 * gazetteer id such as `gn:99072`), `name`, `lat`, `lon`, `precision`, and also `placeId`,
 * `radius_m`, `admin`, `pcode`, `country`, `score`, `matchedName`, `qualifiers`. Never throws.
 *
 * @example extractClaims(text, { geocode: geocoderFor(await loadGazetteerFromDb(db)) })
 */
export function geocoderFor(gazetteer: Gazetteer, opts: GeocoderOptions = {}): (placeText: string) => PlaceMatch | null {
  const min = opts.minScore ?? 0.8;
  const memo = new Map<string, PlaceMatch | null>();
  return (placeText: string): PlaceMatch | null => {
    const key = String(placeText);
    if (memo.has(key)) return memo.get(key) ?? null;
    let out: PlaceMatch | null = null;
    try {
      const c = geocode(key, { gazetteer, limit: 1, ...(opts.country ? { country: opts.country } : {}) })[0];
      if (c && c.score >= min) {
        const dbId = gazetteer.get(c.placeId)?.dbId;
        out = {
          id: dbId ?? c.placeId, placeId: c.placeId, name: c.name, nameAr: c.nameAr, lat: c.lat, lon: c.lon,
          precision: c.precision, radius_m: c.radius_m, admin: c.admin, pcode: c.pcode, country: c.country,
          score: c.score, matchedName: c.matchedName, qualifiers: c.qualifiers,
        };
      }
    } catch {
      out = null;
    }
    if (memo.size > 10_000) memo.clear();
    memo.set(key, out);
    return out;
  };
}
