/**
 * `npm run bench -- ingest [--rows N] [--batch-size N] [--baseline-rows N] [--shared-buffers 32MB]`: a generated
 * generic CSV (default 1,000,000 rows: id, date, town, governorate, coordinates, killed min/max,
 * injured, children killed, notes; mapped through a JSON mapping) imported into embedded PGlite in
 * a temporary folder by `harmwatch import csv`'s code path. Targets: ≥ 20,000 rows/s and peak RSS
 * < 800 MB. Baseline in the same run: the same source and claim rows, already built, inserted
 * (the same one-parameter bulk INSERT the importer uses) into bare copies of the two tables (same columns and indexes) — the database's own cost,
 * with no parsing, hashing, version lookup or audit.
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { sql } from 'kysely';
import { openPglite } from '../src/db/connect.ts';
import { bulkInsert } from '../src/db/bulkInsert.ts';
import { parseMappedCsv, parseMapping } from '../src/ingest/generic.ts';
import { runImport } from '../src/ingest/service.ts';
import { datasetClaimWriter, datasetClaims } from '../src/ingest/writers.ts';
import type { NewClaim, NewSource } from '../src/ingest/repository.ts';

const opt = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const rows = opt('--rows', 1_000_000);
const batchSize = opt('--batch-size', 2000);
const baselineRows = Math.min(rows, opt('--baseline-rows', 200_000));
const sbIndex = process.argv.indexOf('--shared-buffers');
/** PGlite's buffer cache (HARMWATCH_PGLITE_SHARED_BUFFERS); default PGlite's own 128MB. */
const sharedBuffers = sbIndex > 0 ? process.argv[sbIndex + 1] : undefined;

const dir = mkdtempSync(join(tmpdir(), 'harmwatch-bench-ingest-'));
const file = join(dir, 'generated.csv');
const TOWNS = ['Hajin', 'Al Susah', 'Baghuz', 'الباغوز', 'Raqqa', 'الرقة', 'Mosul', 'Tabqa', 'Deir ez-Zor', 'Al Bukamal'];
const GOVS = ['Deir ez-Zor', 'Raqqa', 'Ninewa', 'Aleppo', 'Hasakah'];

/** Row i of the generated file: varied, valid, with some blanks (unknown is not zero). */
function line(i: number): string {
  const day = 1 + (i % 28);
  const month = 1 + (Math.floor(i / 28) % 12);
  const year = 2014 + (Math.floor(i / 336) % 6);
  const min = i % 7;
  const max = min + (i % 3);
  const injured = i % 5 === 0 ? '' : String(i % 11);
  const children = i % 4 === 0 ? String(i % 3) : '';
  const lat = (34 + (i % 1000) / 1000).toFixed(4);
  const lon = (38 + (i % 997) / 500).toFixed(4);
  const notes = i % 10 === 0 ? '"reported by ""local"" sources, later confirmed"' : `note ${i}`;
  return `GEN-${i},${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year},${TOWNS[i % TOWNS.length]},${GOVS[i % GOVS.length]},${lat},${lon},${min},${max},${injured},${children},${notes}\n`;
}

async function writeFile(): Promise<void> {
  const out = createWriteStream(file);
  out.write('ID,Date,Town,Governorate,Lat,Lon,Killed (min),Killed,Injured,Children killed,Notes\n');
  for (let i = 0; i < rows; i++) {
    if (!out.write(line(i))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

const mapping = parseMapping({
  claimant: 'Generated monitor',
  columns: {
    ID: 'id', Date: 'date', Town: 'place', Governorate: 'admin1', Lat: 'latitude', Lon: 'longitude',
    'Killed (min)': 'civilians_killed_min', Killed: 'civilians_killed_max', Injured: 'civilians_injured', 'Children killed': 'children_killed',
  },
  dateFormat: 'DD/MM/YYYY',
  defaults: { country: 'SY', date_precision: 'day', place_precision: 'village' },
}, 'bench-mapping.json');

let peakRss = 0;
const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage.rss()); }, 100);
const now = new Date();

