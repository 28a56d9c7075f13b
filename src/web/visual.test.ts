import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from './testing.ts';
import { buildIncident } from '../incidents/factories.ts';
import { strikeImporter } from '../strikes/strikeImporter.ts';
import { buildReleaseRow, writeReleaseCsv } from '../strikes/factories.ts';

test('map draws incidents as precision circles; charts render as SVG without inline styles', async (t) => {
  const { app, db, close } = await createTestApp();
  t.after(close);
  await buildIncident(db.kysely, { lat: 34.45, lon: 40.92, placePrecision: 'village', country: 'SY' });
  await buildIncident(db.kysely, { lat: 36.0, lon: 39.0, placePrecision: 'governorate', country: 'SY' });
  await strikeImporter(db.kysely, { file: writeReleaseCsv(Array.from({ length: 60 }, (_, i) => buildReleaseRow(i))), actor: 'test' });
  const map = await app.inject('/map');
  assert.equal(map.statusCode, 200);
  const radii = [...map.body.matchAll(/<circle cx="[\d.]+" cy="[\d.]+" r="([\d.]+)"/g)].map((m) => Number(m[1]));
  assert.equal(radii.length, 2);
  assert.ok(Math.max(...radii) > 10 * Math.min(...radii), 'a governorate-level place draws far wider than a village');
  assert.match(map.body, /<path d="M/);
  const charts = await app.inject('/charts?lang=ar');
  assert.equal(charts.statusCode, 200);
  assert.match(charts.body, /<svg[^>]*class="hwplot/);
  assert.ok(!/\sstyle="/.test(charts.body) && !charts.body.includes('<style'), 'no inline styles (CSP)');
});

test('charts: civilian deaths alleged against conceded per month; home statements link every number', async (t) => {
  const { app, db, close } = await createTestApp();
  t.after(close);
  const a = await buildIncident(db.kysely, { dateStart: '2017-03-17', dateEnd: '2017-03-17', grade: 'fair' });
  await db.kysely.insertInto('assessments').values({
    incident_id: a.id, belligerent: 'coalition', status: 'credible', conceded_killed_min: 4, conceded_killed_max: 4, reason: 'investigation', reason_given: true,
  }).execute();
  const charts = await app.inject('/charts');
  assert.match(charts.body, /Civilian deaths alleged against conceded/);
  assert.ok((charts.body.match(/<svg[^>]*class="hwplot/g) ?? []).length >= 2);
  const home = await app.inject('/');
  assert.match(home.body, /class="statement"/);
  assert.match(home.body, /<a href="\/api\/reconcile\/incidents\?[^"]*"><strong>/);
});
