/**
 * Crash safety of the importers (used by crash-importers-*.test.ts, split so that each test file
 * stays well under the runner's per-file timeout on a loaded 2-core machine): each importer runs
 * as a child process, is SIGKILLed at seeded random moments, re-run, and compared with a clean
 * import into a fresh database. Short: 2 kills per importer; long (HARMWATCH_RELIABILITY=long): 20.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb, type CliTarget } from '../../src/db/testing.ts';
import { runCli } from '../cli.ts';
import { IMPORTERS, fingerprint, importInProcess, mulberry32, recordStats, rounds, seedFor, seededCliTarget, tempDir, LONG, type ImportSummary } from './harness.ts';

const stored = (s: ImportSummary): number => s.imported + s.unchanged + (s.updated ?? 0);

function parseSummary(stdout: string, what: string): ImportSummary {
  try {
    return JSON.parse(stdout) as ImportSummary;
  } catch {
    throw new Error(`${what}: no JSON summary in ${JSON.stringify(stdout.slice(0, 400))}`);
  }
}

/** Registers the crash-safety tests of the named importers (they run concurrently). */
export function crashImporters(names: string[]): void {
  describe(`crash safety: SIGKILL at random points of import ${names.join(', ')}, then a re-run, equals a clean run`, { concurrency: names.length }, () => {
  const seed = seedFor('crash/importers');
  const perImporter = rounds(2, 20);
  let startup = 3000;
  let probe: CliTarget | null = null;
  before(async () => {
    // How long a child takes to start and open its database, measured once (also checks `audit verify`).
    probe = await seededCliTarget();
    const t0 = Date.now();
    const v = await runCli(['audit', 'verify', '--json'], probe.env);
    startup = Date.now() - t0;
    assert.equal(v.code, 0, v.stderr);
    process.stdout.write(`# child startup ${startup} ms\n`);
  });
  after(async () => probe?.cleanup());

  for (const [idx, spec] of IMPORTERS.entries()) {
    if (!names.includes(spec.name)) continue;
    void it(`import ${spec.name}`, async (st) => {
      const rand = mulberry32(seed + idx);
      const dir = tempDir(`hw-crash-${spec.name}-`);
      const args = [...spec.prepare(dir, spec.rows), '--json', '--batch-size', '20'];
      const target = await seededCliTarget();
      st.after(() => target.cleanup());

      // The clean reference: the same import in a fresh database, in this process.
      const clean = await createTestDb();
      let cleanPrint: Awaited<ReturnType<typeof fingerprint>>;
      let cleanStored: number;
      const c0 = Date.now();
      try {
        const summary = await importInProcess(clean.kysely, args, 20);
        assert.ok(summary.imported > 0, `the synthetic ${spec.name} file imports`);
        assert.deepEqual(summary.rejected, [], `the synthetic ${spec.name} file has no bad rows`);
        cleanStored = stored(summary);
        cleanPrint = await fingerprint(clean);
      } finally {
        await clean.close();
      }
      const work = Date.now() - c0;

      let killed = 0;
      let acknowledged = 0;
      // Kill moments are drawn from a window that shrinks to the observed run time whenever a run
      // finishes first, so that (nearly) every round injects a fault; at most 3 tries per kill.
      let lo = startup * 0.6;
      let hi = startup + 2 * work;
      for (let round = 0; killed < perImporter && round < perImporter * 3; round++) {
        const delay = Math.floor(lo + rand() * (hi - lo));
        const t1 = Date.now();
        const r = await runCli(args, target.env, { killAfterMs: delay });
        if (r.signal === 'SIGKILL') killed++;
        else {
          hi = Math.min(hi, (Date.now() - t1) * 0.95);
          lo = Math.min(lo, hi * 0.5);
          assert.equal(r.code, 0, `${spec.name} round ${round} (kill at ${delay} ms) finished: ${r.stderr}`);
          acknowledged += stored(parseSummary(r.stdout, `${spec.name} round ${round}`));
        }
        if (LONG) {
          // Between kills, what is stored is never duplicated and the chain always verifies.
          const db = await target.open();
          try {
            const f = await fingerprint(db);
            assert.deepEqual(f.duplicates, [], `${spec.name} round ${round}: duplicate identities`);
            assert.ok(f.auditOk, `${spec.name} round ${round}: audit chain`);
          } finally {
            await db.close();
          }
        }
      }
      const final = await runCli(args, target.env);
      assert.equal(final.code, 0, final.stderr);
      const finalSummary = parseSummary(final.stdout, `final ${spec.name}`);
      acknowledged += stored(finalSummary);
      assert.equal(stored(finalSummary), cleanStored, `${spec.name}: the re-run accounts for every row`);

      const db = await target.open();
      let found = 0;
      try {
        const f = await fingerprint(db);
        assert.deepEqual(f.duplicates, [], `${spec.name}: no identity twice after ${killed} kills`);
        assert.ok(f.auditOk, `${spec.name}: audit chain verifies after ${killed} kills`);
        assert.deepEqual(f.counts, cleanPrint.counts, `${spec.name}: counts after ${killed} kills equal a clean run`);
        found = stored(await importInProcess(db.kysely, [...args, '--dry-run'], 500));
      } finally {
        await db.close();
      }
      recordStats({ scenario: `crash: import ${spec.name}`, faults: killed, acknowledged: cleanStored, found: Math.min(found, cleanStored) });
      process.stdout.write(`# ${spec.name}: ${killed} kills, ${acknowledged} row outcomes acknowledged by finished runs\n`);
    });
  }
});
}
