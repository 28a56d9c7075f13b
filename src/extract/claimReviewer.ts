import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/service.ts';
import type { Database } from '../db/types.ts';
import { notFound, reasonRequired } from '../errors.ts';

/**
 * An analyst confirms or rejects an extracted claim. The claim's figures are the source's and are
 * never edited here; a correction is a new claim. Audited with the analyst's reason.
 */
export async function reviewClaim(db: Kysely<Database>, who: { actor: string; reason: string }, claimId: number, decision: 'confirmed' | 'rejected'): Promise<void> {
  if (!who.reason.trim()) throw reasonRequired();
  await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('claims').select(['id', 'status']).where('id', '=', claimId).executeTakeFirst();
    if (!before) throw notFound('claim', claimId);
    await tx.updateTable('claims').set({ status: decision }).where('id', '=', claimId).execute();
    await recordAudit({ actor: who.actor, reason: who.reason, tx }, { action: `claim.${decision}`, targetType: 'claim', targetId: claimId, before: { status: before.status }, after: { status: decision } });
  });
}
