import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb } from '../db/testing.ts';
import type { Db } from '../db/connect.ts';
import { verifyAudit } from '../audit/service.ts';
import { createIncident, createSource } from './factories.ts';
import { addVictimFact, approvePublication, recordVictim, requestPublication, withdrawPublication } from './victimRecorder.ts';
import { victimRepository } from './repository.ts';
import { presentVictimInternal } from './presenters.ts';

// One database for the file (PGlite start-up dominates the time); each test makes its own rows.
let db: Db;
before(async () => { db = await createTestDb(); });
after(async () => { await db.close(); });

test('a victim with names in both scripts and facts, each with its source; conflicting facts kept side by side', async () => {
  const inc = await createIncident(db.kysely);
  const s1 = await createSource(db.kysely);
  const s2 = await createSource(db.kysely);
  const id = await db.kysely.transaction().execute((tx) => recordVictim({ actor: 'analyst:a', reason: 'from the article', tx }, {
    incidentId: inc.id, sourceId: s1,
    names: [{ name: 'محمد أحمد علي الجبوري' }, { name: 'Mohammed Ahmed Ali al-Jubouri', kind: 'transliteration' }, { name: 'أبو خالد', kind: 'kunya' }],
    facts: [{ field: 'age', value: '34' }, { field: 'gender', value: 'ذكر' }, { field: 'outcome', value: 'killed' }, { field: 'status', value: 'civilian' }],
  }));
  await db.kysely.transaction().execute(async (tx) => {
    await addVictimFact({ actor: 'analyst:a', reason: 'second source', tx }, id, { field: 'age', value: '36', sourceId: s2 });
    await addVictimFact({ actor: 'analyst:a', reason: 'second source', tx }, id, { field: 'status', value: 'combatant', sourceId: s2 });
  });
  const v = await victimRepository.get(db.kysely, id);
  assert.ok(v);
  const p = presentVictimInternal(v);
  assert.equal(p.incident, inc.publicId);
  assert.equal(p.names.length, 3);
  assert.equal(p.names[0].key, p.names[1].key, 'both scripts share the cross-script key');
  assert.equal(p.names[2].kind, 'kunya');
  const ages = p.facts.filter((f) => f.field === 'age');
  assert.deepEqual(ages.map((f) => [f.value, f.sourceId, f.conflicting]), [['34', s1, true], ['36', s2, true]]);
  const status = p.facts.filter((f) => f.field === 'status');
  assert.deepEqual(status.map((f) => [f.value, f.sourceId]), [['civilian', s1], ['combatant', s2]], 'the later status does not overwrite the earlier');
  assert.equal(p.status, 'civilian');
  assert.deepEqual(p.age, { min: 34, max: 36, group: null }, 'the age becomes a range');
  assert.equal(p.gender, 'male');
  assert.equal((await verifyAudit(db.kysely)).ok, true);
  const events = await db.kysely.selectFrom('audit_events').select(['action', 'after']).where('target_type', '=', 'victim').where('target_id', '=', String(id)).execute();
  assert.deepEqual(events.map((e) => e.action), ['victim.recorded', 'victim.fact_added', 'victim.fact_added']);
  assert.ok(!JSON.stringify(events).includes('الجبوري') && !JSON.stringify(events).includes('Jubouri'), 'the audit trail does not copy restricted names');
});

test('status needs the source that says so; bad facts are input errors', async () => {
  const count = async (): Promise<number> => (await db.kysely.selectFrom('victims').select('id').execute()).length;
  const n = await count();
  await assert.rejects(db.kysely.transaction().execute((tx) => recordVictim({ actor: 'a', reason: 'r', tx }, { names: [{ name: 'Ali' }], facts: [{ field: 'status', value: 'civilian' }] })), /status needs the claim or source/);
  await assert.rejects(db.kysely.transaction().execute((tx) => recordVictim({ actor: 'a', reason: 'r', tx }, { names: [{ name: 'Ali' }], facts: [{ field: 'age', value: 'old' }] })), (e: Error & { id?: string }) => e.id === 'INPUT_INVALID');
  assert.equal(await count(), n, 'nothing was written');
});

test('publication: an analyst asks with a basis, a different person approves; the same person cannot', async () => {
  const src = await createSource(db.kysely);
  const id = await db.kysely.transaction().execute((tx) => recordVictim({ actor: 'analyst:a', reason: 'r', tx }, { sourceId: src, names: [{ name: 'Zainab Hasan' }], facts: [] }));
  await assert.rejects(db.kysely.transaction().execute((tx) => approvePublication({ actor: 'reviewer:b', reason: 'ok', tx }, id)), /nobody has asked/);
  await db.kysely.transaction().execute((tx) => requestPublication({ actor: 'analyst:a', reason: 'the family agreed in writing', tx }, id, 'family_consent'));
  await assert.rejects(db.kysely.transaction().execute((tx) => approvePublication({ actor: 'analyst:a', reason: 'ok', tx }, id)), (e: Error & { id?: string }) => e.id === 'FORBIDDEN');
  await db.kysely.transaction().execute((tx) => approvePublication({ actor: 'reviewer:b', reason: 'consent form checked', tx }, id));
  const v = (await victimRepository.get(db.kysely, id))!;
  assert.equal(v.victim.publishable, true);
  assert.equal(v.victim.publish_basis, 'family_consent');
  assert.equal(v.victim.publish_approved_by, 'reviewer:b');
  await db.kysely.transaction().execute((tx) => withdrawPublication({ actor: 'reviewer:b', reason: 'consent withdrawn', tx }, id));
  assert.equal((await victimRepository.get(db.kysely, id))!.victim.publishable, false);
  assert.equal((await verifyAudit(db.kysely)).ok, true);
});
