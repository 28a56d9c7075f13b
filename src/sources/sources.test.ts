import { test } from 'node:test';
import assert from 'node:assert/strict';
import { call, createWorkflowApp, makeUser, signIn } from '../auth/testing.ts';
import { buildClaim, buildSource } from '../claims/factories.ts';
import { buildIncident } from '../incidents/factories.ts';

interface SourceOut {
  id: number; sha256: string; capturedAt: string; text: string | null; publisher: string | null; url: string | null;
  versions: Array<{ id: number; version: number }>; claims: Array<{ id: number; quote: string; span: [number, number]; min: number | null; incident: { id: string } | null }>;
}

test('a source: the public sees its hash, capture time, versions and the claims behind published incidents; staff also see the text', async (t) => {
  const w = await createWorkflowApp();
  t.after(() => w.close());
  const db = w.db.kysely;
  const text = 'Five civilians were killed in Mosul on Friday. A draft figure of 9 is being checked.';
  const published = await buildIncident(db);
  const draft = await buildIncident(db, { status: 'draft' } as never);
  const key = 'url:https://example.org/mosul';
  const v1 = await buildSource(db, { source_key: key, version: 1, text: 'old text' });
  const id = await buildSource(db, { source_key: key, version: 2, supersedes_id: v1, text });
  const publicClaim = await buildClaim(db, { source_id: id, incident_id: published.id, quote: 'Five civilians were killed in Mosul', span_start: 0, span_end: 35 });
  await buildClaim(db, { source_id: id, incident_id: draft.id, min: 9, max: 9, quote: 'A draft figure of 9', span_start: 47, span_end: 66 });

  const anon = await w.app.inject({ method: 'GET', url: `/api/sources/${id}` });
  assert.equal(anon.statusCode, 200, anon.body);
  const a = anon.json<{ data: SourceOut }>().data;
  assert.match(a.sha256, /^[0-9a-f]{64}$/);
  assert.equal(a.text, null, 'the public does not get the captured text');
  assert.deepEqual(a.versions.map((v) => v.version), [1, 2]);
  assert.deepEqual(a.claims.map((c) => [c.id, c.incident?.id]), [[publicClaim, published.publicId]], 'only the claim of the published incident');
  assert.equal(text.slice(...a.claims[0].span), a.claims[0].quote, 'the span points at the quote');

  await makeUser(w.db, 'ana', 'analyst');
  const staff = (await call(w.app, await signIn(w.app, 'ana'), 'GET', `/api/sources/${id}`)).json<{ data: SourceOut }>().data;
  assert.equal(staff.text, text);
  assert.equal(staff.claims.length, 2);

  const page = await w.app.inject({ method: 'GET', url: `/sources/${id}?lang=ar` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /dir="rtl"/);
  assert.match(page.body, new RegExp(a.sha256));
  assert.match(page.body, /Five civilians were killed in Mosul/);
  assert.doesNotMatch(page.body, /A draft figure/);
  const staffPage = await call(w.app, await signIn(w.app, 'ana'), 'GET', `/sources/${id}`);
  assert.match(staffPage.body, /<mark id="claim-\d+">Five civilians were killed in Mosul<\/mark>/);
});

test('a source that is not public is not found for the public; a submission never shows its publisher, URL or unredacted text', async (t) => {
  const w = await createWorkflowApp();
  t.after(() => w.close());
  const db = w.db.kysely;
  const restricted = await buildSource(db, { visibility: 'restricted', text: 'secret' });
  assert.equal((await w.app.inject({ method: 'GET', url: `/api/sources/${restricted}` })).statusCode, 404);
  assert.equal((await w.app.inject({ method: 'GET', url: '/api/sources/999999' })).statusCode, 404);
  const unverified = await buildSource(db, { type: 'public_submission', status: 'unverified', text: 'my phone is +963 944 123 456' });
  assert.equal((await w.app.inject({ method: 'GET', url: `/api/sources/${unverified}` })).statusCode, 404);
  const accepted = await buildSource(db, { type: 'public_submission', status: 'accepted', publisher: 'Witness Name', url: 'https://example.org/w', text: 'call me at +963 944 123 456' });
  await makeUser(w.db, 'ana', 'analyst');
  const r = await call(w.app, await signIn(w.app, 'ana'), 'GET', `/api/sources/${accepted}`);
  const d = r.json<{ data: SourceOut }>().data;
  assert.equal(d.publisher, null);
  assert.equal(d.url, null);
  assert.doesNotMatch(d.text ?? '', /944 123 456/);
});
