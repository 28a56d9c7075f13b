/**
 * `npm run bench -- link [--n 100000] [--large]`: the linkage engine on synthetic harm reports with
 * known truth (date, point with precision, place-name variants, casualty range, actor).
 *
 * Prints one JSON object: scored pairs per second per core (with a bare-loop baseline over the
 * same typed arrays, measured in the same run), EM time on the pattern table, and the end-to-end
 * dedupe of 100,000 reports (time, peak RSS, pairwise F1 against the truth). `--large` adds the
 * 1,000,000-report run (target ≤ 10 min, peak RSS < 4 GB).
 */
import { performance } from 'node:perf_hooks';
import { availableParallelism, loadavg } from 'node:os';
import {
  bcubed, defaultM, expectationMaximisation, mulberry32,
  normalisePlaceName, pairMetrics, pairwiseClusterMetrics, patternTable, precisionRadiusKm, predict, runLinkage,
  scoreVectors, thresholdSweep, bestF1, LINK,
} from '../src/linkage/engine/index.ts';
import type { LinkerSettings, LinkRun } from '../src/linkage/engine/index.ts';
import { HARM_BLOCKING, HARM_COMPARISONS, type HarmRecord } from '../src/linkage/harmConfig.ts';
import type { PlacePrecision } from '../src/model/vocabulary.ts';

/** A synthetic harm report; `incident` is the true entity. */
interface Report extends HarmRecord {
  incident: number;
}

const SYLLABLES = ['ba', 'bir', 'dayr', 'ha', 'jin', 'kar', 'ma', 'mus', 'ul', 'raq', 'qa', 'sha', 'dad', 'fal', 'lu', 'ja', 'tik', 'rit', 'hit', 'ana', 'zor', 'mi', 'ya', 'din', 'sal', 'hi', 'yah', 'tal', 'afar', 'sin', 'jar', 'kha', 'bur', 'kam', 'al', 'was'];
const ACTORS = ['US', 'UK', 'France', 'Australia', 'Russia', 'Syrian regime', 'Iraqi forces', 'Turkey'];
const GROUPS: Record<string, string> = { US: 'coalition', UK: 'coalition', France: 'coalition', Australia: 'coalition', Russia: 'russia-regime', 'Syrian regime': 'russia-regime' };
const PRECISIONS: PlacePrecision[] = ['exact', 'neighbourhood', 'village', 'village', 'town', 'town', 'city', 'district', 'governorate'];
const DAY0 = Date.UTC(2015, 0, 1) / 86_400_000;
const YEARS = 5;

/** Spelling variants of a transliterated name (what different sources write). */
function variant(name: string, rnd: () => number): string {
  let s = name;
  const x = rnd();
  if (x < 0.25) s = `al-${s}`;
  else if (x < 0.35) s = `Al ${s}`;
  if (rnd() < 0.3) s = s.replace(/u/, 'ou');
  if (rnd() < 0.2) s = s.replace(/i/, 'ee');
  if (rnd() < 0.1) s = s.replace(/([bdrlmnst])/, '$1$1');
  if (rnd() < 0.05 && s.length > 4) { const k = 1 + Math.floor(rnd() * (s.length - 2)); s = s.slice(0, k) + s.slice(k + 1); }
  return rnd() < 0.5 ? s[0].toUpperCase() + s.slice(1) : s;
}

