/**
 * Parameter estimation: u from random pairs, m and λ by expectation–maximisation on the pattern
 * table (unique patterns with counts), under conditional independence of fields given match status.
 */
import type { ComparisonVectors, FsParams } from './types.ts';
import type { PatternTable } from './vectors.ts';

/** Smallest probability kept for any level (avoids infinite weights from empty levels). */
export const MIN_PROBABILITY = 1e-6;

function normalise(p: number[], floor = MIN_PROBABILITY): number[] {
  const q = p.map((x) => Math.max(x, floor));
  const s = q.reduce((a, b) => a + b, 0);
  return q.map((x) => x / s);
}

/**
 * u per field and level from the comparison vectors of random pairs (nearly all non-matches).
 * Nulls are left out of each field's denominator; a level never seen gets 1/(n+1) before
 * renormalising.
 */
export function estimateU(vectors: ComparisonVectors, nLevels: readonly number[]): number[][] {
  const nF = vectors.nFields;
  const counts = nLevels.map((n) => new Float64Array(n));
  const { data, length } = vectors;
  for (let p = 0, o = 0; p < length; p++, o += nF) {
    for (let f = 0; f < nF; f++) {
      const v = data[o + f];
      if (v >= 0) counts[f][v]++;
    }
  }
  return counts.map((c) => {
    const total = c.reduce((a, b) => a + b, 0);
    return normalise(Array.from(c, (x) => (x > 0 ? x / total : 1 / (total + 1))), 0);
  });
}

/** Default starting m: 0.9 on the most similar level, the rest spread decreasingly. */
export function defaultM(nLevels: number): number[] {
  const rest = Array.from({ length: nLevels - 1 }, (_, i) => 1 / (i + 1));
  const s = rest.reduce((a, b) => a + b, 0);
  return [0.9, ...rest.map((x) => (0.1 * x) / s)];
}

/** Options for {@link expectationMaximisation}. */
export interface EmOptions {
  maxIterations?: number;
  /** Stop when no m, u or λ moves by more than this; default 1e-7. */
  tolerance?: number;
  /** Keep u fixed (estimated from random pairs); default true. Set false to estimate u too. */
  fixU?: boolean;
  /** Keep λ fixed at the starting value; default false. */
  fixLambda?: boolean;
  /** Fields whose m is kept at its starting value (e.g. fields a blocking rule forces to agree). */
  fixedMFields?: readonly number[];
}

/** Result of EM: the parameters, iterations run and whether the tolerance was reached. */
export interface EmResult {
  params: FsParams;
  iterations: number;
  converged: boolean;
  /** Log-likelihood of the pattern table at the final parameters. */
  logLikelihood: number;
}

/**
 * EM over the pattern table. Each iteration costs O(patterns × fields), so millions of pairs
 * collapsing to a few thousand patterns converge in milliseconds.
 */
