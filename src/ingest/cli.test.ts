import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Command } from 'commander';
import { createCliTarget } from '../db/testing.ts';
import { register } from './cli.ts';
import { textCapture } from '../cli/textCapture.ts';

const fixture = (name: string): string => new URL(`./fixtures/${name}`, import.meta.url).pathname;

/** Runs `harmwatch import …` in this process against a fresh data folder; returns exit code and stdout. */
async function run(env: NodeJS.ProcessEnv, args: string[]): Promise<{ code: number; out: string }> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const program = new Command('harmwatch').exitOverride();
  program.command('import');
  register(program);
  let out = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = textCapture(write, (s) => { out += s; });
  try {
    await program.parseAsync(['node', 'harmwatch', 'import', ...args]);
  } finally {
    process.stdout.write = write;
    process.env = saved;
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { code, out };
}

test('CLI: import ucdp --json prints the summary and exits 2 when rows were rejected; --dry-run writes nothing', async (t) => {
  const target = await createCliTarget();
  t.after(() => target.cleanup());
  const dry = await run(target.env, ['ucdp', fixture('ucdp-ged-sample.csv'), '--dry-run', '--json']);
  assert.equal(dry.code, 2);
  const d = JSON.parse(dry.out) as { imported: number; dryRun: boolean; rejected: Array<{ row: number; field: string; file: string }> };
  assert.deepEqual([d.dryRun, d.imported, d.rejected.map((r) => [r.row, r.field, r.file])], [true, 4, [[5, 'type_of_violence', 'ucdp-ged-sample.csv'], [6, 'date_start', 'ucdp-ged-sample.csv']]]);
  const real = await run(target.env, ['ucdp', fixture('ucdp-ged-sample.csv'), '--json', '--actor', 'test:cli', '--reason', 'fixture']);
  assert.equal((JSON.parse(real.out) as { imported: number }).imported, 4);
  const ok = await run(target.env, ['determinations', fixture('cjtf-oir-2017-03.txt'), '--json']);
  assert.equal(ok.code, 0, 'no rejected rows → exit 0');
  const bad = await run(target.env, ['csv', fixture('generic-sample.csv'), '--mapping', '/nonexistent.json', '--json']);
  assert.equal(bad.code, 2);
  assert.match(bad.out, /INPUT_INVALID/);
  const db = await target.open();
  try {
    const events = await db.kysely.selectFrom('audit_events').select(['actor', 'reason', 'action']).execute();
    assert.ok(events.some((e) => e.actor === 'test:cli' && e.reason === 'fixture' && e.action === 'ucdp.imported'));
  } finally {
    await db.close();
  }
});
