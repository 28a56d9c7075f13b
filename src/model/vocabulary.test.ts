import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PLACE_PRECISIONS, PLACE_PRECISION_RADIUS_M } from './vocabulary.ts';

test('place precisions are ordered finest first with growing radii', () => {
  const radii = PLACE_PRECISIONS.map((p) => PLACE_PRECISION_RADIUS_M[p]);
  for (let i = 1; i < radii.length; i++) assert.ok(radii[i] > radii[i - 1], `${PLACE_PRECISIONS[i]} wider than ${PLACE_PRECISIONS[i - 1]}`);
  assert.equal(PLACE_PRECISIONS[0], 'exact');
  assert.equal(PLACE_PRECISIONS.at(-1), 'country');
});
