import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Kysely, PostgresDialect } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Db } from './connect.ts';
import { MIGRATION_NAMES, migrateToLatest } from './migrate.ts';
import { sha256Hex } from '../audit/hash.ts';

/**
 * A fresh, migrated database for a "medium" test: in-memory PGlite by default, or a throwaway
 * database on the PostgreSQL server named by DATABASE_URL (created here, dropped on close).
 * Same tests, both backends.
 */
export async function createTestDb(): Promise<Db> {
  const url = process.env.DATABASE_URL;
  if (url) return createPostgresTestDb(url);
  const template = await pgliteTemplate();
  return openPglite(null, { loadDataDir: new Blob([new Uint8Array(template)]), migrate: true });
}

async function createPostgresTestDb(url: string): Promise<Db> {
  const name = `hw_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = await openPostgres(u.toString());
  return {
    ...db,
    async close() {
      await db.close();
      await dropDatabase(url, name);
    },
  };
}

/**
 * Drops a throwaway database once nothing uses it any more: a plain DROP first, retried while
 * other sessions are still finishing (a force-drop would kill a query still in flight and fail
 * whichever test it belonged to), and forced only as the last resort.
 */
async function dropDatabase(url: string, name: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    for (let attempt = 0; attempt < 40; attempt++) {
      try {
        await c.query(`drop database if exists ${name}`);
        return;
      } catch (err) {
        if ((err as { code?: string }).code !== '55006') throw err; // object_in_use
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    await c.query(`drop database if exists ${name} with (force)`);
  } finally {
    await c.end();
  }
}

/** A migrated empty PGlite data dir, built once per schema version and cached in the temp folder. */
async function pgliteTemplate(): Promise<Uint8Array> {
  const dir = fileURLToPath(new URL('./migrations/', import.meta.url));
  const sources = readdirSync(dir).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
  const fingerprint = sha256Hex(`${MIGRATION_NAMES.join(',')}\n${sources.join('\n')}`).slice(0, 16);
  const path = join(tmpdir(), `harmwatch-pglite-template-${fingerprint}.tar`);
  if (existsSync(path)) return readFileSync(path);
  const pglite = await PGlite.create({ extensions: { pg_trgm } });
  const kysely = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ ...createPgConfig(pglite), max: 1 }) }) });
  try {
    await migrateToLatest(kysely);
  } finally {
    await kysely.destroy();
  }
  const blob = await pglite.dumpDataDir('none');
  await pglite.close();
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
  return bytes;
}

/** Where a child `harmwatch` process under test keeps its data: its env, and how to look inside. */
export interface CliTarget {
  env: NodeJS.ProcessEnv;
  /** Opens the same database from the test process (only while no child holds it). */
  open(): Promise<Db>;
  cleanup(): Promise<void>;
}

/**
 * A fresh database for CLI tests: a temp PGlite folder, or a throwaway PostgreSQL database when
 * DATABASE_URL is set.
 */
export async function createCliTarget(): Promise<CliTarget> {
  const url = process.env.DATABASE_URL;
  const { mkdtempSync, rmSync } = await import('node:fs');
  if (!url) {
    const dir = mkdtempSync(join(tmpdir(), 'hw-cli-'));
    const env: NodeJS.ProcessEnv = { ...process.env, HARMWATCH_DATA_DIR: dir, HARMWATCH_DEMO: '0' };
    delete env.DATABASE_URL;
    return {
      env,
      open: () => openPglite(dir),
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `hw_cli_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    env: { ...process.env, DATABASE_URL: u.toString(), HARMWATCH_DEMO: '0' },
    open: () => openPostgres(u.toString()),
    cleanup: () => dropDatabase(url, name),
  };
}
