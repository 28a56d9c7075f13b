import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m0001 from './migrations/0001_core.ts';

/**
 * Versioned, forward-only migrations, listed here in order. Add a file and a line; never edit
 * one that has shipped.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001_core': m0001,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export interface MigrationOutcome {
  applied: string[];
  current: string | null;
}

/** Brings the schema up to date. Safe to run at every start. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<MigrationOutcome> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  const all = await migrator.getMigrations();
  const executed = all.filter((m) => m.executedAt);
  return {
    applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
    current: executed.at(-1)?.name ?? null,
  };
}

/** Names of all migrations this build knows, in order. */
export const MIGRATION_NAMES = Object.keys(MIGRATIONS);
