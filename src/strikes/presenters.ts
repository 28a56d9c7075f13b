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

/** CSV columns of the strikes export, in order. */
export const STRIKE_CSV_COLUMNS = ['id', 'release_date', 'country', 'place', 'strikes', 'line', 'declared_by', 'dataset', 'dataset_row', 'file_sha256'] as const;

export function strikeCsvRow(s: DeclaredStrikeRow): Array<string | number | null> {
  return [s.id, s.release_date, s.country, s.place_text, s.strikes, s.line, s.declared_by, s.dataset, s.dataset_row, s.file_sha256];
}
