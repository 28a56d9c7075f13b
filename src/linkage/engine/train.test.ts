import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mulberry32 } from './blocking.ts';
import { exact, stringSimilarity } from './comparisons.ts';
import { runLinkage } from './linker.ts';
import { pairMetrics } from './evaluate.ts';
import type { BlockingRule, Comparison } from './types.ts';

type P = { id: number; first: string; last: string; year: number; town: string };

/** n people in A; B holds a noisy copy of the first `overlap` of them plus strangers. */
function people(n: number, overlap: number, seed: number): { a: P[]; b: P[] } {
  const rnd = mulberry32(seed);
  const pick = (k: number): number => Math.floor(rnd() * k);
  const person = (id: number): P => ({ id, first: `f${pick(300)}`, last: `l${pick(500)}x`, year: 1940 + pick(60), town: `t${pick(40)}` });
  const a = Array.from({ length: n }, (_, i) => person(i));
  const b = a.slice(0, overlap).map((p) => ({
    ...p,
    last: rnd() < 0.2 ? `${p.last}e` : p.last,
    year: rnd() < 0.1 ? p.year + 1 : p.year,
    town: rnd() < 0.15 ? `t${pick(40)}` : p.town,
  }));
  for (let i = overlap; i < n; i++) b.push(person(n + i));
  return { a, b };
}

const comparisons: Comparison<P>[] = [
  exact('first', (p) => p.first, { tf: true }),
  stringSimilarity('last', (p) => p.last, [{ jaroWinkler: 0.9 }]),
  exact('year', (p) => p.year),
  exact('town', (p) => p.town),
];
const blocking: BlockingRule<P>[] = [
  { name: 'first', fields: ['first'], key: (p) => p.first },
  { name: 'year', fields: ['year'], key: (p) => p.year },
];

test('per-rule training (link mode): λ is the random-pair match rate and links are accurate', () => {
  const { a, b } = people(3000, 1500, 5);
  const run = runLinkage({ comparisons, blocking, uSamplePairs: 100_000 }, a, b);
  assert.equal(run.training.runs.length, 2);
  assert.deepEqual(run.training.untrainedFields, []);
  const trueLambda = 1500 / (3000 * 3000);
  assert.ok(Math.abs(run.params.lambda / trueLambda - 1) < 0.15, `λ ${run.params.lambda} vs ${trueLambda}`);
  const isMatch = (p: number): boolean => a[run.pairs.left[p]].id === b[run.pairs.right[p]].id;
  const m = pairMetrics(run.pairs, (p) => run.weights[p] >= 0, isMatch, 1500);
  assert.ok(m.precision > 0.95 && m.recall > 0.95, JSON.stringify(m));
  // m of agreeing on year is high for matches (10% of copies are off by one year).
  assert.ok(Math.abs(run.params.m[2][0] - 0.9) < 0.05, `m(year exact) ${run.params.m[2][0]}`);
});

test('candidates training runs one EM on all candidate pairs', () => {
  const { a, b } = people(1000, 500, 9);
  const run = runLinkage({ comparisons, blocking, training: 'candidates', uSamplePairs: 50_000, em: { fixU: false } }, a, b);
  assert.equal(run.training.runs.length, 1);
  assert.equal(run.training.runs[0].pairs, run.pairs.length);
  assert.ok(run.params.lambda > 0 && run.params.lambda < 1);
});
