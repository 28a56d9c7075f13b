import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../auth/policies.ts';
import type { Db } from '../db/connect.ts';
import { createTestDb } from '../db/testing.ts';
import { loadConfig } from '../config.ts';
import { HarmwatchError } from '../errors.ts';
import { buildClaim } from './factories.ts';
import { linkIncidents } from './incidentLinker.ts';
import { labelPair } from './pairLabeller.ts';
import { linkQuality } from './quality.ts';
import { linkageRoutes } from './routes.ts';
import { reviewQueue } from './service.ts';

let db: Db;
before(async () => { db = await createTestDb(); });
after(async () => { await db.close(); });

const run = () => linkIncidents(db.kysely, { actor: 'test:linker', geocode: null });
const incidentOf = async (claimId: number) => (await db.kysely.selectFrom('claims').select('incident_id').where('id', '=', claimId).executeTakeFirstOrThrow()).incident_id;
const pairRow = (p: number, i = 0) => ({ kind: 'claim_claim' as const, left_id: 900_000 + i, right_id: 900_100 + i, match_weight: 0, probability: p, waterfall: JSON.stringify({ prior: 0, total: 0, probability: p, steps: [], levels: [] }), distance_km: null });

test('the queue lists pending pairs most uncertain first', async () => {
  await db.kysely.insertInto('link_pairs').values([0.9, 0.52, 0.3, 0.6, 0.05].map((p, i) => pairRow(p, i))).execute();
  const q = await reviewQueue(db.kysely, 10);
  assert.deepEqual(q.data.map((p) => p.probability), [0.52, 0.6, 0.3, 0.9, 0.05]);
  assert.equal(q.pending, 5);
  await db.kysely.deleteFrom('link_pairs').execute();
});

test('a doubtful pair is queued; a match label merges, a non-match label keeps apart on re-run', async () => {
  // Same day and place, different figures, no actor: doubtful.
  const a = await buildClaim(db.kysely, { date: '2018-02-10', place: 'Hajin', lat: 34.695, lon: 40.831, killed: [3, 3], actor: null });
  const b = await buildClaim(db.kysely, { date: '2018-02-10', place: 'Hajin', lat: 34.695, lon: 40.831, killed: [30, 30], actor: null });
  const first = await run();
  assert.equal(first.queued, 1);
  assert.equal(first.created, 2);
  const ia = await incidentOf(a);
  const ib = await incidentOf(b);
  assert.notEqual(ia, ib);
  const q = await reviewQueue(db.kysely, 10);
  assert.equal(q.data.length, 1);
  const pair = q.data[0];
  assert.equal(pair.kind, 'claim_claim');
  assert.ok(pair.probability > 0.2 && pair.probability < 0.9);
  assert.equal(pair.distanceKm, 0);
  assert.ok(pair.left.quote?.includes('civilians'));
  assert.deepEqual(pair.waterfall.steps.map((s) => s.field), ['date', 'place', 'place name', 'killed', 'actor']);
  await assert.rejects(labelPair(db.kysely, pair.id, 'match', { actor: 'test:analyst', reason: '' }), (e: unknown) => e instanceof HarmwatchError && e.id === 'REASON_REQUIRED');
  const r = await labelPair(db.kysely, pair.id, 'match', { actor: 'test:analyst', reason: 'same strike; the higher figure includes later deaths' });
  assert.match(r.applied, /^merged/);
  assert.equal(await incidentOf(a), ia);
  assert.equal(await incidentOf(b), ia);
  const merged = await db.kysely.selectFrom('incidents').select(['status', 'merged_into_id']).where('id', '=', ib!).executeTakeFirstOrThrow();
  assert.deepEqual(merged, { status: 'merged', merged_into_id: ia });
  assert.equal((await reviewQueue(db.kysely, 10)).pending, 0);

  // Two reports that would link at once, but an analyst said non-match before the run.
  const c = await buildClaim(db.kysely, { date: '2018-06-01', place: 'Mayadin', lat: 35.02, lon: 40.45, killed: [4, 4], actor: 'coalition' });
  const d = await buildClaim(db.kysely, { date: '2018-06-01', place: 'Mayadin', lat: 35.02, lon: 40.45, killed: [4, 4], actor: 'coalition' });
  const nm = await db.kysely.insertInto('link_pairs').values({ ...pairRow(0.99), left_id: c, right_id: d, waterfall: JSON.stringify({ levels: [0, 0, 0, 0, 0] }) }).returning('id').executeTakeFirstOrThrow();
  await labelPair(db.kysely, nm.id, 'non-match', { actor: 'test:analyst', reason: 'two different houses' });
  await run();
  assert.notEqual(await incidentOf(c), await incidentOf(d));
  const e = await buildClaim(db.kysely, { date: '2018-06-01', place: 'Mayadin', lat: 35.02, lon: 40.45, killed: [4, 4], actor: 'coalition' });
  const third = await run();
  assert.equal(third.attached, 1);
  assert.ok([await incidentOf(c), await incidentOf(d)].includes(await incidentOf(e)));

  const quality = await linkQuality(db.kysely);
  assert.equal(quality.labelled, 2);
  assert.equal(quality.matches, 1);
  assert.equal(quality.asQueued.truePositives + quality.asQueued.falseNegatives, 1);
  const labels = await db.kysely.selectFrom('audit_events').select(['action', 'actor']).where('action', '=', 'linkage.pair_labelled').execute();
  assert.equal(labels.length, 2);
});

test('queue and label routes need the analyst role', async () => {
  const app = Fastify().withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  let actor: Actor = { kind: 'anonymous', role: 'public' };
  app.addHook('onRequest', async (req) => { req.actor = actor; });
  app.setErrorHandler((err, _req, reply) => { const e = err instanceof HarmwatchError ? err : null; void reply.status(e?.status ?? (err as { statusCode?: number }).statusCode ?? 500).send(e ? e.toJSON() : { error: String(err) }); });
  await app.register(linkageRoutes({ db, config: loadConfig({}), startedAt: new Date() }));
  const p = await db.kysely.insertInto('link_pairs').values(pairRow(0.5, 50)).returning('id').executeTakeFirstOrThrow();
  assert.equal((await app.inject({ method: 'GET', url: '/api/linkage/queue' })).statusCode, 401);
  actor = { kind: 'user', role: 'contributor', userId: 1, username: 'c', displayName: null, via: 'session' };
  assert.equal((await app.inject({ method: 'GET', url: '/api/linkage/queue' })).statusCode, 403);
  actor = { kind: 'user', role: 'analyst', userId: 2, username: 'ana', displayName: null, via: 'session' };
  const q = await app.inject({ method: 'GET', url: '/api/linkage/queue?limit=5' });
  assert.equal(q.statusCode, 200);
  assert.equal(q.json<{ data: unknown[] }>().data.length, 1);
  // the claims behind this synthetic pair do not exist: a clean 404, and nothing stored
  const bad = await app.inject({ method: 'POST', url: `/api/linkage/pairs/${p.id}/label`, payload: { label: 'match', reason: 'same' } });
  assert.equal(bad.statusCode, 404);
  assert.equal((await db.kysely.selectFrom('link_pairs').select('status').where('id', '=', p.id).executeTakeFirstOrThrow()).status, 'pending');
  const invalid = await app.inject({ method: 'POST', url: `/api/linkage/pairs/${p.id}/label`, payload: { label: 'maybe', reason: 'x' } });
  assert.equal(invalid.statusCode, 400);
  await app.close();
});
