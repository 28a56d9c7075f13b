import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseReleaseLine } from './parse.ts';
import { parseNumberWords } from './numbers.ts';

test('number words, digits and Arabic-Indic digits', () => {
  assert.equal(parseNumberWords('four'), 4);
  assert.equal(parseNumberWords('twenty-one'), 21);
  assert.equal(parseNumberWords('an'), 1);
  assert.equal(parseNumberWords('1,302'), 1302);
  assert.equal(parseNumberWords('١٣٠٢'), 1302);
  assert.equal(parseNumberWords('a dozen'), 12);
  assert.equal(parseNumberWords('several'), null);
});

test('the issue example: strikes, engaged and destroyed', () => {
  const p = parseReleaseLine('- Near Mosul, four strikes engaged three ISIL tactical units and destroyed six tunnel entrances.');
  assert.equal(p.strikes, 4);
  assert.deepEqual(p.places, ['Mosul']);
  assert.deepEqual(p.engaged, [{ count: 3, what: 'ISIL tactical units' }]);
  assert.deepEqual(p.destroyed, [{ count: 6, what: 'tunnel entrances' }]);
});

test('"one airstrike", lists with an, doubled "Near Near"', () => {
  const p = parseReleaseLine('- Near Near Abu Kamal, two strikes destroyed an ISIL oil workover rig and five ISIL oil tankers.');
  assert.equal(p.strikes, 2);
  assert.deepEqual(p.places, ['Abu Kamal']);
  assert.deepEqual(p.destroyed, [{ count: 1, what: 'ISIL oil workover rig' }, { count: 5, what: 'ISIL oil tankers' }]);
  const q = parseReleaseLine('- Near Huwayjah, one airstrike struck an ISIL tactical unit, destroying an ISIL building and an ISIL heavy machine gun.');
  assert.equal(q.strikes, 1);
  assert.deepEqual(q.engaged, [{ count: 1, what: 'ISIL tactical unit' }]);
  assert.equal(q.destroyed.length, 2);
});

test('an old multi-place line sums its clauses', () => {
  const p = parseReleaseLine('In Syria, five airstrikes near Kobani destroyed an ISIL building.  Near Abu Kamal, an airstrike destroyed an ISIL tactical vehicle.');
  assert.equal(p.strikes, 6);
  assert.deepEqual(p.places, ['Kobani', 'Abu Kamal']);
  assert.deepEqual(p.clauses.map((c) => c.strikes), [5, 1]);
});

test('a line with no stated number of strikes gives null, not zero', () => {
  const p = parseReleaseLine('- Near Ramadi, coalition aircraft destroyed an ISIL vehicle.');
  assert.equal(p.strikes, null);
});

test('any input parses without throwing (fuzz)', () => {
  fc.assert(fc.property(fc.string({ maxLength: 400 }), (s) => {
    const p = parseReleaseLine(s);
    assert.ok(p.strikes === null || p.strikes >= 0);
  }), { numRuns: 300 });
});

test('asides and definitions in a line do not add strikes; the "airstike" typo does', () => {
  assert.equal(parseReleaseLine('- Near Fallujah, two strikes struck an ISIL tactical unit. One strike is currently under investigation for a potential friendly fire incident.').strikes, 2);
  assert.equal(parseReleaseLine('- Near Kirkuk, an airstike struck an ISIL fighting position.').strikes, 1);
});
