/**
 * Bayesian latent-class population size estimation with a Dirichlet-process prior (LCMCR,
 * Manrique-Vallier 2016, "Bayesian population size estimation using Dirichlet process mixtures",
 * Biometrics 72:1246–1254), written from the paper.
 *
 * Model: N individuals, each in latent class z ∈ 1..K* (truncated stick-breaking, weights
 * π_h = V_h Π_{g<h}(1 − V_g), V_h ~ Beta(1, α), α ~ Gamma(a, b)); given its class an individual
 * is on list j independently with probability λ_jh ~ Beta(1, 1). Prior p(N) ∝ 1/N. The N − n
 * unobserved individuals are augmented; the Gibbs scan is:
 *   1. classes of observed individuals, drawn per capture pattern as a multinomial count;
 *   2. classes of the N − n unobserved (all-zero) individuals, likewise;
 *   3. λ_jh | classes ~ Beta(1 + on-list, 1 + off-list);
 *   4. V_h | classes ~ Beta(1 + n_h, α + Σ_{g>h} n_g), V_K* = 1;
 *   5. α ~ Gamma(a + K* − 1, b − Σ_{h<K*} log(1 − V_h));
 *   6. N − n ~ NegativeBinomial(n, 1 − π₀) with π₀ = Σ_h π_h Π_j (1 − λ_jh), the probability of
 *      being on no list (the 1/N prior makes this step exact).
 * Drawing class counts per pattern is the same distribution as drawing each individual's class,
 * and makes an iteration cost O(2^k · K*) instead of O(N · K*).
 */
import { beta, createRandom, gamma, multinomialInto, negativeBinomial, type Random } from './random.ts';
import { effectiveSampleSize, gewekeZ, quantileSorted, splitRhat } from './diagnostics.ts';
import { documentedCount, type Interval } from './schema.ts';

/** Sampler settings. */
export interface LcmcrOptions {
  /** Seed of the first chain; chain c uses stream c of the same seed. Default 1. */
  seed?: number;
  /** Gibbs iterations per chain after burn-in (before thinning). Default 40,000. */
  iterations?: number;
  /** Iterations discarded at the start of each chain. Default 10,000. */
  burnIn?: number;
  /** Keep every `thin`-th iteration. Default 20. */
  thin?: number;
  /** Number of chains, each from its own random start. Default 3. */
  chains?: number;
  /** Truncation level K* of the stick-breaking prior. Default 10. */
  classes?: number;
  /** Gamma(shape, rate) prior of the concentration α. Default (0.25, 0.25). */
  alphaShape?: number;
  alphaRate?: number;
}

/** The settings actually used, all defaults filled in. */
export type LcmcrSettings = Required<LcmcrOptions>;

/** Fills in the defaults. */
export function lcmcrSettings(options: LcmcrOptions = {}): LcmcrSettings {
  return {
    seed: options.seed ?? 1,
    iterations: options.iterations ?? 40_000,
    burnIn: options.burnIn ?? 10_000,
    thin: options.thin ?? 20,
    chains: options.chains ?? 3,
    classes: options.classes ?? 10,
    alphaShape: options.alphaShape ?? 0.25,
    alphaRate: options.alphaRate ?? 0.25,
  };
}

/** Kept draws of one chain. */
export interface LcmcrChain {
  /** Population size N at each kept iteration. */
  n: Float64Array;
  alpha: Float64Array;
  /** Number of latent classes holding at least one individual. */
  occupied: Float64Array;
}

/**
 * Runs one Gibbs chain on capture counts (length 2^k, counts[0] ignored) for k lists.
 * Reproducible for a given seed and stream.
 */
