/**
 * `npm run eval -- mse [--replicates 200] [--seed 1]`: multiple systems estimation on the Kosovo
 * 4-list benchmark (../shared/data/linkage-benchmarks/mse/kosovo-4-lists.csv) and interval
 * coverage on simulated populations of known size.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readCaptureCsv } from '../src/estimate/capture-table.ts';
import { estimateLcmcr, type LcmcrOptions } from '../src/estimate/lcmcr.ts';
import { estimateLogLinear } from '../src/estimate/loglinear.ts';
import { createRandom } from '../src/estimate/random.ts';
import type { Interval } from '../src/estimate/schema.ts';
import { observed, SCENARIOS, simulateTable, type Scenario } from '../src/estimate/simulate.ts';
import { SHARED_DATA_ABSENT, sharedDataPath } from '../src/shared-data.ts';

const { values } = parseArgs({ options: { replicates: { type: 'string', default: '200' }, seed: { type: 'string', default: '1' } } });
const replicates = Number(values.replicates);
const seed = Number(values.seed);
const fmt = (x: number | null | undefined): string => (x == null ? 'unknown' : Math.round(x).toLocaleString('en-GB'));
const iv = (i: Interval | null): string => (i ? `${fmt(i.lower)}–${fmt(i.upper)}` : 'unknown');

function kosovo(): void {
  const file = sharedDataPath('linkage-benchmarks', 'mse', 'kosovo-4-lists.csv');
  if (!file) {
    console.log(`Kosovo: ${SHARED_DATA_ABSENT}`);
    return;
  }
  const table = readCaptureCsv(readFileSync(file, 'utf8'), file);
  const counts = table.strata[0].counts;
  const t0 = performance.now();
  const two = estimateLogLinear(counts, table.lists);
  const tLl = performance.now() - t0;
  const three = estimateLogLinear(counts, table.lists, { threeWay: true });
  const lc = estimateLcmcr(counts, table.lists.length, { seed });
  const rows: Array<[string, string, string, string]> = [
    ['independence', fmt(two.independence.estimate), iv(two.independence.interval), 'expected 7,395 (±1)'],
    [`best AIC, two-way [${two.bestAic.name}]`, fmt(two.bestAic.estimate), iv(two.bestAic.interval), 'expected about 14,342'],
    [`best BIC, two-way [${two.bestBic.name}]`, fmt(two.bestBic.estimate), iv(two.bestBic.interval), ''],
    ['AIC-weighted average, two-way', fmt(two.aicAverage.estimate), iv(two.aicAverage.interval), 'Buckland interval'],
    ['BIC-weighted average, two-way', fmt(two.bicAverage.estimate), iv(two.bicAverage.interval), 'Buckland interval'],
    [`best AIC, with three-way [${three.bestAic.name}]`, fmt(three.bestAic.estimate), iv(three.bestAic.interval), ''],
    [`best BIC, with three-way [${three.bestBic.name}]`, fmt(three.bestBic.estimate), iv(three.bestBic.interval), ''],
    ['AIC-weighted average, with three-way', fmt(three.aicAverage.estimate), iv(three.aicAverage.interval), 'Buckland interval'],
    ['LCMCR posterior median (mean)', `${fmt(lc.median)} (${fmt(lc.mean)})`, iv(lc.interval), `contains 10,401: ${lc.interval.lower <= 10401 && 10401 <= lc.interval.upper!}`],
  ];
  console.log(`\nKosovo 4 lists (${table.lists.join(', ')}), documented ${fmt(two.documented)}`);
  console.table(rows.map(([estimator, estimate, interval, note]) => ({ estimator, estimate, '95% interval': interval, note })));
  const d = lc.diagnostics;
  console.log(
    `log-linear: ${two.models.length} two-way models in ${tLl.toFixed(0)} ms (${two.diverged} diverged); ${three.models.length} models with three-way terms\n` +
      `LCMCR: ${lc.settings.chains} chains × ${lc.settings.iterations} iterations (+${lc.settings.burnIn} burn-in, thin ${lc.settings.thin}), seed ${seed}: ` +
      `${lc.seconds.toFixed(2)} s, R-hat ${d.rhat?.toFixed(3)}, ESS ${Math.round(d.ess)}, Geweke z ${d.geweke.map((z) => z.toFixed(2)).join(' ')}, ` +
      `${lc.occupiedClasses.toFixed(1)} classes occupied${d.warnings.length ? `\n  warnings: ${d.warnings.join('; ')}` : ''}`,
  );
}

interface Tally {
  covered: number;
  finite: number;
  width: number;
  relBias: number;
  runs: number;
}

const LCMCR_SIM: LcmcrOptions = { chains: 2, burnIn: 2000, iterations: 10_000, thin: 10 };

function coverage(s: Scenario, reps: number): void {
  const rng = createRandom(seed, 9001);
  const names = ['log-linear independence', 'log-linear best AIC', 'log-linear AIC average', 'LCMCR'] as const;
  const tallies = new Map<string, Tally>(names.map((n) => [n, { covered: 0, finite: 0, width: 0, relBias: 0, runs: 0 }]));
  const add = (name: string, estimate: number | null, interval: Interval | null): void => {
    const t = tallies.get(name)!;
    t.runs++;
    if (estimate !== null) t.relBias += (estimate - s.total) / s.total;
    if (interval && interval.upper !== null) {
      t.finite++;
      t.width += interval.upper - interval.lower;
      if (interval.lower <= s.total && s.total <= interval.upper) t.covered++;
    } else if (interval && interval.lower <= s.total) {
      t.covered++;
    }
  };
  const t0 = performance.now();
  for (let r = 0; r < reps; r++) {
    const sim = simulateTable(rng, s.total, s.classes);
    const counts = observed(sim);
    const k = s.classes[0].probs.length;
    const lists = Array.from({ length: k }, (_, j) => `l${j + 1}`);
    const ll = estimateLogLinear(counts, lists);
    add(names[0], ll.independence.estimate, ll.independence.interval);
    add(names[1], ll.bestAic.estimate, ll.bestAic.interval);
    add(names[2], ll.aicAverage.estimate, ll.aicAverage.interval);
    const lc = estimateLcmcr(counts, k, { ...LCMCR_SIM, seed: seed + r });
    add(names[3], lc.median, lc.interval);
  }
  console.log(`\n${s.name}: ${reps} replicates, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.table(
    names.map((n) => {
      const t = tallies.get(n)!;
      return {
        estimator: n,
        '95% coverage': (t.covered / t.runs).toFixed(3),
        'mean relative bias': `${((100 * t.relBias) / t.runs).toFixed(1)}%`,
        'mean width': t.finite ? fmt(t.width / t.finite) : 'n/a',
        'unbounded intervals': t.runs - t.finite,
      };
    }),
  );
}

kosovo();
console.log(`\nCoverage of nominal 95% intervals (LCMCR: ${LCMCR_SIM.chains} chains × ${LCMCR_SIM.iterations} iterations + ${LCMCR_SIM.burnIn} burn-in)`);
for (const s of Object.values(SCENARIOS)) coverage(s, replicates);
