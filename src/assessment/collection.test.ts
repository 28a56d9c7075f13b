import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import { buildSource } from '../claims/factories.ts';
import type { Database } from '../db/types.ts';
import { buildIncident } from '../incidents/factories.ts';
import { isHashtagRow } from '../ingest/hxl.ts';
import { createTestApp } from '../web/testing.ts';
import { recordAssessment, type AssessmentInput } from './assessmentRecorder.ts';
import { assessmentCollectionRepository } from './collectionRepository.ts';

interface Range { min: number | null; max: number | null }
interface AssessmentOut {
  id: number; belligerent: string; status: string; reason: string; reasonGiven: boolean; assessedOn: string | null; documentSourceId: number | null; version: number;
  conceded: { killed: Range; injured: Range };
  incident: { id: string; date: { start: string | null }; governorate: string | null; place: string | null; lat: number | null; lon: number | null };
  history: { href: string; versions: number };
}
interface Page { data: AssessmentOut[]; next: string | null; total: number; totalExact: boolean }
interface Geo { type: string; features: Array<{ type: string; id: number; geometry: { type: string; coordinates: [number, number] } | null; properties: Record<string, unknown> }> }

const record = (k: Kysely<Database>, input: AssessmentInput) =>
  k.transaction().execute((tx) => recordAssessment({ actor: 'test:factory', reason: 'test data', tx }, input));

