/** Typed queries of the assessment workflow (Kysely), one method per query. */
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { Tx } from '../audit/context.ts';
import type {
  AssessmentHistoryTable, AssessmentsTable, AuditEventRow, Database, GradeDecisionsTable, IncidentFiguresTable, IncidentRow, IncidentsTable, SignOffsTable,
} from '../db/types.ts';

type Conn = Tx | Kysely<Database>;
export type AssessmentRow = Selectable<AssessmentsTable>;
export type AssessmentHistoryRow = Selectable<AssessmentHistoryTable>;
export type GradeDecisionRow = Selectable<GradeDecisionsTable>;
export type SignOffRow = Selectable<SignOffsTable>;
export type FigureRow = Selectable<IncidentFiguresTable>;
export type IncidentChanges = Partial<Omit<Insertable<IncidentsTable>, 'id' | 'public_id' | 'version' | 'search_text' | 'created_at' | 'updated_at'>>;
const NOW = sql`now()` as unknown as never;

export interface EvidenceSourceRow {
  source_id: number;
  source_key: string;
  publisher: string | null;
  attributes: Record<string, unknown>;
  same_as_source_id: number | null;
  actor_norm: string | null;
  attribution: string | null;
  stance: string[];
}

export const assessmentRepository = {
  async incidentByPublicId(db: Conn, publicId: string): Promise<IncidentRow | undefined> {
    return db.selectFrom('incidents').selectAll().where('public_id', '=', publicId).executeTakeFirst();
  },

  /** Locks the incident row for the rest of the transaction. */
  async lockIncident(tx: Tx, publicId: string): Promise<IncidentRow | undefined> {
    return tx.selectFrom('incidents').selectAll().where('public_id', '=', publicId).forUpdate().executeTakeFirst();
  },

  async insertIncident(tx: Tx, row: IncidentChanges): Promise<IncidentRow> {
    return tx.insertInto('incidents')
      .values({ ...row, public_id: sql<string>`'HW-' || lpad(nextval('incident_public_seq')::text, 6, '0')` })
      .returningAll().executeTakeFirstOrThrow();
  },

  /** Writes changes only if the row is still at `version`; returns the new row or undefined on a conflict. */
  async updateIncidentAt(tx: Tx, id: number, version: number, set: IncidentChanges, bump: boolean): Promise<IncidentRow | undefined> {
    return tx.updateTable('incidents')
      .set({ ...set, ...(bump ? { version: sql<number>`version + 1` as unknown as number } : {}), updated_at: NOW })
      .where('id', '=', id).where('version', '=', version)
      .returningAll().executeTakeFirst();
  },

  async figures(db: Conn, incidentId: number): Promise<FigureRow[]> {
    return db.selectFrom('incident_figures').selectAll().where('incident_id', '=', incidentId).orderBy('outcome').orderBy('population').execute();
  },

  async replaceFigures(tx: Tx, incidentId: number, rows: Array<Omit<Insertable<IncidentFiguresTable>, 'incident_id'>>): Promise<void> {
    await tx.deleteFrom('incident_figures').where('incident_id', '=', incidentId).execute();
    if (rows.length) await tx.insertInto('incident_figures').values(rows.map((r) => ({ ...r, incident_id: incidentId }))).execute();
  },

  /** Links sources to an incident with one analyst 'reports' claim each (no quote: the link itself). */
  async linkSources(tx: Tx, incidentId: number, sourceIds: number[]): Promise<void> {
    if (!sourceIds.length) return;
    const existing = await tx.selectFrom('claims').select('source_id').where('incident_id', '=', incidentId).where('source_id', 'in', sourceIds).execute();
    const have = new Set(existing.map((r) => r.source_id));
    const rows = sourceIds.filter((id) => !have.has(id)).map((id) => ({
      source_id: id, type: 'reports', quote: '', span_start: 0, span_end: 0, origin: 'analyst', incident_id: incidentId, attributes: JSON.stringify({ link: 'analyst' }),
    }));
    if (rows.length) await tx.insertInto('claims').values(rows).execute();
  },

  async sourcesExist(db: Conn, ids: number[]): Promise<number[]> {
    if (!ids.length) return [];
    return (await db.selectFrom('sources').select('id').where('id', 'in', ids).execute()).map((r) => r.id);
  },

  /** Accepted sources behind an incident's claims, with what independence needs. */
  async evidenceSources(db: Conn, incidentId: number): Promise<EvidenceSourceRow[]> {
    return db.selectFrom('claims as c')
      .innerJoin('sources as s', 's.id', 'c.source_id')
      .leftJoin('claims as orig', 'orig.id', 'c.same_as_id')
      .select(['s.id as source_id', 's.source_key', 's.publisher', 's.attributes', 'orig.source_id as same_as_source_id', 'c.actor_norm', 'c.attribution', 'c.stance'])
      .where('c.incident_id', '=', incidentId).where('s.status', '=', 'accepted')
      .execute();
  },

  /** Public, accepted sources of an incident (for the public view). */
  async publicSources(db: Conn, incidentId: number): Promise<Array<{ id: number; type: string; title: string | null; publisher: string | null; url: string | null; text: string | null; sha256: string; captured_at: Date }>> {
    return db.selectFrom('sources as s').innerJoin('claims as c', 'c.source_id', 's.id')
      .select(['s.id', 's.type', 's.title', 's.publisher', 's.url', 's.text', 's.sha256', 's.captured_at'])
      .distinct()
      .where('c.incident_id', '=', incidentId).where('s.status', '=', 'accepted').where('s.visibility', '=', 'public')
      .orderBy('s.id').execute();
  },

  async strikeMatches(db: Conn, incidentId: number): Promise<Array<{ strike_id: number; day_gap: number; distance_km: number | null; assigned: boolean }>> {
    return db.selectFrom('strike_matches').select(['strike_id', 'day_gap', 'distance_km', 'assigned']).where('incident_id', '=', incidentId).execute();
  },

  async pendingDecision(db: Conn, incidentId: number): Promise<GradeDecisionRow | undefined> {
    return db.selectFrom('grade_decisions').selectAll().where('incident_id', '=', incidentId).where('decision', '=', 'pending').executeTakeFirst();
  },

  async decisionById(db: Conn, id: number): Promise<GradeDecisionRow | undefined> {
    return db.selectFrom('grade_decisions').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async decisions(db: Conn, incidentId: number): Promise<GradeDecisionRow[]> {
    return db.selectFrom('grade_decisions').selectAll().where('incident_id', '=', incidentId).orderBy('id').execute();
  },

  async insertDecision(tx: Tx, row: Insertable<GradeDecisionsTable>): Promise<GradeDecisionRow> {
    return tx.insertInto('grade_decisions').values(row).returningAll().executeTakeFirstOrThrow();
  },

  /** Decides a pending decision; undefined when it was no longer pending. */
  async decide(tx: Tx, id: number, decision: 'approved' | 'rejected', by: string, reason: string): Promise<GradeDecisionRow | undefined> {
    return tx.updateTable('grade_decisions').set({ decision, reviewed_by: by, reviewed_at: NOW, review_reason: reason })
      .where('id', '=', id).where('decision', '=', 'pending').returningAll().executeTakeFirst();
  },

  async signOffs(db: Conn, incidentId: number): Promise<SignOffRow[]> {
    return db.selectFrom('sign_offs').selectAll().where('incident_id', '=', incidentId).orderBy('id').execute();
  },

  async insertSignOff(tx: Tx, row: Insertable<SignOffsTable>): Promise<SignOffRow> {
    return tx.insertInto('sign_offs').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async assessments(db: Conn, incidentId: number): Promise<AssessmentRow[]> {
    return db.selectFrom('assessments').selectAll().where('incident_id', '=', incidentId).orderBy('belligerent').execute();
  },

  async lockAssessment(tx: Tx, incidentId: number, belligerent: string): Promise<AssessmentRow | undefined> {
    return tx.selectFrom('assessments').selectAll().where('incident_id', '=', incidentId).where('belligerent', '=', belligerent).forUpdate().executeTakeFirst();
  },

  async insertAssessment(tx: Tx, row: Insertable<AssessmentsTable>): Promise<AssessmentRow> {
    return tx.insertInto('assessments').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async updateAssessment(tx: Tx, id: number, row: Partial<Insertable<AssessmentsTable>>): Promise<AssessmentRow> {
    return tx.updateTable('assessments').set({ ...row, updated_at: NOW }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  },

  async insertHistory(tx: Tx, row: Insertable<AssessmentHistoryTable>): Promise<void> {
    await tx.insertInto('assessment_history').values(row).execute();
  },

  async history(db: Conn, assessmentId: number): Promise<AssessmentHistoryRow[]> {
    return db.selectFrom('assessment_history').selectAll().where('assessment_id', '=', assessmentId).orderBy('version').execute();
  },

  /** Audit events about one incident (public only, or all). */
  async incidentEvents(db: Conn, publicId: string, publicOnly: boolean): Promise<AuditEventRow[]> {
    let q = db.selectFrom('audit_events').selectAll().where('target_type', '=', 'incident').where('target_id', '=', publicId);
    if (publicOnly) q = q.where('visibility', '=', 'public');
    return q.orderBy('seq').execute();
  },
};
