import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** A timestamp: written as Date or ISO string, read as Date. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A date column, read as 'YYYY-MM-DD' (the pg type parser is set to keep dates as text). */
type DateText = ColumnType<string, string, string>;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string | null;
  role: 'contributor' | 'analyst' | 'reviewer' | 'admin';
  password_hash: string | null;
  disabled: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  created_at: Generated<Timestamp>;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Generated<Timestamp>;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: Generated<Timestamp>;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface ActorsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  name_ar: string | null;
  kind: 'coalition' | 'state' | 'partner_force' | 'armed_group' | 'other';
  parent_id: number | null;
}

export interface PlacesTable {
  id: Generated<number>;
  source: string;
  source_ref: string;
  name: string;
  name_ar: string | null;
  feature_type: string;
  country: string | null;
  admin1: string | null;
  admin2: string | null;
  admin3: string | null;
  pcode: string | null;
  lat: number | null;
  lon: number | null;
  precision: string;
  population: ColumnType<string | null, number | null | undefined, number | null>;
  geometry: Json | null;
  created_at: Generated<Timestamp>;
}

export interface PlaceNamesTable {
  id: Generated<number>;
  place_id: number;
  name: string;
  norm: string;
  key: string;
  script: string | null;
  lang: string | null;
  source: string | null;
}

export interface SourcesTable {
  id: Generated<number>;
  source_key: string;
  version: Generated<number>;
  supersedes_id: number | null;
  type: string;
  title: string | null;
  publisher: string | null;
  url: string | null;
  language: string | null;
  published_on: DateText | null;
  captured_at: Timestamp;
  sha256: string;
  media_type: string | null;
  content: Buffer | null;
  text: string | null;
  clean_text: string | null;
  clean_offsets: Json | null;
  dataset: string | null;
  dataset_row: number | null;
  file_sha256: string | null;
  proximity: string | null;
  visibility: Generated<string>;
  status: Generated<string>;
  attributes: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: Generated<Timestamp>;
}

export interface SubmissionContactsTable {
  source_id: number;
  reference_code: string;
  contact_email: string | null;
  submitter_name: string | null;
  ip_hash: string | null;
}

export interface IncidentsTable {
  id: Generated<number>;
  public_id: string;
  title: string | null;
  summary: string | null;
  date_start: DateText | null;
  date_end: DateText | null;
  date_precision: string | null;
  country: string | null;
  admin1: string | null;
  admin2: string | null;
  admin3: string | null;
  place_text: string | null;
  place_id: number | null;
  lat: number | null;
  lon: number | null;
  place_precision: string | null;
  belligerents: ColumnType<string[], string[] | undefined, string[]>;
  strike_status: string | null;
  grade: string | null;
  grade_status: Generated<string>;
  status: Generated<string>;
  merged_into_id: number | null;
  external_refs: ColumnType<Record<string, unknown>, string | undefined, string>;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface IncidentFiguresTable {
  incident_id: number;
  outcome: string;
  population: string;
  low: number | null;
  best: number | null;
  high: number | null;
  rule: string;
}

export interface GradeDecisionsTable {
  id: Generated<number>;
  incident_id: number;
  grade: string;
  reason: string;
  criteria: ColumnType<Record<string, unknown>, string | undefined, string>;
  proposed_by: string;
  proposed_at: Generated<Timestamp>;
  decision: Generated<string>;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  review_reason: string | null;
}

export interface SignOffsTable {
  id: Generated<number>;
  incident_id: number;
  field: 'location' | 'date' | 'figures';
  incident_version: number;
  signed_by: string;
  signed_at: Generated<Timestamp>;
  note: string | null;
}

export interface ClaimsTable {
  id: Generated<number>;
  source_id: number;
  type: string;
  claimant: string | null;
  claimant_norm: string | null;
  actor_text: string | null;
  actor_norm: string | null;
  attribution: string | null;
  outcome: string | null;
  population: string | null;
  min: number | null;
  max: number | null;
  qualifier: string | null;
  period_start: DateText | null;
  period_end: DateText | null;
  date_precision: string | null;
  period_text: string | null;
  place_text: string | null;
  place_id: number | null;
  place_precision: string | null;
  lat: number | null;
  lon: number | null;
  stance: ColumnType<string[], string[] | undefined, string[]>;
  quote: string;
  span_start: number;
  span_end: number;
  same_as_id: number | null;
  origin: Generated<string>;
  status: Generated<string>;
  corrects_id: number | null;
  incident_id: number | null;
  attributes: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: Generated<Timestamp>;
}

export interface DeclaredStrikesTable {
  id: Generated<number>;
  identity_key: string;
  content_sha256: string;
  version: Generated<number>;
  release_date: DateText;
  country: 'IQ' | 'SY';
  place_text: string;
  place_id: number | null;
  lat: number | null;
  lon: number | null;
  place_precision: string | null;
  strikes: number | null;
  reported_number: number | null;
  engaged: Json<TargetCount[]>;
  destroyed: Json<TargetCount[]>;
  damaged: Json<TargetCount[]>;
  description: string | null;
  line: string;
  belligerent: Generated<string>;
  declared_by: Generated<string>;
  status: Generated<string>;
  dataset: string | null;
  dataset_row: number | null;
  file_sha256: string | null;
  attributes: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: Generated<Timestamp>;
}

/** "three ISIL tactical units" → { count: 3, what: 'ISIL tactical units' }; count null when unstated. */
export interface TargetCount {
  count: number | null;
  what: string;
}

export interface StrikeMatchesTable {
  incident_id: number;
  strike_id: number;
  day_gap: number;
  distance_km: number | null;
  score: number;
  assigned: Generated<boolean>;
}

export interface AssessmentsTable {
  id: Generated<number>;
  incident_id: number;
  belligerent: string;
  status: string;
  conceded_killed_min: number | null;
  conceded_killed_max: number | null;
  conceded_injured_min: number | null;
  conceded_injured_max: number | null;
  reason: string;
  reason_given: boolean;
  assessed_on: DateText | null;
  document_source_id: number | null;
  document_url: string | null;
  version: Generated<number>;
  updated_at: Generated<Timestamp>;
}

export interface AssessmentHistoryTable {
  id: Generated<number>;
  assessment_id: number;
  version: number;
  status: string;
  conceded_killed_min: number | null;
  conceded_killed_max: number | null;
  conceded_injured_min: number | null;
  conceded_injured_max: number | null;
  reason: string;
  reason_given: boolean;
  assessed_on: DateText | null;
  document_source_id: number | null;
  document_url: string | null;
  recorded_by: string;
  recorded_at: Generated<Timestamp>;
  change_reason: string;
}

export interface PipelineReportsTable {
  id: Generated<number>;
  belligerent: string;
  period_start: DateText;
  period_end: DateText;
  carried_over: number | null;
  received: number | null;
  completed_credible: number | null;
  completed_not_credible: number | null;
  completed_duplicate: number | null;
  completed_other: number | null;
  open_at_end: number | null;
  reopened: number | null;
  deaths_conceded_period: number | null;
  deaths_conceded_cumulative: number | null;
  strikes_to_date: number | null;
  source_id: number | null;
}

export interface LinkPairsTable {
  id: Generated<number>;
  kind: 'claim_claim' | 'claim_incident' | 'victim_victim';
  left_id: number;
  right_id: number;
  match_weight: number;
  probability: number;
  waterfall: Json;
  distance_km: number | null;
  status: Generated<string>;
  labelled_by: string | null;
  labelled_at: Timestamp | null;
}

export interface VictimsTable {
  id: Generated<number>;
  incident_id: number | null;
  age_min: number | null;
  age_max: number | null;
  age_group: string | null;
  gender: string | null;
  outcome: string | null;
  status: string | null;
  family_group: string | null;
  protected_group: string | null;
  publishable: Generated<boolean>;
  publish_reason: string | null;
  publish_approved_by: string | null;
  created_at: Generated<Timestamp>;
}

export interface VictimNamesTable {
  id: Generated<number>;
  victim_id: number;
  name: string;
  script: string | null;
  kind: Generated<string>;
  parts: ColumnType<Record<string, unknown>, string | undefined, string>;
  claim_id: number | null;
  source_id: number | null;
}

export interface VictimFactsTable {
  id: Generated<number>;
  victim_id: number;
  field: string;
  value: string;
  claim_id: number | null;
  source_id: number | null;
}

export interface ResponsesTable {
  id: Generated<number>;
  incident_id: number | null;
  victim_id: number | null;
  belligerent: string;
  kind: string;
  responded_on: DateText | null;
  amount: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  currency: string | null;
  recipient: string | null;
  description: string | null;
  source_id: number | null;
  created_at: Generated<Timestamp>;
}

export interface CaptureListsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  kind: 'incidents' | 'victims';
  description: string | null;
}