export function runLcmcrChain(counts: readonly number[], k: number, settings: LcmcrSettings, stream: number): LcmcrChain {
  const rng: Random = createRandom(settings.seed, stream);
  const K = settings.classes;
  const nObs = documentedCount(counts);
  if (nObs <= 0) throw new Error('LCMCR needs at least one documented individual');
  const patterns: number[] = [];
  for (let c = 1; c < counts.length; c++) if (counts[c] > 0) patterns.push(c);

  const lambda = new Float64Array(K * k);
  const pi = new Float64Array(K);
  const v = new Float64Array(K);
  const w = new Float64Array(K);
  const draw = new Float64Array(K);
  const nk = new Float64Array(K);
  const sk = new Float64Array(K * k);
  // Over-dispersed random start: λ uniform, π from the prior with α = 1, N − n up to 2n.
  for (let i = 0; i < K * k; i++) lambda[i] = rng.uniform();
  let alpha = 1;
  let rest = 1;
  for (let h = 0; h < K; h++) {
    v[h] = h === K - 1 ? 1 : beta(rng, 1, alpha);
    pi[h] = rest * v[h];
    rest *= 1 - v[h];
  }
  let n0 = Math.floor(rng.uniform() * 2 * nObs);

  const total = settings.burnIn + settings.iterations;
  const kept = Math.floor(settings.iterations / settings.thin);
  const out: LcmcrChain = { n: new Float64Array(kept), alpha: new Float64Array(kept), occupied: new Float64Array(kept) };
  let slot = 0;
  for (let it = 0; it < total; it++) {
    nk.fill(0);
    sk.fill(0);
    // 1. observed individuals, by capture pattern
    for (const c of patterns) {
      for (let h = 0; h < K; h++) {
        let p = pi[h];
        for (let j = 0; j < k; j++) p *= (c >> j) & 1 ? lambda[h * k + j] : 1 - lambda[h * k + j];
        w[h] = p;
      }
      draw.fill(0);
      multinomialInto(rng, counts[c], w, draw);
      for (let h = 0; h < K; h++) {
        const d = draw[h];
        if (d === 0) continue;
        nk[h] += d;
        for (let j = 0; j < k; j++) if ((c >> j) & 1) sk[h * k + j] += d;
      }
    }
    // 2. unobserved individuals (on no list)
    if (n0 > 0) {
      for (let h = 0; h < K; h++) {
        let p = pi[h];
        for (let j = 0; j < k; j++) p *= 1 - lambda[h * k + j];
        w[h] = p;
      }
      multinomialInto(rng, n0, w, nk);
    }
    // 3. list-inclusion probabilities
    for (let h = 0; h < K; h++) {
      for (let j = 0; j < k; j++) {
        const on = sk[h * k + j];
        lambda[h * k + j] = beta(rng, 1 + on, 1 + nk[h] - on);
      }
    }
    // 4. stick-breaking weights
    let tail = 0;
    for (let h = 0; h < K; h++) tail += nk[h];
    rest = 1;
    let logRest = 0;
    for (let h = 0; h < K; h++) {
      tail -= nk[h];
      v[h] = h === K - 1 ? 1 : beta(rng, 1 + nk[h], alpha + tail);
      pi[h] = rest * v[h];
      rest *= 1 - v[h];
      if (h < K - 1) logRest += Math.log1p(-v[h]);
    }
    // 5. concentration
    alpha = gamma(rng, settings.alphaShape + K - 1) / (settings.alphaRate - logRest);
    if (!(alpha > 1e-300)) alpha = 1e-300;
    // 6. population size, with the unobserved classes marginalised out
    let pi0 = 0;
    for (let h = 0; h < K; h++) {
      let p = pi[h];
      for (let j = 0; j < k; j++) p *= 1 - lambda[h * k + j];
      pi0 += p;
    }
    n0 = negativeBinomial(rng, nObs, Math.max(1e-300, 1 - pi0));
    if (it >= settings.burnIn && (it - settings.burnIn + 1) % settings.thin === 0 && slot < kept) {
      out.n[slot] = nObs + n0;
      out.alpha[slot] = alpha;
      let occ = 0;
      for (let h = 0; h < K; h++) if (nk[h] > 0) occ++;
      out.occupied[slot] = occ;
      slot++;
    }
  }
  return out;
}

