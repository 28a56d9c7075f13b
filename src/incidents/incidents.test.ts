import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from '../web/testing.ts';
import { buildIncident } from './factories.ts';

test('incidents API: list, filters across scripts, detail, exports', async (t) => {
  const { app, db, close } = await createTestApp();
  t.after(close);
  const a = await buildIncident(db.kysely, { placeText: 'Al Baghuz Fawqani', placeNameAr: 'الباغوز فوقاني', country: 'SY', admin1: 'Deir-ez-Zor', dateStart: '2019-03-18', dateEnd: '2019-03-18', belligerents: ['coalition'] });
  const b = await buildIncident(db.kysely, { grade: 'weak', figures: [{ outcome: 'killed', population: 'civilians', low: null, best: null, high: null, rule: 'no figure stated' }] });
  await buildIncident(db.kysely, { status: 'draft', placeText: 'Secret draft place' });
  await buildIncident(db.kysely, { dateStart: null, dateEnd: null, datePrecision: null, placeText: 'Undated place', lat: null, lon: null });

  await t.test('list shows published incidents only, newest first, undated last', async () => {
    const r = (await app.inject('/api/incidents')).json<{ data: Array<{ id: string; date: { start: string | null } }>; total: number }>();
    assert.equal(r.total, 3);
    assert.equal(r.data[0].id, a.publicId);
    assert.equal(r.data.at(-1)!.date.start, null);
    assert.ok(!JSON.stringify(r).includes('Secret draft place'));
  });

  await t.test('cursor pages cover all rows once', async () => {
    const first = (await app.inject('/api/incidents?limit=2')).json<{ data: Array<{ id: string }>; next: string }>();
    const second = (await app.inject(`/api/incidents?limit=2&cursor=${first.next}`)).json<{ data: Array<{ id: string }>; next: string | null }>();
    assert.deepEqual(new Set([...first.data, ...second.data].map((d) => d.id)).size, 3);
    assert.equal(second.next, null);
  });

  await t.test('search in Arabic with other letter forms, and in Latin', async () => {
    for (const q of ['الباغوز', 'الْبَاغُوز', 'baghuz', 'BAGHUZ fawqani']) {
      const r = (await app.inject(`/api/incidents?q=${encodeURIComponent(q)}`)).json<{ data: Array<{ id: string }> }>();
      assert.deepEqual(r.data.map((d) => d.id), [a.publicId], q);
    }
    const g = (await app.inject('/api/incidents?grade=weak')).json<{ data: Array<{ id: string }> }>();
    assert.deepEqual(g.data.map((d) => d.id), [b.publicId]);
    const c = (await app.inject('/api/incidents?country=SY&governorate=deir-ez-zor&belligerent=coalition')).json<{ data: Array<{ id: string }> }>();
    assert.deepEqual(c.data.map((d) => d.id), [a.publicId]);
  });

  await t.test('unknown figures stay null, never 0', async () => {
    const r = (await app.inject(`/api/incidents/${b.publicId}`)).json<{ figures: Array<{ low: number | null }>; place: { radiusM: number } }>();
    assert.equal(r.figures[0].low, null);
    assert.equal(r.place.radiusM, 1000);
    assert.equal((await app.inject('/api/incidents/HW-999999')).statusCode, 404);
  });

  await t.test('CSV (RFC 4180, CRLF, optional BOM), HXL and GeoJSON exports respect visibility', async () => {
    const csv = await app.inject('/api/incidents.csv?bom=1');
    assert.equal(csv.statusCode, 200);
    assert.ok(csv.body.startsWith('\uFEFFid,date_start'));
    assert.equal(csv.body.split('\r\n').filter(Boolean).length, 4);
    assert.ok(!csv.body.includes('Secret draft place'));
    const hxl = await app.inject('/api/incidents.hxl.csv?country=SY');
    const lines = hxl.body.split('\r\n');
    assert.match(lines[1], /^#event\+id,#date\+start/);
    assert.equal(lines.filter(Boolean).length, 3);
    const geo = (await app.inject('/api/incidents.geojson')).json<{ type: string; features: Array<{ geometry: { coordinates: number[] } | null }> }>();
    assert.equal(geo.type, 'FeatureCollection');
    assert.equal(geo.features.length, 3);
    assert.equal(geo.features.filter((f) => f.geometry === null).length, 1);
    assert.ok(geo.features.some((f) => f.geometry?.coordinates[0] === 43.1));
  });
});

test('incident pages: list with filters and downloads, detail with figures, in both languages', async (t) => {
  const { app, db, close } = await createTestApp();
  t.after(close);
  const a = await buildIncident(db.kysely, { placeText: 'Al Baghuz', placeNameAr: 'الباغوز', country: 'SY', admin1: 'Deir-ez-Zor' });
  const list = await app.inject('/incidents?q=%D8%A7%D9%84%D8%A8%D8%A7%D8%BA%D9%88%D8%B2&lang=ar');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /dir="rtl"/);
  assert.ok(list.body.includes(a.publicId));
  assert.match(list.body, /\/api\/incidents\.geojson\?/);
  const detail = await app.inject(`/incidents/${a.publicId}`);
  assert.equal(detail.statusCode, 200);
  assert.match(detail.body, /10 – 12 – 15/);
  assert.match(detail.body, /radius 1,000 m/);
  const empty = await app.inject('/incidents?from=&to=&country=&governorate=&belligerent=&grade=&assessment=&q=');
  assert.equal(empty.statusCode, 200);
  const missing = await app.inject({ url: '/incidents/HW-404404', headers: { accept: 'text/html' } });
  assert.equal(missing.statusCode, 404);
  assert.match(missing.body, /<html/);
});

