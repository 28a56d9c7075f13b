import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One row of a release CSV, for tests. */
export interface ReleaseRowSpec {
  date?: string;
  country?: string;
  location?: string;
  number?: string;
  description?: string;
  line?: string;
  manually_edited?: string;
}

const q = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Builds a release row; by default a valid "Near <place>, <n> strikes …" line. */
export function buildReleaseRow(i: number, over: ReleaseRowSpec = {}): Required<ReleaseRowSpec> {
  const places = ['Mosul', 'Ramadi', 'Kobani', 'Raqqah', 'Hit', 'Sinjar', 'Abu Kamal', 'Manbij'];
  const words = ['one', 'two', 'three', 'four', 'five'];
  const place = places[i % places.length];
  const n = (i % 5) + 1;
  const country = ['Kobani', 'Raqqah', 'Abu Kamal', 'Manbij'].includes(place) ? 'Syria' : 'Iraq';
  const day = String((i % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, '0');
  const line = `- Near ${place}, ${words[n - 1]} strike${n > 1 ? 's' : ''} engaged an ISIL tactical unit and destroyed ${i % 7} ISIL fighting positions (report ${i}).`;
  return {
    date: `${month}/${day}/2015`,
    country,
    location: place,
    number: String(n),
    description: line.replace(/^- Near [^,]+, /, ''),
    line,
    manually_edited: '',
    ...over,
  };
}

/** Writes a release CSV (raw or refined layout) to a fresh temp folder and returns its path. */
export function writeReleaseCsv(rows: Array<Required<ReleaseRowSpec>>, layout: 'raw' | 'refined' = 'raw', name = 'releases.csv'): string {
  const cols = layout === 'raw'
    ? (['date', 'country', 'location', 'number', 'description', 'line'] as const)
    : (['date', 'country', 'location', 'number', 'manually_edited', 'description', 'line'] as const);
  const text = [cols.join(','), ...rows.map((r) => cols.map((c) => q(r[c])).join(','))].join('\n') + '\n';
  const dir = mkdtempSync(join(tmpdir(), 'hw-strikes-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
