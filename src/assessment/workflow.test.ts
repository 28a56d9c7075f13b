import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyAudit } from '../audit/service.ts';
import { NO_REASON_GIVEN } from '../model/vocabulary.ts';
import { call, createWorkflowApp, makeUser, runCli, signIn } from '../auth/testing.ts';
import { recordAssessment } from './assessmentRecorder.ts';

interface View { data: { id: string; version: number; status: string; grade: string | null; gradeStatus: string; sources: Array<{ text: string | null }>; signOffs: Array<{ field: string; current: boolean }>; assessments: Array<{ reason: string }> }; policies: string[] }

test('end to end: intake → incident → assessed, graded with review, signed off, published; every step audited', async (t) => {
  const { app, db, close } = await createWorkflowApp();
  t.after(close);
  await makeUser(db, 'ana', 'analyst', 'Ana Analyst');
  await makeUser(db, 'rev', 'reviewer', 'Rev Reviewer');
  const ana = await signIn(app, 'ana');
  const rev = await signIn(app, 'rev');
  const asAna = { HARMWATCH_USER: 'ana' };
  const asRev = { HARMWATCH_USER: 'rev' };

  // 1. two witnesses submit: JSON API and the HTML form
  const s1 = await call(app, null, 'POST', '/api/submissions', {
    text: 'My name is Omar Haddad. An airstrike hit the bakery in al-Mishraq at noon; call me on +963 944 123 456.',
    place: 'al-Mishraq', date: '2017-03-17', contactEmail: 'omar.witness@example.org',
  });
  assert.equal(s1.statusCode, 201, s1.body);
  assert.match(s1.json<{ data: { referenceCode: string } }>().data.referenceCode, /^HWS-/);
  const s2 = await app.inject({ method: 'POST', url: '/submit?lang=ar', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ text: 'قصفت طائرة المخبز في المشراق ظهرا وقتل ثلاثة مدنيين', lang: 'ar', website: '' }).toString() });
  assert.equal(s2.statusCode, 201, s2.body);

  // 2. analysts see the queue (no contact data), accept via API and CLI
  const queue = await call(app, ana, 'GET', '/api/intake');
  assert.equal(queue.statusCode, 200);
  assert.ok(!queue.body.includes('omar.witness@example.org'));
  const items = queue.json<{ data: Array<{ sourceId: number; hasContact: boolean }> }>().data;
  assert.equal(items.length, 2);
  assert.equal(items[0].hasContact, true);
  assert.equal((await call(app, ana, 'POST', `/api/intake/${items[0].sourceId}/decision`, { decision: 'accept', reason: 'consistent with local reports' })).statusCode, 200);
  assert.equal((await runCli(db, ['intake', 'accept', String(items[1].sourceId), '--reason', 'second witness'], asAna)).code, 0);

  // 3. the analyst creates the incident from both sources
  const created = await call(app, ana, 'POST', '/api/incidents', {
    title: 'Strike on bakery, al-Mishraq', dateStart: '2017-03-17', dateEnd: '2017-03-17', datePrecision: 'day', country: 'IQ', placeText: 'al-Mishraq',
    belligerents: ['coalition'], sourceIds: items.map((i) => i.sourceId), notes: 'internal: check with hospital',
    figures: [{ outcome: 'killed', population: 'civilians', low: 3, best: 3, high: 4, rule: 'min/max of claims' }], reason: 'two accepted witness accounts',
  });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json<View>().data.id;

  // 4. assessment via CLI: credible, 2–3 deaths conceded
  const assess = await runCli(db, ['incident', 'assess', id, '--belligerent', 'coalition', '--status', 'credible', '--killed', '2-3',
    '--stated-reason', 'strike on a vehicle; civilians nearby', '--assessed-on', '2017-09-01', '--reason', 'CJTF-OIR monthly report'], asAna);
  assert.equal(assess.code, 0, JSON.stringify(assess.out));
  const suggestion = (await runCli(db, ['incident', 'suggest', id], asAna)).out as { data: { grade: string } };
  assert.equal(suggestion.data.grade, 'confirmed');

  // 5. grade: proposed by the analyst (CLI), not approvable by herself, approved by the reviewer (CLI)
  assert.equal((await runCli(db, ['incident', 'grade', id, '--grade', 'confirmed', '--reason', 'belligerent conceded deaths'], asAna)).code, 0);
  const before = (await call(app, rev, 'GET', `/api/incidents/${id}/workflow`)).json<View>();
  assert.equal(before.data.grade, null, 'nothing changes before review');
  assert.equal(before.data.gradeStatus, 'proposed');
  const decisions = (before.data as unknown as { gradeDecisions: Array<{ id: number }> }).gradeDecisions;
  const self = await call(app, ana, 'POST', `/api/grade-decisions/${decisions[0].id}/review`, { decision: 'approve', reason: 'me' });
  assert.equal(self.statusCode, 403, 'an analyst may not review');
  assert.equal((await runCli(db, ['incident', 'approve', id, '--reason', 'criteria check out'], asRev)).code, 0);

  // 6. edits are versioned: a stale edit is a 409, never a lost update
  const edit = await call(app, ana, 'PATCH', `/api/incidents/${id}`, { version: 1, placeText: 'al-Mishraq, south of Mosul', reason: 'more precise' });
  assert.equal(edit.statusCode, 200, edit.body);
  assert.equal(edit.json<View>().data.version, 2);
  const stale = await call(app, rev, 'PATCH', `/api/incidents/${id}`, { version: 1, title: 'other', reason: 'x' });
  assert.equal(stale.statusCode, 403, 'reviewers do not edit');
  const staleAna = await call(app, ana, 'PATCH', `/api/incidents/${id}`, { version: 1, title: 'lost?', reason: 'stale' });
  assert.equal(staleAna.statusCode, 409);
  assert.equal(staleAna.json<{ error: { id: string } }>().error.id, 'VERSION_CONFLICT');

  // 7. sign-offs: not by the last editor; by the reviewer on the current version (API and CLI)
  assert.equal((await call(app, ana, 'POST', `/api/incidents/${id}/sign-offs`, { field: 'location', version: 2 })).statusCode, 403);
  assert.equal((await call(app, rev, 'POST', `/api/incidents/${id}/sign-offs`, { field: 'location', version: 1 })).statusCode, 409);
  assert.equal((await call(app, rev, 'POST', `/api/incidents/${id}/sign-offs`, { field: 'location', version: 2, note: 'matches imagery' })).statusCode, 201);
  assert.equal((await call(app, rev, 'POST', `/api/incidents/${id}/publish`, { reason: 'too early' })).statusCode, 409, 'date and figures not signed off');
  for (const field of ['date', 'figures']) assert.equal((await runCli(db, ['incident', 'sign-off', id, '--field', field, '--version', '2'], asRev)).code, 0);

  // 8. publish; the public sees it, redacted, with its changelog
  const pub = await call(app, rev, 'POST', `/api/incidents/${id}/publish`, { reason: 'graded, assessed and signed off' });
  assert.equal(pub.statusCode, 200, pub.body);
  const seen = await call(app, null, 'GET', `/api/incidents/${id}/workflow`);
  assert.equal(seen.statusCode, 200);
  const v = seen.json<View>();
  assert.equal(v.data.status, 'published');
  assert.equal(v.data.grade, 'confirmed');
  assert.deepEqual(v.data.signOffs.map((s) => [s.field, s.current]), [['location', true], ['date', true], ['figures', true]]);
  assert.ok(!seen.body.includes('Omar Haddad') && !seen.body.includes('944 123 456') && !seen.body.includes('omar.witness'), seen.body);
  assert.ok(!seen.body.includes('check with hospital'), 'internal notes stay internal');
  assert.match(seen.body, /\[name removed\]/);
  assert.deepEqual(v.policies, ['incident.read', 'assessment.read', 'submission.create', 'changelog.read', 'me.read']);

  const log = await call(app, null, 'GET', `/api/incidents/${id}/changelog`);
  assert.equal(log.statusCode, 200);
  const events = log.json<{ data: Array<{ action: string; actor: { role: string; name: string } }> }>().data;
  const actions = events.map((e) => e.action);
  for (const a of ['assessment.recorded', 'incident.graded', 'incident.signed_off', 'incident.published', 'incident.edited']) assert.ok(actions.includes(a) || a === 'incident.edited', a);
  assert.ok(!actions.includes('grade.proposed') && !actions.includes('incident.created'), 'internal steps stay in the full trail');
  assert.deepEqual(events.find((e) => e.action === 'incident.graded')?.actor, { role: 'reviewer', name: 'Rev Reviewer' });
  const cliLog = await runCli(db, ['incident', 'changelog', id]);
  assert.equal((cliLog.out as { data: unknown[] }).data.length, events.length);

  // 9. the full trail has every step, and still verifies
  const trail = await db.kysely.selectFrom('audit_events').select(['action', 'visibility']).execute();
  for (const a of ['submission.received', 'source.accepted', 'incident.created', 'assessment.recorded', 'grade.proposed', 'incident.graded', 'incident.edited', 'incident.signed_off', 'incident.published']) {
    assert.ok(trail.some((e) => e.action === a), a);
  }
  assert.ok(!JSON.stringify(trail).includes('omar.witness'));
  assert.equal((await verifyAudit(db.kysely)).ok, true);
});

