/**
 * Test data for linkage: sources, casualty claims and declared strikes, written straight to the
 * tables (no audit): for tests only. Incidents come from src/incidents/factories.ts.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

let seq = 0;

/** A public news article. */
export async function buildSource(db: Kysely<Database>, over: { publishedOn?: string | null; title?: string } = {}): Promise<number> {
  const n = ++seq;
  const text = `${over.title ?? 'report'} ${n} ${Date.now()}`;
  const r = await db.insertInto('sources').values({
    source_key: `test:${n}:${Math.random()}`, type: 'news_article', title: over.title ?? `Report ${n}`, publisher: 'Test Wire', url: `https://example.org/${n}`,
    language: 'en', published_on: over.publishedOn === undefined ? null : over.publishedOn, captured_at: new Date(), sha256: createHash('sha256').update(text).digest('hex'), text,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** What a test claim says. */
export interface ClaimSpec {
  date?: string | null;
  place?: string | null;
  lat?: number | null;
  lon?: number | null;
  precision?: string | null;
  killed?: [number | null, number | null] | null;
  actor?: string | null;
  population?: string;
  sourceId?: number;
  incidentId?: number | null;
  status?: string;
}

/** A casualty claim (killed civilians) with its own source unless one is given. */
export async function buildClaim(db: Kysely<Database>, s: ClaimSpec = {}): Promise<number> {
  const sourceId = s.sourceId ?? await buildSource(db);
  const [min, max] = s.killed === undefined ? [5, 5] : s.killed ?? [null, null];
  const quote = `${min ?? 'several'} civilians were killed in ${s.place ?? 'a village'}${s.date ? ` on ${s.date}` : ''}`;
  const r = await db.insertInto('claims').values({
    source_id: sourceId, type: 'casualties', outcome: 'killed', population: s.population ?? 'civilians', min, max, qualifier: min != null && min === max ? 'exact' : null,
    period_start: s.date === undefined ? '2017-03-17' : s.date, period_end: s.date === undefined ? '2017-03-17' : s.date, date_precision: 'day',
    place_text: s.place === undefined ? 'Mosul' : s.place, place_precision: s.lat != null ? s.precision ?? 'neighbourhood' : null,
    lat: s.lat ?? null, lon: s.lon ?? null, actor_text: s.actor ?? null, actor_norm: s.actor ?? null, quote, span_start: 0, span_end: quote.length,
    incident_id: s.incidentId ?? null, status: s.status ?? 'unreviewed',
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** A declared strike line. */
export async function buildStrike(db: Kysely<Database>, s: { date: string; place: string; country?: 'IQ' | 'SY'; lat?: number | null; lon?: number | null; precision?: string | null; belligerent?: string }): Promise<number> {
  const line = `- Near ${s.place}, one strike engaged an ISIL tactical unit (${++seq}).`;
  const r = await db.insertInto('declared_strikes').values({
    identity_key: `test:${seq}:${Math.random()}`, content_sha256: createHash('sha256').update(line).digest('hex'), release_date: s.date, country: s.country ?? 'IQ',
    place_text: s.place, lat: s.lat ?? null, lon: s.lon ?? null, place_precision: s.lat != null ? s.precision ?? 'town' : null, strikes: 1,
    engaged: '[]', destroyed: '[]', damaged: '[]', line, belligerent: s.belligerent ?? 'coalition',
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}
