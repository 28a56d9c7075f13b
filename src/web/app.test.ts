import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from './testing.ts';
import { strikeImporter } from '../strikes/strikeImporter.ts';
import { buildReleaseRow, writeReleaseCsv } from '../strikes/factories.ts';

test('HTTP: health, strikes API with filters and cursors, OpenAPI, pages, errors', async (t) => {
  const { app, db, close } = await createTestApp();
  t.after(close);
  const rows = Array.from({ length: 40 }, (_, i) => buildReleaseRow(i));
  rows[3] = buildReleaseRow(3, { location: '<script>alert(1)</script>' });
  await strikeImporter(db.kysely, { file: writeReleaseCsv(rows), actor: 'test' });

  await t.test('health', async () => {
    const r = await app.inject('/api/health');
    assert.equal(r.statusCode, 200);
    assert.equal(r.json<{ status: string }>().status, 'ok');
    assert.match(String(r.headers['content-security-policy']), /frame-ancestors 'none'/);
  });

  await t.test('cursor pagination walks every row once, newest first', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let last = '9999-12-31';
    do {
      const url: string = `/api/strikes?limit=7${cursor ? `&cursor=${cursor}` : ''}`;
      const r = await app.inject(url);
      assert.equal(r.statusCode, 200);
      const body = r.json<{ data: Array<{ id: number; releaseDate: string }>; next: string | null; totals: { lines: number } }>();
      assert.equal(body.totals.lines, 40);
      for (const s of body.data) {
        assert.ok(s.releaseDate <= last);
        last = s.releaseDate;
        seen.push(s.id);
      }
      cursor = body.next;
    } while (cursor);
    assert.equal(seen.length, 40);
    assert.equal(new Set(seen).size, 40);
  });

  await t.test('filters by country, place and dates', async () => {
    const sy = (await app.inject('/api/strikes?country=SY&limit=500')).json<{ data: Array<{ country: string }> }>();
    assert.ok(sy.data.length > 0 && sy.data.every((s) => s.country === 'SY'));
    const place = (await app.inject('/api/strikes?place=abu%20kam')).json<{ data: Array<{ place: string }> }>();
    assert.ok(place.data.length > 0 && place.data.every((s) => s.place === 'Abu Kamal'));
    const dated = (await app.inject('/api/strikes?from=2015-01-05&to=2015-01-05')).json<{ data: Array<{ releaseDate: string }> }>();
    assert.ok(dated.data.length > 0 && dated.data.every((s) => s.releaseDate === '2015-01-05'));
    const wild = (await app.inject('/api/strikes?place=%25')).json<{ data: unknown[] }>();
    assert.equal(wild.data.length, 0, 'LIKE wildcards in the query are literal');
  });

  await t.test('bad input is a 400 with a stable id, never a 500', async () => {
    for (const url of ['/api/strikes?from=2015-13-01', '/api/strikes?country=FR', '/api/strikes?limit=0', '/api/strikes?cursor=bm9wZQ', "/api/strikes?place=' or 1=1 --&country=IQ"]) {
      const r = await app.inject(url);
      if (url.includes('or 1=1')) {
        assert.equal(r.statusCode, 200, url);
        continue;
      }
      assert.equal(r.statusCode, 400, url);
      assert.equal(r.json<{ error: { id: string } }>().error.id, 'INPUT_INVALID', url);
    }
    const missing = await app.inject('/api/strikes/999999');
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json<{ error: { id: string } }>().error.id, 'NOT_FOUND');
  });

  await t.test('OpenAPI 3.1 is generated from the schemas', async () => {
    const spec = (await app.inject('/openapi.json')).json<{ openapi: string; paths: Record<string, unknown> }>();
    assert.equal(spec.openapi, '3.1.0');
    assert.ok(spec.paths['/api/strikes'] && spec.paths['/api/health'] && spec.paths['/api/strikes/{id}']);
    const docs = await app.inject('/docs');
    assert.equal(docs.statusCode, 200);
    assert.match(docs.body, /\/api\/strikes/);
  });

  await t.test('home page: totals, filter form, escaped text, Arabic right to left', async () => {
    const en = await app.inject('/?country=SY');
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /<html lang="en" dir="ltr">/);
    assert.match(en.body, /<form class="filters"/);
    assert.ok(!en.body.includes('<script>alert(1)</script>'));
    const all = await app.inject('/strikes?place=script');
    assert.match(all.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    const ar = await app.inject('/?lang=ar');
    assert.match(ar.body, /<html lang="ar" dir="rtl">/);
    assert.match(ar.body, /الضربات المعلنة/);
    assert.match(ar.body, /[٠-٩]/, 'numbers in Arabic-Indic digits');
    assert.match(String(ar.headers['set-cookie']), /lang=ar/);
    const emptyForm = await app.inject('/strikes?from=&to=&country=&place=');
    assert.equal(emptyForm.statusCode, 200, 'an empty form submits cleanly');
  });
});

