/**
 * Simulated capture-history tables with a known population size, for coverage checks: every
 * individual belongs to a latent class and is on list j independently with that class's
 * probability. One class gives independent lists; several give heterogeneous capture
 * (positive dependence between lists), the case that biases the independence model.
 */
import { multinomialInto, type Random } from './random.ts';

/** A latent class of the simulated population. */
export interface SimClass {
  /** Share of the population (normalised over classes). */
  weight: number;
  /** Probability of being on each list. */
  probs: number[];
}

/** A simulated table: counts by capture pattern (counts[0] = the N − n nobody documented). */
export interface SimTable {
  counts: number[];
  documented: number;
  total: number;
}

/** Cell probabilities of the 2^k capture patterns for one class. */
function cellProbs(probs: readonly number[]): number[] {
  const k = probs.length;
  const out: number[] = [];
  for (let c = 0; c < 1 << k; c++) {
    let p = 1;
    for (let j = 0; j < k; j++) p *= (c >> j) & 1 ? probs[j] : 1 - probs[j];
    out.push(p);
  }
  return out;
}

/**
 * Draws a capture table for a population of `total` individuals split over `classes`. The
 * returned counts keep the unobserved cell so the truth can be checked; pass the table to the
 * estimators as it is (they ignore counts[0]).
 */
export function simulateTable(rng: Random, total: number, classes: readonly SimClass[]): SimTable {
  const k = classes[0].probs.length;
  const sizes = multinomialInto(rng, total, classes.map((c) => c.weight), new Array<number>(classes.length).fill(0));
  const counts = new Array<number>(1 << k).fill(0);
  classes.forEach((cls, i) => {
    multinomialInto(rng, sizes[i], cellProbs(cls.probs), counts);
  });
  return { counts, documented: total - counts[0], total };
}

/** Observed part of a simulated table (the unobserved cell set to 0). */
export function observed(table: SimTable): number[] {
  return table.counts.map((v, c) => (c === 0 ? 0 : v));
}

/** A named simulation scenario. */
export interface Scenario {
  name: string;
  total: number;
  classes: SimClass[];
}

/** Scenarios used by the tests and `eval/mse.ts`. */
export const SCENARIOS: Record<'independent3' | 'heterogeneous3' | 'moderate5' | 'heterogeneous5', Scenario> = {
  independent3: { name: '3 lists, independent, N = 2,000', total: 2000, classes: [{ weight: 1, probs: [0.3, 0.25, 0.2] }] },
  heterogeneous3: {
    name: '3 lists, two latent classes (30% easy, 70% hard), N = 2,000',
    total: 2000,
    classes: [
      { weight: 0.3, probs: [0.6, 0.5, 0.55] },
      { weight: 0.7, probs: [0.15, 0.1, 0.12] },
    ],
  },
  moderate5: {
    name: '5 lists, two latent classes (50% p ≈ 0.45, 50% p ≈ 0.2), N = 2,000',
    total: 2000,
    classes: [
      { weight: 0.5, probs: [0.5, 0.4, 0.45, 0.35, 0.5] },
      { weight: 0.5, probs: [0.2, 0.25, 0.15, 0.2, 0.25] },
    ],
  },
  heterogeneous5: {
    name: '5 lists, two latent classes (30% easy, 70% hard), N = 2,000',
    total: 2000,
    classes: [
      { weight: 0.3, probs: [0.5, 0.4, 0.45, 0.35, 0.5] },
      { weight: 0.7, probs: [0.12, 0.08, 0.1, 0.15, 0.1] },
    ],
  },
};
