/**
 * Test data for reconciliation: incidents with figures and an assessment, declared strikes, and
 * claims. Written straight to the tables (no audit): for tests only.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import type { AssessmentStatus, Grade } from '../model/vocabulary.ts';
import { NO_REASON_GIVEN } from '../model/vocabulary.ts';

type Triple = [low: number | null, best: number | null, high: number | null];

export interface AssessmentSpec {
  status: AssessmentStatus;
  belligerent?: string;
  killed?: [min: number | null, max: number | null];
  injured?: [min: number | null, max: number | null];
  /** Stated reason; omitted = "no reason given". */
  reason?: string;
  assessedOn?: string | null;
  /** Earlier versions, oldest first (each becomes an assessment_history row). */
  history?: Array<{ status: AssessmentStatus; reason?: string; assessedOn?: string | null }>;
}

export interface IncidentSpec {
  date?: string | null;
  country?: 'IQ' | 'SY' | null;
  admin1?: string | null;
  grade?: Grade | null;
  belligerents?: string[];
  status?: 'draft' | 'published' | 'merged' | 'withdrawn';
  killed?: Triple | null;
  injured?: Triple | null;
  assessment?: AssessmentSpec | null;
  /** Per-field visibility overrides, e.g. `{ place: 'internal' }`. */
  fieldVisibility?: Record<string, string>;
}

/** Inserts one incident with its civilian figures and (optionally) an assessment. */
export async function buildIncident(db: Kysely<Database>, spec: IncidentSpec = {}): Promise<{ id: number; publicId: string }> {
  const date = spec.date === undefined ? '2017-03-17' : spec.date;
  const row = await db.insertInto('incidents').values({
    public_id: sql<string>`'HW-' || lpad(nextval('incident_public_seq')::text, 5, '0')`,
    title: `incident on ${date ?? 'an unknown date'}`,
    date_start: date, date_end: date,
    date_precision: date ? 'day' : null,
    country: spec.country === undefined ? 'IQ' : spec.country,
    admin1: spec.admin1 === undefined ? 'Nineveh' : spec.admin1,
    belligerents: spec.belligerents ?? ['coalition'],
    grade: spec.grade === undefined ? 'fair' : spec.grade,
    status: spec.status ?? 'published',
    ...(spec.fieldVisibility ? { field_visibility: JSON.stringify(spec.fieldVisibility) } : {}),
  }).returning(['id', 'public_id']).executeTakeFirstOrThrow();
  const figures: Array<['killed' | 'injured', Triple]> = [];
  if (spec.killed) figures.push(['killed', spec.killed]);
  if (spec.injured) figures.push(['injured', spec.injured]);
  for (const [outcome, [low, best, high]] of figures) {
    await db.insertInto('incident_figures').values({ incident_id: row.id, outcome, population: 'civilians', low, best, high, rule: 'test' }).execute();
  }
  const a = spec.assessment;
  if (a) {
    const history = a.history ?? [];
    const assessment = await db.insertInto('assessments').values({
      incident_id: row.id,
      belligerent: a.belligerent ?? (spec.belligerents ?? ['coalition'])[0] ?? 'coalition',
      status: a.status,
      conceded_killed_min: a.killed?.[0] ?? null, conceded_killed_max: a.killed?.[1] ?? null,
      conceded_injured_min: a.injured?.[0] ?? null, conceded_injured_max: a.injured?.[1] ?? null,
      reason: a.reason ?? NO_REASON_GIVEN,
      reason_given: a.reason != null,
      assessed_on: a.assessedOn ?? null,
      version: history.length + 1,
    }).returning('id').executeTakeFirstOrThrow();
    for (const [i, h] of history.entries()) {
      await db.insertInto('assessment_history').values({
        assessment_id: assessment.id, version: i + 1, status: h.status, reason: h.reason ?? NO_REASON_GIVEN, reason_given: h.reason != null,
        assessed_on: h.assessedOn ?? null, recorded_by: 'test', change_reason: 'test history',
      }).execute();
    }
  }
  return { id: row.id, publicId: row.public_id };
}

/** Inserts declared strike lines. */
export async function buildStrikes(db: Kysely<Database>, rows: Array<{ date: string; country: 'IQ' | 'SY'; strikes: number | null; belligerent?: string }>): Promise<void> {
  for (const [i, r] of rows.entries()) {
    const line = `- Near Test ${i}, ${r.strikes ?? 'some'} strikes (${r.date}).`;
    await db.insertInto('declared_strikes').values({
      identity_key: `test|${r.date}|${i}|${Math.random()}`, content_sha256: 'test', release_date: r.date, country: r.country,
      place_text: `Test ${i}`, strikes: r.strikes, line, engaged: '[]', destroyed: '[]', damaged: '[]', ...(r.belligerent ? { belligerent: r.belligerent } : {}),
    }).execute();
  }
}

/** Inserts a source and one claim in it. */
export async function buildClaim(db: Kysely<Database>, spec: {
  type: 'strikes' | 'casualties' | 'reports'; claimant: string; min: number | null; max?: number | null;
  from?: string | null; to?: string | null; place?: string | null; outcome?: 'killed' | 'injured' | null;
}): Promise<number> {
  const quote = `${spec.claimant} says ${spec.min ?? 'some'} ${spec.type}`;
  const src = await db.insertInto('sources').values({
    source_key: `test-${Math.random()}`, type: 'news_article', captured_at: new Date(), sha256: 'test', text: quote,
  }).returning('id').executeTakeFirstOrThrow();
  const c = await db.insertInto('claims').values({
    source_id: src.id, type: spec.type, claimant: spec.claimant, claimant_norm: spec.claimant.toLowerCase(),
    outcome: spec.type === 'casualties' ? (spec.outcome ?? 'killed') : null,
    population: spec.type === 'casualties' ? 'civilians' : null,
    min: spec.min, max: spec.max ?? null, period_start: spec.from ?? null, period_end: spec.to ?? null,
    place_text: spec.place ?? null, quote, span_start: 0, span_end: quote.length,
  }).returning('id').executeTakeFirstOrThrow();
  return c.id;
}