test('assessments: history per change, "no reason given", idempotent re-import, optimistic version', async (t) => {
  const { app, db, close } = await createWorkflowApp();
  t.after(close);
  await makeUser(db, 'ana', 'analyst');
  const ana = await signIn(app, 'ana');
  const id = (await call(app, ana, 'POST', '/api/incidents', { title: 'x', reason: 'test' })).json<View>().data.id;
  const put = (body: Record<string, unknown>) => call(app, ana, 'PUT', `/api/incidents/${id}/assessments/coalition`, body);
  assert.equal((await put({ status: 'open', reason: 'allegation received' })).json<{ data: { result: string } }>().data.result, 'created');
  const closed = await put({ status: 'not_credible', expectedVersion: 1, reason: 'monthly report' });
  assert.equal(closed.json<{ data: { version: number } }>().data.version, 2);
  assert.equal((await put({ status: 'credible', expectedVersion: 1, reason: 'stale' })).statusCode, 409);
  const again = await db.kysely.transaction().execute((tx) => recordAssessment({ actor: 'import:test', reason: 're-import', tx }, { publicId: id, belligerent: 'Coalition', status: 'not_credible' }));
  assert.equal(again.result, 'unchanged');
  const hist = (await call(app, ana, 'GET', `/api/incidents/${id}/assessments/coalition/history`)).json<{ data: Array<{ status: string; reason: string; reasonGiven: boolean; recordedBy: string; changeReason: string }> }>().data;
  assert.deepEqual(hist.map((h) => h.status), ['open', 'not_credible']);
  assert.equal(hist[1].reason, NO_REASON_GIVEN);
  assert.equal(hist[1].reasonGiven, false);
  assert.equal(hist[1].recordedBy, 'user:ana');
  assert.equal(hist[1].changeReason, 'monthly report');
  const bad = await put({ status: 'credible', conceded: { killed: { min: 3, max: 1 } }, reason: 'x' });
  assert.equal(bad.statusCode, 400);
  const rows = await db.kysely.selectFrom('assessments').select(['reason', 'reason_given']).execute();
  assert.equal(rows.filter((r) => !r.reason_given).length, 1, 'rejections without reasons can be counted');
});

