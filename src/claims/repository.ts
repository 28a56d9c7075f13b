/**
 * Typed queries over the claims the public may see, one method per query.
 *
 * A claim is public when its source is public and accepted (a witness submission only after an
 * analyst accepted it), the claim is not rejected, and it is linked to a published incident (the
 * same rule as an incident's detail page). Unlinked claims and claims of drafts stay internal.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { ClaimsTable, Database } from '../db/types.ts';
import { escapeLike } from '../strikes/repository.ts';

export interface ClaimFilter {
  incident?: string | undefined;
  source?: number | undefined;
  type?: string | undefined;
  outcome?: string | undefined;
  population?: string | undefined;
  language?: string | undefined;
  claimant?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  country?: string | undefined;
}

export interface ClaimCursor {
  date: string | null;
  id: number;
}

/** The claim's own columns, as a query selects them (the table's type, not restated). */
type ClaimColumns = Omit<Selectable<ClaimsTable>, 'incident_id' | 'attributes' | 'created_at'>;

/** One public claim with its source, resolved place and incident, as the query returns it. */
export interface PublicClaimRow extends ClaimColumns {
  span_basis: string | null;
  mentioned: unknown;
  source_type: string;
  source_title: string | null;
  source_publisher: string | null;
  source_url: string | null;
  source_language: string | null;
  source_published_on: string | null;
  source_captured_at: Date;
  source_sha256: string;
  incident_public_id: string;
  incident_country: string | null;
  incident_admin1: string | null;
  incident_admin2: string | null;
  incident_lat: number | null;
  incident_lon: number | null;
  incident_precision: string | null;
  incident_field_visibility: Record<string, string> | null;
  gaz_name: string | null;
  gaz_name_ar: string | null;
  gaz_country: string | null;
  gaz_admin1: string | null;
  gaz_admin2: string | null;
  gaz_lat: number | null;
  gaz_lon: number | null;
  gaz_precision: string | null;
}

/** The public claims matching a filter, with everything a presenter needs selected. */
function publicClaims(db: Kysely<Database>, f: ClaimFilter) {
  let q = db.selectFrom('claims as c')
    .innerJoin('sources as s', 's.id', 'c.source_id')
    .innerJoin('incidents as i', 'i.id', 'c.incident_id')
    .leftJoin('places as p', 'p.id', 'c.place_id')
    .where('s.visibility', '=', 'public')
    .where('s.status', '=', 'accepted')
    .where('c.status', '<>', 'rejected')
    .where('i.status', '=', 'published');
  if (f.incident) q = q.where('i.public_id', '=', f.incident);
  if (f.source) q = q.where('c.source_id', '=', f.source);
  if (f.type) q = q.where('c.type', '=', f.type);
  if (f.outcome) q = q.where('c.outcome', '=', f.outcome);
  if (f.population) q = q.where('c.population', '=', f.population);
  if (f.language) q = q.where(sql<string>`lower(s.language)`, '=', f.language.toLowerCase());
  if (f.claimant) {
    const like = `%${escapeLike(f.claimant.toLowerCase())}%`;
    // A witness's own name is never searchable: it could confirm who submitted an account.
    q = q.where('s.type', '<>', 'public_submission')
      // The expression of the claims_claimant_trgm index (0011).
      .where(sql<string>`lower(coalesce(c.claimant, '') || ' ' || coalesce(c.claimant_norm, ''))`, 'like', like);
  }
  if (f.from) q = q.where(sql<string>`coalesce(c.period_end, c.period_start)`, '>=', f.from);
  // On the column itself, so a page behind `to` starts there in the claims_order index (0011).
  if (f.to) q = q.where('c.period_start', '<=', f.to);
  if (f.country) q = q.where(sql<string>`coalesce(p.country, i.country)`, '=', f.country);
  return q;
}

type Query = ReturnType<typeof publicClaims>;

