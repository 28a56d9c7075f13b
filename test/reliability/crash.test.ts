/**
 * Crash safety (importers: ./crash-importers-*.test.ts): the server under write load, and backups, killed with SIGKILL at
 * seeded random moments. Short version by default (2 rounds per importer); 20+ rounds with
 * HARMWATCH_RELIABILITY=long. Seeds are printed; HARMWATCH_SEED replays one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openPglite } from '../../src/db/connect.ts';
import { restoreDatabase } from '../../src/db/backup.ts';
import { verifyAudit } from '../../src/audit/service.ts';
import { runCli } from '../cli.ts';
import { IMPORTERS, fingerprint, importInProcess, mulberry32, recordStats, rounds, seedFor, seededCliTarget, postFromLoopback, startServer, exited, tempDir } from './harness.ts';

test('server under write load: SIGKILL and restart keep every write acknowledged with 2xx', async (t) => {
  const seed = seedFor('crash/server');
  const rand = mulberry32(seed);
  const target = await seededCliTarget();
  t.after(() => target.cleanup());
  const kills = rounds(2, 20);
  const acked: string[] = [];
  let serverErrors = 0;
  let sent = 0;
  for (let round = 0; round < kills; round++) {
    const server = await startServer(target);
    let stop = false;
    const clients = Array.from({ length: 8 }, async (_, c) => {
      for (let i = 0; !stop && i < 400; i++) {
        sent++;
        try {
          const r = await postFromLoopback(server.port, '/api/submissions', { text: `Round ${round} client ${c} item ${i}: a strike hit the market near Hajin.`, place: 'Hajin', language: 'en' }, 10_000);
          const body = r.text;
          if (r.status >= 500) serverErrors++;
          if (r.status >= 200 && r.status < 300) acked.push((JSON.parse(body) as { data: { referenceCode: string } }).data.referenceCode);
        } catch {
          return; // the server was killed under this request: not acknowledged
        }
      }
    });
    await new Promise((r) => setTimeout(r, 800 + Math.floor(rand() * 2000)));
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
  const source = await seededCliTarget();
  t.after(() => source.cleanup());
  const spec = IMPORTERS.find((s) => s.name === 'strikes');
  assert.ok(spec);
  const dir = tempDir('hw-backup-kill-');
  const seeded = await source.open();
  try {
    await importInProcess(seeded.kysely, spec.prepare(dir, 1500), 500);
  } finally {
    await seeded.close();
  }
  const full = join(dir, 'full.backup');
  const t0 = Date.now();
  assert.equal((await runCli(['db', 'backup', full, '--json'], source.env)).code, 0);
  const took = Date.now() - t0;

  const n = rounds(2, 20);
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
  const dest = await seededCliTarget();
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
