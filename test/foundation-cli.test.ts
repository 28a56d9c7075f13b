import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, existsSync, readdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCliTarget } from '../src/db/testing.ts';
import { buildReleaseRow, writeReleaseCsv } from '../src/strikes/factories.ts';
import { strikeRepository } from '../src/strikes/repository.ts';
import { verifyAudit } from '../src/audit/service.ts';
import { runCli, mulberry32 } from './cli.ts';

const ROWS = 1500;

test('CLI import strikes: --json summary, exit codes, and SIGKILL mid-import loses nothing and duplicates nothing', async (t) => {
  const target = await createCliTarget();
  t.after(() => target.cleanup());
  const rows = Array.from({ length: ROWS }, (_, i) => buildReleaseRow(i));
  rows[100] = buildReleaseRow(100, { date: '13/45/2015' });
  const file = writeReleaseCsv(rows);
  const expectedStrikes = rows.reduce((a, r, i) => a + (i === 100 ? 0 : Number(r.number)), 0);

  const seed = Number(process.env.HARMWATCH_SEED ?? Date.now() % 100000);
  const rand = mulberry32(seed);
  const rounds = Number(process.env.HARMWATCH_KILL_ROUNDS ?? 3);
  console.log(`# crash test seed ${seed}, ${rounds} rounds (HARMWATCH_SEED / HARMWATCH_KILL_ROUNDS to change)`);
  let killed = 0;
  for (let round = 0; round < rounds; round++) {
    const delay = 800 + Math.floor(rand() * 2500);
    const r = await runCli(['import', 'strikes', file, '--json', '--batch-size', '50'], target.env, { killAfterMs: delay });
    if (r.signal === 'SIGKILL') killed++;
    else assert.equal(r.code, 2, `round ${round}: finished with rejected rows → exit 2 (${r.stderr})`);
  }
  const final = await runCli(['import', 'strikes', file, '--json', '--batch-size', '50'], target.env);
  assert.equal(final.code, 2, final.stderr);
  const summary = JSON.parse(final.stdout) as { read: number; imported: number; unchanged: number; rejected: Array<{ row: number; field: string; value: string }>; strikes: number };
  assert.equal(summary.read, ROWS);
  assert.deepEqual(summary.rejected.map((r) => [r.row, r.field, r.value]), [[102, 'date', '13/45/2015']]);
  assert.equal(summary.imported + summary.unchanged, ROWS - 1);

  const again = await runCli(['import', 'strikes', file, '--json'], target.env);
  const second = JSON.parse(again.stdout) as { imported: number; unchanged: number; strikes: number };
  assert.deepEqual([second.imported, second.unchanged, second.strikes], [0, ROWS - 1, 0], 'a re-import adds nothing');

  const db = await target.open();
  try {
    const totals = await strikeRepository.totals(db.kysely);
    assert.equal(totals.lines, ROWS - 1, `exactly the clean-import count after ${killed} kills`);
    assert.equal(totals.strikes, expectedStrikes);
    const dupes = await db.kysely.selectFrom('declared_strikes').select('identity_key').groupBy('identity_key').having((eb) => eb.fn.countAll(), '>', 1).execute();
    assert.equal(dupes.length, 0);
    assert.equal((await verifyAudit(db.kysely)).ok, true);
  } finally {
    await db.close();
  }
});

test('CLI: audit verify, backup and restore round trip, interrupted backups never look complete', async (t) => {
  const source = await createCliTarget();
  const dest = await createCliTarget();
  t.after(async () => {
    await source.cleanup();
    await dest.cleanup();
  });
  const file = writeReleaseCsv(Array.from({ length: 120 }, (_, i) => buildReleaseRow(i)));
  assert.equal((await runCli(['import', 'strikes', file, '--json'], source.env)).code, 0);
  const verify = await runCli(['audit', 'verify', '--json'], source.env);
  assert.equal(verify.code, 0);
  assert.equal((JSON.parse(verify.stdout) as { ok: boolean }).ok, true);

  const dir = mkdtempSync(join(tmpdir(), 'hw-backup-'));
  const backup = join(dir, 'harmwatch.backup');
  const b = await runCli(['db', 'backup', backup, '--json'], source.env);
  assert.equal(b.code, 0, b.stderr);
  assert.ok(existsSync(backup));

  const r = await runCli(['db', 'restore', backup, '--json'], dest.env);
  assert.equal(r.code, 0, r.stderr + r.stdout);
  const restored = JSON.parse(r.stdout) as { audit: { ok: boolean } };
  assert.equal(restored.audit.ok, true);

  const a = await source.open();
  const c = await dest.open();
  try {
    for (const table of ['declared_strikes', 'audit_events', 'audit_head', 'import_runs'] as const) {
      const left = await a.kysely.selectFrom(table).selectAll().execute();
      const right = await c.kysely.selectFrom(table).selectAll().execute();
      const key = (x: Record<string, unknown>): string => JSON.stringify(x);
      assert.deepEqual(right.map(key).sort(), left.map(key).sort(), `${table} identical after restore`);
    }
    const next = await c.kysely.insertInto('import_runs').values({ kind: 't', file_name: 'x', file_sha256: 'y', actor: 'z' }).returning('id').executeTakeFirstOrThrow();
    const maxBefore = await a.kysely.selectFrom('import_runs').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow();
    assert.ok(next.id > Number(maxBefore.m), 'sequences continue after the restored ids');
  } finally {
    await a.close();
    await c.close();
  }

  const again = await runCli(['db', 'restore', backup, '--json'], dest.env);
  assert.notEqual(again.code, 0, 'restore refuses a database that has data');

  const truncated = join(dir, 'truncated.backup');
  const text = readFileSync(backup, 'utf8');
  writeFileSync(truncated, text.slice(0, Math.floor(text.length / 2)));
  const fresh = await createCliTarget();
  t.after(() => fresh.cleanup());
  const bad = await runCli(['db', 'restore', truncated, '--json'], fresh.env);
  assert.equal(bad.code, 2);
  assert.match(bad.stdout, /BACKUP_INVALID/);

  const killedDir = mkdtempSync(join(tmpdir(), 'hw-backup-kill-'));
  await runCli(['db', 'backup', join(killedDir, 'k.backup')], source.env, { killAfterMs: 900 });
  const left = readdirSync(killedDir);
  assert.ok(!left.includes('k.backup') || (await runCli(['db', 'restore', join(killedDir, 'k.backup'), '--json'], (await createCliTarget()).env)).code === 0,
    'a killed backup leaves only a .partial file, or a complete one');
});

test('a second process opening the same PGlite folder is refused with the holder pid', async (t) => {
  if (process.env.DATABASE_URL) {
    t.skip('PGlite only: on PostgreSQL the server arbitrates');
    return;
  }
  const target = await createCliTarget();
  t.after(() => target.cleanup());
  const db = await target.open();
  try {
    const r = await runCli(['audit', 'verify', '--json'], target.env);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /DATA_DIR_LOCKED/);
    assert.match(r.stdout, new RegExp(`in use by process ${process.pid}`));
  } finally {
    await db.close();
  }
  const after = await runCli(['audit', 'verify', '--json'], target.env);
  assert.equal(after.code, 0, 'the lock is released on close');
});
