/**
 * Typed queries of the linkage context (claims to incidents, the review queue, strike matches);
 * one method per query.
 */
import { sql, type Kysely } from 'kysely';
import type { Tx } from '../audit/context.ts';
import type { Database } from '../db/types.ts';

type Q = Kysely<Database> | Tx;

/** An unlinked casualty claim with what the linker compares. */
export interface ClaimForLinking {
  id: number;
  source_id: number;
  outcome: string | null;
  population: string | null;
  min: number | null;
  max: number | null;
  period_start: string | null;
  period_end: string | null;
  date_precision: string | null;
  place_text: string | null;
  place_precision: string | null;
  lat: number | null;
  lon: number | null;
  actor_norm: string | null;
  actor_text: string | null;
  quote: string;
  incident_id: number | null;
  published_on: string | null;
}

const CLAIM_COLUMNS = [
  'claims.id', 'claims.source_id', 'claims.outcome', 'claims.population', 'claims.min', 'claims.max', 'claims.period_start', 'claims.period_end',
  'claims.date_precision', 'claims.place_text', 'claims.place_precision', 'claims.lat', 'claims.lon', 'claims.actor_norm', 'claims.actor_text',
  'claims.quote', 'claims.incident_id', 'sources.published_on',
] as const;

/** An incident's representative record, with its killed figures. */
export interface IncidentForLinking {
  id: number;
  public_id: string;
  date_start: string | null;
  date_end: string | null;
  date_precision: string | null;
  place_text: string | null;
  place_precision: string | null;
  lat: number | null;
  lon: number | null;
  country: string | null;
  belligerents: string[];
  killed_low: number | null;
  killed_high: number | null;
}

