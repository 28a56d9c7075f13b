/**
 * The whole pipeline in one call: block → compare → estimate u (random pairs) → EM for m and λ on
 * pattern tables (train.ts) → score with term-frequency adjustments. Decisions and clustering follow with
 * {@link predict}.
 */
import { performance } from 'node:perf_hooks';
import type { BlockingRule, Comparison, ComparisonVectors, FsParams, Pairs } from './types.ts';
import { blockPairs, randomPairs } from './blocking.ts';
import type { RuleCount } from './blocking.ts';
import { compareAll } from './vectors.ts';
import { defaultM, estimateU, termFrequencies } from './em.ts';
import type { EmOptions, TermFrequencies } from './em.ts';
import { train } from './train.ts';
import type { TrainingResult, TrainOptions } from './train.ts';
import { decide, explain, levelsOf, LINK, REVIEW, scoreVectors } from './scoring.ts';
import type { Explanation, Thresholds } from './scoring.ts';
import { clusterPairs } from './cluster.ts';

/** Settings of a linkage run. */
export interface LinkerSettings<R> {
  comparisons: readonly Comparison<R>[];
  blocking: readonly BlockingRule<R>[];
  /** Most candidate pairs (sum over rules) before scoring; see blockPairs. */
  maxPairs?: number;
  /** Random pairs sampled to estimate u; default 300,000. */
  uSamplePairs?: number;
  /** Seed of the random pair sample; default 42. */
  seed?: number;
  /**
   * EM options. Scores always use the random-pair u; `fixU` says whether training EM may move u
   * (default: fixed; `fixU: false` lets it float within each block, see train.ts).
   */
  em?: EmOptions;
  /** Training strategy (see train.ts); default `per-rule`. */
  training?: TrainOptions['mode'];
  /** Starting λ in `candidates` training; default: expected matches / candidate pairs. */
  initialLambda?: number;
  /** Apply term-frequency adjustments where comparisons define them; default true. */
  termFrequencies?: boolean;
  /** Progress of the comparison stage (pairs done, total). */
  onProgress?: (done: number, total: number) => void;
}

/** Everything a run produced, kept as typed arrays. */
export interface LinkRun {
  mode: 'dedupe' | 'link';
  nA: number;
  nB: number | null;
  pairs: Pairs;
  counts: RuleCount[];
  vectors: ComparisonVectors;
  /**
   * Trained parameters. λ is the probability that two random records match (`per-rule`
   * training) or that a candidate pair matches (`candidates` training); scores use it as prior.
   */
  params: FsParams;
  tf: TermFrequencies[];
  training: TrainingResult;
  /** Match weight (log2 odds) per pair. */
  weights: Float64Array;
  timings: { blockMs: number; compareMs: number; uMs: number; emMs: number; scoreMs: number };
}

/** Starting parameters: default m, the given u and λ. */
export function startParams<R>(comparisons: readonly Comparison<R>[], u: number[][], lambda: number): FsParams {
  return {
    fields: comparisons.map((c) => c.name),
    levels: comparisons.map((c) => [...c.levels]),
    m: comparisons.map((c) => defaultM(c.levels.length)),
    u,
    lambda,
  };
}

/** Runs blocking, comparison, estimation and scoring. Pass `b` to link two datasets. */
export function runLinkage<R>(settings: LinkerSettings<R>, a: readonly R[], b?: readonly R[]): LinkRun {
  const cs = settings.comparisons;
  const nLevels = cs.map((c) => c.levels.length);
  const t0 = performance.now();
  const blocked = blockPairs(settings.blocking, a, b, settings.maxPairs != null ? { maxPairs: settings.maxPairs } : {});
  const pairs: Pairs = { left: blocked.left, right: blocked.right, length: blocked.length };
  const t1 = performance.now();
  const progress = settings.onProgress;
  const vectors = compareAll(cs, pairs, a, b, progress ? (d) => progress(d, pairs.length) : undefined);
  const t2 = performance.now();
  const sample = randomPairs(a.length, b ? b.length : null, settings.uSamplePairs ?? 300_000, settings.seed ?? 42);
  const u = estimateU(compareAll(cs, sample, a, b), nLevels);
  const t3 = performance.now();
  const training = train({
    rules: settings.blocking, pairs, keyIds: blocked.keyIds, vectors, fields: cs.map((c) => c.name), levels: cs.map((c) => c.levels),
    u, nA: a.length, nB: b ? b.length : null,
  }, { mode: settings.training ?? 'per-rule', ...(settings.em ? { em: settings.em } : {}), ...(settings.initialLambda != null ? { initialLambda: settings.initialLambda } : {}) });
  const t4 = performance.now();
  const tf: TermFrequencies[] = [];
  if (settings.termFrequencies !== false) {
    cs.forEach((c, f) => { if (c.tf) tf.push(termFrequencies(f, c.tf.level ?? 0, (r: R) => c.tf!.value(r), a, b)); });
  }
  const weights = scoreVectors(vectors, training.params, tf, pairs);
  const t5 = performance.now();
  return {
    mode: b ? 'link' : 'dedupe', nA: a.length, nB: b ? b.length : null,
    pairs, counts: blocked.counts, vectors, params: training.params, tf, training, weights,
    timings: { blockMs: t1 - t0, compareMs: t2 - t1, uMs: t3 - t2, emMs: t4 - t3, scoreMs: t5 - t4 },
  };
}

/** Decisions per pair and clusters over link pairs. */
export interface Prediction {
  decisions: Uint8Array;
  /** Cluster id per record (link mode: records of B are numbered nA + j). */
  clusters: Int32Array;
  links: number;
  reviews: number;
}

/** Applies two thresholds and clusters the link pairs by union-find. */
export function predict(run: LinkRun, thresholds: Thresholds): Prediction {
  const decisions = decide(run.weights, thresholds);
  let links = 0;
  let reviews = 0;
  for (const d of decisions) { if (d === LINK) links++; else if (d === REVIEW) reviews++; }
  const clusters = clusterPairs(run.nA, run.pairs, (p) => decisions[p] === LINK, run.nB ?? undefined);
  return { decisions, clusters, links, reviews };
}

/** The waterfall of candidate pair `p` of a run. */
export function explainPair(run: LinkRun, p: number): Explanation {
  return explain(levelsOf(run.vectors, p), run.params, run.tf, run.pairs.left[p]);
}
