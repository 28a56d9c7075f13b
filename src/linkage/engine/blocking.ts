/**
 * Blocking: candidate pairs are those sharing a key under at least one rule (a union of rules),
 * deduplicated across rules. Pairs are counted per block before any is generated, so a rule that
 * would explode (e.g. blocking on a common value) fails fast with the rule named.
 */
import { HarmwatchError } from '../../errors.ts';
import type { BlockingRule, Pairs } from './types.ts';

/** Default most candidate pairs allowed before scoring. */
export const DEFAULT_PAIR_BUDGET = 50_000_000;

/** Pairs one rule would generate (before deduplication across rules). */
export interface RuleCount {
  rule: string;
  pairs: number;
  blocks: number;
  largestBlock: { key: string; pairs: number } | null;
}

interface Keyed {
  /** Key id per record (A then B in link mode), -1 = no key. */
  ids: Int32Array;
  keys: string[];
}

function keyIds<R>(rule: BlockingRule<R>, a: readonly R[], b: readonly R[] | null): Keyed {
  const map = new Map<string | number, number>();
  const keys: string[] = [];
  const n = a.length + (b ? b.length : 0);
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = i < a.length ? a[i] : b![i - a.length];
    const k = rule.key(r);
    if (k == null || k === '') { ids[i] = -1; continue; }
    let id = map.get(k);
    if (id === undefined) { id = keys.length; map.set(k, id); keys.push(String(k)); }
    ids[i] = id;
  }
  return { ids, keys };
}

function countsOf(k: Keyed, nA: number, link: boolean): { ca: Float64Array; cb: Float64Array } {
  const ca = new Float64Array(k.keys.length);
  const cb = new Float64Array(link ? k.keys.length : 0);
  for (let i = 0; i < k.ids.length; i++) {
    const id = k.ids[i];
    if (id < 0) continue;
    if (link && i >= nA) cb[id]++;
    else ca[id]++;
  }
  return { ca, cb };
}

function ruleCount(name: string, k: Keyed, nA: number, link: boolean): RuleCount {
  const { ca, cb } = countsOf(k, nA, link);
  let pairs = 0;
  let blocks = 0;
  let best = -1;
  let bestPairs = 0;
  for (let id = 0; id < ca.length; id++) {
    const p = link ? ca[id] * cb[id] : (ca[id] * (ca[id] - 1)) / 2;
    if (p > 0) blocks++;
    pairs += p;
    if (p > bestPairs) { bestPairs = p; best = id; }
  }
  return { rule: name, pairs, blocks, largestBlock: best < 0 ? null : { key: k.keys[best], pairs: bestPairs } };
}

/**
 * Counts the pairs each rule would generate, without generating any. Pass `b` to link two
 * datasets; omit it to deduplicate `a`.
 */
export function countBlockedPairs<R>(rules: readonly BlockingRule<R>[], a: readonly R[], b?: readonly R[]): RuleCount[] {
  return rules.map((r) => ruleCount(r.name, keyIds(r, a, b ?? null), a.length, b != null));
}

/** The error thrown when blocking would exceed the pair budget, naming the rule and its count. */
export function pairBudgetExceeded(counts: readonly RuleCount[], budget: number): HarmwatchError {
  const worst = counts.reduce((x, y) => (y.pairs > x.pairs ? y : x));
  const total = counts.reduce((s, c) => s + c.pairs, 0);
  const block = worst.largestBlock ? `; its largest block "${worst.largestBlock.key}" alone has ${worst.largestBlock.pairs.toLocaleString('en')} pairs` : '';
  return new HarmwatchError(
    'PAYLOAD_TOO_LARGE',
    `blocking rule "${worst.rule}" would generate ${worst.pairs.toLocaleString('en')} pairs (all rules: ${total.toLocaleString('en')}), over the budget of ${budget.toLocaleString('en')}${block}; make the rule stricter or raise the budget`,
    { rule: worst.rule, pairs: worst.pairs, total, budget, counts },
  );
}

/** Options for {@link blockPairs}. */
export interface BlockOptions {
  /** Most pairs (sum over rules, before deduplication) allowed; default {@link DEFAULT_PAIR_BUDGET}. */
  maxPairs?: number;
}

/** Candidate pairs with the per-rule counts and key ids (per record, A then B; -1 = no key). */
export interface BlockedPairs extends Pairs {
  counts: RuleCount[];
  keyIds: Int32Array[];
}

