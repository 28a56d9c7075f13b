import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Gazetteer, loadGazetteer, vendoredGazetteer } from './gazetteer.ts';
import { checkCoordinate, geocode, reverseGeocode } from './geocode.ts';
import { placeName } from './loaders.ts';
import { parsePlace, withoutModifiers } from './qualifiers.ts';
import { distanceM } from './types.ts';
import type { PlaceRecord } from './types.ts';

/** A small gazetteer on top of the vendored boundaries, built from a factory. */
function place(id: string, en: string, ar: string | null, lat: number, lon: number, extra: Partial<PlaceRecord> = {}): PlaceRecord {
  return {
    id, name: en, nameAr: ar, names: [placeName(en, 'en', 'test'), ...(ar ? [placeName(ar, 'ar', 'test')] : [])],
    featureType: 'village', country: 'SY', admin: [], pcode: null, lat, lon, precision: 'village', population: null, source: 'test', ...extra,
  };
}

function smallGazetteer(): Gazetteer {
  const base = vendoredGazetteer();
  const g = new Gazetteer(base.boundaries);
  g.add(base.places.filter((p) => p.source === 'cod-ab'));
  g.add([
    place('t:baghouz', 'Al Baghouz', 'الباغوز', 34.4322, 40.9923),
    place('t:hajin', 'Hajin', 'هجين', 34.6897, 40.83, { featureType: 'town', precision: 'town' }),
    place('t:raqqa', 'Ar Raqqah', 'الرقة', 35.9506, 39.0094, { featureType: 'city', precision: 'city', population: 220_000 }),
    place('t:abukamal', 'Abu Kamal', 'البوكمال', 34.466, 40.9076, { featureType: 'city', precision: 'city' }),
    place('t:mosul', 'Mosul', 'الموصل', 36.335, 43.1189, { featureType: 'city', precision: 'city', country: 'IQ' }),
  ]);
  return g;
}

const g = smallGazetteer();
const top = (text: string, country?: 'IQ' | 'SY') => geocode(text, { gazetteer: g, country })[0];

test('every spelling of Baghouz lands on the same place', () => {
  for (const text of ['Baguoz', 'Baghouz', 'Al Bagouz Fawqani', 'الباغوز', 'مخيم الباغوز', 'the town of Baguoz', 'al-Baghouz, Syria', 'Baghouz\u200E']) {
    const c = top(text);
    assert.ok(c, text);
    assert.equal(c.placeId, 't:baghouz', text);
  }
});

test('near Hajin: Hajin, precision widened one step', () => {
  const c = top('near Hajin');
  assert.equal(c.placeId, 't:hajin');
  assert.equal(c.precision, 'city');
  assert.equal(c.radius_m, 10_000);
  assert.ok(c.qualifiers.includes('near'));
  assert.equal(top('Hajin').precision, 'town');
  assert.equal(top('قرب هجين').precision, 'city');
});

test('Raqqa countryside / ريف الرقة: governorate level', () => {
  for (const text of ['Raqqa countryside', 'ريف الرقة', 'rural Raqqa']) {
    const c = top(text);
    assert.equal(c.featureType, 'governorate', text);
    assert.equal(c.precision, 'governorate', text);
    assert.equal(c.pcode, 'SY11', text);
  }
  assert.equal(top('Raqqa').placeId, 't:raqqa');
});

test('east of the country: country level with the qualifier noted', () => {
  const c = top('east of the country', 'SY');
  assert.equal(c.precision, 'country');
  assert.equal(c.country, 'SY');
  assert.equal(c.radius_m, 300_000);
  assert.deepEqual(c.qualifiers, ['east of the country']);
  assert.equal(geocode('east of the country', { gazetteer: g }).length, 2);
  assert.equal(top('شرق البلاد', 'IQ').country, 'IQ');
});

test('Abu Kamal / Albu Kamal / Al Bukamal / البوكمال', () => {
  for (const text of ['Abu Kamal', 'Albu Kamal', 'Al Bukamal', 'البوكمال', 'Near Abu Kamal']) assert.equal(top(text).placeId, 't:abukamal', text);
});

test('country filter and trailing country word', () => {
  assert.equal(top('Mosul', 'SY'), undefined);
  assert.equal(top('Mosul, Iraq').placeId, 't:mosul');
  assert.equal(top('الموصل').admin[0], 'Ninewa');
});

test('candidates carry admin names and p-codes from the polygons', () => {
  const c = top('Hajin');
  assert.deepEqual(c.admin, ['Deir-ez-Zor']);
  assert.equal(c.pcode, 'SY09');
  assert.equal(c.score <= 1 && c.score > 0.9, true);
});

test('nothing found gives an empty list, not an error', () => {
  assert.deepEqual(geocode('', { gazetteer: g }), []);
  assert.deepEqual(geocode('!!!', { gazetteer: g }), []);
  assert.deepEqual(geocode('Xyzzyqwv', { gazetteer: g }).filter((c) => c.score > 0.9), []);
});

