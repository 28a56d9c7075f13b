import { test } from 'node:test';
import assert from 'node:assert/strict';
import { call, createWorkflowApp, makeUser, signIn } from '../../auth/testing.ts';

test('workspace import: an analyst pastes an Arabic article; it is stored with its SHA-256 and its claims are listed with their quotes', async (t) => {
  const w = await createWorkflowApp();
  t.after(() => w.close());
  await makeUser(w.db, 'ana', 'analyst');
  await makeUser(w.db, 'con', 'contributor');
  const ana = await signIn(w.app, 'ana');
  const form = await call(w.app, ana, 'GET', '/workspace/import?lang=ar');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /<textarea id="content" name="content"/);
  assert.match(form.body, /<label for="reason">/);
  assert.equal((await call(w.app, await signIn(w.app, 'con'), 'GET', '/workspace/import')).statusCode, 403);
  assert.match((await call(w.app, ana, 'GET', '/workspace')).body, /href="\/workspace\/import"/);

  const content = 'قتل ما لا يقل عن ١٢ مدنياً بينهم ثلاثة أطفال في غارة جوية على بلدة الباغوز يوم الجمعة.';
  const payload = new URLSearchParams({ _csrf: ana.csrf, content, publisher: 'مرصد محلي', published_on: '2019-03-16', language: 'ar', content_type: 'text/plain', reason: 'صباح اليوم' }).toString();
  const r = await w.app.inject({ method: 'POST', url: '/workspace/import?lang=ar', headers: { cookie: ana.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload });
  assert.equal(r.statusCode, 200, r.body);
  assert.match(r.body, /SHA-256 <code>[0-9a-f]{64}<\/code>/);
  assert.match(r.body, /١٢/, 'figures in Arabic-Indic digits on the Arabic page');
  assert.match(r.body, /<blockquote dir="auto">قتل ما لا يقل عن ١٢ مدنياً<\/blockquote>/, "the quote keeps the tanween");
  assert.match(r.body, /على الأقل/, "qualifier in Arabic");
  const stored = await w.db.kysely.selectFrom('claims').select(['min', 'population']).execute();
  assert.ok(stored.some((c) => c.min === 12), JSON.stringify(stored));
  const ws = await call(w.app, ana, 'GET', '/workspace');
  assert.match(ws.body, /Imported documents/);
  assert.match(ws.body, /href="\/sources\/\d+\?lang=en">قتل ما لا يقل/, 'the pasted article is listed, linked to its source page');
  const noReason = new URLSearchParams({ _csrf: ana.csrf, content, reason: '' }).toString();
  const bad = await w.app.inject({ method: 'POST', url: '/workspace/import', headers: { cookie: ana.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: noReason });
  assert.equal(bad.statusCode, 400, 'a reason is mandatory');
  const noCsrf = await w.app.inject({ method: 'POST', url: '/workspace/import', headers: { cookie: ana.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ content, reason: 'x y z' }).toString() });
  assert.equal(noCsrf.statusCode, 403);
});
