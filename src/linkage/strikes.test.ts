import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb } from '../db/testing.ts';
import { buildIncident } from '../incidents/factories.ts';
import { getIncidentDetail } from '../incidents/service.ts';
import { buildStrike } from './factories.ts';
import { strikeAllegations } from './service.ts';
import { matchStrikes, type StrikeGeocoder } from './strikeMatcher.ts';

test('strike matching keeps every candidate within −1…+3 days and the radius, and assigns one-to-one', async () => {
  const db = await createTestDb();
  try {
    const k = db.kysely;
    const mosul = await buildIncident(k); // 2017-03-17, Mosul al-Jadida 36.33/43.1 (neighbourhood), coalition
    const hit = await buildIncident(k, { dateStart: '2017-04-02', dateEnd: '2017-04-02', placeText: 'Hit', lat: null, lon: null, placePrecision: null, admin1: 'Anbar' });
    const russian = await buildIncident(k, { dateStart: '2017-03-17', dateEnd: '2017-03-17', belligerents: ['Russian forces'], country: 'SY', lat: 35.0, lon: 40.0, placeText: 'Mayadin' });

    const next = await buildStrike(k, { date: '2017-03-18', place: 'Mosul', lat: 36.34, lon: 43.12, precision: 'city' });
    const sameDayFar = await buildStrike(k, { date: '2017-03-17', place: 'Tal Afar', lat: 36.37, lon: 42.45, precision: 'town' });
    const twoDaysLater = await buildStrike(k, { date: '2017-03-19', place: 'Mosul', lat: 36.33, lon: 43.11, precision: 'city' });
    await buildStrike(k, { date: '2017-03-25', place: 'Mosul', lat: 36.34, lon: 43.12, precision: 'city' }); // 8 days: no
    await buildStrike(k, { date: '2017-03-15', place: 'Mosul', lat: 36.34, lon: 43.12, precision: 'city' }); // 2 days before: no
    const hitStrike = await buildStrike(k, { date: '2017-04-03', place: 'Hit' }); // no coordinates: name match
    await buildStrike(k, { date: '2017-03-17', place: 'Mayadin', country: 'SY', lat: 35.0, lon: 40.0 }); // coalition vs Russian: no
    const toGeocode = await buildStrike(k, { date: '2017-03-16', place: 'Mosul Dam' }); // geocoded below: 1 day before, near enough

    const geocode: StrikeGeocoder = (text) => (text === 'Mosul Dam' ? { lat: 36.33, lon: 43.1, precision: 'town' } : null);
    const s = await matchStrikes(k, { actor: 'test:matcher', geocode });
    assert.equal(s.assignment, 'greedy by score');
    assert.equal(s.strikesGeocoded, 1);
    const cached = await k.selectFrom('declared_strikes').select(['lat', 'lon', 'place_precision']).where('id', '=', toGeocode).executeTakeFirstOrThrow();
    assert.deepEqual(cached, { lat: 36.33, lon: 43.1, place_precision: 'town' });

    const rows = await k.selectFrom('strike_matches').selectAll().orderBy('incident_id').orderBy('score', 'desc').execute();
    const forMosul = rows.filter((r) => r.incident_id === mosul.id);
    assert.deepEqual(new Set(forMosul.map((r) => r.strike_id)), new Set([next, twoDaysLater, toGeocode]));
    assert.ok(!forMosul.some((r) => r.strike_id === sameDayFar));
    assert.equal(forMosul.filter((r) => r.assigned).length, 1);
    assert.equal(forMosul.find((r) => r.assigned)?.strike_id, next);
    assert.equal(forMosul.find((r) => r.strike_id === toGeocode)?.day_gap, -1);
    const forHit = rows.filter((r) => r.incident_id === hit.id);
    assert.deepEqual(forHit.map((r) => [r.strike_id, r.day_gap, r.distance_km, r.assigned]), [[hitStrike, 1, null, true]]);
    assert.equal(rows.filter((r) => r.incident_id === russian.id).length, 0);

    const detail = await getIncidentDetail(k, mosul.publicId, true);
    assert.equal(detail.strikesNearby[0].id, next);
    const near = await strikeAllegations(k, next, true);
    assert.deepEqual(near.data.map((a) => [a.incident, a.assigned]), [[mosul.publicId, true]]);
    await assert.rejects(strikeAllegations(k, 999_999, true), /not found/);

    // a re-run replaces the candidates, and both runs are audited
    await matchStrikes(k, { actor: 'test:matcher', geocode: null });
    assert.equal((await k.selectFrom('strike_matches').selectAll().execute()).length, rows.length);
    const audit = await k.selectFrom('audit_events').select('action').where('action', 'in', ['strikes.geocoded', 'linkage.strikes_matched']).execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ['linkage.strikes_matched', 'linkage.strikes_matched', 'strikes.geocoded']);
  } finally {
    await db.close();
  }
});
