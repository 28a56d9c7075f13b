/**
 * Upserting a belligerent's assessment of an incident with its full history: a new assessment
 * gets history version 1; a changed one gets version n+1, a history row and an audit event with
 * before and after; an unchanged one is left alone.
 */
import type { WriteContext } from '../audit/context.ts';
import { recordAudit } from '../audit/service.ts';
import type { AssessmentStatus } from '../model/vocabulary.ts';
import { NO_REASON_GIVEN } from '../model/vocabulary.ts';
import { ingestRepository, type AssessmentRow } from './repository.ts';
import type { Range } from './types.ts';

/** What an import says about one belligerent's position. */
export interface AssessmentDraft {
  belligerent: string;
  status: AssessmentStatus;
  conceded: { killed: Range; injured: Range } | null;
  reason: string | null;
  assessedOn: string | null;
  documentSourceId: number | null;
  documentUrl: string | null;
}

const FIELDS = [
  'status', 'conceded_killed_min', 'conceded_killed_max', 'conceded_injured_min', 'conceded_injured_max', 'reason', 'reason_given', 'assessed_on', 'document_url',
] as const;

function columns(d: AssessmentDraft): Pick<AssessmentRow, (typeof FIELDS)[number]> & { document_source_id: number | null } {
  const reason = d.reason?.trim() ? d.reason.trim() : NO_REASON_GIVEN;
  return {
    status: d.status,
    conceded_killed_min: d.conceded?.killed.min ?? null,
    conceded_killed_max: d.conceded?.killed.max ?? null,
    conceded_injured_min: d.conceded?.injured.min ?? null,
    conceded_injured_max: d.conceded?.injured.max ?? null,
    reason,
    reason_given: reason !== NO_REASON_GIVEN,
    assessed_on: d.assessedOn,
    document_url: d.documentUrl,
    document_source_id: d.documentSourceId,
  };
}

/** Inserts or revises the assessment; returns its id and what happened. */
export async function upsertAssessment(
  ctx: WriteContext, incidentId: number, d: AssessmentDraft, existing: AssessmentRow | undefined,
): Promise<{ id: number; change: 'new' | 'revised' | 'unchanged' }> {
  const { tx } = ctx;
  const cols = columns(d);
  if (!existing) {
    const id = await ingestRepository.insertAssessment(tx, { incident_id: incidentId, belligerent: d.belligerent, ...cols });
    await ingestRepository.insertAssessmentHistory(tx, { assessment_id: id, version: 1, ...cols, recorded_by: ctx.actor, change_reason: ctx.reason });
    return { id, change: 'new' };
  }
  const same = FIELDS.every((f) => existing[f] === cols[f]);
  if (same) return { id: existing.id, change: 'unchanged' };
  const version = existing.version + 1;
  await ingestRepository.updateAssessment(tx, existing.id, cols, version);
  await ingestRepository.insertAssessmentHistory(tx, { assessment_id: existing.id, version, ...cols, recorded_by: ctx.actor, change_reason: ctx.reason });
  const before = Object.fromEntries(FIELDS.map((f) => [f, existing[f]]));
  await recordAudit(ctx, {
    action: 'assessment.revised', targetType: 'assessment', targetId: existing.id, visibility: 'public',
    before: { incident_id: incidentId, belligerent: d.belligerent, version: existing.version, ...before },
    after: { incident_id: incidentId, belligerent: d.belligerent, version, ...Object.fromEntries(FIELDS.map((f) => [f, cols[f]])) },
  });
  return { id: existing.id, change: 'revised' };
}
