import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkBalance, checkPipeline, type PipelineFigures } from './pipeline.ts';
import { pipelineInputFromCsv } from './pipelineRecorder.ts';

const blank: Omit<PipelineFigures, 'id' | 'period_start' | 'period_end'> = {
  belligerent: 'coalition', carried_over: null, received: null, completed_credible: null, completed_not_credible: null,
  completed_duplicate: null, completed_other: null, open_at_end: null, reopened: null, deaths_conceded_period: null,
  deaths_conceded_cumulative: null, strikes_to_date: null,
};
const period = (id: number, start: string, end: string, over: Partial<PipelineFigures>): PipelineFigures => ({ ...blank, id, period_start: start, period_end: end, ...over });

/** model.md: April 2019, carried over 122, received 7, completed 18 (3 credible, 5 deaths; 15 not credible), 111 open, 3 reopened. */
const april2019 = period(2, '2019-04-01', '2019-04-30', {
  carried_over: 122, received: 7, completed_credible: 3, completed_not_credible: 15, open_at_end: 111, reopened: 3,
  deaths_conceded_period: 5, deaths_conceded_cumulative: 1302, strikes_to_date: 34502,
});

test('the April 2019 worked example balances: 122 + 7 − 18 = 111', () => {
  const b = checkBalance(april2019);
  assert.equal(b.ok, true);
  assert.equal(b.expected, 111);
  assert.equal(b.reading, 'as_stated');
  assert.equal(b.arithmetic, '122 carried over + 7 received − 18 completed (3 credible + 15 not credible) = 111; stated open at end 111 ✓ (3 of them reopened)');
});

test('a period that does not add up is flagged with its arithmetic; the chain is checked too', () => {
  const march = period(1, '2019-03-01', '2019-03-31', { open_at_end: 120, deaths_conceded_cumulative: 1300, strikes_to_date: 34600 });
  const may = period(3, '2019-05-01', '2019-05-31', { carried_over: 111, received: 10, completed_credible: 1, completed_not_credible: 5, open_at_end: 118 });
  const [m, a, y] = checkPipeline([may, april2019, march]);
  assert.equal(m.balances, null, 'nothing to check');
  assert.equal(a.checks.balance.ok, true);
  assert.equal(a.checks.carryOver.ok, false);
  assert.match(a.checks.carryOver.arithmetic, /open at end of 2019-03-01–2019-03-31: 120; carried over: 122 ✗/);
  assert.equal(a.checks.cumulative.ok, false, '1,300 + 5 ≠ 1,302');
  assert.equal(a.checks.cumulative.expected, 1305);
  assert.equal(a.checks.strikesToDate.ok, false);
  assert.equal(a.balances, false);
  assert.equal(a.flags.length, 3);
  assert.equal(y.checks.balance.ok, false);
  assert.equal(y.checks.balance.arithmetic, '111 carried over + 10 received − 6 completed (1 credible + 5 not credible) = 115 ≠ stated open at end 118 (off by 3) ✗');
  assert.equal(y.checks.carryOver.ok, true);
});

test('a balance that only works with reopened added on top is accepted under that reading, with a flag', () => {
  const r = period(1, '2019-06-01', '2019-06-30', { carried_over: 100, received: 5, completed_duplicate: 5, open_at_end: 102, reopened: 2 });
  const [c] = checkPipeline([r]);
  assert.equal(c.checks.balance.ok, true);
  assert.equal(c.balances, true);
  assert.match(c.flags[0], /balances only if the 2 reopened reports are added/);
});

test('CSV rows: month shorthand, thousands separators, blanks are unknown, bad numbers name the field', () => {
  const i = pipelineInputFromCsv({ period: '2019-04', carried_over: '122', strikes_to_date: '34,502', received: '', completed: '18' }, 'coalition');
  assert.equal(i.periodStart, '2019-04-01');
  assert.equal(i.periodEnd, '2019-04-30');
  assert.equal(i.figures.strikes_to_date, 34502);
  assert.equal(i.figures.received, null);
  assert.equal(i.completed, 18);
  assert.throws(() => pipelineInputFromCsv({ period: '2019-04', received: 'seven' }, 'coalition'), (e: Error & { field?: string }) => e.field === 'received');
  assert.throws(() => pipelineInputFromCsv({ period: '2019-13' }, 'coalition'), (e: Error & { field?: string }) => e.field === 'period');
});
