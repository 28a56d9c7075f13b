/**
 * Security: headers on every page, secrets never in logs, restricted values never in responses,
 * production dependencies free of high/critical advisories (HARMWATCH_NPM_AUDIT=1), rate limits
 * on sign-in and submissions. The permission matrix (every route × every role) is tested by
 * src/auth/routes-walk.test.ts and the full leak walk by src/privacy/leak.test.ts; not repeated here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import { createTestDb } from '../../src/db/testing.ts';
import { createUser } from '../../src/auth/service.ts';
import { makePublishedIncident, makeUser, signIn, TEST_PASSWORD, TEST_SCRYPT } from '../../src/auth/testing.ts';
import { buildFullApp, exited, fillPath, recordStats, routesOf, seededCliTarget, startServer, testConfig } from './harness.ts';

test('every page and API answer carries the security headers; pages have no inline scripts', async (t) => {
  const db = await createTestDb();
  const app = await buildFullApp({ db, config: testConfig({ apiRatePerMinute: 1_000_000 }), startedAt: new Date() });
  t.after(async () => {
    await app.close();
    await db.close();
  });
  const publicId = await makePublishedIncident(db);
  const gets = routesOf(app).filter(([m]) => m === 'GET');
  assert.ok(gets.length >= 20);
  for (const [, path] of gets) {
    const url = fillPath(path, (p) => (p === 'id' && path.includes('incidents') ? publicId : p === 'id' ? '1' : 'x'));
    for (const accept of ['text/html', 'application/json']) {
      const r = await app.inject({ method: 'GET', url, headers: { accept } });
      const where = `GET ${url} (${accept}) → ${r.statusCode}`;
      const csp = String(r.headers['content-security-policy'] ?? '');
      assert.match(csp, /default-src 'self'/, where);
      assert.match(csp, /frame-ancestors 'none'/, where);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, where);
      const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? /default-src ([^;]+)/.exec(csp)?.[1] ?? '';
      assert.doesNotMatch(scriptSrc, /\*|data:|unsafe/, where);
      assert.equal(r.headers['x-content-type-options'], 'nosniff', where);
      assert.ok(['same-origin', 'no-referrer', 'strict-origin'].includes(String(r.headers['referrer-policy'])), where);
      if (String(r.headers['content-type']).startsWith('text/html')) {
        const inline = /<script(?![^>]*\bsrc=)[^>]*>/i.exec(r.body);
        assert.equal(inline, null, `${where}: inline script ${inline?.[0]}`);
        assert.doesNotMatch(r.body, /\son[a-z]+\s*=\s*["']/i, `${where}: inline event handler`);
      }
    }
  }
  recordStats({ scenario: 'security: headers on every page', badInputs: 0 });
});

test('secrets never reach the logs or any response: password, session, CSRF and API tokens, contact e-mail', async (t) => {
  const target = await seededCliTarget();
  t.after(() => target.cleanup());
  const password = 'Sesame-OPEN-4417-correct-horse';
  const email = 'witness.private.7781@example.org';
  {
    const db = await target.open();
    try {
      await createUser(db.kysely, 'test', { username: 'sec-admin', role: 'admin', password, displayName: null, scrypt: TEST_SCRYPT }, 'test user');
    } finally {
      await db.close();
    }
  }
  // List the routes on a scratch app (same plugins as the server child).
  const scratchDb = await createTestDb();
  const scratch = await buildFullApp({ db: scratchDb, config: testConfig(), startedAt: new Date() });
  const gets = routesOf(scratch).filter(([m, p]) => m === 'GET' && !p.endsWith('.csv') && !p.endsWith('.geojson'));
  await scratch.close();
  await scratchDb.close();

  const server = await startServer(target);
  const base = `http://127.0.0.1:${server.port}`;
  const bodies: string[] = [];
  let stderr = '';
  try {
    const wrong = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'sec-admin', password: `${password}-wrong` }) });
    assert.equal(wrong.status, 401);
    bodies.push(await wrong.text());
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'sec-admin', password }) });
    const loginBody = await login.text();
    assert.equal(login.status, 200, loginBody);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const session = cookie.split('=')[1] ?? '';
    const csrf = (JSON.parse(loginBody) as { data: { csrfToken: string } }).data.csrfToken;
    assert.ok(session.length > 10 && csrf.length > 10);
    const tok = await fetch(`${base}/api/me/tokens`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf }, body: JSON.stringify({ name: 'security-test' }) });
    const tokBody = await tok.text();
    assert.equal(tok.status, 201, tokBody);
    const apiToken = (JSON.parse(tokBody) as { data: { token: string } }).data.token;
    const me = await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${apiToken}` } });
    assert.equal(me.status, 200);
    bodies.push(await me.text());
    const sub = await fetch(`${base}/api/submissions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'A strike hit our street near Hajin at night.', contactEmail: email, name: 'Private Name Qx' }) });
    assert.equal(sub.status, 201, await sub.clone().text());
    bodies.push(await sub.text());
    // a request that fails validation with secrets in it, and one with a revoked-looking token
    bodies.push(await (await fetch(`${base}/api/submissions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'short', contactEmail: `${email}x@@`, password }) })).text());
    bodies.push(await (await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${apiToken}x` } })).text());
    // every GET route, anonymously and as the admin
    for (const [, path] of gets) {
      const url = `${base}${fillPath(path, () => '1')}`;
      bodies.push(await (await fetch(url)).text());
      bodies.push(await (await fetch(url, { headers: { authorization: `Bearer ${apiToken}` } })).text());
    }
    const secrets: Array<[string, string]> = [['password', password], ['session token', session], ['CSRF token', csrf], ['API token', apiToken], ['contact e-mail', email], ['submitter name', 'Private Name Qx']];
    server.child.kill('SIGTERM');
    await exited(server.child);
    stderr = server.stderr();
    for (const [what, value] of secrets) assert.ok(!stderr.includes(value), `${what} in the server's log`);
    const db = await target.open();
    try {
      const hashes = [
        ...(await sql<{ v: string }>`select password_hash as v from users`.execute(db.kysely)).rows.map((r) => ['password hash', r.v] as [string, string]),
        ...(await sql<{ v: string }>`select token_hash as v from api_tokens`.execute(db.kysely)).rows.map((r) => ['API token hash', r.v] as [string, string]),
        ...(await sql<{ v: string }>`select id::text as v from sessions`.execute(db.kysely)).rows.map((r) => ['session id', r.v] as [string, string]),
      ].filter(([, v]) => v.length >= 16);
      const all = bodies.join('\n');
      for (const [what, value] of [...secrets.filter(([w]) => w !== 'session token' && w !== 'CSRF token'), ...hashes]) {
        assert.ok(!all.includes(value), `${what} in an API response`);
        assert.ok(!stderr.includes(value), `${what} in the log`);
      }
      const audit = (await sql<{ v: string }>`select coalesce(before::text, '') || coalesce(after::text, '') || coalesce(reason, '') as v from audit_events where visibility = 'public'`.execute(db.kysely)).rows.map((r) => r.v).join('\n');
      for (const [what, value] of [...secrets, ...hashes]) assert.ok(!audit.includes(value), `${what} in a public audit payload`);
    } finally {
      await db.close();
    }
  } finally {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
  }
  recordStats({ scenario: 'security: secrets in logs and responses', badInputs: bodies.length });
});

test('rate limits: failed sign-ins lock the account (429), submissions per address (429)', async (t) => {
  const db = await createTestDb();
  const app = await buildFullApp({ db, config: testConfig({ apiRatePerMinute: 1_000_000 }), startedAt: new Date() });
  t.after(async () => {
    await app.close();
    await db.close();
  });
  await makeUser(db, 'rl-user', 'analyst');
  const codes: number[] = [];
  for (let i = 0; i < 7; i++) {
    codes.push((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'rl-user', password: `wrong-${i}` } })).statusCode);
  }
  assert.ok(codes.slice(0, 5).every((c) => c === 401 || c === 429), codes.join(','));
  assert.equal(codes[6], 429, `sign-ins after 5 failures are refused: ${codes.join(',')}`);
  const locked = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'rl-user', password: TEST_PASSWORD } });
  assert.equal(locked.statusCode, 429, 'even the right password waits out the lock');
  const subs: number[] = [];
  for (let i = 0; i < 8; i++) {
    subs.push((await app.inject({ method: 'POST', url: '/api/submissions', payload: { text: `Submission number ${i} about a strike near Raqqa.` } })).statusCode);
  }
  assert.ok(subs.slice(0, 5).every((c) => c === 201), subs.join(','));
  assert.ok(subs.slice(5).every((c) => c === 429), subs.join(','));
  const s = await signIn(app, 'rl-user').catch(() => null);
  assert.equal(s, null);
  recordStats({ scenario: 'security: rate limits', badInputs: codes.length + subs.length });
});

test('npm audit: no high or critical advisories in production dependencies (HARMWATCH_NPM_AUDIT=1)', (t) => {
  if (process.env.HARMWATCH_NPM_AUDIT !== '1') {
    t.skip('needs registry access; run with HARMWATCH_NPM_AUDIT=1');
    return;
  }
  const r = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { cwd: new URL('../../', import.meta.url).pathname, encoding: 'utf8', timeout: 120_000 });
  let report: { metadata?: { vulnerabilities?: Record<string, number> }; error?: { summary?: string } };
  try {
    report = JSON.parse(r.stdout) as typeof report;
  } catch {
    throw new Error(`npm audit gave no report (exit ${r.status}): ${r.stderr.slice(0, 500)}`);
  }
  assert.equal(report.error, undefined, `npm audit could not run: ${report.error?.summary ?? ''}`);
  const v = report.metadata?.vulnerabilities ?? {};
  assert.equal((v.high ?? 0) + (v.critical ?? 0), 0, `npm audit: ${JSON.stringify(v)}`);
});
