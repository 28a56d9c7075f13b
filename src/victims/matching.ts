/**
 * Person matching within and across victim lists, on the Fellegi–Sunter engine of
 * src/linkage/engine (blocking, EM, waterfalls, union-find) with the person comparisons of
 * comparisons.ts. Pairs between the two thresholds go to the review queue (`link_pairs`, kind
 * 'victim_victim', with their waterfall); linked and reviewed-as-match pairs form persons
 * (`victims.person_id`), whose list memberships feed the capture-history tables of MSE.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/service.ts';
import type { Tx, WriteContext } from '../audit/context.ts';
import { notFound } from '../errors.ts';
import type { Database } from '../db/types.ts';
import {
  blockPairs, compareAll, explain, levelsOf, runLinkage, scoreVectors, UnionFind, weightOf,
} from '../linkage/engine/index.ts';
import type { FsParams, LinkRun } from '../linkage/engine/index.ts';
import { personBlocking, personComparisons, type PersonRecord } from './comparisons.ts';
import { victimRepository } from './repository.ts';

/**
 * Prior parameters of the person comparisons (m and u per level, λ), close to what EM finds on
 * generated lists; used when there are too few records for EM to be trusted.
 */
export function fixedPersonParams(): FsParams {
  const cs = personComparisons();
  const m = [
    [0.55, 0.25, 0.08, 0.06, 0.04, 0.02], [0.85, 0.15], [0.98, 0.02], [0.6, 0.25, 0.1, 0.05], [0.7, 0.25, 0.04, 0.01],
    [0.85, 0.1, 0.04, 0.01], [0.85, 0.12, 0.03], [0.9, 0.07, 0.02, 0.01],
  ];
  const u = [
    [0.0004, 0.003, 0.002, 0.01, 0.005, 0.9796], [0.05, 0.95], [0.5, 0.5], [0.015, 0.03, 0.06, 0.895], [0.003, 0.01, 0.03, 0.957],
    [0.001, 0.002, 0.004, 0.993], [0.1, 0.02, 0.88], [0.0001, 0.0005, 0.001, 0.9984],
  ];
  return { fields: cs.map((c) => c.name), levels: cs.map((c) => [...c.levels]), m, u, lambda: 0.002 };
}

/** Re-scores a run's comparison vectors with other parameters. */
export function scoreWithParams(run: LinkRun, params: FsParams): Float64Array {
  return scoreVectors(run.vectors, params);
}

/** Records below which EM is not run and {@link fixedPersonParams} are used. */
export const EM_MIN_RECORDS = 300;

/** Scored candidate pairs of a set of person records. */
export interface PersonScores {
  left: Uint32Array;
  right: Uint32Array;
  weights: Float64Array;
  params: FsParams;
  trained: boolean;
  /** Waterfall of pair p: per-field level, label and weight. */
  waterfall(p: number): Array<{ field: string; label: string; weight: number }> & { prior?: number };
}

/** Blocks, compares and scores records: EM when there are enough of them, fixed parameters otherwise. */
export function scorePersons(records: readonly PersonRecord[], opts: { useEm?: boolean } = {}): PersonScores {
  const comparisons = personComparisons();
  const useEm = opts.useEm ?? records.length >= EM_MIN_RECORDS;
  let params: FsParams;
  let vectors;
  let pairs;
  let weights: Float64Array;
  if (useEm) {
    const run = runLinkage({ comparisons, blocking: personBlocking(), uSamplePairs: 100_000 }, records);
    ({ params, vectors, pairs, weights } = run);
  } else {
    const blocked = blockPairs(personBlocking(), records);
    pairs = { left: blocked.left, right: blocked.right, length: blocked.length };
    vectors = compareAll(comparisons, pairs, records);
    params = fixedPersonParams();
    weights = scoreVectors(vectors, params);
  }
  const v = vectors;
  const pr = params;
  return {
    left: pairs.left, right: pairs.right, weights, params, trained: useEm,
    waterfall: (p) => explain(levelsOf(v, p), pr).steps.map((s) => ({ field: s.field, label: s.label, weight: Math.round(s.weight * 1000) / 1000 })),
  };
}

/** Link and review thresholds as match probabilities. */
export interface MatchThresholds {
  link: number;
  review: number;
}

/** Chosen on generated lists: linking at 0.95 keeps pairwise precision near 0.95 with either parameter set. */
export const DEFAULT_THRESHOLDS: MatchThresholds = { link: 0.95, review: 0.3 };

/** What a matching run did. */
export interface MatchResult {
  records: number;
  candidatePairs: number;
  linked: number;
  queued: number;
  persons: number;
  trained: boolean;
}

/**
 * Matches every victim record against every other (within and across lists), writes linked and
 * review pairs to `link_pairs` (labels given by people are kept), and sets `victims.person_id`
 * from the union of pairs that are matches (linked, or labelled so by a reviewer). Non-matches
 * labelled by a reviewer are never linked automatically.
 */