/** Reports of about n / 2.5 incidents, each reported 1–4 times with noise. */
function syntheticReports(n: number, seed = 1): Report[] {
  const rnd = mulberry32(seed);
  const nPlaces = Math.max(50, Math.round(n / 20));
  const places = Array.from({ length: nPlaces }, () => {
    const k = 2 + Math.floor(rnd() * 2);
    let name = '';
    for (let i = 0; i < k; i++) name += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
    // Common places (cities) are drawn more often: squared uniform index.
    return { name, lat: 32 + rnd() * 5, lon: 38 + rnd() * 7 };
  });
  const out: Report[] = [];
  for (let inc = 0; out.length < n; inc++) {
    const place = places[Math.floor(rnd() ** 2 * nPlaces)];
    const day = DAY0 + Math.floor(rnd() * 365 * YEARS);
    const lat = place.lat + (rnd() - 0.5) * 0.03;
    const lon = place.lon + (rnd() - 0.5) * 0.03;
    const killed = Math.floor(rnd() ** 3 * 60);
    const actor = ACTORS[Math.floor(rnd() * ACTORS.length)];
    const nReports = Math.min(n - out.length, 1 + Math.floor(rnd() * rnd() * 5));
    for (let r = 0; r < nReports; r++) {
      const precision = PRECISIONS[Math.floor(rnd() * PRECISIONS.length)];
      const radius = precisionRadiusKm(precision);
      const jitter = (radius / 111) * 0.7;
      const d = rnd() < 0.03 ? null : day + (rnd() < 0.6 ? 0 : Math.round((rnd() - 0.5) * 4));
      const hasPoint = rnd() > 0.05;
      const pt = hasPoint ? { lat: lat + (rnd() - 0.5) * jitter, lon: lon + (rnd() - 0.5) * jitter, radiusKm: radius } : null;
      const lo = Math.max(0, killed - Math.floor(rnd() * 3));
      const kr = rnd() < 0.1 ? null : rnd() < 0.3 ? { min: lo, max: null } : { min: lo, max: killed + Math.floor(rnd() * 3) };
      const actors = rnd() < 0.2 ? [] : rnd() < 0.1 && GROUPS[actor] === 'coalition' ? ['US'] : [actor];
      out.push({
        incident: inc, day: d, point: pt, place: rnd() < 0.05 ? null : normalisePlaceName(variant(place.name, rnd)), killed: kr, actors,
        cell: pt && radius < 20 ? `${Math.floor(pt.lat * 2)}:${Math.floor(pt.lon * 2)}` : null,
        coarse: pt && radius <= 30 ? `${Math.floor(pt.lat / 2)}:${Math.floor(pt.lon / 2)}` : null,
        week: d == null ? null : Math.floor(d / 7), week2: d == null ? null : Math.floor((d + 3) / 7),
      });
    }
  }
  return out;
}

// The harm-report configuration lives in src/linkage/harmConfig.ts (shared with `link run` and `link cluster`).
const COMPARISONS = HARM_COMPARISONS;
const BLOCKING = HARM_BLOCKING;

const mb = (bytes: number): number => Math.round(bytes / 1048576);
const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
const round = (x: number, d = 4): number => Math.round(x * 10 ** d) / 10 ** d;

/** Dedupe of n synthetic reports end to end, with figures against the truth. */
function dedupe(n: number): { run: LinkRun; figures: Record<string, unknown> } {
  const g0 = performance.now();
  const reports = syntheticReports(n, 7);
  const genMs = performance.now() - g0;
  const t0 = performance.now();
  // Week and cell rules only partly force date and place, so u floats within each block (train.ts).
  const settings: LinkerSettings<Report> = {
    comparisons: COMPARISONS, blocking: BLOCKING, maxPairs: 200_000_000, uSamplePairs: 300_000, em: { fixU: false },
  };
  const run = runLinkage(settings, reports);
  const pred = predict(run, { linkProbability: 0.9, reviewProbability: 0.5 });
  const ms = performance.now() - t0;
  const truth = reports.map((r) => r.incident);
  const clusters = pairwiseClusterMetrics(pred.clusters, truth);
  const truePairs = clusters.truePairs;
  const pairs = pairMetrics(run.pairs, (p) => pred.decisions[p] === LINK, (p) => truth[run.pairs.left[p]] === truth[run.pairs.right[p]], truePairs);
  let blocked = 0;
  for (let p = 0; p < run.pairs.length; p++) if (truth[run.pairs.left[p]] === truth[run.pairs.right[p]]) blocked++;
  const b3 = bcubed(pred.clusters, truth);
  const sizes = new Map<number, number>();
  for (const c of pred.clusters) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  let largestCluster = 0;
  for (const v of sizes.values()) if (v > largestCluster) largestCluster = v;
  const isTrue = Uint8Array.from({ length: run.pairs.length }, (_, p) => (truth[run.pairs.left[p]] === truth[run.pairs.right[p]] ? 1 : 0));
  const best = bestF1(thresholdSweep(run.weights, isTrue, truePairs, [-5, -2, 0, 2, 4, 6, 8, 10, 12, 15]));
  return {
    run,
    figures: {
      reports: n, incidents: new Set(truth).size, generateMs: Math.round(genMs), endToEndMs: Math.round(ms),
      timingsMs: Object.fromEntries(Object.entries(run.timings).map(([k, v]) => [k, Math.round(v)])),
      candidatePairs: run.pairs.length, blockingRecall: round(blocked / truePairs), links: pred.links, reviews: pred.reviews,
      clustersFound: sizes.size, largestCluster,
      lambda: run.params.lambda, trainingPatterns: run.training.patterns,
      pairwise: { precision: round(pairs.precision), recall: round(pairs.recall), f1: round(pairs.f1) },
      clusters: { precision: round(clusters.precision), recall: round(clusters.recall), f1: round(clusters.f1) },
      bcubed: { precision: round(b3.precision), recall: round(b3.recall), f1: round(b3.f1) },
      bestPairThreshold: best && { weight: best.weight, precision: round(best.precision), recall: round(best.recall), f1: round(best.f1) },
      heapUsedMb: mb(process.memoryUsage().heapUsed), rssMb: mb(process.memoryUsage().rss), peakRssMb: peakRssMb(),
    },
  };
}

