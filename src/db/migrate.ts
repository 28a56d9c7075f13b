import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

const DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/**
 * Versioned, forward-only migrations: every `NNNN_name.ts` in src/db/migrations, in name order.
 * Add a file; never edit one that has shipped.
 */
export const MIGRATION_NAMES: string[] = readdirSync(DIR)
  .filter((f) => /^\d{4}_[a-z0-9_]+\.ts$/.test(f))
  .sort()
  .map((f) => f.slice(0, -3));

const provider: MigrationProvider = {
  async getMigrations() {
    const out: Record<string, Migration> = {};
    for (const name of MIGRATION_NAMES) out[name] = (await import(`./migrations/${name}.ts`)) as Migration;
    return out;
  },
};

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
