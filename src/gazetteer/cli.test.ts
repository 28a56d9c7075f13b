import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Command } from 'commander';
import { register } from './cli.ts';
import { textCapture } from '../cli/textCapture.ts';

async function run(args: string[]): Promise<{ out: string; code: number }> {
  const program = new Command('harmwatch').exitOverride();
  register(program);
  let out = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = textCapture(write, (s) => { out += s; });
  try {
    await program.parseAsync(['node', 'harmwatch', ...args]);
  } finally {
    process.stdout.write = write;
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out, code };
}

test('geocode --json prints ranked candidates', async () => {
  const { out, code } = await run(['geocode', 'near Mosul', '--country', 'IQ', '--json']);
  assert.equal(code, 0);
  const body = JSON.parse(out) as { candidates: { name: string; precision: string; country: string; qualifiers: string[] }[] };
  assert.equal(body.candidates[0]?.country, 'IQ');
  assert.match(body.candidates[0]?.name ?? '', /Mosul/);
  assert.ok(body.candidates[0]?.qualifiers.includes('near'));
});

test('geocode prints a human table; a bad country is an input error (exit 2)', async () => {
  const { out } = await run(['geocode', 'الموصل']);
  assert.match(out, /score/);
  assert.match(out, /Mosul/);
  const bad = await run(['geocode', 'Mosul', '--country', 'FR', '--json']);
  assert.equal(bad.code, 2);
  assert.match(bad.out, /INPUT_INVALID/);
});

test('reverse-geocode --json gives admin areas and coordinate problems', async () => {
  const { out, code } = await run(['reverse-geocode', '34.3', '43.389', '--country', 'SY', '--json']);
  assert.equal(code, 0);
  const body = JSON.parse(out) as { country: string; adm1: { pcode: string }; problems: { code: string }[] };
  assert.equal(body.country, 'IQ');
  assert.equal(body.adm1.pcode, 'IQG16');
  assert.equal(body.problems[0]?.code, 'outside_country');
  const human = await run(['reverse-geocode', '36.34', '43.13']);
  assert.match(human.out, /Ninewa/);
});
