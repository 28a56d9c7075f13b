import { sql, type Kysely } from 'kysely';

/**
 * Victims, external victim lists and responses (issue 12): publication review columns, person
 * clusters, normalised name keys, list records with their own identity, investigation outcomes.
 */
export const statements: string[] = [
  // --- victims: person clusters, summary date/place, two-person publication review ----------
  `alter table victims add column person_id bigint references victims(id)`,
  `alter table victims add column date_of_death date`,
  `alter table victims add column place_text text`,
  `alter table victims add column publish_basis text check (publish_basis is null or publish_basis in ('family_consent', 'already_public'))`,
  `alter table victims add column publish_requested_by text`,
  `alter table victims add column publish_requested_at timestamptz`,
  `alter table victims add column publish_approved_at timestamptz`,
  `alter table victims add check (publish_approved_by is null or publish_approved_by <> publish_requested_by)`,
  `create index victims_incident on victims (incident_id)`,
  `create index victims_person on victims (person_id)`,

  // --- names: same-script normal form and cross-script key --------------------------------------
  `alter table victim_names add column norm text not null default ''`,
  `alter table victim_names add column key text not null default ''`,
  `create index victim_names_victim on victim_names (victim_id)`,
  `create index victim_names_key on victim_names (key)`,
  `create index victim_facts_victim on victim_facts (victim_id, field)`,

  // --- records of external lists (a ministry, a hospital, another monitor) -----------------------
  `create table victim_list_records (
    id bigserial primary key,
    list_id bigint not null references capture_lists(id),
    identity_key text not null,
    content_sha256 text not null,
    version integer not null default 1,
    external_ref text,
    row_number integer,
    victim_id bigint not null references victims(id),
    source_id bigint references sources(id),
    fields jsonb not null default '{}'::jsonb,
    file_sha256 text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (list_id, identity_key)
  )`,
  `create index victim_list_records_victim on victim_list_records (victim_id)`,

  // --- responses: the outcome of an investigation, the claim that states a response --------------
  `alter table responses add column outcome text`,
  `alter table responses add column claim_id bigint references claims(id)`,
  `alter table responses add column recorded_by text`,
  `alter table responses add check (amount is null or amount >= 0)`,
  `alter table responses add check (incident_id is not null or victim_id is not null)`,
  `create index responses_incident on responses (incident_id)`,
  `create index responses_victim on responses (victim_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only; restore a backup instead');
}
