import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateLcmcr, lcmcrSettings, runLcmcrChain } from './lcmcr.ts';
import { createRandom } from './random.ts';
import { observed, SCENARIOS, simulateTable } from './simulate.ts';

const counts = [0, 300, 250, 60, 200, 55, 45, 12];
const quick = { iterations: 2000, burnIn: 500, thin: 5, chains: 2 };

test('a chain is reproducible from its seed and stream', () => {
  const s = lcmcrSettings({ ...quick, seed: 5 });
  const a = runLcmcrChain(counts, 3, s, 0);
  const b = runLcmcrChain(counts, 3, s, 0);
  const c = runLcmcrChain(counts, 3, s, 1);
  assert.deepEqual(a.n, b.n);
  assert.notDeepEqual(a.n, c.n);
  assert.equal(a.n.length, 400);
  assert.ok(a.n.every((x) => x >= 922 && Number.isInteger(x)));
});

test('the summary reports mean, median, credible interval and diagnostics', () => {
  const r = estimateLcmcr(counts, 3, { ...quick, seed: 2 });
  assert.equal(r.documented, 922);
  assert.equal(r.draws.length, 800);
  assert.ok(r.interval.lower >= 922 && r.interval.lower <= r.median && r.median <= r.interval.upper!);
  assert.equal(r.interval.method, 'posterior-quantiles');
  assert.equal(r.diagnostics.geweke.length, 2);
  assert.ok(r.diagnostics.rhat !== null && r.diagnostics.rhat > 0.9);
  assert.ok(r.diagnostics.ess > 0);
  assert.throws(() => estimateLcmcr(counts, 3, { iterations: 20, thin: 5 }), /at least 10 kept draws/);
});

test('LCMCR intervals cover the known total in simulated populations (short run, loose bound)', () => {
  const rng = createRandom(17);
  let covered = 0;
  const reps = 12;
  for (let i = 0; i < reps; i++) {
    const sim = simulateTable(rng, SCENARIOS.independent3.total, SCENARIOS.independent3.classes);
    const r = estimateLcmcr(observed(sim), 3, { ...quick, seed: 100 + i });
    if (r.interval.lower <= sim.total && sim.total <= r.interval.upper!) covered++;
  }
  assert.ok(covered >= 9, `covered ${covered} of ${reps}`);
});

test('with five lists and heterogeneous capture LCMCR gets close to the truth', () => {
  const rng = createRandom(23);
  const sim = simulateTable(rng, SCENARIOS.heterogeneous5.total, SCENARIOS.heterogeneous5.classes);
  const r = estimateLcmcr(observed(sim), 5, { iterations: 6000, burnIn: 1500, thin: 10, chains: 2, seed: 4 });
  assert.ok(Math.abs(r.median - sim.total) / sim.total < 0.3, `median ${r.median} vs ${sim.total}`);
});
