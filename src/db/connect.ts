import { mkdirSync } from 'node:fs';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import type { Config } from '../config.ts';
import type { Database } from './types.ts';
import { lockDataDir, type DataDirLock } from './lock.ts';
import { migrateToLatest } from './migrate.ts';

// bigint (ids, counts) as numbers, dates as 'YYYY-MM-DD' text: the same on both backends.
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);

export type Backend = 'pglite' | 'postgres';

/** An open database: Kysely over pg, on embedded PGlite or on PostgreSQL. */
export interface Db {
  readonly kysely: Kysely<Database>;
  readonly backend: Backend;
  /** Where the data lives: the PGlite folder, ':memory:', or the PostgreSQL URL without password. */
  readonly location: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Run migrations (default true). */
  migrate?: boolean;
  /** PGlite only: PostgreSQL's shared_buffers (e.g. "32MB"); unset keeps PGlite's 128MB. */
  sharedBuffers?: string | undefined;
}

/** Opens PostgreSQL at `url`. */
export async function openPostgres(url: string, opts: OpenOptions = {}): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const db: Db = {
    kysely,
    backend: 'postgres',
    location: url.replace(/:[^:@/]*@/, ':***@'),
    close: () => kysely.destroy(),
  };
  if (opts.migrate !== false) await migrateToLatest(kysely as Kysely<unknown>);
  return db;
}

/**
 * Opens an embedded PGlite database. `dir` null: in memory. `loadDataDir`: start from a dump
 * (tests start from a migrated template). A folder is locked for this process first.
 */
export async function openPglite(dir: string | null, opts: OpenOptions & { loadDataDir?: Blob } = {}): Promise<Db> {
  let lock: DataDirLock | null = null;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    lock = lockDataDir(dir);
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(dir ? { dataDir: `${dir}/pgdata` } : {}),
      ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
      ...(opts.sharedBuffers ? { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${opts.sharedBuffers}`] } : {}),
      extensions: { pg_trgm },
    });
  } catch (err) {
    lock?.release();
    throw err;
  }
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const db: Db = {
    kysely,
    backend: 'pglite',
    location: dir ?? ':memory:',
    async close() {
      await kysely.destroy();
      await pglite.close();
      lock?.release();
    },
  };
  if (opts.migrate !== false) {
    try {
      await migrateToLatest(kysely as Kysely<unknown>);
    } catch (err) {
      await db.close();
      throw err;
    }
  }
  return db;
}

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else PGlite in the data folder. */
export async function openDatabase(config: Config, opts: OpenOptions = {}): Promise<Db> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, opts);
  return openPglite(config.dataDir, { ...(config.pgliteSharedBuffers ? { sharedBuffers: config.pgliteSharedBuffers } : {}), ...opts });
}
