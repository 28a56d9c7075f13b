/**
 * Reports into incidents: unlinked casualty claims are compared with each other and with existing
 * incidents' representative records; pairs at or above the link threshold are clustered greedily
 * by weight (at most one existing incident per cluster; analysts' non-match labels never end up in
 * one cluster; match labels always link), doubtful pairs go to the review queue, and each cluster
 * either attaches to its existing incident (ids never change) or becomes a new incident
 * (createIncident: a new id from the sequence). Every change is audited in its transaction.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { recordAudit } from '../audit/service.ts';
import { createIncident } from '../incidents/incidentCreator.ts';
import { LINK, probabilityOf, REVIEW, type Thresholds } from './engine/index.ts';
import type { HarmRecord } from './harmConfig.ts';
import { claimRecord, incidentPropsFromClaims, incidentRecord, refreshFigures } from './incidentFigures.ts';
import { constrainedClusters, pairExplanation, recordDistanceKm, scoreRecords, type Edge, type LabelledLevels } from './linkCore.ts';
import { linkageRepository, type ClaimForLinking } from './repository.ts';
import type { PlaceGeocoder } from './textClusterer.ts';

/** Options of {@link linkIncidents}. */
export interface LinkOptions {
  actor: string;
  reason?: string;
  thresholds?: Thresholds;
  /** Geocoder for claims with a place name but no coordinates; null = place names only. */
  geocode?: PlaceGeocoder | null;
  /** Called after each cluster is written (clusters done, clusters in all). */
  onProgress?: (done: number, total: number) => void;
}

/** Per-cluster result of a run. */
export interface LinkItem {
  incident: string;
  action: 'attached' | 'created';
  claims: number[];
}

/** Summary of a run. */
export interface LinkSummary {
  claims: number;
  incidentsCompared: number;
  candidatePairs: number;
  parameters: string;
  attached: number;
  created: number;
  queued: number;
  items: LinkItem[];
}

/** Levels stored in a waterfall JSON (see pairExplanation). */
export function levelsOfWaterfall(w: unknown): number[] | null {
  const lv = (w as { levels?: unknown } | null)?.levels;
  return Array.isArray(lv) && lv.every((x) => typeof x === 'number') ? lv : null;
}

/** Labelled pairs as the supervised blend needs them. */
export async function labelLevels(db: Kysely<Database>): Promise<LabelledLevels[]> {
  const rows = await linkageRepository.labelledPairs(db);
  return rows.flatMap((r) => {
    const levels = levelsOfWaterfall(r.waterfall);
    return levels ? [{ levels, match: r.status === 'match' }] : [];
  });
}

type Rec = { kind: 'claim'; claim: ClaimForLinking } | { kind: 'incident'; id: number; publicId: string };

