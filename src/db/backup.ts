import { createReadStream, createWriteStream, existsSync, renameSync, unlinkSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { sql, type Kysely } from 'kysely';
import type { Database } from './types.ts';
import { HarmwatchError, inputError } from '../errors.ts';
import { MIGRATION_NAMES } from './migrate.ts';
import { columnsOf, primaryKeyOf, selfReferences, tablesInDependencyOrder, type ColumnInfo } from './catalog.ts';

/**
 * Portable backup: JSON Lines that restore into either backend.
 *   {"format":"harmwatch-backup","version":1,…}            header
 *   {"table":"…","columns":[{name,type}]}                  one per table, then its rows
 *   {"r":[…]}                                              a row (bytea as {"$b64":…})
 *   {"end":true,"counts":{…},"sha256":"…"}                  trailer: hash of every line before it
 * Written to a temporary name and renamed only when complete, so an interrupted backup never
 * leaves a file that looks whole; restore refuses a file without a matching trailer.
 */
export const BACKUP_FORMAT = 'harmwatch-backup';

export interface BackupResult {
  file: string;
  tables: number;
  rows: number;
  counts: Record<string, number>;
  sha256: string;
}

const PAGE = 2000;

function encodeValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (Buffer.isBuffer(v)) return { $b64: v.toString('base64') };
  return v;
}

