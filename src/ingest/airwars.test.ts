import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SHARED_DATA_ABSENT, sharedDataPath } from '../shared-data.ts';
import { AIRWARS_INCIDENT_COLUMNS, parseAirwarsIncidents } from './airwars.ts';
import type { AirwarsIncident } from './airwars.ts';
import { summarise } from './summary.ts';
import { TODAY, assertWellFormed, collect, errorsOf, streamOf } from './testing.ts';
import type { RowOutcome } from './types.ts';

type Row = Partial<Record<(typeof AIRWARS_INCIDENT_COLUMNS)[number], string>>;
let nextId = 1000;

/** A valid incident row; override any column. */
function incident(over: Row = {}): Row {
  const id = nextId++;
  return {
    code: `CS${id}`, airwars_id: String(id), date: '2017-06-19', date_type: 'date', location_en: 'Raqqa', governorate_en: 'Raqqa',
    latitude: '35.95', longitude: '39.01', geoloc_precision: 'neighbourhood_area', belligerent_en: 'U.S.-led Coalition',
    strike_status_en: 'Likely strike', civilian_harm_reported_en: 'Yes', grading_en: 'Fair', civ_killed_min: '2', civ_killed_max: '4',
    belligerent_assessment: 'coalition:non_credible', ...over,
  };
}

function csvOf(rows: Row[]): string {
  const esc = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [AIRWARS_INCIDENT_COLUMNS.join(','), ...rows.map((r) => AIRWARS_INCIDENT_COLUMNS.map((c) => esc(r[c] ?? '')).join(','))].join('\n');
}

async function parse(rows: Row[]): Promise<Array<RowOutcome<AirwarsIncident>>> {
  return collect(parseAirwarsIncidents(streamOf(csvOf(rows)), { now: TODAY }));
}

const ok = (o: RowOutcome<AirwarsIncident> | undefined): AirwarsIncident => {
  assert.ok(o?.ok, JSON.stringify(o));
  return o.record;
};

test('a normal row maps to harmwatch words with independent min/max per outcome × population', async () => {
  const [o] = await parse([incident({
    children_killed_min: '1', children_killed_max: '1', belligerents_killed_min: '3', belligerents_killed_max: '5',
    civ_injured_max: '٧', previous_codes: 'R1;R2', date_end: '2017-06-21', date_type: 'date_range',
  })]);
  const r = ok(o);
  assert.equal(r.grade, 'fair');
  assert.equal(r.strikeStatus, 'likely');
  assert.equal(r.place.precision, 'neighbourhood');
  assert.deepEqual(r.date, { start: '2017-06-19', end: '2017-06-21', precision: 'span', raw: '2017-06-19' });
  assert.deepEqual(r.previousCodes, ['R1', 'R2']);
  assert.deepEqual(r.figures.map((f) => [f.population, f.outcome, f.min, f.max, f.qualifier]), [
    ['civilians', 'killed', 2, 4, 'between'], ['civilians', 'injured', null, 7, 'at_most'], ['children', 'killed', 1, 1, 'exact'],
    ['combatants', 'killed', 3, 5, 'between'],
  ]);
  assert.deepEqual(r.assessments.map((a) => [a.belligerent, a.status]), [['coalition', 'not_credible']]);
  assert.equal(o.ok && o.warnings.length, 0);
});

test('assessments: words mapped, conceded harm goes to the credible belligerent, statements split', async () => {
  const [o] = await parse([incident({
    belligerent_assessment: 'coalition:credible;russian_forces:not_yet_assessed;x:open_incident;y:duplicate',
    conceded_deaths_min: '1', conceded_deaths_max: '2',
    official_casualty_statement: '[20180531] Assessed credible. --- [20180701] Second statement.\n---\nno date here',
  })]);
  const r = ok(o);
  assert.deepEqual(r.assessments.map((a) => a.status), ['credible', 'not_yet_assessed', 'open', 'duplicate']);
  assert.deepEqual(r.assessments[0].conceded?.killed, { min: 1, max: 2 });
  assert.equal(r.assessments[1].conceded, null);
  assert.deepEqual(r.officialStatements, [
    { date: '2018-05-31', text: 'Assessed credible.' }, { date: '2018-07-01', text: 'Second statement.' }, { date: null, text: 'no date here' },
  ]);
  assert.deepEqual(o.ok && o.warnings.map((w) => w.kind), ['malformed_statement']);
});

