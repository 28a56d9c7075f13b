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