/** Typed queries of the linkage context. */
export const linkageRepository = {
  /** Casualty claims not yet in an incident (status not rejected), in id order. */
  /**
   * Casualty claims not yet in an incident that can describe one event: dated to a period of at
   * most 31 days (cumulative tallies such as "1,302 since 2014", and undated figures, stay out of
   * automatic linking and are left to analysts), and not a repeat of another claim (same_as_id).
   */
  async unlinkedClaims(db: Q): Promise<ClaimForLinking[]> {
    return db.selectFrom('claims').innerJoin('sources', 'sources.id', 'claims.source_id').select(CLAIM_COLUMNS)
      .where('claims.incident_id', 'is', null).where('claims.type', '=', 'casualties').where('claims.status', '<>', 'rejected')
      .where('claims.same_as_id', 'is', null)
      .where('claims.period_start', 'is not', null)
      .where(sql<boolean>`coalesce(claims.period_end, claims.period_start) - claims.period_start <= 31`)
      .orderBy('claims.id').execute();
  },

  /** Claims by id (any incident). */
  async claimsById(db: Q, ids: number[]): Promise<ClaimForLinking[]> {
    if (ids.length === 0) return [];
    return db.selectFrom('claims').innerJoin('sources', 'sources.id', 'claims.source_id').select(CLAIM_COLUMNS).where('claims.id', 'in', ids).orderBy('claims.id').execute();
  },

  /** Casualty claims (not rejected) of one incident. */
  async claimsOfIncident(db: Q, incidentId: number): Promise<ClaimForLinking[]> {
    return db.selectFrom('claims').innerJoin('sources', 'sources.id', 'claims.source_id').select(CLAIM_COLUMNS)
      .where('claims.incident_id', '=', incidentId).where('claims.status', '<>', 'rejected').orderBy('claims.id').execute();
  },

  /** Incidents that can take new claims (not merged, not withdrawn), with civilian killed figures. */
  async activeIncidents(db: Q): Promise<IncidentForLinking[]> {
    return db.selectFrom('incidents')
      .leftJoin('incident_figures as f', (j) => j.onRef('f.incident_id', '=', 'incidents.id').on('f.outcome', '=', 'killed').on('f.population', '=', 'civilians'))
      .select(['incidents.id', 'incidents.public_id', 'incidents.date_start', 'incidents.date_end', 'incidents.date_precision', 'incidents.place_text',
        'incidents.place_precision', 'incidents.lat', 'incidents.lon', 'incidents.country', 'incidents.belligerents', 'f.low as killed_low', 'f.high as killed_high'])
      .where('incidents.status', 'not in', ['merged', 'withdrawn']).orderBy('incidents.id').execute();
  },

  async incidentByPublicId(db: Q, publicId: string) {
    return db.selectFrom('incidents').selectAll().where('public_id', '=', publicId).executeTakeFirst();
  },

  async incidentById(db: Q, id: number) {
    return db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Points claims at an incident and bumps its version. */
  async attachClaims(tx: Tx, claimIds: number[], incidentId: number): Promise<void> {
    if (claimIds.length === 0) return;
    await tx.updateTable('claims').set({ incident_id: incidentId }).where('id', 'in', claimIds).execute();
    await tx.updateTable('incidents').set({ version: sql`version + 1`, updated_at: new Date() }).where('id', '=', incidentId).execute();
  },

  /** Marks an incident merged into another (its id is kept and never reused). */
  async markMerged(tx: Tx, id: number, intoId: number): Promise<void> {
    await tx.updateTable('incidents').set({ status: 'merged', merged_into_id: intoId, version: sql`version + 1`, updated_at: new Date() }).where('id', '=', id).execute();
  },

  async deleteStrikeMatches(tx: Tx, incidentId: number): Promise<void> {
    await tx.deleteFrom('strike_matches').where('incident_id', '=', incidentId).execute();
  },

  async figures(db: Q, incidentId: number) {
    return db.selectFrom('incident_figures').selectAll().where('incident_id', '=', incidentId).execute();
  },

  async deleteFigures(tx: Tx, incidentId: number, keys: Array<{ outcome: string; population: string }>): Promise<void> {
    for (const k of keys) {
      await tx.deleteFrom('incident_figures').where('incident_id', '=', incidentId).where('outcome', '=', k.outcome).where('population', '=', k.population).execute();
    }
  },

  async insertFigures(tx: Tx, rows: Array<{ incident_id: number; outcome: string; population: string; low: number | null; best: number | null; high: number | null; rule: string }>): Promise<void> {
    if (rows.length) await tx.insertInto('incident_figures').values(rows).execute();
  },

  /** Labelled claim pairs (for supervised m and for applying labels). */
  async labelledPairs(db: Q) {
    return db.selectFrom('link_pairs').selectAll().where('kind', 'in', ['claim_claim', 'claim_incident']).where('status', '<>', 'pending').orderBy('id').execute();
  },

  /** Adds or refreshes a pending pair; labelled pairs are left as they are. */
  async upsertPendingPair(tx: Tx, p: { kind: 'claim_claim' | 'claim_incident'; left_id: number; right_id: number; match_weight: number; probability: number; waterfall: string; distance_km: number | null }): Promise<void> {
    await tx.insertInto('link_pairs').values(p)
      .onConflict((oc) => oc.columns(['kind', 'left_id', 'right_id']).doUpdateSet({
        match_weight: p.match_weight, probability: p.probability, waterfall: p.waterfall, distance_km: p.distance_km,
      }).where('link_pairs.status', '=', 'pending'))
      .execute();
  },

  /** Pending pairs, most uncertain first (|p − 0.5| ascending), then by id. */
  async pendingPairs(db: Q, limit: number) {
    return db.selectFrom('link_pairs').selectAll().where('status', '=', 'pending').where('kind', 'in', ['claim_claim', 'claim_incident'])
      .orderBy(sql`abs(probability - 0.5)`).orderBy('id').limit(limit).execute();
  },

  async countPending(db: Q): Promise<number> {
    const r = await db.selectFrom('link_pairs').select((eb) => eb.fn.countAll<string>().as('n')).where('status', '=', 'pending').where('kind', 'in', ['claim_claim', 'claim_incident']).executeTakeFirstOrThrow();
    return Number(r.n);
  },

  async pair(db: Q, id: number) {
    return db.selectFrom('link_pairs').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async setLabel(tx: Tx, id: number, status: 'match' | 'non_match', by: string): Promise<void> {
    await tx.updateTable('link_pairs').set({ status, labelled_by: by, labelled_at: new Date() }).where('id', '=', id).execute();
  },

  /** Quotes and sources of claims, for the queue. */
  async claimQuotes(db: Q, ids: number[]) {
    if (ids.length === 0) return [];
    return db.selectFrom('claims').innerJoin('sources', 'sources.id', 'claims.source_id')
      .select(['claims.id', 'claims.quote', 'claims.place_text', 'claims.period_start', 'claims.min', 'claims.max', 'claims.outcome', 'claims.incident_id', 'sources.title', 'sources.publisher', 'sources.url'])
      .where('claims.id', 'in', ids).execute();
  },

  async incidentsById(db: Q, ids: number[]) {
    if (ids.length === 0) return [];
    return db.selectFrom('incidents').select(['id', 'public_id', 'title', 'date_start', 'place_text', 'status', 'merged_into_id']).where('id', 'in', ids).execute();
  },
};
