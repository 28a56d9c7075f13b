/**
 * The intake queue of public submissions. An analyst accepts (status accepted, visibility public:
 * from then on it may be linked to incidents and shown, redacted) or rejects (stays restricted),
 * always with a reason, audited. Contact data is never part of the queue: only whether there is some.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/service.ts';
import { auditName, requireAccess, type Actor } from '../auth/policies.ts';
import type { Database } from '../db/types.ts';
import { HarmwatchError, notFound, reasonRequired } from '../errors.ts';
import { presentIntakeItem, type IntakeItemJson } from './presenters.ts';
import { submissionRepository } from './repository.ts';

/** Unverified submissions, oldest first. */
export async function listIntake(db: Kysely<Database>, actor: Actor, limit = 200): Promise<IntakeItemJson[]> {
  requireAccess(actor, 'intake.read');
  const rows = await submissionRepository.intake(db, limit);
  const attachments = await submissionRepository.attachmentsOf(db, rows.map((r) => r.source_key));
  return rows.map((r) => presentIntakeItem(r, attachments.filter((a) => a.source_key.startsWith(`${r.source_key}:attachment:`))));
}

/** Accepts or rejects a submission (and its attachments). */
export async function decideIntake(db: Kysely<Database>, actor: Actor, sourceId: number, accept: boolean, reason: string): Promise<{ sourceId: number; status: string; visibility: string }> {
  requireAccess(actor, 'intake.decide');
  if (!reason.trim()) throw reasonRequired();
  return db.transaction().execute(async (tx) => {
    const s = await submissionRepository.sourceForUpdate(tx, sourceId);
    if (!s || s.type !== 'public_submission' || s.source_key.includes(':attachment:')) throw notFound('submission', sourceId);
    if (s.status !== 'unverified') throw new HarmwatchError('CONFLICT', `submission ${sourceId} was already ${s.status}`);
    const status = accept ? 'accepted' : 'rejected';
    const visibility = accept ? 'public' : 'restricted';
    const n = await submissionRepository.decide(tx, s.source_key, status, visibility);
    await recordAudit({ actor: auditName(actor), reason, tx }, {
      action: accept ? 'source.accepted' : 'source.rejected', targetType: 'source', targetId: sourceId,
      before: { status: s.status, visibility: s.visibility }, after: { status, visibility, sources: n },
    });
    return { sourceId, status, visibility };
  });
}
