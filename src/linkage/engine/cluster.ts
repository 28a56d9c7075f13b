/**
 * Union-find (disjoint sets) with path compression and union by rank, and clustering of linked
 * pairs into entities.
 */
import type { Pairs } from './types.ts';

/** Disjoint sets over 0 … n-1. */
export class UnionFind {
  readonly parent: Int32Array;
  readonly rank: Uint8Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    this.rank = new Uint8Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  /** Representative of x's set (compresses the path on the way). */
  find(x: number): number {
    const p = this.parent;
    let r = x;
    while (p[r] !== r) r = p[r]!;
    while (p[x] !== r) { const next = p[x]; p[x] = r; x = next; }
    return r;
  }
  /** Merges the sets of a and b; returns false if they were already one. */
  union(a: number, b: number): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return false;
    if (this.rank[ra] < this.rank[rb]) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    if (this.rank[ra] === this.rank[rb]) this.rank[ra]++;
    return true;
  }
  /** Dense cluster id (0 … k-1, in order of first member) for every element. */
  clusterIds(): Int32Array {
    const n = this.parent.length;
    const out = new Int32Array(n);
    const ids = new Int32Array(n).fill(-1);
    let next = 0;
    for (let i = 0; i < n; i++) {
      const r = this.find(i);
      if (ids[r] === -1) ids[r] = next++;
      out[i] = ids[r]!;
    }
    return out;
  }
}

/**
 * Clusters records by the pairs selected in `keep` (e.g. decisions === LINK), or all pairs if
 * omitted. Link mode (`nB` given): records of B are numbered nA + j in the result.
 */
export function clusterPairs(nA: number, pairs: Pairs, keep?: (p: number) => boolean, nB?: number): Int32Array {
  const uf = new UnionFind(nA + (nB ?? 0));
  const off = nB == null ? 0 : nA;
  for (let p = 0; p < pairs.length; p++) {
    if (keep && !keep(p)) continue;
    uf.union(pairs.left[p], pairs.right[p] + off);
  }
  return uf.clusterIds();
}
