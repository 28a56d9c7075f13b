/**
 * The grade's written criteria, checked by code (../shared/design/model.md, Airwars' scale):
 *
 * | criterion               | holds when                                                                  |
 * |-------------------------|-----------------------------------------------------------------------------|
 * | independent_sources     | at least 2 independent origins among the accepted sources (claims whose     |
 * |                         | sources share an origin — same publisher/origin, or one repeats another —   |
 * |                         | count once)                                                                 |
 * | single_source           | exactly 1 independent origin                                                |
 * | official_admission      | a belligerent's assessment is `credible` and concedes at least one death    |
 * | attribution_contested   | harm attributed to 2+ belligerents, or also to ground fighting, or a claim  |
 * |                         | marks the attribution contested                                             |
 * | strike_declared_nearby  | a declared strike is matched (assigned, or within 1 day and 10 km)          |
 * | combatants_likely       | those harmed were most likely combatants: combatants killed reported and    |
 * |                         | no civilian killed above zero, or an analyst finding says so                |
 *
 * Suggested grade, first rule that applies:
 * 1. combatants_likely → Discounted; 2. official_admission → Confirmed;
 * 3. attribution_contested → Contested; 4. independent_sources and strike_declared_nearby → Fair;
 * 5. otherwise → Weak (one source, or several without a strike nearby).
 */
import { GRADE_LABELS, type Grade } from '../model/vocabulary.ts';

/** Facts about one incident the criteria look at. */
export interface GradingEvidence {
  /** Accepted sources linked to the incident through its claims, with the origin they count under. */
  sources: Array<{ id: number; origin: string }>;
  /** Belligerent assessments (current). */
  assessments: Array<{ belligerent: string; status: string; concededKilledMin: number | null; concededKilledMax: number | null }>;
  /** Distinct parties harm is attributed to (incident belligerents and claim actors). */
  attributedTo: string[];
  /** Some source attributes the harm to ground fighting (or marks the attribution contested). */
  groundFighting: boolean;
  /** Candidate declared strikes. */
  strikeMatches: Array<{ strikeId: number; dayGap: number; distanceKm: number | null; assigned: boolean }>;
  /** Best figures killed, by population (null = unknown). */
  killed: { civilians: number | null; combatants: number | null };
  /** An analyst's finding that those harmed were most likely combatants. */
  combatantsFinding?: boolean;
}

export type CriterionId = 'independent_sources' | 'single_source' | 'official_admission' | 'attribution_contested' | 'strike_declared_nearby' | 'combatants_likely';

export interface CriterionResult {
  id: CriterionId;
  holds: boolean;
  /** Why it holds or not, in words, with the numbers. */
  why: string;
}

export interface GradeSuggestion {
  grade: Grade;
  label: string;
  /** Which rule decided (1–5, see the module comment). */
  rule: string;
  criteria: CriterionResult[];
}

/** Nearby: within this many days and kilometres, unless an analyst assigned the match. */
export const NEARBY = { days: 1, km: 10 } as const;

/** Checks every criterion and suggests a grade, with the reasons. Pure; never throws. */
export function suggestGrade(e: GradingEvidence): GradeSuggestion {
  const origins = [...new Set(e.sources.map((s) => s.origin))];
  const n = origins.length;
  const admissions = e.assessments.filter((a) => a.status === 'credible' && ((a.concededKilledMax ?? 0) > 0 || (a.concededKilledMin ?? 0) > 0));
  const parties = [...new Set(e.attributedTo.map((p) => p.trim().toLowerCase()).filter(Boolean))];
  const nearby = e.strikeMatches.filter((m) => m.assigned || (Math.abs(m.dayGap) <= NEARBY.days && (m.distanceKm == null || m.distanceKm <= NEARBY.km)));
  const combatantsByFigures = (e.killed.combatants ?? 0) > 0 && !((e.killed.civilians ?? 0) > 0);
  const combatants = e.combatantsFinding === true || combatantsByFigures;
  const criteria: CriterionResult[] = [
    {
      id: 'independent_sources',
      holds: n >= 2,
      why: `${n} independent origin${n === 1 ? '' : 's'} among ${e.sources.length} accepted source${e.sources.length === 1 ? '' : 's'}${n ? ` (${origins.join(', ')})` : ''}; 2 needed`,
    },
    { id: 'single_source', holds: n === 1, why: n === 1 ? `only ${origins[0]}` : `${n} independent origins` },
    {
      id: 'official_admission',
      holds: admissions.length > 0,
      why: admissions.length
        ? `${admissions.map((a) => a.belligerent).join(', ')} assessed it credible and conceded deaths`
        : e.assessments.length ? `no credible assessment conceding deaths (${e.assessments.map((a) => `${a.belligerent}: ${a.status}`).join('; ')})` : 'no belligerent assessment recorded',
    },
    {
      id: 'attribution_contested',
      holds: parties.length > 1 || e.groundFighting,
      why: parties.length > 1 ? `attributed to ${parties.join(', ')}` : e.groundFighting ? 'harm also attributed to ground fighting' : `attributed to ${parties[0] ?? 'no named party'} only`,
    },
    {
      id: 'strike_declared_nearby',
      holds: nearby.length > 0,
      why: nearby.length
        ? `${nearby.length} declared strike${nearby.length === 1 ? '' : 's'} within ${NEARBY.days} day and ${NEARBY.km} km (or assigned by an analyst)`
        : e.strikeMatches.length ? `${e.strikeMatches.length} candidate strike(s), none within ${NEARBY.days} day and ${NEARBY.km} km` : 'no declared strike matched',
    },
    {
      id: 'combatants_likely',
      holds: combatants,
      why: e.combatantsFinding ? 'an analyst found those harmed most likely combatants'
        : combatantsByFigures ? `combatants killed ${e.killed.combatants}, civilians killed ${e.killed.civilians ?? 'unknown'}`
          : 'no indication that those harmed were combatants',
    },
  ];
  const holds = (id: CriterionId): boolean => criteria.find((c) => c.id === id)?.holds ?? false;
  let grade: Grade;
  let rule: string;
  if (holds('combatants_likely')) [grade, rule] = ['discounted', '1: those harmed most likely combatants'];
  else if (holds('official_admission')) [grade, rule] = ['confirmed', '2: the belligerent accepted responsibility'];
  else if (holds('attribution_contested')) [grade, rule] = ['contested', '3: competing attributions'];
  else if (holds('independent_sources') && holds('strike_declared_nearby')) [grade, rule] = ['fair', '4: two or more independent sources and a declared strike nearby'];
  else [grade, rule] = ['weak', n >= 2 ? '5: several sources but no declared strike nearby' : '5: a single source (or none)'];
  return { grade, label: GRADE_LABELS[grade], rule, criteria };
}
