/**
 * Commands on victim records: record a victim with names and facts, add a fact or a name,
 * ask for a victim's names to be published, approve (a different person). Each write takes
 * `{ actor, reason, tx }` and appends its audit event in the same transaction.
 */
import { recordAudit } from '../audit/service.ts';
import type { WriteContext } from '../audit/context.ts';
import type { Insertable } from 'kysely';
import type { VictimsTable } from '../db/types.ts';
import { forbidden, HarmwatchError, inputError, notFound } from '../errors.ts';
import { ageRange, checkFact, type VictimFactField } from './facts.ts';
import { nameFromParts, nameNorm, nameKey, parseName, partsJson, type ParsedName } from './names.ts';
import { scriptOf } from './nameKeys.ts';
import { victimRepository } from './repository.ts';

/** Where a name or fact comes from: a claim, a source, or both. */
export interface Provenance {
  claimId?: number | null;
  sourceId?: number | null;
}

/** A name as written. */
export interface NameInput extends Provenance {
  name: string;
  kind?: 'name' | 'transliteration' | 'alias' | 'kunya';
  /** Already split into parts (list columns); `name` is then the parts joined. */
  parsed?: ParsedName;
}

export interface FactInput extends Provenance {
  field: VictimFactField;
  value: string;
}

export interface VictimInput extends Provenance {
  incidentId?: number | null;
  names: NameInput[];
  facts: FactInput[];
}

/** Summary columns a fact sets when they are still empty (the first source wins; age widens). */
function summaryOf(current: Partial<Insertable<VictimsTable>>, field: VictimFactField, value: string): Partial<Insertable<VictimsTable>> {
  const empty = (k: keyof VictimsTable): boolean => current[k] == null;
  switch (field) {
    case 'age': {
      const r = ageRange(value);
      const min = current.age_min == null ? r.min : Math.min(current.age_min, r.min);
      const max = current.age_max == null ? r.max : Math.max(current.age_max, r.max);
      return { age_min: min, age_max: max };
    }
    case 'age_group': return empty('age_group') ? { age_group: value } : {};
    case 'gender': return empty('gender') ? { gender: value } : {};
    case 'outcome': return empty('outcome') ? { outcome: value } : {};
    case 'status': return empty('status') ? { status: value } : {};
    case 'family_group': return empty('family_group') ? { family_group: value } : {};
    case 'protected_group': return empty('protected_group') ? { protected_group: value } : {};
    case 'date_of_death': return empty('date_of_death') ? { date_of_death: value } : {};
    case 'place': return empty('place_text') ? { place_text: value } : {};
    case 'date_of_birth':
    case 'national_id':
      return {};
  }
}

function checkProvenance(field: string, p: Provenance): void {
  if (field === 'status' && p.claimId == null && p.sourceId == null) {
    throw inputError('INPUT_INVALID', 'civilian/combatant status needs the claim or source that says so', { field: 'status' });
  }
}

const nameRow = (victimId: number, n: NameInput, fallback: Provenance): Parameters<typeof victimRepository.insertName>[1] => {
  const parsed = n.parsed ?? parseName(n.name);
  const s = scriptOf(n.name);
  return {
    victim_id: victimId, name: n.name.trim(), script: s === 'other' ? null : s, kind: n.kind ?? (parsed.given == null && parsed.kunya ? 'kunya' : 'name'),
    parts: partsJson(parsed), norm: nameNorm(parsed), key: nameKey(parsed),
    claim_id: n.claimId ?? fallback.claimId ?? null, source_id: n.sourceId ?? fallback.sourceId ?? null,
  };
};

/** Records a victim with names and facts (all restricted until publication is approved). Returns the id. */
export async function recordVictim(ctx: WriteContext, input: VictimInput): Promise<number> {
  const names = input.names.filter((n) => n.name.trim());
  const checked = input.facts.map((f) => {
    const c = checkFact(f.field, f.value);
    if (!c.ok) throw inputError('INPUT_INVALID', `${f.field}: ${c.reason}`, { field: f.field, value: f.value });
    checkProvenance(f.field, { claimId: f.claimId ?? input.claimId ?? null, sourceId: f.sourceId ?? input.sourceId ?? null });
    return { ...f, value: c.value };
  });
  let summary: Partial<Insertable<VictimsTable>> = {};
  for (const f of checked) summary = { ...summary, ...summaryOf(summary, f.field, f.value) };
  const id = await victimRepository.insertVictim(ctx.tx, { incident_id: input.incidentId ?? null, ...summary });
  for (const n of names) await victimRepository.insertName(ctx.tx, nameRow(id, n, input));
  await victimRepository.insertFacts(ctx.tx, checked.map((f) => ({
    victim_id: id, field: f.field, value: f.value, claim_id: f.claimId ?? input.claimId ?? null, source_id: f.sourceId ?? input.sourceId ?? null,
  })));
  await recordAudit(ctx, {
    action: 'victim.recorded', targetType: 'victim', targetId: id,
    // Names are restricted: the trail holds their count and keys, not the names themselves.
    after: { incident_id: input.incidentId ?? null, names: names.length, facts: checked.map((f) => ({ field: f.field, claim_id: f.claimId ?? input.claimId ?? null, source_id: f.sourceId ?? input.sourceId ?? null })) },
  });
  return id;
}

