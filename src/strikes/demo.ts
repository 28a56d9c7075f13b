import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { vendorPath } from '../shared-data.ts';
import { strikeImporter } from './strikeImporter.ts';

/** The bundled demo files, in load order: the raw scrape, then the author's refined edit of it. */
export const DEMO_FILES = ['cjtf-oir-releases-raw.csv', 'cjtf-oir-releases-refined.csv'];

export interface DemoResult {
  loaded: boolean;
  files: Array<{ file: string; read: number; imported: number; updated: number; unchanged: number; rejected: number; strikes: number }>;
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
  return { loaded: true, files };
}
