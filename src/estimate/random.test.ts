import { test } from 'node:test';
import assert from 'node:assert/strict';
import { beta, binomial, createRandom, gamma, multinomialInto, negativeBinomial, normal, poisson } from './random.ts';

function moments(draw: () => number, n: number): { mean: number; variance: number } {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    s += x;
    s2 += x * x;
  }
  const mean = s / n;
  return { mean, variance: s2 / n - mean * mean };
}

test('same seed and stream give the same stream; different streams differ', () => {
  const a = createRandom(42);
  const b = createRandom(42);
  const c = createRandom(42, 1);
  const xs = Array.from({ length: 5 }, () => a.uniform());
  assert.deepEqual(xs, Array.from({ length: 5 }, () => b.uniform()));
  assert.notDeepEqual(xs, Array.from({ length: 5 }, () => c.uniform()));
  for (const x of xs) assert.ok(x > 0 && x < 1);
});

test('normal, gamma and beta draws have the right mean and variance', () => {
  const rng = createRandom(7);
  const z = moments(() => normal(rng), 40_000);
  assert.ok(Math.abs(z.mean) < 0.03 && Math.abs(z.variance - 1) < 0.04);
  for (const shape of [0.25, 1, 3.5, 200]) {
    const g = moments(() => gamma(rng, shape), 40_000);
    assert.ok(Math.abs(g.mean - shape) < 0.05 * shape + 0.01, `gamma(${shape}) mean ${g.mean}`);
    assert.ok(Math.abs(g.variance - shape) < 0.1 * shape + 0.01, `gamma(${shape}) variance ${g.variance}`);
  }
  const bt = moments(() => beta(rng, 2, 5), 40_000);
  assert.ok(Math.abs(bt.mean - 2 / 7) < 0.005);
});

test('binomial and Poisson draws match their moments across the inversion and rejection regimes', () => {
  const rng = createRandom(11);
  for (const [n, p] of [[10, 0.3], [50, 0.1], [1000, 0.02], [1000, 0.4], [6000, 0.7], [37, 0.999]] as const) {
    const m = moments(() => binomial(rng, n, p), 30_000);
    const v = n * p * (1 - p);
    assert.ok(Math.abs(m.mean - n * p) < 4 * Math.sqrt(v / 30_000) + 1e-9, `binomial(${n}, ${p}) mean ${m.mean}`);
    assert.ok(Math.abs(m.variance - v) < 0.06 * v + 0.01, `binomial(${n}, ${p}) variance ${m.variance} vs ${v}`);
  }
  for (const mu of [0.5, 12, 300, 6000]) {
    const m = moments(() => poisson(rng, mu), 30_000);
    assert.ok(Math.abs(m.mean - mu) < 4 * Math.sqrt(mu / 30_000), `poisson(${mu}) mean ${m.mean}`);
    assert.ok(Math.abs(m.variance - mu) < 0.06 * mu, `poisson(${mu}) variance ${m.variance}`);
  }
  const nb = moments(() => negativeBinomial(rng, 400, 0.4), 30_000);
  assert.ok(Math.abs(nb.mean - 600) < 5, `negative binomial mean ${nb.mean}`);
});

test('multinomial draws add up to n and follow the weights', () => {
  const rng = createRandom(3);
  const totals = [0, 0, 0, 0];
  for (let i = 0; i < 2000; i++) {
    const d = multinomialInto(rng, 100, [1, 2, 0, 7], [0, 0, 0, 0]);
    assert.equal(d.reduce((s, x) => s + x, 0), 100);
    assert.equal(d[2], 0);
    d.forEach((x, j) => (totals[j] += x));
  }
  assert.ok(Math.abs(totals[0] / 200_000 - 0.1) < 0.005 && Math.abs(totals[3] / 200_000 - 0.7) < 0.005);
});

test('rejection-sampled binomial(100, 0.3) matches the exact probabilities (chi-square)', () => {
  const rng = createRandom(5);
  const n = 100;
  const p = 0.3;
  const draws = 50_000;
  const freq = new Array<number>(n + 1).fill(0);
  for (let i = 0; i < draws; i++) freq[binomial(rng, n, p)] += 1;
  let logC = 0;
  let chi = 0;
  let cells = 0;
  let tailObs = 0;
  let tailExp = 0;
  for (let k = 0; k <= n; k++) {
    if (k > 0) logC += Math.log((n - k + 1) / k);
    const expected = draws * Math.exp(logC + k * Math.log(p) + (n - k) * Math.log(1 - p));
    if (expected < 20) {
      tailObs += freq[k];
      tailExp += expected;
      continue;
    }
    chi += (freq[k] - expected) ** 2 / expected;
    cells++;
  }
  chi += (tailObs - tailExp) ** 2 / tailExp;
  // 99.9% point of chi-square with ~35 df is about 66.
  assert.ok(chi < 66, `chi-square ${chi.toFixed(1)} on ${cells} df`);
});