await writeFile();
const db = await openPglite(join(dir, 'db'), { sharedBuffers });
try {
  // Baseline: bare copies of sources and claims (columns, defaults, indexes), the same rows
  // prepared in memory chunk by chunk, timing only the INSERT statements.
  await sql`create table bare_sources (like sources including all)`.execute(db.kysely);
  await sql`create table bare_claims (like claims including all)`.execute(db.kysely);
  const writer = datasetClaimWriter('csv');
  let bareMs = 0;
  let bareCount = 0;
  let chunk: Array<{ row: number; record: Parameters<typeof writer.prepare>[0] }> = [];
  const bareFlush = async (): Promise<void> => {
    const sources: NewSource[] = chunk.map((c) => {
      const p = writer.prepare(c.record, c.row);
      return { ...p.source, source_key: p.key, sha256: p.sha256, version: 1, supersedes_id: null, captured_at: now };
    });
    const t = performance.now();
    await db.kysely.transaction().execute(async (tx) => {
      const ids = await bulkInsert(tx, 'bare_sources' as 'sources', sources);
      const claims: NewClaim[] = chunk.flatMap((c, i) => datasetClaims(c.record, ids[i]));
      await bulkInsert(tx, 'bare_claims' as 'claims', claims);
    });
    bareMs += performance.now() - t;
    bareCount += chunk.length;
    chunk = [];
  };
  for await (const o of parseMappedCsv(file, mapping, { now })) {
    if (bareCount + chunk.length >= baselineRows) break;
    if (!o.ok) throw new Error(`generated row ${o.row} rejected: ${o.reason}`);
    chunk.push({ row: o.row, record: o.record });
    if (chunk.length >= batchSize) await bareFlush();
  }
  if (chunk.length) await bareFlush();
  await sql`drop table bare_claims`.execute(db.kysely);
  await sql`drop table bare_sources`.execute(db.kysely);

  const t0 = performance.now();
  const r = await runImport(db.kysely, parseMappedCsv(file, mapping, { now }), writer, { file, actor: 'bench', batchSize });
  const importMs = performance.now() - t0;
  const claims = await db.kysely.selectFrom('claims').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();

  const t1 = performance.now();
  const again = await runImport(db.kysely, parseMappedCsv(file, mapping, { now }), writer, { file, actor: 'bench', batchSize });
  const reimportMs = performance.now() - t1;
  clearInterval(sampler);

  const importRate = Math.round(rows / (importMs / 1000));
  const bareRate = Math.round(bareCount / (bareMs / 1000));
  const peakRssMb = Math.round(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1024 / 1024);
  console.log(JSON.stringify({
    bench: 'ingest',
    rows,
    fileMb: Math.round(statSync(file).size / 1024 / 1024),
    batchSize,
    sharedBuffers: (await sql<{ shared_buffers: string }>`show shared_buffers`.execute(db.kysely)).rows[0].shared_buffers,
    imported: r.imported,
    rejected: r.rejected.length,
    claims: Number(claims.n),
    importSeconds: Number((importMs / 1000).toFixed(1)),
    importRowsPerSec: importRate,
    reimportRowsPerSec: Math.round(rows / (reimportMs / 1000)),
    reimportUnchanged: again.unchanged,
    baseline: { what: 'bare bulk INSERTs of the same prepared source and claim rows into copies of the tables (with their indexes), same database', rows: bareCount, rowsPerSec: bareRate },
    ratioToBare: Number((bareRate / importRate).toFixed(2)),
    peakRssMb,
    targets: { rowsPerSec: 20_000, peakRssMb: 800 },
    meetsTargets: { rowsPerSec: importRate >= 20_000, peakRss: peakRssMb < 800 },
  }, null, 2));
} finally {
  clearInterval(sampler);
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}