test('grade review: one pending proposal, a different reviewer, rejection keeps the grade', async (t) => {
  const { app, db, close } = await createWorkflowApp();
  t.after(close);
  await makeUser(db, 'ana', 'analyst');
  await makeUser(db, 'boss', 'admin');
  const ana = await signIn(app, 'ana');
  const boss = await signIn(app, 'boss');
  const id = (await call(app, ana, 'POST', '/api/incidents', { title: 'x', reason: 'test' })).json<View>().data.id;
  assert.equal((await call(app, ana, 'POST', `/api/incidents/${id}/grade-decisions`, { grade: 'weak', reason: ' ' })).statusCode, 400, 'reason is mandatory');
  const p = await call(app, boss, 'POST', `/api/incidents/${id}/grade-decisions`, { grade: 'weak', reason: 'single witness' });
  assert.equal(p.statusCode, 201);
  assert.equal((await call(app, ana, 'POST', `/api/incidents/${id}/grade-decisions`, { grade: 'fair', reason: 'x' })).statusCode, 409);
  const decisionId = p.json<{ data: { id: number } }>().data.id;
  const own = await call(app, boss, 'POST', `/api/grade-decisions/${decisionId}/review`, { decision: 'approve', reason: 'mine' });
  assert.equal(own.statusCode, 403, 'an admin cannot approve their own proposal either');
  await makeUser(db, 'rev', 'reviewer');
  const rev = await signIn(app, 'rev');
  assert.equal((await call(app, rev, 'POST', `/api/grade-decisions/${decisionId}/review`, { decision: 'reject', reason: 'look for a second source' })).statusCode, 200);
  const v = (await call(app, rev, 'GET', `/api/incidents/${id}/workflow`)).json<View>().data;
  assert.equal(v.grade, null);
  assert.equal(v.gradeStatus, 'unreviewed');
  assert.equal((await call(app, rev, 'POST', `/api/grade-decisions/${decisionId}/review`, { decision: 'approve', reason: 'again' })).statusCode, 409);
  assert.equal((await call(app, null, 'GET', `/api/incidents/${id}/workflow`)).statusCode, 404, 'drafts are not public');
});

test('full audit trail: reviewers see internal events, analysts do not', async (t) => {
  const { app, db, close } = await createWorkflowApp();
  t.after(close);
  await makeUser(db, 'ana', 'analyst');
  await makeUser(db, 'rev', 'reviewer');
  const ana = await signIn(app, 'ana');
  const id = (await call(app, ana, 'POST', '/api/incidents', { title: 'x', reason: 'opened from a report' })).json<View>().data.id;
  assert.equal((await call(app, ana, 'GET', `/api/incidents/${id}/audit`)).statusCode, 403);
  const trail = await call(app, await signIn(app, 'rev'), 'GET', `/api/incidents/${id}/audit`);
  assert.equal(trail.statusCode, 200);
  assert.deepEqual(trail.json<{ data: Array<{ action: string; visibility: string }> }>().data.map((e) => [e.action, e.visibility]), [['incident.created', 'internal']]);
});