export async function backupDatabase(db: Kysely<Database>, file: string, onTable?: (table: string, rows: number) => void): Promise<BackupResult> {
  const k = db as unknown as Kysely<unknown>;
  const tmp = `${file}.partial-${process.pid}`;
  const out = createWriteStream(tmp, { encoding: 'utf8' });
  const hash = createHash('sha256');
  const write = async (obj: unknown): Promise<void> => {
    const line = `${JSON.stringify(obj)}\n`;
    hash.update(line);
    if (!out.write(line)) await once(out, 'drain');
  };
  const counts: Record<string, number> = {};
  let total = 0;
  try {
    const migrations = (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(k)).rows.map((r) => r.name);
    const seq = (await sql<{ last_value: string; is_called: boolean }>`select last_value, is_called from incident_public_seq`.execute(k)).rows[0];
    await write({ format: BACKUP_FORMAT, version: 1, createdAt: new Date().toISOString(), migrations, sequences: { incident_public_seq: seq } });
    const tables = await tablesInDependencyOrder(k);
    for (const table of tables) {
      const columns = await columnsOf(k, table);
      const pk = await primaryKeyOf(k, table);
      const order = pk.length ? pk : columns.map((c) => c.name);
      await write({ table, columns });
      let n = 0;
      for (let offset = 0; ; offset += PAGE) {
        const rows = (
          await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by ${sql.join(order.map((c) => sql.ref(c)))} limit ${PAGE} offset ${offset}`.execute(k)
        ).rows;
        for (const r of rows) await write({ r: columns.map((c) => encodeValue(r[c.name])) });
        n += rows.length;
        if (rows.length < PAGE) break;
      }
      counts[table] = n;
      total += n;
      onTable?.(table, n);
    }
    const digest = hash.digest('hex');
    out.write(`${JSON.stringify({ end: true, counts, sha256: digest })}\n`);
    out.end();
    await once(out, 'finish');
    const fd = openSync(tmp, 'r');
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, file);
    return { file, tables: tables.length, rows: total, counts, sha256: digest };
  } catch (err) {
    out.destroy();
    if (existsSync(tmp)) unlinkSync(tmp);
    throw err;
  }
}

interface TableBlock {
  table: string;
  columns: ColumnInfo[];
}

/** Reads a backup, checking its header and trailer; yields table blocks and rows. */
async function* readBackup(file: string): AsyncGenerator<{ header: Record<string, unknown> } | TableBlock | { row: unknown[] } | { end: { counts: Record<string, number>; sha256: string } }> {
  if (!existsSync(file)) throw inputError('INPUT_INVALID', 'no such backup file', { file });
  const rl = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    let obj: Record<string, unknown>;
    try {
      obj = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new HarmwatchError('BACKUP_INVALID', `${file}, line ${lineNo}: not a JSON line; the backup is damaged`, { file, row: lineNo });
    }
    if (lineNo === 1) {
      if (obj.format !== BACKUP_FORMAT) throw new HarmwatchError('BACKUP_INVALID', `${file} is not a harmwatch backup`, { file });
      yield { header: obj };
    } else if ('r' in obj) yield { row: obj.r as unknown[] };
    else if ('table' in obj) yield { table: obj.table as string, columns: obj.columns as ColumnInfo[] };
    else if (obj.end === true) yield { end: { counts: obj.counts as Record<string, number>, sha256: obj.sha256 as string } };
  }
}

/** Checks a backup end to end (hash and trailer) without touching a database. */
export async function verifyBackupFile(file: string): Promise<{ counts: Record<string, number>; sha256: string; migrations: string[] }> {
  const hash = createHash('sha256');
  const rl = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let trailer: { counts: Record<string, number>; sha256: string } | null = null;
  let migrations: string[] = [];
  let first = true;
  for await (const line of rl) {
    if (trailer) throw new HarmwatchError('BACKUP_INVALID', `${file}: data after the trailer`, { file });
    if (line.startsWith('{"end":true')) {
      trailer = JSON.parse(line) as { counts: Record<string, number>; sha256: string };
      continue;
    }
    if (first) {
      let head: { format?: string; migrations?: string[] };
      try {
        head = JSON.parse(line) as { format?: string; migrations?: string[] };
      } catch {
        head = {};
      }
      if (head.format !== BACKUP_FORMAT) throw new HarmwatchError('BACKUP_INVALID', `${file} is not a harmwatch backup`, { file });
      migrations = head.migrations ?? [];
      first = false;
    }
    hash.update(`${line}\n`);
  }
  if (!trailer) throw new HarmwatchError('BACKUP_INVALID', `${file} is incomplete: it has no trailer (an interrupted backup?)`, { file });
  if (hash.digest('hex') !== trailer.sha256) throw new HarmwatchError('BACKUP_INVALID', `${file} is damaged: its content does not match its SHA-256`, { file });
  const unknown = migrations.filter((m) => !MIGRATION_NAMES.includes(m));
  if (unknown.length) throw new HarmwatchError('BACKUP_INVALID', `${file} needs a newer harmwatch (migrations ${unknown.join(', ')})`, { file });
  return { counts: trailer.counts, sha256: trailer.sha256, migrations };
}

function decodeValue(v: unknown, type: string): unknown {
  if (v === null || v === undefined) return null;
  if (type === 'bytea' && typeof v === 'object' && v !== null && '$b64' in v) return Buffer.from((v as { $b64: string }).$b64, 'base64');
  if (type === 'jsonb' || type === 'json') return JSON.stringify(v);
  return v;
}

export interface RestoreResult {
  file: string;
  rows: number;
  counts: Record<string, number>;
}

/**
 * Restores a backup into an empty, migrated database in one transaction: all or nothing. Ids,
 * public ids and the audit chain come back exactly as they were.
 */
export async function restoreDatabase(db: Kysely<Database>, file: string): Promise<RestoreResult> {
  const checked = await verifyBackupFile(file);
  const k = db as unknown as Kysely<unknown>;
  const busy = (await sql<{ n: string }>`select count(*) as n from audit_events`.execute(k)).rows[0];
  const strikes = (await sql<{ n: string }>`select count(*) as n from declared_strikes`.execute(k)).rows[0];
  if (Number(busy?.n) > 0 || Number(strikes?.n) > 0) {
    throw new HarmwatchError('CONFLICT', 'restore needs an empty database (this one has data); use a fresh data folder or database');
  }
  const selfRefs = await selfReferences(k);
  let total = 0;
  await k.transaction().execute(async (tx) => {
    await sql`delete from audit_head`.execute(tx);
    let current: TableBlock | null = null;
    let buffer: unknown[][] = [];
    const deferred: Array<{ table: string; id: unknown; col: string; value: unknown }> = [];
    let seqState: { last_value: string; is_called: boolean } | undefined;
    const flush = async (): Promise<void> => {
      if (!current || buffer.length === 0) return;
      const block = current;
      const refs = selfRefs.get(block.table) ?? [];
      const rows = buffer.map((r) => {
        const obj: Record<string, unknown> = {};
        block.columns.forEach((c, i) => {
          const value = decodeValue(r[i], c.type);
          if (refs.includes(c.name) && value !== null) {
            deferred.push({ table: block.table, id: r[block.columns.findIndex((x) => x.name === 'id')], col: c.name, value });
            obj[c.name] = null;
          } else obj[c.name] = value;
        });
        return obj;
      });
      await tx.insertInto(block.table as never).values(rows).execute();
      total += rows.length;
      buffer = [];
    };
    for await (const item of readBackup(file)) {
      if ('header' in item) {
        seqState = (item.header.sequences as { incident_public_seq?: { last_value: string; is_called: boolean } } | undefined)?.incident_public_seq;
      } else if ('table' in item) {
        await flush();
        current = item;
      } else if ('row' in item) {
        buffer.push(item.row);
        if (buffer.length >= 500) await flush();
      }
    }
    await flush();
    for (const d of deferred) {
      await sql`update ${sql.table(d.table)} set ${sql.ref(d.col)} = ${d.value} where id = ${d.id}`.execute(tx);
    }
    for (const table of Object.keys(checked.counts)) {
      const hasId = (await columnsOf(tx, table)).some((c) => c.name === 'id');
      const serial = hasId ? (await sql<{ s: string | null }>`select pg_get_serial_sequence(${table}, 'id') as s`.execute(tx)).rows[0]?.s : null;
      if (serial) await sql`select setval(${serial}::regclass, coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(tx);
    }
    if (seqState) await sql`select setval('incident_public_seq', ${Number(seqState.last_value)}, ${seqState.is_called})`.execute(tx);
  });
  return { file, rows: total, counts: checked.counts };
}
