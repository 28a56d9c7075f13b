import type { DeclaredStrikeRow } from '../db/types.ts';
import { COUNTRIES } from '../model/vocabulary.ts';
import type { StrikeImportResult } from './strikeImporter.ts';

/** The `--json` summary of an import: `{ read, imported, unchanged, rejected: [...], strikes }` and more. */
export function presentImportSummary(r: StrikeImportResult): StrikeImportResult {
  return {
    file: r.file, fileSha256: r.fileSha256, layout: r.layout, dryRun: r.dryRun,
    read: r.read, imported: r.imported, unchanged: r.unchanged, updated: r.updated,
    rejected: r.rejected, warnings: r.warnings, strikes: r.strikes,
  };
}

/** A declared strike as the public API shows it. */
export interface StrikeJson {
  id: number;
  releaseDate: string;
  country: string;
  countryName: string;
  place: string;
  placePrecision: string | null;
  lat: number | null;
  lon: number | null;
  strikes: number | null;
  engaged: Array<{ count: number | null; what: string }>;
  destroyed: Array<{ count: number | null; what: string }>;
  damaged: Array<{ count: number | null; what: string }>;
  line: string;
  declaredBy: string;
  belligerent: string;
  status: string;
  provenance: { dataset: string | null; row: number | null; fileSha256: string | null; version: number };
}

export function presentStrike(s: DeclaredStrikeRow): StrikeJson {
  return {
    id: s.id,
    releaseDate: s.release_date,
    country: s.country,
    countryName: COUNTRIES[s.country],
    place: s.place_text,
    placePrecision: s.place_precision,
    lat: s.lat,
    lon: s.lon,
    strikes: s.strikes,
    engaged: s.engaged,
    destroyed: s.destroyed,
    damaged: s.damaged,
    line: s.line,
    declaredBy: s.declared_by,
    belligerent: s.belligerent,
    status: s.status,
    provenance: { dataset: s.dataset, row: s.dataset_row, fileSha256: s.file_sha256, version: s.version },
  };
}

/** Columns of the strikes exports with their HXL hashtags, in order. */
export const STRIKE_COLUMNS: Array<{ name: string; hxl: string; value: (s: DeclaredStrikeRow) => string | number | null }> = [
  { name: 'id', hxl: '#event+id', value: (s) => s.id },
  { name: 'release_date', hxl: '#date+reported', value: (s) => s.release_date },
  { name: 'country', hxl: '#country+code', value: (s) => s.country },
  { name: 'place', hxl: '#loc+name', value: (s) => s.place_text },
  { name: 'lat', hxl: '#geo+lat', value: (s) => s.lat },
  { name: 'lon', hxl: '#geo+lon', value: (s) => s.lon },
  { name: 'place_precision', hxl: '#geo+precision', value: (s) => s.place_precision },
  { name: 'strikes', hxl: '#indicator+strikes+num', value: (s) => s.strikes },
  { name: 'engaged', hxl: '#indicator+engaged', value: (s) => s.engaged.map(targetText).join('; ') },
  { name: 'destroyed', hxl: '#indicator+destroyed', value: (s) => s.destroyed.map(targetText).join('; ') },
  { name: 'line', hxl: '#description+verbatim', value: (s) => s.line },
  { name: 'declared_by', hxl: '#org+declared', value: (s) => s.declared_by },
  { name: 'belligerent', hxl: '#org+belligerent', value: (s) => s.belligerent },
  { name: 'dataset', hxl: '#meta+source', value: (s) => s.dataset },
  { name: 'dataset_row', hxl: '#meta+row', value: (s) => s.dataset_row },
  { name: 'file_sha256', hxl: '#meta+sha256', value: (s) => s.file_sha256 },
];

function targetText(t: { count: number | null; what: string }): string {
  return t.count == null ? t.what : `${t.count} ${t.what}`;
}

/** An RFC 7946 Feature for a strike; a strike whose place is not resolved has a null geometry. */
export function strikeFeature(s: DeclaredStrikeRow): Record<string, unknown> {
  return {
    type: 'Feature',
    id: s.id,
    geometry: s.lat != null && s.lon != null ? { type: 'Point', coordinates: [s.lon, s.lat] } : null,
    properties: Object.fromEntries(STRIKE_COLUMNS.filter((c) => c.name !== 'lat' && c.name !== 'lon').map((c) => [c.name, c.value(s)])),
  };
}