test('assessments API and exports: visibility, filters, pagination, history links, CSV/HXL/GeoJSON', async (t) => {
  const { app, db, close } = await createTestApp();
  t.after(close);
  const k = db.kysely;
  const A = await buildIncident(k, { belligerents: ['coalition', 'us'] });
  const B = await buildIncident(k, { country: 'SY', admin1: 'Deir-ez-Zor', placeText: 'Al Baghuz', lat: null, lon: null, placePrecision: null, dateStart: '2019-03-18', dateEnd: '2019-03-18' });
  const H = await buildIncident(k, { admin1: 'Secret-Governorate', placeText: 'Secret-Place' });
  await k.updateTable('incidents').set({ field_visibility: JSON.stringify({ date: 'restricted', place: 'internal' }) }).where('id', '=', H.id).execute();
  const draft = await buildIncident(k, { status: 'draft' });
  const publicDoc = await buildSource(k, { type: 'official_statement' });
  const restrictedDoc = await buildSource(k, { visibility: 'restricted', status: 'unverified' });

  await record(k, { incidentId: A.id, belligerent: 'coalition', status: 'open' });
  const aCoal = (await record(k, {
    incidentId: A.id, belligerent: 'coalition', status: 'credible', conceded: { killed: { min: 10, max: 10 } },
    statedReason: 'Strike confirmed, "unintentional"; contact press.office@example.mil', assessedOn: '2017-05-02',
    document: { url: 'https://example.mil/report-2017-05', sourceId: publicDoc },
  })).assessmentId;
  const aUs = (await record(k, { incidentId: A.id, belligerent: 'us', status: 'not_credible', assessedOn: '2017-06-01', document: { sourceId: restrictedDoc } })).assessmentId;
  const b = (await record(k, { incidentId: B.id, belligerent: 'coalition', status: 'duplicate', statedReason: 'duplicate of an earlier report' })).assessmentId;
  const h = (await record(k, { incidentId: H.id, belligerent: 'coalition', status: 'insufficient_information', assessedOn: '2018-02-01' })).assessmentId;
  await record(k, { incidentId: draft.id, belligerent: 'coalition', status: 'credible', statedReason: 'DRAFT-ASSESSMENT-REASON' });

  const get = async (url: string) => {
    const r = await app.inject(url);
    assert.equal(r.statusCode, 200, `${url}: ${r.body}`);
    return r;
  };
  const ids = async (query: string): Promise<number[]> => (await get(`/api/assessments?${query}`)).json<Page>().data.map((a) => a.id);

  await t.test('list: published incidents only, latest determination first, undated last', async () => {
    const r = (await get('/api/assessments')).json<Page>();
    assert.deepEqual(r.data.map((a) => a.id), [h, aUs, aCoal, b]);
    assert.deepEqual([r.total, r.totalExact, r.next], [4, true, null]);
  });

  await t.test('conceded figures (unknown is null), the mandatory reason, documents only when public', async () => {
    const byId = new Map((await get('/api/assessments')).json<Page>().data.map((a) => [a.id, a]));
    const coal = byId.get(aCoal)!;
    assert.deepEqual(coal.conceded, { killed: { min: 10, max: 10 }, injured: { min: null, max: null } });
    assert.equal(coal.reason, 'Strike confirmed, "unintentional"; contact [email removed]');
    assert.deepEqual([coal.reasonGiven, coal.version, coal.documentSourceId], [true, 2, publicDoc]);
    const us = byId.get(aUs)!;
    assert.deepEqual([us.reason, us.reasonGiven, us.documentSourceId], ['no reason given', false, null]);
    assert.deepEqual(us.conceded, { killed: { min: null, max: null }, injured: { min: null, max: null } });
    const hidden = byId.get(h)!;
    assert.deepEqual([hidden.incident.date.start, hidden.incident.governorate, hidden.incident.place, hidden.incident.lat], [null, null, null, null]);
    assert.deepEqual([coal.incident.lat, coal.incident.lon, coal.incident.governorate], [36.33, 43.1, 'Ninewa']);
  });

  await t.test('the status history is one link away', async () => {
    const coal = (await get(`/api/assessments?incident=${A.publicId}&belligerent=coalition`)).json<Page>().data[0];
    assert.equal(coal.history.href, `/api/incidents/${A.publicId}/assessments/coalition/history`);
    const history = (await get(coal.history.href)).json<{ data: Array<{ status: string; version: number }> }>().data;
    assert.deepEqual(history.map((x) => [x.version, x.status]), [[1, 'open'], [2, 'credible']]);
    assert.equal(history.length, coal.history.versions);
  });

  await t.test('cursor pages cover every assessment once, in order', async () => {
    const seen: number[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const r: Page = (await get(`/api/assessments?limit=1${next ? `&cursor=${next}` : ''}`)).json<Page>();
      seen.push(...r.data.map((a) => a.id));
      next = r.next;
      pages++;
    } while (next && pages < 10);
    assert.deepEqual(seen, [h, aUs, aCoal, b]);
    assert.equal(pages, 4);
    assert.equal((await app.inject('/api/assessments?cursor=%%%')).statusCode, 400);
  });

  await t.test('filters', async () => {
    assert.deepEqual(await ids('belligerent=COALITION'), [h, aCoal, b]);
    assert.deepEqual(await ids('status=credible'), [aCoal]);
    assert.deepEqual(await ids(`incident=${B.publicId}`), [b]);
    assert.deepEqual(await ids('from=2017-05-01&to=2017-05-31'), [aCoal]);
    assert.deepEqual(await ids('incidentFrom=2019-01-01'), [b]);
    assert.deepEqual(await ids('incidentFrom=2017-01-01&incidentTo=2017-12-31'), [aUs, aCoal], 'an incident whose date is restricted is not matched by date');
    assert.deepEqual(await ids('country=SY&status='), [b]);
    assert.equal((await app.inject('/api/assessments?status=maybe')).statusCode, 400);
  });

  await t.test('exports: CSV with optional BOM, HXL hashtag row, GeoJSON at the incident, nothing hidden', async () => {
    const csv = await get('/api/assessments.csv?bom=1');
    assert.ok(csv.body.startsWith('\uFEFFid,incident,'));
    const rows = parse<Record<string, string>>(csv.body, { bom: true, columns: true });
    assert.equal(rows.length, 4);
    const coal = rows.find((r) => r.id === String(aCoal))!;
    assert.deepEqual([coal.conceded_killed_min, coal.conceded_injured_min, coal.reason_given, coal.status], ['10', '', 'true', 'credible']);
    assert.equal(coal.reason, 'Strike confirmed, "unintentional"; contact [email removed]');
    assert.equal(coal.history_url, `/api/incidents/${A.publicId}/assessments/coalition/history`);
    assert.ok(csv.body.includes('"Strike confirmed, ""unintentional""; contact [email removed]"'));

    const [header, tags, ...data] = parse((await get('/api/assessments.hxl.csv?belligerent=coalition')).body);
    assert.ok(isHashtagRow(tags));
    assert.equal(tags.length, header.length);
    for (const tag of ['#date+start', '#adm1+name', '#loc+name', '#geo+lat', '#geo+lon', '#org+belligerent', '#status+assessment', '#affected+killed+conceded+min', '#description+reason']) assert.ok(tags.includes(tag), tag);
    assert.equal(data.length, 3);

    const g = (await get('/api/assessments.geojson')).json<Geo>();
    assert.equal(g.type, 'FeatureCollection');
    assert.deepEqual(g.features.map((f) => f.id), [aCoal, aUs, b, h]);
    const byId = new Map(g.features.map((f) => [f.id, f]));
    assert.deepEqual(byId.get(aCoal)!.geometry, { type: 'Point', coordinates: [43.1, 36.33] });
    assert.equal(byId.get(b)!.geometry, null);
    assert.equal(byId.get(h)!.geometry, null);
    assert.equal(byId.get(aCoal)!.properties.status, 'credible');

    for (const url of ['/api/assessments', '/api/assessments.csv', '/api/assessments.hxl.csv', '/api/assessments.geojson']) {
      const body = (await get(url)).body;
      for (const v of ['DRAFT-ASSESSMENT-REASON', 'press.office@example.mil', 'Secret-Governorate', 'Secret-Place']) assert.ok(!body.includes(v), `${url} shows ${v}`);
    }
  });

  await t.test('exports read in keyset pages: every assessment once, in id order', async () => {
    const pages: number[][] = [];
    for await (const rows of assessmentCollectionRepository.stream(k, {}, 3)) pages.push(rows.map((r) => r.id));
    assert.deepEqual(pages.map((p) => p.length), [3, 1]);
    assert.deepEqual(pages.flat(), [aCoal, aUs, b, h]);
  });
});
