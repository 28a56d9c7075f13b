/**
 * Log-linear multiple systems estimation: Poisson GLMs over the 2^k − 1 observed cells of a
 * capture-history table; the unobserved cell is exp(intercept) and N̂ = documented + exp(intercept).
 *
 * Model space: hierarchical models with all main effects plus any set of two-way interactions and,
 * optionally (`threeWay`) for k = 4, three-way interactions whose two-way margins are all present
 * (never the k-way term, which the data cannot identify). Exhaustive for k ≤ 4, greedy stepwise (add or drop one two-way
 * term at a time) for k = 5, 6. Each model gets a profile-likelihood 95% interval.
 */
import { bitCount, designMatrix, fitPoisson, parameterCount } from './glm.ts';
import { profileInterval } from './profile.ts';
import { documentedCount, type Interval } from './schema.ts';

/** Why a model's estimate is not used. */
export type FitStatus = 'ok' | 'diverged';

/** One fitted log-linear model. */
export interface LogLinearFit {
  /** Interaction terms as list bitmasks. */
  terms: number[];
  /** e.g. `independence` or `exh:aba + osce:hrw`. */
  name: string;
  parameters: number;
  /**
   * `diverged`: IRLS did not converge, a coefficient ran off towards ±∞ (|β| > 30: an empty cell
   * on the boundary), or the unobserved cell is not finite or exceeds 1,000 per documented
   * individual. Such models are left out of selection and averaging.
   */
  status: FitStatus;
  /** Estimated unobserved cell, exp(intercept); null when diverged. */
  missing: number | null;
  /** N̂ = documented + missing; null when diverged. */
  estimate: number | null;
  logLik: number;
  aic: number;
  bic: number;
  /** Likelihood-ratio statistic against the saturated model on the observed cells, and its df. */
  deviance: number;
  df: number;
  /** Profile-likelihood interval; null when diverged, when the profile fits fail, or (stepwise search) for models with AIC and BIC weight below 1e-6, whose intervals are not computed. */
  interval: Interval | null;
}

/** Selection and averaging over the model space for one table. */
export interface LogLinearResult {
  lists: string[];
  documented: number;
  /** `exhaustive` for k ≤ 4, `stepwise` (models visited by the AIC and BIC searches) for k ≥ 5. */
  search: 'exhaustive' | 'stepwise';
  models: LogLinearFit[];
  independence: LogLinearFit;
  bestAic: LogLinearFit;
  bestBic: LogLinearFit;
  aicAverage: AveragedEstimate;
  bicAverage: AveragedEstimate;
  /** Models flagged as diverged. */
  diverged: number;
}

/** A model-averaged estimate with Buckland et al. (1997) unconditional interval. */
export interface AveragedEstimate {
  estimate: number;
  interval: Interval | null;
  /** Models with weight ≥ 0.01, largest first. */
  weights: Array<{ name: string; weight: number; estimate: number }>;
}

/** Options for {@link fitLogLinear} and {@link estimateLogLinear}. */
export interface LogLinearOptions {
  /** Allow three-way terms when k = 4 (default false: two-way models only). */
  threeWay?: boolean;
  /** Interval level (default 0.95). */
  level?: number;
  /** Skip the profile-likelihood intervals (faster; used by simulations that need only one model's interval). */
  intervals?: boolean;
}

/** Human name of a model, e.g. `exh:aba + osce:hrw`. */
export function modelName(terms: readonly number[], lists: readonly string[]): string {
  if (terms.length === 0) return 'independence';
  return terms.map((t) => lists.filter((_, j) => (t >> j) & 1).join(':')).join(' + ');
}

const DIVERGENT_COEFFICIENT = 30;
/** More undocumented than this many per documented individual is taken as an estimate running off to infinity. */
const DIVERGENT_RATIO = 1000;