/** Runs the linker over the database. */
export async function linkIncidents(db: Kysely<Database>, opts: LinkOptions): Promise<LinkSummary> {
  const reason = opts.reason ?? 'linkage run: unlinked claims into incidents';
  const claims = await linkageRepository.unlinkedClaims(db);
  const empty: LinkSummary = { claims: 0, incidentsCompared: 0, candidatePairs: 0, parameters: 'none', attached: 0, created: 0, queued: 0, items: [] };
  if (claims.length === 0) return empty;
  const incidents = await linkageRepository.activeIncidents(db);
  const recs: Rec[] = [];
  const records: HarmRecord[] = [];
  for (const c of claims) { recs.push({ kind: 'claim', claim: c }); records.push(claimRecord(c, opts.geocode)); }
  for (const i of incidents) { recs.push({ kind: 'incident', id: i.id, publicId: i.public_id }); records.push(incidentRecord(i)); }
  const claimIndex = new Map(claims.map((c, i) => [c.id, i]));
  const incidentIndex = new Map(incidents.map((x, i) => [x.id, claims.length + i]));

  const labelled = await linkageRepository.labelledPairs(db);
  const s = scoreRecords(records, {
    labels: labelled.flatMap((r) => { const levels = levelsOfWaterfall(r.waterfall); return levels ? [{ levels, match: r.status === 'match' }] : []; }),
    ...(opts.thresholds ? { thresholds: opts.thresholds } : {}),
  });

  // Labels apply where both sides are in this run.
  const indexOf = (kind: string, left: number, right: number): [number, number] | null => {
    const a = claimIndex.get(left);
    const b = kind === 'claim_claim' ? claimIndex.get(right) : incidentIndex.get(right);
    return a == null || b == null ? null : [a, b];
  };
  const edges: Edge[] = [];
  const cannot: Array<[number, number]> = [];
  const labelOf = new Map<string, string>();
  for (const r of labelled) {
    const ix = indexOf(r.kind, r.left_id, r.right_id);
    if (!ix) continue;
    labelOf.set(`${Math.min(...ix)}|${Math.max(...ix)}`, r.status);
    if (r.status === 'match') edges.push({ a: ix[0], b: ix[1], weight: Infinity });
    else cannot.push(ix);
  }
  const review: number[] = [];
  for (let p = 0; p < s.run.pairs.length; p++) {
    const a = s.run.pairs.left[p];
    const b = s.run.pairs.right[p];
    if (recs[a].kind === 'incident' && recs[b].kind === 'incident') continue;
    if (labelOf.has(`${Math.min(a, b)}|${Math.max(a, b)}`)) continue;
    if (s.decisions[p] === LINK) edges.push({ a, b, weight: s.weights[p] });
    else if (s.decisions[p] === REVIEW) review.push(p);
  }
  const clusters = constrainedClusters(records.length, edges, cannot, recs.map((r) => r.kind === 'incident'));

  const summary: LinkSummary = { ...empty, claims: claims.length, incidentsCompared: incidents.length, candidatePairs: s.run.pairs.length, parameters: s.parameters };
  await db.transaction().execute(async (tx) => {
    for (const p of review) {
      const a = recs[s.run.pairs.left[p]];
      const b = recs[s.run.pairs.right[p]];
      const claim = (a.kind === 'claim' ? a : b) as Extract<Rec, { kind: 'claim' }>;
      const other = a.kind === 'claim' ? b : a;
      const kind = other.kind === 'claim' ? 'claim_claim' as const : 'claim_incident' as const;
      const left = other.kind === 'claim' ? Math.min(claim.claim.id, other.claim.id) : claim.claim.id;
      const right = other.kind === 'claim' ? Math.max(claim.claim.id, other.claim.id) : other.id;
      await linkageRepository.upsertPendingPair(tx, {
        kind, left_id: left, right_id: right, match_weight: s.weights[p], probability: probabilityOf(s.weights[p]),
        waterfall: JSON.stringify(pairExplanation(s, p)), distance_km: recordDistanceKm(records[s.run.pairs.left[p]], records[s.run.pairs.right[p]]),
      });
      summary.queued++;
    }
    if (review.length) await recordAudit({ actor: opts.actor, reason, tx }, { action: 'linkage.pairs_queued', targetType: 'link_pairs', after: { pairs: review.length } });
  });

  const groups = new Map<number, number[]>();
  recs.forEach((_, i) => { const c = clusters[i]; (groups.get(c) ?? groups.set(c, []).get(c)!).push(i); });
  let done = 0;
  const total = [...groups.values()].filter((m) => m.some((i) => recs[i].kind === 'claim')).length;
  for (const members of groups.values()) {
    const cs = members.filter((i) => recs[i].kind === 'claim').map((i) => (recs[i] as Extract<Rec, { kind: 'claim' }>).claim);
    if (cs.length === 0) continue;
    const inc = members.map((i) => recs[i]).find((r): r is Extract<Rec, { kind: 'incident' }> => r.kind === 'incident');
    const ids = cs.map((c) => c.id);
    const item = await db.transaction().execute(async (tx): Promise<LinkItem> => {
      const ctx = { actor: opts.actor, reason, tx };
      if (inc) {
        await linkageRepository.attachClaims(tx, ids, inc.id);
        const figures = await refreshFigures(ctx, inc.id);
        await recordAudit(ctx, { action: 'incident.claims_attached', targetType: 'incident', targetId: inc.publicId, after: { claims: ids, figures }, visibility: 'public' });
        return { incident: inc.publicId, action: 'attached', claims: ids };
      }
      const created = await createIncident(ctx, incidentPropsFromClaims(cs));
      await linkageRepository.attachClaims(tx, ids, created.id);
      await recordAudit(ctx, { action: 'incident.claims_attached', targetType: 'incident', targetId: created.publicId, after: { claims: ids }, visibility: 'public' });
      return { incident: created.publicId, action: 'created', claims: ids };
    });
    summary.items.push(item);
    if (item.action === 'attached') summary.attached++; else summary.created++;
    opts.onProgress?.(++done, total);
  }
  return summary;
}
