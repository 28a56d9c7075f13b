import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Command } from 'commander';
import { SHARED_DATA_ABSENT, sharedDataPath } from '../shared-data.ts';
import { register } from './cli.ts';
import { textCapture } from '../cli/textCapture.ts';

/** Runs the CLI with stdout captured; returns the output and exit code. */
async function run(args: string[]): Promise<{ out: string; code: number }> {
  const program = new Command().exitOverride();
  register(program);
  let out = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = textCapture(write, (s) => { out += s; });
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

test('link benchmark rejects an unknown name with an input error (exit 2)', async () => {
  const { out, code } = await run(['link', 'benchmark', 'nope', '--json']);
  assert.equal(code, 2);
  assert.equal((JSON.parse(out) as { error: { id: string } }).error.id, 'INPUT_INVALID');
});

test('link benchmark splink-known-params --json prints the parameter errors', async (t) => {
  if (!sharedDataPath('linkage-benchmarks', 'splink', 'known_params_comparison_vectors.csv')) { t.skip(SHARED_DATA_ABSENT); return; }
  const { out, code } = await run(['link', 'benchmark', 'splink-known-params', '--json']);
  assert.equal(code, 0);
  const r = JSON.parse(out) as { benchmark: string; withinTolerance: boolean };
  assert.equal(r.benchmark, 'splink-known-params');
  assert.equal(r.withinTolerance, true);
});

test('link benchmark says so when shared data is absent', async () => {
  const saved = process.env.HARMWATCH_SHARED_DATA;
  process.env.HARMWATCH_SHARED_DATA = '/nonexistent-harmwatch-shared-data';
  try {
    const { out, code } = await run(['link', 'benchmark', 'febrl4', '--json']);
    assert.equal(code, 0);
    assert.equal((JSON.parse(out) as { skipped: string }).skipped, SHARED_DATA_ABSENT);
  } finally {
    if (saved === undefined) delete process.env.HARMWATCH_SHARED_DATA;
    else process.env.HARMWATCH_SHARED_DATA = saved;
  }
});