/** Fits one log-linear model (terms as list bitmasks) to the counts of one stratum. */
export function fitLogLinear(counts: readonly number[], lists: readonly string[], terms: readonly number[], options: LogLinearOptions = {}): LogLinearFit {
  const k = lists.length;
  const cells: number[] = [];
  for (let c = 1; c < 1 << k; c++) cells.push(c);
  const y = cells.map((c) => counts[c] ?? 0);
  const p = parameterCount(k, terms);
  const fit = fitPoisson(designMatrix(k, terms, cells), y, p);
  const n = documentedCount(counts);
  const missing = Math.exp(fit.beta[0]);
  const runaway = fit.beta.some((b) => !(Math.abs(b) < DIVERGENT_COEFFICIENT));
  const ok = fit.converged && !runaway && Number.isFinite(missing) && missing <= DIVERGENT_RATIO * Math.max(n, 1);
  const base = {
    terms: [...terms],
    name: modelName(terms, lists),
    parameters: p,
    logLik: fit.logLik,
    aic: -2 * fit.logLik + 2 * p,
    bic: -2 * fit.logLik + p * Math.log(Math.max(n, 1)),
    deviance: fit.deviance,
    df: cells.length - p,
  };
  if (!ok) return { ...base, status: 'diverged', missing: null, estimate: null, interval: null };
  const fitted: LogLinearFit = { ...base, status: 'ok', missing, estimate: n + missing, interval: null };
  return options.intervals === false ? fitted : addInterval(fitted, counts, k, options.level ?? 0.95);
}

/** Adds the profile-likelihood interval to a converged fit (kept null when the profile fits fail). */
function addInterval(fit: LogLinearFit, counts: readonly number[], k: number, level: number): LogLinearFit {
  if (fit.status !== 'ok' || fit.interval) return fit;
  const pi = profileInterval(k, fit.terms, counts, fit.missing!, level);
  if (!pi) return fit;
  const est = fit.estimate!;
  return { ...fit, interval: { lower: Math.min(pi.lower, est), upper: pi.upper === null ? null : Math.max(pi.upper, est), level, method: 'profile-likelihood' } };
}

/** Every hierarchical model of the exhaustive space for k lists (k ≤ 4), as term lists. */
export function exhaustiveModels(k: number, threeWay = false): number[][] {
  const pairs: number[] = [];
  const triples: number[] = [];
  for (let t = 1; t < 1 << k; t++) {
    if (bitCount(t) === 2) pairs.push(t);
    else if (bitCount(t) === 3 && threeWay && k === 4) triples.push(t);
  }
  const out: number[][] = [];
  for (let ps = 0; ps < 1 << pairs.length; ps++) {
    const chosen = pairs.filter((_, i) => (ps >> i) & 1);
    const have = new Set(chosen);
    const allowed = triples.filter((t) => pairs.every((q) => (q & t) !== q || have.has(q)));
    for (let ts = 0; ts < 1 << allowed.length; ts++) out.push([...chosen, ...allowed.filter((_, i) => (ts >> i) & 1)]);
  }
  return out;
}

function stepwise(counts: readonly number[], lists: readonly string[], criterion: 'aic' | 'bic', cache: Map<string, LogLinearFit>, options: LogLinearOptions): void {
  const k = lists.length;
  const pairs: number[] = [];
  for (let t = 1; t < 1 << k; t++) if (bitCount(t) === 2) pairs.push(t);
  const get = (terms: number[]): LogLinearFit => {
    const sorted = [...terms].sort((a, b) => a - b);
    const key = sorted.join(',');
    let f = cache.get(key);
    if (!f) {
      f = fitLogLinear(counts, lists, sorted, { ...options, intervals: false });
      cache.set(key, f);
    }
    return f;
  };
  const score = (f: LogLinearFit): number => (f.status === 'ok' ? f[criterion] : Number.POSITIVE_INFINITY);
  let current = get([]);
  for (let step = 0; step < 4 * pairs.length; step++) {
    const neighbours = pairs.map((q) => (current.terms.includes(q) ? current.terms.filter((t) => t !== q) : [...current.terms, q]));
    let best = current;
    for (const terms of neighbours) {
      const f = get(terms);
      if (score(f) < score(best) - 1e-9) best = f;
    }
    if (best === current) break;
    current = best;
  }
}

