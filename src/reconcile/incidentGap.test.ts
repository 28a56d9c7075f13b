import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gapCategory, gapRange, incidentGap, type GapInput } from './incidentGap.ts';

const r = (low: number | null, best: number | null, high: number | null) => ({ low, best, high });
const none = { min: null, max: null };
const input = (status: string | null, over: Partial<NonNullable<GapInput['assessment']>> = {}, killed = r(4, 5, 7), injured = r(null, null, null)): GapInput => ({
  killed, injured,
  assessment: status == null ? null : { status, concededKilled: none, concededInjured: none, reasonGiven: false, ...over },
});

test('categories follow the documented table', () => {
  assert.equal(gapCategory(input(null)), 'not_yet_assessed');
  for (const s of ['not_yet_assessed', 'open', 'reopened']) assert.equal(gapCategory(input(s)), 'not_yet_assessed', s);
  assert.equal(gapCategory(input('duplicate', { reasonGiven: true })), 'duplicate');
  assert.equal(gapCategory(input('credible', { concededKilled: { min: 4, max: 4 } })), 'conceded_in_full', 'conceded min = independent low');
  assert.equal(gapCategory(input('credible', { concededKilled: { min: 9, max: null } })), 'conceded_in_full');
  assert.equal(gapCategory(input('credible', { concededKilled: { min: 3, max: 6 } })), 'conceded_in_part', 'min below the independent low');
  assert.equal(gapCategory(input('credible')), 'conceded_in_part', 'credible with no figure while independent low ≥ 1');
  assert.equal(gapCategory(input('credible', {}, r(null, 3, 5))), 'conceded_in_full', 'nothing known to fall short of');
  assert.equal(gapCategory(input('credible', {}, r(0, 0, 2))), 'conceded_in_full', 'independent low 0');
  assert.equal(gapCategory(input('credible', { concededKilled: { min: 4, max: 4 } }, r(4, 5, 7), r(2, 2, 2))), 'conceded_in_part', 'injured not conceded');
  assert.equal(gapCategory(input('not_credible', { reasonGiven: true })), 'rejected_with_reason');
  assert.equal(gapCategory(input('not_credible')), 'rejected_without_reason');
  assert.equal(gapCategory(input('insufficient_information', { reasonGiven: true })), 'rejected_with_reason');
  assert.equal(gapCategory(input('insufficient_information')), 'rejected_without_reason');
});

test('gap is independent − conceded, null where unknown; rejections concede 0', () => {
  assert.deepEqual(gapRange(r(4, 5, 7), { min: 2, max: 3 }), { low: 1, best: 3, high: 5 });
  assert.deepEqual(gapRange(r(null, 5, 7), { min: 9, max: 9 }), { low: null, best: -4, high: -2 });
  const rejected = incidentGap(input('not_credible', { reasonGiven: true }));
  assert.deepEqual(rejected.conceded.killed, { min: 0, max: 0 });
  assert.deepEqual(rejected.gap.killed, { low: 4, best: 5, high: 7 });
  const open = incidentGap(input('open'));
  assert.deepEqual(open.conceded.killed, { min: null, max: null });
  assert.deepEqual(open.gap.killed, { low: null, best: null, high: null });
  const credible = incidentGap(input('credible', { concededKilled: { min: 2, max: null } }));
  assert.deepEqual(credible.conceded.killed, { min: 2, max: 2 }, 'max defaults to min');
  assert.equal(credible.category, 'conceded_in_part');
  assert.deepEqual(credible.gap.killed, { low: 2, best: 3, high: 5 });
});
