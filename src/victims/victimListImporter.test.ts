import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createTestDb } from '../db/testing.ts';
import { verifyAudit } from '../audit/service.ts';
import { createIncident, writeCsv } from './factories.ts';
import { parseMapping } from './mapping.ts';
import { victimListImporter } from './victimListImporter.ts';
import { labelVictimPair, matchVictims, personListMemberships } from './matching.ts';
import { victimRepository } from './repository.ts';

const actor = 'cli:test';

test('a ministry list (Arabic, name columns) and a monitor list (Latin, full names): import, re-import, match, memberships', async (t) => {
  const db = await createTestDb();
  t.after(() => db.close());
  const inc = await createIncident(db.kysely);
  const ministry = writeCsv([
    { 'رقم': '1', 'الاسم': 'محمد', 'الأب': 'أحمد', 'الجد': 'علي', 'اللقب': 'الجبوري', 'العمر': '34', 'الجنس': 'ذكر', 'تاريخ الوفاة': '17/03/2017', 'المكان': 'الموصل', 'حادثة': inc.publicId },
    { 'رقم': '2', 'الاسم': 'فاطمة', 'الأب': 'أحمد', 'الجد': 'علي', 'اللقب': 'الجبوري', 'العمر': '12', 'الجنس': 'أنثى', 'تاريخ الوفاة': '17/03/2017', 'المكان': 'الموصل', 'حادثة': inc.publicId },
    { 'رقم': '3', 'الاسم': 'حسن', 'الأب': 'خالد', 'الجد': 'عمر', 'اللقب': 'العبيدي', 'العمر': 'كبير', 'الجنس': 'ذكر', 'تاريخ الوفاة': '18/03/2017', 'المكان': 'الموصل', 'حادثة': '' },
    { 'رقم': '4', 'الاسم': '', 'الأب': '', 'الجد': '', 'اللقب': '', 'العمر': '40', 'الجنس': 'ذكر', 'تاريخ الوفاة': '', 'المكان': '', 'حادثة': '' },
    { 'رقم': '5', 'الاسم': 'يوسف', 'الأب': 'عمر', 'الجد': 'حسين', 'اللقب': 'الراوي', 'العمر': '61', 'الجنس': 'ذكر', 'تاريخ الوفاة': '2017-03-18', 'المكان': 'الموصل', 'حادثة': 'HW-NOPE' },
  ], 'ministry.csv');
  const mapping = parseMapping({ columns: { 'رقم': 'ref', 'الاسم': 'given', 'الأب': 'father', 'الجد': 'grandfather', 'اللقب': 'family', 'العمر': 'age', 'الجنس': 'gender', 'تاريخ الوفاة': 'date_of_death', 'المكان': 'place', 'حادثة': 'incident' }, defaults: { outcome: 'killed' } });
  const a = await victimListImporter(db.kysely, { file: ministry, list: 'ministry', listName: 'Ministry of Health', mapping, actor });
  assert.deepEqual([a.read, a.imported, a.unchanged, a.updated], [5, 2, 0, 0]);
  assert.deepEqual(a.rejected.map((r) => [r.row, r.field]), [[4, 'العمر'], [5, 'name'], [6, 'حادثة']]);
  const again = await victimListImporter(db.kysely, { file: ministry, list: 'ministry', listName: 'Ministry of Health', mapping, actor });
  assert.deepEqual([again.imported, again.unchanged, again.updated], [0, 2, 0], 'a re-run changes nothing');

  const monitor = writeCsv([
    { id: 'm-1', name: 'Abu Khalid Mohammed Ahmed Al-Jubouri', age: '35', sex: 'm', died: '2017-03-16', place: 'Mosul' },
    { id: 'm-2', name: 'Fatima Ahmad al-Jubouri', age: '12', sex: 'f', died: '2017-03-17', place: 'Mosul' },
    { id: 'm-3', name: 'Hasan Ahmad Ali al-Jubouri', age: '7', sex: 'm', died: '2017-03-17', place: 'Mosul' },
  ], 'monitor.csv');
  const mm = parseMapping({ id: 'ref', name: 'name', age: 'age', sex: 'gender', died: 'date_of_death', place: 'place' });
  const b = await victimListImporter(db.kysely, { file: monitor, list: 'monitor', listName: 'Another monitor', mapping: mm, actor, dryRun: true });
  assert.equal(b.imported, 3);
  assert.equal((await db.kysely.selectFrom('victim_list_records').select('id').execute()).length, 2, 'a dry run writes nothing');
  await victimListImporter(db.kysely, { file: monitor, list: 'monitor', listName: 'Another monitor', mapping: mm, actor });
  // A changed row under the same reference: updated, its new age kept beside the old one.
  writeFileSync(monitor, 'id,name,age,sex,died,place\nm-1,Abu Khalid Mohammed Ahmed Al-Jubouri,36,m,2017-03-16,Mosul\n');
  const c = await victimListImporter(db.kysely, { file: monitor, list: 'monitor', listName: 'Another monitor', mapping: mm, actor });
  assert.deepEqual([c.imported, c.updated], [0, 1]);
  const m1 = (await db.kysely.selectFrom('victim_list_records').select(['victim_id', 'version']).where('external_ref', '=', 'm-1').executeTakeFirstOrThrow());
  assert.equal(m1.version, 2);
  const ages = (await victimRepository.get(db.kysely, m1.victim_id))!.facts.filter((f) => f.field === 'age').map((f) => f.value);
  assert.deepEqual(ages, ['35', '36']);

  const r = await matchVictims(db.kysely, { actor, reason: 'test' });
  assert.equal(r.records, 5);
  assert.equal(r.persons, 3, 'Mohammed and Fatima are each in both lists; their brother Hasan only in one');
  const persons = await personListMemberships(db.kysely, { stratifyBy: 'gender' });
  assert.deepEqual(persons.map((p) => [p.lists, p.stratum]).sort(), [[['ministry', 'monitor'], 'female'], [['ministry', 'monitor'], 'male'], [['monitor'], 'male']]);
  const pairs = await db.kysely.selectFrom('link_pairs').selectAll().where('kind', '=', 'victim_victim').execute();
  assert.ok(pairs.every((p) => Array.isArray(p.waterfall)), 'each pair carries its per-field weights');
  // A reviewer says one linked pair is not the same person: the persons split, and a re-run keeps the label.
  const linked = pairs.find((p) => p.status === 'match')!;
  const split = await db.kysely.transaction().execute((tx) => labelVictimPair({ actor: 'reviewer:b', reason: 'different mothers', tx }, linked.id, 'non_match'));
  assert.equal(split.persons, 4);
  assert.equal((await matchVictims(db.kysely, { actor, reason: 'again' })).persons, 4);
  assert.equal((await verifyAudit(db.kysely)).ok, true);
});

test('a mapping without a name column or with an unknown field is refused', () => {
  assert.throws(() => parseMapping({ age: 'age' }), /no column is mapped to a name field/);
  assert.throws(() => parseMapping({ name: 'nom' }), /unknown field "nom"/);
});