test('an unknown name inside a description falls back to the place it mentions', () => {
  const c = top('wood saw mill on the outskirts of Hajin');
  assert.equal(c.placeId, 't:hajin');
  assert.ok(c.qualifiers.some((q) => q.startsWith('fallback')));
  assert.ok(!top('Hajin').qualifiers.some((q) => q.startsWith('fallback')));
});

test('exclude leaves a place out (leave-one-out)', () => {
  const c = geocode('Hajin', { gazetteer: g, exclude: new Set(['t:hajin']) })[0];
  assert.notEqual(c?.placeId, 't:hajin');
});

test('parsePlace reads qualifiers', () => {
  assert.deepEqual(parsePlace('near Hajin'), { core: 'Hajin', qualifiers: ['near'], near: true, level: null, country: null, context: [], kind: null });
  assert.equal(parsePlace('حي الحميدية').kind, 'neighbourhood');
  assert.equal(parsePlace('the village of Baguoz').kind, 'village');
  assert.equal(parsePlace('the village of Baguoz').core, 'Baguoz');
  assert.equal(parsePlace('in Baguoz, Syria').country, 'SY');
  assert.equal(parsePlace('قرية الباغوز').core, 'الباغوز');
  assert.equal(parsePlace('بلدة هجين').core, 'هجين');
  assert.equal(parsePlace('مدينة الرقة').core, 'الرقة');
  assert.equal(parsePlace('حي السكري').core, 'السكري');
  assert.equal(parsePlace('ريف الرقة').level, 'governorate');
  assert.deepEqual(parsePlace('Al Fardous (Aleppo)').context, ['Aleppo']);
  assert.equal(parsePlace('Hajin: House near the mosque').core, 'Hajin');
  assert.equal(parsePlace('east of the country').level, 'country');
  assert.equal(withoutModifiers('Al Bagouz Fawqani'), 'Al Bagouz');
  assert.equal(withoutModifiers('الباغوز فوقاني'), 'الباغوز');
  assert.equal(withoutModifiers('Hajin'), null);
});

test('vendored gazetteer: cities in both scripts', () => {
  for (const [text, lat, lon] of [['Mosul', 36.34, 43.12], ['الموصل', 36.34, 43.12], ['Ramadi', 33.42, 43.3], ['Deir ez-Zor', 35.33, 40.14], ['دير الزور', 35.33, 40.14], ['Abu Kamal', 34.45, 40.92], ['حلب', 36.2, 37.16]] as const) {
    const c = geocode(text)[0];
    assert.ok(c, text);
    assert.ok(distanceM(lat, lon, c.lat, c.lon) < 15_000, `${text} → ${c.name} ${c.lat},${c.lon}`);
  }
});

test('reverseGeocode: Iraq adm1–3 and Syria adm1 with p-codes', () => {
  const mosul = reverseGeocode(36.34, 43.13);
  assert.equal(mosul.country, 'IQ');
  assert.equal(mosul.adm1?.pcode, 'IQG15');
  assert.equal(mosul.adm2?.name, 'Al-Mosul');
  assert.match(mosul.adm3?.pcode ?? '', /^IQG15Q05N/);
  const raqqa = reverseGeocode(35.95, 39.01);
  assert.equal(raqqa.country, 'SY');
  assert.equal(raqqa.adm1?.pcode, 'SY11');
  assert.equal(raqqa.adm2, null);
  assert.equal(reverseGeocode(48.85, 2.35).country, null);
  assert.equal(reverseGeocode(Number.NaN, 2).country, null);
});

test('checkCoordinate: impossible, swapped, outside the stated country', () => {
  assert.deepEqual(checkCoordinate(36.2, 37.16, 'SY'), []);
  const lon = checkCoordinate(35.95, 4239.00416, 'SY');
  assert.equal(lon[0]?.code, 'impossible');
  assert.match(lon[0].reason, /4239\.00416/);
  assert.equal(checkCoordinate(95, 40)[0]?.code, 'impossible');
  const sw = checkCoordinate(40.9, 34.46, 'SY');
  assert.equal(sw[0]?.code, 'swapped');
  assert.deepEqual(sw[0]?.suggestion, { lat: 34.46, lon: 40.9 });
  const iq = checkCoordinate(34.3, 43.389, 'SY');
  assert.equal(iq[0]?.code, 'outside_country');
  assert.equal(iq[0]?.actualCountry, 'IQ');
  assert.match(iq[0].reason, /Iraq/);
  assert.equal(checkCoordinate(0, 0)[0]?.code, 'null_island');
  assert.equal(checkCoordinate(48.85, 2.35)[0]?.code, 'outside_coverage');
  assert.equal(checkCoordinate(Number.NaN, 1)[0]?.code, 'not_a_number');
});

test('loadGazetteer: vendored data has both countries, governorates and GeoNames places', () => {
  const { gazetteer, report } = loadGazetteer();
  assert.equal(report.errors.length, 0);
  assert.equal(gazetteer.places.filter((p) => p.featureType === 'governorate').length, 18 + 14);
  assert.ok(gazetteer.places.some((p) => p.id === 'country:IQ'));
  assert.ok(gazetteer.places.filter((p) => p.source === 'geonames').length > 400);
});
