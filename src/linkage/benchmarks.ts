/**
 * Validation of the linkage engine on standard benchmarks read from shared data: FEBRL 4 (link
 * 4a ↔ 4b), FEBRL 3 (dedupe), Splink's known-parameter comparison vectors (EM recovery) and
 * Splink's fake_1000 (dedupe). FEBRL files are read from shared data only, never vendored.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { sharedDataPath } from '../shared-data.ts';
import {
  bcubed, bestF1, exact, expectationMaximisation, pairMetrics, pairwiseClusterMetrics, patternTableFromRows, predict,
  runLinkage, stringSimilarity, thresholdSweep, defaultM,
} from './engine/index.ts';
import type { BlockingRule, Comparison, FsParams, LinkerSettings, LinkRun } from './engine/index.ts';

/** Names of the available benchmarks. */
export const BENCHMARKS = ['febrl3', 'febrl4', 'splink-known-params', 'splink-fake-1000'] as const;
/** One of {@link BENCHMARKS}. */
export type BenchmarkName = (typeof BENCHMARKS)[number];

/** A person record: any of the generic fields, null when empty, and the true entity. */
export interface PersonRecord {
  id: string;
  entity: string;
  given_name: string | null;
  surname: string | null;
  date_of_birth: string | null;
  street_number: string | null;
  address_1: string | null;
  address_2: string | null;
  suburb: string | null;
  postcode: string | null;
  state: string | null;
  soc_sec_id: string | null;
  email: string | null;
}

type PersonField = Exclude<keyof PersonRecord, 'id' | 'entity'>;

const PERSON_COMPARISONS: Record<PersonField, () => Comparison<PersonRecord>> = {
  given_name: () => stringSimilarity('given_name', (r) => r.given_name, [{ jaroWinkler: 0.92 }, { jaroWinkler: 0.8 }], { tf: true }),
  surname: () => stringSimilarity('surname', (r) => r.surname, [{ jaroWinkler: 0.92 }, { jaroWinkler: 0.8 }], { tf: true }),
  date_of_birth: () => stringSimilarity('date_of_birth', (r) => r.date_of_birth, [{ levenshtein: 1 }, { levenshtein: 2 }]),
  soc_sec_id: () => stringSimilarity('soc_sec_id', (r) => r.soc_sec_id, [{ levenshtein: 1 }, { levenshtein: 2 }]),
  street_number: () => exact('street_number', (r) => r.street_number),
  address_1: () => stringSimilarity('address_1', (r) => r.address_1, [{ jaroWinkler: 0.9 }, { tokenSet: 0.5 }]),
  address_2: () => stringSimilarity('address_2', (r) => r.address_2, [{ jaroWinkler: 0.9 }]),
  suburb: () => stringSimilarity('suburb', (r) => r.suburb, [{ jaroWinkler: 0.9 }], { tf: true }),
  postcode: () => stringSimilarity('postcode', (r) => r.postcode, [{ levenshtein: 1 }]),
  state: () => exact('state', (r) => r.state),
  email: () => stringSimilarity('email', (r) => r.email, [{ jaroWinkler: 0.9 }]),
};

/** The generic person-record comparisons for the fields a dataset has. */
export function personComparisons(fields: readonly PersonField[]): Comparison<PersonRecord>[] {
  return fields.map((f) => PERSON_COMPARISONS[f]());
}

/** Blocking rules on single person fields (union). */
export function personBlocking(fields: readonly (PersonField | readonly PersonField[])[]): BlockingRule<PersonRecord>[] {
  return fields.map((f) => {
    const fs: readonly PersonField[] = typeof f === 'string' ? [f] : f;
    return { name: fs.join('+'), fields: fs, key: (r: PersonRecord) => (fs.some((x) => r[x] == null) ? null : fs.map((x) => r[x]).join('\u0001')) };
  });
}

/** Random pairs for u on FEBRL (5,000 records): enough for every level, and quick. */
const FEBRL_U_SAMPLE = 150_000;

const FEBRL_FIELDS: PersonField[] = ['given_name', 'surname', 'date_of_birth', 'soc_sec_id', 'street_number', 'address_1', 'address_2', 'suburb', 'postcode', 'state'];

const clean = (v: string | undefined): string | null => {
  const s = (v ?? '').trim().toLowerCase();
  return s === '' ? null : s;
};

function emptyPerson(id: string, entity: string): PersonRecord {
  return {
    id, entity, given_name: null, surname: null, date_of_birth: null, street_number: null, address_1: null, address_2: null,
    suburb: null, postcode: null, state: null, soc_sec_id: null, email: null,
  };
}

/** Reads a FEBRL CSV (leading spaces after commas; entity = the number in rec-N-…). */
export function readFebrl(path: string): PersonRecord[] {
  const rows = parse<Record<string, string>>(readFileSync(path, 'utf8'), { columns: true, trim: true, skip_empty_lines: true });
  return rows.map((row) => {
    const id = row.rec_id;
    const r = emptyPerson(id, /^rec-(\d+)-/.exec(id)?.[1] ?? id);
    for (const f of FEBRL_FIELDS) r[f] = clean(row[f]);
    return r;
  });
}