function withColumns(q: Query) {
  return q.select([
    'c.id', 'c.type', 'c.status', 'c.origin', 'c.claimant', 'c.claimant_norm', 'c.actor_text', 'c.actor_norm', 'c.attribution',
    'c.outcome', 'c.population', 'c.min', 'c.max', 'c.qualifier', 'c.period_start', 'c.period_end', 'c.date_precision', 'c.period_text',
    'c.place_text', 'c.place_id', 'c.place_precision', 'c.lat', 'c.lon', 'c.stance', 'c.quote', 'c.span_start', 'c.span_end',
    'c.same_as_id', 'c.corrects_id',
    sql<string | null>`c.attributes->>'basis'`.as('span_basis'),
    sql<unknown>`c.attributes->'places'`.as('mentioned'),
    's.id as source_id', 's.type as source_type', 's.title as source_title', 's.publisher as source_publisher', 's.url as source_url',
    's.language as source_language', 's.published_on as source_published_on', 's.captured_at as source_captured_at', 's.sha256 as source_sha256',
    'i.public_id as incident_public_id', 'i.country as incident_country', 'i.admin1 as incident_admin1', 'i.admin2 as incident_admin2',
    'i.lat as incident_lat', 'i.lon as incident_lon', 'i.place_precision as incident_precision', 'i.field_visibility as incident_field_visibility',
    'p.name as gaz_name', 'p.name_ar as gaz_name_ar', 'p.country as gaz_country', 'p.admin1 as gaz_admin1', 'p.admin2 as gaz_admin2',
    'p.lat as gaz_lat', 'p.lon as gaz_lon', 'p.precision as gaz_precision',
  ]);
}

export const claimRepository = {
  /**
   * Newest period first (undated last), keyset-paginated on (period_start, id): the dated rows
   * behind the cursor, then, when the page is not full, the undated ones.
   */
  async list(db: Kysely<Database>, f: ClaimFilter, after: ClaimCursor | null, limit: number): Promise<PublicClaimRow[]> {
    const page = async (q: Query, n: number): Promise<PublicClaimRow[]> =>
      withColumns(q).orderBy(sql`c.period_start desc nulls last`).orderBy('c.id', 'desc').limit(n).execute();
    const base = publicClaims(db, f);
    if (!after) return page(base, limit);
    const undated = base.where('c.period_start', 'is', null);
    if (after.date === null) return page(undated.where('c.id', '<', after.id), limit);
    const { date, id } = after;
    const dated = await page(base.where('c.period_start', 'is not', null).where((eb) => eb(eb.refTuple('c.period_start', 'c.id'), '<', eb.tuple(date, id))), limit);
    return dated.length < limit ? [...dated, ...(await page(undated, limit - dated.length))] : dated;
  },

  /** How many match, counted exactly up to `cap` (beyond it the count is a lower bound). */
  async count(db: Kysely<Database>, f: ClaimFilter, cap = 10_000): Promise<{ n: number; exact: boolean }> {
    const inner = publicClaims(db, f).select(sql<number>`1`.as('one')).limit(cap + 1);
    const r = await db.selectFrom(inner.as('m')).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const n = Number(r.n);
    return n > cap ? { n: cap, exact: false } : { n, exact: true };
  },

  /** One public claim, or undefined when there is none or the public may not see it. */
  async byId(db: Kysely<Database>, id: number): Promise<PublicClaimRow | undefined> {
    return withColumns(publicClaims(db, {}).where('c.id', '=', id)).executeTakeFirst();
  },

  /** All matching claims in id order, a page at a time (streamed exports, constant memory). */
  async *stream(db: Kysely<Database>, f: ClaimFilter, pageSize = 1000): AsyncGenerator<PublicClaimRow[]> {
    let lastId = 0;
    for (;;) {
      const rows: PublicClaimRow[] = await withColumns(publicClaims(db, f).where('c.id', '>', lastId)).orderBy('c.id').limit(pageSize).execute();
      if (rows.length === 0) return;
      yield rows;
      lastId = rows.at(-1)!.id;
      if (rows.length < pageSize) return;
    }
  },
};
