/**
 * `npm run bench -- import-strikes [--rows N]`: release-line import rate into embedded PGlite, and
 * its ratio to a bare multi-row insert of the same rows into the same database in the same run
 * (target: within 3x).
 */
import { sql } from 'kysely';
import { openPglite } from '../src/db/connect.ts';
import { strikeImporter } from '../src/strikes/strikeImporter.ts';
import { buildReleaseRow, writeReleaseCsv } from '../src/strikes/factories.ts';
import { validateReleaseRow, strikeIdentity, strikeContentHash } from '../src/strikes/rows.ts';
import type { NewDeclaredStrike } from '../src/db/types.ts';

const arg = process.argv.indexOf('--rows');
const rows = arg > 0 ? Number(process.argv[arg + 1]) : 20_000;
const specs = Array.from({ length: rows }, (_, i) => buildReleaseRow(i));
const file = writeReleaseCsv(specs);

const db = await openPglite(null);
try {
  // Baseline: the same rows, already parsed, in 500-row multi-row inserts into a bare copy of the table.
  await sql`create table bare_strikes (like declared_strikes including defaults)`.execute(db.kysely);
  const prepared: NewDeclaredStrike[] = specs.map((s, i) => {
    const v = validateReleaseRow(i + 2, s, 'raw', 'bench', 'x');
    if (!v.ok) throw new Error(v.reason);
    return { ...v.strike, identity_key: strikeIdentity(v.dateLineKey, 1), content_sha256: strikeContentHash(v.strike) };
  });
  const t0 = performance.now();
  for (let i = 0; i < prepared.length; i += 500) {
    await db.kysely.transaction().execute(async (tx) => {
      await tx.insertInto('bare_strikes' as 'declared_strikes').values(prepared.slice(i, i + 500)).execute();
    });
  }
  const bareMs = performance.now() - t0;

  const t1 = performance.now();
  const r = await strikeImporter(db.kysely, { file, actor: 'bench', batchSize: 500 });
  const importMs = performance.now() - t1;
  const t2 = performance.now();
  const again = await strikeImporter(db.kysely, { file, actor: 'bench', batchSize: 500 });
  const reimportMs = performance.now() - t2;

  console.log(JSON.stringify({
    bench: 'import-strikes',
    rows,
    imported: r.imported,
    importRowsPerSec: Math.round(rows / (importMs / 1000)),
    reimportRowsPerSec: Math.round(rows / (reimportMs / 1000)),
    reimportUnchanged: again.unchanged,
    baseline: { what: 'bare multi-row insert of the same parsed rows, 500 per transaction, same database', rowsPerSec: Math.round(rows / (bareMs / 1000)) },
    ratioToBare: Number((importMs / bareMs).toFixed(2)),
    target: 'ratioToBare <= 3',
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }, null, 2));
} finally {
  await db.close();
}
