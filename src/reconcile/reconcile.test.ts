import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDb } from '../db/testing.ts';
import type { Db } from '../db/connect.ts';
import { verifyAudit } from '../audit/service.ts';
import { buildClaim, buildIncident, buildStrikes } from './factories.ts';
import { gapCategory, concededFor } from './incidentGap.ts';
import { IncidentsQuery, SummaryQuery, type CellJson } from './schema.ts';
import { pipelineAccounts, reconcileIncidents, reconcileSeries, reconcileSummary } from './service.ts';
import { recordPipelineReport, importPipelineCsv } from './pipelineRecorder.ts';

/** Fetches what a figure's link selects, as the API would. */
async function follow(db: Db, href: string) {
  const u = new URL(href, 'http://x');
  assert.equal(u.pathname, '/api/reconcile/incidents');
  const q = IncidentsQuery.parse({ ...Object.fromEntries(u.searchParams), limit: '1000' });
  return reconcileIncidents(db.kysely, q);
}

/** Every count link returns exactly the incidents counted; every figure link the incidents summed. */
async function checkLinks(db: Db, cell: CellJson): Promise<void> {
  for (const [name, fig] of Object.entries(cell.incidents)) {
    const r = await follow(db, fig.href);
    assert.equal(r.total, fig.value, `${cell.key} ${name}: ${fig.href}`);
  }
  for (const outcome of ['killed', 'injured'] as const) {
    const fig = cell.independent[outcome];
    const r = await follow(db, fig.href);
    assert.equal(r.total, fig.incidents, `${cell.key} ${outcome}`);
    const sum = (k: 'low' | 'best' | 'high') => {
      const known = r.data.map((d) => d.independent[outcome][k]).filter((v): v is number => v != null);
      return known.length ? known.reduce((a, b) => a + b, 0) : null;
    };
    assert.deepEqual([sum('low'), sum('best'), sum('high')], [fig.low, fig.best, fig.high], `${cell.key} ${outcome} sums`);
    const c = await follow(db, cell.conceded[outcome].href);
    const conceded = c.data.map((d) => concededFor(d.category, d.official.conceded[outcome]).min).filter((v): v is number => v != null);
    assert.equal(conceded.length ? conceded.reduce((a, b) => a + b, 0) : null, cell.conceded[outcome].min, `${cell.key} conceded ${outcome}`);
  }
}

