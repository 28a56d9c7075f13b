import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mulberry32 } from './blocking.ts';
import { defaultM, estimateU, expectationMaximisation, termFrequencies } from './em.ts';
import { patternTable, patternTableFromRows } from './vectors.ts';
import type { FsParams } from './types.ts';

const TRUE: Pick<FsParams, 'm' | 'u' | 'lambda'> = {
  m: [[0.85, 0.1, 0.05], [0.9, 0.1], [0.7, 0.2, 0.1], [0.8, 0.15, 0.05]],
  u: [[0.02, 0.08, 0.9], [0.1, 0.9], [0.05, 0.15, 0.8], [0.01, 0.04, 0.95]],
  lambda: 0.1,
};
const NULL_RATE = [0, 0.1, 0, 0.2];

function draw(p: readonly number[], x: number): number {
  let acc = 0;
  for (let i = 0; i < p.length; i++) { acc += p[i]; if (x < acc) return i; }
  return p.length - 1;
}

/** n pairs drawn from the Fellegi–Sunter mixture with the TRUE parameters, as packed vectors. */
function synthetic(n: number, seed = 7): { data: Int8Array; nFields: number; length: number } {
  const rnd = mulberry32(seed);
  const nF = TRUE.m.length;
  const data = new Int8Array(n * nF);
  for (let p = 0; p < n; p++) {
    const match = rnd() < TRUE.lambda;
    for (let f = 0; f < nF; f++) {
      const v = draw(match ? TRUE.m[f] : TRUE.u[f], rnd());
      data[p * nF + f] = rnd() < NULL_RATE[f] ? -1 : v;
    }
  }
  return { data, nFields: nF, length: n };
}

const nLevels = TRUE.m.map((r) => r.length);
const start = (u: number[][]): FsParams => ({
  fields: ['a', 'b', 'c', 'd'], levels: nLevels.map((n) => Array.from({ length: n }, (_, i) => String(i))),
  m: nLevels.map((n) => defaultM(n)), u, lambda: 0.3,
});
const maxErr = (x: number[][], y: number[][]): number => Math.max(...x.flatMap((r, f) => r.map((v, l) => Math.abs(v - y[f][l]))));

test('pattern table collapses pairs into unique patterns with counts and an index', () => {
  const v = synthetic(50_000);
  const t = patternTable(v, nLevels, { withIndex: true });
  assert.equal(t.counts.reduce((s, c) => s + c, 0), 50_000);
  assert.ok(t.length <= 3 * 3 * 4 * 4);
  for (const p of [0, 17, 49_999]) {
    const k = t.patternOfPair![p];
    assert.deepEqual(Array.from(t.patterns.subarray(k * 4, k * 4 + 4)), Array.from(v.data.subarray(p * 4, p * 4 + 4)));
  }
  const sel = patternTable(v, nLevels, { select: (p) => p % 2 === 0, nullFields: [1] });
  assert.equal(sel.counts.reduce((s, c) => s + c, 0), 25_000);
  for (let k = 0; k < sel.length; k++) assert.equal(sel.patterns[k * 4 + 1], -1);
  const rows = patternTableFromRows([[0, 1], [0, 1], [1, -1]], [2, 2]);
  assert.deepEqual(Array.from(rows.counts), [2, 1]);
  assert.deepEqual(Array.from(rows.patterns), [0, 1, 1, -1]);
});

test('EM on the pattern table recovers known m, u and λ (unsupervised, all free)', () => {
  const t = patternTable(synthetic(2_000_000), nLevels);
  const u0 = nLevels.map((n) => Array.from({ length: n }, (_, l) => (l === n - 1 ? 0.8 : 0.2 / (n - 1))));
  const r = expectationMaximisation(t, start(u0), { fixU: false, maxIterations: 2000, tolerance: 1e-9 });
  assert.ok(r.converged);
  assert.ok(maxErr(r.params.m, TRUE.m) < 0.01, `m error ${maxErr(r.params.m, TRUE.m)}`);
  assert.ok(maxErr(r.params.u, TRUE.u) < 0.01, `u error ${maxErr(r.params.u, TRUE.u)}`);
  assert.ok(Math.abs(r.params.lambda - TRUE.lambda) < 0.01);
});

test('EM with u fixed from random pairs recovers m and λ', () => {
  const t = patternTable(synthetic(500_000, 11), nLevels);
  // Random pairs are non-matches: u estimated from vectors drawn with λ = 0.
  const rnd = mulberry32(3);
  const data = new Int8Array(200_000 * 4);
  for (let p = 0; p < 200_000; p++) for (let f = 0; f < 4; f++) data[p * 4 + f] = draw(TRUE.u[f], rnd());
  const u = estimateU({ data, nFields: 4, length: 200_000 }, nLevels);
  assert.ok(maxErr(u, TRUE.u) < 0.005);
  const r = expectationMaximisation(t, start(u));
  assert.ok(maxErr(r.params.m, TRUE.m) < 0.01, `m error ${maxErr(r.params.m, TRUE.m)}`);
  assert.ok(Math.abs(r.params.lambda - TRUE.lambda) < 0.01);
  assert.deepEqual(r.params.u, u, 'u stays fixed');
});

test('term frequencies: u of an exact match is the value frequency', () => {
  const a = ['mosul', 'mosul', 'mosul', 'hajin', null];
  const t = termFrequencies(0, 0, (r: string | null) => r, a, ['mosul']);
  assert.equal(t.freq[0], 4 / 5);
  assert.equal(t.freq[3], 1 / 5);
  assert.ok(Number.isNaN(t.freq[4]));
});
