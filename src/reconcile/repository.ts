/**
 * Reconciliation queries: plain PostgreSQL that runs the same on PGlite and PostgreSQL.
 * One method per query. The category of an incident is computed in SQL by `categorySql`, which
 * mirrors `gapCategory` in ./incidentGap.ts (tests hold the two together).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Tx } from '../audit/context.ts';
import type { Database, PipelineReportsTable } from '../db/types.ts';
import type { Insertable, Selectable } from 'kysely';
import { GRADES, type Grade } from '../model/vocabulary.ts';
import type { GapCategory } from './incidentGap.ts';
import type { Dimension } from './schema.ts';

type Conn = Kysely<Database> | Tx;

/** Which incidents (and strikes) a reconciliation covers. */
export interface ReconcileFilter {
  from?: string | undefined;
  to?: string | undefined;
  /** Country code; 'none' = incidents without one. */
  country?: 'IQ' | 'SY' | 'none' | undefined;
  /** Governorate; 'none' = incidents without one. */
  admin1?: string | undefined;
  /** Whose assessments count; null/undefined = every belligerent an incident names (one row per pair). */
  belligerent?: string | null | undefined;
  /** Exact grade; 'none' = ungraded. */
  grade?: Grade | 'none' | undefined;
  undated?: boolean | undefined;
  /** Only incidents graded at or above. */
  minGrade?: Grade | undefined;
  category?: GapCategory[] | undefined;
  has?: 'killed' | 'injured' | undefined;
}

/** Grades at or above `min`, in the order of GRADES (confirmed, fair, weak, contested, discounted). */
export function gradesAtLeast(min: Grade): Grade[] {
  return GRADES.slice(0, GRADES.indexOf(min) + 1);
}

const list = (values: readonly string[]): RawBuilder<unknown> => sql.join(values.map((v) => sql`${v}`));

/** The category CASE over the `base` columns; mirrors gapCategory(). */
const categorySql = sql`case
  when a.status is null or a.status in ('not_yet_assessed', 'open', 'reopened') then 'not_yet_assessed'
  when a.status = 'duplicate' then 'duplicate'
  when a.status = 'credible' then case
    when (k.low is null or k.low = 0 or (a.conceded_killed_min is not null and a.conceded_killed_min >= k.low))
     and (j.low is null or j.low = 0 or (a.conceded_injured_min is not null and a.conceded_injured_min >= j.low))
    then 'conceded_in_full' else 'conceded_in_part' end
  when a.reason_given then 'rejected_with_reason'
  else 'rejected_without_reason'
end`;

/** One row per (published incident, belligerent) in scope, with figures, assessment and category. */
function baseSql(f: ReconcileFilter, threshold: readonly Grade[]): RawBuilder<unknown> {
  const where: Array<RawBuilder<unknown>> = [sql`i.status = 'published'`];
  if (f.from) where.push(sql`i.date_start >= ${f.from}`);
  if (f.to) where.push(sql`i.date_start <= ${f.to}`);
  if (f.undated) where.push(sql`i.date_start is null`);
  if (f.country === 'none') where.push(sql`i.country is null`);
  else if (f.country) where.push(sql`i.country = ${f.country}`);
  if (f.admin1 === 'none') where.push(sql`i.admin1 is null`);
  else if (f.admin1) where.push(sql`i.admin1 = ${f.admin1}`);
  if (f.belligerent) where.push(sql`b.belligerent = ${f.belligerent}`);
  if (f.grade === 'none') where.push(sql`i.grade is null`);
  else if (f.grade) where.push(sql`i.grade = ${f.grade}`);
  if (f.minGrade) where.push(sql`i.grade in (${list(gradesAtLeast(f.minGrade))})`);
  if (f.has === 'killed') where.push(sql`(k.low is not null or k.best is not null or k.high is not null)`);
  if (f.has === 'injured') where.push(sql`(j.low is not null or j.best is not null or j.high is not null)`);
  const inThreshold = threshold.length ? sql`(i.grade is not null and i.grade in (${list(threshold)}))` : sql`false`;
  return sql`select i.id, i.public_id, i.title, i.field_visibility, i.date_start, i.date_end, i.country, i.admin1, i.grade, b.belligerent,
      k.low as killed_low, k.best as killed_best, k.high as killed_high,
      j.low as injured_low, j.best as injured_best, j.high as injured_high,
      a.status as a_status, a.conceded_killed_min, a.conceded_killed_max, a.conceded_injured_min, a.conceded_injured_max,
      a.reason, a.reason_given, a.assessed_on, a.document_url,
      ${categorySql} as category,
      ${inThreshold} as in_threshold
    from incidents i
    cross join lateral unnest(i.belligerents) as b(belligerent)
    left join incident_figures k on k.incident_id = i.id and k.outcome = 'killed' and k.population = 'civilians'
    left join incident_figures j on j.incident_id = i.id and j.outcome = 'injured' and j.population = 'civilians'
    left join assessments a on a.incident_id = i.id and a.belligerent = b.belligerent
    where ${sql.join(where, sql` and `)}`;
}

