import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database, IncidentRow } from '../db/types.ts';
import { foldSearch } from '../db/migrations/0006_incident_search.ts';
import { escapeLike } from '../strikes/repository.ts';

export interface IncidentFilter {
  from?: string | undefined;
  to?: string | undefined;
  country?: string | undefined;
  /** Governorate (admin1) as stored, case-insensitive. */
  governorate?: string | undefined;
  belligerent?: string | undefined;
  grade?: string | undefined;
  /** Any belligerent's current assessment status. */
  assessment?: string | undefined;
  /** Words to find in id, title, summary and place names, in any script. */
  q?: string | undefined;
  /** Public views see published incidents only. */
  publishedOnly: boolean;
}

/**
 * The columns the public presenters read (`presentIncident`): lists and exports leave out the
 * search text, external references and timestamps, which are never shown.
 */
export const PRESENTED_COLUMNS = [
  'id', 'public_id', 'title', 'summary', 'date_start', 'date_end', 'date_precision', 'country', 'admin1', 'admin2', 'place_text', 'place_name_ar',
  'lat', 'lon', 'place_precision', 'belligerents', 'strike_status', 'grade', 'grade_status', 'status', 'version', 'field_visibility',
] as const;
export type PresentedIncidentRow = Pick<IncidentRow, (typeof PRESENTED_COLUMNS)[number]>;

export interface Cursor {
  date: string | null;
  id: number;
}

type IncidentQuery = SelectQueryBuilder<Database, 'incidents', object>;

/** The public may filter on a field only where the incident shows it (`field_visibility`). */
const fieldPublic = (field: string) => sql<boolean>`coalesce(incidents.field_visibility->>${field}, 'public') = 'public'`;

function applyFilter(q: IncidentQuery, f: IncidentFilter): IncidentQuery {
  let out = q;
  if (f.publishedOnly) out = out.where('incidents.status', '=', 'published');
  else out = out.where('incidents.status', '<>', 'merged');
  if (f.from) out = out.where('incidents.date_start', '>=', f.from);
  if (f.to) out = out.where('incidents.date_start', '<=', f.to);
  if (f.publishedOnly && (f.from || f.to)) out = out.where(fieldPublic('date'));
  if (f.country) out = out.where('incidents.country', '=', f.country);
  if (f.governorate) out = out.where(sql<string>`lower(incidents.admin1)`, '=', f.governorate.toLowerCase());
  if (f.publishedOnly && f.governorate) out = out.where(fieldPublic('place'));
  // Words are searched in title, summary and place names: not where one of them is hidden.
  if (f.publishedOnly && f.q) out = out.where(fieldPublic('title')).where(fieldPublic('summary')).where(fieldPublic('place'));
  if (f.belligerent) out = out.where(sql<boolean>`${f.belligerent} = any(incidents.belligerents)`);
  if (f.grade) out = out.where('incidents.grade', '=', f.grade);
  if (f.assessment) {
    // The ids of incidents assessed so, collected first (an InitPlan) and looked up by primary key:
    // assessments are far fewer than incidents, and an EXISTS became a hash join over every incident.
    const status = f.assessment;
    out = out.where(sql<boolean>`incidents.id = any(array(${sql`select assessments.incident_id from assessments where assessments.status = ${status}`}))`);
  }
  if (f.q) {
    for (const word of foldSearch(f.q).split(/\s+/).filter(Boolean).slice(0, 8)) {
      out = out.where('incidents.search_text', 'like', `%${escapeLike(word)}%`);
    }
  }
  return out;
}