test('known faults are warnings on kept records', async () => {
  const out = await parse([
    incident({ code: 'CS1033', longitude: '4239.00416' }),
    incident({ code: 'CS194', latitude: '35.82738', longitude: '43.38919' }),
    incident({ code: 'TS644', date: '' }),
    incident({ code: 'TRSOM001', date: '1970-01-01', latitude: '', longitude: '' }),
    incident({ code: 'TS631' }),
    incident({ code: 'TS631' }),
    incident({ men_killed_min: '24', men_killed_max: '1' }),
    incident({ grading_en: 'Contested, Discounted' }),
  ]);
  assert.equal(out.filter((o) => o.ok).length, 8);
  const kinds = out.map((o) => (o.ok ? o.warnings.map((w) => w.kind) : []));
  assert.deepEqual(kinds, [
    ['coordinates_out_of_range'], ['outside_country'], ['missing_date'], ['placeholder_date'], [], ['duplicate_code'], ['min_exceeds_max'], ['multiple_grades'],
  ]);
  assert.equal(ok(out[0]).place.longitude, null);
  assert.equal(ok(out[0]).place.coordinatesRaw, '35.95,4239.00416');
  assert.match(out[1].ok ? out[1].warnings[0].message : '', /outside Syria \(in Iraq\)/);
  assert.equal(ok(out[3]).date.start, null);
  assert.equal(ok(out[7]).grade, null);
});

test('unknown controlled values and bad fields are row errors naming the field', async () => {
  const out = await parse([
    incident({ grading_en: 'Likely' }),
    incident({ strike_status_en: 'Probable strike' }),
    incident({ geoloc_precision: 'somewhere' }),
    incident({ belligerent_assessment: 'coalition:maybe' }),
    incident({ date: '2017-02-30' }),
    incident({ date: '2099-01-01' }),
    incident({ civ_killed_min: 'several' }),
    incident({ airwars_id: '' }),
    incident({ date_type: 'fuzzy' }),
    incident({ airwars_id: '1000' }),
    incident({ airwars_id: '1000' }),
  ]);
  assert.deepEqual(errorsOf(out), [
    [2, 'grading_en'], [3, 'strike_status_en'], [4, 'geoloc_precision'], [5, 'belligerent_assessment'], [6, 'date'], [7, 'date'],
    [8, 'civ_killed_min'], [9, 'airwars_id'], [10, 'date_type'], [12, 'airwars_id'],
  ]);
  assertWellFormed(out);
});

test('fuzz: random rows and truncated files never throw', async () => {
  const cell = fc.oneof(fc.constantFrom('', '1', '-3', '٣', '2019-02-29', 'Fair', 'coalition:credible', '"', ',', '\n', '4239.1'), fc.string({ maxLength: 6 }));
  await fc.assert(
    fc.asyncProperty(fc.array(fc.dictionary(fc.constantFrom(...AIRWARS_INCIDENT_COLUMNS), cell), { maxLength: 5 }), fc.nat(), async (rows, cut) => {
      const text = csvOf(rows.map((r) => incident(r)));
      assertWellFormed(await collect(parseAirwarsIncidents(streamOf(text), { now: TODAY })));
      assertWellFormed(await collect(parseAirwarsIncidents(streamOf(text.slice(0, cut % (text.length + 1))), { now: TODAY })));
    }),
    { numRuns: 100 },
  );
});

test('shared airwars-syria incidents: every row read, faults reported as warnings', async (t) => {
  const path = sharedDataPath('airwars-syria', 'incidents.csv');
  if (!path) {
    t.skip(SHARED_DATA_ABSENT);
    return;
  }
  const byCode = new Map<string, string[]>();
  const s = await summarise(parseAirwarsIncidents(path), (o) => {
    if (o.ok && o.warnings.length) byCode.set(o.record.code, [...(byCode.get(o.record.code) ?? []), ...o.warnings.map((w) => w.kind)]);
  });
  assert.equal(s.rows, 6408);
  assert.equal(s.rejected, 0);
  assert.ok(byCode.get('CS1033')?.includes('coordinates_out_of_range'));
  assert.ok(byCode.get('CS194')?.includes('outside_country'));
  assert.ok(byCode.get('TI038C')?.includes('outside_country'));
  assert.ok(byCode.get('TS644')?.includes('missing_date'));
  assert.ok(byCode.get('YS133')?.includes('missing_date'));
  assert.ok(byCode.get('TRSOM001')?.includes('placeholder_date'));
  assert.ok(byCode.get('TS631')?.includes('duplicate_code'));
});
