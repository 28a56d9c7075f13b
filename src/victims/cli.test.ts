import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Command } from 'commander';
import { createCliTarget } from '../db/testing.ts';
import { register } from './cli.ts';
import { writeCsv } from './factories.ts';

/** Runs the CLI in-process with stdout captured; returns the output and exit code. */
async function run(args: string[]): Promise<{ out: string; code: number }> {
  const program = new Command().exitOverride();
  register(program);
  let out = '';
  const write = process.stdout.write.bind(process.stdout);
  // Only the command's own text: the test runner talks to its parent through stdout in binary.
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    if (typeof chunk === 'string') { out += chunk; return true; }
    return (write as (c: Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
  });
  const before = process.exitCode;
  try {
    await program.parseAsync(['node', 'harmwatch', ...args]);
  } finally {
    process.stdout.write = write;
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = before;
  return { out, code };
}

test('victims import (exit 2 on rejected rows, per-row results), publish, approval by the same person refused, responses add', async (t) => {
  const target = await createCliTarget();
  const saved = { url: process.env.DATABASE_URL, dir: process.env.HARMWATCH_DATA_DIR };
  if (target.env.DATABASE_URL) process.env.DATABASE_URL = target.env.DATABASE_URL;
  else { delete process.env.DATABASE_URL; process.env.HARMWATCH_DATA_DIR = target.env.HARMWATCH_DATA_DIR; }
  t.after(async () => {
    if (saved.url) process.env.DATABASE_URL = saved.url; else delete process.env.DATABASE_URL;
    if (saved.dir) process.env.HARMWATCH_DATA_DIR = saved.dir; else delete process.env.HARMWATCH_DATA_DIR;
    await target.cleanup();
  });
  const csv = writeCsv([
    { name: 'محمد أحمد علي الجبوري', age: '34', gender: 'ذكر' },
    { name: 'Mohammed Ahmed Ali al-Jubouri', age: '34', gender: 'm' },
    { name: 'Zainab Hasan', age: 'unknown', gender: 'f' },
  ]);
  const mapping = join(dirname(csv), 'mapping.json');
  writeFileSync(mapping, JSON.stringify({ columns: { name: 'name', age: 'age', gender: 'gender' }, defaults: { outcome: 'killed' } }));
  const imp = await run(['victims', 'import', csv, '--list', 'ministry', '--name', 'Ministry', '--mapping', mapping, '--json', '--actor', 'cli:a']);
  assert.equal(imp.code, 2);
  const r = JSON.parse(imp.out) as { imported: number; rejected: Array<{ row: number; field: string }>; rows: Array<{ row: number; status: string; victimId: number }> };
  assert.equal(r.imported, 2);
  assert.deepEqual(r.rejected.map((x) => [x.row, x.field]), [[4, 'age']]);
  assert.deepEqual(r.rows.map((x) => [x.row, x.status]), [[2, 'imported'], [3, 'imported']]);
  const id = String(r.rows[0].victimId);
  assert.equal((await run(['victims', 'publish', id, '--basis', 'already_public', '--json', '--actor', 'cli:a'])).code, 2, 'a reason is required');
  assert.equal((await run(['victims', 'publish', id, '--basis', 'already_public', '--reason', 'named in a public obituary', '--json', '--actor', 'cli:a'])).code, 0);
  const self = await run(['victims', 'approve', id, '--reason', 'ok', '--json', '--actor', 'cli:a']);
  assert.equal((JSON.parse(self.out) as { error: { id: string } }).error.id, 'FORBIDDEN');
  const bad = await run(['responses', 'add', '--kind', 'refund', '--belligerent', 'US', '--victim', id, '--source', '1', '--json']);
  assert.equal(bad.code, 2);
});
