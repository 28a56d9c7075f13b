/**
 * Concurrency: the server on a loopback listener under 50 concurrent clients mixing reads,
 * incident creation and edits, grade proposals and public submissions, for a bounded time and
 * request count (short ~10 s; long 60 s with HARMWATCH_RELIABILITY=long). Every acknowledged
 * write is present afterwards, no answer is 5xx, and concurrent edits of one incident either
 * win or get 409 VERSION_CONFLICT, never a lost update. (A second process opening the PGlite
 * folder is refused: test/foundation-cli.test.ts.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDb } from '../../src/db/testing.ts';
import { TokenBuckets } from '../../src/submissions/limits.ts';
import { makeUser, signIn, TEST_PASSWORD } from '../../src/auth/testing.ts';
import { buildFullApp, fingerprint, LONG, mulberry32, postFromLoopback, recordStats, seedFor, testConfig } from './harness.ts';

const CLIENTS = 50;
const SECONDS = Number(process.env.HARMWATCH_CONCURRENCY_S ?? (LONG ? 60 : 10));
const MAX_REQUESTS = LONG ? 200_000 : 20_000;

interface Workflow {
  data: { id: string; version: number; summary: string | null };
}

test(`${CLIENTS} concurrent clients for ${SECONDS} s: every write kept, no 5xx, no lost update`, async (t) => {
  const seed = seedFor('concurrency/load');
  const db = await createTestDb();
  const config = testConfig({ apiRatePerMinute: 100_000_000 });
  const app = await buildFullApp({ db, config, startedAt: new Date() }, { buckets: new TokenBuckets(1_000_000, 1) });
  await app.listen({ host: '127.0.0.1', port: 0 });
  t.after(async () => {
    await app.close();
    await db.close();
  });
  const port = (app.server.address() as { port: number }).port;
  const base = `http://127.0.0.1:${port}`;
  const tokens: string[] = [];
  for (const name of ['ana', 'basil', 'carla']) {
    await makeUser(db, name, 'analyst');
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: name, password: TEST_PASSWORD } });
    const s = login.cookies.find((c) => c.name === 'hw_session');
    const csrf = login.json<{ data: { csrfToken: string } }>().data.csrfToken;
    const tok = await app.inject({ method: 'POST', url: '/api/me/tokens', headers: { cookie: `hw_session=${s?.value}`, 'x-csrf-token': csrf }, payload: { name: 'load' } });
    assert.equal(tok.statusCode, 201, tok.body);
    tokens.push(tok.json<{ data: { token: string } }>().data.token);
  }
  const auth = (i: number): Record<string, string> => ({ authorization: `Bearer ${tokens[i % tokens.length]}`, 'content-type': 'application/json' });

  const ackedSubmissions: string[] = [];
  const ackedIncidents: string[] = [];
  /** Per incident: the summaries acknowledged, with the version each produced. */
  const edits = new Map<string, Array<{ version: number; summary: string }>>();
  let conflicts = 0;
  let requests = 0;
  let serverErrors = 0;
  const errors: string[] = [];
  const deadline = Date.now() + SECONDS * 1000;

  const call = async (method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<{ status: number; text: string }> => {
    requests++;
    const r = await fetch(`${base}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}), signal: AbortSignal.timeout(60_000) });
    const text = await r.text();
    if (r.status >= 500) {
      serverErrors++;
      errors.push(`${method} ${path} → ${r.status} ${text.slice(0, 200)}`);
    }
    return { status: r.status, text };
  };

  const client = async (c: number): Promise<void> => {
    const rand = mulberry32(seed + c);
    for (let i = 0; Date.now() < deadline && requests < MAX_REQUESTS; i++) {
      const dice = rand();
      if (dice < 0.35) {
        const path = ['/api/health', '/api/strikes?limit=5', '/api/incidents?limit=5', '/api/reconcile/summary', '/'][Math.floor(rand() * 5)] ?? '/api/health';
        const r = await call('GET', path, {});
        assert.ok(r.status < 500);
      } else if (dice < 0.55) {
        requests++;
        const r = await postFromLoopback(port, '/api/submissions', { text: `Client ${c} report ${i}: a strike hit a house near Raqqa.`, place: 'Raqqa' });
        if (r.status >= 500) {
          serverErrors++;
          errors.push(`POST /api/submissions → ${r.status} ${r.text.slice(0, 200)}`);
        }
        if (r.status === 201) ackedSubmissions.push((JSON.parse(r.text) as { data: { referenceCode: string } }).data.referenceCode);
      } else if (dice < 0.65 || ackedIncidents.length === 0) {
        const r = await call('POST', '/api/incidents', auth(c), { title: `Load incident ${c}-${i}`, summary: 'created', country: 'SY', reason: 'load test' });
        if (r.status === 201) ackedIncidents.push((JSON.parse(r.text) as Workflow).data.id);
        else if (r.status !== 429) errors.push(`create → ${r.status} ${r.text.slice(0, 200)}`);
      } else if (dice < 0.9) {
        const id = ackedIncidents[Math.floor(rand() * ackedIncidents.length)] ?? '';
        const wf = await call('GET', `/api/incidents/${id}/workflow`, auth(c));
        if (wf.status !== 200) continue;
        const version = (JSON.parse(wf.text) as Workflow).data.version;
        const summary = `edit by client ${c} #${i}`;
        const r = await call('PATCH', `/api/incidents/${id}`, auth(c), { version, summary, reason: 'load test edit' });
        if (r.status === 200) {
          const list = edits.get(id) ?? [];
          list.push({ version: (JSON.parse(r.text) as Workflow).data.version, summary });
          edits.set(id, list);
        } else if (r.status === 409) {
          assert.match(r.text, /VERSION_CONFLICT/);
          conflicts++;
        } else errors.push(`PATCH → ${r.status} ${r.text.slice(0, 200)}`);
      } else {
        const id = ackedIncidents[Math.floor(rand() * ackedIncidents.length)] ?? '';
        const r = await call('POST', `/api/incidents/${id}/grade-decisions`, auth(c), { grade: 'weak', reason: 'load test grading' });
        assert.ok(r.status < 500);
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));

  assert.deepEqual(errors.filter((e) => / → 5\d\d /.test(e)), [], 'no 5xx');
  assert.equal(serverErrors, 0);
  const stored = new Set((await sql<{ r: string }>`select reference_code as r from submission_contacts`.execute(db.kysely)).rows.map((x) => x.r));
  const lostSubs = ackedSubmissions.filter((r) => !stored.has(r));
  assert.deepEqual(lostSubs, [], 'every acknowledged submission stored');
  const incidents = new Map((await sql<{ public_id: string; version: number; summary: string | null }>`select public_id, version, summary from incidents`.execute(db.kysely)).rows.map((r) => [r.public_id, r]));
  let lostEdits = 0;
  for (const id of ackedIncidents) assert.ok(incidents.has(id), `incident ${id} stored`);
  for (const [id, list] of edits) {
    const row = incidents.get(id);
    assert.ok(row);
    const versions = list.map((e) => e.version).sort((a, b) => a - b);
    assert.equal(new Set(versions).size, versions.length, `${id}: two acknowledged edits produced the same version (a lost update)`);
    const last = list.reduce((a, b) => (b.version > a.version ? b : a));
    assert.equal(Number(row.version), Math.max(...versions), `${id}: version`);
    if (row.summary !== last.summary) lostEdits++;
  }
  assert.equal(lostEdits, 0, 'the last acknowledged edit of each incident is what is stored');
  const f = await fingerprint(db);
  assert.ok(f.auditOk, 'audit chain verifies after the load');
  const acknowledged = ackedSubmissions.length + ackedIncidents.length + [...edits.values()].reduce((a, l) => a + l.length, 0);
  console.log(`# load: ${requests} requests, ${ackedSubmissions.length} submissions, ${ackedIncidents.length} incidents, ${acknowledged - ackedSubmissions.length - ackedIncidents.length} edits, ${conflicts} version conflicts`);
  assert.ok(ackedSubmissions.length > 0 && ackedIncidents.length > 0, 'writes of each kind were acknowledged');
  recordStats({ scenario: 'concurrency: 50 clients', acknowledged, found: acknowledged - lostSubs.length - lostEdits, serverErrors, badInputs: 0 });
});

