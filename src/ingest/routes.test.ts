import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { call, createWorkflowApp, makeUser, signIn, type Session } from '../auth/testing.ts';
import { AIRWARS_INCIDENT_COLUMNS } from './airwars.ts';

const fixture = (name: string): Buffer => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

interface Job {
  id: string; status: string; file: string; sha256: string; bytes: number;
  result: { imported: number; unchanged: number; updated: number; read: number; rejected: Array<{ row: number; field: string; file: string }>; warningCounts: Record<string, number> } | null;
  error: { id: string; message: string } | null;
  links: { self: string };
}

async function upload(app: FastifyInstance, s: Session | null, kind: string, body: Buffer | string, query: Record<string, string> = {}, contentType = 'text/csv'): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (s) {
    headers.cookie = s.cookie;
    headers['x-csrf-token'] = s.csrf;
  }
  return app.inject({ method: 'POST', url: `/api/imports/${kind}?${new URLSearchParams(query).toString()}`, headers, payload: body });
}

const job = (r: LightMyRequestResponse): Job => r.json<{ data: Job }>().data;

test('POST /api/sources: an article becomes a source with its SHA-256, claims and linkage; re-posting changes nothing', async (t) => {
  const w = await createWorkflowApp();
  t.after(() => w.close());
  await makeUser(w.db, 'ana', 'analyst');
  await makeUser(w.db, 'con', 'contributor');
  const content = 'Local sources said that at least 12 civilians, including four children, were killed in an air strike on Hajin on 5 January 2019.\n';
  const body = { content, url: 'https://example.org/hajin', publisher: 'Example News', publishedOn: '2019-01-06', language: 'en', reason: 'morning intake' };
  assert.equal((await call(w.app, null, 'POST', '/api/sources', body)).statusCode, 401);
  assert.equal((await call(w.app, await signIn(w.app, 'con'), 'POST', '/api/sources', body)).statusCode, 403);
  const ana = await signIn(w.app, 'ana');
  const r = await call(w.app, ana, 'POST', '/api/sources', body);
  assert.equal(r.statusCode, 201, r.body);
  const d = r.json<{ data: { source: { id: number; sha256: string; version: number; url: string }; claims: number; result: { imported: number }; linkage: { claims: number; created: number } } }>().data;
  assert.equal(d.source.sha256, createHash('sha256').update(content).digest('hex'));
  assert.equal(d.source.version, 1);
  assert.equal(d.result.imported, 1);
  assert.ok(d.claims >= 2, `total and children claims, got ${d.claims}`);
  assert.ok(d.linkage.claims >= 1);
  const stored = await w.db.kysely.selectFrom('claims').select(['min', 'population', 'quote']).where('source_id', '=', d.source.id).execute();
  assert.ok(stored.some((c) => c.min === 12 && content.includes(c.quote)));
  const events = await w.db.kysely.selectFrom('audit_events').select(['actor', 'reason', 'action']).where('action', '=', 'article.imported').execute();
  assert.deepEqual(events.map((e) => [e.actor, e.reason]), [['user:ana', 'morning intake']]);

  const again = await call(w.app, ana, 'POST', '/api/sources', body);
  assert.equal(again.statusCode, 200);
  assert.equal(again.json<{ data: { result: { unchanged: number }; source: { id: number } } }>().data.result.unchanged, 1);
  const changed = await call(w.app, ana, 'POST', '/api/sources', { ...body, content: `${content}Update: the toll rose to 14.\n` });
  assert.equal(changed.statusCode, 201);
  assert.equal(changed.json<{ data: { source: { version: number } } }>().data.source.version, 2, 'same URL, new bytes: a new version');

  const bad = await call(w.app, ana, 'POST', '/api/sources', { url: 'https://example.org/x' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /content/);
});

test('POST /api/imports/<kind>: each importer through the API, with per-row rejections, idempotent re-posts and the audit actor', async (t) => {
  const w = await createWorkflowApp();
  t.after(() => w.close());
  await makeUser(w.db, 'ana', 'analyst');
  const ana = await signIn(w.app, 'ana');
  assert.equal((await upload(w.app, null, 'ucdp', fixture('ucdp-ged-sample.csv'), { wait: 'true' })).statusCode, 401);

  const u = await upload(w.app, ana, 'ucdp', fixture('ucdp-ged-sample.csv'), { wait: 'true', filename: 'ged.csv', reason: 'UCDP refresh' });
  assert.equal(u.statusCode, 200, u.body);
  const uj = job(u);
  assert.equal(uj.status, 'finished');
  assert.equal(uj.sha256, createHash('sha256').update(fixture('ucdp-ged-sample.csv')).digest('hex'));
  assert.equal(uj.result?.imported, 4);
  assert.deepEqual(uj.result?.rejected.map((r) => [r.row, r.field, r.file]), [[5, 'type_of_violence', 'ged.csv'], [6, 'date_start', 'ged.csv']]);
  const again = job(await upload(w.app, ana, 'ucdp', fixture('ucdp-ged-sample.csv'), { wait: 'true', filename: 'ged.csv' }));
  assert.deepEqual([again.result?.imported, again.result?.unchanged], [0, 4]);

  const acled = job(await upload(w.app, ana, 'acled', fixture('acled-sample.csv'), { wait: 'true' }));
  assert.equal(acled.status, 'finished');
  assert.ok((acled.result?.imported ?? 0) > 0);

  const mapping = readFileSync(new URL('./fixtures/generic-mapping.json', import.meta.url), 'utf8');
  const csv = job(await upload(w.app, ana, 'csv', fixture('generic-sample.csv'), { wait: 'true', mapping }));
  assert.equal(csv.status, 'finished');
  assert.deepEqual(csv.result?.rejected.map((r) => [r.row, r.field]), [[4, 'Date'], [5, 'Killed (min)']]);
  const badMapping = await upload(w.app, ana, 'csv', fixture('generic-sample.csv'), { wait: 'true', mapping: JSON.stringify({ claimant: 'x', columns: { A: 'nonsense' } }) });
  assert.equal(badMapping.statusCode, 400);
  assert.match(badMapping.body, /columns\.A/);

  const hxl = job(await upload(w.app, ana, 'hxl', fixture('hxl-sample.csv'), { wait: 'true', claimant: 'HXL monitor' }));
  assert.equal(hxl.status, 'finished');
  assert.ok((hxl.result?.imported ?? 0) > 0);

  const det = job(await upload(w.app, ana, 'determinations', fixture('determinations-sample.csv'), { wait: 'true' }));
  assert.equal(det.status, 'finished');
  assert.ok((det.result?.imported ?? 0) > 0);
  const prose = job(await upload(w.app, ana, 'determinations', fixture('cjtf-oir-2017-03.txt'), { wait: 'true', reportDate: '2017-04-30' }, 'text/plain'));
  assert.equal(prose.status, 'finished');
  assert.match(prose.file, /\.txt$/, 'a text upload is read as a prose report');
  assert.equal(prose.result?.rejected.length, 0);

  const esc = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const row: Record<string, string> = {
    code: 'CS9001', airwars_id: '9001', date: '2017-06-19', date_type: 'date', location_en: 'Raqqa', governorate_en: 'Raqqa', latitude: '35.95',
    longitude: '4239.00416', geoloc_precision: 'neighbourhood_area', belligerent_en: 'U.S.-led Coalition', grading_en: 'Fair', civ_killed_min: '2', civ_killed_max: '4',
    belligerent_assessment: 'coalition:non_credible',
  };
  const airwarsCsv = [AIRWARS_INCIDENT_COLUMNS.join(','), AIRWARS_INCIDENT_COLUMNS.map((c) => esc(row[c] ?? '')).join(',')].join('\n');
  const aw = job(await upload(w.app, ana, 'airwars', airwarsCsv, { wait: 'true', filename: 'incidents.csv', country: 'SY' }));
  assert.equal(aw.status, 'finished', JSON.stringify(aw.error));
  assert.equal(aw.result?.imported, 1);
  assert.ok(Object.keys(aw.result?.warningCounts ?? {}).length > 0, 'the bad longitude is a warning, not silently loaded');

  const events = await w.db.kysely.selectFrom('audit_events').select(['actor', 'reason', 'action']).where('action', '=', 'ucdp.imported').execute();
  assert.deepEqual(events.map((e) => [e.actor, e.reason]), [['user:ana', 'UCDP refresh']]);
  const runs = await call(w.app, ana, 'GET', '/api/imports');
  assert.equal(runs.statusCode, 200);
  assert.ok(runs.json<{ data: Array<{ kind: string; actor: string }> }>().data.some((r) => r.kind === 'ucdp' && r.actor === 'user:ana'));
});

test('POST /api/imports: 202 with a job to poll, dry run writes nothing, a bad file fails the job with a named error, oversized uploads get 413', async (t) => {
  const w = await createWorkflowApp();
  t.after(() => w.close());
  await makeUser(w.db, 'ana', 'analyst');
  const ana = await signIn(w.app, 'ana');
  const r = await upload(w.app, ana, 'ucdp', fixture('ucdp-ged-sample.csv'), { dryRun: 'true' });
  assert.equal(r.statusCode, 202);
  const started = job(r);
  assert.equal(r.headers.location, started.links.self);
  let polled = started;
  for (let i = 0; i < 200 && polled.status === 'running'; i++) {
    await new Promise((res) => setTimeout(res, 25));
    polled = job(await call(w.app, ana, 'GET', started.links.self));
  }
  assert.equal(polled.status, 'finished');
  assert.equal(polled.result?.imported, 4);
  const sources = await w.db.kysely.selectFrom('sources').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  assert.equal(Number(sources.n), 0, 'a dry run writes nothing');

  const notAirwars = job(await upload(w.app, ana, 'airwars', 'a,b\n1,2\n', { wait: 'true' }));
  assert.equal(notAirwars.status, 'failed');
  assert.equal(notAirwars.error?.id, 'INPUT_INVALID');
  assert.equal((await upload(w.app, ana, 'ucdp', '', { wait: 'true' })).statusCode, 400, 'an empty upload');
  assert.equal((await upload(w.app, ana, 'nonsense', 'x', { wait: 'true' })).statusCode, 400);
  assert.equal((await call(w.app, ana, 'GET', '/api/imports/00000000-0000-0000-0000-000000000000')).statusCode, 404);

  w.deps.config.importLimit = 100;
  const big = await upload(w.app, ana, 'ucdp', fixture('ucdp-ged-sample.csv'), { wait: 'true' });
  assert.equal(big.statusCode, 413, big.body);
});
