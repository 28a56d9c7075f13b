import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb } from '../db/testing.ts';
import { verifyAudit } from '../audit/service.ts';
import { buildReleaseRow, writeReleaseCsv } from '../strikes/factories.ts';
import { strikeImporter } from '../strikes/strikeImporter.ts';
import { loadGazetteerFromDb } from './dbGazetteer.ts';
import { loadVendoredPlaces } from './demo.ts';
import { geocode } from './geocode.ts';
import { geocodeStrikePlaces } from './strikePlaces.ts';

test('vendored places load into an empty table once; polygons come back for reverse geocoding; strike lines get places', async () => {
  const db = await createTestDb();
  try {
    const first = await loadVendoredPlaces(db.kysely);
    assert.equal(first.loaded, true);
    assert.equal(first.result?.imported, 863);
    assert.equal(first.result?.rejected.length, 0);
    assert.deepEqual(await loadVendoredPlaces(db.kysely), { loaded: false, result: null });

    const g = await loadGazetteerFromDb(db.kysely);
    assert.equal(g.places.length, 863);
    assert.equal(g.boundaries.boundaries.length, 427, 'COD-AB polygons from places.geometry');
    const where = g.boundaries.reverse(36.34, 43.13);
    assert.deepEqual([where.adm1?.name, where.adm2?.name], ['Ninewa', 'Al-Mosul']);
    assert.equal(geocode('ريف الرقة', { gazetteer: g })[0]?.precision, 'governorate');

    const rows = Array.from({ length: 16 }, (_, i) => buildReleaseRow(i));
    rows.push(buildReleaseRow(16, { location: 'Qwxyz', line: '- Near Qwxyz, one strike engaged an ISIL tactical unit.' }));
    await strikeImporter(db.kysely, { file: writeReleaseCsv(rows), actor: 'test' });
    const r = await geocodeStrikePlaces({ actor: 'test', reason: 'places of release lines' }, db.kysely);
    assert.equal(r.lines, 17);
    assert.equal(r.placeTexts, 9);
    assert.equal(r.resolvedTexts, 8);
    assert.equal(r.updated, 16);
    assert.deepEqual(r.unresolved, [{ place_text: 'Qwxyz', country: 'IQ', lines: 1 }]);
    const mosul = await db.kysely.selectFrom('declared_strikes').innerJoin('places', 'places.id', 'declared_strikes.place_id')
      .select(['declared_strikes.lat', 'declared_strikes.place_precision', 'places.name', 'places.country']).where('place_text', '=', 'Mosul').executeTakeFirstOrThrow();
    assert.equal(mosul.country, 'IQ');
    assert.match(mosul.name, /Mosul/);
    assert.ok(mosul.lat !== null && Math.abs(mosul.lat - 36.34) < 0.2);
    const events = await db.kysely.selectFrom('audit_events').select(['action']).where('action', '=', 'strikes.geocoded').execute();
    assert.equal(events.length, 1);

    const again = await geocodeStrikePlaces({ actor: 'test', reason: 'again' }, db.kysely);
    assert.equal(again.updated, 0, 'lines with a coordinate are left alone');
    const redo = await db.kysely.transaction().execute((tx) => geocodeStrikePlaces({ actor: 'test', reason: 'redo', tx }, db.kysely, { overwrite: true }));
    assert.equal(redo.updated, 16, 'inside the caller\'s transaction, overwriting');
    assert.equal((await verifyAudit(db.kysely)).ok, true);
  } finally {
    await db.close();
  }
});