/** Typed queries over incidents and what hangs off them; one method per query. */
export const incidentRepository = {
  /**
   * Newest first (undated last), keyset-paginated on (date_start, id). Each query is one range of
   * the `incidents_order` index (0010): dated incidents behind the cursor, then, when the page is
   * not full, the undated ones; no page sorts the matching rows.
   */
  async list(db: Kysely<Database>, f: IncidentFilter, after: Cursor | null, limit: number): Promise<PresentedIncidentRow[]> {
    const page = (q: IncidentQuery, n: number): Promise<PresentedIncidentRow[]> =>
      q.select(PRESENTED_COLUMNS).orderBy(sql`incidents.date_start desc nulls last`).orderBy('incidents.id', 'desc').limit(n).execute();
    const base = applyFilter(db.selectFrom('incidents'), f);
    if (!after) return page(base, limit);
    const undated = base.where('incidents.date_start', 'is', null);
    if (after.date === null) return page(undated.where('incidents.id', '<', after.id), limit);
    const { date, id } = after;
    const dated = await page(base.where('incidents.date_start', 'is not', null)
      .where((eb) => eb(eb.refTuple('incidents.date_start', 'incidents.id'), '<', eb.tuple(date, id))), limit);
    return dated.length < limit ? [...dated, ...(await page(undated, limit - dated.length))] : dated;
  },

  /** How many match, counted exactly up to `cap` (beyond it the count is a lower bound). */
  async count(db: Kysely<Database>, f: IncidentFilter, cap = 10_000): Promise<{ n: number; exact: boolean }> {
    const inner = applyFilter(db.selectFrom('incidents'), f).select(sql<number>`1`.as('one')).limit(cap + 1);
    const r = await db.selectFrom(inner.as('m')).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const n = Number(r.n);
    return n > cap ? { n: cap, exact: false } : { n, exact: true };
  },

  /**
   * All matching incidents in id order, a page at a time (for streamed exports): keyset on the
   * primary key, so each page is one index range and memory does not grow with the export.
   */
  async *stream(db: Kysely<Database>, f: IncidentFilter, pageSize = 1000): AsyncGenerator<PresentedIncidentRow[]> {
    let lastId = 0;
    for (;;) {
      const rows = await applyFilter(db.selectFrom('incidents'), f).select(PRESENTED_COLUMNS).where('incidents.id', '>', lastId).orderBy('incidents.id').limit(pageSize).execute();
      if (rows.length === 0) return;
      yield rows;
      lastId = rows.at(-1)!.id;
      if (rows.length < pageSize) return;
    }
  },

  async byPublicId(db: Kysely<Database>, publicId: string): Promise<IncidentRow | undefined> {
    return db.selectFrom('incidents').selectAll().where('public_id', '=', publicId).executeTakeFirst();
  },

  async figures(db: Kysely<Database>, incidentIds: number[]) {
    if (incidentIds.length === 0) return [];
    return db.selectFrom('incident_figures').selectAll().where('incident_id', 'in', incidentIds).orderBy('incident_id').orderBy('outcome').orderBy('population').execute();
  },

  async assessments(db: Kysely<Database>, incidentIds: number[]) {
    if (incidentIds.length === 0) return [];
    return db.selectFrom('assessments').selectAll().where('incident_id', 'in', incidentIds).orderBy('incident_id').orderBy('belligerent').execute();
  },

  async assessmentHistory(db: Kysely<Database>, assessmentIds: number[]) {
    if (assessmentIds.length === 0) return [];
    return db.selectFrom('assessment_history').selectAll().where('assessment_id', 'in', assessmentIds).orderBy('assessment_id').orderBy('version').execute();
  },

  /** Claims of an incident with their source's public facts (never restricted sources). */
  async claimsWithSources(db: Kysely<Database>, incidentId: number) {
    return db
      .selectFrom('claims')
      .innerJoin('sources', 'sources.id', 'claims.source_id')
      .select([
        'claims.id', 'claims.type', 'claims.claimant', 'claims.claimant_norm', 'claims.outcome', 'claims.population', 'claims.min', 'claims.max',
        'claims.qualifier', 'claims.period_start', 'claims.period_end', 'claims.date_precision', 'claims.place_text', 'claims.place_precision',
        'claims.quote', 'claims.span_start', 'claims.span_end', 'claims.stance', 'claims.status',
        'sources.id as source_id', 'sources.title as source_title', 'sources.publisher as source_publisher', 'sources.url as source_url',
        'sources.sha256 as source_sha256', 'sources.captured_at as source_captured_at', 'sources.type as source_type', 'sources.language as source_language',
        'sources.published_on as source_published_on',
      ])
      .where('claims.incident_id', '=', incidentId)
      .where('sources.visibility', '=', 'public')
      .where('claims.status', '<>', 'rejected')
      .orderBy('claims.id')
      .execute();
  },

  async strikesNearby(db: Kysely<Database>, incidentId: number) {
    return db
      .selectFrom('strike_matches')
      .innerJoin('declared_strikes', 'declared_strikes.id', 'strike_matches.strike_id')
      .select(['declared_strikes.id', 'declared_strikes.release_date', 'declared_strikes.place_text', 'declared_strikes.strikes', 'declared_strikes.line',
        'declared_strikes.country', 'strike_matches.day_gap', 'strike_matches.distance_km', 'strike_matches.score', 'strike_matches.assigned'])
      .where('strike_matches.incident_id', '=', incidentId)
      .orderBy('strike_matches.score', 'desc')
      .execute();
  },

  /** Distinct governorates and belligerents, for filter menus. */
  async facets(db: Kysely<Database>, publishedOnly: boolean): Promise<{ governorates: Array<{ country: string | null; admin1: string }>; belligerents: string[] }> {
    let g = db.selectFrom('incidents').select(['country', 'admin1']).where('admin1', 'is not', null).distinct();
    if (publishedOnly) g = g.where('status', '=', 'published');
    const govs = await g.orderBy('admin1').execute();
    const bel = await sql<{ b: string }>`select distinct unnest(belligerents) as b from incidents ${publishedOnly ? sql`where status = 'published'` : sql``} order by 1`.execute(db);
    return { governorates: govs.map((r) => ({ country: r.country, admin1: r.admin1! })), belligerents: bel.rows.map((r) => r.b) };
  },
};

/** Located incidents for the map: coordinates, precision and grade only. */
export async function incidentPoints(db: Kysely<Database>, f: IncidentFilter, limit: number) {
  return applyFilter(db.selectFrom('incidents'), f)
    .select(['incidents.public_id', 'incidents.lat', 'incidents.lon', 'incidents.place_precision', 'incidents.grade', 'incidents.place_text', 'incidents.place_name_ar'])
    .select(sql<string | null>`case when ${fieldPublic('date')} then incidents.date_start end`.as('date_start'))
    .where('incidents.lat', 'is not', null)
    .where('incidents.lon', 'is not', null)
    // the map is public: no point for an incident whose place or coordinates are hidden
    .where(fieldPublic('place')).where(fieldPublic('lat')).where(fieldPublic('lon'))
    .orderBy('incidents.id')
    .limit(limit)
    .execute();
}

/** Current assessments counted by status (published incidents). */
export async function assessmentStatusCounts(db: Kysely<Database>, publishedOnly: boolean): Promise<Array<{ status: string; count: number }>> {
  let q = db.selectFrom('assessments').innerJoin('incidents', 'incidents.id', 'assessments.incident_id');
  if (publishedOnly) q = q.where('incidents.status', '=', 'published');
  const rows = await q.select((eb) => ['assessments.status', eb.fn.countAll<string>().as('n')]).groupBy('assessments.status').execute();
  return rows.map((r) => ({ status: r.status, count: Number(r.n) }));
}
