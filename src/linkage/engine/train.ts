/**
 * Training m and λ. Two strategies:
 *
 * - `per-rule` (default, after Splink): for each blocking rule, EM on the pairs that rule blocks,
 *   with the fields the rule forces to agree left out (blocking makes them uninformative there).
 *   u is fixed at the random-pair estimate, as in Splink; with `em.fixU: false` it floats within
 *   the block instead, which absorbs fields a rule only partly forces (a rule on the same week
 *   makes every pair's dates close, which fixed u would read as evidence of a match: λ → 1).
 *   On FEBRL both agree; on synthetic harm reports floating u is clearly better, on Splink's
 *   fake_1000 slightly worse. m of each field is averaged over the rules that
 *   trained it; scoring uses the random-pair u. λ is the probability that two random records
 *   match: matches found in each block, divided by the rule's recall (the m of agreeing on its
 *   fields), over all possible pairs; the median over rules is kept.
 * - `candidates`: one EM on all candidate pairs, λ = prior among candidates. Simple, but biased
 *   when blocking makes non-matches agree (then λ drifts towards 1).
 */
import { performance } from 'node:perf_hooks';
import type { BlockingRule, ComparisonVectors, FsParams, Pairs } from './types.ts';
import { inRule } from './blocking.ts';
import { defaultM, expectationMaximisation } from './em.ts';
import type { EmOptions } from './em.ts';
import { patternTable } from './vectors.ts';

/** Options of {@link train}. */
export interface TrainOptions {
  mode?: 'per-rule' | 'candidates';
  em?: EmOptions;
  /** Starting λ in `candidates` mode; default: expected matches / candidate pairs. */
  initialLambda?: number;
}

/** What one training EM run found. */
export interface TrainingRun {
  rule: string;
  pairs: number;
  patterns: number;
  iterations: number;
  converged: boolean;
  /** Match probability among the pairs of this run. */
  lambda: number;
  /** Matches among all possible pairs implied by this run (per-rule mode). */
  expectedMatches: number | null;
}

/** Trained parameters and how they were obtained. */
export interface TrainingResult {
  params: FsParams;
  runs: TrainingRun[];
  /** Fields no rule could train (their m stays at the default). */
  untrainedFields: string[];
  /** Unique patterns summed over runs. */
  patterns: number;
  emMs: number;
}

/** Training inputs: candidate pairs, their vectors, key ids per rule, sizes and u. */
export interface TrainInput<R> {
  rules: readonly BlockingRule<R>[];
  pairs: Pairs;
  keyIds: readonly Int32Array[];
  vectors: ComparisonVectors;
  fields: readonly string[];
  levels: readonly (readonly string[])[];
  u: number[][];
  nA: number;
  /** Size of B in link mode, null in dedupe mode. */
  nB: number | null;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((x, y) => x - y);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
};

/** Estimates m and λ (u given) by the chosen strategy. */
export function train<R>(input: TrainInput<R>, opts: TrainOptions = {}): TrainingResult {
  const t0 = performance.now();
  const { vectors, pairs, fields, levels, u, nA, nB } = input;
  const nLevels = levels.map((l) => l.length);
  const nF = fields.length;
  const start = (lambda: number): FsParams => ({
    fields: [...fields], levels: levels.map((l) => [...l]), m: nLevels.map((n) => defaultM(n)), u, lambda,
  });
  const total = nB == null ? (nA * (nA - 1)) / 2 : nA * nB;
  if (opts.mode === 'candidates') {
    const expected = nB == null ? nA / 2 : Math.min(nA, nB);
    const lambda = opts.initialLambda ?? Math.min(0.5, Math.max(1e-6, expected / Math.max(1, pairs.length)));
    const table = patternTable(vectors, nLevels);
    const em = expectationMaximisation(table, start(lambda), opts.em);
    return {
      params: em.params,
      runs: [{ rule: '(all candidates)', pairs: pairs.length, patterns: table.length, iterations: em.iterations, converged: em.converged, lambda: em.params.lambda, expectedMatches: em.params.lambda * pairs.length }],
      untrainedFields: [], patterns: table.length, emMs: performance.now() - t0,
    };
  }
  const mSum = nLevels.map((n) => new Float64Array(n));
  const trained = new Float64Array(nF);
  const runs: TrainingRun[] = [];
  const perRule: { lambda: number; pairs: number; forced: number[] }[] = [];
  let patterns = 0;
  input.rules.forEach((rule, r) => {
    const forced = (rule.fields ?? []).map((name) => fields.indexOf(name)).filter((f) => f >= 0);
    const ids = input.keyIds[r];
    const offB = nB == null ? null : nA;
    let count = 0;
    const table = patternTable(vectors, nLevels, {
      nullFields: forced,
      select: (p) => { const ok = inRule(ids, pairs, p, offB); if (ok) count++; return ok; },
    });
    if (count === 0) return;
    patterns += table.length;
    const lambda0 = Math.min(0.5, Math.max(1e-6, (nB == null ? nA / 2 : Math.min(nA, nB)) / count));
    const em = expectationMaximisation(table, start(lambda0), { fixU: true, ...opts.em, fixedMFields: forced });
    for (let f = 0; f < nF; f++) {
      if (forced.includes(f)) continue;
      trained[f]++;
      em.params.m[f].forEach((x, l) => { mSum[f][l] += x; });
    }
    perRule.push({ lambda: em.params.lambda, pairs: count, forced });
    runs.push({ rule: rule.name, pairs: count, patterns: table.length, iterations: em.iterations, converged: em.converged, lambda: em.params.lambda, expectedMatches: null });
  });
  const m = nLevels.map((n, f) => (trained[f] > 0 ? Array.from(mSum[f], (x) => x / trained[f]) : defaultM(n)));
  const estimates: number[] = [];
  perRule.forEach((pr, i) => {
    const recall = pr.forced.reduce((s, f) => s * m[f][0], 1);
    const expected = (pr.lambda * pr.pairs) / Math.max(recall, 1e-6);
    runs[i].expectedMatches = expected;
    estimates.push(expected);
  });
  const lambda = estimates.length ? Math.min(0.5, Math.max(1e-12, median(estimates) / Math.max(1, total))) : 1e-6;
  return {
    params: { ...start(lambda), m },
    runs, untrainedFields: fields.filter((_, f) => trained[f] === 0), patterns, emMs: performance.now() - t0,
  };
}
