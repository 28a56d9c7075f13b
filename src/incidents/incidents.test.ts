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

test('cursor pages walk dated incidents newest first, then undated ones, each once, at every page size', async (t) => {
  const { app, db, close } = await createTestApp();
  t.after(close);
  const { incidentRepository } = await import('./repository.ts');
  const dates = ['2017-03-17', '2017-03-17', '2017-03-17', '2019-01-02', null, '2015-06-30', null, '2017-03-17', null, '2019-01-02'];
  const made: Array<{ publicId: string; date: string | null; grade: string }> = [];
  for (const [i, d] of dates.entries()) {
    const grade = i % 2 ? 'weak' : 'fair';
    made.push({ ...(await buildIncident(db.kysely, { dateStart: d, dateEnd: d, datePrecision: d ? 'day' : null, grade })), date: d, grade });
  }
  // Every third incident (and one undated among them) is one the coalition found credible.
  const { recordAssessment } = await import('../assessment/assessmentRecorder.ts');
  const credible = new Set(made.filter((_, i) => i % 3 === 0).map((m) => m.publicId));
  await db.kysely.transaction().execute(async (tx) => {
    for (const publicId of credible) await recordAssessment({ actor: 'test:analyst', reason: 'test data', tx }, { publicId, belligerent: 'coalition', status: 'credible' });
    await recordAssessment({ actor: 'test:analyst', reason: 'test data', tx }, { publicId: made[1].publicId, belligerent: 'coalition', status: 'not_credible' });
  });
  // Newest date first, ids descending within a date (creation order), undated last.
  const rank = (d: string | null): string => d ?? '0000';
  const expected = made.map((m, i) => ({ ...m, i })).sort((a, b) => rank(b.date).localeCompare(rank(a.date)) || b.i - a.i);
  const filters: Array<[string, (m: (typeof made)[number]) => boolean]> = [
    ['', () => true], ['&grade=weak', (m) => m.grade === 'weak'], ['&assessment=credible', (m) => credible.has(m.publicId)],
  ];
  for (const [filter, keep] of filters) {
    const want = expected.filter(keep).map((m) => m.publicId);
    const all = (await app.inject(`/api/incidents?limit=200${filter}`)).json<{ total: number; totalExact: boolean }>();
    assert.deepEqual([all.total, all.totalExact], [want.length, true], filter);
    for (const limit of [1, 2, 3, 4, 7]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let guard = 0; guard < 20; guard++) {
        const url: string = `/api/incidents?limit=${limit}${filter}${cursor ? `&cursor=${cursor}` : ''}`;
        const r: { data: Array<{ id: string }>; next: string | null; total: number } = (await app.inject(url)).json<{ data: Array<{ id: string }>; next: string | null; total: number }>();
        assert.equal(r.total, want.length, `total of ${url}`);
        seen.push(...r.data.map((d) => d.id));
        cursor = r.next;
        if (!cursor) break;
      }
      assert.deepEqual(seen, want, `limit ${limit}${filter}`);
    }
  }
  // The export's pages: every published incident once, in id order.
  const streamed: string[] = [];
  for await (const page of incidentRepository.stream(db.kysely, { publishedOnly: true }, 3)) streamed.push(...page.map((r) => r.public_id));
  assert.deepEqual(streamed, made.map((m) => m.publicId));
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

test('a field the incident hides (field_visibility) stays hidden in the list, detail, exports, filters and search', async (t) => {
  const { app, db, close } = await createTestApp();
  t.after(close);
  const hidden = await buildIncident(db.kysely, { title: 'Strike near the safe house', placeText: 'Hidden Village', placeNameAr: 'قرية مخفية', admin1: 'Raqqa', dateStart: '2018-05-02', dateEnd: '2018-05-02', lat: 35.123, lon: 39.456 });
  await db.kysely.updateTable('incidents').set({ field_visibility: JSON.stringify({ place: 'restricted', date: 'internal', figures: 'restricted' }) }).where('id', '=', hidden.id).execute();
  const shown = await buildIncident(db.kysely, { placeText: 'Open Town', admin1: 'Raqqa', dateStart: '2018-05-03', dateEnd: '2018-05-03' });

  const list = (await app.inject('/api/incidents')).json<{ data: Array<{ id: string; date: { start: string | null }; place: { text: string | null; lat: number | null }; figures: unknown[] }> }>();
  const h = list.data.find((d) => d.id === hidden.publicId)!;
  assert.deepEqual([h.date.start, h.place.text, h.place.lat, h.figures.length], [null, null, null, 0]);
  const detail = await app.inject(`/api/incidents/${hidden.publicId}`);
  for (const body of [detail.body, (await app.inject('/api/incidents.csv')).body, (await app.inject('/api/incidents.geojson')).body, (await app.inject('/api/incidents.hxl.csv')).body, (await app.inject(`/incidents/${hidden.publicId}`)).body]) {
    assert.doesNotMatch(body, /Hidden Village|قرية مخفية|35\.123|39\.456|2018-05-02/);
  }
  assert.doesNotMatch((await app.inject('/map')).body, new RegExp(hidden.publicId), 'no map point for a hidden place');
  assert.match((await app.inject('/map')).body, new RegExp(shown.publicId));
  const ids = async (q: string): Promise<string[]> => (await app.inject(`/api/incidents?${q}`)).json<{ data: Array<{ id: string }> }>().data.map((d) => d.id);
  assert.deepEqual(await ids('from=2018-05-01&to=2018-05-05'), [shown.publicId], 'a hidden date cannot be found by a date filter');
  assert.deepEqual(await ids('governorate=raqqa'), [shown.publicId], 'nor a hidden place by a governorate filter');
  assert.deepEqual(await ids('q=hidden'), [], 'nor by words of a hidden place');
  assert.ok((await ids('')).includes(hidden.publicId), 'the incident itself is listed');
});
