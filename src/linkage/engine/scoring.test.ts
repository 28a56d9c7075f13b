import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decide, explain, formatExplanation, LINK, NON_LINK, probabilityOf, REVIEW, scoreVectors, weightOf } from './scoring.ts';
import { termFrequencies } from './em.ts';
import { exact } from './comparisons.ts';
import { explainPair, predict, runLinkage } from './linker.ts';
import type { FsParams } from './types.ts';

const params: FsParams = {
  fields: ['name', 'date'], levels: [['exact', 'else'], ['same day', 'near', 'else']],
  m: [[0.9, 0.1], [0.8, 0.15, 0.05]], u: [[0.01, 0.99], [0.01, 0.1, 0.89]], lambda: 0.01,
};

test('scores are prior + Σ log2(m/u), nulls add nothing, and the waterfall adds up', () => {
  const vectors = { data: Int8Array.from([0, 0, 1, 2, -1, 1]), nFields: 2, length: 3 };
  const w = scoreVectors(vectors, params);
  const prior = Math.log2(0.01 / 0.99);
  assert.ok(Math.abs(w[0] - (prior + Math.log2(90) + Math.log2(80))) < 1e-12);
  assert.ok(Math.abs(w[2] - (prior + Math.log2(1.5))) < 1e-12);
  for (let p = 0; p < 3; p++) {
    const e = explain(vectors.data.subarray(p * 2, p * 2 + 2), params);
    assert.ok(Math.abs(e.total - w[p]) < 1e-12);
    assert.ok(Math.abs(e.prior + e.steps.reduce((s, x) => s + x.weight, 0) - e.total) < 1e-12);
    assert.ok(Math.abs(e.probability - probabilityOf(w[p])) < 1e-12);
  }
  assert.equal(explain([-1, 0], params).steps[0].label, 'missing');
  assert.match(formatExplanation(explain([0, 1], params)), /^prior -6\.63\nname: exact \+6\.49\ndate: near \+0\.58\ntotal/);
  assert.ok(Math.abs(probabilityOf(weightOf(0.9)) - 0.9) < 1e-12);
});

test('two thresholds give link / review / non-link', () => {
  const d = decide(Float64Array.from([10, 3, -4]), { linkProbability: 0.99, reviewProbability: 0.5 });
  assert.deepEqual(Array.from(d), [LINK, REVIEW, NON_LINK]);
  assert.throws(() => decide(new Float64Array(1), { linkWeight: 0, reviewWeight: 1 }), RangeError);
});

test('term-frequency adjustment: agreeing on a common value weighs less than on a rare one', () => {
  const names = ['mosul', 'mosul', 'mosul', 'mosul', 'hajin', 'hajin', 'x', 'y', 'z', 'w'];
  const tf = [termFrequencies(0, 0, (r: string) => r, names)];
  const pairs = { left: Uint32Array.from([0, 4]), right: Uint32Array.from([1, 5]), length: 2 };
  const vectors = { data: Int8Array.from([0, 0, 0, 0]), nFields: 2, length: 2 };
  const w = scoreVectors(vectors, params, tf, pairs);
  assert.ok(w[1] > w[0]);
  assert.ok(Math.abs(w[1] - w[0] - Math.log2(0.4 / 0.2)) < 1e-12);
  const e = explain([0, 0], params, tf, 0);
  assert.ok(Math.abs(e.total - w[0]) < 1e-12);
  assert.ok(Math.abs(e.steps[0].tfAdjustment - Math.log2(0.01 / 0.4)) < 1e-12);
});

test('runLinkage: dedupe end to end finds the duplicates and explains a pair', () => {
  type R = { id: number; name: string; town: string; year: string };
  const recs: R[] = [];
  for (let i = 0; i < 300; i++) {
    const r = { id: i, name: `n${i % 150}`, town: `t${(i * 7) % 13}`, year: String(1950 + (i % 40)) };
    recs.push(r);
  }
  // Every i < 150 has a duplicate i + 150 with the same name; make towns and years agree for them.
  for (let i = 0; i < 150; i++) { recs[i + 150].town = recs[i].town; recs[i + 150].year = recs[i].year; }
  const run = runLinkage<R>({
    comparisons: [exact('name', (r) => r.name), exact('town', (r) => r.town), exact('year', (r) => r.year)],
    blocking: [{ name: 'town', key: (r) => r.town, fields: ['town'] }], uSamplePairs: 20_000, seed: 3,
  }, recs);
  const pred = predict(run, { linkProbability: 0.9, reviewProbability: 0.5 });
  for (let i = 0; i < 150; i++) assert.equal(pred.clusters[i], pred.clusters[i + 150]);
  assert.equal(pred.links, 150);
  const p = Array.from(run.weights).findIndex((w) => w > 0);
  assert.ok(Math.abs(explainPair(run, p).total - run.weights[p]) < 1e-9);
});
