import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb } from '../db/testing.ts';
import { extractClaims } from '../extract/index.ts';
import { loadGazetteerFromDb, serverGazetteer } from './dbGazetteer.ts';
import { geocoderFor } from './extraction.ts';
import { BAGHUZ_LIST, writePlaceList } from './factories.ts';
import { vendoredGazetteer } from './gazetteer.ts';
import { geocode } from './geocode.ts';
import { importPlaceList } from './placeImporter.ts';
import { placeRepository } from './repository.ts';
import { geocodePlaces } from './service.ts';

test('the database-loaded gazetteer geocodes Baghouz spellings from an imported list; cached until the next import', async () => {
  const db = await createTestDb();
  try {
    assert.equal(await serverGazetteer(db.kysely), vendoredGazetteer(), 'an empty places table answers with the vendored data');
    await importPlaceList(db.kysely, { file: writePlaceList(BAGHUZ_LIST), actor: 'test', source: 'mine' });
    const g = await loadGazetteerFromDb(db.kysely);
    assert.equal(g.places.length, 3);
    for (const q of ['Baghouz', 'al-Baghuz', 'Baguoz', 'الباغوز', 'near Baghouz', 'Al Baghouz, Deir Ezzor']) {
      const c = geocode(q, { gazetteer: g, country: 'SY' })[0];
      assert.equal(c?.name, 'Al Baghuz', q);
      assert.equal(c?.admin[0], 'Deir-ez-Zor', `${q}: admin from the boundaries`);
    }
    assert.equal(geocode('near Baghouz', { gazetteer: g })[0]?.precision, 'town', 'near widens village → town');
    assert.equal(await loadGazetteerFromDb(db.kysely), g, 'cached');
    await importPlaceList(db.kysely, { file: writePlaceList([{ name_en: 'Abu Kamal', name_ar: 'البوكمال', lat: 34.45, lon: 40.92, precision: 'town' }]), actor: 'test', source: 'more' });
    const g2 = await loadGazetteerFromDb(db.kysely);
    assert.notEqual(g2, g, 'an import invalidates the cache');
    assert.equal(geocode('Albu Kamal', { gazetteer: g2 })[0]?.name, 'Abu Kamal');

    const lookup = geocoderFor(g2, { country: 'SY' });
    const m = lookup('الباغوز');
    assert.equal(typeof m?.id, 'number', 'id is places.id for a database gazetteer');
    assert.equal(m?.name, 'Al Baghuz');
    assert.equal(lookup('Atlantis'), null);
    const r = extractClaims('Two civilians were killed in an air strike on Baghouz on Friday.', { published: '2019-03-02', geocode: lookup });
    const place = r.claims.flatMap((c) => c.places).find((p) => p.match);
    assert.equal(place?.match?.name, 'Al Baghuz');
  } finally {
    await db.close();
  }
});

test('pg_trgm fallback: names similar to the query, in both scripts, when the in-memory search finds nothing', async () => {
  const db = await createTestDb();
  try {
    await importPlaceList(db.kysely, { file: writePlaceList([{ name_en: 'Baghuz Fawqani', name_ar: 'الباغوز فوقاني', lat: 34.468, lon: 40.94, precision: 'village' }]), actor: 'test' });
    const latin = await placeRepository.similarNames(db.kysely, { norm: 'bakuz', key: 'BKZ', script: 'latin' });
    assert.ok(latin.some((n) => n.name === 'Baghuz Fawqani' && n.sim > 0.3 && n.sim < 1), JSON.stringify(latin));
    const arabic = await placeRepository.similarNames(db.kysely, { norm: 'باغوز', key: 'BKZ', script: 'arabic', country: 'SY' });
    assert.equal(arabic[0]?.name, 'الباغوز فوقاني');
    assert.deepEqual(await placeRepository.similarNames(db.kysely, { norm: 'bakuz', key: 'BKZ', script: 'latin', country: 'IQ' }), []);

    const g = await loadGazetteerFromDb(db.kysely);
    assert.equal(geocode('Baghouz', { gazetteer: g }).length, 0, 'too far for the in-memory search');
    const r = await geocodePlaces(db.kysely, 'near Baghouz', { country: 'SY' });
    assert.equal(r.via, 'trigram');
    assert.equal(r.candidates[0]?.name, 'Baghuz Fawqani');
    assert.equal(r.candidates[0]?.precision, 'town');
    assert.ok(r.candidates[0]?.qualifiers.some((q) => q.startsWith('fuzzy: trigram')));
    assert.deepEqual((await geocodePlaces(db.kysely, 'Qwxyz', {})).via, 'none');
  } finally {
    await db.close();
  }
});
