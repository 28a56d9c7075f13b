/**
 * Comparison vectors in one packed Int8Array, and the table of unique comparison patterns with
 * their counts that EM works on (so EM cost depends on the number of patterns, not of pairs).
 */
import type { Comparison, ComparisonVectors, Pairs } from './types.ts';

/**
 * Compares every candidate pair on every field. In link mode (`b` given) `pairs.right` indexes
 * `b`. `onProgress` is called every 65,536 pairs with the number done.
 */
export function compareAll<R>(
  comparisons: readonly Comparison<R>[], pairs: Pairs, a: readonly R[], b?: readonly R[], onProgress?: (done: number) => void,
): ComparisonVectors {
  const nF = comparisons.length;
  const n = pairs.length;
  const data = new Int8Array(n * nF);
  const rb = b ?? a;
  const fns = comparisons.map((c) => c.compare.bind(c));
  const { left, right } = pairs;
  for (let p = 0; p < n; p++) {
    const x = a[left[p]];
    const y = rb[right[p]];
    const o = p * nF;
    for (let f = 0; f < nF; f++) data[o + f] = fns[f](x, y);
    if (onProgress && (p & 0xffff) === 0xffff) onProgress(p + 1);
  }
  return { data, nFields: nF, length: n };
}

/** Unique comparison patterns with their counts. */
export interface PatternTable {
  nFields: number;
  /** Levels per field (not counting null). */
  nLevels: number[];
  /** Pattern k on field f at `patterns[k * nFields + f]` (-1 = null). */
  patterns: Int8Array;
  counts: Float64Array;
  length: number;
  /** Pattern index of each pair (when built from vectors with `withIndex`). */
  patternOfPair?: Uint32Array;
}

/** Options of {@link patternTable}. */
export interface PatternTableOptions {
  /** Also return the pattern index of each pair. */
  withIndex?: boolean;
  /** Weight of each pair (default 1). */
  weights?: Float64Array;
  /** Only pairs for which this returns true (others get no pattern). */
  select?: (p: number) => boolean;
  /** Fields treated as missing in every pattern (e.g. those a blocking rule forces to agree). */
  nullFields?: readonly number[];
}

/**
 * Builds the pattern table from comparison vectors. `nLevels[f]` is the number of levels of field
 * f. A dense lookup is used when the pattern space is small, a Map otherwise.
 */
export function patternTable(vectors: ComparisonVectors, nLevels: readonly number[], opts: PatternTableOptions = {}): PatternTable {
  const nF = vectors.nFields;
  const strides = new Float64Array(nF);
  let space = 1;
  for (let f = 0; f < nF; f++) { strides[f] = space; space *= nLevels[f] + 1; }
  // Fields read as null (stride 0 adds nothing, so their level is dropped from the code).
  for (const f of opts.nullFields ?? []) strides[f] = 0;
  const select = opts.select;
  const { data, length } = vectors;
  const codes: number[] = [];
  const counts: number[] = [];
  const index = opts.withIndex ? new Uint32Array(length) : undefined;
  const w = opts.weights;
  const add = (code: number, slot: number | undefined, p: number): number => {
    let k = slot;
    if (k === undefined) { k = codes.length; codes.push(code); counts.push(0); }
    counts[k] += w ? w[p] : 1;
    if (index) index[p] = k;
    return k;
  };
  if (space <= 1 << 22) {
    const dense = new Int32Array(space).fill(-1);
    for (let p = 0, o = 0; p < length; p++, o += nF) {
      if (select && !select(p)) continue;
      let code = 0;
      for (let f = 0; f < nF; f++) code += (data[o + f] + 1) * strides[f];
      const k = dense[code];
      dense[code] = add(code, k < 0 ? undefined : k, p);
    }
  } else {
    const map = new Map<number, number>();
    for (let p = 0, o = 0; p < length; p++, o += nF) {
      if (select && !select(p)) continue;
      let code = 0;
      for (let f = 0; f < nF; f++) code += (data[o + f] + 1) * strides[f];
      const k = map.get(code);
      const kk = add(code, k, p);
      if (k === undefined) map.set(code, kk);
    }
  }
  const patterns = new Int8Array(codes.length * nF);
  for (let k = 0; k < codes.length; k++) {
    let c = codes[k];
    for (let f = 0; f < nF; f++) {
      const base = nLevels[f] + 1;
      patterns[k * nF + f] = (c % base) - 1;
      c = Math.floor(c / base);
    }
  }
  const table: PatternTable = { nFields: nF, nLevels: [...nLevels], patterns, counts: Float64Array.from(counts), length: codes.length };
  if (index) table.patternOfPair = index;
  return table;
}

/** A pattern table from explicit rows of levels and counts (e.g. a published gamma table). */
export function patternTableFromRows(rows: readonly (readonly number[])[], nLevels: readonly number[], counts?: readonly number[]): PatternTable {
  const nF = nLevels.length;
  const data = new Int8Array(rows.length * nF);
  rows.forEach((r, i) => r.forEach((v, f) => { data[i * nF + f] = v; }));
  return patternTable({ data, nFields: nF, length: rows.length }, nLevels, counts ? { weights: Float64Array.from(counts) } : {});
}
