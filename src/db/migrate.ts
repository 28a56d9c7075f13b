import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m0001 from './migrations/0001_core.ts';

/**
 * Versioned, forward-only migrations, listed here in order. Add a file and a line; never edit
 * one that has shipped.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001_core': m0001,
};

/** Names of all migrations this build knows, in order. */
export const MIGRATION_NAMES = Object.keys(MIGRATIONS);

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export interface MigrationOutcome {
  applied: string[];
  current: string | null;
}

/** Brings the schema up to date. Safe to run at every start. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<MigrationOutcome> {
  const latest = MIGRATION_NAMES.at(-1) ?? null;
  try {
    // Fast path at start-up: nothing to do when the newest migration is recorded.
    const r = await sql<{ name: string }>`select name from kysely_migration where name = ${latest}`.execute(db);
    if (r.rows.length === 1) return { applied: [], current: latest };
  } catch {
    // no migration table yet: a new database
  }
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(`migration failed: ${JSON.stringify(error)}`);
  const all = await migrator.getMigrations();
  const executed = all.filter((m) => m.executedAt);
  return {
    applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
    current: executed.at(-1)?.name ?? null,
  };
}

