import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SHARED_DATA_ABSENT, sharedDataPath } from '../shared-data.ts';
import { readCaptureCsv } from './capture-table.ts';
import { estimateLcmcr } from './lcmcr.ts';
import { estimateLogLinear } from './loglinear.ts';

function kosovo(): ReturnType<typeof readCaptureCsv> | null {
  const file = sharedDataPath('linkage-benchmarks', 'mse', 'kosovo-4-lists.csv');
  return file ? readCaptureCsv(readFileSync(file, 'utf8'), file) : null;
}

test('Kosovo: independence model gives 7,395 and the best-AIC two-way model about 14,342', (t) => {
  const table = kosovo();
  if (!table) {
    t.skip(SHARED_DATA_ABSENT);
    return;
  }
  const counts = table.strata[0].counts;
  const r = estimateLogLinear(counts, table.lists);
  assert.equal(r.documented, 4400);
  assert.ok(Math.abs(r.independence.estimate! - 7395) <= 1, `independence ${r.independence.estimate}`);
  assert.ok(Math.abs(r.bestAic.estimate! - 14342) <= 5, `best AIC ${r.bestAic.estimate}`);
  assert.equal(r.bestAic.name, 'exh:aba + exh:osce + aba:osce + exh:hrw + osce:hrw');
  assert.equal(r.diverged, 0);
});

test('Kosovo: the LCMCR 95% interval contains the near-census count 10,401', (t) => {
  const table = kosovo();
  if (!table) {
    t.skip(SHARED_DATA_ABSENT);
    return;
  }
  const r = estimateLcmcr(table.strata[0].counts, table.lists.length, { seed: 1 });
  assert.ok(r.interval.lower <= 10401 && 10401 <= r.interval.upper!, `interval ${r.interval.lower}–${r.interval.upper}`);
  assert.ok(r.diagnostics.rhat! < 1.1, `R-hat ${r.diagnostics.rhat}`);
});