test('reconciliation: per-incident gaps, aggregates, statements, claims and pipeline on one data set', async (t) => {
  const db = await createTestDb();
  t.after(() => db.close());
  const k = db.kysely;
  await buildStrikes(k, [
    { date: '2017-03-05', country: 'IQ', strikes: 6 }, { date: '2017-03-06', country: 'IQ', strikes: 4 },
    { date: '2017-03-07', country: 'SY', strikes: 5 }, { date: '2017-04-01', country: 'IQ', strikes: 20 }, { date: '2018-01-02', country: 'SY', strikes: 3 },
  ]);
  const A = await buildIncident(k, { date: '2017-03-17', grade: 'fair', killed: [10, 12, 15], injured: [2, 3, 4], assessment: { status: 'credible', killed: [10, 10], injured: [2, 2], reason: 'strike confirmed', assessedOn: '2017-05-02' } });
  const B = await buildIncident(k, {
    date: '2017-03-20', grade: 'confirmed', killed: [5, 6, 8],
    assessment: { status: 'credible', killed: [2, 3], reason: 'review', assessedOn: '2017-05-01', history: [{ status: 'not_credible', assessedOn: '2017-04-03' }] },
  });
  const C = await buildIncident(k, { date: '2017-03-25', country: 'SY', admin1: 'Raqqa', killed: [20, 25, 30], assessment: { status: 'not_credible', reason: 'no strike in the area', assessedOn: '2017-04-20' } });
  const D = await buildIncident(k, { date: '2017-04-02', admin1: 'Anbar', grade: 'weak', killed: [3, 3, 3], assessment: { status: 'not_credible', assessedOn: '2017-04-15' } });
  const E = await buildIncident(k, { date: '2017-04-10', killed: [1, 1, 2], fieldVisibility: { place: 'internal', title: 'restricted' } });
  await buildIncident(k, { date: '2017-04-11', status: 'draft', killed: [50, 50, 50] });
  const F = await buildIncident(k, { date: '2017-04-12', country: 'SY', admin1: 'Raqqa', grade: 'contested', assessment: { status: 'duplicate', reason: 'duplicate of an earlier report' } });
  const G = await buildIncident(k, { date: '2018-01-05', country: 'SY', admin1: null, killed: [null, 4, 9], assessment: { status: 'open' } });
  await buildIncident(k, { date: '2017-03-18', country: 'SY', belligerents: ['russia'], killed: [7, 7, 7] });
  await buildIncident(k, { date: '2017-03-19', status: 'merged', killed: [100, 100, 100] });
  const J = await buildIncident(k, { date: null, killed: [2, 2, 2], assessment: { status: 'insufficient_information', reason: 'not enough detail' } });

  await t.test('per incident: categories (SQL = pure function), conceded and gap', async () => {
    const r = await reconcileIncidents(k, IncidentsQuery.parse({ belligerent: 'coalition' }));
    assert.equal(r.total, 8);
    const cat = Object.fromEntries(r.data.map((d) => [d.publicId, d.category]));
    assert.deepEqual([A, B, C, D, E, F, G, J].map((i) => cat[i.publicId]), [
      'conceded_in_full', 'conceded_in_part', 'rejected_with_reason', 'rejected_without_reason', 'not_yet_assessed', 'duplicate', 'not_yet_assessed', 'rejected_with_reason',
    ]);
    for (const d of r.data) {
      const a = d.official.status == null ? null : {
        status: d.official.status, concededKilled: d.official.conceded.killed, concededInjured: d.official.conceded.injured, reasonGiven: d.official.reasonGiven ?? false,
      };
      assert.equal(gapCategory({ killed: d.independent.killed, injured: d.independent.injured, assessment: a }), d.category, d.publicId);
    }
    const b = r.data.find((d) => d.publicId === B.publicId);
    assert.deepEqual(b?.gap.killed, { low: 2, best: 4, high: 6 });
    const c = r.data.find((d) => d.publicId === C.publicId);
    assert.deepEqual(c?.gap.killed, { low: 20, best: 25, high: 30 }, 'a rejection concedes 0');
    assert.equal(c?.official.reasonGiven, true);
    const e = r.data.find((d) => d.publicId === E.publicId);
    assert.deepEqual([e?.title, e?.admin1, e?.country, e?.independent.killed.low], [null, null, 'IQ', 1], 'fields marked internal are not shown');
    const all = await reconcileIncidents(k, IncidentsQuery.parse({}));
    assert.equal(all.total, 9, 'without a belligerent: every (published incident, belligerent) pair; drafts and merged ones left out');
  });

  await t.test('summary totals equal hand-computed sums, and every link selects exactly the incidents counted', async () => {
    const s = await reconcileSummary(k, SummaryQuery.parse({}));
    const i = s.totals.incidents;
    assert.deepEqual(
      [i.alleged.value, i.assessed.value, i.credible.value, i.concededInFull.value, i.concededInPart.value, i.rejectedWithReason.value, i.rejectedWithoutReason.value, i.duplicate.value, i.stillOpen.value],
      [8, 6, 2, 1, 1, 2, 1, 1, 2],
    );
    // fair or better: A, B, C, E, G, J (D is weak, F contested)
    assert.deepEqual(s.totals.independent.killed, { low: 10 + 5 + 20 + 1 + 2, best: 12 + 6 + 25 + 1 + 4 + 2, high: 15 + 8 + 30 + 2 + 9 + 2, incidents: 6, href: s.totals.independent.killed.href });
    assert.deepEqual([s.totals.independent.injured.low, s.totals.independent.injured.incidents], [2, 1]);
    assert.deepEqual([s.totals.conceded.killed.min, s.totals.conceded.killed.max], [12, 13]);
    assert.deepEqual([s.totals.conceded.injured.min, s.totals.conceded.injured.max], [2, 2], 'B conceded no injured figure: left out, not 0');
    assert.deepEqual([s.totals.strikes.declared, s.totals.strikes.lines], [38, 5]);
    assert.equal(s.totals.allegationsPer100Strikes, 21.05);
    assert.equal(s.gradeThreshold.label, 'Fair or better (confirmed + fair)');
    assert.equal(s.statements[0].text,
      'Between March 2017 and January 2018 the coalition declared 38 strikes and conceded 12–13 civilian deaths; independent sources graded Fair or better (confirmed + fair) report 38–66 civilian deaths in 6 incidents; 2 of 8 alleged incidents remain open.');
    assert.equal(s.statements[0].parts.map((p) => p.text).join(''), s.statements[0].text);
    assert.ok(s.statements[0].parts.filter((p) => p.value != null).every((p) => p.href));
    assert.equal(s.statements[1].text, 'Of 8 alleged incidents, 6 were assessed: 2 found credible (1 conceded in full, 1 in part), 2 rejected with a reason, 1 rejected without one, 1 closed as duplicates.');
    await checkLinks(db, s.totals);
    const weak = await reconcileSummary(k, SummaryQuery.parse({ minGrade: 'weak' }));
    assert.equal(weak.totals.independent.killed.low, 38 + 3, 'the threshold is a parameter');
  });

  await t.test('cells by month, country, belligerent and grade; unknown stays null', async () => {
    const m = await reconcileSummary(k, SummaryQuery.parse({ by: 'month' }));
    assert.deepEqual(m.cells.map((c) => [c.key, c.incidents.alleged.value, c.strikes.declared]), [['2017-03', 3, 15], ['2017-04', 3, 20], ['2018-01', 1, 3], [null, 1, null]]);
    assert.deepEqual([m.cells[0].from, m.cells[0].to], ['2017-03-01', '2017-03-31']);
    assert.equal(m.cells[1].independent.killed.low, 1, 'April: D weak, F no figure, E 1');
    assert.equal(m.cells[2].independent.killed.low, null, 'G has no low: null, not 0');
    assert.equal(m.cells[2].conceded.killed.min, null, 'nothing determined in January 2018');
    for (const c of m.cells) await checkLinks(db, c);
    const sy = await reconcileSummary(k, SummaryQuery.parse({ by: 'country', country: 'SY' }));
    assert.deepEqual(sy.cells.map((c) => [c.key, c.incidents.alleged.value, c.strikes.declared]), [['SY', 3, 8]]);
    const b = await reconcileSummary(k, SummaryQuery.parse({ by: 'belligerent' }));
    assert.deepEqual(b.cells.map((c) => [c.key, c.incidents.alleged.value, c.strikes.declared]), [['coalition', 8, 38], ['russia', 1, null]]);
    for (const c of b.cells) await checkLinks(db, c);
    const g = await reconcileSummary(k, SummaryQuery.parse({ by: 'grade' }));
    assert.deepEqual(g.cells.map((c) => [c.key, c.incidents.alleged.value]), [['confirmed', 1], ['contested', 1], ['fair', 5], ['weak', 1]]);
    assert.ok(g.cells.every((c) => c.strikes.declared === null && c.strikes.href === null), 'strikes have no grade');
    const a1 = await reconcileSummary(k, SummaryQuery.parse({ by: 'admin1' }));
    for (const c of a1.cells) await checkLinks(db, c);
    const series = await reconcileSeries(k, { ...SummaryQuery.parse({}), by: 'month' });
    assert.deepEqual(series.points[0], {
      period: '2017-03', killedAlleged: { low: 35, best: 43, high: 53 }, killedConceded: { min: 12, max: 13 },
      assessments: { conceded_in_full: 1, conceded_in_part: 1, rejected_with_reason: 1, rejected_without_reason: 0, duplicate: 0, not_yet_assessed: 0 },
      strikes: 15, href: m.cells[0].incidents.alleged.href,
    });
  });

  await t.test('claims are set against the totals for their own period and place', async () => {
    await buildClaim(k, { type: 'strikes', claimant: 'CJTF-OIR', min: 15, from: '2017-03-01', to: '2017-03-31', place: 'Iraq' });
    await buildClaim(k, { type: 'casualties', claimant: 'Coalition', min: 12 });
    await buildClaim(k, { type: 'casualties', claimant: 'Airwars', min: 30, from: '2017-03-01', to: '2017-03-31', place: 'Syria' });
    await buildClaim(k, { type: 'reports', claimant: 'Airwars', min: 4, from: '2017-04-01', to: '2017-04-30' });
    const s = await reconcileSummary(k, SummaryQuery.parse({}));
    assert.deepEqual(s.claims.map((c) => [c.claimant, c.official, c.computed.what, c.computed.value, c.difference]), [
      ['CJTF-OIR', true, 'declared strikes', 10, 5],
      ['Airwars', false, 'civilians killed, independent (Fair or better (confirmed + fair))', 25, 5],
      ['Airwars', false, 'incidents alleged', 3, 1],
      ['Coalition', true, 'civilians killed, conceded', 12, 0],
    ]);
    const sy = await reconcileSummary(k, SummaryQuery.parse({ country: 'IQ' }));
    assert.ok(!sy.claims.some((c) => c.country === 'SY'), 'a claim about Syria is not set against Iraq');
  });

  await t.test('pipeline: recorded with audit, checked, closures without a reason per period', async () => {
    const april = { carried_over: 122, received: 7, completed_credible: 3, completed_not_credible: 15, open_at_end: 111, reopened: 3, deaths_conceded_period: 5 };
    const input = { belligerent: 'coalition', periodStart: '2017-04-01', periodEnd: '2017-04-30', figures: april, completed: 18 };
    const first = await k.transaction().execute((tx) => recordPipelineReport({ actor: 'test', reason: 'April report', tx }, input));
    assert.equal(first.action, 'inserted');
    const again = await k.transaction().execute((tx) => recordPipelineReport({ actor: 'test', reason: 'April report', tx }, input));
    assert.equal(again.action, 'unchanged', 'completed 18 = 3 + 15: other closures 0, nothing changed');
    await assert.rejects(k.transaction().execute((tx) => recordPipelineReport({ actor: 'test', reason: 'x', tx }, { ...input, periodEnd: '2017-03-01' })), /ends before/);
    await assert.rejects(k.transaction().execute((tx) => recordPipelineReport({ actor: 'test', reason: '', tx }, input)), /reason/);
    const p = await pipelineAccounts(k, 'coalition');
    assert.equal(p.periods.length, 1);
    assert.equal(p.periods[0].checks.balance.ok, true);
    assert.equal(p.periods[0].figures.completedOther, 0);
    // closures dated April 2017: C (with reason), D (no reason), B's earlier not-credible version (no reason)
    assert.deepEqual([p.periods[0].recorded.closed, p.periods[0].recorded.closedWithoutReason], [3, 2]);
    const dir = mkdtempSync(join(tmpdir(), 'hw-pipeline-'));
    const file = join(dir, 'pipeline.csv');
    writeFileSync(file, [
      'period,carried_over,received,completed_credible,completed_not_credible,open_at_end,deaths_conceded_period,deaths_conceded_cumulative,strikes_to_date',
      '2017-05,111,"1,000",1,5,1105,2,,"34,502"',
      '2017-06,1105,3,x,1,1100,,,',
      '2017-07,,,,,,,,',
    ].join('\n'));
    const rows = await importPipelineCsv(k, file, { actor: 'test' });
    assert.deepEqual(rows.map((r) => [r.row, r.ok, r.ok ? r.action : r.field]), [[2, true, 'inserted'], [3, false, 'completed_credible'], [4, true, 'inserted']]);
    const all = await pipelineAccounts(k);
    const may = all.periods.find((x) => x.periodStart === '2017-05-01');
    assert.equal(may?.checks.carryOver.ok, true);
    assert.equal(may?.checks.balance.ok, true, '111 + 1,000 − 6 = 1,105');
    assert.equal((await verifyAudit(k)).ok, true);
  });
});
