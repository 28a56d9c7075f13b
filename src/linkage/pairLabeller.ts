/**
 * Labels on review pairs (an audited command) and their effect: a match attaches the claim to the
 * other side's incident, or merges the two incidents (the older id survives); a non-match keeps the
 * two apart (a claim sharing an incident with the other side is split out into a new incident), and
 * the next `link run` never puts them together again. Labels also refine m (see linkCore.blendM).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { recordAudit } from '../audit/service.ts';
import type { Tx } from '../audit/context.ts';
import { HarmwatchError, notFound } from '../errors.ts';
import { refreshFigures } from './incidentFigures.ts';
import { mergeIncidents } from './incidentMerger.ts';
import { splitIncident } from './incidentSplitter.ts';
import { linkageRepository } from './repository.ts';

/** The analyst's answer. */
export type Label = 'match' | 'non-match';

/** What applying a label did. */
export interface LabelResult {
  pair: number;
  label: Label;
  applied: string;
  incidents: string[];
}

async function incidentOfClaim(tx: Tx, claimId: number): Promise<number | null> {
  const r = await tx.selectFrom('claims').select('incident_id').where('id', '=', claimId).executeTakeFirst();
  if (!r) throw notFound('claim', claimId);
  return r.incident_id;
}

async function publicId(tx: Tx, id: number): Promise<string> {
  return (await linkageRepository.incidentById(tx, id))?.public_id ?? String(id);
}

async function countClaims(tx: Tx, incidentId: number): Promise<number> {
  return (await linkageRepository.claimsOfIncident(tx, incidentId)).length;
}

/** Stores a label (audited) and applies it, in one transaction. */
export async function labelPair(db: Kysely<Database>, pairId: number, label: Label, who: { actor: string; reason: string }): Promise<LabelResult> {
  if (!who.reason?.trim()) throw new HarmwatchError('REASON_REQUIRED', 'a reason is required for a label');
  return db.transaction().execute(async (tx) => {
    const ctx = { actor: who.actor, reason: who.reason, tx };
    const pair = await linkageRepository.pair(tx, pairId);
    if (!pair || pair.kind === 'victim_victim') throw notFound('link pair', pairId);
    const status = label === 'match' ? 'match' : 'non_match';
    await linkageRepository.setLabel(tx, pairId, status, who.actor);
    await recordAudit(ctx, {
      action: 'linkage.pair_labelled', targetType: 'link_pair', targetId: pairId,
      before: { status: pair.status, labelledBy: pair.labelled_by }, after: { status, kind: pair.kind, left: pair.left_id, right: pair.right_id },
    });
    const left = await incidentOfClaim(tx, pair.left_id);
    const right = pair.kind === 'claim_claim' ? await incidentOfClaim(tx, pair.right_id) : pair.right_id;
    const result: LabelResult = { pair: pairId, label, applied: 'stored; the next link run applies it', incidents: [] };
    if (label === 'match') {
      if (left != null && right != null && left !== right) {
        if (pair.kind === 'claim_incident' && (await countClaims(tx, left)) > 1) {
          // the claim leaves an incident that keeps other claims: move it alone
          await tx.updateTable('claims').set({ incident_id: right }).where('id', '=', pair.left_id).execute();
          await refreshFigures(ctx, left);
          const figures = await refreshFigures(ctx, right);
          await recordAudit(ctx, { action: 'incident.claims_attached', targetType: 'incident', targetId: await publicId(tx, right), after: { claims: [pair.left_id], from: await publicId(tx, left), figures }, visibility: 'public' });
          result.applied = 'claim moved';
          result.incidents = [await publicId(tx, right)];
        } else {
          // the older incident (smaller id) survives; the other is merged into it
          const [keep, drop] = pair.kind === 'claim_incident' ? [right, left] : [Math.min(left, right), Math.max(left, right)];
          const m = await mergeIncidents(ctx, drop, keep);
          result.applied = `merged ${m.merged} into ${m.into}`;
          result.incidents = [m.into, m.merged];
        }
      } else if (left == null && right != null) {
        await linkageRepository.attachClaims(tx, [pair.left_id], right);
        const figures = await refreshFigures(ctx, right);
        const pid = await publicId(tx, right);
        await recordAudit(ctx, { action: 'incident.claims_attached', targetType: 'incident', targetId: pid, after: { claims: [pair.left_id], figures }, visibility: 'public' });
        result.applied = 'claim attached';
        result.incidents = [pid];
      } else if (left != null && right == null && pair.kind === 'claim_claim') {
        await linkageRepository.attachClaims(tx, [pair.right_id], left);
        const figures = await refreshFigures(ctx, left);
        const pid = await publicId(tx, left);
        await recordAudit(ctx, { action: 'incident.claims_attached', targetType: 'incident', targetId: pid, after: { claims: [pair.right_id], figures }, visibility: 'public' });
        result.applied = 'claim attached';
        result.incidents = [pid];
      } else if (left != null && left === right) {
        result.applied = 'already in one incident';
        result.incidents = [await publicId(tx, left)];
      }
    } else if (left != null && left === right) {
      // kept apart: the pair's claim (the later one of two claims) leaves for a new incident
      const move = pair.kind === 'claim_claim' ? pair.right_id : pair.left_id;
      if ((await countClaims(tx, left)) > 1) {
        const sp = await splitIncident(ctx, left, [move]);
        result.applied = `claim ${move} split out of ${sp.from} into ${sp.created}`;
        result.incidents = [sp.from, sp.created];
      }
    } else {
      result.applied = 'kept apart';
    }
    return result;
  });
}
