import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from '../web/testing.ts';
import { buildIncident, buildStrikes } from './factories.ts';

test('HTTP: /api/reconcile summary, incidents, series, pipeline, estimate, OpenAPI', async (t) => {
  const { app, db, close } = await createTestApp();
  t.after(close);
  await app.ready();
  const k = db.kysely;
  await buildStrikes(k, [{ date: '2019-04-02', country: 'SY', strikes: 40 }, { date: '2019-05-02', country: 'SY', strikes: 10 }]);
  const ids: number[] = [];
  ids.push((await buildIncident(k, { date: '2019-04-05', country: 'SY', admin1: 'Deir ez-Zor', killed: [5, 6, 9], assessment: { status: 'credible', killed: [5, 5], reason: 'confirmed' } })).id);
  ids.push((await buildIncident(k, { date: '2019-04-09', country: 'SY', admin1: 'Deir ez-Zor', killed: [2, 2, 3], assessment: { status: 'not_credible' } })).id);
  for (let i = 0; i < 18; i++) ids.push((await buildIncident(k, { date: `2019-05-${String(i + 1).padStart(2, '0')}`, country: 'SY', grade: 'weak', killed: [1, 1, 1] })).id);

  await t.test('summary and incidents', async () => {
    const r = await app.inject('/api/reconcile/summary?by=month&country=SY');
    assert.equal(r.statusCode, 200, r.body);
    const s = r.json<{ cells: Array<{ key: string; incidents: { alleged: { value: number; href: string } }; independent: { killed: { low: number | null } }; allegationsPer100Strikes: number | null }>; statements: Array<{ text: string }> }>();
    assert.deepEqual(s.cells.map((c) => [c.key, c.incidents.alleged.value, c.independent.killed.low, c.allegationsPer100Strikes]), [['2019-04', 2, 7, 5], ['2019-05', 18, null, 180]]);
    assert.match(s.statements[0].text, /^Between April 2019 and May 2019 in Syria the coalition declared 50 strikes and conceded 5 civilian deaths/);
    const linked = await app.inject(s.cells[0].incidents.alleged.href);
    assert.equal(linked.statusCode, 200);
    const inc = linked.json<{ total: number; data: Array<{ category: string; gap: { killed: { low: number | null } } }> }>();
    assert.equal(inc.total, 2);
    assert.deepEqual(inc.data.map((d) => [d.category, d.gap.killed.low]), [['conceded_in_full', 0], ['rejected_without_reason', 2]]);
    const bad = await app.inject('/api/reconcile/summary?minGrade=excellent');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<{ error: { id: string } }>().error.id, 'INPUT_INVALID');
    const badCat = await app.inject('/api/reconcile/incidents?category=conceded,open');
    assert.equal(badCat.statusCode, 400);
  });

  await t.test('series for charts', async () => {
    const r = await app.inject('/api/reconcile/series?by=month');
    assert.equal(r.statusCode, 200, r.body);
    const body = r.json<{ points: Array<{ period: string; killedConceded: { min: number | null }; strikes: number | null; assessments: Record<string, number> }> }>();
    assert.deepEqual(body.points.map((p) => [p.period, p.killedConceded.min, p.strikes, p.assessments.not_yet_assessed]), [['2019-04', 5, 40, 0], ['2019-05', null, 10, 18]]);
  });

  await t.test('pipeline', async () => {
    await db.kysely.insertInto('pipeline_reports').values({
      belligerent: 'coalition', period_start: '2019-04-01', period_end: '2019-04-30', carried_over: 122, received: 7,
      completed_credible: 3, completed_not_credible: 15, open_at_end: 111, reopened: 3, deaths_conceded_period: 5,
    }).execute();
    const r = await app.inject('/api/reconcile/pipeline?belligerent=coalition');
    assert.equal(r.statusCode, 200, r.body);
    const p = r.json<{ formula: string; periods: Array<{ balances: boolean | null; checks: { balance: { arithmetic: string } } }> }>();
    assert.equal(p.periods[0].balances, true);
    assert.match(p.periods[0].checks.balance.arithmetic, /= 111; stated open at end 111 ✓/);
  });

  await t.test('estimate from capture lists', async () => {
    const lists = await k.insertInto('capture_lists').values(['a', 'b', 'c'].map((slug) => ({ slug, name: slug, kind: 'incidents' as const }))).returning(['id', 'slug']).execute();
    const patterns = [['a'], ['a'], ['a'], ['a'], ['a'], ['b'], ['b'], ['b'], ['b'], ['c'], ['c'], ['c'], ['a', 'b'], ['a', 'b'], ['a', 'b'], ['a', 'c'], ['a', 'c'], ['b', 'c'], ['b', 'c'], ['a', 'b', 'c']];
    const listId = new Map(lists.map((l) => [l.slug, l.id]));
    const rows = patterns.flatMap((p, i) => p.map((slug) => ({ list_id: listId.get(slug) ?? 0, record_kind: 'incident' as const, record_id: ids[i] })));
    await k.insertInto('list_memberships').values(rows).execute();
    const r = await app.inject('/api/reconcile/estimate');
    assert.equal(r.statusCode, 200, r.body);
    const e = r.json<{ lists: string[]; strata: Array<{ documented: number; estimate: number | null }> }>();
    assert.deepEqual(e.lists, ['a', 'b', 'c']);
    assert.equal(e.strata[0].documented, 20);
    assert.ok(e.strata[0].estimate == null || e.strata[0].estimate >= 20);
  });

  await t.test('OpenAPI documents the routes', async () => {
    const spec = (await app.inject('/openapi.json')).json<{ paths: Record<string, unknown> }>();
    for (const p of ['summary', 'incidents', 'series', 'pipeline', 'estimate']) assert.ok(spec.paths[`/api/reconcile/${p}`], p);
  });
});
