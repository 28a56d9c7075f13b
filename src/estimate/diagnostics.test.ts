import { test } from 'node:test';
import assert from 'node:assert/strict';
import { effectiveSampleSize, gewekeZ, quantileSorted, splitRhat } from './diagnostics.ts';
import { createRandom, normal } from './random.ts';

function ar1(seed: number, n: number, rho: number, shift = 0): Float64Array {
  const rng = createRandom(seed);
  const x = new Float64Array(n);
  let v = 0;
  for (let i = 0; i < n; i++) {
    v = rho * v + Math.sqrt(1 - rho * rho) * normal(rng);
    x[i] = v + shift;
  }
  return x;
}

test('ESS is about n for independent draws and n(1−ρ)/(1+ρ) for an AR(1) chain', () => {
  const iid = effectiveSampleSize(ar1(1, 4000, 0));
  assert.ok(iid > 3000 && iid < 5500, `iid ESS ${iid}`);
  const ar = effectiveSampleSize(ar1(2, 20_000, 0.9));
  const expected = (20_000 * 0.1) / 1.9;
  assert.ok(ar > 0.6 * expected && ar < 1.5 * expected, `AR(1) ESS ${ar} vs ${expected}`);
});

test('split R-hat is near 1 for agreeing chains and large for chains stuck apart', () => {
  assert.ok(splitRhat([ar1(3, 2000, 0.5), ar1(4, 2000, 0.5), ar1(5, 2000, 0.5)]) < 1.02);
  assert.ok(splitRhat([ar1(6, 2000, 0.5), ar1(7, 2000, 0.5, 3)]) > 1.3);
});

test('Geweke z is small for a stationary chain and large for a drifting one', () => {
  assert.ok(Math.abs(gewekeZ(ar1(8, 5000, 0.3))) < 3);
  const drift = Float64Array.from(ar1(9, 5000, 0.3), (x, i) => x + i / 1000);
  assert.ok(Math.abs(gewekeZ(drift)) > 5);
});

test('quantiles interpolate like R type 7', () => {
  assert.equal(quantileSorted([1, 2, 3, 4], 0.5), 2.5);
  assert.equal(quantileSorted([1, 2, 3, 4], 0), 1);
  assert.equal(quantileSorted([1, 2, 3, 4], 1), 4);
});
