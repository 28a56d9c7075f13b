import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One row of a place-list CSV, for tests (our own made-up rows, never third-party data). */
export type PlaceListRow = Record<string, string | number>;

/** A few places around Al-Baghuz (approximate coordinates written for the tests). */
export const BAGHUZ_LIST: PlaceListRow[] = [
  { name_en: 'Al Baghuz', name_ar: 'الباغوز', lat: 34.453, lon: 40.938, precision: 'village' },
  { name_en: 'Hajin', name_ar: 'هجين', lat: 34.693, lon: 40.831, precision: 'town' },
  { name_en: 'Susah', name_ar: 'السوسة', lat: 34.527, lon: 40.905, precision: 'village' },
];

const q = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Writes a place-list CSV (columns from the first row) to a fresh temp folder; returns its path. */
export function writePlaceList(rows: PlaceListRow[], name = 'places.csv'): string {
  const cols = Object.keys(rows[0] ?? { name_en: '', name_ar: '', lat: '', lon: '', precision: '' });
  const text = [cols.join(','), ...rows.map((r) => cols.map((c) => q(String(r[c] ?? ''))).join(','))].join('\n') + '\n';
  const path = join(mkdtempSync(join(tmpdir(), 'hw-places-')), name);
  writeFileSync(path, text);
  return path;
}
