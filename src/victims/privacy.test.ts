import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { createTestDb } from '../db/testing.ts';
import { loadConfig } from '../config.ts';
import { HarmwatchError } from '../errors.ts';
import { createIncident, createSource } from './factories.ts';
import { approvePublication, recordVictim, requestPublication } from './victimRecorder.ts';
import { victimRepository } from './repository.ts';
import { presentIncidentVictimsPublic, presentVictimInternal, presentVictimPublic } from './presenters.ts';
import { victimRoutes } from './routes.ts';
import { recordResponse } from '../responses/responseRecorder.ts';
import { responseRepository } from '../responses/repository.ts';
import { presentResponseInternal, presentResponsePublic } from '../responses/presenters.ts';

const SECRET = ['نزار', 'Nizar', 'الكبيسي', 'Kubaisi', '19800101', '123456789', 'حي الرسالة', 'Umm Nizar', 'Sabah'];

test('no restricted name leaves through a public presenter or route; approved names do', async (t) => {
  const db = await createTestDb();
  t.after(() => db.close());
  const inc = await createIncident(db.kysely);
  const src = await createSource(db.kysely);
  const w = <T>(actor: string, fn: (ctx: { actor: string; reason: string; tx: Parameters<Parameters<ReturnType<typeof db.kysely.transaction>['execute']>[0]>[0] }) => Promise<T>): Promise<T> =>
    db.kysely.transaction().execute((tx) => fn({ actor, reason: 'test', tx }));
  const restricted = await w('analyst:a', (ctx) => recordVictim(ctx, {
    incidentId: inc.id, sourceId: src,
    names: [{ name: 'نزار أحمد الكبيسي' }, { name: 'Nizar Ahmad al-Kubaisi', kind: 'transliteration' }, { name: 'Umm Nizar', kind: 'kunya' }],
    facts: [{ field: 'age', value: '9' }, { field: 'gender', value: 'male' }, { field: 'outcome', value: 'killed' }, { field: 'status', value: 'civilian' },
      { field: 'date_of_birth', value: '1980-01-01' }, { field: 'national_id', value: '123456789' }, { field: 'place', value: 'حي الرسالة' }],
  }));
  const named = await w('analyst:a', (ctx) => recordVictim(ctx, {
    incidentId: inc.id, sourceId: src, names: [{ name: 'Huda Salman' }],
    facts: [{ field: 'age', value: '41' }, { field: 'gender', value: 'female' }, { field: 'outcome', value: 'killed' }, { field: 'status', value: 'civilian' }],
  }));
  // Asked but not yet approved: still restricted.
  const pending = await w('analyst:a', (ctx) => recordVictim(ctx, { incidentId: inc.id, sourceId: src, names: [{ name: 'Sabah Jasim' }], facts: [{ field: 'outcome', value: 'injured' }] }));
  await w('analyst:a', (ctx) => requestPublication(ctx, named, 'already_public'));
  await w('reviewer:b', (ctx) => approvePublication(ctx, named));
  await w('analyst:a', (ctx) => requestPublication(ctx, pending, 'family_consent'));
  await w('analyst:a', (ctx) => recordResponse(ctx, { kind: 'condolence_payment', belligerent: 'US', victimId: restricted, incidentId: inc.id, amount: 2500, currency: 'USD', recipient: 'Umm Nizar', sourceId: src }));

  // Presenters.
  const all = await victimRepository.byIncident(db.kysely, inc.id);
  assert.equal(presentVictimPublic(all.find((v) => v.victim.id === restricted)!), null);
  assert.equal(presentVictimPublic(all.find((v) => v.victim.id === pending)!), null);
  const pub = presentIncidentVictimsPublic(inc.publicId, all);
  assert.deepEqual(pub.counts, { total: 3, byOutcome: { killed: 2, injured: 1 }, byPopulation: { civilians: 2, unknown: 1, children: 1, women: 1 } });
  assert.equal(pub.restricted, 2);
  assert.deepEqual(pub.named.map((n) => n.names.map((x) => x.name)), [['Huda Salman']]);
  const responses = (await responseRepository.byIncident(db.kysely, inc.id)).map(presentResponsePublic);
  const publicText = JSON.stringify([pub, responses]);
  for (const s of SECRET) assert.ok(!publicText.includes(s), `"${s}" leaked through a public presenter`);
  assert.equal(responses[0].hasRecipient, true);
  // Internal presenters do show them (to staff).
  const internal = JSON.stringify([all.map(presentVictimInternal), (await responseRepository.byIncident(db.kysely, inc.id)).map(presentResponseInternal)]);
  for (const s of ['نزار', 'Kubaisi', '123456789', 'Umm Nizar']) assert.ok(internal.includes(s));

  // The public route.
  const app = Fastify().withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((err: Error, _req, reply) => { void reply.status(err instanceof HarmwatchError ? err.status : 500).send({ error: err.message }); });
  await app.register(victimRoutes({ db, config: loadConfig({}), startedAt: new Date() }));
  t.after(() => app.close());
  const res = await app.inject({ method: 'GET', url: `/api/incidents/${inc.publicId}/victims` });
  assert.equal(res.statusCode, 200);
  for (const s of SECRET) assert.ok(!res.body.includes(s), `"${s}" leaked through GET /api/incidents/:id/victims`);
  assert.ok(res.body.includes('Huda Salman'));
  const body = res.json<{ counts: { total: number }; restricted: number }>();
  assert.equal(body.counts.total, 3);
  assert.equal(body.restricted, 2);
  // A draft incident is not public; the internal route refuses anonymous callers.
  const draft = await createIncident(db.kysely, { status: 'draft' });
  assert.equal((await app.inject({ method: 'GET', url: `/api/incidents/${draft.publicId}/victims` })).statusCode, 404);
  const internalRes = await app.inject({ method: 'GET', url: `/api/internal/victims/${restricted}` });
  assert.equal(internalRes.statusCode, 401);
  for (const s of SECRET) assert.ok(!internalRes.body.includes(s));
});
