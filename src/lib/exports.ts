/**
 * Streamed flat exports shared by the public collections: RFC 4180 CSV (CRLF, UTF-8, optional
 * byte order mark), the same with an HXL hashtag row under the header, and RFC 7946 GeoJSON.
 * Each takes pages of rows (a keyset-paged query) and yields text a page at a time, so memory
 * stays constant however large the export.
 */
import { csvLine } from '../incidents/presenters.ts';

/** One column of a flat export: header name, HXL hashtag with attributes, and its value. */
export interface ExportColumn<T> {
  name: string;
  hxl: string;
  value: (row: T) => string | number | boolean | null;
}

const cell = (v: string | number | boolean | null): string | number | null => (typeof v === 'boolean' ? String(v) : v);

/** CSV (or HXL-tagged CSV) of every row the pages yield. */
export async function* csvExport<T>(columns: Array<ExportColumn<T>>, pages: AsyncIterable<T[]>, opts: { hxl: boolean; bom: boolean }): AsyncGenerator<string> {
  if (opts.bom) yield '\uFEFF';
  yield csvLine(columns.map((c) => c.name));
  if (opts.hxl) yield csvLine(columns.map((c) => c.hxl));
  for await (const rows of pages) {
    if (rows.length) yield rows.map((r) => csvLine(columns.map((c) => cell(c.value(r))))).join('');
  }
}

/** An RFC 7946 FeatureCollection of every row the pages yield. */
export async function* geoJsonExport<T>(pages: AsyncIterable<T[]>, feature: (row: T) => Record<string, unknown>): AsyncGenerator<string> {
  yield '{"type":"FeatureCollection","features":[';
  let first = true;
  for await (const rows of pages) {
    if (rows.length === 0) continue;
    const text = rows.map((r) => JSON.stringify(feature(r))).join(',');
    yield first ? text : `,${text}`;
    first = false;
  }
  yield ']}';
}

/** A point geometry ([lon, lat], RFC 7946 order) or null when either coordinate is unknown. */
export function pointOrNull(lat: number | null, lon: number | null): { type: 'Point'; coordinates: [number, number] } | null {
  return lat != null && lon != null ? { type: 'Point', coordinates: [lon, lat] } : null;
}

/** Properties of a GeoJSON feature from the export columns (coordinates live in the geometry). */
export function featureProperties<T>(columns: Array<ExportColumn<T>>, row: T): Record<string, string | number | boolean | null> {
  return Object.fromEntries(columns.filter((c) => c.name !== 'lat' && c.name !== 'lon').map((c) => [c.name, c.value(row)]));
}
