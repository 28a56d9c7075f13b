import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { HarmwatchError } from '../errors.ts';
import { captureTable, parseCaptureCsv, readCaptureCsv } from './capture-table.ts';
import { documentedCount } from './schema.ts';

test('captureTable counts records by capture pattern and stratum', () => {
  const t = captureTable(
    [
      { id: 'v1', lists: ['a', 'c'] },
      { id: 'v2', lists: ['b'] },
      { id: 'v3', lists: ['c', 'a'], stratum: 'north' },
      { id: 'v4', lists: ['a', 'b', 'c'], stratum: 'north' },
    ],
    ['a', 'b', 'c'],
  );
  assert.deepEqual(t.lists, ['a', 'b', 'c']);
  assert.deepEqual(t.strata, [
    { stratum: null, counts: [0, 0, 1, 0, 0, 1, 0, 0] },
    { stratum: 'north', counts: [0, 0, 0, 0, 0, 1, 0, 1] },
  ]);
});

test('captureTable rejects duplicate ids, unknown lists, records on no list and too few lists', () => {
  const lists = ['a', 'b', 'c'];
  const bad = (f: () => unknown, re: RegExp): void => assert.throws(f, (e: unknown) => e instanceof HarmwatchError && e.exitCode === 2 && re.test(e.message));
  bad(() => captureTable([{ id: 'x', lists: ['a'] }, { id: 'x', lists: ['b'] }], lists), /appears twice/);
  bad(() => captureTable([{ id: 'x', lists: ['z'] }], lists), /unknown list "z"/);
  bad(() => captureTable([{ id: 'x', lists: [] }], lists), /none of the lists/);
  bad(() => captureTable([], ['a', 'b']), /3 to 6 lists/);
});

test('captureTable keeps every record (property)', () => {
  fc.assert(
    fc.property(fc.array(fc.subarray(['a', 'b', 'c', 'd'], { minLength: 1 }), { maxLength: 60 }), (memberships) => {
      const t = captureTable(memberships.map((lists, i) => ({ id: String(i), lists, stratum: i % 2 ? 's' : undefined })), ['a', 'b', 'c', 'd']);
      const total = t.strata.reduce((s, x) => s + documentedCount(x.counts), 0);
      return total === memberships.length && t.strata.every((s) => s.counts[0] === 0 && s.counts.length === 16);
    }),
  );
});

test('CSV: list columns in any order and names, strata, repeated patterns added', () => {
  const t = readCaptureCsv('x,count,y,stratum,z\n1,5,0,s1,0\n0,3,1,s1,1\n1,2,0,s1,0\n1,4,1,s2,1\n0,0,0,s2,0\n', 'f.csv');
  assert.deepEqual(t.lists, ['x', 'y', 'z']);
  assert.equal(t.strata.length, 2);
  assert.equal(t.strata[0].stratum, 's1');
  assert.equal(t.strata[0].counts[1], 7);
  assert.equal(t.strata[0].counts[6], 3);
  assert.equal(t.strata[1].counts[7], 4);
});

test('CSV: every bad row is reported with its row and field', () => {
  const r = parseCaptureCsv('a,b,c,count\n1,0,0,5\n0,2,0,3\n0,0,0,4\n1,1,1,-2\n1,1,0,x\n1,0\n', 'f.csv');
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.deepEqual(
    r.problems.map((p) => [p.row, p.field]),
    [[3, 'b'], [4, 'count'], [5, 'count'], [6, 'count'], [7, '(row)']],
  );
  assert.match(r.problems[2].reason, /negative/);
  assert.match(r.problems[1].reason, /all zeros/);
});

test('CSV errors throw input errors naming file, row and field (exit code 2)', () => {
  const check = (text: string, re: RegExp): void =>
    assert.throws(() => readCaptureCsv(text, 'f.csv'), (e: unknown) => e instanceof HarmwatchError && e.exitCode === 2 && re.test(e.message));
  check('a,b,c,count\n1,0,0,5\n0,1,0,x\n', /^f\.csv, row 3, field count: /);
  check('a,b,c,count\n1,0,0,5\n0,yes,0,2\n', /^f\.csv, row 3, field b: list membership must be 0 or 1/);
  check('a,b,count\n1,0,5\n', /^f\.csv, row 1, field lists: .*3 to 6 lists, got 2/);
  check('a,b,c,d,e,f,g,count\n', /got 7/);
  check('a,b,c\n1,0,0\n', /no "count" column/);
  check('a,b,c,count\n0,0,0,9\n', /^f\.csv, row 2, field count: .*all zeros/);
  check('', /empty/);
});
