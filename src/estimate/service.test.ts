import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportText } from './presenters.ts';
import { estimateMse } from './service.ts';
import type { CaptureTable } from './schema.ts';

const table: CaptureTable = {
  lists: ['a', 'b', 'c'],
  strata: [
    { stratum: 'north', counts: [0, 300, 250, 60, 200, 55, 45, 12] },
    { stratum: 'south', counts: [0, 10, 0, 0, 7, 3, 0, 0] },
    { stratum: 'west', counts: [0, 100, 90, 20, 80, 20, 15, 5] },
  ],
};

test('a stratum that cannot be estimated gets a reason, the others still get estimates', () => {
  const r = estimateMse(table, { method: 'loglinear' });
  assert.deepEqual(r.strata.map((s) => s.documented), [922, 20, 330]);
  assert.ok(r.strata[0].estimate! > 922);
  assert.equal(r.strata[1].estimate, null);
  assert.match(r.strata[1].problem!, /list b documents nobody/);
  assert.equal(r.total!.documented, 1272);
  assert.equal(r.total!.estimate, null);
  const text = reportText(r, 't.csv');
  assert.match(text, /stratum south: documented 20; estimated total unknown \(interval unknown\)/);
  assert.match(text, /stratum north: documented 922; estimated total [\d,]+ \(95% profile-likelihood interval [\d,]+–[\d,]+\)/);
});

test('LCMCR totals over strata come from summed posterior draws', () => {
  const two: CaptureTable = { lists: table.lists, strata: [table.strata[0], table.strata[2]] };
  const r = estimateMse(two, { method: 'lcmcr', seed: 4, iterations: 2000, lcmcr: { burnIn: 300, thin: 10, chains: 2 } });
  const [n, w] = r.strata;
  assert.equal(r.total!.interval!.method, 'summed-posterior-draws');
  assert.ok(r.total!.interval!.lower >= n.interval!.lower + w.interval!.lower);
  assert.ok(r.total!.interval!.upper! <= n.interval!.upper! + w.interval!.upper!);
  assert.equal(r.total!.documented, 1252);
});