test('two analysts editing the same incident: one wins, the other gets 409 VERSION_CONFLICT, nothing lost', async (t) => {
  const db = await createTestDb();
  const app = await buildFullApp({ db, config: testConfig({ apiRatePerMinute: 1_000_000 }), startedAt: new Date() });
  t.after(async () => {
    await app.close();
    await db.close();
  });
  await makeUser(db, 'dina', 'analyst');
  await makeUser(db, 'emre', 'analyst');
  const dina = await signIn(app, 'dina');
  const emre = await signIn(app, 'emre');
  const h = (s: { cookie: string; csrf: string }): Record<string, string> => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });
  const created = await app.inject({ method: 'POST', url: '/api/incidents', headers: h(dina), payload: { title: 'Shared', summary: 'v1', reason: 'test' } });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json<Workflow>().data.id;
  let wins = 0;
  let conflicts = 0;
  for (let round = 0; round < (LONG ? 50 : 10); round++) {
    const version = (await app.inject({ method: 'GET', url: `/api/incidents/${id}/workflow`, headers: h(dina) })).json<Workflow>().data.version;
    const [a, b] = await Promise.all([
      app.inject({ method: 'PATCH', url: `/api/incidents/${id}`, headers: h(dina), payload: { version, summary: `dina ${round}`, reason: 'edit' } }),
      app.inject({ method: 'PATCH', url: `/api/incidents/${id}`, headers: h(emre), payload: { version, summary: `emre ${round}`, reason: 'edit' } }),
    ]);
    const codes = [a.statusCode, b.statusCode].sort();
    assert.deepEqual(codes, [200, 409], `round ${round}: ${a.body.slice(0, 200)} | ${b.body.slice(0, 200)}`);
    const loser = a.statusCode === 409 ? a : b;
    const winner = a.statusCode === 200 ? a : b;
    assert.equal(loser.json<{ error: { id: string } }>().error.id, 'VERSION_CONFLICT');
    const now = await app.inject({ method: 'GET', url: `/api/incidents/${id}/workflow`, headers: h(emre) });
    assert.equal(now.json<Workflow>().data.summary, winner.json<Workflow>().data.summary, 'the winner\'s edit is what is stored');
    assert.equal(now.json<Workflow>().data.version, version + 1);
    wins++;
    conflicts++;
  }
  assert.ok((await fingerprint(db)).auditOk);
  recordStats({ scenario: 'concurrency: version conflicts', acknowledged: wins, found: wins, faults: conflicts });
});