export interface ListMembershipsTable {
  list_id: number;
  record_kind: 'incident' | 'victim';
  record_id: number;
  external_ref: string | null;
}

export interface ImportRunsTable {
  id: Generated<number>;
  kind: string;
  file_name: string | null;
  file_sha256: string | null;
  actor: string;
  started_at: Generated<Timestamp>;
  finished_at: Timestamp | null;
  read: Generated<number>;
  imported: Generated<number>;
  unchanged: Generated<number>;
  updated: Generated<number>;
  rejected: Generated<number>;
  status: Generated<string>;
}

export interface AuditEventsTable {
  seq: ColumnType<number, number, never>;
  at: Timestamp;
  actor: string;
  action: string;
  target_type: string;
  target_id: string | null;
  before: Json | null;
  after: Json | null;
  reason: string;
  visibility: Generated<string>;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: ColumnType<number, number, number>;
  hash: string;
}

/** Every table of harmwatch, for Kysely. */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  actors: ActorsTable;
  places: PlacesTable;
  place_names: PlaceNamesTable;
  sources: SourcesTable;
  submission_contacts: SubmissionContactsTable;
  incidents: IncidentsTable;
  incident_figures: IncidentFiguresTable;
  grade_decisions: GradeDecisionsTable;
  sign_offs: SignOffsTable;
  claims: ClaimsTable;
  declared_strikes: DeclaredStrikesTable;
  strike_matches: StrikeMatchesTable;
  assessments: AssessmentsTable;
  assessment_history: AssessmentHistoryTable;
  pipeline_reports: PipelineReportsTable;
  link_pairs: LinkPairsTable;
  victims: VictimsTable;
  victim_names: VictimNamesTable;
  victim_facts: VictimFactsTable;
  responses: ResponsesTable;
  capture_lists: CaptureListsTable;
  list_memberships: ListMembershipsTable;
  import_runs: ImportRunsTable;
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
}

export type DeclaredStrikeRow = Selectable<DeclaredStrikesTable>;
export type NewDeclaredStrike = Insertable<DeclaredStrikesTable>;
export type IncidentRow = Selectable<IncidentsTable>;
export type SourceRow = Selectable<SourcesTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
