import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { call, createWorkflowApp, makeUser, signIn } from '../auth/testing.ts';
import { SUBMISSION_RATE, TokenBuckets } from './limits.ts';

test('token bucket: capacity, refill, retry-after', () => {
  const b = new TokenBuckets(2, 1 / 1000);
  assert.ok(b.take('k', 0) && b.take('k', 0));
  assert.equal(b.take('k', 0), false);
  assert.equal(b.retryAfterS('k', 0), 1);
  assert.ok(b.take('k', 1000));
  assert.ok(b.take('other', 0), 'keys are separate');
});

test('public submissions: JSON with attachments, form in English and Arabic, honeypot, rate limit, intake', async (t) => {
  const { app, db, close } = await createWorkflowApp({ buckets: new TokenBuckets(SUBMISSION_RATE.capacity, SUBMISSION_RATE.refillPerHour / 3_600_000) });
  t.after(close);
  await makeUser(db, 'ana', 'analyst');
  await makeUser(db, 'con', 'contributor');

  await t.test('JSON: stored unverified and restricted; attachments hashed and kept as bytes; contact apart', async () => {
    const photo = Buffer.from('\x89PNG fake image bytes');
    const r = await app.inject({ method: 'POST', url: '/api/submissions', remoteAddress: '10.0.0.1', payload: {
      text: 'Three houses were destroyed by an airstrike in Hajin at dawn.', contactEmail: 'w@example.net', name: 'Samir',
      attachments: [{ filename: 'house.png', mediaType: 'image/png', contentBase64: photo.toString('base64') }],
    } });
    assert.equal(r.statusCode, 201, r.body);
    const code = r.json<{ data: { referenceCode: string } }>().data.referenceCode;
    const rows = await db.kysely.selectFrom('sources').selectAll().where('source_key', 'like', `submission:${code}%`).orderBy('id').execute();
    assert.equal(rows.length, 2);
    assert.ok(rows.every((s) => s.type === 'public_submission' && s.status === 'unverified' && s.visibility === 'restricted'));
    assert.equal(rows[1].sha256, createHash('sha256').update(photo).digest('hex'));
    assert.deepEqual(Buffer.from(rows[1].content ?? []), photo);
    const contact = await db.kysely.selectFrom('submission_contacts').selectAll().where('reference_code', '=', code).executeTakeFirstOrThrow();
    assert.equal(contact.contact_email, 'w@example.net');
    assert.notEqual(contact.ip_hash, '10.0.0.1');
    assert.ok(!rows.some((s) => JSON.stringify(s.attributes).includes('w@example.net')));
    const audit = await db.kysely.selectFrom('audit_events').select(['after', 'reason']).where('action', '=', 'submission.received').execute();
    assert.ok(!JSON.stringify(audit).includes('w@example.net') && !JSON.stringify(audit).includes('Samir'));
  });

  await t.test('validation: too short text, bad e-mail, bad base64 → 400', async () => {
    for (const payload of [{ text: 'short' }, { text: 'long enough text here', contactEmail: 'not-an-email' },
      { text: 'long enough text here', attachments: [{ filename: 'a', mediaType: 'image/png', contentBase64: '***' }] }]) {
      assert.equal((await app.inject({ method: 'POST', url: '/api/submissions', remoteAddress: '10.0.0.9', payload })).statusCode, 400);
    }
  });

  await t.test('honeypot: a filled "website" gets a receipt but nothing is stored', async () => {
    const before = await db.kysely.selectFrom('sources').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const r = await app.inject({ method: 'POST', url: '/api/submissions', remoteAddress: '10.0.0.2', payload: { text: 'buy cheap watches now please', website: 'http://spam' } });
    assert.equal(r.statusCode, 201);
    const after = await db.kysely.selectFrom('sources').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    assert.equal(after.n, before.n);
  });

  await t.test('rate limit per address: the sixth in a burst is 429', async () => {
    const send = () => app.inject({ method: 'POST', url: '/api/submissions', remoteAddress: '10.0.0.3', payload: { text: 'an account of an airstrike in Raqqa' } });
    for (let i = 0; i < SUBMISSION_RATE.capacity; i++) assert.equal((await send()).statusCode, 201);
    const r = await send();
    assert.equal(r.statusCode, 429);
    assert.equal(r.json<{ error: { id: string } }>().error.id, 'RATE_LIMITED');
    const other = await app.inject({ method: 'POST', url: '/api/submissions', remoteAddress: '10.0.0.4', payload: { text: 'an account of an airstrike in Raqqa' } });
    assert.equal(other.statusCode, 201);
  });

  await t.test('the form works without JavaScript, in English and Arabic', async () => {
    const en = await app.inject('/submit');
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /<form class="submission" method="post" action="\/submit\?lang=en"/);
    assert.match(en.body, /<div hidden aria-hidden="true">.*name="website"/s);
    assert.ok(!/<script/.test(en.body));
    const ar = await app.inject('/submit?lang=ar');
    assert.match(ar.body, /<html lang="ar" dir="rtl">/);
    assert.match(ar.body, /ماذا حدث؟/);
    const form = (fields: Record<string, string>, ip: string) => app.inject({ method: 'POST', url: '/submit?lang=ar', remoteAddress: ip,
      headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });
    const bad = await form({ text: 'قصير', lang: 'ar' }, '10.0.0.5');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /يرجى مراجعة النموذج/);
    assert.match(bad.body, /قصير/, 'what was typed is kept');
    const ok = await form({ text: 'سقط صاروخ على منزل في الرقة وقتل طفلان', contactEmail: '', place: 'الرقة', lang: 'ar' }, '10.0.0.5');
    assert.equal(ok.statusCode, 201, ok.body);
    assert.match(ok.body, /HWS-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    assert.match(ok.body, /رمزك المرجعي/);
  });

  await t.test('a signed-in user posting the form needs the _csrf field (it is in the form)', async () => {
    const s = await signIn(app, 'con');
    const page = await app.inject({ url: '/submit', headers: { cookie: s.cookie } });
    assert.match(page.body, new RegExp(`name="_csrf" value="${s.csrf}"`));
    const body = (extra: Record<string, string>) => new URLSearchParams({ text: 'an airstrike hit a school in Mosul', ...extra }).toString();
    const without = await app.inject({ method: 'POST', url: '/submit', remoteAddress: '10.0.0.6', headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: body({}) });
    assert.equal(without.statusCode, 403);
    const withToken = await app.inject({ method: 'POST', url: '/submit', remoteAddress: '10.0.0.6', headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: body({ _csrf: s.csrf }) });
    assert.equal(withToken.statusCode, 201);
  });

  await t.test('intake: analysts only; rejection keeps it restricted', async () => {
    assert.equal((await call(app, null, 'GET', '/api/intake')).statusCode, 401);
    assert.equal((await call(app, await signIn(app, 'con'), 'GET', '/api/intake')).statusCode, 403);
    const ana = await signIn(app, 'ana');
    const items = (await call(app, ana, 'GET', '/api/intake')).json<{ data: Array<{ sourceId: number; attachments: unknown[] }> }>().data;
    assert.ok(items.length >= 3);
    assert.equal(items[0].attachments.length, 1);
    const r = await call(app, ana, 'POST', `/api/intake/${items[1].sourceId}/decision`, { decision: 'reject', reason: 'not about a strike' });
    assert.equal(r.json<{ data: { visibility: string } }>().data.visibility, 'restricted');
    assert.equal((await call(app, ana, 'POST', `/api/intake/${items[1].sourceId}/decision`, { decision: 'accept', reason: 'changed mind' })).statusCode, 409);
    assert.equal((await call(app, ana, 'POST', `/api/intake/${items[0].sourceId}/decision`, { decision: 'accept', reason: '' })).statusCode, 400);
  });
});
