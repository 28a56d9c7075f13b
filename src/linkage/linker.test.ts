import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb } from '../db/testing.ts';
import { buildIncident } from '../incidents/factories.ts';
import { buildClaim } from './factories.ts';
import { linkIncidents } from './incidentLinker.ts';
import { mergeIncidents } from './incidentMerger.ts';
import { splitIncident } from './incidentSplitter.ts';
import { FIGURE_RULE_PREFIX } from './incidentFigures.ts';

const run = (db: Parameters<typeof linkIncidents>[0]) => linkIncidents(db, { actor: 'test:linker', geocode: null });

test('new reports attach to an existing incident; ids never change on re-run', async () => {
  const db = await createTestDb();
  try {
    const k = db.kysely;
    const existing = await buildIncident(k); // Mosul al-Jadida, 2017-03-17, 10–15 killed, coalition
    const c1 = await buildClaim(k, { date: '2017-03-17', place: 'Mosul al-Jadida', lat: 36.331, lon: 43.101, killed: [12, 12], actor: 'coalition' });
    const c2 = await buildClaim(k, { date: '2017-05-02', place: 'Hajin', lat: 34.695, lon: 40.831, killed: [5, 5], actor: 'coalition' });
    const c3 = await buildClaim(k, { date: '2017-05-02', place: 'al-Hajin', lat: 34.696, lon: 40.832, killed: [5, 6], actor: 'US-led Coalition' });
    const c4 = await buildClaim(k, { date: '2017-08-10', place: 'Raqqa', lat: 35.95, lon: 39.01, killed: [3, 3], actor: 'coalition' });

    const first = await run(k);
    assert.equal(first.claims, 4);
    assert.equal(first.attached, 1);
    assert.equal(first.created, 2);
    const incOf = async (id: number) => (await k.selectFrom('claims').innerJoin('incidents', 'incidents.id', 'claims.incident_id').select('incidents.public_id').where('claims.id', '=', id).executeTakeFirstOrThrow()).public_id;
    assert.equal(await incOf(c1), existing.publicId);
    assert.equal(await incOf(c2), await incOf(c3));
    assert.notEqual(await incOf(c4), await incOf(c2));
    const hajin = await incOf(c2);
    const figures = await k.selectFrom('incident_figures').innerJoin('incidents', 'incidents.id', 'incident_figures.incident_id').selectAll('incident_figures').where('incidents.public_id', '=', hajin).execute();
    assert.equal(figures.length, 1);
    assert.deepEqual([figures[0].low, figures[0].best, figures[0].high], [5, 5, 6]);
    assert.ok(figures[0].rule.startsWith(FIGURE_RULE_PREFIX));
    // the existing incident's imported figures (another rule) are kept
    const kept = await k.selectFrom('incident_figures').selectAll().where('incident_id', '=', existing.id).execute();
    assert.deepEqual(kept.map((f) => [f.low, f.high, f.rule]), [[10, 15, 'min and max of graded sources']]);

    const before = await k.selectFrom('incidents').select(['id', 'public_id']).orderBy('id').execute();
    const second = await run(k);
    assert.equal(second.claims, 0);
    assert.deepEqual(await k.selectFrom('incidents').select(['id', 'public_id']).orderBy('id').execute(), before);

    const c5 = await buildClaim(k, { date: '2017-05-03', place: 'Hajin', lat: 34.695, lon: 40.83, killed: [6, 6], actor: 'coalition' });
    const third = await run(k);
    assert.equal(third.attached, 1);
    assert.equal(third.created, 0);
    assert.equal(await incOf(c5), hajin);
    assert.deepEqual(await k.selectFrom('incidents').select(['id', 'public_id']).orderBy('id').execute(), before);
    const audit = await k.selectFrom('audit_events').select('action').where('action', '=', 'incident.claims_attached').execute();
    assert.equal(audit.length, 4);
  } finally {
    await db.close();
  }
});

test('merge and split are audited with reasons; merged ids are kept and never reused', async () => {
  const db = await createTestDb();
  try {
    const k = db.kysely;
    const a = await buildIncident(k, { figures: [] });
    const b = await buildIncident(k, { title: 'second report', figures: [] });
    const c1 = await buildClaim(k, { incidentId: a.id, killed: [4, 4] });
    const c2 = await buildClaim(k, { incidentId: b.id, killed: [6, 8] });
    const c3 = await buildClaim(k, { incidentId: b.id, killed: [7, 7] });
    await assert.rejects(k.transaction().execute((tx) => mergeIncidents({ actor: 'test:analyst', reason: ' ', tx }, b.publicId, a.publicId)), /reason/);
    const m = await k.transaction().execute((tx) => mergeIncidents({ actor: 'test:analyst', reason: 'same strike, two reports', tx }, b.publicId, a.publicId));
    assert.deepEqual(m.claimsMoved, [c2, c3]);
    const gone = await k.selectFrom('incidents').selectAll().where('id', '=', b.id).executeTakeFirstOrThrow();
    assert.equal(gone.status, 'merged');
    assert.equal(gone.merged_into_id, a.id);
    assert.equal(gone.public_id, b.publicId);
    const fig = await k.selectFrom('incident_figures').selectAll().where('incident_id', '=', a.id).executeTakeFirstOrThrow();
    assert.deepEqual([fig.low, fig.best, fig.high], [7, 7, 8]);
    await assert.rejects(k.transaction().execute((tx) => mergeIncidents({ actor: 'test:analyst', reason: 'again', tx }, b.publicId, a.publicId)), /merged/);

    const s = await k.transaction().execute((tx) => splitIncident({ actor: 'test:analyst', reason: 'claim 1 is a different day', tx }, a.publicId, [c1]));
    assert.notEqual(s.created, b.publicId);
    assert.notEqual(s.created, a.publicId);
    assert.ok(Number(s.created.slice(3)) > Number(b.publicId.slice(3)));
    const moved = await k.selectFrom('claims').innerJoin('incidents', 'incidents.id', 'claims.incident_id').select('incidents.public_id').where('claims.id', '=', c1).executeTakeFirstOrThrow();
    assert.equal(moved.public_id, s.created);
    await assert.rejects(k.transaction().execute((tx) => splitIncident({ actor: 'test:analyst', reason: 'x', tx }, a.publicId, [c2, c3])), /empty/);
    const events = await k.selectFrom('audit_events').select(['action', 'reason', 'target_id']).where('action', 'in', ['incident.merged', 'incident.split']).orderBy('seq').execute();
    assert.deepEqual(events, [
      { action: 'incident.merged', reason: 'same strike, two reports', target_id: b.publicId },
      { action: 'incident.split', reason: 'claim 1 is a different day', target_id: a.publicId },
    ]);
  } finally {
    await db.close();
  }
});
