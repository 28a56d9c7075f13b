import { test } from 'node:test';
import assert from 'node:assert/strict';
import { logGamma } from './glm.ts';
import { estimateLogLinear, exhaustiveModels, fitLogLinear } from './loglinear.ts';
import { normalQuantile } from './profile.ts';
import { createRandom } from './random.ts';
import { observed, SCENARIOS, simulateTable } from './simulate.ts';

const lists3 = ['a', 'b', 'c'];
// counts by pattern: 001=a, 010=b, 011=ab, 100=c, 101=ac, 110=bc, 111=abc
const counts3 = [0, 300, 250, 60, 200, 55, 45, 12];

test('logGamma and the normal quantile are accurate', () => {
  assert.ok(Math.abs(logGamma(1)) < 1e-12 && Math.abs(logGamma(10) - Math.log(362880)) < 1e-10);
  assert.ok(Math.abs(logGamma(0.5) - 0.5 * Math.log(Math.PI)) < 1e-12);
  assert.ok(Math.abs(normalQuantile(0.975) - 1.959963984540054) < 1e-8);
  assert.ok(Math.abs(normalQuantile(0.001) + 3.090232306167813) < 1e-8);
});

test('the saturated 3-list model reproduces the closed-form estimate of the missing cell', () => {
  const [, a, b, ab, c, ac, bc, abc] = counts3 as [number, number, number, number, number, number, number, number];
  const closed = (a * b * c * abc) / (ab * ac * bc);
  const fit = fitLogLinear(counts3, lists3, [0b011, 0b101, 0b110]);
  assert.equal(fit.status, 'ok');
  assert.ok(Math.abs(fit.missing! - closed) < 1e-6 * closed, `${fit.missing} vs ${closed}`);
  assert.equal(fit.df, 0);
});

test('the model space: 8 models for 3 lists, 64 two-way and 113 with three-way terms for 4 lists', () => {
  assert.equal(exhaustiveModels(3).length, 8);
  assert.equal(exhaustiveModels(4).length, 64);
  assert.equal(exhaustiveModels(4, true).length, 113);
  for (const m of exhaustiveModels(4, true)) {
    for (const t of m.filter((x) => x === 7 || x === 11 || x === 13 || x === 14)) {
      for (const q of [3, 5, 6, 9, 10, 12].filter((x) => (x & t) === x)) assert.ok(m.includes(q), 'three-way term without its margins');
    }
  }
});

test('profile-likelihood intervals contain the estimate and widen with interactions', () => {
  const r = estimateLogLinear(counts3, lists3);
  const ind = r.independence;
  assert.equal(ind.interval!.method, 'profile-likelihood');
  assert.ok(ind.interval!.lower < ind.estimate! && ind.estimate! < ind.interval!.upper!);
  const sat = r.models.find((m) => m.terms.length === 3)!;
  assert.ok(sat.interval!.upper! - sat.interval!.lower > ind.interval!.upper! - ind.interval!.lower);
  assert.ok(r.bestAic.aic <= ind.aic && r.bestBic.bic <= ind.bic);
  const wsum = r.aicAverage.weights.reduce((s, w) => s + w.weight, 0);
  assert.ok(wsum > 0.9 && wsum <= 1 + 1e-9);
  assert.ok(r.aicAverage.interval!.lower <= r.aicAverage.estimate && r.aicAverage.estimate <= r.aicAverage.interval!.upper!);
});

test('models whose estimate runs off because of empty cells are flagged and left out', () => {
  // a and b never overlap: the a:b interaction goes to −∞.
  const counts = [0, 120, 80, 0, 90, 20, 15, 0];
  const ab = fitLogLinear(counts, lists3, [0b011]);
  assert.equal(ab.status, 'diverged');
  assert.equal(ab.estimate, null);
  const r = estimateLogLinear(counts, lists3);
  assert.ok(r.diverged >= 1);
  assert.ok(r.models.filter((m) => m.status === 'ok').length >= 1);
  assert.notEqual(r.bestAic.status, 'diverged');
});

test('five lists use the stepwise search; independent data pick a small model near the truth', () => {
  const rng = createRandom(21);
  const sim = simulateTable(rng, 3000, [{ weight: 1, probs: [0.2, 0.25, 0.3, 0.15, 0.2] }]);
  const r = estimateLogLinear(observed(sim), ['a', 'b', 'c', 'd', 'e']);
  assert.equal(r.search, 'stepwise');
  assert.ok(r.bestBic.terms.length <= 2);
  assert.ok(Math.abs(r.bestBic.estimate! - 3000) < 300);
  assert.ok(r.bestAic.interval && r.bestBic.interval && r.independence.interval);
  assert.ok(r.aicAverage.interval);
});

test('independence intervals cover the truth in simulated independent populations (short run)', () => {
  const rng = createRandom(99);
  let covered = 0;
  const reps = 40;
  for (let i = 0; i < reps; i++) {
    const sim = simulateTable(rng, SCENARIOS.independent3.total, SCENARIOS.independent3.classes);
    const fit = fitLogLinear(observed(sim), lists3, []);
    if (fit.interval!.lower <= sim.total && sim.total <= fit.interval!.upper!) covered++;
  }
  assert.ok(covered / reps >= 0.85, `coverage ${covered}/${reps}`);
});

test('a list that documents nobody is named in the error', () => {
  assert.throws(() => estimateLogLinear([0, 10, 0, 0, 7, 3, 0, 0], lists3), /list b documents nobody/);
});

test('with no overlap between lists there is nothing to estimate from', () => {
  assert.throws(() => estimateLogLinear([0, 1, 1, 0, 1, 0, 0, 0], lists3), /nobody is on two or more lists/);
  const fit = fitLogLinear([0, 40, 30, 0, 20, 0, 0, 1], lists3, []);
  assert.equal(fit.status, 'ok');
  const sparse = fitLogLinear([0, 400, 300, 0, 200, 0, 0, 0], lists3, []);
  assert.equal(sparse.status, 'diverged', `estimate ${sparse.estimate}`);
});