/**
 * Adds one fact from a claim or source. A fact that disagrees with earlier ones is kept beside
 * them, never over them; the summary columns keep their first value (an age range widens).
 */
export async function addVictimFact(ctx: WriteContext, victimId: number, fact: FactInput): Promise<number> {
  const c = checkFact(fact.field, fact.value);
  if (!c.ok) throw inputError('INPUT_INVALID', `${fact.field}: ${c.reason}`, { field: fact.field, value: fact.value });
  checkProvenance(fact.field, fact);
  const v = await victimRepository.get(ctx.tx, victimId);
  if (!v) throw notFound('victim', victimId);
  const [id] = await victimRepository.insertFacts(ctx.tx, [{ victim_id: victimId, field: fact.field, value: c.value, claim_id: fact.claimId ?? null, source_id: fact.sourceId ?? null }]);
  const set = summaryOf(v.victim, fact.field, c.value);
  await victimRepository.updateVictim(ctx.tx, victimId, set);
  const earlier = v.facts.filter((f) => f.field === fact.field).map((f) => f.value);
  await recordAudit(ctx, {
    action: 'victim.fact_added', targetType: 'victim', targetId: victimId,
    after: { fact_id: id, field: fact.field, claim_id: fact.claimId ?? null, source_id: fact.sourceId ?? null, conflicts: earlier.some((e) => e !== c.value) },
  });
  return id;
}

/** Adds a name as written (another script, a transliteration, an alias, a kunya). */
export async function addVictimName(ctx: WriteContext, victimId: number, name: NameInput): Promise<number> {
  if (!name.name.trim()) throw inputError('INPUT_INVALID', 'empty name', { field: 'name' });
  const v = await victimRepository.get(ctx.tx, victimId);
  if (!v) throw notFound('victim', victimId);
  const id = await victimRepository.insertName(ctx.tx, nameRow(victimId, name, {}));
  await recordAudit(ctx, { action: 'victim.name_added', targetType: 'victim', targetId: victimId, after: { name_id: id, kind: name.kind ?? 'name' } });
  return id;
}

/** Why names may be published. */
export type PublishBasis = 'family_consent' | 'already_public';

/** An analyst asks for a victim's names to be published, with the basis and a reason. */
export async function requestPublication(ctx: WriteContext, victimId: number, basis: PublishBasis): Promise<void> {
  const v = await victimRepository.get(ctx.tx, victimId);
  if (!v) throw notFound('victim', victimId);
  if (v.victim.publishable) throw new HarmwatchError('CONFLICT', `victim ${victimId} is already publishable`);
  await victimRepository.updateVictim(ctx.tx, victimId, {
    publish_basis: basis, publish_reason: ctx.reason, publish_requested_by: ctx.actor, publish_requested_at: new Date(),
    publish_approved_by: null, publish_approved_at: null,
  });
  await recordAudit(ctx, { action: 'victim.publication_requested', targetType: 'victim', targetId: victimId, after: { basis } });
}

/**
 * A reviewer approves publication. The reviewer must be a different person from the analyst
 * who asked; until approval, public views show counts only.
 */
export async function approvePublication(ctx: WriteContext, victimId: number): Promise<void> {
  const v = await victimRepository.get(ctx.tx, victimId);
  if (!v) throw notFound('victim', victimId);
  if (!v.victim.publish_requested_by) throw new HarmwatchError('CONFLICT', `nobody has asked for victim ${victimId} to be published`);
  if (v.victim.publishable) throw new HarmwatchError('CONFLICT', `victim ${victimId} is already publishable`);
  if (v.victim.publish_requested_by === ctx.actor) throw forbidden('approve a publication you asked for yourself (a second person must review it)');
  await victimRepository.updateVictim(ctx.tx, victimId, { publishable: true, publish_approved_by: ctx.actor, publish_approved_at: new Date() });
  await recordAudit(ctx, {
    action: 'victim.publication_approved', targetType: 'victim', targetId: victimId,
    before: { publishable: false }, after: { publishable: true, basis: v.victim.publish_basis, requested_by: v.victim.publish_requested_by },
  });
}

/** Withdraws publication (e.g. the family withdraws consent). */
export async function withdrawPublication(ctx: WriteContext, victimId: number): Promise<void> {
  const v = await victimRepository.get(ctx.tx, victimId);
  if (!v) throw notFound('victim', victimId);
  await victimRepository.updateVictim(ctx.tx, victimId, {
    publishable: false, publish_basis: null, publish_requested_by: null, publish_requested_at: null, publish_approved_by: null, publish_approved_at: null,
  });
  await recordAudit(ctx, { action: 'victim.publication_withdrawn', targetType: 'victim', targetId: victimId, before: { publishable: v.victim.publishable }, after: { publishable: false } });
}

/** Builds a name input from separate list columns. */
export function nameInputFromParts(p: Parameters<typeof nameFromParts>[0], prov: Provenance = {}): NameInput | null {
  const parsed = nameFromParts(p);
  if (!parsed.given && !parsed.kunya) return null;
  return { name: parsed.written, parsed, kind: 'name', ...prov };
}
