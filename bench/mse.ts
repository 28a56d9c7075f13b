/**
 * `npm run bench -- mse`: speed of multiple systems estimation on the Kosovo 4-list table
 * (../shared/data; a simulated 4-list table of the same size when absent).
 *
 * Figures: LCMCR Gibbs iterations per second and time to a Kosovo estimate with the default
 * settings; log-linear fit time over the model space (with and without profile intervals) and
 * the stepwise search on a simulated 6-list table.
 * Baselines measured in the same run: a per-individual class-assignment scan (what the sampler
 * would cost without drawing class counts per capture pattern) and the two-way models fitted
 * without profile intervals.
 */
import { readFileSync } from 'node:fs';
import { readCaptureCsv } from '../src/estimate/capture-table.ts';
import { estimateLcmcr, lcmcrSettings, runLcmcrChain } from '../src/estimate/lcmcr.ts';
import { estimateLogLinear, exhaustiveModels, fitLogLinear } from '../src/estimate/loglinear.ts';
import { createRandom } from '../src/estimate/random.ts';
import { documentedCount } from '../src/estimate/schema.ts';
import { observed, simulateTable } from '../src/estimate/simulate.ts';
import { sharedDataPath } from '../src/shared-data.ts';

const file = sharedDataPath('linkage-benchmarks', 'mse', 'kosovo-4-lists.csv');
const lists = ['exh', 'aba', 'osce', 'hrw'];
const counts = file
  ? readCaptureCsv(readFileSync(file, 'utf8'), file).strata[0].counts
  : observed(simulateTable(createRandom(1), 10_400, [{ weight: 0.4, probs: [0.5, 0.3, 0.4, 0.1] }, { weight: 0.6, probs: [0.15, 0.1, 0.2, 0.03] }]));
const k = lists.length;
const K = 10;

function time<T>(f: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = f();
  return { ms: performance.now() - t0, value };
}

// Warm up the JIT.
runLcmcrChain(counts, k, lcmcrSettings({ iterations: 2000, burnIn: 0, thin: 10 }), 0);
estimateLogLinear(counts, lists);

const iterations = 50_000;
const chain = time(() => runLcmcrChain(counts, k, lcmcrSettings({ iterations, burnIn: 0, thin: 10, seed: 3 }), 0));
const kosovo = time(() => estimateLcmcr(counts, k, { seed: 1 }));

// Baseline: the class-assignment step done one individual at a time (observed individuals and an
// augmented unobserved population of the posterior size), as a direct reading of the paper would.
function perIndividualScan(iters: number): number {
  const rng = createRandom(5);
  const lambda = Float64Array.from({ length: K * k }, () => rng.uniform());
  const pi = new Float64Array(K).fill(1 / K);
  const w = new Float64Array(K);
  const n0 = 6000;
  let sink = 0;
  const t0 = performance.now();
  for (let it = 0; it < iters; it++) {
    for (let c = 0; c < counts.length; c++) {
      const m = c === 0 ? n0 : counts[c];
      for (let h = 0; h < K; h++) {
        let p = pi[h];
        for (let j = 0; j < k; j++) p *= (c >> j) & 1 ? lambda[h * k + j] : 1 - lambda[h * k + j];
        w[h] = p + (h ? w[h - 1] : 0);
      }
      for (let i = 0; i < m; i++) {
        const u = rng.uniform() * w[K - 1];
        let h = 0;
        while (w[h] < u) h++;
        sink += h;
      }
    }
  }
  if (sink < 0) console.log(sink);
  return performance.now() - t0;
}
const baselineIters = 500;
const baselineMs = perIndividualScan(baselineIters);

const models = exhaustiveModels(k);
const llFull = time(() => estimateLogLinear(counts, lists));
const llThree = time(() => estimateLogLinear(counts, lists, { threeWay: true }));
const llNoIntervals = time(() => models.map((m) => fitLogLinear(counts, lists, m, { intervals: false })));
const six = observed(simulateTable(createRandom(2), 5000, [{ weight: 0.3, probs: Array<number>(6).fill(0.4) }, { weight: 0.7, probs: Array<number>(6).fill(0.1) }]));
const llSix = time(() => estimateLogLinear(six, ['a', 'b', 'c', 'd', 'e', 'f']));

console.log(
  JSON.stringify(
    {
      data: file ? 'kosovo-4-lists.csv' : 'simulated 4-list table (shared data absent)',
      documented: documentedCount(counts),
      lcmcr: {
        iterationsPerSecond: Math.round(iterations / (chain.ms / 1000)),
        kosovoEstimate: {
          seconds: +(kosovo.ms / 1000).toFixed(3),
          settings: kosovo.value.settings,
          median: kosovo.value.median,
          interval: [kosovo.value.interval.lower, kosovo.value.interval.upper],
          rhat: kosovo.value.diagnostics.rhat,
          ess: Math.round(kosovo.value.diagnostics.ess),
        },
        baseline: {
          what: 'class assignment one individual at a time (observed + 6,000 unobserved), class-assignment step only',
          iterationsPerSecond: Math.round(baselineIters / (baselineMs / 1000)),
        },
      },
      loglinear: {
        twoWayModels: models.length,
        twoWayWithProfileIntervalsMs: +llFull.ms.toFixed(1),
        withThreeWayModels: llThree.value.models.length,
        withThreeWayWithProfileIntervalsMs: +llThree.ms.toFixed(1),
        sixListStepwise: { models: llSix.value.models.length, ms: +llSix.ms.toFixed(1) },
        baseline: { what: 'the same two-way models fitted without profile intervals', ms: +llNoIntervals.ms.toFixed(1) },
      },
    },
    null,
    2,
  ),
);
