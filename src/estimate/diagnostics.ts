/**
 * MCMC convergence diagnostics: effective sample size (Geyer's initial monotone positive
 * sequence), Geweke's z (first 10% against last 50% of a chain) and split R-hat across chains
 * (Gelman et al., Bayesian Data Analysis, 3rd ed., §11.4).
 */

function mean(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
}

function variance(x: ArrayLike<number>, m = mean(x)): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] - m) ** 2;
  return x.length > 1 ? s / (x.length - 1) : 0;
}

/**
 * Effective sample size of one chain by Geyer's (1992) initial monotone positive sequence
 * estimator. A constant chain has ESS equal to its length.
 */
export function effectiveSampleSize(x: ArrayLike<number>): number {
  const n = x.length;
  if (n < 4) return n;
  const m = mean(x);
  let c0 = 0;
  for (let i = 0; i < n; i++) c0 += (x[i] - m) ** 2;
  c0 /= n;
  if (!(c0 > 0)) return n;
  const acf = (lag: number): number => {
    let s = 0;
    for (let i = 0; i + lag < n; i++) s += (x[i] - m) * (x[i + lag] - m);
    return s / n / c0;
  };
  let sum = 0;
  let prevPair = Number.POSITIVE_INFINITY;
  for (let t = 0; 2 * t + 1 < n; t++) {
    let pair = acf(2 * t) + acf(2 * t + 1);
    if (pair <= 0) break;
    if (pair > prevPair) pair = prevPair;
    prevPair = pair;
    sum += pair;
  }
  const tau = Math.max(-1 + 2 * sum, 1 / Math.log10(Math.max(n, 10)));
  return Math.min(n * Math.log10(n), n / tau);
}

/**
 * Geweke's convergence z-score: difference of the means of the first `first` and last `last`
 * fractions of the chain over its standard error (each variance from the ESS). |z| > 2 suggests
 * the chain had not settled.
 */
export function gewekeZ(x: ArrayLike<number>, first = 0.1, last = 0.5): number {
  const n = x.length;
  const a = Array.from({ length: Math.floor(first * n) }, (_, i) => x[i]);
  const b = Array.from({ length: Math.floor(last * n) }, (_, i) => x[n - Math.floor(last * n) + i]);
  if (a.length < 4 || b.length < 4) return Number.NaN;
  const va = variance(a) / effectiveSampleSize(a);
  const vb = variance(b) / effectiveSampleSize(b);
  const d = mean(a) - mean(b);
  if (!(va + vb > 0)) return d === 0 ? 0 : Number.POSITIVE_INFINITY;
  return d / Math.sqrt(va + vb);
}

/** Split R-hat over two or more chains of equal length (each chain is cut in halves). */
export function splitRhat(chains: ReadonlyArray<ArrayLike<number>>): number {
  const halves: number[][] = [];
  for (const c of chains) {
    const h = Math.floor(c.length / 2);
    halves.push(Array.from({ length: h }, (_, i) => c[i]));
    halves.push(Array.from({ length: h }, (_, i) => c[c.length - h + i]));
  }
  const n = halves[0]?.length ?? 0;
  if (halves.length < 2 || n < 2) return Number.NaN;
  const means = halves.map((h) => mean(h));
  const grand = mean(means);
  const b = (n / (means.length - 1)) * means.reduce((s, m) => s + (m - grand) ** 2, 0);
  const w = mean(halves.map((h, i) => variance(h, means[i])));
  if (!(w > 0)) return b > 0 ? Number.POSITIVE_INFINITY : 1;
  const varPlus = ((n - 1) / n) * w + b / n;
  return Math.sqrt(varPlus / w);
}

/** Quantile of sorted values by linear interpolation (type 7, as R's default). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
