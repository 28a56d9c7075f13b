/**
 * Queries of the gazetteer tables (`places`, `place_names`) and of the place columns of
 * `declared_strikes`. One method per query; the same SQL runs on PGlite and PostgreSQL.
 */
import { sql } from 'kysely';
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, PlaceNamesTable, PlacesTable } from '../db/types.ts';

/** A place row as stored. */
export type PlaceRow = Selectable<PlacesTable>;
/** A place row to insert or to overwrite an existing one with. */
export type NewPlace = Insertable<PlacesTable>;
/** A name row to insert. */
export type NewPlaceName = Insertable<PlaceNamesTable>;

/** A spelling found by trigram similarity. */
export interface SimilarName {
  place_id: number;
  name: string;
  /** pg_trgm similarity in [0, 1]. */
  sim: number;
}

/** A place text of declared strikes without a resolved place, with how many lines use it. */
export interface StrikePlaceText {
  place_text: string;
  country: 'IQ' | 'SY';
  lines: number;
}

/** One resolution of a strike place text. */
export interface StrikePlaceFix {
  place_text: string;
  country: 'IQ' | 'SY';
  lat: number;
  lon: number;
  precision: string;
  place_id: number | null;
}

const NAME_CHUNK = 2_000;

export const placeRepository = {
  /** Existing places of a source by their source refs. */
  async findByRefs(db: Kysely<Database>, source: string, refs: string[]): Promise<Pick<PlaceRow, 'id' | 'source_ref' | 'content_sha256'>[]> {
    if (refs.length === 0) return [];
    return db.selectFrom('places').select(['id', 'source_ref', 'content_sha256']).where('source', '=', source).where('source_ref', 'in', refs).execute();
  },

  /** Inserts places; returns their ids in input order. */
  async insertMany(db: Kysely<Database>, rows: NewPlace[]): Promise<number[]> {
    if (rows.length === 0) return [];
    const out = await db.insertInto('places').values(rows).returning(['id', 'source', 'source_ref']).execute();
    const byRef = new Map(out.map((r) => [`${r.source}\u0000${r.source_ref}`, Number(r.id)]));
    return rows.map((r) => byRef.get(`${r.source}\u0000${r.source_ref}`)!);
  },

  /** Overwrites a place's columns (its names are replaced separately). */
  async update(db: Kysely<Database>, id: number, row: NewPlace): Promise<void> {
    await db.updateTable('places').set(row).where('id', '=', id).execute();
  },

  /** Removes the names of places (before their names are written again). */
  async deleteNames(db: Kysely<Database>, placeIds: number[]): Promise<void> {
    if (placeIds.length === 0) return;
    await db.deleteFrom('place_names').where('place_id', 'in', placeIds).execute();
  },

  /** Inserts names in chunks (bind-parameter limit). */
  async insertNames(db: Kysely<Database>, rows: NewPlaceName[]): Promise<void> {
    for (let i = 0; i < rows.length; i += NAME_CHUNK) await db.insertInto('place_names').values(rows.slice(i, i + NAME_CHUNK)).execute();
  },

  /** True when the table holds no place. */
  async isEmpty(db: Kysely<Database>): Promise<boolean> {
    return !(await db.selectFrom('places').select('id').limit(1).executeTakeFirst());
  },

  /** Every place, in id order. */
  async allPlaces(db: Kysely<Database>): Promise<PlaceRow[]> {
    return db.selectFrom('places').selectAll().orderBy('id').execute();
  },

  /** Every name, in id order. */
  async allNames(db: Kysely<Database>): Promise<Pick<Selectable<PlaceNamesTable>, 'place_id' | 'name' | 'script' | 'lang' | 'source'>[]> {
    return db.selectFrom('place_names').select(['place_id', 'name', 'script', 'lang', 'source']).orderBy('id').execute();
  },

  /**
   * A cheap fingerprint of the gazetteer tables: number and highest id of places, and the place
   * import runs started and finished. Changes whenever an import writes (in any process).
   */
  async stamp(db: Kysely<Database>): Promise<string> {
    const r = await sql<{ n: string; top: string | null; runs: string; done: string }>`
      select (select count(*) from places) as n, (select max(id) from places) as top,
             (select count(*) from import_runs where kind = 'places') as runs,
             (select count(finished_at) from import_runs where kind = 'places') as done`.execute(db);
    const row = r.rows[0];
    return row ? `${row.n}|${row.top ?? ''}|${row.runs}|${row.done}` : '';
  },

  /**
   * Names whose normalised form (`norm`, pg_trgm GIN index) or cross-script key is similar to
   * the query's, best first: `similarity(norm, $norm)`, or 0.9 × `similarity(key, $key)` for
   * spellings in the other script. Optionally only places of one country.
   */
  async similarNames(
    db: Kysely<Database>,
    q: { norm: string; key: string; script: 'arabic' | 'latin'; country?: string; min?: number; limit?: number },
  ): Promise<SimilarName[]> {
    const min = q.min ?? 0.3;
    const limit = q.limit ?? 50;
    const country = q.country ? sql`and p.country = ${q.country}` : sql``;
    const cross = q.key.length >= 3
      ? sql`union all
        select n.place_id, n.name, 0.9 * similarity(n.key, ${q.key}) as sim
        from place_names n join places p on p.id = n.place_id
        where n.script is distinct from ${q.script} and similarity(n.key, ${q.key}) >= ${min} ${country}`
      : sql``;
    const r = await sql<{ place_id: string | number; name: string; sim: number }>`
      select place_id, name, sim from (
        select n.place_id, n.name, similarity(n.norm, ${q.norm}) as sim
        from place_names n join places p on p.id = n.place_id
        where n.norm % ${q.norm} and similarity(n.norm, ${q.norm}) >= ${min} ${country}
        ${cross}
      ) s
      order by sim desc, place_id
      limit ${limit}`.execute(db);
    return r.rows.map((x) => ({ place_id: Number(x.place_id), name: x.name, sim: Number(x.sim) }));
  },

  /** Distinct place texts of declared strikes with no coordinate yet (or all, to overwrite). */
  async strikePlaceTexts(db: Kysely<Database>, opts: { all?: boolean } = {}): Promise<StrikePlaceText[]> {
    let q = db.selectFrom('declared_strikes')
      .select(['place_text', 'country', sql<string>`count(*)`.as('lines')])
      .groupBy(['place_text', 'country'])
      .orderBy('place_text').orderBy('country');
    if (!opts.all) q = q.where('lat', 'is', null);
    const rows = await q.execute();
    return rows.map((r) => ({ place_text: r.place_text, country: r.country, lines: Number(r.lines) }));
  },

  /**
   * Sets lat, lon, place_precision and place_id on every line with one of the place texts (only
   * lines without a coordinate unless `all`); returns the ids of the lines changed.
   */
  async setStrikePlaces(db: Kysely<Database>, fixes: StrikePlaceFix[], opts: { all?: boolean } = {}): Promise<number[]> {
    const ids: number[] = [];
    for (let i = 0; i < fixes.length; i += 1_000) {
      const chunk = fixes.slice(i, i + 1_000);
      const values = sql.join(chunk.map((f) => sql`(${f.place_text}, ${f.country}, ${f.lat}::double precision, ${f.lon}::double precision, ${f.precision}, ${f.place_id}::bigint)`));
      const onlyOpen = opts.all ? sql`` : sql`and d.lat is null`;
      const r = await sql<{ id: string | number }>`
        update declared_strikes d
        set lat = v.lat, lon = v.lon, place_precision = v.precision, place_id = v.place_id
        from (values ${values}) as v(place_text, country, lat, lon, precision, place_id)
        where d.place_text = v.place_text and d.country = v.country ${onlyOpen}
        returning d.id`.execute(db);
      for (const row of r.rows) ids.push(Number(row.id));
    }
    return ids.sort((a, b) => a - b);
  },
};