/** A row of the per-incident query. */
export interface IncidentGapRow {
  id: number;
  public_id: string;
  title: string | null;
  /** Per-field visibility overrides (migration 0003): 'internal'/'restricted' fields are not shown. */
  field_visibility: Record<string, string> | null;
  date_start: string | null;
  date_end: string | null;
  country: string | null;
  admin1: string | null;
  grade: string | null;
  belligerent: string;
  killed_low: number | null; killed_best: number | null; killed_high: number | null;
  injured_low: number | null; injured_best: number | null; injured_high: number | null;
  a_status: string | null;
  conceded_killed_min: number | null; conceded_killed_max: number | null;
  conceded_injured_min: number | null; conceded_injured_max: number | null;
  reason: string | null;
  reason_given: boolean | null;
  assessed_on: string | null;
  document_url: string | null;
  category: GapCategory;
}

/** An aggregate row: one cell of incidents. */
export interface IncidentCellRow {
  key: string | null;
  alleged: number; assessed: number; credible: number; conceded_in_full: number; conceded_in_part: number;
  rejected_with_reason: number; rejected_without_reason: number; duplicate: number; still_open: number;
  killed_n: number; killed_low: number | null; killed_best: number | null; killed_high: number | null;
  injured_n: number; injured_low: number | null; injured_best: number | null; injured_high: number | null;
  conceded_killed_min: number | null; conceded_killed_max: number | null;
  conceded_injured_min: number | null; conceded_injured_max: number | null;
}

/** A row of declared strikes per cell. */
export interface StrikeCellRow {
  key: string | null;
  strikes: number | null;
  lines: number;
}

const INCIDENT_KEY: Record<Dimension, RawBuilder<unknown>> = {
  month: sql`to_char(date_start, 'YYYY-MM')`,
  year: sql`to_char(date_start, 'YYYY')`,
  period: sql`'all'`,
  country: sql`country`,
  admin1: sql`admin1`,
  belligerent: sql`belligerent`,
  grade: sql`grade`,
};

const STRIKE_KEY: Partial<Record<Dimension, RawBuilder<unknown>>> = {
  month: sql`to_char(release_date, 'YYYY-MM')`,
  year: sql`to_char(release_date, 'YYYY')`,
  period: sql`'all'`,
  country: sql`country`,
  belligerent: sql`belligerent`,
};

/** Conceded per row: credible → stated (max defaults to min); rejected/duplicate → 0; open → null. */
const conceded = (min: string, max: string | null): RawBuilder<unknown> => sql`case
  when category in ('conceded_in_full', 'conceded_in_part') then ${max ? sql`coalesce(${sql.ref(max)}, ${sql.ref(min)})` : sql.ref(min)}
  when category = 'not_yet_assessed' then null else 0 end`;

