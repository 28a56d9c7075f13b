import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HarmwatchError } from '../../errors.ts';
import { blockPairs, countBlockedPairs, randomPairs } from './blocking.ts';
import type { BlockingRule } from './types.ts';

type R = { name: string; town: string | null };
const recs: R[] = [
  { name: 'a', town: 'x' }, { name: 'a', town: 'x' }, { name: 'b', town: 'x' }, { name: 'b', town: 'y' }, { name: 'c', town: null },
];
const byName: BlockingRule<R> = { name: 'name', key: (r) => r.name };
const byTown: BlockingRule<R> = { name: 'town', key: (r) => r.town };

const asSet = (p: { left: Uint32Array; right: Uint32Array; length: number }): string[] =>
  Array.from({ length: p.length }, (_, i) => `${p.left[i]}-${p.right[i]}`).sort();

test('dedupe blocking: union of rules, each pair once, nulls never block', () => {
  const p = blockPairs([byName, byTown], recs);
  assert.deepEqual(asSet(p), ['0-1', '0-2', '1-2', '2-3']);
  assert.deepEqual(p.counts.map((c) => c.pairs), [2, 3]);
});

test('link blocking pairs A with B only', () => {
  const b: R[] = [{ name: 'a', town: 'y' }, { name: 'c', town: 'x' }];
  const p = blockPairs([byName, byTown], recs, b);
  assert.deepEqual(asSet(p), ['0-0', '0-1', '1-0', '1-1', '2-1', '3-0', '4-1']);
  assert.deepEqual(countBlockedPairs([byName], recs, b).map((c) => c.pairs), [3]);
});

test('the pair budget is checked before scoring, naming the rule and its count', () => {
  const many: R[] = Array.from({ length: 3000 }, (_, i) => ({ name: `n${i}`, town: i % 2 ? 'mosul' : 'raqqa' }));
  const counts = countBlockedPairs([byName, byTown], many);
  assert.equal(counts[1].pairs, 2 * (1500 * 1499) / 2);
  assert.throws(() => blockPairs([byName, byTown], many, undefined, { maxPairs: 1_000_000 }), (e: unknown) => {
    assert.ok(e instanceof HarmwatchError);
    assert.equal(e.id, 'PAYLOAD_TOO_LARGE');
    assert.match(e.message, /blocking rule "town" would generate 2,248,500 pairs/);
    assert.match(e.message, /largest block "(mosul|raqqa)"/);
    assert.equal(e.details.rule, 'town');
    assert.equal(e.details.pairs, 2_248_500);
    return true;
  });
  assert.equal(blockPairs([byName], many, undefined, { maxPairs: 10 }).length, 0);
});

test('random pairs are seeded and never pair a record with itself', () => {
  const a = randomPairs(10, null, 1000, 5);
  const b = randomPairs(10, null, 1000, 5);
  assert.deepEqual(a.left, b.left);
  for (let i = 0; i < a.length; i++) assert.notEqual(a.left[i], a.right[i]);
  const l = randomPairs(3, 4, 100, 1);
  assert.ok(Array.from(l.right).every((j) => j < 4) && Array.from(l.left).every((i) => i < 3));
});
