/**
 * Evaluation against known truth: pairwise and B-cubed precision/recall/F1 of clusters, pairwise
 * figures of selected pairs, and a threshold sweep over match weights.
 */
import type { Pairs } from './types.ts';
import { probabilityOf } from './scoring.ts';

/** Precision, recall and F1 (F1 = 0 when both are 0). */
export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

const prf = (precision: number, recall: number): Prf => ({
  precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
});

const c2 = (n: number): number => (n * (n - 1)) / 2;

function contingency(pred: ArrayLike<number>, truth: ArrayLike<string | number>): { cells: Map<string, number>; predSize: Map<number, number>; truthSize: Map<string | number, number> } {
  if (pred.length !== truth.length) throw new RangeError(`predicted (${pred.length}) and true (${truth.length}) labels differ in length`);
  const cells = new Map<string, number>();
  const predSize = new Map<number, number>();
  const truthSize = new Map<string | number, number>();
  for (let i = 0; i < pred.length; i++) {
    const p = pred[i];
    const t = truth[i];
    const k = `${p}\u0000${t}`;
    cells.set(k, (cells.get(k) ?? 0) + 1);
    predSize.set(p, (predSize.get(p) ?? 0) + 1);
    truthSize.set(t, (truthSize.get(t) ?? 0) + 1);
  }
  return { cells, predSize, truthSize };
}

/**
 * Pairwise precision/recall/F1 of a clustering: over all record pairs put in the same predicted
 * cluster vs. the same true cluster. Precision is 1 when no pair is predicted.
 */
export function pairwiseClusterMetrics(pred: ArrayLike<number>, truth: ArrayLike<string | number>): Prf & { truePositives: number; predictedPairs: number; truePairs: number } {
  const { cells, predSize, truthSize } = contingency(pred, truth);
  let tp = 0;
  for (const n of cells.values()) tp += c2(n);
  let predicted = 0;
  for (const n of predSize.values()) predicted += c2(n);
  let truePairs = 0;
  for (const n of truthSize.values()) truePairs += c2(n);
  return { ...prf(predicted > 0 ? tp / predicted : 1, truePairs > 0 ? tp / truePairs : 1), truePositives: tp, predictedPairs: predicted, truePairs };
}

/** B-cubed precision/recall/F1 of a clustering (averaged over records). */
export function bcubed(pred: ArrayLike<number>, truth: ArrayLike<string | number>): Prf {
  const { cells, predSize, truthSize } = contingency(pred, truth);
  let p = 0;
  let r = 0;
  for (const [k, n] of cells) {
    const sep = k.indexOf('\u0000');
    const c = Number(k.slice(0, sep));
    const tRaw = k.slice(sep + 1);
    const tSize = truthSize.get(tRaw) ?? truthSize.get(Number(tRaw))!;
    p += (n * n) / predSize.get(c)!;
    r += (n * n) / tSize;
  }
  const N = pred.length || 1;
  return prf(p / N, r / N);
}

/**
 * Pairwise precision/recall/F1 of selected candidate pairs: `isMatch(p)` says whether pair p is a
 * true match, `truePairs` is the number of true matching pairs overall (including unblocked ones).
 */
export function pairMetrics(pairs: Pairs, selected: (p: number) => boolean, isMatch: (p: number) => boolean, truePairs: number): Prf & { truePositives: number; predictedPairs: number } {
  let tp = 0;
  let predicted = 0;
  for (let p = 0; p < pairs.length; p++) {
    if (!selected(p)) continue;
    predicted++;
    if (isMatch(p)) tp++;
  }
  return { ...prf(predicted > 0 ? tp / predicted : 1, truePairs > 0 ? tp / truePairs : 1), truePositives: tp, predictedPairs: predicted };
}

/** One row of a threshold sweep. */
export interface SweepRow extends Prf {
  weight: number;
  probability: number;
  predictedPairs: number;
}

/**
 * Precision/recall/F1 of "weight ≥ threshold" for each threshold (weights sorted once, so the
 * sweep is O(n log n)). `truth[p]` = 1 for true matching pairs.
 */
export function thresholdSweep(weights: Float64Array, truth: Uint8Array, truePairs: number, thresholds: readonly number[]): SweepRow[] {
  const order = Array.from({ length: weights.length }, (_, i) => i).sort((x, y) => weights[y] - weights[x]);
  const ts = [...thresholds].sort((x, y) => y - x);
  const rows: SweepRow[] = [];
  let k = 0;
  let tp = 0;
  for (const t of ts) {
    while (k < order.length && weights[order[k]] >= t) { tp += truth[order[k]]; k++; }
    rows.push({ weight: t, probability: probabilityOf(t), predictedPairs: k, ...prf(k > 0 ? tp / k : 1, truePairs > 0 ? tp / truePairs : 1) });
  }
  return rows.sort((x, y) => x.weight - y.weight);
}

/** The row with the highest F1 of a sweep. */
export function bestF1(rows: readonly SweepRow[]): SweepRow | null {
  return rows.reduce<SweepRow | null>((b, r) => (b == null || r.f1 > b.f1 ? r : b), null);
}
