import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDb } from '../db/testing.ts';
import { recordAudit, verifyAudit } from './service.ts';
import { canonicalJson } from './hash.ts';

test('canonical JSON sorts keys at every level and drops undefined', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } }), '{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
});

test('audit chain: append, verify, and detect tampering of every kind', async (t) => {
  const db = await createTestDb();
  t.after(() => db.close());
  const write = async (i: number): Promise<void> => {
    await db.kysely.transaction().execute(async (tx) => {
      await recordAudit({ actor: 'test:alice', reason: `change ${i}`, tx }, {
        action: 'thing.changed', targetType: 'thing', targetId: i, before: { v: i - 1, ar: 'الباغوز' }, after: { v: i, nested: { b: 2, a: 1 } },
      });
    });
  };
  for (let i = 1; i <= 6; i++) await write(i);
  const ok = await verifyAudit(db.kysely);
  assert.deepEqual(ok, { ok: true, checked: 6, headSeq: 6 });

  await t.test('a write without a reason is refused before anything is written', async () => {
    await assert.rejects(
      db.kysely.transaction().execute((tx) => recordAudit({ actor: 'x', reason: ' ', tx }, { action: 'a', targetType: 't' })),
      /reason is required/,
    );
    assert.equal((await verifyAudit(db.kysely)).checked, 6);
  });

  await t.test('changed content is found at its event', async () => {
    await sql`update audit_events set reason = 'edited later' where seq = 3`.execute(db.kysely);
    const r = await verifyAudit(db.kysely);
    assert.equal(r.ok, false);
    assert.deepEqual([r.firstBad?.seq, r.firstBad?.problem], [3, 'changed']);
    await sql`update audit_events set reason = 'change 3' where seq = 3`.execute(db.kysely);
    assert.equal((await verifyAudit(db.kysely)).ok, true);
  });

  await t.test('a changed payload inside jsonb is found', async () => {
    await sql`update audit_events set after = jsonb_set(after, '{v}', '99') where seq = 2`.execute(db.kysely);
    const r = await verifyAudit(db.kysely);
    assert.deepEqual([r.ok, r.firstBad?.seq, r.firstBad?.problem], [false, 2, 'changed']);
    await sql`update audit_events set after = jsonb_set(after, '{v}', '2') where seq = 2`.execute(db.kysely);
  });

  await t.test('reordered events are found', async () => {
    await sql`update audit_events set seq = seq + 100 where seq in (4, 5)`.execute(db.kysely);
    await sql`update audit_events set seq = 4 where seq = 105`.execute(db.kysely);
    await sql`update audit_events set seq = 5 where seq = 104`.execute(db.kysely);
    const r = await verifyAudit(db.kysely);
    assert.deepEqual([r.ok, r.firstBad?.seq, r.firstBad?.problem], [false, 4, 'reordered']);
    await sql`update audit_events set seq = seq + 100 where seq in (4, 5)`.execute(db.kysely);
    await sql`update audit_events set seq = 4 where seq = 105`.execute(db.kysely);
    await sql`update audit_events set seq = 5 where seq = 104`.execute(db.kysely);
    assert.equal((await verifyAudit(db.kysely)).ok, true);
  });

  await t.test('a removed event in the middle and at the end are found', async () => {
    const saved = await db.kysely.selectFrom('audit_events').selectAll().where('seq', '=', 6).executeTakeFirstOrThrow();
    await sql`delete from audit_events where seq = 6`.execute(db.kysely);
    const tail = await verifyAudit(db.kysely);
    assert.deepEqual([tail.ok, tail.firstBad?.seq, tail.firstBad?.problem], [false, 6, 'removed']);
    await sql`delete from audit_events where seq = 2`.execute(db.kysely);
    const mid = await verifyAudit(db.kysely);
    assert.deepEqual([mid.ok, mid.firstBad?.seq, mid.firstBad?.problem], [false, 2, 'removed']);
    assert.ok(saved.hash);
  });
});
