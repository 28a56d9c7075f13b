import { sql, type Kysely } from 'kysely';
import type { Tx } from '../audit/context.ts';
import type { Database, DeclaredStrikeRow, NewDeclaredStrike } from '../db/types.ts';

export interface StrikeFilter {
  from?: string;
  to?: string;
  country?: 'IQ' | 'SY';
  /** Case-insensitive part of the place as written in the release. */
  place?: string;
  /** Cursor: (release_date, id) of the last row of the previous page; order is newest first. */
  after?: { date: string; id: number };
  limit: number;
}

export interface StrikeTotals {
  lines: number;
  strikes: number;
  first: string | null;
  last: string | null;
  byCountry: Array<{ country: string; lines: number; strikes: number }>;
}

/** Typed queries over declared strikes; one method per query. */
export const strikeRepository = {
  async findByIdentity(tx: Tx | Kysely<Database>, keys: string[]): Promise<Array<Pick<DeclaredStrikeRow, 'id' | 'identity_key' | 'content_sha256' | 'version' | 'attributes'>>> {
    if (keys.length === 0) return [];
    return tx.selectFrom('declared_strikes').select(['id', 'identity_key', 'content_sha256', 'version', 'attributes']).where('identity_key', 'in', keys).execute();
  },

  async insertMany(tx: Tx, rows: NewDeclaredStrike[]): Promise<Array<{ id: number; identity_key: string }>> {
    if (rows.length === 0) return [];
    return tx.insertInto('declared_strikes').values(rows).returning(['id', 'identity_key']).execute();
  },

  async getFull(tx: Tx, id: number): Promise<DeclaredStrikeRow | undefined> {
    return tx.selectFrom('declared_strikes').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async update(tx: Tx, id: number, row: NewDeclaredStrike, version: number): Promise<void> {
    const { identity_key: _k, ...rest } = row;
    await tx.updateTable('declared_strikes').set({ ...rest, version }).where('id', '=', id).execute();
  },

  /** Newest first, keyset-paginated on (release_date, id). */
  async list(db: Kysely<Database>, f: StrikeFilter): Promise<DeclaredStrikeRow[]> {
    let q = db.selectFrom('declared_strikes').selectAll();
    if (f.from) q = q.where('release_date', '>=', f.from);
    if (f.to) q = q.where('release_date', '<=', f.to);
    if (f.country) q = q.where('country', '=', f.country);
    if (f.place) q = q.where(sql<string>`lower(place_text)`, 'like', `%${escapeLike(f.place.toLowerCase())}%`);
    if (f.after) {
      const { date, id } = f.after;
      q = q.where((eb) => eb.or([eb('release_date', '<', date), eb.and([eb('release_date', '=', date), eb('id', '<', id)])]));
    }
    return q.orderBy('release_date', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
  },

  async get(db: Kysely<Database>, id: number): Promise<DeclaredStrikeRow | undefined> {
    return db.selectFrom('declared_strikes').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async totals(db: Kysely<Database>, f: Omit<StrikeFilter, 'after' | 'limit'> = {}): Promise<StrikeTotals> {
    let q = db.selectFrom('declared_strikes');
    if (f.from) q = q.where('release_date', '>=', f.from);
    if (f.to) q = q.where('release_date', '<=', f.to);
    if (f.country) q = q.where('country', '=', f.country);
    if (f.place) q = q.where(sql<string>`lower(place_text)`, 'like', `%${escapeLike(f.place.toLowerCase())}%`);
    const rows = await q
      .select((eb) => [
        'country',
        eb.fn.countAll<string>().as('lines'),
        eb.fn.coalesce(eb.fn.sum<string>('strikes'), sql<string>`0`).as('strikes'),
        eb.fn.min('release_date').as('first'),
        eb.fn.max('release_date').as('last'),
      ])
      .groupBy('country')
      .orderBy('country')
      .execute();
    const byCountry = rows.map((r) => ({ country: r.country, lines: Number(r.lines), strikes: Number(r.strikes) }));
    const firsts = rows.map((r) => r.first).filter((d): d is string => !!d).sort();
    const lasts = rows.map((r) => r.last).filter((d): d is string => !!d).sort();
    return {
      lines: byCountry.reduce((a, r) => a + r.lines, 0),
      strikes: byCountry.reduce((a, r) => a + r.strikes, 0),
      first: firsts[0] ?? null,
      last: lasts.at(-1) ?? null,
      byCountry,
    };
  },

  /** Places with the most strike lines, for browsing. */
  async topPlaces(db: Kysely<Database>, limit: number, country?: 'IQ' | 'SY'): Promise<Array<{ place: string; country: string; lines: number; strikes: number }>> {
    let q = db.selectFrom('declared_strikes');
    if (country) q = q.where('country', '=', country);
    const rows = await q
      .select((eb) => ['place_text', 'country', eb.fn.countAll<string>().as('lines'), eb.fn.coalesce(eb.fn.sum<string>('strikes'), sql<string>`0`).as('strikes')])
      .groupBy(['place_text', 'country'])
      .orderBy('lines', 'desc')
      .orderBy('place_text')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ place: r.place_text, country: r.country, lines: Number(r.lines), strikes: Number(r.strikes) }));
  },

  /** Strikes per month, for charts. */
  async perMonth(db: Kysely<Database>, country?: 'IQ' | 'SY'): Promise<Array<{ month: string; country: string; strikes: number; lines: number }>> {
    let q = db.selectFrom('declared_strikes');
    if (country) q = q.where('country', '=', country);
    const rows = await q
      .select((eb) => [
        sql<string>`to_char(date_trunc('month', release_date), 'YYYY-MM')`.as('month'),
        'country',
        eb.fn.coalesce(eb.fn.sum<string>('strikes'), sql<string>`0`).as('strikes'),
        eb.fn.countAll<string>().as('lines'),
      ])
      .groupBy([sql`date_trunc('month', release_date)`, 'country'])
      .orderBy(sql`date_trunc('month', release_date)`)
      .orderBy('country')
      .execute();
    return rows.map((r) => ({ month: r.month, country: r.country, strikes: Number(r.strikes), lines: Number(r.lines) }));
  },
};

/** Escapes LIKE wildcards in user text. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** All matching strikes in id order, a page at a time (streamed exports, constant memory). */
export async function* streamStrikes(db: Kysely<Database>, f: Omit<StrikeFilter, 'after' | 'limit'>, pageSize = 2000): AsyncGenerator<DeclaredStrikeRow[]> {
  let lastId = 0;
  for (;;) {
    let q = db.selectFrom('declared_strikes').selectAll().where('id', '>', lastId);
    if (f.from) q = q.where('release_date', '>=', f.from);
    if (f.to) q = q.where('release_date', '<=', f.to);
    if (f.country) q = q.where('country', '=', f.country);
    if (f.place) q = q.where(sql<string>`lower(place_text)`, 'like', `%${escapeLike(f.place.toLowerCase())}%`);
    const rows = await q.orderBy('id').limit(pageSize).execute();
    if (rows.length === 0) return;
    yield rows;
    lastId = rows.at(-1)!.id;
    if (rows.length < pageSize) return;
  }
}
