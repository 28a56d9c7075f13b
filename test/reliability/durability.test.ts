/**
 * Durability: `harmwatch db backup-rotate <dir> --keep N` (src/db/rotate.ts) writes a generation,
 * keeps the newest N, and restores each kept one into a scratch database to verify it; a damaged
 * generation is reported and fails the run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { createTestDb } from '../../src/db/testing.ts';
import { rotateBackups } from '../../src/db/rotate.ts';
import { register as registerRotate } from '../../src/db/cli-rotate.ts';
import { buildProgram } from '../../src/cli/main.ts';
import { runCli } from '../cli.ts';
import { IMPORTERS, importInProcess, recordStats, seededCliTarget, tempDir } from './harness.ts';

test('backup-rotate keeps the newest N generations and checks each by restoring it', async (t) => {
  const db = await createTestDb();
  t.after(() => db.close());
  const dir = tempDir('hw-rotate-');
  const strikes = IMPORTERS.find((s) => s.name === 'strikes');
  assert.ok(strikes);
  await importInProcess(db.kysely, strikes.prepare(dir, 60), 500);
  const written: string[] = [];
  for (let i = 0; i < 4; i++) {
    const r = await rotateBackups(db.kysely, join(dir, 'gen'), { keep: 2, now: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) });
    written.push(r.written);
    assert.ok(r.ok, JSON.stringify(r.generations));
    assert.equal(r.generations.length, Math.min(i + 1, 2));
    for (const g of r.generations) assert.ok(g.auditEvents > 0 && g.rows > 0);
  }
  const left = readdirSync(join(dir, 'gen')).sort();
  assert.deepEqual(left, written.slice(-2).sort(), 'only the newest two are kept');

  // a damaged generation is found by the next run, which fails
  const victim = join(dir, 'gen', written[3] ?? '');
  const text = readFileSync(victim, 'utf8');
  const mid = Math.floor(text.length / 2);
  writeFileSync(victim, `${text.slice(0, mid)}${text[mid] === '7' ? '8' : '7'}${text.slice(mid + 1)}`);
  writeFileSync(join(dir, 'gen', `${written[3]}.partial-999999`), 'left by a killed run');
  const bad = await rotateBackups(db.kysely, join(dir, 'gen'), { keep: 3, now: new Date(Date.UTC(2026, 0, 1, 0, 1, 0)) });
  assert.equal(bad.ok, false);
  const failed = bad.generations.filter((g) => !g.ok);
  assert.deepEqual(failed.map((g) => g.file), [written[3]]);
  assert.match(failed[0]?.error ?? '', /damaged|BACKUP_INVALID|SHA-256/i);
  assert.ok(bad.removed.some((f) => f.includes('.partial-999999')), 'leftovers of dead backups are removed');
  await assert.rejects(rotateBackups(db.kysely, join(dir, 'gen'), { keep: 0 }), /--keep/);
  recordStats({ scenario: 'durability: backup-rotate', faults: 1, acknowledged: written.length, found: written.length, badInputs: 1 });
});

test('harmwatch db backup-rotate on the command line (once src/cli/main.ts registers it)', async (t) => {
  const probe = new Command('harmwatch');
  registerRotate(probe);
  assert.ok(probe.commands.find((c) => c.name() === 'db')?.commands.some((c) => c.name() === 'backup-rotate'));
  const wired = buildProgram().commands.find((c) => c.name() === 'db')?.commands.some((c) => c.name() === 'backup-rotate');
  if (!wired) {
    t.skip('not wired into src/cli/main.ts yet');
    return;
  }
  const target = await seededCliTarget();
  t.after(() => target.cleanup());
  const dir = tempDir('hw-rotate-cli-');
  const a = await runCli(['db', 'backup-rotate', dir, '--keep', '2', '--json'], target.env);
  assert.equal(a.code, 0, a.stderr + a.stdout);
  const out = JSON.parse(a.stdout) as { ok: boolean; generations: Array<{ ok: boolean }> };
  assert.equal(out.ok, true);
  const b = await runCli(['db', 'backup-rotate', dir, '--keep', '1', '--json'], target.env);
  assert.equal(b.code, 0);
  assert.equal(readdirSync(dir).filter((f) => f.endsWith('.backup')).length, 1);
});
