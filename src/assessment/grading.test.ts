import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suggestGrade, type GradingEvidence } from './grading.ts';

const base = (over: Partial<GradingEvidence> = {}): GradingEvidence => ({
  sources: [], assessments: [], attributedTo: ['coalition'], groundFighting: false, strikeMatches: [], killed: { civilians: 3, combatants: null }, ...over,
});
const holds = (e: GradingEvidence, id: string): boolean | undefined => suggestGrade(e).criteria.find((c) => c.id === id)?.holds;

test('independent sources: a shared origin counts once', () => {
  const e = base({ sources: [{ id: 1, origin: 'reuters' }, { id: 2, origin: 'reuters' }] });
  assert.equal(holds(e, 'independent_sources'), false);
  assert.equal(holds(e, 'single_source'), true);
  assert.equal(suggestGrade(e).grade, 'weak');
  assert.equal(holds(base({ sources: [{ id: 1, origin: 'reuters' }, { id: 2, origin: 'local witness' }] }), 'independent_sources'), true);
});

test('fair needs two independent sources and a declared strike nearby', () => {
  const two = [{ id: 1, origin: 'a' }, { id: 2, origin: 'b' }];
  assert.equal(suggestGrade(base({ sources: two })).grade, 'weak', 'no strike nearby');
  const far = base({ sources: two, strikeMatches: [{ strikeId: 1, dayGap: 3, distanceKm: 40, assigned: false }] });
  assert.equal(suggestGrade(far).grade, 'weak');
  const near = base({ sources: two, strikeMatches: [{ strikeId: 1, dayGap: 0, distanceKm: 2, assigned: false }] });
  const s = suggestGrade(near);
  assert.equal(s.grade, 'fair');
  assert.match(s.rule, /^4/);
  assert.equal(suggestGrade(base({ sources: two, strikeMatches: [{ strikeId: 1, dayGap: 5, distanceKm: 90, assigned: true }] })).grade, 'fair', 'assigned by an analyst');
});

test('confirmed: a credible assessment conceding deaths', () => {
  const e = base({ assessments: [{ belligerent: 'coalition', status: 'credible', concededKilledMin: 1, concededKilledMax: 2 }] });
  assert.equal(suggestGrade(e).grade, 'confirmed');
  const noDeaths = base({ assessments: [{ belligerent: 'coalition', status: 'credible', concededKilledMin: 0, concededKilledMax: 0 }] });
  assert.equal(holds(noDeaths, 'official_admission'), false);
  assert.equal(holds(base({ assessments: [{ belligerent: 'coalition', status: 'not_credible', concededKilledMin: null, concededKilledMax: null }] }), 'official_admission'), false);
});

test('contested: several belligerents or ground fighting', () => {
  assert.equal(suggestGrade(base({ attributedTo: ['coalition', 'russia'] })).grade, 'contested');
  assert.equal(suggestGrade(base({ attributedTo: ['Coalition', 'coalition'] })).grade, 'weak', 'the same party twice is one');
  assert.equal(suggestGrade(base({ groundFighting: true })).grade, 'contested');
});

test('discounted: those harmed most likely combatants (wins over everything)', () => {
  const e = base({ killed: { civilians: 0, combatants: 12 }, assessments: [{ belligerent: 'coalition', status: 'credible', concededKilledMin: 1, concededKilledMax: 1 }] });
  assert.equal(suggestGrade(e).grade, 'discounted');
  assert.equal(suggestGrade(base({ combatantsFinding: true })).grade, 'discounted');
  assert.equal(holds(base({ killed: { civilians: 2, combatants: 5 } }), 'combatants_likely'), false);
});

test('every criterion is reported with a reason', () => {
  const s = suggestGrade(base());
  assert.equal(s.criteria.length, 6);
  for (const c of s.criteria) assert.ok(c.why.length > 5, c.id);
  assert.equal(s.label, 'Weak');
});