/** Reads Splink's fake_1000 (first_name, surname, dob, city, email, cluster). */
export function readSplinkFake(path: string): PersonRecord[] {
  const rows = parse<Record<string, string>>(readFileSync(path, 'utf8'), { columns: true, trim: true, skip_empty_lines: true });
  return rows.map((row) => ({
    ...emptyPerson(row.unique_id, row.cluster),
    given_name: clean(row.first_name), surname: clean(row.surname), date_of_birth: clean(row.dob), suburb: clean(row.city), email: clean(row.email),
  }));
}

/** A benchmark's figures, or why it was skipped. */
export type BenchmarkResult = { benchmark: BenchmarkName; skipped: string } | ({ benchmark: BenchmarkName } & Record<string, unknown>);

const round = (x: number, d = 4): number => Math.round(x * 10 ** d) / 10 ** d;
const SWEEP = [-10, -5, -2, 0, 2, 4, 6, 8, 10, 12, 15, 20];

function summary(run: LinkRun): Record<string, unknown> {
  return {
    candidatePairs: run.pairs.length, lambda: run.params.lambda, untrainedFields: run.training.untrainedFields,
    training: run.training.runs.map((t) => ({ ...t, lambda: round(t.lambda, 6), expectedMatches: t.expectedMatches == null ? null : Math.round(t.expectedMatches) })),
    timingsMs: Object.fromEntries(Object.entries(run.timings).map(([k, v]) => [k, round(v, 1)])),
  };
}

/** Unsupervised link threshold used by the benchmarks: match probability ≥ 0.5 (weight 0). */
export const BENCHMARK_LINK_WEIGHT = 0;

/** FEBRL 4: link dataset4a ↔ dataset4b, unsupervised. Null when shared data is absent. */
export function febrl4(): BenchmarkResult | null {
  const pa = sharedDataPath('linkage-benchmarks', 'febrl', 'dataset4a.csv');
  const pb = sharedDataPath('linkage-benchmarks', 'febrl', 'dataset4b.csv');
  if (!pa || !pb) return null;
  const a = readFebrl(pa);
  const b = readFebrl(pb);
  const settings: LinkerSettings<PersonRecord> = {
    comparisons: personComparisons(FEBRL_FIELDS),
    blocking: personBlocking(['given_name', 'surname', 'date_of_birth', 'soc_sec_id', ['postcode', 'street_number']]),
    uSamplePairs: FEBRL_U_SAMPLE,
  };
  const run = runLinkage(settings, a, b);
  const entB = new Map<string, number>();
  for (const r of b) entB.set(r.entity, (entB.get(r.entity) ?? 0) + 1);
  let truePairs = 0;
  for (const r of a) truePairs += entB.get(r.entity) ?? 0;
  const isMatch = (p: number): boolean => a[run.pairs.left[p]].entity === b[run.pairs.right[p]].entity;
  const truth = Uint8Array.from({ length: run.pairs.length }, (_, p) => (isMatch(p) ? 1 : 0));
  const blockingRecall = truth.reduce((s, x) => s + x, 0) / truePairs;
  const m = pairMetrics(run.pairs, (p) => run.weights[p] >= BENCHMARK_LINK_WEIGHT, isMatch, truePairs);
  const sweep = thresholdSweep(run.weights, truth, truePairs, SWEEP);
  return { benchmark: 'febrl4', records: [a.length, b.length], truePairs, blockingRecall: round(blockingRecall), linkWeight: BENCHMARK_LINK_WEIGHT,
    precision: round(m.precision), recall: round(m.recall), f1: round(m.f1), best: bestF1(sweep), ...summary(run), sweep };
}

/** Dedupe benchmark shared by FEBRL 3 and Splink fake_1000. */
function dedupe(name: BenchmarkName, recs: PersonRecord[], settings: LinkerSettings<PersonRecord>): BenchmarkResult {
  const run = runLinkage(settings, recs);
  const truthIds = recs.map((r) => r.entity);
  const isMatch = (p: number): boolean => recs[run.pairs.left[p]].entity === recs[run.pairs.right[p]].entity;
  const truth = Uint8Array.from({ length: run.pairs.length }, (_, p) => (isMatch(p) ? 1 : 0));
  const trueAll = pairwiseClusterMetrics(truthIds.map((_, i) => i), truthIds).truePairs;
  const pairs = pairMetrics(run.pairs, (p) => run.weights[p] >= BENCHMARK_LINK_WEIGHT, isMatch, trueAll);
  const pred = predict(run, { linkWeight: BENCHMARK_LINK_WEIGHT, reviewWeight: BENCHMARK_LINK_WEIGHT - 5 });
  const clusters = pairwiseClusterMetrics(pred.clusters, truthIds);
  const b3 = bcubed(pred.clusters, truthIds);
  const sweep = thresholdSweep(run.weights, truth, trueAll, SWEEP);
  return {
    benchmark: name, records: recs.length, truePairs: trueAll, blockingRecall: round(truth.reduce((s, x) => s + x, 0) / trueAll),
    linkWeight: BENCHMARK_LINK_WEIGHT, pairwise: { precision: round(pairs.precision), recall: round(pairs.recall), f1: round(pairs.f1) },
    clusters: { precision: round(clusters.precision), recall: round(clusters.recall), f1: round(clusters.f1) },
    bcubed: { precision: round(b3.precision), recall: round(b3.recall), f1: round(b3.f1) }, reviews: pred.reviews,
    best: bestF1(sweep), ...summary(run), sweep,
  };
}

