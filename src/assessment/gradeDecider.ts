/**
 * Grades go through review: an analyst proposes a grade with a mandatory reason (a pending
 * `grade_decisions` row, with the criteria as code checked them at that moment); a reviewer who
 * is not the proposer approves or rejects it. Only an approval changes `incidents.grade`, and that
 * change is a public audit event on the incident's changelog.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/service.ts';
import { auditName, requireAccess, type Actor } from '../auth/policies.ts';
import type { Database } from '../db/types.ts';
import { HarmwatchError, notFound, reasonRequired } from '../errors.ts';
import type { Grade } from '../model/vocabulary.ts';
import { gatherEvidence } from './evidence.ts';
import { suggestGrade } from './grading.ts';
import { assessmentRepository, type GradeDecisionRow } from './repository.ts';

function who(actor: Actor): string {
  return actor.kind === 'user' ? actor.username : 'public';
}

/** Proposes a grade (one pending proposal per incident; a second is a 409 CONFLICT). */
export async function proposeGrade(db: Kysely<Database>, actor: Actor, publicId: string, grade: Grade, reason: string): Promise<GradeDecisionRow> {
  requireAccess(actor, 'grade.propose');
  if (!reason.trim()) throw reasonRequired();
  const incident = await assessmentRepository.incidentByPublicId(db, publicId);
  if (!incident) throw notFound('incident', publicId);
  const suggestion = suggestGrade(await gatherEvidence(db, incident));
  return db.transaction().execute(async (tx) => {
    const locked = await assessmentRepository.lockIncident(tx, publicId);
    if (!locked) throw notFound('incident', publicId);
    const pending = await assessmentRepository.pendingDecision(tx, locked.id);
    if (pending) throw new HarmwatchError('CONFLICT', `incident ${publicId} already has a pending grade proposal (${pending.id}); have it reviewed first`, { decisionId: pending.id });
    const row = await assessmentRepository.insertDecision(tx, {
      incident_id: locked.id, grade, reason, criteria: JSON.stringify(suggestion), proposed_by: who(actor), incident_version: locked.version,
    });
    await assessmentRepository.updateIncidentAt(tx, locked.id, locked.version, { grade_status: 'proposed' }, false);
    await recordAudit({ actor: auditName(actor), reason, tx }, {
      action: 'grade.proposed', targetType: 'incident', targetId: publicId,
      after: { decisionId: row.id, grade, suggested: suggestion.grade, agreesWithCriteria: suggestion.grade === grade },
    });
    return row;
  });
}

/**
 * Approves or rejects a pending proposal. The reviewer must be a different person from the
 * proposer (403 otherwise). Approval sets the incident's grade (public event `incident.graded`).
 */
export async function reviewGrade(db: Kysely<Database>, actor: Actor, decisionId: number, approve: boolean, reason: string): Promise<GradeDecisionRow> {
  requireAccess(actor, 'grade.review');
  if (!reason.trim()) throw reasonRequired();
  return db.transaction().execute(async (tx) => {
    const d = await assessmentRepository.decisionById(tx, decisionId);
    if (!d) throw notFound('grade decision', decisionId);
    if (d.proposed_by === who(actor)) throw new HarmwatchError('FORBIDDEN', 'a grade must be reviewed by someone other than its proposer', { rule: 'four_eyes' });
    const decided = await assessmentRepository.decide(tx, d.id, approve ? 'approved' : 'rejected', who(actor), reason);
    if (!decided) throw new HarmwatchError('CONFLICT', `grade decision ${decisionId} is no longer pending (${d.decision})`);
    const incident = await tx.selectFrom('incidents').selectAll().where('id', '=', d.incident_id).forUpdate().executeTakeFirstOrThrow();
    if (approve) {
      await assessmentRepository.updateIncidentAt(tx, incident.id, incident.version, { grade: d.grade, grade_status: 'approved' }, false);
      await recordAudit({ actor: auditName(actor), reason, tx }, {
        action: 'incident.graded', targetType: 'incident', targetId: incident.public_id,
        before: { grade: incident.grade }, after: { grade: d.grade, decisionId: d.id, proposedBy: d.proposed_by, proposalReason: d.reason },
        visibility: 'public',
      });
    } else {
      const everApproved = (await assessmentRepository.decisions(tx, incident.id)).some((x) => x.decision === 'approved');
      await assessmentRepository.updateIncidentAt(tx, incident.id, incident.version, { grade_status: everApproved ? 'approved' : 'unreviewed' }, false);
      await recordAudit({ actor: auditName(actor), reason, tx }, {
        action: 'grade.rejected', targetType: 'incident', targetId: incident.public_id, after: { decisionId: d.id, grade: d.grade },
      });
    }
    return decided;
  });
}
