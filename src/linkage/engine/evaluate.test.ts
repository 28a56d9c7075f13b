import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bcubed, bestF1, pairMetrics, pairwiseClusterMetrics, thresholdSweep } from './evaluate.ts';

test('pairwise cluster metrics count pairs in the same cluster', () => {
  // truth {0,1,2} {3,4}; predicted {0,1} {2,3,4}
  const m = pairwiseClusterMetrics([0, 0, 1, 1, 1], ['a', 'a', 'a', 'b', 'b']);
  assert.equal(m.truePairs, 4);
  assert.equal(m.predictedPairs, 4);
  assert.equal(m.truePositives, 2);
  assert.equal(m.precision, 0.5);
  assert.equal(m.recall, 0.5);
  assert.deepEqual(pairwiseClusterMetrics([0, 1, 2], [0, 1, 2]), { precision: 1, recall: 1, f1: 1, truePositives: 0, predictedPairs: 0, truePairs: 0 });
});

test('B-cubed averages per-record precision and recall', () => {
  const b = bcubed([0, 0, 1, 1, 1], ['a', 'a', 'a', 'b', 'b']);
  // precision: records 0,1 → 1; 2 → 1/3; 3,4 → 2/3. recall: 0,1 → 2/3; 2 → 1/3; 3,4 → 1.
  assert.ok(Math.abs(b.precision - (1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5) < 1e-12);
  assert.ok(Math.abs(b.recall - (2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5) < 1e-12);
  assert.deepEqual(bcubed([5, 5], [1, 1]), { precision: 1, recall: 1, f1: 1 });
});

test('pair metrics and threshold sweep', () => {
  const pairs = { left: Uint32Array.from([0, 1, 2, 3]), right: Uint32Array.from([1, 2, 3, 4]), length: 4 };
  const truth = Uint8Array.from([1, 1, 0, 1]);
  const weights = Float64Array.from([10, 2, 1, -3]);
  const m = pairMetrics(pairs, (p) => weights[p] >= 0, (p) => truth[p] === 1, 4);
  assert.equal(m.precision, 2 / 3);
  assert.equal(m.recall, 2 / 4);
  const rows = thresholdSweep(weights, truth, 4, [5, 0, -5]);
  assert.deepEqual(rows.map((r) => [r.weight, r.predictedPairs, r.precision, r.recall]), [[-5, 4, 3 / 4, 3 / 4], [0, 3, 2 / 3, 1 / 2], [5, 1, 1, 1 / 4]]);
  assert.equal(bestF1(rows)!.weight, -5);
});