/** FEBRL 3: deduplicate dataset3. Null when shared data is absent. */
export function febrl3(): BenchmarkResult | null {
  const p = sharedDataPath('linkage-benchmarks', 'febrl', 'dataset3.csv');
  if (!p) return null;
  return dedupe('febrl3', readFebrl(p), {
    comparisons: personComparisons(FEBRL_FIELDS),
    blocking: personBlocking(['given_name', 'surname', 'date_of_birth', 'soc_sec_id', ['postcode', 'street_number']]),
    uSamplePairs: FEBRL_U_SAMPLE,
  });
}

/** Splink fake_1000: deduplicate. Null when shared data is absent. */
export function splinkFake1000(): BenchmarkResult | null {
  const p = sharedDataPath('linkage-benchmarks', 'splink', 'fake_1000_from_splink_demos.csv');
  if (!p) return null;
  return dedupe('splink-fake-1000', readSplinkFake(p), {
    comparisons: personComparisons(['given_name', 'surname', 'date_of_birth', 'suburb', 'email']),
    blocking: personBlocking(['given_name', 'surname', 'date_of_birth', 'email'])
  });
}

/**
 * Splink's known-parameter comparison vectors: EM (m, u and λ all free) on the gamma table,
 * compared with the parameters implied by the true_match labels. Null when shared data is absent.
 */
export function splinkKnownParams(): BenchmarkResult | null {
  const p = sharedDataPath('linkage-benchmarks', 'splink', 'known_params_comparison_vectors.csv');
  if (!p) return null;
  const rows = parse<Record<string, string>>(readFileSync(p, 'utf8'), { columns: true, trim: true });
  const cols = Object.keys(rows[0] ?? {}).filter((c) => c.startsWith('gamma_')).sort();
  const maxG = cols.map((c) => Math.max(...rows.map((r) => Number(r[c]))));
  // Splink's gammas grow with similarity (0 = else); the engine's levels shrink with it.
  const levels = rows.map((r) => cols.map((c, f) => (r[c] === '-1' || r[c] === '' ? -1 : maxG[f] - Number(r[c]))));
  const nLevels = maxG.map((g) => g + 1);
  const start: FsParams = {
    fields: cols, levels: nLevels.map((n) => Array.from({ length: n }, (_, l) => `level ${l}`)),
    m: nLevels.map((n) => defaultM(n)), u: nLevels.map((n) => Array.from({ length: n }, (_, l) => (l === n - 1 ? 0.9 : 0.1 / (n - 1)))), lambda: 0.2,
  };
  const t0 = performance.now();
  const em = expectationMaximisation(patternTableFromRows(levels, nLevels), start, { fixU: false, tolerance: 1e-10, maxIterations: 5000 });
  const emMs = performance.now() - t0;
  const isMatch = rows.map((r) => r.true_match_l === '1' && r.true_match_r === '1');
  const trueParam = (match: boolean): number[][] => nLevels.map((n, f) => {
    const c = new Array<number>(n).fill(0);
    levels.forEach((lv, i) => { if (isMatch[i] === match && lv[f] >= 0) c[lv[f]]++; });
    const t = c.reduce((s, x) => s + x, 0);
    return c.map((x) => x / t);
  });
  const trueM = trueParam(true);
  const trueU = trueParam(false);
  const trueLambda = isMatch.filter(Boolean).length / rows.length;
  const errs = (est: number[][], tru: number[][]): number => Math.max(...est.flatMap((r, f) => r.map((x, l) => Math.abs(x - tru[f][l]))));
  const mErr = errs(em.params.m, trueM);
  const uErr = errs(em.params.u, trueU);
  const lErr = Math.abs(em.params.lambda - trueLambda);
  return {
    benchmark: 'splink-known-params', rows: rows.length, emIterations: em.iterations, emMs: round(emMs, 2),
    estimated: { m: em.params.m, u: em.params.u, lambda: em.params.lambda }, true: { m: trueM, u: trueU, lambda: trueLambda },
    maxError: { m: round(mErr, 5), u: round(uErr, 5), lambda: round(lErr, 5) }, withinTolerance: Math.max(mErr, uErr, lErr) <= 0.01,
  };
}

/** Runs one benchmark by name; null when its data is absent. */
export function runBenchmark(name: BenchmarkName): BenchmarkResult | null {
  switch (name) {
    case 'febrl3': return febrl3();
    case 'febrl4': return febrl4();
    case 'splink-known-params': return splinkKnownParams();
    case 'splink-fake-1000': return splinkFake1000();
  }
}
