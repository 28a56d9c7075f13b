/**
 * Scoring comparison vectors into match weights (log2 odds, prior included) held in a
 * Float64Array, decisions by two thresholds, and per-pair explanations ("waterfalls").
 */
import type { ComparisonVectors, FsParams, Pairs } from './types.ts';
import type { TermFrequencies } from './em.ts';

/** Stride of the weight lookup table: index `f * WEIGHT_STRIDE + level + 1` (slot 0 = null → 0). */
export const WEIGHT_STRIDE = 65;

/** log2 Bayes factors m/u per field and level, flattened for the scoring loop. */
export function weightTable(params: FsParams): Float64Array {
  const t = new Float64Array(params.m.length * WEIGHT_STRIDE);
  params.m.forEach((row, f) => row.forEach((m, l) => { t[f * WEIGHT_STRIDE + l + 1] = Math.log2(m / params.u[f][l]); }));
  return t;
}

/** Prior match weight log2(λ / (1 - λ)). */
export const priorWeight = (lambda: number): number => Math.log2(lambda / (1 - lambda));

/** Match probability of a match weight. */
export const probabilityOf = (weight: number): number => 1 / (1 + 2 ** -weight);

/** Match weight of a probability. */
export const weightOf = (probability: number): number => Math.log2(probability / (1 - probability));

/**
 * Match weight of every pair: prior + Σ log2(m/u), with term-frequency adjustments on exact
 * matches when `tf` is given (then `pairs` is needed to find each pair's left record).
 */
export function scoreVectors(vectors: ComparisonVectors, params: FsParams, tf: readonly TermFrequencies[] = [], pairs?: Pairs): Float64Array {
  const nF = vectors.nFields;
  const n = vectors.length;
  const table = weightTable(params);
  const prior = priorWeight(params.lambda);
  const out = new Float64Array(n);
  const data = vectors.data;
  // Offsets of each field into the table, so the inner loop is one add per field.
  const base = new Int32Array(nF);
  for (let f = 0; f < nF; f++) base[f] = f * WEIGHT_STRIDE + 1;
  for (let p = 0, o = 0; p < n; p++, o += nF) {
    let s = prior;
    for (let f = 0; f < nF; f++) s += table[base[f] + data[o + f]];
    out[p] = s;
  }
  if (tf.length > 0) {
    if (!pairs) throw new TypeError('scoreVectors: term-frequency adjustment needs the pairs');
    for (const t of tf) {
      const uLevel = params.u[t.field][t.level];
      const { freq } = t;
      for (let p = 0; p < n; p++) {
        if (data[p * nF + t.field] !== t.level) continue;
        const fq = freq[pairs.left[p]];
        if (fq === fq) out[p] += Math.log2(uLevel / fq);
      }
    }
  }
  return out;
}

/** Decision of a pair: below the review threshold. */
export const NON_LINK = 0;
/** Decision of a pair: between the two thresholds, for a person to decide. */
export const REVIEW = 1;
/** Decision of a pair: at or above the link threshold. */
export const LINK = 2;

/** Two thresholds as match weights or probabilities: ≥ link → link, ≥ review → review, else non-link. */
export type Thresholds = { linkWeight: number; reviewWeight: number } | { linkProbability: number; reviewProbability: number };

/** Decisions (NON_LINK / REVIEW / LINK) for each weight. */
export function decide(weights: Float64Array, thresholds: Thresholds): Uint8Array {
  const link = 'linkWeight' in thresholds ? thresholds.linkWeight : weightOf(thresholds.linkProbability);
  const review = 'reviewWeight' in thresholds ? thresholds.reviewWeight : weightOf(thresholds.reviewProbability);
  if (review > link) throw new RangeError('the review threshold must not be above the link threshold');
  const out = new Uint8Array(weights.length);
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    out[i] = w >= link ? LINK : w >= review ? REVIEW : NON_LINK;
  }
  return out;
}

/** One step of a waterfall: the field, its level and its log2 Bayes factor. */
export interface WaterfallStep {
  field: string;
  level: number;
  label: string;
  m: number | null;
  u: number | null;
  /** log2(m/u); 0 for a missing value. */
  weight: number;
  /** Term-frequency adjustment included in `weight` (0 if none). */
  tfAdjustment: number;
}

/** Why a pair scored as it did. */
export interface Explanation {
  prior: number;
  steps: WaterfallStep[];
  /** Match weight: prior + Σ steps. */
  total: number;
  probability: number;
}

/**
 * The waterfall of one pair: prior, each field's level and weight, total and probability.
 * `leftIndex` is needed only for term-frequency adjustments.
 */
export function explain(levels: ArrayLike<number>, params: FsParams, tf: readonly TermFrequencies[] = [], leftIndex?: number): Explanation {
  const prior = priorWeight(params.lambda);
  let total = prior;
  const steps = params.fields.map((field, f): WaterfallStep => {
    const level = levels[f];
    if (level < 0) return { field, level, label: 'missing', m: null, u: null, weight: 0, tfAdjustment: 0 };
    const m = params.m[f][level];
    const u = params.u[f][level];
    let adj = 0;
    const t = tf.find((x) => x.field === f && x.level === level);
    if (t && leftIndex != null) {
      const fq = t.freq[leftIndex];
      if (fq === fq) adj = Math.log2(u / fq);
    }
    const weight = Math.log2(m / u) + adj;
    total += weight;
    return { field, level, label: params.levels[f][level] ?? String(level), m, u, weight, tfAdjustment: adj };
  });
  return { prior, steps, total, probability: probabilityOf(total) };
}

/** Levels of pair `p` from packed vectors. */
export function levelsOf(vectors: ComparisonVectors, p: number): Int8Array {
  return vectors.data.subarray(p * vectors.nFields, (p + 1) * vectors.nFields);
}

/** A text rendering of a waterfall, one line per step. */
export function formatExplanation(e: Explanation): string {
  const fmt = (x: number): string => (x >= 0 ? '+' : '') + x.toFixed(2);
  return [
    `prior ${fmt(e.prior)}`,
    ...e.steps.map((s) => `${s.field}: ${s.label} ${fmt(s.weight)}${s.tfAdjustment ? ` (tf ${fmt(s.tfAdjustment)})` : ''}`),
    `total ${fmt(e.total)} → p = ${e.probability.toFixed(4)}`,
  ].join('\n');
}