function average(models: LogLinearFit[], criterion: 'aic' | 'bic', documented: number, level: number): AveragedEstimate {
  const ok = models.filter((m) => m.status === 'ok');
  const minScore = Math.min(...ok.map((m) => m[criterion]));
  const raw = ok.map((m) => Math.exp(-(m[criterion] - minScore) / 2));
  const total = raw.reduce((s, w) => s + w, 0);
  const w = raw.map((v) => v / total);
  const est = ok.reduce((s, m, i) => s + w[i] * m.estimate!, 0);
  // Buckland et al. (1997): SE = Σ w_m sqrt(var_m + (N_m − N̄)²), with var_m from each profile
  // interval's width; models with weight below 1e-6 are left out of the variance.
  const z = 1.959963984540054;
  let se = 0;
  let mass = 0;
  let unbounded = false;
  ok.forEach((m, i) => {
    if (w[i] < 1e-6) return;
    if (!m.interval || m.interval.upper === null) {
      unbounded = true;
      return;
    }
    const sd = (m.interval.upper - m.interval.lower) / (2 * z);
    se += w[i] * Math.sqrt(sd * sd + (m.estimate! - est) ** 2);
    mass += w[i];
  });
  const interval: Interval | null = unbounded || mass === 0
    ? null
    : { lower: Math.max(documented, est - z * (se / mass)), upper: est + z * (se / mass), level, method: 'buckland-model-averaged' };
  const weights = ok
    .map((m, i) => ({ name: m.name, weight: w[i], estimate: m.estimate! }))
    .filter((x) => x.weight >= 0.01)
    .sort((a, b) => b.weight - a.weight);
  return { estimate: est, interval, weights };
}

/** True when some individual is on two or more lists. */
export function hasOverlap(counts: readonly number[]): boolean {
  return counts.some((v, c) => v > 0 && bitCount(c) >= 2);
}

/**
 * Fits the model space to one stratum's counts, selects by AIC and BIC, and averages with AIC
 * and BIC weights. Throws when no model converges (e.g. almost every cell empty).
 *
 * @example
 *   const r = estimateLogLinear(stratum.counts, table.lists);
 *   r.bestAic.estimate; r.bestAic.interval; r.aicAverage.estimate;
 */
export function estimateLogLinear(counts: readonly number[], lists: readonly string[], options: LogLinearOptions = {}): LogLinearResult {
  const k = lists.length;
  const documented = documentedCount(counts);
  const level = options.level ?? 0.95;
  if (!hasOverlap(counts)) throw new Error('nobody is on two or more lists, so the lists\' overlap (what MSE estimates from) is empty');
  let models: LogLinearFit[];
  let search: LogLinearResult['search'];
  if (k <= 4) {
    search = 'exhaustive';
    models = exhaustiveModels(k, options.threeWay ?? false).map((terms) => fitLogLinear(counts, lists, terms, options));
  } else {
    search = 'stepwise';
    const cache = new Map<string, LogLinearFit>();
    stepwise(counts, lists, 'aic', cache, options);
    stepwise(counts, lists, 'bic', cache, options);
    models = [...cache.values()];
  }
  const ok = models.filter((m) => m.status === 'ok');
  if (ok.length === 0) {
    const empty = lists.filter((_, j) => counts.every((v, c) => !((c >> j) & 1) || v === 0));
    throw new Error(
      empty.length
        ? `no log-linear model can be fitted: list${empty.length > 1 ? 's' : ''} ${empty.join(', ')} document${empty.length > 1 ? '' : 's'} nobody here; leave ${empty.length > 1 ? 'them' : 'it'} out`
        : 'no log-linear model converged for this table (too many empty cells)',
    );
  }
  if (search === 'stepwise' && options.intervals !== false) {
    // Profile intervals only where they are used: models with weight ≥ 1e-6 under AIC or BIC.
    const needed = new Set<LogLinearFit>();
    for (const c of ['aic', 'bic'] as const) {
      const min = Math.min(...ok.map((m) => m[c]));
      for (const m of ok) if (m[c] - min < 2 * Math.log(1e6)) needed.add(m);
    }
    models = models.map((m) => (needed.has(m) || m.terms.length === 0 ? addInterval(m, counts, k, level) : m));
  }
  const independence = models.find((m) => m.terms.length === 0)!;
  const okFinal = models.filter((m) => m.status === 'ok');
  const best = (c: 'aic' | 'bic'): LogLinearFit => okFinal.reduce((a, b) => (b[c] < a[c] ? b : a));
  return {
    lists: [...lists],
    documented,
    search,
    models,
    independence,
    bestAic: best('aic'),
    bestBic: best('bic'),
    aicAverage: average(models, 'aic', documented, level),
    bicAverage: average(models, 'bic', documented, level),
    diverged: models.length - ok.length,
  };
}
