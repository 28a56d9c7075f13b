import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateLists, seededRandom } from './generator.ts';
import { personRecord } from './comparisons.ts';
import { scorePersons } from './matching.ts';
import { scriptOf } from './nameKeys.ts';

test('seeded random: same seed, same sequence; values in [0, 1)', () => {
  const a = seededRandom(5);
  const b = seededRandom(5);
  const xs = Array.from({ length: 1000 }, () => a());
  assert.deepEqual(xs, Array.from({ length: 1000 }, () => b()));
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  assert.notDeepEqual(xs.slice(0, 10), Array.from({ length: 10 }, seededRandom(6)));
});

test('generated lists: known truth, both scripts, several lists, variants of one person', () => {
  const recs = generateLists({ persons: 300, seed: 3 });
  assert.deepEqual(recs, generateLists({ persons: 300, seed: 3 }));
  const persons = new Set(recs.map((r) => r.person));
  assert.equal(persons.size, 300);
  assert.ok(recs.length > 400);
  assert.deepEqual(new Set(recs.map((r) => r.list)), new Set(['ministry', 'hospital', 'monitor']));
  assert.ok(recs.some((r) => scriptOf(r.name) === 'arabic') && recs.some((r) => scriptOf(r.name) === 'latin'));
  assert.ok(recs.some((r) => /Abu |أبو /.test(r.name)), 'some records carry a kunya');
  const byPerson = new Map<number, string[]>();
  for (const r of recs) byPerson.set(r.person, [...(byPerson.get(r.person) ?? []), r.name]);
  assert.ok([...byPerson.values()].some((ns) => new Set(ns).size > 1), 'one person is written differently by different lists');
});

test('matching generated lists (prior parameters): linked pairs are mostly true, most true pairs are found', () => {
  const gen = generateLists({ persons: 250, seed: 11 });
  const recs = gen.map((g, i) => personRecord({ id: i, names: [g.name], gender: g.gender, age: g.age, dateOfDeath: g.dateOfDeath, place: g.place }));
  const s = scorePersons(recs, { useEm: false });
  let tp = 0;
  let linked = 0;
  for (let p = 0; p < s.weights.length; p++) {
    if (s.weights[p] < 4.25) continue; // p ≥ 0.95
    linked++;
    if (gen[s.left[p]].person === gen[s.right[p]].person) tp++;
  }
  let truePairs = 0;
  const count = new Map<number, number>();
  for (const g of gen) count.set(g.person, (count.get(g.person) ?? 0) + 1);
  for (const n of count.values()) truePairs += (n * (n - 1)) / 2;
  assert.ok(tp / linked >= 0.9, `precision ${tp / linked}`);
  assert.ok(tp / truePairs >= 0.85, `recall ${tp / truePairs}`);
  assert.ok(s.waterfall(0).some((w) => w.field === 'name'));
});
