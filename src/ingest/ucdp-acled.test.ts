import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseAcled } from './acled.ts';
import { parseUcdp } from './ucdp.ts';
import { TODAY, assertWellFormed, collect, errorsOf, streamOf } from './testing.ts';

const fixture = (name: string): string => new URL(`./fixtures/${name}`, import.meta.url).pathname;

test('UCDP GED: claims of UCDP with precision mapped and figures split by population', async () => {
  const out = await collect(parseUcdp(fixture('ucdp-ged-sample.csv'), { now: TODAY }));
  assertWellFormed(out);
  assert.deepEqual(errorsOf(out), [[5, 'type_of_violence'], [6, 'date_start']]);
  const [a, b, c] = out;
  assert.ok(a?.ok && b?.ok && c?.ok);
  assert.equal(a.record.claimant, 'UCDP GED');
  assert.equal(a.record.provenance.fileSha256?.length, 64);
  assert.deepEqual(a.record.date, { start: '2017-06-19', end: null, precision: 'day' });
  assert.equal(a.record.place.precision, 'town');
  assert.deepEqual(a.record.totalKilled, { min: 10, max: 15, best: 12 });
  assert.deepEqual(a.record.figures.map((f) => [f.population, f.min]), [['civilians', 7], ['combatants', 4], ['unknown', 1]]);
  assert.equal(a.record.attributes.conflict_name, 'Syria: Government');
  assert.deepEqual([b.record.date.precision, b.record.place.precision], ['month', 'governorate']);
  assert.deepEqual([c.record.date.precision, c.record.place.precision, c.record.eventType], ['span', 'district', 'state-based']);
  const last = out[5];
  assert.ok(last?.ok);
  assert.deepEqual(last.record.totalKilled, { min: 2, max: 3, best: 2 }, 'Arabic-Indic digits');
  assert.deepEqual(last.warnings.map((w) => w.kind), ['outside_country']);
});

test('ACLED: claims of ACLED, time/geo precision mapped, civilian targeting sets the population', async () => {
  const out = await collect(parseAcled(fixture('acled-sample.csv'), { now: TODAY }));
  assertWellFormed(out);
  assert.deepEqual(errorsOf(out), [[5, 'event_date'], [6, 'time_precision'], [7, 'event_type'], [8, 'fatalities']]);
  const [a, b, c] = out;
  assert.ok(a?.ok && b?.ok && c?.ok);
  assert.deepEqual([a.record.claimant, a.record.externalId, a.record.place.precision, a.record.date.precision], ['ACLED', 'SYR90001', 'town', 'day']);
  assert.deepEqual(a.record.figures, [{ outcome: 'killed', population: 'civilians', min: 3, max: 3, qualifier: 'exact' }]);
  assert.deepEqual([b.record.date.start, b.record.date.precision, b.record.place.precision, b.record.figures[0].population], ['2019-02-12', 'week', 'district', 'unknown']);
  assert.deepEqual([c.record.date.start, c.record.date.precision, c.record.place.precision], ['2017-03-03', 'month', 'governorate']);
  assert.equal(a.record.attributes.assoc_actor_1, 'Coalition');
});

test('fuzz: truncated and mutated UCDP/ACLED files never throw', async () => {
  const files = [readFileSync(fixture('ucdp-ged-sample.csv'), 'utf8'), readFileSync(fixture('acled-sample.csv'), 'utf8')];
  await fc.assert(
    fc.asyncProperty(fc.nat(), fc.nat(), fc.string({ maxLength: 5 }), async (cut, at, junk) => {
      for (const [i, f] of files.entries()) {
        const c = cut % (f.length + 1);
        const p = at % (f.length + 1);
        const text = `${f.slice(0, p)}${junk}${f.slice(p, Math.max(p, c))}`;
        const parser = i === 0 ? parseUcdp : parseAcled;
        assertWellFormed(await collect(parser(streamOf(text), { now: TODAY })));
      }
    }),
    { numRuns: 100 },
  );
});
