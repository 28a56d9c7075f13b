/**
 * `link cluster`: extraction, geocoding and linkage of a set of texts in one pass, with no
 * database. Each text becomes one harm record (its first canonical casualty claim's date, place,
 * figures and actor; the publication date when no date is stated) and texts are clustered greedily
 * by match weight.
 */
import { extractClaims, inferPublished } from '../extract/index.ts';
import type { Claim, PlaceMatch } from '../extract/index.ts';
import { readLine } from '../extract/jsonl.ts';
import type { CountryCode } from '../model/vocabulary.ts';
import { LINK, type Thresholds } from './engine/index.ts';
import { harmRecord, type HarmRecord } from './harmConfig.ts';
import { constrainedClusters, scoreRecords, type Edge } from './linkCore.ts';

/** Geocoder of place phrases: the gazetteer when present, or none (link on place names only). */
export type PlaceGeocoder = (text: string) => PlaceMatch | null;

/**
 * The vendored gazetteer as a geocoder (best candidate, cached), or null when it cannot be loaded
 * (then linkage uses place names only).
 */
export async function gazetteerGeocoder(country?: CountryCode): Promise<PlaceGeocoder | null> {
  try {
    const { geocode } = await import('../gazetteer/geocode.ts');
    geocode('Mosul', { limit: 1 });
    const cache = new Map<string, PlaceMatch | null>();
    return (text) => {
      const key = text.trim().toLowerCase();
      if (cache.has(key)) return cache.get(key)!;
      const c = geocode(text, { limit: 1, ...(country ? { country } : {}) })[0];
      const m = c && c.score >= 0.8 ? { id: c.placeId, name: c.name, lat: c.lat, lon: c.lon, precision: c.precision } : null;
      if (cache.size < 100_000) cache.set(key, m);
      return m;
    };
  } catch {
    return null;
  }
}

/** One input text, as read from a JSON line. */
export interface TextInput {
  id: string | number | null;
  text: string;
  published?: string;
  lang?: 'en' | 'ar';
}

/** The claim that stands for a text: canonical casualty claims, killed first. */
function mainClaim(claims: readonly Claim[]): Claim | null {
  const cas = claims.filter((c) => c.type === 'casualties' && c.duplicateOf == null);
  return cas.find((c) => c.outcome === 'killed' && (c.min != null || c.max != null)) ?? cas[0] ?? null;
}

/** The harm record of one text. */
export function textRecord(t: TextInput, geocode: PlaceGeocoder | null): HarmRecord {
  const claims = extractClaims(t.text, {
    ...(t.published ? { published: t.published } : {}), ...(t.lang ? { lang: t.lang } : {}), ...(geocode ? { geocode } : {}),
  }).claims;
  const main = mainClaim(claims);
  const withPlace = [main, ...claims].find((c) => c != null && c.places.length > 0) ?? null;
  const place = withPlace?.places[0] ?? null;
  const match = place?.match ?? (place && geocode ? geocode(place.text) : null);
  const dated = [main, ...claims].find((c) => c?.period != null)?.period ?? null;
  const actor = [main, ...claims].find((c) => c?.actor != null)?.actor ?? null;
  return harmRecord({
    date: dated?.start ?? t.published ?? inferPublished(t.text) ?? null,
    datePrecision: dated?.precision ?? 'day',
    lat: typeof match?.lat === 'number' ? match.lat : null,
    lon: typeof match?.lon === 'number' ? match.lon : null,
    precision: typeof match?.precision === 'string' ? match.precision : null,
    placeText: typeof match?.name === 'string' ? match.name : place?.text ?? null,
    killed: main && main.outcome === 'killed' ? { min: main.min, max: main.max } : null,
    actors: [actor?.normalised ?? actor?.text],
  });
}

/** Result of clustering texts. */
export interface TextClustering {
  ids: Array<string | number | null>;
  clusters: Int32Array;
  records: HarmRecord[];
  errors: Array<{ line: number; reason: string }>;
  pairs: number;
  links: number;
  parameters: string;
  geocoder: 'gazetteer' | 'none (place names only)';
}

/** Clusters harm records: link decisions unioned greedily by weight. */
export function clusterRecords(records: readonly HarmRecord[], opts: { usePriors?: boolean; thresholds?: Thresholds } = {}): { clusters: Int32Array; pairs: number; links: number; parameters: string } {
  const s = scoreRecords(records, opts);
  const edges: Edge[] = [];
  for (let p = 0; p < s.run.pairs.length; p++) {
    if (s.decisions[p] === LINK) edges.push({ a: s.run.pairs.left[p], b: s.run.pairs.right[p], weight: s.weights[p] });
  }
  return { clusters: constrainedClusters(records.length, edges), pairs: s.run.pairs.length, links: edges.length, parameters: s.parameters };
}

/** Reads JSON lines (same shape as extract's input) and clusters their texts. */
export async function clusterTexts(lines: Iterable<string>, opts: { geocode?: PlaceGeocoder | null; onProgress?: (done: number) => void } = {}): Promise<TextClustering> {
  const geocode = opts.geocode === undefined ? await gazetteerGeocoder() : opts.geocode;
  const ids: Array<string | number | null> = [];
  const records: HarmRecord[] = [];
  const errors: Array<{ line: number; reason: string }> = [];
  let n = 0;
  for (const line of lines) {
    n++;
    if (!line.trim()) continue;
    const r = readLine(line);
    if (typeof r === 'string') { errors.push({ line: n, reason: r }); continue; }
    ids.push(r.id ?? n);
    records.push(textRecord(r, geocode));
    opts.onProgress?.(records.length);
  }
  const c = clusterRecords(records);
  return {
    ids, clusters: c.clusters, records, errors, pairs: c.pairs, links: c.links,
    parameters: c.parameters, geocoder: geocode ? 'gazetteer' : 'none (place names only)',
  };
}
