import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../config.ts';
import { createTestApp } from '../web/testing.ts';
import { BAGHUZ_LIST, writePlaceList } from './factories.ts';
import { importPlaceList } from './placeImporter.ts';
import { gazetteerRoutes } from './routes.ts';

test('GET /api/geocode and /api/reverse-geocode', async () => {
  const { app, db, close } = await createTestApp();
  try {
    // until src/web/app.ts registers the plugin itself
    if (!app.hasRoute({ method: 'GET', url: '/api/geocode' })) await app.register(gazetteerRoutes({ db, config: loadConfig({}), startedAt: new Date() }));
    await importPlaceList(db.kysely, { file: writePlaceList(BAGHUZ_LIST), actor: 'test', source: 'mine' });

    const res = await app.inject({ method: 'GET', url: `/api/geocode?q=${encodeURIComponent('near Baghouz')}&country=SY&limit=2` });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<{ via: string; country: string; candidates: { name: string; lat: number; lon: number; precision: string; radius_m: number; admin: string[]; pcode: string | null; score: number }[] }>();
    assert.equal(body.via, 'gazetteer');
    assert.equal(body.country, 'SY');
    const c = body.candidates[0];
    assert.equal(c?.name, 'Al Baghuz');
    assert.equal(c?.precision, 'town');
    assert.equal(c?.radius_m, 5000);
    assert.equal(c?.admin[0], 'Deir-ez-Zor');
    assert.ok((c?.score ?? 0) > 0.8);

    const ar = await app.inject({ method: 'GET', url: `/api/geocode?q=${encodeURIComponent('هجين')}` });
    assert.equal(ar.json<{ candidates: { name: string }[] }>().candidates[0]?.name, 'Hajin');
    const bad = await app.inject({ method: 'GET', url: '/api/geocode?q=Hajin&country=FR' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<{ error: { id: string } }>().error.id, 'INPUT_INVALID');

    const rev = await app.inject({ method: 'GET', url: '/api/reverse-geocode?lat=34.3&lon=43.389&country=SY' });
    assert.equal(rev.statusCode, 200, rev.body);
    const rb = rev.json<{ country: string; adm1: { pcode: string }; problems: { code: string }[] }>();
    assert.equal(rb.country, 'IQ');
    assert.equal(rb.adm1.pcode, 'IQG16');
    assert.equal(rb.problems[0]?.code, 'outside_country');
    const swapped = await app.inject({ method: 'GET', url: '/api/reverse-geocode?lat=40.83&lon=34.69' });
    assert.equal(swapped.json<{ problems: { code: string }[] }>().problems[0]?.code, 'swapped');
    const impossible = await app.inject({ method: 'GET', url: '/api/reverse-geocode?lat=35.1&lon=4239.0' });
    assert.equal(impossible.statusCode, 400);
    assert.match(impossible.json<{ error: { message: string } }>().error.message, /4239/);
    const nan = await app.inject({ method: 'GET', url: '/api/reverse-geocode?lat=abc&lon=40' });
    assert.equal(nan.statusCode, 400);

    const spec = await app.inject({ method: 'GET', url: '/openapi.json' });
    if (spec.statusCode === 200) assert.ok(Object.keys(spec.json<{ paths: Record<string, unknown> }>().paths).includes('/api/geocode'));
  } finally {
    await close();
  }
});
