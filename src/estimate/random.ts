/**
 * Seeded pseudo-random numbers for the estimators: xoshiro128** (Blackman & Vigna) seeded through
 * splitmix32, plus exact samplers for the distributions the Gibbs sampler needs (normal, gamma,
 * beta, binomial, Poisson, negative binomial, multinomial). Same seed, same stream, on every
 * platform: only 32-bit integer arithmetic and IEEE doubles are used.
 */

/** A seeded random stream. */
export interface Random {
  /** A uniform double in the open interval (0, 1) with 53 random bits. */
  uniform(): number;
  /** An unsigned 32-bit integer. */
  nextUint32(): number;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * xoshiro128** seeded from a 32-bit integer (any number; it is reduced modulo 2^32) and an
 * optional stream number, so that chains with the same seed but different streams are independent.
 *
 * @example
 *   const rng = createRandom(42); rng.uniform(); // 0 < u < 1, reproducible
 */
export function createRandom(seed: number, stream = 0): Random {
  const sm = splitmix32((Math.trunc(seed) ^ Math.imul(stream + 1, 0x632be5ab)) >>> 0);
  let a = sm();
  let b = sm();
  let c = sm();
  let d = sm();
  if ((a | b | c | d) === 0) a = 1;
  const next = (): number => {
    const t = b << 9;
    let r = Math.imul(b, 5);
    r = Math.imul((r << 7) | (r >>> 25), 9);
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = (d << 11) | (d >>> 21);
    return r >>> 0;
  };
  return {
    nextUint32: next,
    uniform() {
      // 53 bits: 27 high + 26 low, then shift into (0, 1).
      const hi = next() >>> 5;
      const lo = next() >>> 6;
      return (hi * 67108864 + lo + 0.5) / 9007199254740992;
    },
  };
}

/** A standard normal draw (Marsaglia polar method on 32-bit uniforms). */
export function normal(rng: Random): number {
  for (;;) {
    const u = (rng.nextUint32() + 0.5) / 2147483648 - 1;
    const v = (rng.nextUint32() + 0.5) / 2147483648 - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/** A Gamma(shape, 1) draw (Marsaglia & Tsang 2000; shape < 1 by the boosting trick). */
export function gamma(rng: Random, shape: number): number {
  if (!(shape > 0)) throw new RangeError(`gamma shape must be positive, got ${shape}`);
  if (shape < 1) {
    const g = gamma(rng, shape + 1);
    return g * Math.pow(rng.uniform(), 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.uniform();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** A Beta(a, b) draw via two gamma draws; never exactly 0 or 1. */
export function beta(rng: Random, a: number, b: number): number {
  const x = gamma(rng, a);
  const y = gamma(rng, b);
  const r = x / (x + y);
  if (r > 0 && r < 1) return r;
  return r <= 0 || Number.isNaN(r) ? Number.MIN_VALUE : 1 - Number.EPSILON;
}

/** Binomial by inversion; fine when n·p is small. */
function binomialInversion(rng: Random, n: number, p: number): number {
  const q = 1 - p;
  const s = p / q;
  let f = Math.pow(q, n);
  let u = rng.uniform();
  let k = 0;
  while (u > f && k < n) {
    u -= f;
    f *= (s * (n - k)) / (k + 1);
    k++;
  }
  return k;
}

const STIRLING_TAIL = [
  0.0810614667953272, 0.0413406959554092, 0.0276779256849983, 0.02079067210376509, 0.0166446911898211, 0.0138761288230707,
  0.0118967099458917, 0.010411265261972, 0.00925546218271273, 0.00833056343336287,
];

/** log k! − [log √(2π) + (k + ½) log(k + 1) − (k + 1)]. */
function stirlingTail(k: number): number {
  if (k <= 9) return STIRLING_TAIL[k];
  const kp1sq = (k + 1) * (k + 1);
  return (1 / 12 - (1 / 360 - 1 / 1260 / kp1sq) / kp1sq) / (k + 1);
}

/** Hörmann's (1993) BTRS transformed rejection with squeeze; needs n·p ≥ 10 and p ≤ ½. */
function binomialBtrs(rng: Random, n: number, p: number): number {
  const spq = Math.sqrt(n * p * (1 - p));
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const r = p / (1 - p);
  const alpha = (2.83 + 5.1 / b) * spq;
  const m = Math.floor((n + 1) * p);
  for (;;) {
    const u = rng.uniform() - 0.5;
    let v = rng.uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    const bound =
      (m + 0.5) * Math.log((m + 1) / (r * (n - m + 1))) +
      (n + 1) * Math.log((n - m + 1) / (n - k + 1)) +
      (k + 0.5) * Math.log((r * (n - k + 1)) / (k + 1)) +
      stirlingTail(m) + stirlingTail(n - m) - stirlingTail(k) - stirlingTail(n - k);
    if (v <= bound) return k;
  }
}

/**
 * An exact Binomial(n, p) draw: inversion when n·min(p, 1−p) < 10, otherwise Hörmann's BTRS
 * rejection sampler (constant expected time).
 */
export function binomial(rng: Random, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(rng, n, 1 - p);
  if (n * p < 10) return binomialInversion(rng, n, p);
  return binomialBtrs(rng, n, p);
}

/** An exact Poisson(mu) draw: gamma-splitting for large means (Knuth 3.4.1), multiplication below. */
export function poisson(rng: Random, mu: number): number {
  if (!(mu > 0)) return 0;
  if (!Number.isFinite(mu)) throw new RangeError('poisson mean must be finite');
  let k = 0;
  let m = mu;
  while (m > 16) {
    const j = Math.floor(0.875 * m);
    const x = gamma(rng, j);
    if (x < m) {
      k += j;
      m -= x;
    } else {
      return k + binomial(rng, j - 1, m / x);
    }
  }
  const limit = Math.exp(-m);
  let prod = rng.uniform();
  while (prod > limit) {
    k++;
    prod *= rng.uniform();
  }
  return k;
}

/**
 * A negative-binomial draw: the number of failures before `size` successes with success
 * probability `p` (mean size·(1−p)/p), as a gamma–Poisson mixture.
 */
export function negativeBinomial(rng: Random, size: number, p: number): number {
  if (p >= 1) return 0;
  if (!(p > 0)) throw new RangeError('negative binomial success probability must be positive');
  return poisson(rng, gamma(rng, size) * ((1 - p) / p));
}

/**
 * Multinomial(n, weights) by sequential conditional binomials; `weights` need not sum to 1.
 * Adds the draw into `out` (so callers can accumulate) and returns it.
 */
export function multinomialInto<T extends Float64Array | number[]>(rng: Random, n: number, weights: ArrayLike<number>, out: T): T {
  let left = n;
  let mass = 0;
  for (let i = 0; i < weights.length; i++) mass += weights[i];
  for (let i = 0; i < weights.length - 1 && left > 0; i++) {
    const w = weights[i];
    const x = mass > 0 ? binomial(rng, left, Math.min(1, w / mass)) : 0;
    out[i] = (out[i] ?? 0) + x;
    left -= x;
    mass -= w;
  }
  if (left > 0) out[weights.length - 1] = (out[weights.length - 1] ?? 0) + left;
  return out;
}
