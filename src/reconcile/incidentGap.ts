/**
 * Per incident: the independent range beside the belligerent's official position, the gap
 * between them, and a category saying what kind of difference it is. Pure; the rows come from
 * `reconcileRepository.incidents` (./repository.ts), whose SQL computes the same category
 * (`categorySql`) so that aggregates and per-incident lists never disagree.
 *
 * ## Categories (evaluated top to bottom; the first matching row wins)
 *
 * | assessment status (of the chosen belligerent)        | condition                                                                 | category                  |
 * |------------------------------------------------------|---------------------------------------------------------------------------|---------------------------|
 * | none recorded, `not_yet_assessed`, `open`, `reopened` | —                                                                         | `not_yet_assessed`        |
 * | `duplicate`                                          | —                                                                         | `duplicate`               |
 * | `credible`                                           | for killed AND injured: the independent low is unknown or 0, or the conceded min is known and ≥ the independent low | `conceded_in_full` |
 * | `credible`                                           | otherwise (conceded min below the independent low, or unknown while the independent low is ≥ 1) | `conceded_in_part` |
 * | `not_credible`, `insufficient_information`           | `reason_given` is true                                                    | `rejected_with_reason`    |
 * | `not_credible`, `insufficient_information`           | `reason_given` is false (reason recorded as "no reason given")            | `rejected_without_reason` |
 *
 * Figures are civilians (population `civilians`) killed and injured. A credible finding with no
 * independent figure to fall short of counts as conceded in full.
 *
 * ## Conceded and gap
 *
 * What the belligerent concedes: for `credible`, its conceded min/max (max defaults to min when
 * only a min is stated; unknown stays null); for a rejection or a duplicate, a real 0 (it concedes
 * nothing); while not yet assessed, null (no position). Gap = independent − conceded, bound by
 * bound: `low = independent.low − conceded.max`, `best = independent.best − conceded.min`,
 * `high = independent.high − conceded.min`; null when either side is unknown. A negative gap means
 * the belligerent concedes more than independent sources report.
 */
import type { AssessmentStatus } from '../model/vocabulary.ts';

/** What kind of difference there is between the independent and the official position. */
export const GAP_CATEGORIES = [
  'conceded_in_full', 'conceded_in_part', 'rejected_with_reason', 'rejected_without_reason', 'duplicate', 'not_yet_assessed',
] as const;
export type GapCategory = (typeof GAP_CATEGORIES)[number];

/** Categories of incidents the belligerent has determined (everything but `not_yet_assessed`). */
export const ASSESSED_CATEGORIES: readonly GapCategory[] = GAP_CATEGORIES.filter((c) => c !== 'not_yet_assessed');
/** Categories of a `credible` finding. */
export const CREDIBLE_CATEGORIES: readonly GapCategory[] = ['conceded_in_full', 'conceded_in_part'];
/** Statuses that leave an allegation without a determination. */
export const OPEN_STATUSES: readonly AssessmentStatus[] = ['not_yet_assessed', 'open', 'reopened'];
/** Statuses that reject an allegation. */
export const REJECTING_STATUSES: readonly AssessmentStatus[] = ['not_credible', 'insufficient_information'];

/** A low/best/high range; unknown bounds are null. */
export interface Range3 {
  low: number | null;
  best: number | null;
  high: number | null;
}

/** A conceded min/max; unknown bounds are null. */
export interface MinMax {
  min: number | null;
  max: number | null;
}

/** The inputs of one incident's gap (one belligerent). */
export interface GapInput {
  killed: Range3;
  injured: Range3;
  /** The belligerent's assessment, or null when none is recorded. */
  assessment: {
    status: string;
    concededKilled: MinMax;
    concededInjured: MinMax;
    reasonGiven: boolean;
  } | null;
}

/** One incident's gap: what is conceded and independent − conceded per outcome. */
export interface GapResult {
  category: GapCategory;
  conceded: { killed: MinMax; injured: MinMax };
  gap: { killed: Range3; injured: Range3 };
}

function coversLow(independentLow: number | null, concededMin: number | null): boolean {
  if (independentLow == null || independentLow === 0) return true;
  return concededMin != null && concededMin >= independentLow;
}

/** The category of one incident, by the table in this module's comment. */
export function gapCategory(input: GapInput): GapCategory {
  const a = input.assessment;
  if (!a || (OPEN_STATUSES as readonly string[]).includes(a.status)) return 'not_yet_assessed';
  if (a.status === 'duplicate') return 'duplicate';
  if (a.status === 'credible') {
    return coversLow(input.killed.low, a.concededKilled.min) && coversLow(input.injured.low, a.concededInjured.min)
      ? 'conceded_in_full'
      : 'conceded_in_part';
  }
  return a.reasonGiven ? 'rejected_with_reason' : 'rejected_without_reason';
}

/** What the belligerent concedes for one outcome given its category (see the module comment). */
export function concededFor(category: GapCategory, stated: MinMax): MinMax {
  if (category === 'not_yet_assessed') return { min: null, max: null };
  if (category === 'conceded_in_full' || category === 'conceded_in_part') return { min: stated.min, max: stated.max ?? stated.min };
  return { min: 0, max: 0 };
}

const minus = (a: number | null, b: number | null): number | null => (a == null || b == null ? null : a - b);

/** Independent − conceded, bound by bound (see the module comment). */
export function gapRange(independent: Range3, conceded: MinMax): Range3 {
  return { low: minus(independent.low, conceded.max), best: minus(independent.best, conceded.min), high: minus(independent.high, conceded.min) };
}

/** The category, conceded figures and gap of one incident. */
export function incidentGap(input: GapInput): GapResult {
  const category = gapCategory(input);
  const killed = concededFor(category, input.assessment?.concededKilled ?? { min: null, max: null });
  const injured = concededFor(category, input.assessment?.concededInjured ?? { min: null, max: null });
  return { category, conceded: { killed, injured }, gap: { killed: gapRange(input.killed, killed), injured: gapRange(input.injured, injured) } };
}
