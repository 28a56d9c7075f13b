/**
 * The only ways victim data leaves harmwatch. Public presenters show a victim's names only when
 * publication was asked for with a basis and approved by a second person; otherwise only counts
 * by population. Identifying facts (date of birth, id number, place, family group) never leave
 * through a public presenter. Internal presenters show everything, each fact with its source.
 */
import { RESTRICTED_FACT_FIELDS } from './facts.ts';
import type { VictimFull } from './repository.ts';

/** Whether a victim's names may leave through public routes and exports. */
export function isPublishable(v: VictimFull): boolean {
  const x = v.victim;
  return x.publishable && !!x.publish_approved_by && !!x.publish_requested_by && x.publish_approved_by !== x.publish_requested_by;
}

/** A named victim as the public API shows them. */
export interface PublicVictim {
  id: number;
  names: Array<{ name: string; script: string | null; kind: string }>;
  age: { min: number | null; max: number | null; group: string | null };
  gender: string | null;
  outcome: string | null;
  status: string | null;
  protectedGroup: string | null;
  publishBasis: string | null;
}

/** A victim for the public, or null when their names are restricted (they then count only). */
export function presentVictimPublic(v: VictimFull): PublicVictim | null {
  if (!isPublishable(v)) return null;
  const x = v.victim;
  return {
    id: x.id,
    names: v.names.map((n) => ({ name: n.name, script: n.script, kind: n.kind })),
    age: { min: x.age_min, max: x.age_max, group: x.age_group },
    gender: x.gender, outcome: x.outcome, status: x.status, protectedGroup: x.protected_group, publishBasis: x.publish_basis,
  };
}

/** A victim for analysts: every name with its parts, every fact with its claim/source, conflicts marked. */
export interface InternalVictim extends Omit<PublicVictim, 'names' | 'publishBasis'> {
  incident: string | null;
  personId: number;
  familyGroup: string | null;
  dateOfDeath: string | null;
  place: string | null;
  names: Array<{ id: number; name: string; script: string | null; kind: string; key: string; parts: Record<string, unknown>; claimId: number | null; sourceId: number | null }>;
  facts: Array<{ id: number; field: string; value: string; claimId: number | null; sourceId: number | null; conflicting: boolean }>;
  publication: { publishable: boolean; basis: string | null; reason: string | null; requestedBy: string | null; approvedBy: string | null };
}

export function presentVictimInternal(v: VictimFull): InternalVictim {
  const x = v.victim;
  const values = new Map<string, Set<string>>();
  for (const f of v.facts) values.set(f.field, (values.get(f.field) ?? new Set()).add(f.value));
  return {
    id: x.id, incident: v.incidentPublicId, personId: x.person_id ?? x.id,
    names: v.names.map((n) => ({ id: n.id, name: n.name, script: n.script, kind: n.kind, key: n.key, parts: n.parts, claimId: n.claim_id, sourceId: n.source_id })),
    age: { min: x.age_min, max: x.age_max, group: x.age_group },
    gender: x.gender, outcome: x.outcome, status: x.status, protectedGroup: x.protected_group, familyGroup: x.family_group,
    dateOfDeath: x.date_of_death, place: x.place_text,
    facts: v.facts.map((f) => ({ id: f.id, field: f.field, value: f.value, claimId: f.claim_id, sourceId: f.source_id, conflicting: (values.get(f.field)?.size ?? 0) > 1 })),
    publication: { publishable: isPublishable(v), basis: x.publish_basis, reason: x.publish_reason, requestedBy: x.publish_requested_by, approvedBy: x.publish_approved_by },
  };
}

/** Population counts of an incident's victims (persons counted once). */
export interface VictimCounts {
  total: number;
  byOutcome: Record<string, number>;
  byPopulation: Record<string, number>;
}

/** Public view of an incident's victims: counts by population, and the publishable names only. */
export interface PublicIncidentVictims {
  incident: string;
  counts: VictimCounts;
  /** Victims whose names are restricted (counted above, not listed). */
  restricted: number;
  named: PublicVictim[];
}

/**
 * Counts by outcome and population: civilians/combatants/unknown status; children (under 18 or
 * age group infant/child), women and men (adults by gender); protected groups. Records of the
 * same person count once.
 */
export function countVictims(vs: readonly VictimFull[]): VictimCounts {
  const seen = new Set<number>();
  const byOutcome: Record<string, number> = {};
  const byPopulation: Record<string, number> = {};
  const inc = (o: Record<string, number>, k: string): void => { o[k] = (o[k] ?? 0) + 1; };
  for (const v of vs) {
    const x = v.victim;
    const person = x.person_id ?? x.id;
    if (seen.has(person)) continue;
    seen.add(person);
    inc(byOutcome, x.outcome ?? 'unknown');
    inc(byPopulation, x.status === 'civilian' ? 'civilians' : x.status === 'combatant' ? 'combatants' : 'unknown');
    const child = (x.age_max != null && x.age_max < 18) || x.age_group === 'child' || x.age_group === 'infant';
    const adult = (x.age_min != null && x.age_min >= 18) || x.age_group === 'adult' || x.age_group === 'elderly';
    if (child) inc(byPopulation, 'children');
    else if (adult && x.gender === 'female') inc(byPopulation, 'women');
    else if (adult && x.gender === 'male') inc(byPopulation, 'men');
    if (x.protected_group) inc(byPopulation, x.protected_group);
  }
  return { total: seen.size, byOutcome, byPopulation };
}

export function presentIncidentVictimsPublic(publicId: string, vs: readonly VictimFull[]): PublicIncidentVictims {
  const named = vs.map(presentVictimPublic).filter((v): v is PublicVictim => v !== null);
  return { incident: publicId, counts: countVictims(vs), restricted: vs.length - named.length, named };
}

/** Fields of a victim that public presenters never show, for tests and exports. */
export const PUBLIC_NEVER: ReadonlySet<string> = RESTRICTED_FACT_FIELDS;
