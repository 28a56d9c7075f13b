import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SHARED_DATA_ABSENT } from '../shared-data.ts';
import { febrl3, febrl4, splinkFake1000, splinkKnownParams } from './benchmarks.ts';

type Figures = Record<string, unknown> & { pairwise?: { f1: number }; precision?: number; recall?: number };

test('FEBRL 4: unsupervised link of 4a ↔ 4b reaches precision ≥ 0.99 and recall ≥ 0.97', (t) => {
  const r = febrl4() as Figures | null;
  if (!r) { t.skip(SHARED_DATA_ABSENT); return; }
  assert.ok(r.precision! >= 0.99, `precision ${r.precision}`);
  assert.ok(r.recall! >= 0.97, `recall ${r.recall}`);
});

test('FEBRL 3: dedupe reaches pairwise F1 ≥ 0.95', (t) => {
  const r = febrl3() as Figures | null;
  if (!r) { t.skip(SHARED_DATA_ABSENT); return; }
  assert.ok(r.pairwise!.f1 >= 0.95, `pairwise F1 ${r.pairwise!.f1}`);
});

test('Splink known parameters: EM recovers m, u and λ within 0.01', (t) => {
  const r = splinkKnownParams() as (Figures & { maxError: { m: number; u: number; lambda: number } }) | null;
  if (!r) { t.skip(SHARED_DATA_ABSENT); return; }
  assert.ok(r.maxError.m <= 0.01 && r.maxError.u <= 0.01 && r.maxError.lambda <= 0.01, JSON.stringify(r.maxError));
});

test('Splink fake_1000: dedupe runs and clusters most records correctly', (t) => {
  const r = splinkFake1000() as (Figures & { bcubed: { f1: number } }) | null;
  if (!r) { t.skip(SHARED_DATA_ABSENT); return; }
  assert.ok(r.bcubed.f1 >= 0.9, `B-cubed F1 ${r.bcubed.f1}`);
});
