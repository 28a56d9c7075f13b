/**
 * Core types of the record-linkage engine: a comparison maps a pair of records to a small integer
 * level (0 = most similar, ascending = less similar, -1 = missing, contributing no weight).
 */

/** Level returned when either value is missing: the field contributes weight 0. */
export const NULL_LEVEL = -1;

/** Most levels a comparison may have (levels are stored in an Int8Array). */
export const MAX_LEVELS = 64;

/** A per-field comparison with ordered levels, most similar first. */
export interface Comparison<R> {
  /** Field name, used in explanations and parameter tables. */
  readonly name: string;
  /** Labels of the levels, most similar first. The last one is normally "else" (disagree). */
  readonly levels: readonly string[];
  /** Level of the pair: 0 … levels.length-1, or NULL_LEVEL (-1) when a value is missing. */
  compare(a: R, b: R): number;
  /**
   * Term-frequency adjustment: at level `level` (default 0, an exact match), u is the frequency
   * of the record's value instead of the average u of the level.
   */
  readonly tf?: { value(r: R): string | null | undefined; level?: number };
}

/** A blocking rule: pairs are candidates when both records have the same non-null key. */
export interface BlockingRule<R> {
  readonly name: string;
  key(r: R): string | number | null | undefined;
  /**
   * Names of the comparisons this rule forces to agree (e.g. a rule on surname forces "surname").
   * Per-rule training leaves them out of the EM run on this rule's pairs, and uses their m to
   * turn the matches found in the block into an estimate of all matches.
   */
  readonly fields?: readonly string[];
}

/** Fellegi–Sunter parameters: m and u per field and level, and λ (prior match probability). */
export interface FsParams {
  fields: string[];
  levels: string[][];
  /** m[f][l] = P(level l on field f | match). */
  m: number[][];
  /** u[f][l] = P(level l on field f | non-match). */
  u: number[][];
  /** Prior probability that a compared (blocked) pair is a match. */
  lambda: number;
}

/** Candidate pairs as parallel index arrays; in link mode `left` indexes A and `right` B. */
export interface Pairs {
  left: Uint32Array;
  right: Uint32Array;
  length: number;
}

/** Comparison vectors, packed pair-major: level of pair p on field f at `data[p * nFields + f]`. */
export interface ComparisonVectors {
  data: Int8Array;
  nFields: number;
  length: number;
}
