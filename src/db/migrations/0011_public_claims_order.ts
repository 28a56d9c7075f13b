import { sql, type Kysely } from 'kysely';

/**
 * The public claims list is ordered `period_start desc nulls last, id desc` and the assessments
 * list `assessed_on desc nulls last, id desc` (undated last, like incidents in 0010). Without
 * these, PostgreSQL joined and sorted every visible claim for each page (about 50 ms at 20,000
 * claims on PGlite, growing with the table); with them a page is an index scan that stops after
 * `limit` rows (`npm run bench -- exports`).
 */
export const statements: string[] = [
  `create index claims_order on claims (period_start desc nulls last, id desc)`,
  `create index assessments_order on assessments (assessed_on desc nulls last, id desc)`,
  // The claimant filter (a case-insensitive part of the name as written or normalised): the
  // expression gets statistics, so a common claimant is read in list order and a rare one found
  // through trigrams instead of joining and sorting every claim.
  `create index claims_claimant_trgm on claims using gin ((lower(coalesce(claimant, '') || ' ' || coalesce(claimant_norm, ''))) gin_trgm_ops)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only; restore a backup instead');
}
