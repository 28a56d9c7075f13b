/**
 * Merging two incidents (an audited command): the claims of one move to the other, the merged one
 * keeps its public id with status 'merged' and `merged_into_id` (ids are never reused or renumbered),
 * the surviving incident's derived figures are recomputed, and its strike candidates are cleared
 * for the next `link strikes` run.
 */
import type { WriteContext } from '../audit/context.ts';
import { recordAudit } from '../audit/service.ts';
import { HarmwatchError, notFound } from '../errors.ts';
import { refreshFigures } from './incidentFigures.ts';
import { linkageRepository } from './repository.ts';

/** What a merge did. */
export interface MergeResult {
  merged: string;
  into: string;
  claimsMoved: number[];
}

/** Merges incident `from` into `into` (public ids or row ids) in the caller's transaction. */
export async function mergeIncidents(ctx: WriteContext, from: string | number, into: string | number): Promise<MergeResult> {
  const get = (x: string | number) => (typeof x === 'number' ? linkageRepository.incidentById(ctx.tx, x) : linkageRepository.incidentByPublicId(ctx.tx, x));
  const a = await get(from);
  const b = await get(into);
  if (!a) throw notFound('incident', from);
  if (!b) throw notFound('incident', into);
  if (a.id === b.id) throw new HarmwatchError('INPUT_INVALID', `cannot merge ${a.public_id} into itself`, { field: 'into' });
  for (const x of [a, b]) {
    if (x.status === 'merged' || x.status === 'withdrawn') throw new HarmwatchError('CONFLICT', `incident ${x.public_id} is ${x.status}`, { incident: x.public_id, status: x.status });
  }
  const claims = await linkageRepository.claimsOfIncident(ctx.tx, a.id);
  const ids = claims.map((c) => c.id);
  // Rejected claims move too, so nothing stays attached to a merged incident.
  await ctx.tx.updateTable('claims').set({ incident_id: b.id }).where('incident_id', '=', a.id).execute();
  await ctx.tx.updateTable('incidents').set({ version: b.version + 1, updated_at: new Date() }).where('id', '=', b.id).execute();
  await linkageRepository.markMerged(ctx.tx, a.id, b.id);
  await linkageRepository.deleteStrikeMatches(ctx.tx, a.id);
  await linkageRepository.deleteStrikeMatches(ctx.tx, b.id);
  const figures = await refreshFigures(ctx, b.id);
  await recordAudit(ctx, {
    action: 'incident.merged', targetType: 'incident', targetId: a.public_id, visibility: 'public',
    before: { status: a.status, claims: ids },
    after: { status: 'merged', mergedInto: b.public_id, claimsMoved: ids, figures },
  });
  return { merged: a.public_id, into: b.public_id, claimsMoved: ids };
}
