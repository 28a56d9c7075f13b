import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { createCliTarget } from '../db/testing.ts';
import { register } from './cli.ts';
import { buildIncident } from './factories.ts';
import { textCapture } from '../cli/textCapture.ts';

/** Runs `harmwatch reconcile …` in this process and returns its stdout and exit code. */
async function run(args: string[]): Promise<{ out: string; code: number }> {
  const program = new Command('harmwatch').exitOverride();
  register(program);
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = textCapture(write, (s) => { chunks.push(s); });
  try {
    await program.parseAsync(['node', 'harmwatch', ...args]);
  } finally {
    process.stdout.write = write;
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out: chunks.join(''), code };
}

test('CLI: reconcile pipeline add / pipeline / summary / incidents', async (t) => {
  const target = await createCliTarget();
  const saved = { ...process.env };
  t.after(async () => {
    process.env = saved;
    await target.cleanup();
  });
  process.env = { ...target.env };
  const db = await target.open();
  await buildIncident(db.kysely, { date: '2019-04-05', killed: [3, 4, 5], assessment: { status: 'not_credible', assessedOn: '2019-04-20' } });
  await db.close();

  const csv = join(mkdtempSync(join(tmpdir(), 'hw-recon-cli-')), 'pipeline.csv');
  writeFileSync(csv, [
    'belligerent,period,carried_over,received,completed,completed_credible,completed_not_credible,open_at_end,reopened,deaths_conceded_period',
    'coalition,2019-04,122,7,18,3,15,111,3,5',
    'coalition,2019-05,111,4,two,1,1,113,,',
  ].join('\n'));
  const add = await run(['reconcile', 'pipeline', 'add', csv, '--json', '--actor', 'test']);
  assert.equal(add.code, 2, 'a rejected row exits 2');
  const rows = (JSON.parse(add.out) as { rows: Array<{ row: number; ok: boolean; field?: string }> }).rows;
  assert.deepEqual(rows.map((r) => [r.row, r.ok, r.field]), [[2, true, undefined], [3, false, 'completed']]);

  const human = await run(['reconcile', 'pipeline']);
  assert.equal(human.code, 0);
  assert.match(human.out, /coalition 2019-04-01–2019-04-30: balances\n/);
  assert.match(human.out, /harmwatch records 1 determination\(s\) dated in the period, 1 without a stated reason/);
  assert.match(human.out, /122 carried over \+ 7 received − 18 completed \(3 credible \+ 15 not credible\) = 111; stated open at end 111 ✓/);

  const s = await run(['reconcile', 'summary', '--country', 'IQ', '--by', 'month', '--json']);
  assert.equal(s.code, 0);
  const summary = JSON.parse(s.out) as { cells: Array<{ key: string; incidents: { rejectedWithoutReason: { value: number } } }> };
  assert.deepEqual(summary.cells.map((c) => [c.key, c.incidents.rejectedWithoutReason.value]), [['2019-04', 1]]);
  const bad = await run(['reconcile', 'summary', '--min-grade', 'great', '--json']);
  assert.equal(bad.code, 2);
  const inc = await run(['reconcile', 'incidents', '--category', 'rejected_without_reason']);
  assert.match(inc.out, /^1 incident\(s\)\nHW-\d+\t2019-04-05\tIQ\tfair\tkilled 3–5\tcoalition: not_credible, conceded 0\tgap 3–5\trejected_without_reason/);
});
