import { sql, type Kysely } from 'kysely';

/**
 * Gazetteer in the database (issue 6): a content hash per place so re-imports are idempotent by
 * `(source, source_ref)` + content, how often a place list used an entry (ranking), and the
 * foreign-key index names are replaced and loaded by.
 */
export const statements: string[] = [
  `alter table places add column content_sha256 text`,
  `alter table places add column uses integer check (uses >= 0)`,
  `create index place_names_place on place_names (place_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only; restore a backup instead');
}
