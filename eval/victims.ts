/**
 * `npm run eval -- victims`: person matching on generated Arabic-name victim lists (known truth,
 * recall at precision ≥ 0.95) and deduplication of FEBRL 3 with the same person configuration.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { sharedDataPath } from '../src/shared-data.ts';
import { bcubed, pairwiseClusterMetrics, predict, runLinkage, weightOf } from '../src/linkage/engine/index.ts';
import type { LinkRun } from '../src/linkage/engine/index.ts';
import { generateLists } from '../src/victims/generator.ts';
import { personBlocking, personComparisons, personRecord, type PersonRecord } from '../src/victims/comparisons.ts';
import { nameFromParts } from '../src/victims/names.ts';
import { DEFAULT_THRESHOLDS, fixedPersonParams, scoreWithParams } from '../src/victims/matching.ts';

const round = (x: number): number => Math.round(x * 10000) / 10000;

/** Walks pairs by weight, best first: highest recall with precision ≥ target, and best F1. */
function curve(weights: Float64Array, truth: Uint8Array, truePairs: number, target = 0.95): { recallAtPrecision: number; weight: number | null; bestF1: number; bestF1Weight: number } {
  const order = Array.from(weights.keys()).sort((a, b) => weights[b] - weights[a]);
  let tp = 0;
  let best = { recall: 0, weight: null as number | null };
  let f1 = { f1: 0, weight: 0 };
  order.forEach((p, k) => {
    tp += truth[p];
    const precision = tp / (k + 1);
    const recall = tp / truePairs;
    const last = k === order.length - 1 || weights[order[k + 1]] !== weights[p];
    if (!last) return;
    if (precision >= target && recall > best.recall) best = { recall, weight: weights[p] };
    const f = (2 * precision * recall) / (precision + recall || 1);
    if (f > f1.f1) f1 = { f1: f, weight: weights[p] };
  });
  return { recallAtPrecision: round(best.recall), weight: best.weight, bestF1: round(f1.f1), bestF1Weight: round(f1.weight) };
}

function evaluate(name: string, recs: PersonRecord[], truthIds: Array<string | number>, run: LinkRun, weights: Float64Array): Record<string, unknown> {
  const truth = Uint8Array.from({ length: run.pairs.length }, (_, p) => (truthIds[run.pairs.left[p]] === truthIds[run.pairs.right[p]] ? 1 : 0));
  const truePairs = pairwiseClusterMetrics(truthIds.map((_, i) => i), truthIds).truePairs;
  const c = curve(weights, truth, truePairs);
  const clusterAt = (w: number): Record<string, number> => {
    const pred = predict({ ...run, weights }, { linkWeight: w, reviewWeight: w });
    const pw = pairwiseClusterMetrics(pred.clusters, truthIds);
    const b3 = bcubed(pred.clusters, truthIds);
    return { precision: round(pw.precision), recall: round(pw.recall), f1: round(pw.f1), bcubedF1: round(b3.f1) };
  };
  return {
    dataset: name, records: recs.length, candidatePairs: run.pairs.length, labelledTruePairs: truePairs,
    blockingRecall: round(truth.reduce((s, x) => s + x, 0) / truePairs), ...c,
    clustersAtPrecisionThreshold: c.weight == null ? null : clusterAt(c.weight), clustersAtBestF1: clusterAt(c.bestF1Weight),
    clustersAtDefaultLink: { linkProbability: DEFAULT_THRESHOLDS.link, ...clusterAt(weightOf(DEFAULT_THRESHOLDS.link)) },
  };
}

// --- generated Arabic-name lists -------------------------------------------------------------
const t0 = performance.now();
const gen = generateLists({ persons: 1500, seed: 7 });
const recs = gen.map((g, i) => personRecord({ id: i, names: [g.name], gender: g.gender, age: g.age, dateOfDeath: g.dateOfDeath, place: g.place }));
const settings = { comparisons: personComparisons(), blocking: personBlocking(), uSamplePairs: 100_000 };
const run = runLinkage(settings, recs);
const truthIds = gen.map((g) => g.person);
const em = evaluate('generated (EM, per-rule)', recs, truthIds, run, run.weights);
const runC = runLinkage({ ...settings, training: 'candidates' }, recs);
const emC = evaluate('generated (EM, candidates)', recs, truthIds, runC, runC.weights);
const fixed = evaluate('generated (fixed prior parameters)', recs, truthIds, run, scoreWithParams(run, fixedPersonParams()));
console.log(`generated lists (${recs.length} records of 1500 persons, ${String(em.labelledTruePairs)} true pairs): recall at precision ≥ 0.95 = ${String(em.recallAtPrecision)} with EM (target 0.95), ${String(fixed.recallAtPrecision)} with prior parameters`);
console.log(JSON.stringify({ generated: { persons: 1500, seconds: round((performance.now() - t0) / 1000), results: [em, emC, fixed], trained: { fields: run.params.fields, m: run.params.m.map((r) => r.map(round)), u: run.params.u.map((r) => r.map(round)), lambda: run.params.lambda } } }));

// --- FEBRL 3 ------------------------------------------------------------------------------------
const febrl = sharedDataPath('linkage-benchmarks', 'febrl', 'dataset3.csv');
if (!febrl) {
  console.log('FEBRL 3: skipped, ../shared/data/linkage-benchmarks/febrl/dataset3.csv is absent');
} else {
  const rows = parse<Record<string, string>>(readFileSync(febrl, 'utf8'), { columns: true, trim: true, skip_empty_lines: true });
  const frecs = rows.map((r, i) => personRecord({
    id: i, names: [nameFromParts({ given: r.given_name, family: r.surname })], dateOfBirth: r.date_of_birth || null,
    place: r.suburb || null, nationalId: r.soc_sec_id || null,
  }));
  const ftruth = rows.map((r) => /^rec-(\d+)-/.exec(r.rec_id)?.[1] ?? r.rec_id);
  const frun = runLinkage({ ...settings, uSamplePairs: 150_000 }, frecs);
  const res = evaluate('FEBRL 3', frecs, ftruth, frun, frun.weights);
  const atZero = predict(frun, { linkWeight: 0, reviewWeight: -5 });
  const pw = pairwiseClusterMetrics(atZero.clusters, ftruth);
  console.log(`FEBRL 3 (${frecs.length} records): pairwise F1 ${String(round(pw.f1))} of the clusters linked at match weight 0 (unsupervised; target 0.95), ${String(res.bestF1)} of scored pairs at the best threshold`);
  console.log(JSON.stringify({ febrl3: { ...res, unsupervisedAtWeight0: { precision: round(pw.precision), recall: round(pw.recall), f1: round(pw.f1) } } }));
}
