import { test } from 'node:test';
import assert from 'node:assert/strict';
import { call, createWorkflowApp, listRoutes, makePublishedIncident, makeUser, runCli, signIn } from '../auth/testing.ts';

test('no restricted value reaches any public response', async (t) => {
  const { app, db, close } = await createWorkflowApp();
  t.after(close);
  await makeUser(db, 'ana', 'analyst');
  const ana = await signIn(app, 'ana');
  const token = ((await runCli(db, ['user', 'token', 'ana', '--name', 'leak-test'])).out as { data: { token: string } }).data.token;

  // a restricted submission (never accepted) and an accepted one whose text carries personal data
  const secretText = 'RESTRICTED-ACCOUNT-7781 the strike hit my house';
  await call(app, null, 'POST', '/api/submissions', { text: secretText, contactEmail: 'hidden.contact@example.org', name: 'Hidden Name' });
  await call(app, null, 'POST', '/api/submissions', { text: 'My name is Yusuf Karim, phone +964 770 123 4567, mail yusuf.k@example.com. A strike killed two.' });
  const queue = (await call(app, ana, 'GET', '/api/intake')).json<{ data: Array<{ sourceId: number; text: string }> }>().data;
  const accepted = queue.find((q) => q.text.includes('Yusuf'));
  assert.ok(accepted);
  await call(app, ana, 'POST', `/api/intake/${accepted.sourceId}/decision`, { decision: 'accept', reason: 'checked' });
  const publicId = await makePublishedIncident(db, { notes: 'INTERNAL-NOTE-5521' });
  const linked = await call(app, ana, 'PATCH', `/api/incidents/${publicId}`, {
    version: 1, sourceIds: [accepted.sourceId], summary: 'Witness: my name is Yusuf Karim, call 0770 123 4567', reason: 'link witness',
  });
  assert.equal(linked.statusCode, 200, linked.body);
  await call(app, ana, 'PUT', `/api/incidents/${publicId}/assessments/coalition`, { status: 'not_credible', statedReason: 'contact yusuf.k@example.com said otherwise', reason: 'report' });

  const users = await db.kysely.selectFrom('users').select('password_hash').execute();
  const sessions = await db.kysely.selectFrom('sessions').select(['id', 'csrf_token']).execute();
  const tokens = await db.kysely.selectFrom('api_tokens').select('token_hash').execute();
  const restricted = [
    'hidden.contact@example.org', 'Hidden Name', secretText, 'INTERNAL-NOTE-5521', token, ana.token,
    ...users.map((u) => u.password_hash ?? '').filter(Boolean), ...sessions.flatMap((s) => [s.id, s.csrf_token]), ...tokens.map((x) => x.token_hash),
  ];
  const personal = ['Yusuf Karim', '770 123 4567', 'yusuf.k@example.com'];

  const fill = (p: string): string => p.replace(/\/incidents\/:[\w|:]+/, `/incidents/${publicId}`).replace(/:id\b/, '1').replace(':belligerent', 'coalition');
  const gets = listRoutes(app).filter(([m, p]) => m === 'GET' && !p.includes('*') && !/:(decisionId|sourceId|username)/.test(p));
  const mine = new Set([...app.routeActions.keys()]);
  let bodies = 0;
  for (const [method, path] of gets) {
    for (const url of [fill(path), `${fill(path)}${path.includes('?') ? '&' : '?'}lang=ar`]) {
      const r = await app.inject({ method: 'GET', url });
      bodies++;
      for (const v of restricted) assert.ok(!r.body.includes(v), `${url} leaks a restricted value (${v.slice(0, 12)}…)`);
      if (mine.has(`${method} ${path}`)) for (const v of personal) assert.ok(!r.body.includes(v), `${url} shows personal data "${v}"`);
    }
  }
  assert.ok(bodies > 20);
  const wf = await app.inject(`/api/incidents/${publicId}/workflow`);
  assert.match(wf.body, /\[name removed\]/);
  assert.match(wf.body, /\[phone removed\]/);
  assert.match(wf.body, /\[email removed\]/);
});
