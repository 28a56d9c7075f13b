import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { vendorPath } from '../shared-data.ts';
import { strikeImporter } from './strikeImporter.ts';
import { loadVendoredPlaces } from '../gazetteer/demo.ts';
import { geocodeStrikePlaces } from '../gazetteer/strikePlaces.ts';

/** The bundled demo files, in load order: the raw scrape, then the author's refined edit of it. */
export const DEMO_FILES = ['cjtf-oir-releases-raw.csv', 'cjtf-oir-releases-refined.csv'];

export interface DemoResult {
  loaded: boolean;
  files: Array<{ file: string; read: number; imported: number; updated: number; unchanged: number; rejected: number; strikes: number }>;
  /** Gazetteer places loaded (COD-AB + GeoNames) and release lines given coordinates. */
  places?: { loaded: boolean; imported: number };
  strikesGeocoded?: { lines: number; updated: number };
}

/**
 * Loads the vendored CJTF-OIR strike releases (public domain; see NOTICE). Without `force` it
 * does so only into a database with no declared strikes, so a restart never re-imports.
 */
export async function loadDemoData(db: Kysely<Database>, opts: { force?: boolean; onFile?: (file: string) => void } = {}): Promise<DemoResult> {
  if (!opts.force) {
    const any = await db.selectFrom('declared_strikes').select('id').limit(1).executeTakeFirst();
    if (any) return { loaded: false, files: [] };
  }
  const files: DemoResult['files'] = [];
  for (const name of DEMO_FILES) {
    opts.onFile?.(name);
    const r = await strikeImporter(db, { file: vendorPath('strikes', name), actor: 'system:demo', reason: `bundled demo data: ${name}`, batchSize: 1000 });
    files.push({ file: name, read: r.read, imported: r.imported, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected.length, strikes: r.strikes });
  }
  opts.onFile?.('gazetteer (COD-AB, GeoNames)');
  const places = await loadVendoredPlaces(db, { force: !!opts.force });
  const geo = await geocodeStrikePlaces({ actor: 'system:demo', reason: 'bundled demo data: places of release lines' }, db);
  return {
    loaded: true,
    files,
    places: { loaded: places.loaded, imported: places.result?.imported ?? 0 },
    strikesGeocoded: { lines: geo.lines, updated: geo.updated },
  };
}