/** Scoring throughput on the run's vectors, against a bare loop over the same typed arrays. */
function throughput(run: LinkRun): Record<string, unknown> {
  const { vectors, params, tf, pairs } = run;
  const n = vectors.length;
  const reps = Math.max(3, Math.ceil(20_000_000 / Math.max(1, n)));
  const time = (f: () => void): number => {
    f();
    const t = performance.now();
    for (let i = 0; i < reps; i++) f();
    return (performance.now() - t) / 1000;
  };
  let sink = 0;
  const baseline = time(() => {
    const d = vectors.data;
    const nF = vectors.nFields;
    const out = new Float64Array(n);
    for (let p = 0, o = 0; p < n; p++, o += nF) {
      let s = 0;
      for (let f = 0; f < nF; f++) s += d[o + f];
      out[p] = s;
    }
    sink += out[n - 1] ?? 0;
  });
  const plain = time(() => { sink += scoreVectors(vectors, params)[n - 1] ?? 0; });
  const withTf = time(() => { sink += scoreVectors(vectors, params, tf, pairs)[n - 1] ?? 0; });
  const perSec = (s: number): number => Math.round((n * reps) / s);
  return {
    pairs: n, repetitions: reps, fields: vectors.nFields,
    scoredPairsPerSecond: perSec(plain), scoredPairsPerSecondWithTf: perSec(withTf), baselineBareLoopPairsPerSecond: perSec(baseline),
    comparedPairsPerSecond: Math.round(n / (run.timings.compareMs / 1000)), target: 2_000_000, checksum: round(sink, 2),
  };
}

/**
 * EM time on the pattern table of the candidate pairs (`candidates` strategy, m, u and λ free),
 * tiled to at least `minPairs` pairs so that the table is built from millions of pairs.
 */
function emTiming(run: LinkRun, minPairs: number): Record<string, unknown> {
  const nLevels = run.params.levels.map((l) => l.length);
  const src = run.vectors;
  const tiles = Math.max(1, Math.ceil(minPairs / Math.max(1, src.length)));
  const data = new Int8Array(src.data.length * tiles);
  for (let t = 0; t < tiles; t++) data.set(src.data, t * src.data.length);
  const vectors = { data, nFields: src.nFields, length: src.length * tiles };
  const t0 = performance.now();
  const table = patternTable(vectors, nLevels);
  const t1 = performance.now();
  const start = { ...run.params, m: nLevels.map((k) => defaultM(k)), lambda: 0.1 };
  const em = expectationMaximisation(table, start, { fixU: false, maxIterations: 1000, tolerance: 1e-8 });
  const t2 = performance.now();
  return {
    pairs: vectors.length, tiledFrom: src.length, patterns: table.length, patternTableMs: round(t1 - t0, 1), emMs: round(t2 - t1, 1), iterations: em.iterations,
    converged: em.converged, perRuleTrainingMs: round(run.training.emMs, 1), targetMs: 1000,
  };
}

const args = process.argv.slice(2);
const nArg = args.indexOf('--n');
const n = nArg >= 0 ? Number(args[nArg + 1]) : 100_000;
const { run, figures } = dedupe(n);
const result: Record<string, unknown> = {
  bench: 'link', node: process.version, cores: availableParallelism(), loadAverage: loadavg().map((x) => round(x, 2)),
  scoring: throughput(run), em: emTiming(run, 5_000_000),
  [`dedupe${n}`]: { ...figures, targetMs: 60_000 },
};
if (args.includes('--large')) {
  const large = dedupe(1_000_000);
  result.dedupe1000000 = { ...large.figures, targetMs: 600_000, targetPeakRssMb: 4096 };
  result.em1000000 = emTiming(large.run, 0);
}
console.log(JSON.stringify(result, null, 2));