test('incident page and API: victims as counts until names are approved, responses without recipients', async (t) => {
  const { recordVictim } = await import('../victims/victimRecorder.ts');
  const { recordResponse } = await import('../responses/responseRecorder.ts');
  const { app, db, close } = await createTestApp();
  t.after(close);
  const { createSource } = await import('../victims/factories.ts');
  const a = await buildIncident(db.kysely);
  const sourceId = await createSource(db.kysely, { title: 'Hospital list' });
  await db.kysely.transaction().execute(async (tx) => {
    const ctx = { actor: 'test:analyst', reason: 'from the hospital list', tx };
    await recordVictim(ctx, { incidentId: a.id, names: [{ name: 'محمد أحمد الخلف' }], facts: [{ field: 'status', value: 'civilian', sourceId }, { field: 'outcome', value: 'killed', sourceId }], sourceId });
    await recordResponse(ctx, { kind: 'condolence_payment', belligerent: 'coalition', incidentId: a.id, amount: 2500, currency: 'USD', recipient: 'Fatima al-Khalaf', sourceId });
  });
  const api = await app.inject(`/api/incidents/${a.publicId}`);
  assert.equal(api.statusCode, 200);
  const body = api.json<{ victims: { counts: { total: number }; restricted: number; named: unknown[] }; responses: Array<{ kind: string; amount: number; hasRecipient: boolean }> }>();
  assert.deepEqual([body.victims.counts.total, body.victims.restricted, body.victims.named.length], [1, 1, 0]);
  assert.deepEqual(body.responses.map((r) => [r.kind, r.amount, r.hasRecipient]), [['condolence_payment', 2500, true]]);
  for (const res of [api, await app.inject(`/incidents/${a.publicId}`), await app.inject(`/incidents/${a.publicId}?lang=ar`), await app.inject('/api/incidents.csv'), await app.inject('/api/incidents.geojson')]) {
    assert.ok(!res.body.includes('الخلف') && !res.body.includes('Fatima'), 'no restricted name leaves');
  }
  assert.match((await app.inject(`/incidents/${a.publicId}`)).body, /Names of 1 are restricted/);
});