export function expectationMaximisation(table: PatternTable, start: FsParams, opts: EmOptions = {}): EmResult {
  const maxIt = opts.maxIterations ?? 200;
  const tol = opts.tolerance ?? 1e-7;
  const fixU = opts.fixU ?? true;
  const fixedM = new Set(opts.fixedMFields ?? []);
  const nF = table.nFields;
  const K = table.length;
  const { counts, nLevels } = table;
  // Flat layout: field f, level l at offset[f] + l; each pattern as flat offsets (-1 = null).
  const offset = new Int32Array(nF + 1);
  for (let f = 0; f < nF; f++) offset[f + 1] = offset[f] + nLevels[f];
  const S = offset[nF];
  const idx = new Int32Array(K * nF);
  for (let i = 0; i < K * nF; i++) { const v = table.patterns[i]; idx[i] = v < 0 ? -1 : offset[i % nF] + v; }
  const M = new Float64Array(S);
  const U = new Float64Array(S);
  for (let f = 0; f < nF; f++) for (let l = 0; l < nLevels[f]; l++) { M[offset[f] + l] = start.m[f][l]; U[offset[f] + l] = start.u[f][l]; }
  let lambda = start.lambda;
  const mSum = new Float64Array(S);
  const uSum = new Float64Array(S);
  const newM = new Float64Array(S);
  const newU = new Float64Array(S);
  let it = 0;
  let converged = false;
  let ll = 0;
  let total = 0;
  for (let k = 0; k < K; k++) total += counts[k];
  const toProb = (sum: Float64Array, out: Float64Array, f: number): void => {
    const a = offset[f], b = offset[f + 1];
    let t = 0;
    for (let i = a; i < b; i++) t += sum[i];
    let z = 0;
    for (let i = a; i < b; i++) { out[i] = Math.max(t > 0 ? sum[i] / t : 1 / (b - a), MIN_PROBABILITY); z += out[i]; }
    for (let i = a; i < b; i++) out[i] /= z;
  };
  for (it = 1; it <= maxIt; it++) {
    mSum.fill(0);
    uSum.fill(0);
    let matchMass = 0;
    for (let k = 0, o = 0; k < K; k++, o += nF) {
      let pm = lambda;
      let pu = 1 - lambda;
      for (let f = 0; f < nF; f++) {
        const i = idx[o + f];
        if (i >= 0) { pm *= M[i]; pu *= U[i]; }
      }
      const tot = pm + pu;
      const post = tot > 0 ? pm / tot : 0;
      const c = counts[k];
      const wm = c * post;
      const wu = c - wm;
      matchMass += wm;
      for (let f = 0; f < nF; f++) {
        const i = idx[o + f];
        if (i >= 0) { mSum[i] += wm; uSum[i] += wu; }
      }
    }
    for (let f = 0; f < nF; f++) {
      if (fixedM.has(f)) newM.set(M.subarray(offset[f], offset[f + 1]), offset[f]);
      else toProb(mSum, newM, f);
      if (fixU) newU.set(U.subarray(offset[f], offset[f + 1]), offset[f]);
      else toProb(uSum, newU, f);
    }
    const newLambda = opts.fixLambda ? lambda : Math.min(1 - 1e-12, Math.max(1e-12, matchMass / total));
    let delta = Math.abs(newLambda - lambda);
    for (let i = 0; i < S; i++) delta = Math.max(delta, Math.abs(newM[i] - M[i]), Math.abs(newU[i] - U[i]));
    M.set(newM);
    U.set(newU);
    lambda = newLambda;
    if (delta < tol) { converged = true; break; }
  }
  for (let k = 0, o = 0; k < K; k++, o += nF) {
    let pm = lambda;
    let pu = 1 - lambda;
    for (let f = 0; f < nF; f++) { const i = idx[o + f]; if (i >= 0) { pm *= M[i]; pu *= U[i]; } }
    ll += counts[k] * Math.log(pm + pu > 0 ? pm + pu : Number.MIN_VALUE);
  }
  const unflat = (x: Float64Array): number[][] => nLevels.map((_, f) => Array.from(x.subarray(offset[f], offset[f + 1])));
  return { params: { ...start, m: unflat(M), u: unflat(U), lambda }, iterations: Math.min(it, maxIt), converged, logLikelihood: ll };
}

/** Term frequencies of one field: frequency of each record's value (NaN when missing). */
export interface TermFrequencies {
  field: number;
  level: number;
  /** Frequency of the value of each record of A (dedupe: of the only dataset). */
  freq: Float64Array;
}

/**
 * Relative frequency of each value among all records with a value (A and B together in link
 * mode), looked up per record of A: u for an exact match on that value.
 */
export function termFrequencies<R>(field: number, level: number, value: (r: R) => string | null | undefined, a: readonly R[], b?: readonly R[]): TermFrequencies {
  const counts = new Map<string, number>();
  let total = 0;
  const tally = (rs: readonly R[]): void => {
    for (const r of rs) {
      const v = value(r);
      if (v == null || v === '') continue;
      counts.set(v, (counts.get(v) ?? 0) + 1);
      total++;
    }
  };
  tally(a);
  if (b) tally(b);
  const freq = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const v = value(a[i]);
    freq[i] = v == null || v === '' ? Number.NaN : Math.max(counts.get(v)! / total, MIN_PROBABILITY);
  }
  return { field, level, freq };
}
