import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractClaims } from './extract.ts';
import { norm } from './normalise.ts';
import { placesAr, placesEn } from './places.ts';

const ar = (s: string): string[] => {
  const n = norm(s);
  return placesAr(n).map((p) => n.slice(p.s, p.e));
};
const en = (s: string): string[] => placesEn(s).map((p) => s.slice(p.s, p.e));

test('Arabic places: quoted and bracketed names after a place noun', () => {
  assert.deepEqual(ar('سقطت قذيفة على طريق قرية "تل الكرامة" شمال حلب'), ['تل الكرامه', 'حلب']);
  assert.deepEqual(ar('استهدفت مسيرة دراجة في مزرعة “أم الخير” شرق القامشلي'), ['ام الخير', 'القامشلي']);
  assert.deepEqual(ar('قصف مدفعي على بلدة (معرشورين) جنوب إدلب'), ['معرشورين', 'ادلب']);
});

test('Arabic places: a name between a preposition and "بريف", and after a strike word some words back', () => {
  assert.deepEqual(ar('أصيب شاب برصاص قناص في الأتارب بريف حلب الغربي'), ['الاتارب', 'حلب']);
  assert.ok(ar('أصيب مزارع أثناء عمله في سرجة بريف إدلب').includes('سرجه'));
  assert.ok(ar('استشهد رجل نتيجة القصف العنيف لقوات النظام على كفرنبل').includes('كفرنبل'));
  // a common noun after the preposition is no place
  assert.ok(!ar('قتل شاب في منزله بريف حماة').includes('منزله'));
});

test('English places: title-case headline words and possessives without apostrophe are cut', () => {
  assert.deepEqual(en('Gas Attack in Syrias Idlib Kills Dozens'), ['Idlib']);
  assert.deepEqual(en('Four Rebels Dead in Fighting for Key Aleppo Road'), []);
  assert.deepEqual(en('A shell hit a house in the village of Kafr Nabl on Monday'), ['Kafr Nabl']);
});

test('a strike told by an Arabic verb carries the date and place of a text without casualties', () => {
  const c = extractClaims('طيران مسير يستهدف سيارة على طريق قرية "تل الكرامة" صباح اليوم', { published: '2024-12-05' }).claims;
  assert.equal(c[0]?.type, 'strikes');
  assert.equal(c[0]?.period?.start, '2024-12-05');
  assert.deepEqual(c[0]?.places.map((p) => p.text), ['تل الكرامة']);
});

test('English places: the rest of a list after a place, coarse regions keep the finer place told before', () => {
  assert.deepEqual(en('Shells hit the villages of Kafr Nabl, Hass and Maarrat Harma on Monday.'), ['Kafr Nabl', 'Hass', 'Maarrat Harma']);
  assert.deepEqual(en('Raids in Aleppo and Russian jets were seen overhead.'), ['Aleppo']);
  const c = extractClaims('قصف مدفعي على قرية معرشورين.\nوأسفر القصف عن مقتل طفل في ريف إدلب الجنوبي.', { published: '2024-12-05' }).claims.find((x) => x.type === 'casualties');
  assert.deepEqual(c?.places.map((p) => p.text), ['معرشورين', 'إدلب']);
});

test('Arabic places: lists after a dual or plural place noun', () => {
  assert.deepEqual(ar('سقطت قذائف على قريتي معرة حرمة وحيش في ريف إدلب'), ['معره حرمه', 'حيش', 'ادلب']);
  assert.deepEqual(ar('طالت الغارات قرى وبلدات كفرنبل وحاس وكفرومة الليلة'), ['كفرنبل', 'حاس', 'كفرومه']);
  assert.deepEqual(ar('سقطت قذيفة بين بلدتي نبل والزهراء وأصيب مدني'), ['نبل', 'الزهراء']);
});

test('Arabic places: roads, massacres, strike verbs, directions and a detached و name the place', () => {
  assert.deepEqual(ar('استهدفت مسيرة سيارة على طريق كفرلوسين الدانا صباحاً'), ['كفرلوسين الدانا']);
  assert.deepEqual(ar('قتل ثلاثة مدنيين في مجزرة سراقب أمس'), ['سراقب']);
  assert.deepEqual(ar('نعى الأهالي ضحايا مجزرة مروعة بحق المدنيين'), []);
  assert.deepEqual(ar('قصف مدفعي استهدف معرتمصرين بريف إدلب'), ['معرتمصرين', 'ادلب']);
  assert.deepEqual(ar('أصيب رجل بقصف طال في كل من تفتناز بريف إدلب'), ['تفتناز', 'ادلب']);
  assert.deepEqual(ar('مسيرة تستهدف دراجة نارية في الأتارب غربي حلب'), ['الاتارب', 'حلب']);
  assert.deepEqual(ar('سقطت قذائف على أطراف قريتي كفرعويد و سفوهن ظهراً'), ['كفرعويد', 'سفوهن']);
  assert.deepEqual(ar('مقتل طفل بغارة على جسر الشغور'), ['جسر الشغور']);
  assert.deepEqual(ar('غارة جوية على مدينة - تفتناز ظهراً'), ['تفتناز']);
  // a name glued to Latin text (a lost line break before "pic", "translate") is still a name
  assert.deepEqual(ar('قصف مدفعي على بنشpic twitter'), ['بنش']);
  assert.deepEqual(ar('اليوم #مجزرة_سرمين'), ['سرمين']);
});

test('Arabic places: a claim placed only in a region takes the finer place the text names later', () => {
  const c = extractClaims('استشهاد شاب وإصابة آخرين بريف إدلب.\nوكانت الغارات قد استهدفت بلدة كفرتخاريم ظهراً.', { published: '2024-12-05' }).claims.find((x) => x.type === 'casualties');
  assert.deepEqual(c?.places.map((p) => p.text), ['كفرتخاريم', 'إدلب']);
});

test('Arabic place lists: a common noun heading a two-word name is a name ("وجسر الشغور")', () => {
  assert.deepEqual(ar('قصفت الطائرات مدن وبلدات أريحا وجسر الشغور وبنش'), ['اريحا', 'جسر الشغور', 'بنش']);
});

test('Arabic place lists separated by commas; a front (محور) names a place', () => {
  assert.deepEqual(ar('قصفت القوات مواقع في بلدات عين لاروز، بينين، كنصفرة'), ['عين لاروز', 'بينين', 'كنصفره']);
  assert.deepEqual(ar('استهدفت الفصائل موقعا على محور نحشبا'), ['نحشبا']);
});
