/**
 * The database-free core shared by the incident linker, `link cluster` and the evaluation: score
 * harm records with the engine, blend supervised m from analysts' labels into the parameters, and
 * cluster greedily by match weight under cannot-link constraints.
 */
import {
  decide, explain, haversineKm, levelsOf, runLinkage, scoreVectors, UnionFind,
} from './engine/index.ts';
import type { Explanation, FsParams, LinkRun, TermFrequencies, Thresholds } from './engine/index.ts';
import {
  DEFAULT_THRESHOLDS, HARM_BLOCKING, HARM_COMPARISONS, MIN_TRAINING_RECORDS, PRIOR_PARAMS, type HarmRecord,
} from './harmConfig.ts';

/** A labelled pair as the blend needs it: its comparison levels and the analyst's answer. */
export interface LabelledLevels {
  levels: readonly number[];
  match: boolean;
}

/** Pseudo-count of the EM (or prior) m in the supervised blend: with K labels the two weigh equally. */
export const BLEND_PSEUDO_COUNT = 20;

/**
 * Supervised m blended with the unsupervised one: per field, m_sup[l] = (count of level l among
 * match-labelled pairs + 1 · m_em[l]) / (n + 1), and m = (n · m_sup + K · m_em) / (n + K), where n
 * is the number of match-labelled pairs with that field present and K = {@link BLEND_PSEUDO_COUNT}.
 */
export function blendM(params: FsParams, labels: readonly LabelledLevels[], k = BLEND_PSEUDO_COUNT): FsParams {
  const matches = labels.filter((l) => l.match);
  if (matches.length === 0) return params;
  const m = params.m.map((row, f) => {
    const counts = row.map(() => 0);
    let n = 0;
    for (const l of matches) {
      const lv = l.levels[f];
      if (lv == null || lv < 0 || lv >= row.length) continue;
      counts[lv]++;
      n++;
    }
    if (n === 0) return [...row];
    return row.map((mEm, lv) => {
      const sup = (counts[lv] + mEm) / (n + 1);
      return Math.max(1e-6, (n * sup + k * mEm) / (n + k));
    });
  });
  return { ...params, m };
}

/** Options of {@link scoreRecords}. */
export interface ScoreOptions {
  labels?: readonly LabelledLevels[];
  thresholds?: Thresholds;
  /** Force prior parameters (true) or trained ones (false); default: by record count. */
  usePriors?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** Scored candidate pairs of one run. */
export interface Scored {
  run: LinkRun;
  params: FsParams;
  tf: TermFrequencies[];
  weights: Float64Array;
  decisions: Uint8Array;
  /** 'prior' or 'em', plus '+labels' when labels were blended in. */
  parameters: string;
}

/** Blocks, compares and scores records (dedupe mode). */
export function scoreRecords(records: readonly HarmRecord[], opts: ScoreOptions = {}): Scored {
  const n = records.length;
  const usePriors = opts.usePriors ?? n < MIN_TRAINING_RECORDS;
  const run = runLinkage({
    comparisons: HARM_COMPARISONS, blocking: HARM_BLOCKING, maxPairs: 50_000_000,
    uSamplePairs: usePriors ? Math.min(2_000, Math.max(1, (n * (n - 1)) / 2)) : 300_000,
    em: { fixU: false }, termFrequencies: !usePriors,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  }, records);
  const base = usePriors ? PRIOR_PARAMS : run.params;
  const labels = opts.labels ?? [];
  const params = blendM(base, labels);
  const tf = usePriors ? [] : run.tf;
  const weights = scoreVectors(run.vectors, params, tf, run.pairs);
  const decisions = decide(weights, opts.thresholds ?? DEFAULT_THRESHOLDS);
  return { run, params, tf, weights, decisions, parameters: `${usePriors ? 'prior' : 'em'}${labels.some((l) => l.match) ? '+labels' : ''}` };
}

/** Waterfall of pair p, with the comparison levels (kept so labels can refine m later). */
export function pairExplanation(s: Scored, p: number): Explanation & { levels: number[] } {
  const levels = levelsOf(s.run.vectors, p);
  return { ...explain(levels, s.params, s.tf, s.run.pairs.left[p]), levels: Array.from(levels) };
}

/** Distance in km between two records' points, or null. */
export function recordDistanceKm(a: HarmRecord, b: HarmRecord): number | null {
  if (!a.point || !b.point) return null;
  return Math.round(haversineKm(a.point.lat, a.point.lon, b.point.lat, b.point.lon) * 1000) / 1000;
}

/** An edge to union: records a and b with a weight (higher first). */
export interface Edge {
  a: number;
  b: number;
  weight: number;
}

/**
 * Greedy constrained clustering: edges are unioned in order of weight (highest first) unless the
 * union would put a cannot-link pair, or two records with an `exclusive` tag (e.g. two existing
 * incidents), into one cluster. Returns a dense cluster id per record.
 */
export function constrainedClusters(n: number, edges: readonly Edge[], cannotLink: ReadonlyArray<readonly [number, number]> = [], exclusive: ReadonlyArray<boolean> = []): Int32Array {
  const uf = new UnionFind(n);
  const members = new Map<number, number[]>();
  const cannot = new Map<number, number[]>();
  for (const [a, b] of cannotLink) {
    (cannot.get(a) ?? cannot.set(a, []).get(a)!).push(b);
    (cannot.get(b) ?? cannot.set(b, []).get(b)!).push(a);
  }
  const tagged = new Uint8Array(n);
  exclusive.forEach((x, i) => { if (x) tagged[i] = 1; });
  const membersOf = (r: number): number[] => members.get(r) ?? [r];
  const sorted = [...edges].sort((x, y) => y.weight - x.weight);
  for (const e of sorted) {
    const ra = uf.find(e.a);
    const rb = uf.find(e.b);
    if (ra === rb) continue;
    if (tagged[ra] && tagged[rb]) continue;
    const ma = membersOf(ra);
    let blocked = false;
    for (const x of ma) {
      for (const y of cannot.get(x) ?? []) if (uf.find(y) === rb) { blocked = true; break; }
      if (blocked) break;
    }
    if (blocked) continue;
    const mb = membersOf(rb);
    const tag = tagged[ra] | tagged[rb];
    uf.union(ra, rb);
    const r = uf.find(ra);
    members.set(r, [...ma, ...mb]);
    if (r !== ra) members.delete(ra);
    if (r !== rb) members.delete(rb);
    tagged[r] = tag;
  }
  return uf.clusterIds();
}
