/**
 * Splitting an incident (an audited command): some of its claims move to a new incident with a
 * new stable id (createIncident); both incidents' derived figures are recomputed.
 */
import type { WriteContext } from '../audit/context.ts';
import { recordAudit } from '../audit/service.ts';
import { HarmwatchError, notFound } from '../errors.ts';
import { createIncident } from '../incidents/incidentCreator.ts';
import { incidentPropsFromClaims, refreshFigures } from './incidentFigures.ts';
import { linkageRepository } from './repository.ts';

/** What a split did. */
export interface SplitResult {
  from: string;
  created: string;
  claimsMoved: number[];
}

/** Moves `claimIds` out of incident `from` (public id or row id) into a new incident. */
export async function splitIncident(ctx: WriteContext, from: string | number, claimIds: readonly number[]): Promise<SplitResult> {
  const inc = typeof from === 'number' ? await linkageRepository.incidentById(ctx.tx, from) : await linkageRepository.incidentByPublicId(ctx.tx, from);
  if (!inc) throw notFound('incident', from);
  if (inc.status === 'merged' || inc.status === 'withdrawn') throw new HarmwatchError('CONFLICT', `incident ${inc.public_id} is ${inc.status}`, { incident: inc.public_id });
  const ids = [...new Set(claimIds)];
  if (ids.length === 0) throw new HarmwatchError('INPUT_INVALID', 'name at least one claim to move', { field: 'claims' });
  const claims = await linkageRepository.claimsOfIncident(ctx.tx, inc.id);
  const mine = new Set(claims.map((c) => c.id));
  const foreign = ids.filter((id) => !mine.has(id));
  if (foreign.length) throw new HarmwatchError('INPUT_INVALID', `claims ${foreign.join(', ')} are not in ${inc.public_id}`, { field: 'claims', claims: foreign });
  if (ids.length >= claims.length) throw new HarmwatchError('INPUT_INVALID', `moving every claim would leave ${inc.public_id} empty; merge instead`, { field: 'claims' });
  const moving = claims.filter((c) => ids.includes(c.id));
  const props = incidentPropsFromClaims(moving);
  const created = await createIncident(ctx, { ...props, externalRefs: { splitFrom: inc.public_id } });
  await linkageRepository.attachClaims(ctx.tx, ids, created.id);
  await ctx.tx.updateTable('incidents').set({ version: inc.version + 1, updated_at: new Date() }).where('id', '=', inc.id).execute();
  await linkageRepository.deleteStrikeMatches(ctx.tx, inc.id);
  const figuresLeft = await refreshFigures(ctx, inc.id);
  const figuresNew = await refreshFigures(ctx, created.id);
  await recordAudit(ctx, {
    action: 'incident.split', targetType: 'incident', targetId: inc.public_id, visibility: 'public',
    before: { claims: claims.map((c) => c.id) },
    after: { created: created.publicId, claimsMoved: ids, figures: figuresLeft, newFigures: figuresNew },
  });
  return { from: inc.public_id, created: created.publicId, claimsMoved: ids };
}
