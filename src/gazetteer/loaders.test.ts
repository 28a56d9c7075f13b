import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedDataPath, SHARED_DATA_ABSENT } from '../shared-data.ts';
import { vendoredGazetteer } from './gazetteer.ts';
import { geonamesFeatureType, loadCodAb, loadPlaceListCsv, mapPrecision, parsePlaceList } from './loaders.ts';
import type { RowError } from './types.ts';

test('mapPrecision: Airwars geoloc_precision values and our own words', () => {
  assert.equal(mapPrecision('village'), 'village');
  assert.equal(mapPrecision('neighbourhood_area'), 'neighbourhood');
  assert.equal(mapPrecision('exact_location'), 'exact');
  assert.equal(mapPrecision('exact_location_coalition'), 'exact');
  assert.equal(mapPrecision('within_1m'), 'exact');
  assert.equal(mapPrecision('within_100m'), 'within_100m');
  assert.equal(mapPrecision('nearby_landmark'), 'street');
  assert.equal(mapPrecision('province_governorate'), 'governorate');
  assert.equal(mapPrecision('Sub-district'), 'subdistrict');
  assert.equal(mapPrecision('somewhere'), null);
});

test('geonamesFeatureType: PPLC/PPLA city, population thresholds', () => {
  assert.equal(geonamesFeatureType('PPLC', 1), 'city');
  assert.equal(geonamesFeatureType('PPLA', null), 'city');
  assert.equal(geonamesFeatureType('PPLA2', 150_000), 'city');
  assert.equal(geonamesFeatureType('PPL', 20_000), 'town');
  assert.equal(geonamesFeatureType('PPLA3', 900), 'village');
  assert.equal(geonamesFeatureType('PPL', null), 'village');
});

test('parsePlaceList: our shape and the Airwars shape, bad rows reported per row', () => {
  const ours = parsePlaceList('name_en,name_ar,lat,lon,precision\nHajin,هجين,34.69,40.83,village\n', 'ours.csv', { country: 'SY' });
  assert.equal(ours.length, 1);
  const r0 = ours[0];
  assert.ok(r0.ok);
  assert.equal(r0.place.precision, 'village');
  assert.equal(r0.place.nameAr, 'هجين');
  assert.equal(r0.place.id, 'list:ours.csv:2');

  const csv = [
    'location_en,location_ar,latitude,longitude,geoloc_precision,governorate_en,governorate_ar,incident_count',
    'Ar Raqqah,الرقة\u200E,35.95,39.009,city,Ar Raqqah,الرقة,129',
    'Saraqib,سراقب,,,,Idlib,إدلب,16',
    'Al Sakiya street,,35.1,4239.00416,street,Deir Ezzor,,1',
    'Somewhere,,35.1,39.1,floating,,,1',
    ',,35.1,39.1,village,,,1',
    'near Hajin,قرب هجين,34.69,40.83,,Deir Ezzor,,2',
  ].join('\n');
  const rows = parsePlaceList(csv, 'pn.csv', { boundaries: vendoredGazetteer().boundaries });
  assert.equal(rows.length, 6);
  const ok = rows.filter((r) => r.ok);
  const bad = rows.filter((r): r is RowError => !r.ok);
  assert.equal(ok.length, 2);
  assert.deepEqual(bad.map((b) => [b.row, b.field]), [[3, 'latitude'], [4, 'longitude'], [5, 'precision'], [6, 'name_en']]);
  assert.match(bad[1].reason, /4239/);
  const raqqa = ok[0].ok ? ok[0].place : null;
  assert.equal(raqqa?.nameAr, 'الرقة', 'LRM stripped');
  assert.equal(raqqa?.country, 'SY');
  assert.equal(raqqa?.uses, 129);
  const hajin = ok[1].ok ? ok[1].place : null;
  assert.equal(hajin?.precision, 'town', 'empty precision → town');
  assert.ok(hajin?.names.some((n) => n.text === 'Hajin'), 'core name indexed beside the phrase');
});

test('loadCodAb: polygons usable by d3 (Syria rewound), centroids inside their country', () => {
  const { places, boundaries } = loadCodAb();
  assert.equal(boundaries.filter((b) => b.country === 'IQ' && b.level === 3).length, 294);
  assert.equal(boundaries.filter((b) => b.country === 'SY').length, 14);
  const raqqa = places.find((p) => p.pcode === 'SY11')!;
  assert.equal(raqqa.featureType, 'governorate');
  assert.ok(raqqa.lat > 35 && raqqa.lat < 37 && raqqa.lon > 38 && raqqa.lon < 40.5);
  const sy = places.find((p) => p.id === 'country:SY')!;
  assert.ok(sy.lat > 33 && sy.lat < 37 && sy.lon > 36 && sy.lon < 41);
});

test('loadPlaceListCsv on the shared place_names.csv', (t) => {
  const path = sharedDataPath('airwars-syria', 'place_names.csv');
  if (!path) { t.skip(SHARED_DATA_ABSENT); return; }
  const rows = loadPlaceListCsv(path, { boundaries: vendoredGazetteer().boundaries });
  assert.equal(rows.length, 4256);
  const ok = rows.filter((r) => r.ok).length;
  assert.ok(ok > 3300, `${ok} usable rows`);
  const bad = rows.filter((r): r is RowError => !r.ok);
  assert.ok(bad.some((b) => /4239/.test(b.reason)), 'the impossible longitude is reported');
  assert.ok(bad.every((b) => b.row >= 2 && b.field && b.reason));
});
