/**
 * Place records ↔ database rows: `(source, source_ref)` identity, content hash, name rows with
 * their normalised form and cross-script key, and the per-row warnings of a place-list import.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { canonicalJson, sha256Hex } from '../audit/hash.ts';
import type { CountryCode, PlacePrecision } from '../model/vocabulary.ts';
import { nameKeys, skeleton } from './normalise.ts';
import type { NewPlace, NewPlaceName, PlaceRow } from './repository.ts';
import type { BoundaryIndex } from './reverse.ts';
import type { FeatureType, PlaceName, PlaceRecord } from './types.ts';

/** A row kept with a remark a person may want to check. */
export interface PlaceWarning {
  row: number;
  field: string;
  value: string;
  warning: string;
}

/** Source refs of the vendored records: the p-code (country code for countries), the GeoNames id. */
export function vendoredSourceRef(p: PlaceRecord): string {
  if (p.id.startsWith('gn:')) return p.id.slice(3);
  if (p.id.startsWith('country:')) return p.id.slice(8);
  return p.pcode ?? p.id.replace(/^cod:/, '');
}

/**
 * The in-memory id of a stored place: `cod:<pcode>`, `country:<code>`, `gn:<id>` for the vendored
 * sources (so lookups like `country:IQ` work on a database-loaded gazetteer), `list:<source>:<ref>`
 * otherwise.
 */
export function recordId(source: string, sourceRef: string, featureType: string): string {
  if (source === 'cod-ab') return featureType === 'country' ? `country:${sourceRef}` : `cod:${sourceRef}`;
  if (source === 'geonames') return `gn:${sourceRef}`;
  return `list:${source}:${sourceRef}`;
}

/** Identity of a place-list row: its names and coordinate (a corrected row is a new entry). */
export function listIdentity(p: PlaceRecord): string {
  return sha256Hex(canonicalJson([p.name, p.nameAr, p.lat, p.lon])).slice(0, 20);
}

/** SHA-256 of everything stored about a place (names, admin, coordinate, precision, polygon …). */
export function placeContentHash(p: PlaceRecord): string {
  return sha256Hex(canonicalJson({
    name: p.name, nameAr: p.nameAr, names: p.names.map((n) => [n.text, n.lang, n.source]), featureType: p.featureType,
    country: p.country, admin: p.admin, pcode: p.pcode, lat: p.lat, lon: p.lon, precision: p.precision,
    population: p.population, uses: p.uses ?? null, geometry: p.geometry ?? null,
  }));
}

/** The `places` row of a record. */
export function placeRow(p: PlaceRecord, source: string, sourceRef: string, hash: string): NewPlace {
  return {
    source, source_ref: sourceRef, name: p.name, name_ar: p.nameAr, feature_type: p.featureType, country: p.country,
    admin1: p.admin[0] ?? null, admin2: p.admin[1] ?? null, admin3: p.admin[2] ?? null, pcode: p.pcode,
    lat: p.lat, lon: p.lon, precision: p.precision, population: p.population,
    geometry: p.geometry ? JSON.stringify(p.geometry) : null, content_sha256: hash, uses: p.uses ?? null,
  };
}

/** The `place_names` rows of a record: `norm` = same-script key, `key` = cross-script skeleton. */
export function nameRows(p: PlaceRecord, placeId: number): NewPlaceName[] {
  return p.names.map((n) => {
    const k = nameKeys(n.text);
    return { place_id: placeId, name: n.text, norm: k.key, key: k.skel, script: n.script, lang: n.lang, source: n.source };
  });
}

/** A stored place and its names as an in-memory record (with `dbId`). */
export function rowToRecord(r: PlaceRow, names: PlaceName[]): PlaceRecord {
  const geometry = r.geometry as Polygon | MultiPolygon | null;
  return {
    id: recordId(r.source, r.source_ref, r.feature_type), name: r.name, nameAr: r.name_ar,
    names: names.length ? names : [{ text: r.name, script: 'latin', lang: 'und', source: r.source }],
    featureType: r.feature_type as FeatureType, country: (r.country ?? 'IQ') as CountryCode,
    admin: [r.admin1, r.admin2, r.admin3].filter((x): x is string => !!x), pcode: r.pcode,
    lat: r.lat ?? 0, lon: r.lon ?? 0, precision: r.precision as PlacePrecision,
    population: r.population == null ? null : Number(r.population), source: r.source, uses: r.uses,
    ...(geometry ? { geometry } : {}), dbId: Number(r.id),
  };
}

/**
 * Remarks on a place-list row that was kept: a stated governorate that is not the one the point
 * lies in; a point outside the COD-AB polygons kept because a country was given.
 */
export function rowWarnings(row: number, p: PlaceRecord, values: Record<string, string>, boundaries: BoundaryIndex, countryGiven: boolean): PlaceWarning[] {
  const out: PlaceWarning[] = [];
  const adm1 = boundaries.containing(p.lat, p.lon, 1, undefined, false)[0];
  if (!adm1) {
    if (countryGiven) out.push({ row, field: 'latitude', value: `${p.lat}, ${p.lon}`, warning: `outside the COD-AB areas; kept in ${p.country} as given` });
    return out;
  }
  const govEn = (values.governorate_en ?? '').trim();
  const govAr = (values.governorate_ar ?? '').trim();
  if (!govEn && !govAr) return out;
  const known = [adm1.name, adm1.nameAr ?? ''].map(skeleton).filter((s) => s.length > 0);
  const stated = [govEn, govAr].filter((s) => s.length > 0);
  // "Damascus" for a point in "Rural Damascus" is the same area in a coarser list
  if (!stated.map(skeleton).some((s) => s.length > 0 && known.some((k) => k === s || (s.length >= 4 && k.endsWith(s))))) {
    out.push({ row, field: 'governorate_en', value: stated.join(' / '), warning: `the point ${p.lat}, ${p.lon} lies in ${adm1.name}, not in the stated governorate` });
  }
  return out;
}
