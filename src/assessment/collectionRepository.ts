/**
 * Typed queries of the public assessments collection, one method per query: the current
 * assessment of each belligerent on each published incident (drafts, merged and withdrawn
 * incidents stay internal), with the incident's place and date for maps and exports.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { AssessmentsTable, Database } from '../db/types.ts';

export interface AssessmentFilter {
  belligerent?: string | undefined;
  status?: string | undefined;
  incident?: string | undefined;
  /** On `assessed_on`, the belligerent's own date. */
  from?: string | undefined;
  to?: string | undefined;
  /** On the incident's start date (only incidents whose date is public). */
  incidentFrom?: string | undefined;
  incidentTo?: string | undefined;
  country?: string | undefined;
}

export interface AssessmentCursor {
  date: string | null;
  id: number;
}

/** One public assessment with its incident, as the query returns it (the table's columns, not restated). */
export interface PublicAssessmentRow extends Omit<Selectable<AssessmentsTable>, 'incident_id'> {
  incident_public_id: string;
  incident_date_start: string | null;
  incident_date_end: string | null;
  incident_date_precision: string | null;
  incident_country: string | null;
  incident_admin1: string | null;
  incident_place_text: string | null;
  incident_lat: number | null;
  incident_lon: number | null;
  incident_precision: string | null;
  incident_field_visibility: Record<string, string> | null;
}

/** A field of the incident the public may see (its `field_visibility` says neither internal nor restricted). */
const publicField = (field: string) => sql<boolean>`coalesce(i.field_visibility->>${field}, 'public') not in ('internal', 'restricted')`;

function publicAssessments(db: Kysely<Database>, f: AssessmentFilter) {
  let q = db.selectFrom('assessments as a')
    .innerJoin('incidents as i', 'i.id', 'a.incident_id')
    // The document's source id only when that source is itself public.
    .leftJoin('sources as d', (j) => j.onRef('d.id', '=', 'a.document_source_id').on('d.visibility', '=', 'public').on('d.status', '=', 'accepted'))
    .where('i.status', '=', 'published');
  if (f.belligerent) q = q.where(sql<string>`lower(a.belligerent)`, '=', f.belligerent.toLowerCase());
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.incident) q = q.where('i.public_id', '=', f.incident);
  if (f.from) q = q.where('a.assessed_on', '>=', f.from);
  if (f.to) q = q.where('a.assessed_on', '<=', f.to);
  if (f.incidentFrom || f.incidentTo) q = q.where(publicField('date'));
  if (f.incidentFrom) q = q.where('i.date_start', '>=', f.incidentFrom);
  if (f.incidentTo) q = q.where('i.date_start', '<=', f.incidentTo);
  if (f.country) q = q.where('i.country', '=', f.country);
  return q;
}

function withColumns(q: ReturnType<typeof publicAssessments>) {
  return q.select([
    'a.id', 'a.belligerent', 'a.status', 'a.conceded_killed_min', 'a.conceded_killed_max', 'a.conceded_injured_min', 'a.conceded_injured_max',
    'a.reason', 'a.reason_given', 'a.assessed_on', 'a.document_url', 'd.id as document_source_id', 'a.version', 'a.updated_at',
    'i.public_id as incident_public_id', 'i.date_start as incident_date_start', 'i.date_end as incident_date_end', 'i.date_precision as incident_date_precision',
    'i.country as incident_country', 'i.admin1 as incident_admin1', 'i.place_text as incident_place_text', 'i.lat as incident_lat', 'i.lon as incident_lon',
    'i.place_precision as incident_precision', 'i.field_visibility as incident_field_visibility',
  ]);
}

type Query = ReturnType<typeof publicAssessments>;

export const assessmentCollectionRepository = {
  /**
   * Latest determination first (undated last), keyset-paginated on (assessed_on, id): the dated
   * rows behind the cursor, then, when the page is not full, the undated ones.
   */
  async list(db: Kysely<Database>, f: AssessmentFilter, after: AssessmentCursor | null, limit: number): Promise<PublicAssessmentRow[]> {
    const page = async (q: Query, n: number): Promise<PublicAssessmentRow[]> =>
      withColumns(q).orderBy(sql`a.assessed_on desc nulls last`).orderBy('a.id', 'desc').limit(n).execute();
    const base = publicAssessments(db, f);
    if (!after) return page(base, limit);
    const undated = base.where('a.assessed_on', 'is', null);
    if (after.date === null) return page(undated.where('a.id', '<', after.id), limit);
    const { date, id } = after;
    const dated = await page(base.where('a.assessed_on', 'is not', null).where((eb) => eb(eb.refTuple('a.assessed_on', 'a.id'), '<', eb.tuple(date, id))), limit);
    return dated.length < limit ? [...dated, ...(await page(undated, limit - dated.length))] : dated;
  },

  /** How many match, counted exactly up to `cap` (beyond it the count is a lower bound). */
  async count(db: Kysely<Database>, f: AssessmentFilter, cap = 10_000): Promise<{ n: number; exact: boolean }> {
    const inner = publicAssessments(db, f).select(sql<number>`1`.as('one')).limit(cap + 1);
    const r = await db.selectFrom(inner.as('m')).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const n = Number(r.n);
    return n > cap ? { n: cap, exact: false } : { n, exact: true };
  },

  /** All matching assessments in id order, a page at a time (streamed exports, constant memory). */
  async *stream(db: Kysely<Database>, f: AssessmentFilter, pageSize = 1000): AsyncGenerator<PublicAssessmentRow[]> {
    let lastId = 0;
    for (;;) {
      const rows: PublicAssessmentRow[] = await withColumns(publicAssessments(db, f).where('a.id', '>', lastId)).orderBy('a.id').limit(pageSize).execute();
      if (rows.length === 0) return;
      yield rows;
      lastId = rows.at(-1)!.id;
      if (rows.length < pageSize) return;
    }
  },
};
