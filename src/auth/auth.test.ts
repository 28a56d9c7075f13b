import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashPassword, verifyPassword } from './password.ts';
import { can, policiesFor, policyTable, requireAccess, ANONYMOUS } from './policies.ts';
import { call, createWorkflowApp, makeUser, runCli, signIn, TEST_SCRYPT } from './testing.ts';
import { hashSecret } from './tokens.ts';
import { login, LOCKOUT } from './service.ts';
import type { HarmwatchError } from '../errors.ts';

test('passwords: scrypt with salt, parameters stored, constant-time verify', async () => {
  const a = await hashPassword('a long enough password', TEST_SCRYPT);
  const b = await hashPassword('a long enough password', TEST_SCRYPT);
  assert.match(a, /^scrypt\$10\$8\$1\$/);
  assert.notEqual(a, b, 'salted');
  assert.equal(await verifyPassword('a long enough password', a), true);
  assert.equal(await verifyPassword('a long enough passwore', a), false);
  assert.equal(await verifyPassword('x', 'garbage'), false);
  assert.equal(await verifyPassword('x', null), false);
});

test('policy table: roles and permissions', () => {
  assert.ok(can('public', 'submission.create'));
  assert.ok(!can('public', 'incident.read_internal'));
  assert.ok(can('analyst', 'grade.propose') && !can('analyst', 'grade.review'));
  assert.ok(can('reviewer', 'grade.review') && !can('reviewer', 'grade.propose'));
  assert.ok(!can('contributor', 'intake.read'));
  assert.deepEqual(policyTable().admin.length, policiesFor({ kind: 'user', role: 'admin', userId: 1, username: 'a', displayName: null, via: 'cli' }).length);
  assert.throws(() => requireAccess(ANONYMOUS, 'grade.review'), (e: HarmwatchError) => e.id === 'UNAUTHORIZED');
  assert.throws(() => requireAccess({ kind: 'user', role: 'contributor', userId: 1, username: 'c', displayName: null, via: 'session' }, 'grade.review'), (e: HarmwatchError) => e.id === 'FORBIDDEN');
});

