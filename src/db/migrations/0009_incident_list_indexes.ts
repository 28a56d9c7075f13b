import { sql, type Kysely } from 'kysely';

/** Indexes behind the incident list filters (grade, governorate) measured by `npm run bench -- web`. */
export const statements: string[] = [
  `create index incidents_grade on incidents (grade, date_start desc, id desc) where status = 'published'`,
  `create index incidents_admin1_lower on incidents (lower(admin1))`,
  `create index assessments_status on assessments (status, incident_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only; restore a backup instead');
}
