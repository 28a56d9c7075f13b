import { sql, type Insertable, type Kysely } from 'kysely';
import type { Tx } from '../audit/context.ts';
import type { Database, VictimFactRow, VictimNameRow, VictimRow, VictimsTable } from '../db/types.ts';
import { personRecord, type PersonRecord } from './comparisons.ts';

type Q = Tx | Kysely<Database>;

/** Who labels pairs linked by the matcher itself (rows a re-run may replace). */
export const AUTO_LABEL = 'auto:fellegi-sunter';

/** A victim with their names and facts. */
export interface VictimFull {
  victim: VictimRow;
  names: VictimNameRow[];
  facts: VictimFactRow[];
  incidentPublicId: string | null;
}

/** Typed queries over victims, their names, facts, list records and person pairs. */
export const victimRepository = {
  async insertVictim(tx: Tx, v: Insertable<VictimsTable>): Promise<number> {
    return (await tx.insertInto('victims').values(v).returning('id').executeTakeFirstOrThrow()).id;
  },

  async updateVictim(tx: Tx, id: number, set: Partial<Insertable<VictimsTable>>): Promise<void> {
    if (Object.keys(set).length > 0) await tx.updateTable('victims').set(set).where('id', '=', id).execute();
  },

  async insertName(tx: Tx, n: { victim_id: number; name: string; script: string | null; kind: string; parts: Record<string, unknown>; norm: string; key: string; claim_id: number | null; source_id: number | null }): Promise<number> {
    return (await tx.insertInto('victim_names').values({ ...n, parts: JSON.stringify(n.parts) }).returning('id').executeTakeFirstOrThrow()).id;
  },

  async insertFacts(tx: Tx, facts: Array<{ victim_id: number; field: string; value: string; claim_id: number | null; source_id: number | null }>): Promise<number[]> {
    if (facts.length === 0) return [];
    return (await tx.insertInto('victim_facts').values(facts).returning('id').execute()).map((r) => r.id);
  },

  async get(db: Q, id: number): Promise<VictimFull | undefined> {
    const victim = await db.selectFrom('victims').selectAll().where('id', '=', id).executeTakeFirst();
    if (!victim) return undefined;
    const [full] = await this.hydrate(db, [victim]);
    return full;
  },

  async hydrate(db: Q, victims: VictimRow[]): Promise<VictimFull[]> {
    if (victims.length === 0) return [];
    const ids = victims.map((v) => v.id);
    const names = await db.selectFrom('victim_names').selectAll().where('victim_id', 'in', ids).orderBy('id').execute();
    const facts = await db.selectFrom('victim_facts').selectAll().where('victim_id', 'in', ids).orderBy('id').execute();
    const incIds = [...new Set(victims.map((v) => v.incident_id).filter((x): x is number => x != null))];
    const incs = incIds.length ? await db.selectFrom('incidents').select(['id', 'public_id']).where('id', 'in', incIds).execute() : [];
    const pub = new Map(incs.map((i) => [i.id, i.public_id]));
    const group = <T extends { victim_id: number }>(xs: T[]): Map<number, T[]> => {
      const m = new Map<number, T[]>();
      for (const x of xs) m.set(x.victim_id, [...(m.get(x.victim_id) ?? []), x]);
      return m;
    };
    const nameMap = group(names);
    const factMap = group(facts);
    return victims.map((victim) => ({
      victim,
      names: nameMap.get(victim.id) ?? [],
      facts: factMap.get(victim.id) ?? [],
      incidentPublicId: victim.incident_id == null ? null : (pub.get(victim.incident_id) ?? null),
    }));
  },

  async byIncident(db: Q, incidentId: number): Promise<VictimFull[]> {
    const vs = await db.selectFrom('victims').selectAll().where('incident_id', '=', incidentId).orderBy('id').execute();
    return this.hydrate(db, vs);
  },

  async incidentByPublicId(db: Q, publicId: string): Promise<{ id: number; public_id: string } | undefined> {
    return db.selectFrom('incidents').select(['id', 'public_id']).where('public_id', '=', publicId).executeTakeFirst();
  },

  /** Every victim record as the matcher sees it. */
  async personRecords(db: Q): Promise<PersonRecord[]> {
    const vs = await db.selectFrom('victims').selectAll().orderBy('id').execute();
    const names = await db.selectFrom('victim_names').select(['victim_id', 'name', 'kind', 'parts']).orderBy('id').execute();
    const facts = await db.selectFrom('victim_facts').select(['victim_id', 'field', 'value']).where('field', 'in', ['date_of_birth', 'national_id']).orderBy('id').execute();
    const byV = new Map<number, string[]>();
    for (const n of names) {
      if (n.kind === 'alias') continue;
      const l = byV.get(n.victim_id) ?? [];
      l.push(n.name);
      byV.set(n.victim_id, l);
    }
    const first = new Map<string, string>();
    for (const f of facts) if (!first.has(`${f.victim_id}|${f.field}`)) first.set(`${f.victim_id}|${f.field}`, f.value);
    const factOf = (id: number, field: string): string | null => first.get(`${id}|${field}`) ?? null;
    return vs.map((v) => personRecord({
      id: v.id, names: byV.get(v.id) ?? [], gender: v.gender,
      age: v.age_min != null && v.age_max != null ? (v.age_min + v.age_max) / 2 : (v.age_min ?? v.age_max),
      dateOfDeath: v.date_of_death, place: v.place_text, dateOfBirth: factOf(v.id, 'date_of_birth'), nationalId: factOf(v.id, 'national_id'),
    }));
  },

  /** Replaces the matcher's own pairs; pairs labelled by a person keep their label. */
  async upsertPairs(tx: Tx, rows: Array<{ left: number; right: number; weight: number; status: 'match' | 'pending'; waterfall: unknown }>): Promise<void> {
    await tx.deleteFrom('link_pairs').where('kind', '=', 'victim_victim').where((eb) => eb.or([eb('labelled_by', 'is', null), eb('labelled_by', '=', AUTO_LABEL)])).execute();
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500).map((r) => ({
        kind: 'victim_victim' as const, left_id: r.left, right_id: r.right, match_weight: r.weight, probability: 1 / (1 + 2 ** -r.weight),
        waterfall: JSON.stringify(r.waterfall), status: r.status, labelled_by: r.status === 'match' ? AUTO_LABEL : null,
        labelled_at: r.status === 'match' ? new Date() : null,
      }));
      await tx.insertInto('link_pairs').values(chunk)
        .onConflict((oc) => oc.columns(['kind', 'left_id', 'right_id']).doUpdateSet((eb) => ({ match_weight: eb.ref('excluded.match_weight'), probability: eb.ref('excluded.probability'), waterfall: eb.ref('excluded.waterfall') })))
        .execute();
    }
  },

  async matchPairs(db: Q): Promise<Array<{ left_id: number; right_id: number }>> {
    return db.selectFrom('link_pairs').select(['left_id', 'right_id']).where('kind', '=', 'victim_victim').where('status', '=', 'match').execute();
  },

  async pendingPairs(db: Q, limit: number): Promise<Array<{ id: number; left_id: number; right_id: number; probability: number; waterfall: unknown }>> {
    return db.selectFrom('link_pairs').select(['id', 'left_id', 'right_id', 'probability', 'waterfall']).where('kind', '=', 'victim_victim')
      .where('status', '=', 'pending').orderBy('probability', 'desc').orderBy('id').limit(limit).execute();
  },

  async labelPair(tx: Tx, id: number, status: 'match' | 'non_match', by: string): Promise<{ left_id: number; right_id: number; status: string } | undefined> {
    return tx.updateTable('link_pairs').set({ status, labelled_by: by, labelled_at: new Date() }).where('id', '=', id).where('kind', '=', 'victim_victim')
      .returning(['left_id', 'right_id', 'status']).executeTakeFirst();
  },

  async allIds(db: Q): Promise<number[]> {
    return (await db.selectFrom('victims').select('id').orderBy('id').execute()).map((r) => r.id);
  },

  /** Sets person_id where it changed; returns how many changed. */
  async setPersons(tx: Tx, rows: Array<{ id: number; person: number | null }>): Promise<number> {
    const current = new Map((await tx.selectFrom('victims').select(['id', 'person_id']).execute()).map((r) => [r.id, r.person_id]));
    let n = 0;
    for (const r of rows) {
      if ((current.get(r.id) ?? null) === r.person) continue;
      await tx.updateTable('victims').set({ person_id: r.person }).where('id', '=', r.id).execute();
      n++;
    }
    return n;
  },

  async memberships(db: Q): Promise<Array<{ person: number; slug: string; gender: string | null; age_max: number | null; age_group: string | null; outcome: string | null }>> {
    return db.selectFrom('list_memberships as lm')
      .innerJoin('capture_lists as cl', 'cl.id', 'lm.list_id')
      .innerJoin('victims as v', 'v.id', 'lm.record_id')
      .where('lm.record_kind', '=', 'victim')
      .select([sql<number>`coalesce(v.person_id, v.id)`.as('person'), 'cl.slug', 'v.gender', 'v.age_max', 'v.age_group', 'v.outcome'])
      .orderBy('v.id')
      .execute();
  },
};
