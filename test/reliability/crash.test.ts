/**
 * Crash safety: every importer, the server under write load, and backups, killed with SIGKILL at
 * seeded random moments. Short version by default (2 rounds per importer); 20+ rounds with
 * HARMWATCH_RELIABILITY=long. Seeds are printed; HARMWATCH_SEED replays one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createCliTarget, type CliTarget } from '../../src/db/testing.ts';
import { openPglite } from '../../src/db/connect.ts';
import { restoreDatabase } from '../../src/db/backup.ts';
import { verifyAudit } from '../../src/audit/service.ts';
import { runCli } from '../cli.ts';
import { IMPORTERS, fingerprint, mulberry32, recordStats, rounds, seedFor, tempDir, LONG } from './harness.ts';

interface Summary {
  read: number;
  imported: number;
  unchanged: number;
  updated?: number;
  rejected: unknown[];
}

const stored = (s: Summary): number => s.imported + s.unchanged + (s.updated ?? 0);

function parseSummary(stdout: string, what: string): Summary {
  try {
    return JSON.parse(stdout) as Summary;
  } catch {
    throw new Error(`${what}: no JSON summary in ${JSON.stringify(stdout.slice(0, 400))}`);
  }
}

test('crash safety: SIGKILL at random points of every importer, then a re-run, equals a clean run', { concurrency: LONG ? 2 : 3 }, async (t) => {
  const seed = seedFor('crash/importers');
  const perImporter = rounds(2, 20);
  await Promise.all(IMPORTERS.map((spec, idx) => t.test(spec.name, async (st) => {
    const rand = mulberry32(seed + idx);
    const dir = tempDir(`hw-crash-${spec.name}-`);
    const args = [...spec.prepare(dir, spec.rows), '--json', '--batch-size', '20'];
    const clean = await createCliTarget();
    const target = await createCliTarget();
    st.after(async () => {
      await clean.cleanup();
      await target.cleanup();
    });

    const started = Date.now();
    const cleanRun = await runCli(args, clean.env);
    const took = Date.now() - started;
    assert.equal(cleanRun.code, 0, `clean run of ${spec.name}: ${cleanRun.stderr}${cleanRun.stdout.slice(0, 2000)}`);
    const cleanSummary = parseSummary(cleanRun.stdout, `clean ${spec.name}`);
    assert.ok(cleanSummary.imported > 0, `the synthetic ${spec.name} file imports (${cleanRun.stdout.slice(0, 400)})`);
    assert.equal(cleanSummary.rejected.length, 0);

    let killed = 0;
    let acknowledged = 0;
    for (let round = 0; round < perImporter; round++) {
      const delay = Math.floor(took * (0.15 + 0.9 * rand()));
      const r = await runCli(args, target.env, { killAfterMs: delay });
      if (r.signal === 'SIGKILL') killed++;
      else {
        assert.equal(r.code, 0, `${spec.name} round ${round} (kill at ${delay} ms) finished: ${r.stderr}`);
        acknowledged += stored(parseSummary(r.stdout, `${spec.name} round ${round}`));
      }
      // Between kills, what is stored is never duplicated and the chain always verifies.
      if (LONG || round === perImporter - 1) {
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
    acknowledged += stored(parseSummary(final.stdout, `final ${spec.name}`));
    const dry = await runCli([...args, '--dry-run'], target.env);
    const drySummary = parseSummary(dry.stdout, `dry run ${spec.name}`);
    assert.equal(drySummary.imported, 0, `${spec.name}: after the re-run nothing is missing`);
    assert.equal(drySummary.updated ?? 0, 0, `${spec.name}: nothing differs`);
    assert.equal(drySummary.unchanged, stored(cleanSummary), `${spec.name}: every row present`);

    const verify = await runCli(['audit', 'verify', '--json'], target.env);
    assert.equal(verify.code, 0, `audit verify after ${killed} kills: ${verify.stdout}`);

    const a = await clean.open();
    const b = await target.open();
    try {
      const fa = await fingerprint(a);
      const fb = await fingerprint(b);
      assert.deepEqual(fb.duplicates, []);
      assert.ok(fa.auditOk && fb.auditOk);
      assert.deepEqual(fb.counts, fa.counts, `${spec.name}: counts after ${killed} kills equal a clean run`);
    } finally {
      await a.close();
      await b.close();
    }
    recordStats({ scenario: `crash: import ${spec.name}`, faults: killed, acknowledged: stored(parseSummary(final.stdout, 'final')), found: drySummary.unchanged });
    console.log(`# ${spec.name}: ${killed} kills, ${acknowledged} row writes acknowledged by finished runs`);
  })));
});

/** Starts test/reliability/server-child.ts on a target; resolves with its port once listening. */
function startServer(target: CliTarget, extraEnv: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; port: number; stderr: () => string }> {
  return new Promise((resolve, reject) => {
    const script = new URL('./server-child.ts', import.meta.url).pathname;
    const child = spawn(process.execPath, ['--import', 'tsx', script], { env: { ...target.env, HARMWATCH_TEST_SUBMISSION_CAPACITY: '100000', HARMWATCH_API_RATE: '1000000', ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start: ${err}`));
    }, 60_000);
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /\{"port":(\d+)\}/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]), stderr: () => err });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!/\{"port":/.test(out)) reject(new Error(`server exited ${code}: ${err}`));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

test('server under write load: SIGKILL and restart keep every write acknowledged with 2xx', async (t) => {
  const seed = seedFor('crash/server');
  const rand = mulberry32(seed);
  const target = await createCliTarget();
  t.after(() => target.cleanup());
  const kills = rounds(2, 20);
  const acked: string[] = [];
  let serverErrors = 0;
  let sent = 0;
  for (let round = 0; round < kills; round++) {
    const server = await startServer(target);
    const base = `http://127.0.0.1:${server.port}`;
    let stop = false;
    const clients = Array.from({ length: 8 }, async (_, c) => {
      for (let i = 0; !stop && i < 400; i++) {
        sent++;
        try {
          const r = await fetch(`${base}/api/submissions`, {
            method: 'POST', headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ text: `Round ${round} client ${c} item ${i}: a strike hit the market near Hajin.`, place: 'Hajin', language: 'en' }),
            signal: AbortSignal.timeout(10_000),
          });
          const body = await r.text();
          if (r.status >= 500) serverErrors++;
          if (r.status >= 200 && r.status < 300) acked.push((JSON.parse(body) as { data: { referenceCode: string } }).data.referenceCode);
        } catch {
          return; // the server was killed under this request: not acknowledged
        }
      }
    });
    await new Promise((r) => setTimeout(r, 300 + Math.floor(rand() * 1500)));
    server.child.kill('SIGKILL');
    stop = true;
    await Promise.all(clients);
    await exited(server.child);
  }
  // Restart once more: it must open (stale lock of a killed process) and serve.
  const again = await startServer(target);
  const health = await fetch(`http://127.0.0.1:${again.port}/api/health`);
  assert.equal(health.status, 200);
  again.child.kill('SIGTERM');
  await exited(again.child);

  const db = await target.open();
  try {
    const rows = (await sql<{ reference_code: string }>`select reference_code from submission_contacts`.execute(db.kysely)).rows.map((r) => r.reference_code);
    const present = new Set(rows);
    const missing = acked.filter((c) => !present.has(c));
    assert.deepEqual(missing, [], `every acknowledged submission is stored (${acked.length} acknowledged)`);
    assert.equal(new Set(rows).size, rows.length, 'no reference code twice');
    assert.ok(acked.length > 0, 'some writes were acknowledged');
    assert.equal(serverErrors, 0);
    assert.ok((await verifyAudit(db.kysely)).ok);
    recordStats({ scenario: 'crash: server under write load', faults: kills, acknowledged: acked.length, found: acked.length - missing.length, serverErrors, badInputs: 0 });
    console.log(`# server: ${sent} requests sent, ${acked.length} acknowledged, ${rows.length} stored`);
  } finally {
    await db.close();
  }
});

test('db backup killed halfway never leaves a file that looks complete; restore into both backends', async (t) => {
  const seed = seedFor('crash/backup');
  const rand = mulberry32(seed);
  const source = await createCliTarget();
  t.after(() => source.cleanup());
  const spec = IMPORTERS.find((s) => s.name === 'strikes');
  assert.ok(spec);
  const dir = tempDir('hw-backup-kill-');
  const imported = await runCli([...spec.prepare(dir, 1500), '--json'], source.env);
  assert.equal(imported.code, 0, imported.stderr);
  const full = join(dir, 'full.backup');
  const t0 = Date.now();
  assert.equal((await runCli(['db', 'backup', full, '--json'], source.env)).code, 0);
  const took = Date.now() - t0;

  const n = rounds(3, 20);
  let killed = 0;
  for (let round = 0; round < n; round++) {
    const file = join(dir, `k${round}.backup`);
    const r = await runCli(['db', 'backup', file, '--json'], source.env, { killAfterMs: Math.floor(took * (0.2 + 0.8 * rand())) });
    const left = readdirSync(dir).filter((f) => f.startsWith(`k${round}.backup`));
    if (r.signal === 'SIGKILL') {
      killed++;
      // Either nothing, a .partial-<pid> file, or (killed after the rename) a complete backup.
      for (const f of left) assert.ok(f === `k${round}.backup` || /\.partial-\d+$/.test(f), `unexpected ${f}`);
      if (left.includes(`k${round}.backup`)) {
        const check = await runCli(['db', 'restore', file, '--json'], (await freshPglite()).env);
        assert.equal(check.code, 0, `a backup named as complete restores: ${check.stdout}`);
      }
    } else assert.equal(r.code, 0);
  }

  // restore the full backup into the configured backend (PGlite or DATABASE_URL) and into PGlite
  const dest = await createCliTarget();
  t.after(() => dest.cleanup());
  const r = await runCli(['db', 'restore', full, '--json'], dest.env);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const mem = await openPglite(null, { migrate: true });
  try {
    await restoreDatabase(mem.kysely, full);
    assert.ok((await verifyAudit(mem.kysely)).ok);
  } finally {
    await mem.close();
  }
  const a = await source.open();
  const b = await dest.open();
  try {
    const fa = await fingerprint(a);
    const fb = await fingerprint(b);
    assert.deepEqual(fb.counts, fa.counts);
    assert.ok(fb.auditOk);
    assert.equal(fb.auditEvents, fa.auditEvents);
  } finally {
    await a.close();
    await b.close();
  }
  assert.ok(existsSync(full));
  recordStats({ scenario: 'crash: db backup/restore', faults: killed });
});

async function freshPglite(): Promise<{ env: NodeJS.ProcessEnv }> {
  const dir = tempDir('hw-restore-check-');
  const env: NodeJS.ProcessEnv = { ...process.env, HARMWATCH_DATA_DIR: dir, HARMWATCH_DEMO: '0' };
  delete env.DATABASE_URL;
  return { env };
}
