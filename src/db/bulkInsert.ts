/**
 * Many rows in one statement with one bind parameter: `INSERT … SELECT … FROM
 * jsonb_to_recordset($1)`. Against a multi-row VALUES list (one parameter per cell, tens of
 * thousands per statement) it halves the protocol and parse work, which is most of an import's
 * cost on embedded PGlite; it is plain SQL, so PostgreSQL runs it too.
 *
 * Column types come from information_schema (cached per table). A chunk that omits a column some
 * rows set, or carries bytes or arrays, falls back to Kysely's VALUES insert (so column defaults
 * and binary data keep their exact meaning).
 */
import { sql, type Kysely, type Insertable } from 'kysely';
import type { Database } from './types.ts';

type Conn = Kysely<Database>;
type TableName = keyof Database;

const typeCache = new WeakMap<object, Map<string, Map<string, string>>>();

const TYPE_NAMES: Record<string, string> = {
  int2: 'smallint', int4: 'integer', int8: 'bigint', float4: 'real', float8: 'double precision', numeric: 'numeric', text: 'text', varchar: 'text',
  bool: 'boolean', date: 'date', timestamptz: 'timestamptz', timestamp: 'timestamp', jsonb: 'jsonb', json: 'json', _text: 'text[]', _int8: 'bigint[]', _int4: 'integer[]',
};

async function columnTypes(db: Conn, table: TableName): Promise<Map<string, string>> {
  let perDb = typeCache.get(db);
  if (!perDb) {
    perDb = new Map<string, Map<string, string>>();
    typeCache.set(db, perDb);
  }
  const cached = perDb.get(table);
  if (cached) return cached;
  const rows = await sql<{ column_name: string; udt_name: string }>`
    select column_name, udt_name from information_schema.columns where table_schema = current_schema() and table_name = ${table}`.execute(db);
  const types = new Map(rows.rows.map((r) => [r.column_name, TYPE_NAMES[r.udt_name] ?? r.udt_name]));
  perDb.set(table, types);
  return types;
}

const quoteIdent = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** Inserts `rows` into `table` and returns the ids in row order. */
export async function bulkInsert<T extends TableName>(db: Conn, table: T, rows: Array<Insertable<Database[T]>>, chunkSize = 2000): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += chunkSize) {
    for (const id of await insertChunk(db, table, rows.slice(i, i + chunkSize))) ids.push(id);
  }
  return ids;
}

async function insertChunk(db: Conn, table: TableName, rows: Array<Record<string, unknown>>): Promise<number[]> {
  if (rows.length === 0) return [];
  const types = await columnTypes(db, table);
  const columns = Object.keys(rows[0]).filter((c) => rows[0][c] !== undefined);
  const uniform = columns.every((c) => types.has(c) && types.get(c) !== 'bytea')
    && rows.every((r) => Object.keys(r).filter((c) => r[c] !== undefined).length === columns.length && columns.every((c) => r[c] !== undefined && !Buffer.isBuffer(r[c]) && !Array.isArray(r[c])));
  if (!uniform) {
    const got = await db.insertInto(table).values(rows as never).returning('id' as never).execute();
    return (got as Array<{ id: number | string }>).map((r) => Number(r.id));
  }
  const payload = rows.map((r, n) => {
    const o: Record<string, unknown> = { _n: n };
    for (const c of columns) {
      const v = r[c];
      const t = types.get(c);
      o[c] = (t === 'jsonb' || t === 'json') && typeof v === 'string' ? JSON.parse(v) : v instanceof Date ? v.toISOString() : v;
    }
    return o;
  });
  const cols = sql.join(columns.map((c) => sql.ref(c)));
  const defs = sql.raw(['_n integer', ...columns.map((c) => `${quoteIdent(c)} ${types.get(c) ?? 'text'}`)].join(', '));
  const got = await sql<{ id: number | string }>`
    insert into ${sql.table(table)} (${cols}) select ${cols} from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as x(${defs}) order by _n returning id`.execute(db);
  return got.rows.map((r) => Number(r.id));
}
