import { sql, type Kysely } from 'kysely';

/** Tables of ours in the current schema (Kysely's migration bookkeeping excluded), in foreign-key order. */
export async function tablesInDependencyOrder(db: Kysely<unknown>): Promise<string[]> {
  const tables = (
    await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
      order by table_name`.execute(db)
  ).rows.map((r) => r.table_name);
  const deps = (
    await sql<{ child: string; parent: string }>`
      select cl.relname as child, pl.relname as parent
      from pg_constraint c
      join pg_class cl on cl.oid = c.conrelid
      join pg_class pl on pl.oid = c.confrelid
      where c.contype = 'f' and c.connamespace = current_schema()::regnamespace and c.conrelid <> c.confrelid`.execute(db)
  ).rows;
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  for (const d of deps) parents.get(d.child)?.add(d.parent);
  const order: string[] = [];
  const done = new Set<string>();
  const visit = (t: string, stack: Set<string>): void => {
    if (done.has(t) || stack.has(t)) return;
    stack.add(t);
    for (const p of parents.get(t) ?? []) visit(p, stack);
    stack.delete(t);
    done.add(t);
    order.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return order;
}

/** Columns of a table referencing the same table (e.g. incidents.merged_into_id). */
export async function selfReferences(db: Kysely<unknown>): Promise<Map<string, string[]>> {
  const rows = (
    await sql<{ tbl: string; col: string }>`
      select cl.relname as tbl, a.attname as col
      from pg_constraint c
      join pg_class cl on cl.oid = c.conrelid
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
      where c.contype = 'f' and c.conrelid = c.confrelid and c.connamespace = current_schema()::regnamespace`.execute(db)
  ).rows;
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.tbl, [...(out.get(r.tbl) ?? []), r.col]);
  return out;
}

export interface ColumnInfo {
  name: string;
  type: string;
}

export async function columnsOf(db: Kysely<unknown>, table: string): Promise<ColumnInfo[]> {
  return (
    await sql<{ column_name: string; data_type: string }>`
      select column_name, data_type from information_schema.columns
      where table_schema = current_schema() and table_name = ${table}
      order by ordinal_position`.execute(db)
  ).rows.map((r) => ({ name: r.column_name, type: r.data_type }));
}

export async function primaryKeyOf(db: Kysely<unknown>, table: string): Promise<string[]> {
  return (
    await sql<{ col: string }>`
      select a.attname as col
      from pg_index i
      join pg_class c on c.oid = i.indrelid
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where i.indisprimary and c.relname = ${table} and c.relnamespace = current_schema()::regnamespace
      order by a.attnum`.execute(db)
  ).rows.map((r) => r.col);
}