test('sessions, CSRF, API tokens, lockout, rotation, CLI', async (t) => {
  const { app, db, close } = await createWorkflowApp();
  t.after(close);
  await makeUser(db, 'alice', 'analyst', 'Alice A.');
  await makeUser(db, 'root', 'admin');

  await t.test('login sets an httpOnly SameSite=Lax cookie; only its hash is stored', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'alice', password: 'correct horse battery staple' } });
    assert.equal(r.statusCode, 200);
    const c = r.cookies.find((x) => x.name === 'hw_session');
    assert.ok(c);
    assert.equal(c.httpOnly, true);
    assert.equal(c.sameSite, 'Lax');
    const rows = await db.kysely.selectFrom('sessions').select('id').execute();
    assert.ok(rows.some((s) => s.id === hashSecret(c.value)));
    assert.ok(!rows.some((s) => s.id === c.value), 'the raw token is not stored');
    const body = r.json<{ policies: string[]; data: { user: { role: string } } }>();
    assert.equal(body.data.user.role, 'analyst');
    assert.ok(body.policies.includes('grade.propose'));
  });

  await t.test('/api/me: anonymous and signed in, with policies', async () => {
    const anon = (await app.inject('/api/me')).json<{ data: { signedIn: boolean }; policies: string[] }>();
    assert.equal(anon.data.signedIn, false);
    assert.ok(anon.policies.includes('submission.create') && !anon.policies.includes('intake.read'));
    const s = await signIn(app, 'alice');
    const me = (await call(app, s, 'GET', '/api/me')).json<{ data: { user: { username: string }; csrfToken: string } }>();
    assert.equal(me.data.user.username, 'alice');
    assert.equal(me.data.csrfToken, s.csrf);
  });

  await t.test('unsafe cookie requests need the CSRF token (header or _csrf field)', async () => {
    const s = await signIn(app, 'alice');
    const body = { title: 'x', reason: 'test' };
    const none = await app.inject({ method: 'POST', url: '/api/incidents', headers: { cookie: s.cookie }, payload: body });
    assert.equal(none.statusCode, 403);
    const wrong = await app.inject({ method: 'POST', url: '/api/incidents', headers: { cookie: s.cookie, 'x-csrf-token': 'nope' }, payload: body });
    assert.equal(wrong.statusCode, 403);
    const ok = await call(app, s, 'POST', '/api/incidents', body);
    assert.equal(ok.statusCode, 201, ok.body);
    const field = await app.inject({ method: 'POST', url: '/api/incidents', headers: { cookie: s.cookie }, payload: { ...body, _csrf: s.csrf } });
    assert.notEqual(field.statusCode, 403, 'the _csrf body field works too');
  });

  await t.test('API tokens: Bearer, hashed, no CSRF; bad tokens 401', async () => {
    const r = await runCli(db, ['user', 'token', 'alice', '--name', 'script']);
    assert.equal(r.code, 0);
    const token = (r.out as { data: { token: string } }).data.token;
    const stored = await db.kysely.selectFrom('api_tokens').select('token_hash').execute();
    assert.ok(stored.some((x) => x.token_hash === hashSecret(token)) && !stored.some((x) => x.token_hash === token));
    const created = await app.inject({ method: 'POST', url: '/api/incidents', headers: { authorization: `Bearer ${token}` }, payload: { title: 'by token', reason: 'script' } });
    assert.equal(created.statusCode, 201);
    const bad = await app.inject({ url: '/api/me', headers: { authorization: 'Bearer hwt_nope' } });
    assert.equal(bad.statusCode, 401);
  });

  await t.test('five failed logins lock the account for fifteen minutes', async () => {
    await makeUser(db, 'mallory', 'contributor');
    for (let i = 0; i < LOCKOUT.maxFailures; i++) {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'mallory', password: 'wrong password!' } });
      assert.equal(r.statusCode, 401);
    }
    const locked = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'mallory', password: 'correct horse battery staple' } });
    assert.equal(locked.statusCode, 429);
    const later = await login(db.kysely, { username: 'mallory', password: 'correct horse battery staple', now: new Date(Date.now() + LOCKOUT.lockMs + 1000) });
    assert.equal(later.user.username, 'mallory');
    const expired = await login(db.kysely, { username: 'mallory', password: 'correct horse battery staple', now: new Date(Date.now() - 13 * 3600 * 1000) });
    const r = await app.inject({ url: '/api/me', headers: { cookie: `hw_session=${expired.token}` } });
    assert.equal(r.json<{ data: { signedIn: boolean } }>().data.signedIn, false, 'an expired session is no session');
    const unknown = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'whatever123' } });
    assert.equal(unknown.statusCode, 401);
  });

  await t.test('login rotates the session; a role change or disable ends sessions', async () => {
    const s1 = await signIn(app, 'alice');
    const r = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { cookie: s1.cookie }, payload: { username: 'alice', password: 'correct horse battery staple' } });
    assert.equal(r.statusCode, 200);
    assert.equal((await call(app, s1, 'GET', '/api/me')).json<{ data: { signedIn: boolean } }>().data.signedIn, false, 'old session ended');
    const s2 = await signIn(app, 'alice');
    const admin = await signIn(app, 'root');
    const changed = await call(app, admin, 'POST', '/api/users/alice/role', { role: 'reviewer', reason: 'promotion' });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal((await call(app, s2, 'GET', '/api/me')).json<{ data: { signedIn: boolean } }>().data.signedIn, false);
    const s3 = await signIn(app, 'alice');
    const dis = await runCli(db, ['user', 'disable', 'alice', '--reason', 'left']);
    assert.equal(dis.code, 0);
    assert.equal((await call(app, s3, 'GET', '/api/me')).json<{ data: { signedIn: boolean } }>().data.signedIn, false);
    const list = await runCli(db, ['user', 'list']);
    const users = (list.out as { data: Array<{ username: string; disabled: boolean }> }).data;
    assert.ok(users.find((u) => u.username === 'alice')?.disabled);
    assert.ok(!JSON.stringify(list.out).includes('scrypt'), 'no hashes in listings');
    const added = await runCli(db, ['user', 'add', 'zed', '--role', 'nobody']);
    assert.equal(added.code, 2);
  });
});
