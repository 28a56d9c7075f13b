/**
 * Shapes of multiple systems estimation (MSE): capture-history tables and the estimates drawn
 * from them. Figures are ranges; an unknown bound is `null`, never 0.
 */

/** Fewest and most lists (capture sources) an MSE table may have. */
export const MIN_LISTS = 3;
export const MAX_LISTS = 6;

/**
 * Capture-history counts for one stratum. `counts[c]` is the number of individuals documented by
 * exactly the lists whose bits are set in `c` (bit j ⇔ `lists[j]`); `counts[0]` (documented by no
 * list) is unobserved and always 0. Length 2^k.
 */
export interface StratumCounts {
  /** Stratum label, or null for an unstratified table. */
  stratum: string | null;
  counts: number[];
}

/** A capture-history table: k list names and one row of counts per stratum. */
export interface CaptureTable {
  lists: string[];
  strata: StratumCounts[];
}

/** An interval for a population size; `upper` is null when the data put no finite bound on it. */
export interface Interval {
  lower: number;
  upper: number | null;
  /** Nominal coverage, e.g. 0.95. */
  level: number;
  /** How the interval was computed. */
  method: 'profile-likelihood' | 'buckland-model-averaged' | 'posterior-quantiles' | 'summed-posterior-draws';
}

/** Number of individuals documented by at least one list. */
export function documentedCount(counts: readonly number[]): number {
  let s = 0;
  for (let c = 1; c < counts.length; c++) s += counts[c];
  return s;
}

/** Names of the lists set in capture pattern `cell`, e.g. `exh+osce`. */
export function patternLabel(cell: number, lists: readonly string[]): string {
  const names = lists.filter((_, j) => (cell >> j) & 1);
  return names.length ? names.join('+') : '(none)';
}
