import { sql, type Kysely } from 'kysely';

/**
 * Ingest (issue 4): imports find incidents by the external dataset's key (Airwars `airwars_id`
 * and `code`, kept in `incidents.external_refs`) once per row; index those lookups.
 */
export const statements: string[] = [
  `create index incidents_ref_airwars_id on incidents ((external_refs->>'airwars_id'))`,
  `create index incidents_ref_airwars_code on incidents ((external_refs->>'airwars_code'))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only; restore a backup instead');
}
