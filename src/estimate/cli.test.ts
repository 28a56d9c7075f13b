import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { REPO_ROOT } from '../shared-data.ts';

const dir = mkdtempSync(join(tmpdir(), 'harmwatch-mse-'));
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

const script =
  "import { Command } from 'commander'; import { register } from './src/estimate/cli.ts';" +
  "const p = new Command('harmwatch'); register(p); await p.parseAsync(process.argv);";

/** Runs `harmwatch estimate mse …` in a child process; returns exit code, stdout and stderr. */
function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, 'harmwatch', 'estimate', 'mse', ...args], { cwd: REPO_ROOT });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, out, err }));
  });
}

const good = 'a,b,c,count,stratum\n1,0,0,300,n\n0,1,0,250,n\n1,1,0,60,n\n0,0,1,200,n\n1,0,1,55,n\n0,1,1,45,n\n1,1,1,12,n\n' +
  '1,0,0,100,s\n0,1,0,90,s\n1,1,0,20,s\n0,0,1,80,s\n1,0,1,20,s\n0,1,1,15,s\n1,1,1,5,s\n';

test('log-linear JSON shows documented count, estimate and interval per stratum', async () => {
  const r = await run([file('good.csv', good), '--method', 'loglinear', '--json']);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out) as { strata: Array<{ stratum: string; documented: number; estimate: number; interval: { lower: number; upper: number; method: string } }>; total: { documented: number } };
  assert.deepEqual(j.strata.map((s) => [s.stratum, s.documented]), [['n', 922], ['s', 330]]);
  for (const s of j.strata) {
    assert.ok(s.estimate > s.documented && s.interval.lower <= s.estimate && s.estimate <= s.interval.upper);
    assert.equal(s.interval.method, 'profile-likelihood');
  }
  assert.equal(j.total.documented, 1252);
});

test('LCMCR text output is reproducible with a seed and names the diagnostics', async () => {
  const args = [file('good2.csv', good), '--method', 'lcmcr', '--seed', '9', '--iterations', '1000', '--burn-in', '200', '--chains', '2'];
  const a = await run(args);
  const b = await run(args);
  assert.equal(a.code, 0, a.err);
  assert.equal(a.out.replace(/[\d.]+ s$/gm, ''), b.out.replace(/[\d.]+ s$/gm, ''));
  assert.match(a.out, /stratum n: documented 922; estimated total [\d,]+ \(95% credible interval [\d,]+–[\d,]+\)/);
  assert.match(a.out, /R-hat/);
  assert.match(a.out, /total over 2 strata: documented 1,252/);
});

test('bad input exits 2 naming file, row and field', async () => {
  const bad = file('bad.csv', 'a,b,c,count\n1,0,0,5\n0,1,0,-3\n');
  const r = await run([bad]);
  assert.equal(r.code, 2);
  assert.match(r.err, /bad\.csv, row 3, field count: count must not be negative/);
  const j = await run([file('zero.csv', 'a,b,c,count\n0,0,0,7\n1,0,0,2\n'), '--json']);
  assert.equal(j.code, 2);
  assert.match(j.out, /"row": 2/);
  const codes = await Promise.all([
    run([file('two.csv', 'a,b,count\n1,0,5\n')]),
    run([file('nonbin.csv', 'a,b,c,count\n1,0,2,5\n')]),
    run([join(dir, 'missing.csv')]),
    run([bad, '--method', 'magic']),
    run([file('ok.csv', good), '--method', 'lcmcr', '--iterations', 'many']),
  ]);
  assert.deepEqual(codes.map((c) => c.code), [2, 2, 2, 2, 2]);
});