export async function matchVictims(db: Kysely<Database>, ctx: Omit<WriteContext, 'tx'>, opts: { thresholds?: MatchThresholds; useEm?: boolean } = {}): Promise<MatchResult> {
  const th = opts.thresholds ?? DEFAULT_THRESHOLDS;
  const records = await victimRepository.personRecords(db);
  const scores = scorePersons(records, opts.useEm == null ? {} : { useEm: opts.useEm });
  const linkW = weightOf(th.link);
  const reviewW = weightOf(th.review);
  let linked = 0;
  let queued = 0;
  const rows: Array<{ left: number; right: number; weight: number; status: 'match' | 'pending'; waterfall: unknown }> = [];
  for (let p = 0; p < scores.weights.length; p++) {
    const w = scores.weights[p];
    if (w < reviewW) continue;
    const a = records[scores.left[p]].id;
    const b = records[scores.right[p]].id;
    const auto = w >= linkW;
    if (auto) linked++;
    else queued++;
    rows.push({ left: Math.min(a, b), right: Math.max(a, b), weight: w, status: auto ? 'match' : 'pending', waterfall: scores.waterfall(p) });
  }
  return db.transaction().execute(async (tx) => {
    const wctx = { ...ctx, tx };
    await victimRepository.upsertPairs(tx, rows);
    const { persons, changed } = await rebuildPersons(tx);
    const result: MatchResult = { records: records.length, candidatePairs: scores.weights.length, linked, queued, persons, trained: scores.trained };
    await recordAudit(wctx, { action: 'victims.matched', targetType: 'victim', targetId: null, after: { ...result, thresholds: th, personChanges: changed } });
    return result;
  });
}

/**
 * Sets `victims.person_id` from the union of match pairs (the lowest id of a cluster is its
 * canonical record). Returns the number of persons and of records whose person changed.
 */
export async function rebuildPersons(tx: Tx): Promise<{ persons: number; changed: number }> {
  const ids = await victimRepository.allIds(tx);
  const index = new Map(ids.map((id, i) => [id, i]));
  const uf = new UnionFind(ids.length);
  for (const m of await victimRepository.matchPairs(tx)) {
    const i = index.get(m.left_id);
    const j = index.get(m.right_id);
    if (i != null && j != null) uf.union(i, j);
  }
  const canonical = new Map<number, number>();
  ids.forEach((id, i) => {
    const root = uf.find(i);
    const c = canonical.get(root);
    if (c == null || id < c) canonical.set(root, id);
  });
  const rows = ids.map((id, i) => {
    const c = canonical.get(uf.find(i))!;
    return { id, person: c === id ? null : c };
  });
  const changed = await victimRepository.setPersons(tx, rows);
  return { persons: canonical.size, changed };
}

/**
 * A reviewer labels a queued pair as the same person or not; persons are rebuilt at once.
 * A pair labelled by a person is never relabelled by a later matching run.
 */
export async function labelVictimPair(ctx: WriteContext, pairId: number, label: 'match' | 'non_match'): Promise<{ persons: number; changed: number }> {
  const r = await victimRepository.labelPair(ctx.tx, pairId, label, ctx.actor);
  if (!r) throw notFound('victim pair', pairId);
  const out = await rebuildPersons(ctx.tx);
  await recordAudit(ctx, { action: 'victim_pair.labelled', targetType: 'link_pair', targetId: pairId, after: { label, left_id: r.left_id, right_id: r.right_id, personChanges: out.changed } });
  return out;
}

/** One person (a cluster of victim records) with the lists that documented them. */
export interface PersonMembership {
  /** The person's canonical victim id. */
  id: number;
  /** Slugs of the lists holding any record of the person, sorted. */
  lists: string[];
  /** Stratum for stratified estimation, when asked for (e.g. gender or age group). */
  stratum?: string;
}

/**
 * Persons with their list memberships, for capture-history tables (MSE): one entry per person
 * documented by at least one list.
 */
export async function personListMemberships(db: Kysely<Database>, opts: { stratifyBy?: 'gender' | 'age_group' | 'outcome' } = {}): Promise<PersonMembership[]> {
  const rows = await victimRepository.memberships(db);
  const byPerson = new Map<number, { lists: Set<string>; stratum: string | null }>();
  for (const r of rows) {
    const e = byPerson.get(r.person) ?? { lists: new Set<string>(), stratum: null };
    e.lists.add(r.slug);
    const s = opts.stratifyBy === 'gender' ? r.gender : opts.stratifyBy === 'age_group' ? ageGroupOf(r.age_max, r.age_group) : opts.stratifyBy === 'outcome' ? r.outcome : null;
    if (s && !e.stratum) e.stratum = s;
    byPerson.set(r.person, e);
  }
  return [...byPerson.entries()].sort((a, b) => a[0] - b[0]).map(([id, e]) => ({
    id, lists: [...e.lists].sort(), ...(opts.stratifyBy ? { stratum: e.stratum ?? 'unknown' } : {}),
  }));
}

/** Child (under 18) or adult from an age range or an age group word. */
export function ageGroupOf(ageMax: number | null, group: string | null): string | null {
  if (ageMax != null) return ageMax < 18 ? 'child' : 'adult';
  if (group === 'infant' || group === 'child') return 'child';
  if (group === 'adult' || group === 'elderly') return 'adult';
  return null;
}
