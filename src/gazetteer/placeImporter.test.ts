import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Command } from 'commander';
import { createTestDb } from '../db/testing.ts';
import { verifyAudit } from '../audit/service.ts';
import { register } from './cli.ts';
import { BAGHUZ_LIST, writePlaceList } from './factories.ts';
import { importPlaceList } from './placeImporter.ts';
import { textCapture } from '../cli/textCapture.ts';

test('place list import: rows stored with names, norm and key; re-import is idempotent; a changed row is updated', async () => {
  const db = await createTestDb();
  try {
    const file = writePlaceList(BAGHUZ_LIST, 'mine.csv');
    const first = await importPlaceList(db.kysely, { file, actor: 'test', source: 'mine' });
    assert.deepEqual([first.read, first.imported, first.unchanged, first.updated, first.rejected.length], [3, 3, 0, 0, 0]);
    const names = await db.kysely.selectFrom('place_names').innerJoin('places', 'places.id', 'place_names.place_id')
      .select(['place_names.name', 'norm', 'key', 'script', 'lang', 'place_names.source', 'places.country', 'places.content_sha256'])
      .where('place_names.name', '=', 'الباغوز').execute();
    assert.equal(names.length, 1);
    assert.deepEqual({ ...names[0], content_sha256: typeof names[0]?.content_sha256 }, {
      name: 'الباغوز', norm: 'باغوز', key: 'BKZ', script: 'arabic', lang: 'ar', source: 'mine', country: 'SY', content_sha256: 'string',
    });
    const events = async (): Promise<number> => (await db.kysely.selectFrom('audit_events').select('seq').where('action', '=', 'places.imported').execute()).length;
    assert.equal(await events(), 1, 'one audit event per batch');

    const again = await importPlaceList(db.kysely, { file, actor: 'test', source: 'mine' });
    assert.deepEqual([again.imported, again.unchanged, again.updated], [0, 3, 0]);
    assert.equal(await events(), 1, 'nothing written, nothing audited');

    const changed = writePlaceList(BAGHUZ_LIST.map((r) => (r.name_en === 'Hajin' ? { ...r, precision: 'city', name_ar: 'هجّين' } : r)), 'mine.csv');
    const dry = await importPlaceList(db.kysely, { file: changed, actor: 'test', source: 'mine', dryRun: true });
    assert.deepEqual([dry.imported, dry.unchanged, dry.updated], [1, 2, 0]);
    assert.equal(await events(), 1, 'a dry run writes nothing');
    const third = await importPlaceList(db.kysely, { file: changed, actor: 'test', source: 'mine', batchSize: 2 });
    assert.deepEqual([third.imported, third.unchanged, third.updated], [1, 2, 0], 'a new Arabic spelling is a new entry (names + point are the identity)');
    const total = await db.kysely.selectFrom('places').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(total.n), 4);

    const recounted = writePlaceList(BAGHUZ_LIST.map((r) => (r.name_en === 'Susah' ? { ...r, precision: 'town' } : r)), 'mine.csv');
    const fourth = await importPlaceList(db.kysely, { file: recounted, actor: 'test', source: 'mine' });
    assert.deepEqual([fourth.imported, fourth.updated], [0, 1], 'same names and point, other content → updated in place');
    const susah = await db.kysely.selectFrom('places').select(['precision']).where('name', '=', 'Susah').execute();
    assert.deepEqual(susah, [{ precision: 'town' }]);
    assert.equal((await verifyAudit(db.kysely)).ok, true);
  } finally {
    await db.close();
  }
});

test('bad coordinates are rejected with row, field and reason; other rows load; warnings for a wrong governorate', async () => {
  const db = await createTestDb();
  try {
    const file = writePlaceList([
      { location_en: 'Al Baghuz', location_ar: 'الباغوز', latitude: 34.453, longitude: 40.938, geoloc_precision: 'village', governorate_en: 'Deir Ezzor', governorate_ar: '', incident_count: 3 },
      { location_en: 'Some street', location_ar: '', latitude: 35.1, longitude: 4239.0, geoloc_precision: 'street', governorate_en: 'Deir Ezzor', governorate_ar: '', incident_count: 1 },
      { location_en: 'Swapped', location_ar: '', latitude: 40.83, longitude: 34.69, geoloc_precision: 'village', governorate_en: '', governorate_ar: '', incident_count: 1 },
      { location_en: 'Nowhere', location_ar: '', latitude: '', longitude: '', geoloc_precision: 'village', governorate_en: '', governorate_ar: '', incident_count: 1 },
      { location_en: 'Hajin', location_ar: 'هجين', latitude: 34.693, longitude: 40.831, geoloc_precision: 'town', governorate_en: 'Aleppo', governorate_ar: '', incident_count: 2 },
    ], 'place_names.csv');
    const r = await importPlaceList(db.kysely, { file, actor: 'test' });
    assert.equal(r.source, 'place_names.csv');
    assert.equal(r.imported, 2);
    assert.deepEqual(r.rejected.map((x) => [x.row, x.field]), [[3, 'longitude'], [4, 'latitude'], [5, 'latitude']]);
    assert.match(r.rejected[0]?.reason ?? '', /4239/);
    assert.equal(r.rejected[0]?.value, '35.1, 4239');
    assert.match(r.rejected[1]?.reason ?? '', /swapped/);
    assert.deepEqual(r.warnings.map((w) => [w.row, w.field]), [[6, 'governorate_en']]);
    const uses = await db.kysely.selectFrom('places').select(['name', 'uses']).orderBy('name').execute();
    assert.deepEqual(uses, [{ name: 'Al Baghuz', uses: 3 }, { name: 'Hajin', uses: 2 }]);
  } finally {
    await db.close();
  }
});

test('register adds `import places` to the existing import group (or creates it); neither file nor --vendored is exit 2', async () => {
  const program = new Command('harmwatch').exitOverride();
  const imp = program.command('import');
  register(program);
  assert.equal(program.commands.filter((c) => c.name() === 'import').length, 1);
  assert.ok(imp.commands.some((c) => c.name() === 'places'));
  const fresh = new Command('harmwatch').exitOverride();
  register(fresh);
  assert.ok(fresh.commands.find((c) => c.name() === 'import')?.commands.some((c) => c.name() === 'places'));

  let out = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = textCapture(write, (s) => { out += s; });
  try {
    await program.parseAsync(['node', 'harmwatch', 'import', 'places', '--json']);
  } finally {
    process.stdout.write = write;
  }
  assert.equal(process.exitCode, 2);
  process.exitCode = 0;
  assert.match(out, /INPUT_INVALID/);
});
