import { sql, type Kysely } from 'kysely';
import {
  ASSESSMENT_STATUSES, CLAIM_TYPES, DATE_PRECISIONS, GRADES, OUTCOMES, PLACE_PRECISIONS, POPULATIONS, QUALIFIERS,
  SOURCE_TYPES, STRIKE_STATUSES, VISIBILITIES, PROXIMITIES,
} from '../../model/vocabulary.ts';

/** `col in ('a','b',…)`, for CHECK constraints generated from the vocabulary. */
const oneOf = (col: string, values: readonly string[]): string =>
  `${col} in (${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')})`;
const nullOr = (col: string, values: readonly string[]): string => `(${col} is null or ${oneOf(col, values)})`;

/**
 * The whole domain model of ../shared/design/model.md. Later migrations add; none edits this one.
 * Plain lat/lon columns (no PostGIS: it does not exist for the PGlite line we use).
 */
export const statements: string[] = [
  `create extension if not exists pg_trgm`,

  // --- people and access ---------------------------------------------------------------
  `create table users (
    id bigserial primary key,
    username text not null unique,
    display_name text,
    role text not null check (${oneOf('role', ['contributor', 'analyst', 'reviewer', 'admin'])}),
    password_hash text,
    disabled boolean not null default false,
    failed_logins integer not null default 0,
    locked_until timestamptz,
    created_at timestamptz not null default now()
  )`,
  `create table sessions (
    id text primary key,
    user_id bigint not null references users(id),
    csrf_token text not null,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null
  )`,
  `create table api_tokens (
    id bigserial primary key,
    user_id bigint not null references users(id),
    name text not null,
    token_hash text not null unique,
    created_at timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at timestamptz
  )`,

  // --- actors and places ----------------------------------------------------------------
  `create table actors (
    id bigserial primary key,
    slug text not null unique,
    name text not null,
    name_ar text,
    kind text not null check (${oneOf('kind', ['coalition', 'state', 'partner_force', 'armed_group', 'other'])}),
    parent_id bigint references actors(id)
  )`,
  `create table places (
    id bigserial primary key,
    source text not null,
    source_ref text not null,
    name text not null,
    name_ar text,
    feature_type text not null,
    country text,
    admin1 text, admin2 text, admin3 text,
    pcode text,
    lat double precision, lon double precision,
    precision text not null check (${oneOf('precision', PLACE_PRECISIONS)}),
    population bigint,
    geometry jsonb,
    created_at timestamptz not null default now(),
    unique (source, source_ref)
  )`,
  `create table place_names (
    id bigserial primary key,
    place_id bigint not null references places(id) on delete cascade,
    name text not null,
    norm text not null,
    key text not null,
    script text,
    lang text,
    source text
  )`,
  `create index place_names_norm_trgm on place_names using gin (norm gin_trgm_ops)`,
  `create index place_names_key on place_names (key)`,

  // --- sources: verbatim, hashed, never edited ------------------------------------------
  `create table sources (
    id bigserial primary key,
    source_key text not null,
    version integer not null default 1,
    supersedes_id bigint references sources(id),
    type text not null check (${oneOf('type', SOURCE_TYPES)}),
    title text,
    publisher text,
    url text,
    language text,
    published_on date,
    captured_at timestamptz not null,
    sha256 text not null,
    media_type text,
    content bytea,
    text text,
    clean_text text,
    clean_offsets jsonb,
    dataset text,
    dataset_row integer,
    file_sha256 text,
    proximity text check (${nullOr('proximity', PROXIMITIES)}),
    visibility text not null default 'public' check (${oneOf('visibility', VISIBILITIES)}),
    status text not null default 'accepted' check (${oneOf('status', ['unverified', 'accepted', 'rejected'])}),
    attributes jsonb not null default '{}'::jsonb,
    created_at timestamptz not null default now(),
    unique (source_key, version)
  )`,
  `create index sources_sha256 on sources (sha256)`,
  `create table submission_contacts (
    source_id bigint primary key references sources(id),
    reference_code text not null unique,
    contact_email text,
    submitter_name text,
    ip_hash text
  )`,

  // --- incidents ---------------------------------------------------------------------------
  `create sequence incident_public_seq`,
  `create table incidents (
    id bigserial primary key,
    public_id text not null unique,
    title text,
    summary text,
    date_start date,
    date_end date,
    date_precision text check (${nullOr('date_precision', DATE_PRECISIONS)}),
    country text,
    admin1 text, admin2 text, admin3 text,
    place_text text,
    place_id bigint references places(id),
    lat double precision, lon double precision,
    place_precision text check (${nullOr('place_precision', PLACE_PRECISIONS)}),
    belligerents text[] not null default '{}',
    strike_status text check (${nullOr('strike_status', STRIKE_STATUSES)}),
    grade text check (${nullOr('grade', GRADES)}),
    grade_status text not null default 'unreviewed' check (${oneOf('grade_status', ['unreviewed', 'proposed', 'approved'])}),
    status text not null default 'draft' check (${oneOf('status', ['draft', 'published', 'merged', 'withdrawn'])}),
    merged_into_id bigint references incidents(id),
    external_refs jsonb not null default '{}'::jsonb,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check (date_end is null or date_start is null or date_end >= date_start)
  )`,
  `create index incidents_date on incidents (date_start)`,
  `create index incidents_country on incidents (country, admin1)`,
  `create table incident_figures (
    incident_id bigint not null references incidents(id),
    outcome text not null check (${oneOf('outcome', OUTCOMES)}),
    population text not null check (${oneOf('population', POPULATIONS)}),
    low integer check (low >= 0),
    best integer check (best >= 0),
    high integer check (high >= 0),
    rule text not null,
    primary key (incident_id, outcome, population),
    check (low is null or high is null or low <= high)
  )`,
  `create table grade_decisions (
    id bigserial primary key,
    incident_id bigint not null references incidents(id),
    grade text not null check (${oneOf('grade', GRADES)}),
    reason text not null check (length(trim(reason)) > 0),
    criteria jsonb not null default '{}'::jsonb,
    proposed_by text not null,
    proposed_at timestamptz not null default now(),
    decision text not null default 'pending' check (${oneOf('decision', ['pending', 'approved', 'rejected'])}),
    reviewed_by text,
    reviewed_at timestamptz,
    review_reason text
  )`,
  `create table sign_offs (
    id bigserial primary key,
    incident_id bigint not null references incidents(id),
    field text not null check (${oneOf('field', ['location', 'date', 'figures'])}),
    incident_version integer not null,
    signed_by text not null,
    signed_at timestamptz not null default now(),
    note text
  )`,

  // --- claims: one statement inside a source, tied to its span ----------------------------
  `create table claims (
    id bigserial primary key,
    source_id bigint not null references sources(id),
    type text not null check (${oneOf('type', CLAIM_TYPES)}),
    claimant text,
    claimant_norm text,
    actor_text text,
    actor_norm text,
    attribution text check (${nullOr('attribution', ['alleged', 'contested', 'admitted'])}),
    outcome text check (${nullOr('outcome', OUTCOMES)}),
    population text check (${nullOr('population', POPULATIONS)}),
    min integer check (min >= 0),
    max integer check (max >= 0),
    qualifier text check (${nullOr('qualifier', QUALIFIERS)}),
    period_start date,
    period_end date,
    date_precision text check (${nullOr('date_precision', DATE_PRECISIONS)}),
    period_text text,
    place_text text,
    place_id bigint references places(id),
    place_precision text check (${nullOr('place_precision', PLACE_PRECISIONS)}),
    lat double precision, lon double precision,
    stance text[] not null default '{}',
    quote text not null,
    span_start integer not null check (span_start >= 0),
    span_end integer not null,
    same_as_id bigint references claims(id),
    origin text not null default 'extracted' check (${oneOf('origin', ['extracted', 'dataset', 'analyst'])}),
    status text not null default 'unreviewed' check (${oneOf('status', ['unreviewed', 'confirmed', 'corrected', 'rejected'])}),
    corrects_id bigint references claims(id),
    incident_id bigint references incidents(id),
    attributes jsonb not null default '{}'::jsonb,
    created_at timestamptz not null default now(),
    check (span_end >= span_start),
    check (min is null or max is null or min <= max)
  )`,
  `create index claims_source on claims (source_id)`,
  `create index claims_incident on claims (incident_id)`,

  // --- declared strikes ---------------------------------------------------------------------
  `create table declared_strikes (
    id bigserial primary key,
    identity_key text not null unique,
    content_sha256 text not null,
    version integer not null default 1,
    release_date date not null,
    country text not null check (${oneOf('country', ['IQ', 'SY'])}),
    place_text text not null,
    place_id bigint references places(id),
    lat double precision, lon double precision,
    place_precision text check (${nullOr('place_precision', PLACE_PRECISIONS)}),
    strikes integer check (strikes >= 0),
    reported_number integer,
    engaged jsonb not null default '[]'::jsonb,
    destroyed jsonb not null default '[]'::jsonb,
    damaged jsonb not null default '[]'::jsonb,
    description text,
    line text not null,
    belligerent text not null default 'coalition',
    declared_by text not null default 'CJTF-OIR',
    status text not null default 'declared' check (${oneOf('status', STRIKE_STATUSES)}),
    dataset text,
    dataset_row integer,
    file_sha256 text,
    attributes jsonb not null default '{}'::jsonb,
    created_at timestamptz not null default now()
  )`,
  `create index declared_strikes_date on declared_strikes (release_date, id)`,
  `create index declared_strikes_country on declared_strikes (country, release_date)`,
  `create index declared_strikes_place_trgm on declared_strikes using gin (lower(place_text) gin_trgm_ops)`,
  `create table strike_matches (
    incident_id bigint not null references incidents(id),
    strike_id bigint not null references declared_strikes(id),
    day_gap integer not null,
    distance_km double precision,
    score double precision not null,
    assigned boolean not null default false,
    primary key (incident_id, strike_id)
  )`,

  // --- belligerent assessments and their history --------------------------------------------
  `create table assessments (
    id bigserial primary key,
    incident_id bigint not null references incidents(id),
    belligerent text not null,
    status text not null check (${oneOf('status', ASSESSMENT_STATUSES)}),
    conceded_killed_min integer, conceded_killed_max integer,
    conceded_injured_min integer, conceded_injured_max integer,
    reason text not null check (length(trim(reason)) > 0),
    reason_given boolean not null,
    assessed_on date,
    document_source_id bigint references sources(id),
    document_url text,
    version integer not null default 1,
    updated_at timestamptz not null default now(),
    unique (incident_id, belligerent)
  )`,
  `create table assessment_history (
    id bigserial primary key,
    assessment_id bigint not null references assessments(id),
    version integer not null,
    status text not null,
    conceded_killed_min integer, conceded_killed_max integer,
    conceded_injured_min integer, conceded_injured_max integer,
    reason text not null,
    reason_given boolean not null,
    assessed_on date,
    document_source_id bigint references sources(id),
    document_url text,
    recorded_by text not null,
    recorded_at timestamptz not null default now(),
    change_reason text not null,
    unique (assessment_id, version)
  )`,
  `create table pipeline_reports (
    id bigserial primary key,
    belligerent text not null,
    period_start date not null,
    period_end date not null,
    carried_over integer, received integer,
    completed_credible integer, completed_not_credible integer, completed_duplicate integer, completed_other integer,
    open_at_end integer, reopened integer,
    deaths_conceded_period integer, deaths_conceded_cumulative integer,
    strikes_to_date integer,
    source_id bigint references sources(id),
    unique (belligerent, period_start, period_end)
  )`,

  // --- linkage review ---------------------------------------------------------------------------
  `create table link_pairs (
    id bigserial primary key,
    kind text not null check (${oneOf('kind', ['claim_claim', 'claim_incident', 'victim_victim'])}),
    left_id bigint not null,
    right_id bigint not null,
    match_weight double precision not null,
    probability double precision not null,
    waterfall jsonb not null,
    distance_km double precision,
    status text not null default 'pending' check (${oneOf('status', ['pending', 'match', 'non_match'])}),
    labelled_by text,
    labelled_at timestamptz,
    unique (kind, left_id, right_id)
  )`,

  // --- victims, responses, lists --------------------------------------------------------------
  `create table victims (
    id bigserial primary key,
    incident_id bigint references incidents(id),
    age_min integer, age_max integer,
    age_group text,
    gender text,
    outcome text check (${nullOr('outcome', OUTCOMES)}),
    status text check (${nullOr('status', ['civilian', 'combatant', 'unknown'])}),
    family_group text,
    protected_group text,
    publishable boolean not null default false,
    publish_reason text,
    publish_approved_by text,
    created_at timestamptz not null default now()
  )`,
  `create table victim_names (
    id bigserial primary key,
    victim_id bigint not null references victims(id),
    name text not null,
    script text,
    kind text not null default 'name' check (${oneOf('kind', ['name', 'transliteration', 'alias', 'kunya'])}),
    parts jsonb not null default '{}'::jsonb,
    claim_id bigint references claims(id),
    source_id bigint references sources(id)
  )`,
  `create table victim_facts (
    id bigserial primary key,
    victim_id bigint not null references victims(id),
    field text not null,
    value text not null,
    claim_id bigint references claims(id),
    source_id bigint references sources(id)
  )`,
  `create table responses (
    id bigserial primary key,
    incident_id bigint references incidents(id),
    victim_id bigint references victims(id),
    belligerent text not null,
    kind text not null check (${oneOf('kind', ['acknowledgement', 'apology', 'investigation_opened', 'investigation_outcome', 'condolence_payment', 'ex_gratia_payment'])}),
    responded_on date,
    amount numeric, currency text,
    recipient text,
    description text,
    source_id bigint references sources(id),
    created_at timestamptz not null default now()
  )`,
  `create table capture_lists (
    id bigserial primary key,
    slug text not null unique,
    name text not null,
    kind text not null check (${oneOf('kind', ['incidents', 'victims'])}),
    description text
  )`,
  `create table list_memberships (
    list_id bigint not null references capture_lists(id),
    record_kind text not null check (${oneOf('record_kind', ['incident', 'victim'])}),
    record_id bigint not null,
    external_ref text,
    primary key (list_id, record_kind, record_id)
  )`,

  // --- imports and audit -----------------------------------------------------------------------
  `create table import_runs (
    id bigserial primary key,
    kind text not null,
    file_name text,
    file_sha256 text,
    actor text not null,
    started_at timestamptz not null default now(),
    finished_at timestamptz,
    read integer not null default 0,
    imported integer not null default 0,
    unchanged integer not null default 0,
    updated integer not null default 0,
    rejected integer not null default 0,
    status text not null default 'running' check (${oneOf('status', ['running', 'finished', 'failed'])})
  )`,
  `create table audit_events (
    seq bigint primary key,
    at timestamptz not null,
    actor text not null,
    action text not null,
    target_type text not null,
    target_id text,
    before jsonb,
    after jsonb,
    reason text not null,
    visibility text not null default 'internal' check (${oneOf('visibility', ['public', 'internal'])}),
    prev_hash text not null,
    hash text not null unique
  )`,
  `create index audit_events_target on audit_events (target_type, target_id)`,
  `create table audit_head (
    id integer primary key check (id = 1),
    seq bigint not null,
    hash text not null
  )`,
  `insert into audit_head (id, seq, hash) values (1, 0, '${'0'.repeat(64)}')`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only; restore a backup instead');
}