/** Whether pair p shares a key under the rule whose key ids are `ids` (link mode: `nA` offsets B). */
export function inRule(ids: Int32Array, pairs: Pairs, p: number, nA: number | null): boolean {
  const k = ids[pairs.left[p]];
  return k >= 0 && k === ids[pairs.right[p] + (nA ?? 0)];
}

/** CSR grouping of record indices by key id. */
function groupBy(ids: Int32Array, nKeys: number, from: number, to: number): { start: Uint32Array; members: Uint32Array } {
  const start = new Uint32Array(nKeys + 1);
  for (let i = from; i < to; i++) { const id = ids[i]; if (id >= 0) start[id + 1]++; }
  for (let k = 0; k < nKeys; k++) start[k + 1] += start[k];
  const fill = start.slice(0, nKeys);
  const members = new Uint32Array(start[nKeys]);
  for (let i = from; i < to; i++) { const id = ids[i]; if (id >= 0) members[fill[id]++] = i - from; }
  return { start, members };
}

/**
 * Candidate pairs from a union of blocking rules, each pair once (a pair is emitted by the first
 * rule that blocks it). Dedupe mode (`b` omitted): pairs i < j within `a`. Link mode: `left`
 * indexes `a`, `right` indexes `b`. Throws PAYLOAD_TOO_LARGE before generating anything if the
 * pair count exceeds the budget.
 */
export function blockPairs<R>(rules: readonly BlockingRule<R>[], a: readonly R[], b?: readonly R[], opts: BlockOptions = {}): BlockedPairs {
  if (rules.length === 0) throw new HarmwatchError('INPUT_INVALID', 'at least one blocking rule is needed');
  const budget = opts.maxPairs ?? DEFAULT_PAIR_BUDGET;
  const link = b != null;
  const nA = a.length;
  const keyed = rules.map((r) => keyIds(r, a, b ?? null));
  const counts = rules.map((r, i) => ruleCount(r.name, keyed[i], nA, link));
  const total = counts.reduce((s, c) => s + c.pairs, 0);
  if (total > budget) throw pairBudgetExceeded(counts, budget);
  const left = new Uint32Array(total);
  const right = new Uint32Array(total);
  let n = 0;
  const earlier: Int32Array[] = [];
  for (let r = 0; r < rules.length; r++) {
    const { ids, keys } = keyed[r];
    const ga = groupBy(ids, keys.length, 0, nA);
    const gb = link ? groupBy(ids, keys.length, nA, ids.length) : ga;
    const nE = earlier.length;
    for (let k = 0; k < keys.length; k++) {
      const a0 = ga.start[k], a1 = ga.start[k + 1];
      const b0 = gb.start[k], b1 = gb.start[k + 1];
      for (let x = a0; x < a1; x++) {
        const i = ga.members[x];
        for (let y = link ? b0 : x + 1; y < b1; y++) {
          const j = gb.members[y];
          const jj = link ? j + nA : j;
          let seen = false;
          for (let e = 0; e < nE; e++) {
            const ei = earlier[e];
            const v = ei[i];
            if (v >= 0 && v === ei[jj]) { seen = true; break; }
          }
          if (seen) continue;
          left[n] = i;
          right[n] = j;
          n++;
        }
      }
    }
    earlier.push(ids);
  }
  // Copy when deduplication freed much of the upper-bound allocation, so it can be collected.
  const shrink = n < total * 0.75;
  return {
    left: shrink ? left.slice(0, n) : left.subarray(0, n), right: shrink ? right.slice(0, n) : right.subarray(0, n), length: n,
    counts, keyIds: keyed.map((k) => k.ids),
  };
}

/** Seeded 32-bit PRNG (mulberry32) returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` random pairs (seeded): distinct i ≠ j in dedupe mode (`nB` null), any (i, j) in link
 * mode. Used to estimate u, since almost all random pairs are non-matches.
 */
export function randomPairs(nA: number, nB: number | null, count: number, seed = 1): Pairs {
  const rnd = mulberry32(seed);
  const left = new Uint32Array(count);
  const right = new Uint32Array(count);
  if ((nB == null && nA < 2) || nA === 0 || nB === 0) return { left: left.subarray(0, 0), right: right.subarray(0, 0), length: 0 };
  for (let p = 0; p < count; p++) {
    const i = Math.floor(rnd() * nA);
    let j: number;
    if (nB == null) {
      j = Math.floor(rnd() * (nA - 1));
      if (j >= i) j++;
    } else j = Math.floor(rnd() * nB);
    left[p] = i;
    right[p] = j;
  }
  return { left, right, length: count };
}
