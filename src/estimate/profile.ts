/**
 * Profile-likelihood intervals for the population size N under a log-linear model (Cormack 1992,
 * as in Rcapture's `closedpCI.t`): for each candidate N the unobserved cell is set to N − n, the
 * model is fitted to the complete 2^k table, and the multinomial log-likelihood
 *   ℓ(N) = log N! − log (N − n)! + Σ_c y_c log(μ̂_c / N)
 * is compared with its maximum; the interval is {N : 2(ℓmax − ℓ(N)) ≤ χ²₁(level)}.
 */
import { designMatrix, fitPoisson, logGamma, parameterCount } from './glm.ts';

/** χ²₁ quantile for common levels (Wilson–Hilferty otherwise). */
export function chiSquare1Quantile(level: number): number {
  if (Math.abs(level - 0.95) < 1e-12) return 3.841458820694124;
  if (Math.abs(level - 0.9) < 1e-12) return 2.705543454095404;
  if (Math.abs(level - 0.99) < 1e-12) return 6.634896601021214;
  const z = normalQuantile(0.5 + level / 2);
  return z * z;
}

/** Standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError('normal quantile needs 0 < p < 1');
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number): number => {
    const r = Math.sqrt(-2 * Math.log(q));
    return (((((c[0] * r + c[1]) * r + c[2]) * r + c[3]) * r + c[4]) * r + c[5]) / ((((d[0] * r + d[1]) * r + d[2]) * r + d[3]) * r + 1);
  };
  let x: number;
  if (p < 0.02425) x = tail(p);
  else if (p > 1 - 0.02425) x = -tail(1 - p);
  else {
    const r = p - 0.5;
    const s = r * r;
    x = ((((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * r) / (((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1);
  }
  return x;
}

/** A profile-likelihood interval and the multinomial MLE of N it is centred on. */
export interface ProfileInterval {
  lower: number;
  upper: number | null;
  /** The N maximising the multinomial profile likelihood (close to the Poisson estimate). */
  mle: number;
}

/**
 * Profile-likelihood interval for N under the model with interaction `terms`, given the observed
 * `counts` (length 2^k, counts[0] ignored) and the Poisson estimate of the unobserved cell.
 * Returns null when the complete-table fits fail. `upper` is null when the likelihood does not
 * drop far enough below its maximum before N reaches 10^4 times the estimate.
 */
export function profileInterval(k: number, terms: readonly number[], counts: readonly number[], missingHat: number, level = 0.95): ProfileInterval | null {
  const cells = counts.map((_, c) => c);
  const p = parameterCount(k, terms);
  const x = designMatrix(k, terms, cells);
  const n = counts.reduce((s, v, c) => (c === 0 ? s : s + v), 0);
  const y = counts.map((v, c) => (c === 0 ? 0 : v));
  let warm: Float64Array | undefined;
  let failed = false;
  const ell = (z: number): number => {
    y[0] = z;
    const fit = fitPoisson(x, y, p, warm ? { start: warm } : {});
    if (!fit.converged) {
      failed = true;
      return Number.NaN;
    }
    warm = fit.beta;
    const total = n + z;
    let s = logGamma(total + 1) - logGamma(z + 1);
    for (let c = 0; c < y.length; c++) if (y[c] > 0) s += y[c] * Math.log(fit.fitted[c] / total);
    return s;
  };
  // Maximise over t = log(1 + z) by golden-section search around the Poisson estimate.
  const t0 = Math.log1p(Math.max(0, missingHat));
  let lo = Math.max(0, t0 - 1.5);
  let hi = t0 + 1.5;
  const g = (Math.sqrt(5) - 1) / 2;
  let c1 = hi - g * (hi - lo);
  let c2 = lo + g * (hi - lo);
  let f1 = ell(Math.expm1(c1));
  let f2 = ell(Math.expm1(c2));
  for (let i = 0; i < 60 && hi - lo > 1e-9; i++) {
    if (f1 > f2) {
      hi = c2;
      c2 = c1;
      f2 = f1;
      c1 = hi - g * (hi - lo);
      f1 = ell(Math.expm1(c1));
    } else {
      lo = c1;
      c1 = c2;
      f1 = f2;
      c2 = lo + g * (hi - lo);
      f2 = ell(Math.expm1(c2));
    }
  }
  if (failed) return null;
  const tHat = (lo + hi) / 2;
  const zHat = Math.expm1(tHat);
  const lMax = ell(zHat);
  const cut = lMax - chiSquare1Quantile(level) / 2;
  const below = (z: number): boolean => ell(z) < cut;
  const bisect = (a: number, b: number): number => {
    // a is inside the interval, b outside; work on log(1 + z).
    let ta = Math.log1p(a);
    let tb = Math.log1p(b);
    for (let i = 0; i < 60 && Math.abs(Math.expm1(tb) - Math.expm1(ta)) > 1e-3; i++) {
      const m = (ta + tb) / 2;
      if (below(Math.expm1(m))) tb = m;
      else ta = m;
    }
    return Math.expm1((ta + tb) / 2);
  };
  const lowerZ = below(0) ? bisect(zHat, 0) : 0;
  let upperZ: number | null = null;
  let probe = Math.max(2 * zHat, zHat + 10);
  const cap = 1e4 * (n + zHat);
  let inside = zHat;
  while (probe <= cap && !failed) {
    if (below(probe)) {
      upperZ = bisect(inside, probe);
      break;
    }
    inside = probe;
    probe *= 2;
  }
  if (failed) return null;
  return { lower: n + lowerZ, upper: upperZ === null ? null : n + upperZ, mle: n + zHat };
}
