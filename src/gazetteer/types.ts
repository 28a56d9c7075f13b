/**
 * Records of the gazetteer context: places (insertable as they are), their names, per-row load
 * errors and geocoding candidates.
 */
import { PLACE_PRECISIONS, PLACE_PRECISION_RADIUS_M } from '../model/vocabulary.ts';
import type { MultiPolygon, Polygon } from 'geojson';
import type { CountryCode, PlacePrecision } from '../model/vocabulary.ts';

/** What kind of thing a place is; coarse administrative areas first, then settlements. */
export const FEATURE_TYPES = [
  'country', 'governorate', 'district', 'subdistrict', 'city', 'town', 'village', 'neighbourhood', 'site',
] as const;
export type FeatureType = (typeof FEATURE_TYPES)[number];

/** One spelling of a place name. `script` is detected from the text. */
export interface PlaceName {
  text: string;
  script: 'arabic' | 'latin' | 'other';
  /** ISO 639-1 where known (`en`, `ar`), otherwise `und`. */
  lang: string;
  /** Where the spelling comes from (`cod-ab`, `geonames`, or a place list's file name). */
  source: string;
}

/** A place as the loaders yield it and the gazetteer indexes it (one database row). */
export interface PlaceRecord {
  /** Stable id: `cod:<pcode>`, `gn:<geonameid>`, `list:<file>:<row>`, `country:<code>`. */
  id: string;
  name: string;
  nameAr: string | null;
  names: PlaceName[];
  featureType: FeatureType;
  country: CountryCode;
  /** Governorate, district, sub-district names (as far as known), coarsest first. */
  admin: string[];
  pcode: string | null;
  lat: number;
  lon: number;
  precision: PlacePrecision;
  /** Inhabitants where known; unknown is null, never 0. */
  population: number | null;
  source: string;
  /** How often a place list used this exact entry (e.g. incident count); unknown is null. */
  uses?: number | null;
  /** The administrative polygon as the source file gives it (COD-AB areas only). */
  geometry?: Polygon | MultiPolygon;
  /** `places.id` when the record was loaded from the database. */
  dbId?: number;
}

/** A bad input row: the batch goes on, this row is reported. */
export interface RowError {
  row: number;
  ok: false;
  field: string;
  reason: string;
}

/** A loaded row or its error. */
export type RowResult = { row: number; ok: true; place: PlaceRecord } | RowError;

/** One ranked geocoding answer. */
export interface GeocodeCandidate {
  name: string;
  nameAr: string | null;
  lat: number;
  lon: number;
  precision: PlacePrecision;
  radius_m: number;
  admin: string[];
  pcode: string | null;
  /** 0–1: how well the text matched, plus small preferences for feature type and size. */
  score: number;
  placeId: string;
  featureType: FeatureType;
  country: CountryCode;
  /** The spelling in the gazetteer that matched. */
  matchedName: string;
  /** Qualifiers read from the text ("near", "countryside", "east of the country", "camp" …). */
  qualifiers: string[];
}

/** The radius harmwatch draws for a precision. */
export function radiusOf(p: PlacePrecision): number {
  return PLACE_PRECISION_RADIUS_M[p];
}

/** `p` made `steps` levels coarser (stops at country). */
export function widen(p: PlacePrecision, steps = 1): PlacePrecision {
  const i = PLACE_PRECISIONS.indexOf(p);
  return PLACE_PRECISIONS[Math.min(PLACE_PRECISIONS.length - 1, i + steps)];
}

/** The coarser of two precisions. */
export function coarser(a: PlacePrecision, b: PlacePrecision): PlacePrecision {
  return PLACE_PRECISIONS.indexOf(a) >= PLACE_PRECISIONS.indexOf(b) ? a : b;
}

/** Great-circle distance in metres (haversine, mean Earth radius). */
export function distanceM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(a)));
}
