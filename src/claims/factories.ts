/**
 * Test data for the claims collection: sources and claims with every column overridable, and a
 * gazetteer place. Written straight to the tables (no audit): for tests only. Incidents come
 * from src/incidents/factories.ts.
 */
import { createHash } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { ClaimsTable, Database, PlacesTable, SourcesTable } from '../db/types.ts';

let seq = 0;

/** A public, accepted news article in English unless overridden. */
export async function buildSource(db: Kysely<Database>, over: Partial<Insertable<SourcesTable>> = {}): Promise<number> {
  const n = ++seq;
  const text = over.text ?? `report ${n}`;
  const r = await db.insertInto('sources').values({
    source_key: `claims-test:${n}:${Math.random()}`, type: 'news_article', title: `Report ${n}`, publisher: 'Test Wire', url: `https://example.org/claims/${n}`,
    language: 'en', captured_at: new Date('2019-04-01T10:00:00Z'), sha256: createHash('sha256').update(text).digest('hex'), text, ...over,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** A casualty claim (5 civilians killed in Mosul on 2017-03-17) in its own source unless `source_id` is given. */
export async function buildClaim(db: Kysely<Database>, over: Partial<Insertable<ClaimsTable>> = {}): Promise<number> {
  const sourceId = over.source_id ?? await buildSource(db);
  const quote = over.quote ?? 'Five civilians were killed in Mosul';
  const r = await db.insertInto('claims').values({
    source_id: sourceId, type: 'casualties', claimant: 'Civil Defence', claimant_norm: 'civil_defence', outcome: 'killed', population: 'civilians',
    min: 5, max: 5, qualifier: 'exact', period_start: '2017-03-17', period_end: '2017-03-17', date_precision: 'day', place_text: 'Mosul',
    quote, span_start: 0, span_end: quote.length, ...over,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** A gazetteer place (a village in Syria unless overridden). */
export async function buildPlace(db: Kysely<Database>, over: Partial<Insertable<PlacesTable>> = {}): Promise<number> {
  const n = ++seq;
  const r = await db.insertInto('places').values({
    source: 'test', source_ref: `claims-test-${n}-${Math.random()}`, name: 'Al Baghuz', name_ar: 'الباغوز', feature_type: 'village',
    country: 'SY', admin1: 'Deir-ez-Zor', lat: 34.453, lon: 40.938, precision: 'village', ...over,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}
