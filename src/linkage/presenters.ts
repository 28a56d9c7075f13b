/** How linkage data leaves: queue pairs, run summaries and quality reports as JSON and text. */
import type { Selectable } from 'kysely';
import type { LinkPairsTable } from '../db/types.ts';
import type { LinkSummary } from './incidentLinker.ts';
import type { QualityReport } from './quality.ts';
import type { StrikeMatchSummary } from './strikeMatcher.ts';

type ClaimInfo = { id: number; quote: string; place_text: string | null; period_start: string | null; min: number | null; max: number | null; outcome: string | null; incident_id: number | null; title: string | null; publisher: string | null; url: string | null };
type IncidentInfo = { id: number; public_id: string; title: string | null; date_start: string | null; place_text: string | null; status: string };

interface Step { field: string; label: string; level: number; weight: number; m: number | null; u: number | null; tfAdjustment: number }

/** One queue entry. */
export interface QueuePair {
  id: number;
  kind: 'claim_claim' | 'claim_incident';
  probability: number;
  matchWeight: number;
  uncertainty: number;
  distanceKm: number | null;
  left: ReturnType<typeof claimSide>;
  right: ReturnType<typeof claimSide> | ReturnType<typeof incidentSide>;
  waterfall: { prior: number; total: number; probability: number; steps: Step[] };
}

function claimSide(id: number, claims: Map<number, ClaimInfo>, incidents: Map<number, IncidentInfo>) {
  const c = claims.get(id);
  return {
    kind: 'claim' as const, claimId: id, incident: c?.incident_id != null ? incidents.get(c.incident_id)?.public_id ?? null : null,
    quote: c?.quote ?? null, place: c?.place_text ?? null, date: c?.period_start ?? null, min: c?.min ?? null, max: c?.max ?? null, outcome: c?.outcome ?? null,
    source: { title: c?.title ?? null, publisher: c?.publisher ?? null, url: c?.url ?? null },
  };
}

function incidentSide(id: number, incidents: Map<number, IncidentInfo>) {
  const i = incidents.get(id);
  return { kind: 'incident' as const, incident: i?.public_id ?? String(id), title: i?.title ?? null, place: i?.place_text ?? null, date: i?.date_start ?? null, status: i?.status ?? 'unknown' };
}

/** A pending pair with both sides and its waterfall. */
export function presentQueuePair(p: Selectable<LinkPairsTable>, claims: Map<number, ClaimInfo>, incidents: Map<number, IncidentInfo>): QueuePair {
  const w = (p.waterfall ?? {}) as { prior?: number; total?: number; probability?: number; steps?: Step[] };
  const kind = p.kind === 'claim_incident' ? 'claim_incident' : 'claim_claim';
  return {
    id: p.id, kind, probability: p.probability, matchWeight: p.match_weight, uncertainty: Math.abs(p.probability - 0.5), distanceKm: p.distance_km,
    left: claimSide(p.left_id, claims, incidents),
    right: kind === 'claim_claim' ? claimSide(p.right_id, claims, incidents) : incidentSide(p.right_id, incidents),
    waterfall: {
      prior: w.prior ?? 0, total: w.total ?? p.match_weight, probability: w.probability ?? p.probability,
      steps: (w.steps ?? []).map((s) => ({ field: s.field, label: s.label, level: s.level, weight: s.weight, m: s.m ?? null, u: s.u ?? null, tfAdjustment: s.tfAdjustment ?? 0 })),
    },
  };
}

const sign = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(2)}`;
const cut = (s: string | null, n = 140): string => (s == null ? '—' : s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The queue as text. */
export function humanQueue(q: { pending: number; data: QueuePair[] }): string {
  const lines = [`${q.pending} pending pair(s), most uncertain first`];
  for (const p of q.data) {
    lines.push('', `pair ${p.id} (${p.kind}) p = ${p.probability.toFixed(3)}, weight ${sign(p.matchWeight)}, distance ${p.distanceKm == null ? 'unknown' : `${p.distanceKm} km`}`);
    lines.push(`  A claim ${p.left.claimId}${p.left.incident ? ` (${p.left.incident})` : ''}: ${p.left.date ?? '?'}, ${p.left.place ?? '?'}: “${cut(p.left.quote)}”`);
    lines.push(p.right.kind === 'claim'
      ? `  B claim ${p.right.claimId}${p.right.incident ? ` (${p.right.incident})` : ''}: ${p.right.date ?? '?'}, ${p.right.place ?? '?'}: “${cut(p.right.quote)}”`
      : `  B incident ${p.right.incident}: ${p.right.date ?? '?'}, ${p.right.place ?? '?'} ${p.right.title ? `(${p.right.title})` : ''}`);
    lines.push(`    prior ${sign(p.waterfall.prior)}`, ...p.waterfall.steps.map((s) => `    ${s.field}: ${s.label} ${sign(s.weight)}`), `    total ${sign(p.waterfall.total)}`);
  }
  return lines.join('\n');
}

/** A run summary as text. */
export function humanLinkSummary(s: LinkSummary): string {
  const lines = [`${s.claims} unlinked claim(s) compared with each other and ${s.incidentsCompared} incident(s); ${s.candidatePairs} candidate pairs (${s.parameters} parameters)`,
    `attached to existing incidents: ${s.attached}; new incidents: ${s.created}; pairs queued for review: ${s.queued}`];
  for (const i of s.items.slice(0, 100)) lines.push(`  ${i.incident} ${i.action}: claims ${i.claims.join(', ')}`);
  if (s.items.length > 100) lines.push(`  … and ${s.items.length - 100} more (use --json)`);
  return lines.join('\n');
}

const pct = (x: number | null): string => (x == null ? 'n/a' : x.toFixed(3));

/** A quality report as text. */
export function humanQuality(q: QualityReport): string {
  return [
    `${q.labelled} labelled pair(s): ${q.matches} match, ${q.nonMatches} non-match; ${q.pending} pending`,
    `as queued: precision ${pct(q.asQueued.precision)}, recall ${pct(q.asQueued.recall)}, F1 ${pct(q.asQueued.f1)}`,
    `refined:   precision ${pct(q.refined.precision)}, recall ${pct(q.refined.recall)}, F1 ${pct(q.refined.f1)}`,
    q.note,
  ].join('\n');
}

/** A strike matching summary as text. */
export function humanStrikeSummary(s: StrikeMatchSummary): string {
  return [`${s.incidents} dated incident(s); ${s.strikesGeocoded} strike place(s) geocoded; ${s.candidates} candidate(s), ${s.assigned} assigned (${s.assignment})`,
    ...s.items.filter((i) => i.candidates > 0).slice(0, 100).map((i) => `  ${i.incident}: ${i.candidates} candidate(s)${i.assignedStrike != null ? `, assigned strike ${i.assignedStrike}` : ''}`)].join('\n');
}

/** One "allegation nearby" of a strike. */
export function presentAllegation(r: { public_id: string; title: string | null; date_start: string | null; place_text: string | null; grade: string | null; day_gap: number; distance_km: number | null; score: number; assigned: boolean }) {
  return {
    incident: r.public_id, title: r.title, date: r.date_start, place: r.place_text, grade: r.grade,
    dayGap: r.day_gap, distanceKm: r.distance_km, score: r.score, assigned: r.assigned, href: `/api/incidents/${r.public_id}`,
  };
}