/** Typed reconciliation queries. */
export const reconcileRepository = {
  /** Incidents with their gap inputs and category, oldest first. */
  async incidents(db: Conn, f: ReconcileFilter, page: { limit: number; offset: number }): Promise<{ total: number; rows: IncidentGapRow[] }> {
    const base = baseSql(f, []);
    const cat = f.category?.length ? sql`where category in (${list(f.category)})` : sql``;
    const rows = await sql<IncidentGapRow & { total: number }>`with base as (${base})
      select *, count(*) over () as total from base ${cat}
      order by date_start asc nulls last, id, belligerent limit ${page.limit} offset ${page.offset}`.execute(db);
    let total = rows.rows[0]?.total ?? 0;
    if (rows.rows.length === 0 && page.offset > 0) {
      const c = await sql<{ total: number }>`with base as (${base}) select count(*) as total from base ${cat}`.execute(db);
      total = c.rows[0]?.total ?? 0;
    }
    return { total: Number(total), rows: rows.rows.map(({ total: _t, ...r }) => r) };
  },

  /** Incident figures per cell of `by`, with independent sums over the grade threshold. */
  async incidentCells(db: Conn, f: ReconcileFilter, by: Dimension, threshold: readonly Grade[]): Promise<IncidentCellRow[]> {
    const key = INCIDENT_KEY[by];
    const r = await sql<IncidentCellRow>`with base as (${baseSql(f, threshold)})
      select ${key} as key,
        count(*) as alleged,
        count(*) filter (where category <> 'not_yet_assessed') as assessed,
        count(*) filter (where category in ('conceded_in_full', 'conceded_in_part')) as credible,
        count(*) filter (where category = 'conceded_in_full') as conceded_in_full,
        count(*) filter (where category = 'conceded_in_part') as conceded_in_part,
        count(*) filter (where category = 'rejected_with_reason') as rejected_with_reason,
        count(*) filter (where category = 'rejected_without_reason') as rejected_without_reason,
        count(*) filter (where category = 'duplicate') as duplicate,
        count(*) filter (where category = 'not_yet_assessed') as still_open,
        count(*) filter (where in_threshold and (killed_low is not null or killed_best is not null or killed_high is not null)) as killed_n,
        sum(killed_low) filter (where in_threshold) as killed_low,
        sum(killed_best) filter (where in_threshold) as killed_best,
        sum(killed_high) filter (where in_threshold) as killed_high,
        count(*) filter (where in_threshold and (injured_low is not null or injured_best is not null or injured_high is not null)) as injured_n,
        sum(injured_low) filter (where in_threshold) as injured_low,
        sum(injured_best) filter (where in_threshold) as injured_best,
        sum(injured_high) filter (where in_threshold) as injured_high,
        sum(${conceded('conceded_killed_min', null)}) as conceded_killed_min,
        sum(${conceded('conceded_killed_min', 'conceded_killed_max')}) as conceded_killed_max,
        sum(${conceded('conceded_injured_min', null)}) as conceded_injured_min,
        sum(${conceded('conceded_injured_min', 'conceded_injured_max')}) as conceded_injured_max
      from base group by 1 order by 1 nulls last`.execute(db);
    return r.rows;
  },

  /**
   * Declared strikes per cell of `by`, under the same period, country and belligerent; null for
   * dimensions strikes do not carry (governorate, grade).
   */
  async strikeCells(db: Conn, f: ReconcileFilter, by: Dimension): Promise<StrikeCellRow[] | null> {
    const key = STRIKE_KEY[by];
    if (!key || f.country === 'none' || f.admin1 || f.grade || f.undated || f.minGrade || f.has || f.category) return null;
    const where: Array<RawBuilder<unknown>> = [sql`true`];
    if (f.from) where.push(sql`release_date >= ${f.from}`);
    if (f.to) where.push(sql`release_date <= ${f.to}`);
    if (f.country) where.push(sql`country = ${f.country}`);
    if (f.belligerent) where.push(sql`belligerent = ${f.belligerent}`);
    const r = await sql<StrikeCellRow>`select ${key} as key, sum(strikes) as strikes, count(*) as lines
      from declared_strikes where ${sql.join(where, sql` and `)} group by 1 order by 1`.execute(db);
    return r.rows;
  },

  /** First and last incident date and strike release date in scope, to name the period. */
  async span(db: Conn, f: ReconcileFilter): Promise<{ first: string | null; last: string | null }> {
    const r = await sql<{ first: string | null; last: string | null }>`with base as (${baseSql(f, [])}),
      s as (select release_date as d from declared_strikes
        where (${f.from ?? null}::date is null or release_date >= ${f.from ?? null}::date)
          and (${f.to ?? null}::date is null or release_date <= ${f.to ?? null}::date)
          and (${f.country ?? null}::text is null or country = ${f.country ?? null}::text)
          and (${f.belligerent ?? null}::text is null or belligerent = ${f.belligerent ?? null}::text)
        union all select date_start from base)
      select min(d)::text as first, max(d)::text as last from s`.execute(db);
    return r.rows[0] ?? { first: null, last: null };
  },

  /** Claims of strikes, casualties and reports whose period overlaps the filter's. */
  async claims(db: Conn, f: ReconcileFilter, limit: number): Promise<ClaimRow[]> {
    const where: Array<RawBuilder<unknown>> = [sql`c.type in ('strikes', 'casualties', 'reports')`, sql`c.status <> 'rejected'`];
    if (f.from) where.push(sql`(c.period_end is null or c.period_end >= ${f.from})`);
    if (f.to) where.push(sql`(c.period_start is null or c.period_start <= ${f.to})`);
    const r = await sql<ClaimRow>`select c.id, c.source_id, c.type, c.claimant, c.claimant_norm, c.actor_norm, c.attribution,
        c.outcome, c.population, c.min, c.max, c.period_start, c.period_end, c.place_text, p.country as place_country, c.quote
      from claims c left join places p on p.id = c.place_id
      where ${sql.join(where, sql` and `)} order by c.period_start nulls last, c.id limit ${limit}`.execute(db);
    return r.rows;
  },

  /** Pipeline reports, oldest period first. */
  async pipelineReports(db: Conn, belligerent?: string): Promise<Array<Selectable<PipelineReportsTable>>> {
    let q = db.selectFrom('pipeline_reports').selectAll();
    if (belligerent) q = q.where('belligerent', '=', belligerent);
    return q.orderBy('belligerent').orderBy('period_start').orderBy('period_end').execute();
  },

  async findPipelineReport(tx: Tx, belligerent: string, start: string, end: string): Promise<Selectable<PipelineReportsTable> | undefined> {
    return tx.selectFrom('pipeline_reports').selectAll()
      .where('belligerent', '=', belligerent).where('period_start', '=', start).where('period_end', '=', end).executeTakeFirst();
  },

  async insertPipelineReport(tx: Tx, row: Insertable<PipelineReportsTable>): Promise<number> {
    return (await tx.insertInto('pipeline_reports').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },

  async updatePipelineReport(tx: Tx, id: number, row: Partial<Insertable<PipelineReportsTable>>): Promise<void> {
    await tx.updateTable('pipeline_reports').set(row).where('id', '=', id).execute();
  },

  /**
   * Determinations dated (assessed_on) in [start, end] by a belligerent, from current assessments
   * and their history (one per assessment and version): closures, and closures without a reason.
   */
  async closures(db: Conn, belligerent: string, start: string, end: string): Promise<{ closed: number; without_reason: number }> {
    const r = await sql<{ closed: number; without_reason: number }>`with v as (
        select a.id, a.version, a.status, a.reason_given, a.assessed_on from assessments a where a.belligerent = ${belligerent}
        union
        select h.assessment_id, h.version, h.status, h.reason_given, h.assessed_on
          from assessment_history h join assessments a on a.id = h.assessment_id where a.belligerent = ${belligerent})
      select count(distinct id) as closed,
             count(distinct id) filter (where not reason_given) as without_reason
      from v where status in ('credible', 'not_credible', 'duplicate', 'insufficient_information')
        and assessed_on between ${start}::date and ${end}::date`.execute(db);
    return r.rows[0] ?? { closed: 0, without_reason: 0 };
  },

  /**
   * Memberships of capture lists of one kind, with stratum properties of incident records. Victim
   * records matched as one person (victims.person_id) count as one individual on each list.
   */
  async memberships(db: Conn, kind: 'incidents' | 'victims'): Promise<Array<{ record_id: number; list: string; country: string | null; admin1: string | null; year: string | null }>> {
    const r = await sql<{ record_id: number; list: string; country: string | null; admin1: string | null; year: string | null }>`
      select distinct coalesce(v.person_id, m.record_id) as record_id, l.slug as list, i.country, i.admin1, to_char(i.date_start, 'YYYY') as year
      from list_memberships m join capture_lists l on l.id = m.list_id
      left join victims v on m.record_kind = 'victim' and v.id = m.record_id
      left join incidents i on i.id = case when m.record_kind = 'incident' then m.record_id else v.incident_id end
      where l.kind = ${kind} and m.record_kind = ${kind === 'incidents' ? 'incident' : 'victim'}
      order by 1, 2`.execute(db);
    return r.rows;
  },
};

/** A claim row for comparison with computed totals. */
export interface ClaimRow {
  id: number;
  source_id: number;
  type: string;
  claimant: string | null;
  claimant_norm: string | null;
  actor_norm: string | null;
  attribution: string | null;
  outcome: string | null;
  population: string | null;
  min: number | null;
  max: number | null;
  period_start: string | null;
  period_end: string | null;
  place_text: string | null;
  place_country: string | null;
  quote: string;
}
