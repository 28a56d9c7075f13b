/**
 * Typed queries of the ingest context (Kysely), one method per query, over the tables of
 * migration 0001: sources, claims, incidents, incident_figures, assessments, assessment_history,
 * pipeline_reports. Every write takes the transaction its audit event shares.
 */
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { Tx } from '../audit/context.ts';
import { bulkInsert } from '../db/bulkInsert.ts';
import type {
  AssessmentHistoryTable, AssessmentsTable, ClaimsTable, Database, IncidentFiguresTable, IncidentsTable, PipelineReportsTable, SourcesTable,
} from '../db/types.ts';

export type NewSource = Insertable<SourcesTable>;
export type NewClaim = Insertable<ClaimsTable>;
export type NewIncident = Omit<Insertable<IncidentsTable>, 'public_id'>;
export type NewFigure = Omit<Insertable<IncidentFiguresTable>, 'incident_id'>;
export type NewAssessment = Insertable<AssessmentsTable>;
export type NewAssessmentHistory = Insertable<AssessmentHistoryTable>;
export type NewPipelineReport = Insertable<PipelineReportsTable>;
export type AssessmentRow = Selectable<AssessmentsTable>;
export type IncidentRowFull = Selectable<IncidentsTable>;
type Conn = Tx | Kysely<Database>;
/** `now()` for a generated timestamp column (its column type is not exported by db/types.ts). */
const NOW = sql`now()` as unknown as never;

/** The latest version of a source, by key. */
export interface SourceHead {
  id: number;
  source_key: string;
  version: number;
  sha256: string;
}

export const ingestRepository = {
  /** Latest version of each key (one query per batch). */
  async latestSources(db: Conn, keys: string[]): Promise<SourceHead[]> {
    if (keys.length === 0) return [];
    return db
      .selectFrom('sources')
      .select(['id', 'source_key', 'version', 'sha256'])
      .where('source_key', 'in', keys)
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('sources as s2').select('s2.id').whereRef('s2.source_key', '=', 'sources.source_key').whereRef('s2.version', '>', 'sources.version'))))
      .execute();
  },

  async insertSource(tx: Tx, row: NewSource): Promise<{ id: number; version: number }> {
    return tx.insertInto('sources').values(row).returning(['id', 'version']).executeTakeFirstOrThrow();
  },

  /**
   * Many source versions in few statements; returns their ids in the order given.
   */
  async insertSources(tx: Tx, rows: NewSource[]): Promise<number[]> {
    return bulkInsert(tx, 'sources', rows);
  },

  async insertClaims(tx: Tx, rows: NewClaim[]): Promise<number[]> {
    return bulkInsert(tx, 'claims', rows);
  },

  /** Incidents carrying `external_refs[refKey]` equal to one of `values` (text comparison). */
  async incidentsByRef(db: Conn, refKey: string, values: string[]): Promise<IncidentRowFull[]> {
    if (values.length === 0) return [];
    return db.selectFrom('incidents').selectAll().where(sql<string>`external_refs->>${refKey}`, 'in', values).execute();
  },

  async incidentByPublicId(db: Conn, publicId: string): Promise<IncidentRowFull | undefined> {
    return db.selectFrom('incidents').selectAll().where('public_id', '=', publicId).executeTakeFirst();
  },

  async updateIncident(tx: Tx, id: number, row: NewIncident, version: number): Promise<void> {
    await tx.updateTable('incidents').set({ ...row, version, updated_at: NOW }).where('id', '=', id).execute();
  },

  async figures(db: Conn, incidentId: number): Promise<Array<Selectable<IncidentFiguresTable>>> {
    return db.selectFrom('incident_figures').selectAll().where('incident_id', '=', incidentId).orderBy(['outcome', 'population']).execute();
  },

  async replaceFigures(tx: Tx, incidentId: number, rows: NewFigure[]): Promise<void> {
    await tx.deleteFrom('incident_figures').where('incident_id', '=', incidentId).execute();
    if (rows.length) await tx.insertInto('incident_figures').values(rows.map((r) => ({ ...r, incident_id: incidentId }))).execute();
  },

  async assessments(db: Conn, incidentId: number): Promise<AssessmentRow[]> {
    return db.selectFrom('assessments').selectAll().where('incident_id', '=', incidentId).execute();
  },

  async insertAssessment(tx: Tx, row: NewAssessment): Promise<number> {
    return (await tx.insertInto('assessments').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },

  async updateAssessment(tx: Tx, id: number, row: Partial<NewAssessment>, version: number): Promise<void> {
    await tx.updateTable('assessments').set({ ...row, version, updated_at: NOW }).where('id', '=', id).execute();
  },

  async insertAssessmentHistory(tx: Tx, row: NewAssessmentHistory): Promise<void> {
    await tx.insertInto('assessment_history').values(row).execute();
  },

  async assessmentHistory(db: Conn, assessmentId: number): Promise<Array<Selectable<AssessmentHistoryTable>>> {
    return db.selectFrom('assessment_history').selectAll().where('assessment_id', '=', assessmentId).orderBy('version').execute();
  },

  async pipelineReport(db: Conn, belligerent: string, start: string, end: string): Promise<Selectable<PipelineReportsTable> | undefined> {
    return db.selectFrom('pipeline_reports').selectAll()
      .where('belligerent', '=', belligerent).where('period_start', '=', start).where('period_end', '=', end).executeTakeFirst();
  },

  async insertPipelineReport(tx: Tx, row: NewPipelineReport): Promise<number> {
    return (await tx.insertInto('pipeline_reports').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },

  async updatePipelineReport(tx: Tx, id: number, row: Partial<NewPipelineReport>): Promise<void> {
    await tx.updateTable('pipeline_reports').set(row).where('id', '=', id).execute();
  },

  /** The latest version of a source key, with its claim count. */
  async latestSourceByKey(db: Conn, key: string): Promise<{ id: number; source_key: string; version: number; sha256: string; captured_at: Date; url: string | null; claims: number } | undefined> {
    const row = await db.selectFrom('sources').select(['id', 'source_key', 'version', 'sha256', 'captured_at', 'url'])
      .select((eb) => eb.selectFrom('claims').whereRef('claims.source_id', '=', 'sources.id').select(eb.fn.countAll<string>().as('n')).as('claims'))
      .where('source_key', '=', key).orderBy('version', 'desc').limit(1).executeTakeFirst();
    return row ? { ...row, captured_at: new Date(row.captured_at), claims: Number(row.claims ?? 0) } : undefined;
  },

  /** The most recent import runs. */
  async recentImportRuns(db: Conn, limit: number) {
    return db.selectFrom('import_runs').selectAll().orderBy('id', 'desc').limit(limit).execute();
  },

  async claimsOfSource(db: Conn, sourceId: number): Promise<Array<Selectable<ClaimsTable>>> {
    return db.selectFrom('claims').selectAll().where('source_id', '=', sourceId).orderBy('id').execute();
  },
};
