import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { buildIncident } from '../incidents/factories.ts';
import { isHashtagRow } from '../ingest/hxl.ts';
import { createTestApp } from '../web/testing.ts';
import { buildClaim, buildPlace, buildSource } from './factories.ts';
import { claimRepository } from './repository.ts';

interface ClaimOut {
  id: number; claimant: string | null; min: number | null; max: number | null; qualifier: string | null; quote: string;
  place: { name: string | null; nameAr: string | null; country: string | null; governorate: string | null };
  location: { lat: number | null; lon: number | null; from: string | null };
  source: { id: number; title: string | null; sha256: string; capturedAt: string; url: string | null };
  incident: { id: string };
}
interface Page { data: ClaimOut[]; next: string | null; total: number; totalExact: boolean }
interface Geo { type: string; features: Array<{ type: string; id: number; geometry: { type: string; coordinates: [number, number] } | null; properties: Record<string, unknown> }> }

const ARABIC_QUOTE = 'قال "الدفاع المدني"، إن 12 مدنياً قتلوا, وأصيب آخرون\r\nفي الموصل';
const HIDDEN = ['DRAFT-ONLY-CLAIM', 'UNLINKED-CLAIM', 'REJECTED-CLAIM', 'UNACCEPTED-WITNESS-TEXT', 'INTERNAL-SOURCE-CLAIM', 'hidden-witness@example.org'];
const PERSONAL = ['Yusuf', 'Karim', '770 123 4567', 'yusuf-karim'];

