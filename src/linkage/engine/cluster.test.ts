import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { UnionFind, clusterPairs } from './cluster.ts';

/** Connected components by breadth-first search, as canonical partitions. */
function components(n: number, edges: [number, number][]): string {
  const adj = Array.from({ length: n }, () => [] as number[]);
  for (const [a, b] of edges) { adj[a].push(b); adj[b].push(a); }
  const seen = new Int32Array(n).fill(-1);
  for (let s = 0; s < n; s++) {
    if (seen[s] !== -1) continue;
    const q = [s];
    seen[s] = s;
    while (q.length) { const x = q.pop()!; for (const y of adj[x]) if (seen[y] === -1) { seen[y] = s; q.push(y); } }
  }
  return canonical(seen);
}
const canonical = (ids: ArrayLike<number>): string => {
  const first = new Map<number, number>();
  return Array.from(ids, (x, i) => { if (!first.has(x)) first.set(x, i); return first.get(x)!; }).join(',');
};

test('union-find merges, finds and numbers clusters densely', () => {
  const uf = new UnionFind(6);
  assert.equal(uf.union(0, 1), true);
  assert.equal(uf.union(1, 0), false);
  uf.union(3, 4);
  uf.union(4, 5);
  assert.equal(uf.find(5), uf.find(3));
  assert.notEqual(uf.find(0), uf.find(3));
  assert.deepEqual(Array.from(uf.clusterIds()), [0, 0, 1, 2, 2, 2]);
});

test('union-find clusters equal connected components (property)', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 40 }).chain((n) =>
    fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 60 }))), ([n, edges]) => {
    const uf = new UnionFind(n);
    for (const [a, b] of edges) uf.union(a, b);
    assert.equal(canonical(uf.clusterIds()), components(n, edges));
    for (let i = 0; i < n; i++) assert.ok(uf.rank[i] <= Math.log2(n) + 1);
  }));
});

test('path compression flattens a long chain', () => {
  const uf = new UnionFind(1000);
  for (let i = 0; i < 999; i++) uf.parent[i] = i + 1; // a worst-case chain built by hand
  const root = uf.find(0);
  assert.equal(root, 999);
  for (let i = 0; i < 999; i++) assert.equal(uf.parent[i], 999);
});

test('clusterPairs keeps only the selected pairs and offsets B in link mode', () => {
  const pairs = { left: Uint32Array.from([0, 1, 2]), right: Uint32Array.from([1, 2, 3]), length: 3 };
  assert.deepEqual(Array.from(clusterPairs(4, pairs, (p) => p !== 1)), [0, 0, 1, 1]);
  const link = { left: Uint32Array.from([0, 1]), right: Uint32Array.from([1, 1]), length: 2 };
  assert.deepEqual(Array.from(clusterPairs(2, link, undefined, 2)), [0, 0, 1, 0]);
});
