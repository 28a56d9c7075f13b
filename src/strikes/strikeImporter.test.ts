import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb } from '../db/testing.ts';
import { verifyAudit } from '../audit/service.ts';
import { strikeImporter } from './strikeImporter.ts';
import { buildReleaseRow, writeReleaseCsv } from './factories.ts';
import { sharedDataPath, SHARED_DATA_ABSENT } from '../shared-data.ts';
import { strikeRepository } from './repository.ts';

const actor = 'test:importer';

test('strike import: loads good rows, lists bad ones, is idempotent and audited', async (t) => {
  const db = await createTestDb();
  t.after(() => db.close());
  const rows = Array.from({ length: 30 }, (_, i) => buildReleaseRow(i));
  rows[4] = buildReleaseRow(4, { date: '02/30/2015' });
  rows[9] = buildReleaseRow(9, { country: 'Atlantis' });
  rows[13] = buildReleaseRow(13, { number: 'many', line: '- Near Hit, aircraft destroyed a vehicle.' });
  rows[20] = buildReleaseRow(20, { country: 'Unknown', location: 'Syria', line: 'In Syria, five airstrikes near Kobani destroyed an ISIL building.  Near Abu Kamal, an airstrike destroyed an ISIL tactical vehicle.' });
  const file = writeReleaseCsv(rows);

  const first = await strikeImporter(db.kysely, { file, actor, batchSize: 7 });
  assert.equal(first.read, 30);
  assert.equal(first.imported, 27);
  assert.deepEqual(first.rejected.map((r) => [r.row, r.field]), [[6, 'date'], [11, 'country'], [15, 'number']]);
  assert.match(first.rejected[0].reason, /calendar date/);
  const expectedStrikes = rows.filter((_, i) => ![4, 9, 13, 20].includes(i)).reduce((a, r) => a + Number(r.number), 0) + 6;
  assert.equal(first.strikes, expectedStrikes);
  assert.ok(first.warnings.some((w) => w.row === 22 && w.field === 'country'), 'Unknown country read from location, with a warning');

  const second = await strikeImporter(db.kysely, { file, actor, batchSize: 5 });
  assert.deepEqual([second.imported, second.unchanged, second.updated, second.strikes], [0, 27, 0, 0]);

  const totals = await strikeRepository.totals(db.kysely);
  assert.equal(totals.lines, 27);
  assert.equal(totals.strikes, expectedStrikes);
  const audit = await verifyAudit(db.kysely);
  assert.equal(audit.ok, true);
  assert.equal(audit.checked, 4, 'one audit event per written batch, none for unchanged batches');
});

test('strike import: the refined edition revises a line once and is not undone by the raw file', async (t) => {
  const db = await createTestDb();
  t.after(() => db.close());
  const raw = [buildReleaseRow(1, { location: 'Ar Raqqah' }), buildReleaseRow(2)];
  const refined = [{ ...raw[0], location: 'Raqqa', manually_edited: 'TRUE' }, raw[1]];
  const rawFile = writeReleaseCsv(raw, 'raw');
  const refinedFile = writeReleaseCsv(refined, 'refined');
  await strikeImporter(db.kysely, { file: rawFile, actor });
  const r = await strikeImporter(db.kysely, { file: refinedFile, actor });
  assert.deepEqual([r.imported, r.updated, r.unchanged], [0, 1, 1], 'only the line whose place the refined file corrects changes');
  const again = await strikeImporter(db.kysely, { file: rawFile, actor });
  assert.deepEqual([again.imported, again.updated, again.unchanged], [0, 0, 2]);
  const list = await strikeRepository.list(db.kysely, { limit: 10, place: 'raqqa' });
  assert.equal(list.length, 1);
  assert.equal(list[0].place_text, 'Raqqa');
  assert.equal(list[0].version, 2);
  const events = await db.kysely.selectFrom('audit_events').select(['action', 'before', 'after']).where('action', '=', 'strike.revised').execute();
  assert.equal(events.length, 1);
  assert.ok(events.some((e) => JSON.stringify(e.before).includes('Ar Raqqah') && JSON.stringify(e.after).includes('Raqqa')));
});

test('strike import: dry run writes nothing; a file that is not a release CSV is an input error', async (t) => {
  const db = await createTestDb();
  t.after(() => db.close());
  const file = writeReleaseCsv([buildReleaseRow(1), buildReleaseRow(2)]);
  const dry = await strikeImporter(db.kysely, { file, actor, dryRun: true });
  assert.equal(dry.imported, 2);
  assert.equal((await strikeRepository.totals(db.kysely)).lines, 0);
  const bad = writeReleaseCsv([], 'raw');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(bad, 'when,where\n1,2\n');
  await assert.rejects(strikeImporter(db.kysely, { file: bad, actor }), (e: Error & { id?: string }) => e.id === 'INPUT_INVALID' && /missing column\(s\) date/.test(e.message) && e.message.includes(bad));
  await assert.rejects(strikeImporter(db.kysely, { file: '/nonexistent/x.csv', actor }), /no such file/);
});

test('strike import of the shared CJTF-OIR files (raw, then refined)', async (t) => {
  const raw = sharedDataPath('strikes', 'cjtf-oir-releases-raw.csv');
  const refined = sharedDataPath('strikes', 'cjtf-oir-releases-refined.csv');
  if (!raw || !refined) {
    t.skip(SHARED_DATA_ABSENT);
    return;
  }
  const db = await createTestDb();
  t.after(() => db.close());
  const a = await strikeImporter(db.kysely, { file: raw, actor, batchSize: 1000 });
  assert.equal(a.read, 5605);
  assert.equal(a.imported + a.rejected.length, 5605);
  assert.ok(a.rejected.every((r) => r.field === 'country'), 'only rows whose country cannot be recovered are rejected');
  const b = await strikeImporter(db.kysely, { file: refined, actor, batchSize: 1000 });
  assert.equal(b.read, 5531);
  assert.equal(b.rejected.length, 0);
  const totals = await strikeRepository.totals(db.kysely);
  assert.equal(totals.lines, a.imported + b.imported);
  assert.equal(totals.first, '2014-10-02');
  assert.equal(totals.last, '2016-10-17');
  assert.equal((await verifyAudit(db.kysely)).ok, true);
});
