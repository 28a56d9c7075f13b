import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mapTable } from './csv.ts';
import { RowFault, parseCount } from './fields.ts';
import { assertWellFormed, collect, errorsOf, streamOf } from './testing.ts';

const spec = {
  file: 't.csv',
  required: ['a', 'b'],
  mapRow: (v: Record<string, string>) => {
    if (v.a === 'boom') throw new Error('kaput');
    if (v.a === 'bad') throw new RowFault('a', 'is bad', v.a);
    return { record: { a: v.a, b: parseCount(v.b, 'b') }, warnings: [] };
  },
};

test('rows are numbered from 2 (header = 1); quoted newlines are one record', async () => {
  const out = await collect(mapTable(streamOf('a,b\nx,1\n"y\nz",2\n'), spec));
  assert.deepEqual(out.map((o) => o.row), [2, 3]);
  assert.ok(out.every((o) => o.ok));
});

test('every fault is a per-row error naming the field; reading goes on', async () => {
  const out = await collect(mapTable(streamOf('a,b\nbad,1\nboom,1\nok,x\nok\nok,2\n'), spec));
  assert.deepEqual(errorsOf(out), [[2, 'a'], [3, '(row)'], [4, 'b'], [5, '(row)']]);
  assert.equal(out[4].ok, true);
});

test('a missing required column is one header error', async () => {
  const out = await collect(mapTable(streamOf('a,c\n1,2\n'), spec));
  assert.deepEqual(errorsOf(out), [[1, 'b']]);
});

test('empty input and unclosed quotes end with a clear error', async () => {
  assert.deepEqual(errorsOf(await collect(mapTable(streamOf(''), spec))), [[1, '(header)']]);
  const out = await collect(mapTable(streamOf('a,b\nx,1\n"y,2\n'), spec));
  assertWellFormed(out);
  assert.equal(out[0].ok, true);
  assert.equal(out.at(-1)!.ok, false);
});

test('fuzz: random text never throws and every outcome is well formed', async () => {
  await fc.assert(
    fc.asyncProperty(fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', 'x', '1', ' ', '\u0661') }), async (s) => {
      assertWellFormed(await collect(mapTable(streamOf(`a,b\n${s}`), spec)));
    }),
    { numRuns: 200 },
  );
});
