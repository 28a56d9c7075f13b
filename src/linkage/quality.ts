/**
 * Precision and recall of the linker measured on analysts' labels. Two views: "as queued" (the
 * probability a pair had when it entered the queue, ≥ 0.5 predicted a match) and "refined" (each
 * labelled pair rescored from its stored comparison levels with the prior parameters and m blended
 * from all *other* labels: leave-one-out, so a label never grades itself). Labelled pairs come from
 * the review band, where the model is least sure: these figures describe that band, not all pairs.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { priorWeight, probabilityOf, type FsParams } from './engine/index.ts';
import { PRIOR_PARAMS } from './harmConfig.ts';
import { levelsOfWaterfall } from './incidentLinker.ts';
import { blendM, type LabelledLevels } from './linkCore.ts';
import { linkageRepository } from './repository.ts';

/** Confusion counts and figures. */
export interface Confusion {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

/** The quality report. */
export interface QualityReport {
  labelled: number;
  matches: number;
  nonMatches: number;
  pending: number;
  asQueued: Confusion;
  refined: Confusion;
  note: string;
}

function confusion(pred: boolean[], truth: boolean[]): Confusion {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  pred.forEach((p, i) => { if (p && truth[i]) tp++; else if (p) fp++; else if (truth[i]) fn++; else tn++; });
  const precision = tp + fp > 0 ? tp / (tp + fp) : null;
  const recall = tp + fn > 0 ? tp / (tp + fn) : null;
  const f1 = precision != null && recall != null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : null;
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, trueNegatives: tn, precision, recall, f1 };
}

/** Match probability of stored levels under params (no term-frequency adjustment). */
export function probabilityOfLevels(levels: readonly number[], params: FsParams): number {
  let w = priorWeight(params.lambda);
  levels.forEach((l, f) => { if (l >= 0 && params.m[f]?.[l] != null) w += Math.log2(params.m[f][l] / params.u[f][l]); });
  return probabilityOf(w);
}

/** Precision and recall against the labels in the database. */
export async function linkQuality(db: Kysely<Database>): Promise<QualityReport> {
  const rows = await linkageRepository.labelledPairs(db);
  const pending = await linkageRepository.countPending(db);
  const truth = rows.map((r) => r.status === 'match');
  const asQueued = confusion(rows.map((r) => r.probability >= 0.5), truth);
  const labels: Array<LabelledLevels | null> = rows.map((r) => { const levels = levelsOfWaterfall(r.waterfall); return levels ? { levels, match: r.status === 'match' } : null; });
  const refinedPred = labels.map((l, i) => {
    if (!l) return rows[i].probability >= 0.5;
    const others = labels.filter((x, j): x is LabelledLevels => x != null && j !== i);
    return probabilityOfLevels(l.levels, blendM(PRIOR_PARAMS, others)) >= 0.5;
  });
  return {
    labelled: rows.length, matches: truth.filter(Boolean).length, nonMatches: truth.filter((t) => !t).length, pending,
    asQueued, refined: confusion(refinedPred, truth),
    note: 'measured on labelled review pairs (the uncertain band), predicted match = p ≥ 0.5; refined = prior parameters with m blended from the other labels (leave-one-out)',
  };
}
