import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { HarmwatchError } from '../errors.ts';
import { parseMappedCsv, parseMapping, readMapping } from './generic.ts';
import { hxlTarget, parseHxl, parseHxlTag } from './hxl.ts';
import { parseTarget } from './tabular.ts';
import { TODAY, assertWellFormed, collect, errorsOf, streamOf } from './testing.ts';

const fixture = (name: string): string => new URL(`./fixtures/${name}`, import.meta.url).pathname;

test('target names', () => {
  assert.deepEqual(parseTarget('killed_max'), { kind: 'figure', outcome: 'killed', population: null, bound: 'max' });
  assert.deepEqual(parseTarget('children_injured'), { kind: 'figure', outcome: 'injured', population: 'children', bound: 'both' });
  assert.deepEqual(parseTarget('health_workers_killed_min'), { kind: 'figure', outcome: 'killed', population: 'health_workers', bound: 'min' });
  assert.equal(parseTarget('aliens_killed'), null);
  assert.deepEqual(parseTarget('place'), { kind: 'scalar', field: 'place' });
});

test('generic CSV: mapped columns become claim fields, the rest stay as attributes', async () => {
  const mapping = await readMapping(fixture('generic-mapping.json'));
  const out = await collect(parseMappedCsv(fixture('generic-sample.csv'), mapping, { now: TODAY }));
  assertWellFormed(out);
  assert.deepEqual(errorsOf(out), [[4, 'Date'], [5, 'Killed (min)']]);
  const a = out[0];
  assert.ok(a?.ok);
  assert.equal(a.record.claimant, 'Synthetic local monitor');
  assert.deepEqual(a.record.date, { start: '2019-01-05', end: null, precision: 'day' });
  assert.deepEqual(a.record.figures.map((f) => [f.population, f.min, f.max, f.qualifier]), [['civilians', 2, 4, 'between'], ['children', 1, 1, 'exact']]);
  assert.deepEqual(a.record.attributes, { Notes: 'synthetic row' });
  assert.equal(a.record.place.precision, 'village');
});

test('generic CSV: a bad mapping names the key; a mapped column missing from the file is a header error', async () => {
  assert.throws(() => parseMapping({ claimant: 'x', columns: { A: 'nonsense' } }, 'm.json'), (e: unknown) => e instanceof HarmwatchError && /columns\.A/.test(e.message));
  assert.throws(() => parseMapping({ columns: {} }), HarmwatchError);
  const m = parseMapping({ claimant: 'x', columns: { Date: 'date', Dead: 'killed' } });
  assert.deepEqual(errorsOf(await collect(parseMappedCsv(streamOf('Date,Killed\n2019-01-01,1\n'), m, { now: TODAY }))), [[1, 'Dead']]);
});

test('HXL tags map by tag and attributes', () => {
  const t = (s: string): ReturnType<typeof hxlTarget> => hxlTarget(parseHxlTag(s)!);
  assert.deepEqual(t('#affected +killed +children'), { kind: 'figure', outcome: 'killed', population: 'children', bound: 'both' });
  assert.deepEqual(t('#affected+injured+f+max'), { kind: 'figure', outcome: 'injured', population: 'women', bound: 'max' });
  assert.equal(t('#affected+displaced'), null);
  assert.deepEqual(t('#adm1+name'), { kind: 'scalar', field: 'admin1' });
  assert.equal(t('#adm1+code'), null);
  assert.deepEqual(t('#org+perpetrator'), { kind: 'scalar', field: 'actor' });
  assert.deepEqual(t('#org'), { kind: 'scalar', field: 'source' });
  assert.equal(parseHxlTag('Not a tag'), null);
});

test('HXL file: hashtag row 2, data from row 3, unmapped columns kept', async () => {
  const out = await collect(parseHxl(fixture('hxl-sample.csv'), { now: TODAY, claimant: 'Synthetic monitor', country: 'SY' }));
  assertWellFormed(out);
  assert.deepEqual(errorsOf(out), [[5, '#date'], [6, '#affected+killed']]);
  const a = out[0];
  assert.ok(a?.ok && a.row === 3);
  assert.deepEqual(a.record.figures.map((f) => [f.outcome, f.population, f.min]), [['killed', 'unknown', 4], ['killed', 'children', 2], ['injured', 'unknown', 6]]);
  assert.deepEqual([a.record.externalId, a.record.place.text, a.record.place.admin1, a.record.actors, a.record.sourceText], ['HX-1', 'Hajin', 'Deir ez-Zor', ['Coalition'], 'Synthetic Monitor']);
  assert.deepEqual(a.record.attributes, { '#status+verification': 'verified' });
  const b = out[1];
  assert.ok(b?.ok && b.record.date.start === '2019-01-06' && b.record.figures[0].min === 3, 'Arabic-Indic digits');
  const last = out.at(-1);
  assert.ok(last?.ok);
  assert.deepEqual(last.warnings.map((w) => w.kind), ['outside_country'], 'Ramadi lies in Iraq');
});

test('HXL without a text header: hashtags in row 1, data from row 2; no hashtags at all is a header error', async () => {
  const out = await collect(parseHxl(streamOf('#date,#affected+killed,\n2019-01-01,2,x\n'), { now: TODAY }));
  assert.ok(out[0]?.ok && out[0].row === 2);
  assert.deepEqual(out[0].record.attributes, { 'column 3': 'x' });
  assert.deepEqual(errorsOf(await collect(parseHxl(streamOf('a,b\nc,d\n1,2\n'), { now: TODAY }))), [[2, '(header)']]);
});

test('fuzz: truncated and mutated generic/HXL files never throw', async () => {
  const hxl = readFileSync(fixture('hxl-sample.csv'), 'utf8');
  const gen = readFileSync(fixture('generic-sample.csv'), 'utf8');
  const mapping = await readMapping(fixture('generic-mapping.json'));
  await fc.assert(
    fc.asyncProperty(fc.nat(), fc.nat(), fc.string({ maxLength: 5 }), async (cut, at, junk) => {
      const mutate = (f: string): string => {
        const p = at % (f.length + 1);
        return `${f.slice(0, p)}${junk}${f.slice(p, Math.max(p, cut % (f.length + 1)))}`;
      };
      assertWellFormed(await collect(parseHxl(streamOf(mutate(hxl)), { now: TODAY })));
      assertWellFormed(await collect(parseMappedCsv(streamOf(mutate(gen)), mapping, { now: TODAY })));
    }),
    { numRuns: 100 },
  );
});
