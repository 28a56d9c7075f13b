import { sql, type Kysely } from 'kysely';

/**
 * Issue 8: assessment workflow, users and permissions, public submissions, privacy.
 * Adds what 0001 lacks: who last edited an incident (sign-off must be by someone else),
 * internal notes and per-field visibility, one pending grade decision per incident, and the
 * indexes the workflow queries use. Forward-only; 0001 is never edited.
 */
export const statements: string[] = [
  `alter table incidents add column last_edited_by text`,
  `alter table incidents add column notes text`,
  `alter table incidents add column field_visibility jsonb not null default '{}'::jsonb`,
  `alter table incidents add constraint incidents_field_visibility_object check (jsonb_typeof(field_visibility) = 'object')`,
  `alter table grade_decisions add column incident_version integer`,
  `create unique index grade_decisions_one_pending on grade_decisions (incident_id) where decision = 'pending'`,
  `create index grade_decisions_incident on grade_decisions (incident_id, id)`,
  `create index sign_offs_incident on sign_offs (incident_id, field, id)`,
  `create index sessions_user on sessions (user_id)`,
  `create index sessions_expires on sessions (expires_at)`,
  `create index api_tokens_user on api_tokens (user_id)`,
  `create index sources_intake on sources (type, status) where status = 'unverified'`,
  `alter table sessions add column rotated_from text`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only; restore a backup instead');
}