test('public API: ETags with 304, CORS on reads, rate limit with 429', async (t) => {
  const { app, close } = await createTestApp();
  t.after(close);
  const first = await app.inject('/api/strikes');
  assert.equal(first.headers['access-control-allow-origin'], '*');
  const etag = String(first.headers.etag);
  assert.match(etag, /^W\/"/);
  const again = await app.inject({ url: '/api/strikes', headers: { 'if-none-match': etag } });
  assert.equal(again.statusCode, 304);
  assert.equal(again.body, '');
  const pre = await app.inject({ method: 'OPTIONS', url: '/api/strikes' });
  assert.equal(pre.statusCode, 204);
  assert.match(String(pre.headers['access-control-allow-methods']), /GET/);
  let limited = 0;
  for (let i = 0; i < 650; i++) {
    const r = await app.inject({ url: '/api/health', remoteAddress: '10.9.9.9' });
    if (r.statusCode === 429) {
      limited++;
      assert.equal(r.json<{ error: { id: string } }>().error.id, 'RATE_LIMITED');
      assert.ok(Number(r.headers['retry-after']) >= 1);
    }
  }
  assert.ok(limited > 0 && limited <= 60, `some requests over the limit were refused (${limited})`);
  assert.equal((await app.inject({ url: '/api/health', remoteAddress: '10.9.9.10' })).statusCode, 200, 'other addresses are unaffected');
});

test('strikes exports: CSV, HXL and GeoJSON with the list filters', async (t) => {
  const { app, db, close } = await createTestApp();
  t.after(close);
  await strikeImporter(db.kysely, { file: writeReleaseCsv(Array.from({ length: 30 }, (_, i) => buildReleaseRow(i))), actor: 'test' });
  const csv = await app.inject('/api/strikes.csv?country=SY');
  assert.equal(csv.statusCode, 200);
  const lines = csv.body.split('\r\n').filter(Boolean);
  assert.equal(lines[0], 'id,release_date,country,place,lat,lon,place_precision,strikes,engaged,destroyed,line,declared_by,belligerent,dataset,dataset_row,file_sha256');
  const sy = (await app.inject('/api/strikes?country=SY&limit=500')).json<{ totals: { lines: number } }>().totals.lines;
  assert.equal(lines.length, sy + 1);
  assert.ok(lines.slice(1).every((l) => l.split(',')[2] === 'SY'));
  const hxl = (await app.inject('/api/strikes.hxl.csv')).body.split('\r\n');
  assert.match(hxl[1], /^#event\+id,#date\+reported/);
  const geo = (await app.inject('/api/strikes.geojson')).json<{ features: Array<{ geometry: unknown; properties: { line: string } }> }>();
  assert.equal(geo.features.length, 30);
  assert.ok(geo.features.every((f) => f.geometry === null && f.properties.line.startsWith('- Near')));
});

test('methodology page in both languages', async (t) => {
  const { app, close } = await createTestApp();
  t.after(close);
  const en = await app.inject('/methodology');
  assert.match(en.body, /Fair<\/strong>: two or more independent credible sources/);
  assert.match(en.body, /no reason given/);
  const ar = await app.inject('/methodology?lang=ar');
  assert.match(ar.body, /dir="rtl"/);
  assert.match(ar.body, /لم يُذكر سبب/);
});
