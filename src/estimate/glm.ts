/**
 * Poisson log-linear models for capture-history tables, fitted by iteratively reweighted least
 * squares (IRLS) with Cholesky solves and step halving.
 *
 * A model is a set of interaction terms; each term is a bitmask of two or more lists. Every model
 * has an intercept and all main effects. The design row of capture pattern `cell` holds 1, the k
 * list bits, and for each term a 1 when every list of the term is set in `cell`.
 */
import { cholesky, choleskySolve } from './linalg.ts';

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** log Γ(x) for x > 0 (Lanczos, g = 7; relative error about 1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Number of lists set in a bitmask. */
export function bitCount(x: number): number {
  let n = 0;
  for (let v = x; v; v &= v - 1) n++;
  return n;
}

/** Number of parameters of a model: intercept, k main effects, its interaction terms. */
export function parameterCount(k: number, terms: readonly number[]): number {
  return 1 + k + terms.length;
}

/** Design matrix (row-major, one row per cell in `cells`) for a model with `terms` over k lists. */
export function designMatrix(k: number, terms: readonly number[], cells: readonly number[]): Float64Array {
  const p = parameterCount(k, terms);
  const x = new Float64Array(cells.length * p);
  cells.forEach((cell, r) => {
    const o = r * p;
    x[o] = 1;
    for (let j = 0; j < k; j++) x[o + 1 + j] = (cell >> j) & 1;
    terms.forEach((t, i) => {
      x[o + 1 + k + i] = (cell & t) === t ? 1 : 0;
    });
  });
  return x;
}

/** Result of a Poisson IRLS fit. */
export interface PoissonFit {
  beta: Float64Array;
  fitted: Float64Array;
  /** Poisson log-likelihood including the −log y! terms. */
  logLik: number;
  deviance: number;
  iterations: number;
  converged: boolean;
}

/** Poisson log-likelihood of counts y at means mu. */
export function poissonLogLik(y: ArrayLike<number>, mu: ArrayLike<number>): number {
  let ll = 0;
  for (let i = 0; i < y.length; i++) {
    const yi = y[i];
    const mi = mu[i];
    ll += (yi > 0 ? yi * Math.log(mi) : 0) - mi - logGamma(yi + 1);
  }
  return ll;
}

function devianceOf(y: ArrayLike<number>, mu: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < y.length; i++) {
    const yi = y[i];
    const mi = mu[i];
    d += 2 * ((yi > 0 ? yi * Math.log(yi / mi) : 0) - (yi - mi));
  }
  return d;
}

/** Options for {@link fitPoisson}. */
export interface FitOptions {
  /** Starting coefficients (warm start); otherwise started from log(y + 0.5). */
  start?: Float64Array;
  maxIterations?: number;
  /** Relative change in deviance taken as convergence. */
  tolerance?: number;
}

/**
 * Fits a Poisson GLM with log link to counts `y` (n rows) and design `x` (n×p, row-major).
 * Non-integer counts are allowed (the profile likelihood uses them). Returns `converged: false`
 * when IRLS fails to settle or the weighted cross-product becomes singular.
 */
export function fitPoisson(x: Float64Array, y: ArrayLike<number>, p: number, options: FitOptions = {}): PoissonFit {
  const n = y.length;
  const maxIt = options.maxIterations ?? 100;
  const tol = options.tolerance ?? 1e-11;
  const eta = new Float64Array(n);
  const mu = new Float64Array(n);
  let beta: Float64Array = new Float64Array(p);
  let haveBeta = false;
  const setFromBeta = (b: Float64Array): void => {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < p; j++) s += x[i * p + j] * b[j];
      eta[i] = s;
      mu[i] = Math.exp(s);
    }
  };
  if (options.start && options.start.length === p) {
    beta = Float64Array.from(options.start);
    haveBeta = true;
    setFromBeta(beta);
  } else {
    for (let i = 0; i < n; i++) {
      mu[i] = y[i] + 0.5;
      eta[i] = Math.log(mu[i]);
    }
  }
  let dev = devianceOf(y, mu);
  let converged = false;
  let it = 0;
  const xtwx = new Float64Array(p * p);
  const xtwz = new Float64Array(p);
  for (it = 1; it <= maxIt; it++) {
    xtwx.fill(0);
    xtwz.fill(0);
    for (let i = 0; i < n; i++) {
      const w = mu[i];
      const z = eta[i] + (y[i] - w) / w;
      const o = i * p;
      for (let a = 0; a < p; a++) {
        const xa = x[o + a];
        if (xa === 0) continue;
        xtwz[a] += w * xa * z;
        for (let b = 0; b <= a; b++) xtwx[a * p + b] += w * xa * x[o + b];
      }
    }
    for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) xtwx[b * p + a] = xtwx[a * p + b]!;
    const l = cholesky(xtwx, p);
    if (!l) break;
    const next = choleskySolve(l, p, xtwz);
    setFromBeta(next);
    let newDev = devianceOf(y, mu);
    for (let h = 0; haveBeta && h < 30 && !(Number.isFinite(newDev) && newDev <= dev * (1 + 1e-12) + 1e-9); h++) {
      for (let j = 0; j < p; j++) next[j] = 0.5 * (next[j] + beta[j]);
      setFromBeta(next);
      newDev = devianceOf(y, mu);
    }
    if (!Number.isFinite(newDev)) break;
    const change = Math.abs(newDev - dev) / (Math.abs(newDev) + 0.1);
    beta = next;
    dev = newDev;
    if (haveBeta && change < tol) {
      converged = true;
      break;
    }
    haveBeta = true;
  }
  return { beta, fitted: Float64Array.from(mu), logLik: poissonLogLik(y, mu), deviance: dev, iterations: it, converged };
}