/** Convergence diagnostics for N across chains. */
export interface LcmcrDiagnostics {
  /** Split R-hat of N across chains (null with one chain). */
  rhat: number | null;
  /** Effective sample size of N, summed over chains. */
  ess: number;
  /** Geweke z of N for each chain (first 10% against last 50% of kept draws). */
  geweke: number[];
  /** R-hat < 1.05, ESS ≥ 200 and every |Geweke z| < 3. */
  converged: boolean;
  warnings: string[];
}

/** Posterior summary of N for one stratum. */
export interface LcmcrResult {
  documented: number;
  mean: number;
  median: number;
  /** Equal-tailed credible interval. */
  interval: Interval;
  /** Posterior mean of the number of occupied latent classes. */
  occupiedClasses: number;
  diagnostics: LcmcrDiagnostics;
  settings: LcmcrSettings;
  /** Kept draws of N, chains concatenated in order (for totals over strata). */
  draws: Float64Array;
  seconds: number;
}

/**
 * Runs `chains` LCMCR chains (chain c: stream `streamBase + c` of `seed`) on one stratum's counts and summarises
 * the posterior of N: mean, median, equal-tailed credible interval, diagnostics.
 *
 * @example
 *   const r = estimateLcmcr(stratum.counts, table.lists.length, { seed: 7 });
 *   r.median; r.interval; r.diagnostics.rhat;
 */
export function estimateLcmcr(counts: readonly number[], k: number, options: LcmcrOptions = {}, level = 0.95, streamBase = 0): LcmcrResult {
  const settings = lcmcrSettings(options);
  for (const key of ['iterations', 'thin', 'chains', 'classes'] as const) {
    if (!(Number.isInteger(settings[key]) && settings[key] >= 1)) throw new RangeError(`LCMCR ${key} must be a whole number ≥ 1`);
  }
  if (!(Number.isInteger(settings.burnIn) && settings.burnIn >= 0)) throw new RangeError('LCMCR burnIn must be a whole number ≥ 0');
  if (settings.iterations / settings.thin < 10) throw new RangeError('LCMCR needs at least 10 kept draws per chain (iterations / thin)');
  const t0 = performance.now();
  const chains = Array.from({ length: settings.chains }, (_, c) => runLcmcrChain(counts, k, settings, streamBase + c));
  const seconds = (performance.now() - t0) / 1000;
  const draws = new Float64Array(chains.reduce((s, c) => s + c.n.length, 0));
  let o = 0;
  for (const c of chains) {
    draws.set(c.n, o);
    o += c.n.length;
  }
  const sorted = Float64Array.from(draws).sort();
  const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
  const occupied = chains.reduce((s, c) => s + c.occupied.reduce((a, b) => a + b, 0), 0) / draws.length;
  const rhat = chains.length > 1 ? splitRhat(chains.map((c) => c.n)) : null;
  const ess = chains.reduce((s, c) => s + effectiveSampleSize(c.n), 0);
  const geweke = chains.map((c) => gewekeZ(c.n));
  const warnings: string[] = [];
  if (rhat !== null && !(rhat < 1.05)) warnings.push(`R-hat of N is ${rhat.toFixed(3)} (≥ 1.05): chains disagree; run more iterations`);
  if (ess < 200) warnings.push(`effective sample size of N is ${Math.round(ess)} (< 200): run more iterations`);
  geweke.forEach((z, c) => {
    if (!(Math.abs(z) < 3)) warnings.push(`chain ${c + 1}: Geweke z of N is ${z.toFixed(2)} (|z| ≥ 3): longer burn-in needed`);
  });
  const converged = warnings.length === 0;
  if (!counts.some((v, c) => v > 0 && (c & (c - 1)) !== 0)) warnings.push('nobody is on two or more lists: the data say nothing about the overlap and the estimate reflects the prior');
  const tail = (1 - level) / 2;
  return {
    documented: documentedCount(counts),
    mean,
    median: quantileSorted(sorted, 0.5),
    interval: { lower: quantileSorted(sorted, tail), upper: quantileSorted(sorted, 1 - tail), level, method: 'posterior-quantiles' },
    occupiedClasses: occupied,
    diagnostics: { rhat, ess, geweke, converged, warnings },
    settings,
    draws,
    seconds,
  };
}
