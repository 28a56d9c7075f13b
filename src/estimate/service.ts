/**
 * Multiple systems estimation of one capture table, stratum by stratum, by log-linear models or
 * LCMCR. Each stratum keeps its documented count, its estimate and its interval apart; a stratum
 * that cannot be estimated gets `estimate: null` and a reason instead of stopping the others.
 */
import { quantileSorted } from './diagnostics.ts';
import { estimateLcmcr, type LcmcrOptions, type LcmcrResult } from './lcmcr.ts';
import { estimateLogLinear, type LogLinearFit, type LogLinearResult } from './loglinear.ts';
import { documentedCount, type CaptureTable, type Interval } from './schema.ts';

/** Estimation methods. */
export const MSE_METHODS = ['loglinear', 'lcmcr'] as const;
export type MseMethod = (typeof MSE_METHODS)[number];

/** Options for {@link estimateMse}. */
export interface MseOptions {
  method: MseMethod;
  /** LCMCR seed (default 1). */
  seed?: number;
  /** LCMCR iterations per chain after burn-in. */
  iterations?: number;
  /** LCMCR burn-in, thinning, chains, classes, priors. */
  lcmcr?: Omit<LcmcrOptions, 'seed' | 'iterations'>;
  /** Log-linear: allow three-way terms for k = 4. */
  threeWay?: boolean;
  /** Interval level, default 0.95. */
  level?: number;
}

/** One fitted log-linear model, as reported. */
export interface ModelSummary {
  name: string;
  parameters: number;
  status: LogLinearFit['status'];
  estimate: number | null;
  interval: Interval | null;
  aic: number;
  bic: number;
  deviance: number;
  df: number;
}

/** Log-linear details of a stratum. */
export interface LogLinearDetails {
  search: LogLinearResult['search'];
  modelsFitted: number;
  diverged: number;
  independence: ModelSummary;
  bestAic: ModelSummary;
  bestBic: ModelSummary;
  aicAverage: LogLinearResult['aicAverage'];
  bicAverage: LogLinearResult['bicAverage'];
  /** Every model fitted, best AIC first. */
  models: ModelSummary[];
}

/** LCMCR details of a stratum (draws left out). */
export type LcmcrDetails = Omit<LcmcrResult, 'draws'>;

/** The estimate for one stratum. */
export interface StratumEstimate {
  stratum: string | null;
  documented: number;
  /** Headline estimate of the total (documented + undocumented): best-AIC model, or LCMCR posterior median. */
  estimate: number | null;
  interval: Interval | null;
  /** What the headline is, e.g. `best AIC model: exh:aba + osce:hrw` or `LCMCR posterior median`. */
  basis: string;
  /** Why there is no estimate, when there is none. */
  problem?: string;
  loglinear?: LogLinearDetails;
  lcmcr?: LcmcrDetails;
}

/** Estimates for every stratum of a table, and their total when there are several. */
export interface MseReport {
  method: MseMethod;
  lists: string[];
  strata: StratumEstimate[];
  /** Sum over strata (null with one stratum). LCMCR totals come from summed posterior draws; log-linear totals have no interval. */
  total: { documented: number; estimate: number | null; interval: Interval | null } | null;
  seconds: number;
}

function summary(m: LogLinearFit): ModelSummary {
  return { name: m.name, parameters: m.parameters, status: m.status, estimate: m.estimate, interval: m.interval, aic: m.aic, bic: m.bic, deviance: m.deviance, df: m.df };
}

function logLinearStratum(stratum: string | null, counts: number[], lists: string[], options: MseOptions): StratumEstimate {
  const r = estimateLogLinear(counts, lists, { threeWay: options.threeWay, level: options.level });
  return {
    stratum,
    documented: r.documented,
    estimate: r.bestAic.estimate,
    interval: r.bestAic.interval,
    basis: `best AIC model: ${r.bestAic.name}`,
    loglinear: {
      search: r.search,
      modelsFitted: r.models.length,
      diverged: r.diverged,
      independence: summary(r.independence),
      bestAic: summary(r.bestAic),
      bestBic: summary(r.bestBic),
      aicAverage: r.aicAverage,
      bicAverage: r.bicAverage,
      models: [...r.models].sort((a, b) => (a.status === b.status ? a.aic - b.aic : a.status === 'ok' ? -1 : 1)).map(summary),
    },
  };
}

/**
 * Estimates the population size of every stratum of `table`.
 *
 * @example
 *   const report = estimateMse(table, { method: 'lcmcr', seed: 3 });
 *   report.strata[0].documented; report.strata[0].estimate; report.strata[0].interval;
 */
export function estimateMse(table: CaptureTable, options: MseOptions): MseReport {
  const t0 = performance.now();
  const level = options.level ?? 0.95;
  const drawsByStratum: Float64Array[] = [];
  const strata = table.strata.map((s, i): StratumEstimate => {
    const documented = documentedCount(s.counts);
    const none = (problem: string): StratumEstimate => ({ stratum: s.stratum, documented, estimate: null, interval: null, basis: 'none', problem });
    if (documented === 0) return none('nothing documented in this stratum');
    if (options.method === 'loglinear') {
      try {
        return logLinearStratum(s.stratum, s.counts, table.lists, options);
      } catch (err) {
        return none(err instanceof Error ? err.message : String(err));
      }
    }
    const lcmcrOptions: LcmcrOptions = { ...options.lcmcr, seed: options.seed, iterations: options.iterations };
    const r = estimateLcmcr(s.counts, table.lists.length, lcmcrOptions, level, i * 64);
    drawsByStratum.push(r.draws);
    const { draws: _draws, ...details } = r;
    return { stratum: s.stratum, documented, estimate: r.median, interval: r.interval, basis: 'LCMCR posterior median', lcmcr: details };
  });
  let total: MseReport['total'] = null;
  if (strata.length > 1) {
    const documented = strata.reduce((s, x) => s + x.documented, 0);
    const known = strata.every((x) => x.estimate !== null);
    if (options.method === 'lcmcr' && known && drawsByStratum.length === strata.length) {
      const sum = new Float64Array(drawsByStratum[0].length);
      for (const d of drawsByStratum) for (let i = 0; i < sum.length; i++) sum[i] += d[i];
      sum.sort();
      const tail = (1 - level) / 2;
      total = {
        documented,
        estimate: quantileSorted(sum, 0.5),
        interval: { lower: quantileSorted(sum, tail), upper: quantileSorted(sum, 1 - tail), level, method: 'summed-posterior-draws' },
      };
    } else {
      total = { documented, estimate: known ? strata.reduce((s, x) => s + x.estimate!, 0) : null, interval: null };
    }
  }
  return { method: options.method, lists: [...table.lists], strata, total, seconds: (performance.now() - t0) / 1000 };
}
