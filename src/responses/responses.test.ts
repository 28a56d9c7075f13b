import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb } from '../db/testing.ts';
import { verifyAudit } from '../audit/service.ts';
import { createIncident, createSource } from '../victims/factories.ts';
import { recordVictim } from '../victims/victimRecorder.ts';
import { recordResponse, type ResponseInput } from './responseRecorder.ts';
import { responsesByIncident } from './service.ts';

test('responses: validation, per incident or victim, with source; conceded vs any response', async (t) => {
  const db = await createTestDb();
  t.after(() => db.close());
  const src = await createSource(db.kysely, { type: 'official_statement' });
  const [a, b, c, d] = [await createIncident(db.kysely), await createIncident(db.kysely), await createIncident(db.kysely), await createIncident(db.kysely, { date: '2019-01-01' })];
  const add = (r: ResponseInput): Promise<number> => db.kysely.transaction().execute((tx) => recordResponse({ actor: 'analyst:a', reason: 'from the statement', tx }, r));
  const bad = async (r: Partial<ResponseInput>, re: RegExp): Promise<void> => {
    await assert.rejects(add({ kind: 'apology', belligerent: 'US', incidentId: a.id, sourceId: src, ...r }), re);
  };
  await bad({ sourceId: null }, /source/);
  await bad({ incidentId: null }, /incident or a victim/);
  await bad({ amount: 10, currency: 'USD' }, /payments only/);
  await bad({ kind: 'ex_gratia_payment', amount: 10 }, /currency/);
  await bad({ kind: 'ex_gratia_payment', amount: -1, currency: 'USD' }, /≥ 0/);
  await bad({ respondedOn: '31/02/2018' }, /calendar date/);

  // a: conceded (credible), apology and payment; b: conceded, no response; c: investigation only; d: nothing (out of the date filter).
  for (const [inc, status] of [[a, 'credible'], [b, 'credible'], [c, 'not_credible']] as const) {
    await db.kysely.insertInto('assessments').values({ incident_id: inc.id, belligerent: 'US', status, reason: 'stated', reason_given: true }).execute();
  }
  const victim = await db.kysely.transaction().execute((tx) => recordVictim({ actor: 'analyst:a', reason: 'r', tx }, { incidentId: a.id, sourceId: src, names: [{ name: 'Ali Hasan' }], facts: [] }));
  await add({ kind: 'apology', belligerent: 'US', incidentId: a.id, respondedOn: '2018-05-01', sourceId: src });
  await add({ kind: 'condolence_payment', belligerent: 'US', victimId: victim, amount: 15000, currency: 'USD', recipient: 'the family', respondedOn: '18/06/2018', sourceId: src });
  await add({ kind: 'investigation_opened', belligerent: 'US', incidentId: c.id, sourceId: src });
  await add({ kind: 'investigation_outcome', belligerent: 'US', incidentId: c.id, outcome: 'no civilian casualties found', sourceId: src });
  const all = await responsesByIncident(db.kysely, { belligerent: 'US', to: '2018-12-31' });
  assert.equal(all.incidents, 3);
  assert.equal(all.conceded, 2);
  assert.equal(all.withAnyResponse, 2);
  assert.equal(all.concededWithResponse, 1);
  assert.equal(all.concededWithoutResponse, 1);
  assert.equal(all.withPayment, 1);
  assert.equal(all.withApology, 1);
  assert.deepEqual(all.byKind, { apology: 1, condolence_payment: 1, investigation_opened: 1, investigation_outcome: 1 });
  assert.equal((await responsesByIncident(db.kysely, { belligerent: 'UK' })).withAnyResponse, 0);
  assert.equal((await responsesByIncident(db.kysely)).incidents, 4);
  void d;
  const events = await db.kysely.selectFrom('audit_events').select('after').where('action', '=', 'response.recorded').execute();
  assert.equal(events.length, 4);
  assert.ok(!JSON.stringify(events).includes('the family'), 'the recipient stays out of the audit trail');
  assert.equal((await verifyAudit(db.kysely)).ok, true);
});