test('claims API and exports: visibility, filters, pagination, CSV/HXL/GeoJSON', async (t) => {
  const { app, db, close } = await createTestApp();
  t.after(close);
  const k = db.kysely;
  const A = await buildIncident(k);
  const B = await buildIncident(k, { country: 'SY', admin1: 'Deir-ez-Zor', placeText: 'Al Baghuz', lat: null, lon: null, placePrecision: null, dateStart: '2019-03-18', dateEnd: '2019-03-18' });
  const H = await buildIncident(k, { admin1: 'Secret-Governorate' });
  await k.updateTable('incidents').set({ field_visibility: JSON.stringify({ place: 'restricted' }) }).where('id', '=', H.id).execute();
  const draft = await buildIncident(k, { status: 'draft' });

  const c1 = await buildClaim(k, { incident_id: A.id });
  const arSource = await buildSource(k, { language: 'ar', title: 'تقرير' });
  const c2 = await buildClaim(k, {
    incident_id: A.id, source_id: arSource, claimant: 'الدفاع المدني', claimant_norm: null, quote: ARABIC_QUOTE, min: 12, max: null, qualifier: 'at_least',
    period_start: '2017-03-16', period_end: '2017-03-18', date_precision: 'span',
  });
  const baghuz = await buildPlace(k);
  const c3 = await buildClaim(k, {
    incident_id: B.id, outcome: 'injured', population: 'children', min: null, max: null, qualifier: 'vague', quote: 'Dozens of children were injured, "many" seriously',
    period_start: '2019-03-18', period_end: '2019-03-18', place_text: 'Baghuz', place_id: baghuz, place_precision: 'village', lat: 34.453, lon: 40.938,
  });
  const c4 = await buildClaim(k, { incident_id: B.id, type: 'strikes', outcome: null, population: null, min: 2, max: 2, period_start: null, period_end: null, date_precision: null });
  const c5 = await buildClaim(k, { incident_id: H.id, period_start: '2018-01-01', period_end: '2018-01-01' });
  const witnessSource = await buildSource(k, {
    type: 'public_submission', title: 'yusuf-karim-photo.jpg', publisher: null, url: null, proximity: 'direct_witness',
    text: 'My name is Yusuf Karim, phone +964 770 123 4567. A strike killed two.',
  });
  const w = await buildClaim(k, { incident_id: A.id, source_id: witnessSource, claimant: 'Yusuf Karim', claimant_norm: 'yusuf karim', min: 2, max: 2, quote: 'My name is Yusuf Karim, call 0770 123 4567: a strike killed two' });

  await buildClaim(k, { incident_id: draft.id, quote: 'DRAFT-ONLY-CLAIM' });
  await buildClaim(k, { incident_id: null, quote: 'UNLINKED-CLAIM' });
  await buildClaim(k, { incident_id: A.id, status: 'rejected', quote: 'REJECTED-CLAIM' });
  const unaccepted = await buildSource(k, { type: 'public_submission', visibility: 'restricted', status: 'unverified', text: 'UNACCEPTED-WITNESS-TEXT' });
  await buildClaim(k, { incident_id: A.id, source_id: unaccepted, quote: 'UNACCEPTED-WITNESS-TEXT', claimant: 'hidden-witness@example.org' });
  const internal = await buildSource(k, { visibility: 'internal' });
  await buildClaim(k, { incident_id: A.id, source_id: internal, quote: 'INTERNAL-SOURCE-CLAIM' });

  const get = async (url: string) => {
    const r = await app.inject(url);
    assert.equal(r.statusCode, 200, `${url}: ${r.body}`);
    return r;
  };
  const ids = async (query: string): Promise<number[]> => (await get(`/api/claims?${query}`)).json<Page>().data.map((c) => c.id);

  await t.test('list: public claims only, newest period first, undated last', async () => {
    const r = (await get('/api/claims')).json<Page>();
    assert.deepEqual(r.data.map((c) => c.id), [c3, c5, w, c1, c2, c4]);
    assert.equal(r.total, 6);
    assert.equal(r.totalExact, true);
    assert.equal(r.next, null);
  });

  await t.test('cursor pages cover every claim once, in order', async () => {
    const seen: number[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const r: Page = (await get(`/api/claims?limit=2${next ? `&cursor=${next}` : ''}`)).json<Page>();
      assert.ok(r.data.length <= 2);
      seen.push(...r.data.map((c) => c.id));
      next = r.next;
      pages++;
    } while (next && pages < 10);
    assert.deepEqual(seen, [c3, c5, w, c1, c2, c4]);
    assert.equal(pages, 3);
    assert.equal((await app.inject('/api/claims?cursor=bm9wZQ')).statusCode, 400);
  });

  await t.test('filters', async () => {
    assert.deepEqual(await ids(`incident=${B.publicId}`), [c3, c4]);
    assert.deepEqual(await ids(`source=${arSource}`), [c2]);
    assert.deepEqual(await ids('type=strikes'), [c4]);
    assert.deepEqual(await ids('outcome=injured'), [c3]);
    assert.deepEqual(await ids('population=children'), [c3]);
    assert.deepEqual(await ids('language=AR'), [c2]);
    assert.deepEqual(await ids('claimant=DEFENCE'), [c3, c5, c1, c4]);
    assert.deepEqual(await ids(`claimant=${encodeURIComponent('الدفاع')}`), [c2]);
    assert.deepEqual(await ids('claimant=yusuf'), [], "a witness's name is not searchable");
    assert.deepEqual(await ids('from=2017-03-18&to=2017-03-18'), [c2], 'periods overlapping the range');
    assert.deepEqual(await ids('from=2018-01-01'), [c3, c5]);
    assert.deepEqual(await ids('country=SY'), [c3, c4]);
    assert.deepEqual(await ids('country=IQ&type=&outcome='), [c5, w, c1, c2]);
    assert.equal((await app.inject('/api/claims?outcome=dead')).statusCode, 400);
  });

  await t.test('one claim: figures (unknown is null), place with precision, source link; hidden claims are 404', async () => {
    const c = (await get(`/api/claims/${c3}`)).json<ClaimOut>();
    assert.deepEqual([c.min, c.max, c.qualifier], [null, null, 'vague']);
    assert.deepEqual([c.place.name, c.place.nameAr, c.place.country, c.place.governorate], ['Al Baghuz', 'الباغوز', 'SY', 'Deir-ez-Zor']);
    assert.deepEqual(c.location, { lat: 34.453, lon: 40.938, precision: 'village', radiusM: 2000, from: 'claim' });
    assert.match(c.source.sha256, /^[0-9a-f]{64}$/);
    assert.equal(c.source.capturedAt, '2019-04-01T10:00:00.000Z');
    assert.equal(c.incident.id, B.publicId);
    const restricted = (await get(`/api/claims/${c5}`)).json<ClaimOut>();
    assert.equal(restricted.place.governorate, null, "the incident's hidden place is not shown");
    assert.equal(restricted.location.from, null);
    const hidden = await k.selectFrom('claims').select('id').where('quote', 'in', HIDDEN).execute();
    assert.equal(hidden.length, 5);
    for (const h of hidden) assert.equal((await app.inject(`/api/claims/${h.id}`)).statusCode, 404);
    assert.equal((await app.inject('/api/claims/99999999')).statusCode, 404);
    assert.equal((await app.inject('/api/claims/abc')).statusCode, 400);
  });

  await t.test('a witness is never named: claimant withheld, free text redacted, in every format', async () => {
    const c = (await get(`/api/claims/${w}`)).json<ClaimOut>();
    assert.equal(c.claimant, '[name removed]');
    assert.match(c.quote, /\[name removed\].*\[phone removed\]/);
    assert.equal(c.source.title, null);
    const urls = ['/api/claims', `/api/claims/${w}`, '/api/claims.csv', '/api/claims.hxl.csv', '/api/claims.geojson', `/api/claims.csv?incident=${A.publicId}&bom=1`];
    for (const url of urls) {
      const body = (await get(url)).body;
      for (const v of [...HIDDEN, ...PERSONAL]) assert.ok(!body.includes(v), `${url} shows "${v}"`);
    }
  });

  await t.test('CSV: RFC 4180 quoting of commas, quotes, line breaks and Arabic; optional BOM; empty = unknown', async () => {
    const r = await get('/api/claims.csv?bom=1');
    assert.match(String(r.headers['content-type']), /^text\/csv; charset=utf-8/);
    assert.match(String(r.headers['content-disposition']), /harmwatch-claims\.csv/);
    assert.ok(r.body.startsWith('\uFEFFid,incident,type,'));
    assert.ok(r.body.endsWith('\r\n'));
    assert.ok(!(await get('/api/claims.csv')).body.startsWith('\uFEFF'));
    const rows = parse<Record<string, string>>(r.body, { bom: true, columns: true });
    assert.equal(rows.length, 6);
    const ar = rows.find((x) => x.id === String(c2))!;
    assert.equal(ar.quote, ARABIC_QUOTE);
    assert.equal(ar.claimant, 'الدفاع المدني');
    assert.deepEqual([ar.killed_min, ar.killed_max, ar.qualifier], ['12', '', 'at_least']);
    const vague = rows.find((x) => x.id === String(c3))!;
    assert.deepEqual([vague.injured_min, vague.injured_max, vague.killed_min], ['', '', '']);
    assert.equal(vague.quote, 'Dozens of children were injured, "many" seriously');
    assert.ok(r.body.includes('"Dozens of children were injured, ""many"" seriously"'));
    assert.equal(parse<Record<string, string>>((await get(`/api/claims.csv?incident=${B.publicId}`)).body, { columns: true }).length, 2);
  });

  await t.test('HXL: a hashtag row under the header with the standard tags', async () => {
    const text = (await get('/api/claims.hxl.csv')).body;
    const [header, tags, ...data] = parse(text);
    assert.ok(isHashtagRow(tags));
    assert.equal(tags.length, header.length);
    for (const tag of ['#date+start', '#adm1+name', '#loc+name', '#geo+lat', '#geo+lon', '#affected+killed+min', '#affected+killed+max', '#affected+injured+min', '#event+id', '#meta+source+url', '#meta+source+sha256']) {
      assert.ok(tags.includes(tag), tag);
    }
    assert.equal(new Set(tags).size, tags.length, 'each column has its own hashtag spec');
    assert.equal(data.length, 6);
  });

  await t.test("GeoJSON: a FeatureCollection, [lon, lat] points from the claim's place or its incident, else null", async () => {
    const r = await get('/api/claims.geojson');
    assert.match(String(r.headers['content-type']), /^application\/geo\+json/);
    const g = r.json<Geo>();
    assert.equal(g.type, 'FeatureCollection');
    assert.deepEqual(g.features.map((f) => f.id).sort((a, b) => a - b), [c1, c2, c3, c4, c5, w].sort((a, b) => a - b));
    for (const f of g.features) {
      assert.equal(f.type, 'Feature');
      assert.ok(f.geometry === null || (f.geometry.type === 'Point' && f.geometry.coordinates.length === 2));
      assert.ok(!('lat' in f.properties) && !('lon' in f.properties));
    }
    const byId = new Map(g.features.map((f) => [f.id, f]));
    assert.deepEqual(byId.get(c3)!.geometry!.coordinates, [40.938, 34.453]);
    assert.deepEqual(byId.get(c1)!.geometry!.coordinates, [43.1, 36.33]);
    assert.equal(byId.get(c1)!.properties.location_from, 'incident');
    assert.equal(byId.get(c4)!.geometry, null, 'no place anywhere');
    assert.equal(byId.get(c5)!.geometry, null, "the incident's location is restricted");
    assert.equal((await get('/api/claims.geojson?type=strikes')).json<Geo>().features.length, 1);
  });

  await t.test('exports read in keyset pages: every claim once, in id order', async () => {
    const pages: number[][] = [];
    for await (const rows of claimRepository.stream(k, {}, 2)) pages.push(rows.map((r) => r.id));
    assert.equal(pages.length, 3);
    assert.deepEqual(pages.flat(), [c1, c2, c3, c4, c5, w].sort((a, b) => a - b));
  });
});

