/**
 * Read side of the linkage context: the review queue with both sides of each pair (quotes, places,
 * dates), its waterfall and map distance, most uncertain first; and allegations near a strike.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { notFound } from '../errors.ts';
import { presentAllegation, presentQueuePair, type QueuePair } from './presenters.ts';
import { linkageRepository } from './repository.ts';
import { allegationsNear } from './strikeMatcher.ts';

/** Pending pairs, ordered by |p − 0.5|, with what an analyst needs to decide. */
export async function reviewQueue(db: Kysely<Database>, limit: number): Promise<{ pending: number; data: QueuePair[] }> {
  const pairs = await linkageRepository.pendingPairs(db, limit);
  const claimIds = [...new Set(pairs.flatMap((p) => (p.kind === 'claim_claim' ? [p.left_id, p.right_id] : [p.left_id])))];
  const claims = await linkageRepository.claimQuotes(db, claimIds);
  const incidentIds = [...new Set([
    ...pairs.filter((p) => p.kind === 'claim_incident').map((p) => p.right_id),
    ...claims.map((c) => c.incident_id).filter((x): x is number => x != null),
  ])];
  const incidents = await linkageRepository.incidentsById(db, incidentIds);
  const pending = await linkageRepository.countPending(db);
  return { pending, data: pairs.map((p) => presentQueuePair(p, new Map(claims.map((c) => [c.id, c])), new Map(incidents.map((i) => [i.id, i])))) };
}

/** Incidents matched to declared strike `id`; public callers see published incidents only. */
export async function strikeAllegations(db: Kysely<Database>, id: number, publishedOnly: boolean) {
  const strike = await db.selectFrom('declared_strikes').select('id').where('id', '=', id).executeTakeFirst();
  if (!strike) throw notFound('declared strike', id);
  const rows = await allegationsNear(db, id, publishedOnly);
  return { strike: id, data: rows.map(presentAllegation) };
}
