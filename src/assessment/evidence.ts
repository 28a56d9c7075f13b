import type { Kysely } from 'kysely';
import type { Database, IncidentRow } from '../db/types.ts';
import type { GradingEvidence } from './grading.ts';
import { assessmentRepository, type EvidenceSourceRow } from './repository.ts';

/**
 * The origin a source counts under for independence: an explicit `attributes.origin`, else its
 * publisher (case-folded), else its own key (all versions of one source are one origin). A claim
 * marked `same_as` another claim counts under the origin of that claim's source.
 */
export function originOf(row: Pick<EvidenceSourceRow, 'source_key' | 'publisher' | 'attributes'>): string {
  const o = row.attributes?.origin;
  if (typeof o === 'string' && o.trim()) return o.trim().toLowerCase();
  if (row.publisher?.trim()) return row.publisher.trim().toLowerCase();
  return `source:${row.source_key}`;
}

/** Gathers what the grading criteria look at for one incident. */
export async function gatherEvidence(db: Kysely<Database>, incident: IncidentRow): Promise<GradingEvidence> {
  const [rows, assessments, matches, figures] = await Promise.all([
    assessmentRepository.evidenceSources(db, incident.id),
    assessmentRepository.assessments(db, incident.id),
    assessmentRepository.strikeMatches(db, incident.id),
    assessmentRepository.figures(db, incident.id),
  ]);
  const byId = new Map(rows.map((r) => [r.source_id, r]));
  const sources = new Map<number, string>();
  for (const r of rows) {
    const orig = r.same_as_source_id != null ? byId.get(r.same_as_source_id) : undefined;
    sources.set(r.source_id, orig ? originOf(orig) : r.same_as_source_id != null ? `source-id:${r.same_as_source_id}` : originOf(r));
  }
  const killed = (pop: string): number | null => {
    const f = figures.find((x) => x.outcome === 'killed' && x.population === pop);
    return f ? f.best ?? f.high ?? f.low : null;
  };
  const finding = incident.external_refs?.combatants_likely;
  return {
    sources: [...sources].map(([id, origin]) => ({ id, origin })),
    assessments: assessments.map((a) => ({ belligerent: a.belligerent, status: a.status, concededKilledMin: a.conceded_killed_min, concededKilledMax: a.conceded_killed_max })),
    attributedTo: [...incident.belligerents, ...rows.map((r) => r.actor_norm).filter((x): x is string => !!x)],
    groundFighting: rows.some((r) => r.attribution === 'contested' || r.stance.includes('ground_fighting') || r.attributes?.ground_fighting === true),
    strikeMatches: matches.map((m) => ({ strikeId: m.strike_id, dayGap: m.day_gap, distanceKm: m.distance_km, assigned: m.assigned })),
    killed: { civilians: killed('civilians'), combatants: killed('combatants') },
    combatantsFinding: finding === true,
  };
}