test('the incident pages link to the claims and assessments downloads, with their filters', async (t) => {
  const { app, db, close } = await createTestApp();
  t.after(close);
  const a = await buildIncident(db.kysely, { country: 'SY' });
  await buildClaim(db.kysely, { incident_id: a.id });
  const hrefs = (body: string): string[] => [...body.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));

  const list = (await app.inject('/incidents?country=SY&belligerent=coalition&from=2017-01-01&lang=ar')).body;
  const links = hrefs(list).filter((h) => /^\/api\/(claims|assessments)\./.test(h));
  assert.deepEqual(links.map((h) => h.split('?')[0]), [
    '/api/claims.csv', '/api/claims.hxl.csv', '/api/claims.geojson', '/api/assessments.csv', '/api/assessments.hxl.csv', '/api/assessments.geojson',
  ]);
  assert.ok(links[0].includes('country=SY') && links[0].includes('from=2017-01-01'));
  assert.ok(links[3].includes('belligerent=coalition') && links[3].includes('incidentFrom=2017-01-01'));
  for (const h of links) assert.equal((await app.inject(h)).statusCode, 200, h);

  const detail = (await app.inject(`/incidents/${a.publicId}`)).body;
  const own = hrefs(detail).filter((h) => h.includes(`incident=${a.publicId}`));
  assert.equal(own.length, 6);
  const csv = (await app.inject(own[0])).body.split('\r\n').filter(Boolean);
  assert.equal(csv.length, 2, 'the header and the claim of this incident');
});
