import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractClaims } from './extract.ts';
import type { Claim } from './types.ts';

const casualties = (text: string, published?: string): Claim[] =>
  extractClaims(text, { published }).claims.filter((c) => c.type === 'casualties');
const brief = (c: Claim): string => `${c.outcome}/${c.population}/${c.min}/${c.max}/${c.qualifier}`;

test('English qualifiers set min, max and qualifier (unknown is null, never 0)', () => {
  assert.deepEqual(casualties('At least 1,302 civilians were killed.').map(brief), ['killed/civilians/1302/null/at_least']);
  assert.deepEqual(casualties('More than 3,800 civilians have been killed.').map(brief), ['killed/civilians/3800/null/more_than']);
  assert.deepEqual(casualties('About 1,000 children were killed.').map(brief), ['killed/children/1000/1000/about']);
  assert.deepEqual(casualties('Dozens of civilians were killed.').map(brief), ['killed/civilians/null/null/vague']);
  assert.deepEqual(casualties('Between 10 and 15 people were injured.').map(brief), ['injured/unknown/10/15/between']);
  assert.deepEqual(casualties('Up to 40 people are missing.').map(brief), ['missing/unknown/null/40/at_most']);
});

test('English number words, breakdowns and combatant wording', () => {
  assert.deepEqual(casualties('Twenty-one fighters and four soldiers were killed.').map(brief), [
    'killed/combatants/21/21/exact', 'killed/combatants/4/4/exact',
  ]);
  assert.deepEqual(casualties('The strike killed a dozen militants and wounded three civilians.').map(brief), [
    'killed/combatants/12/12/exact', 'injured/civilians/3/3/exact',
  ]);
  assert.deepEqual(casualties('Six civilians, two of them children, were killed.').map(brief), [
    'killed/civilians/6/6/exact', 'killed/children/2/2/exact',
  ]);
  assert.deepEqual(casualties('A woman and her two children were killed in the raid.').map(brief), [
    'killed/women/1/1/exact', 'killed/children/2/2/exact',
  ]);
  assert.deepEqual(casualties('Two civilians were killed and a third civilian was wounded.').map(brief), [
    'killed/civilians/2/2/exact', 'injured/civilians/1/1/exact',
  ]);
});

test('years, times, strike counts and combined figures are not casualty claims', () => {
  assert.equal(casualties('In 2019 civilians fled the town at 10:30.').filter((c) => c.min !== null).length, 0);
  assert.equal(casualties('The coalition carried out 34502 air strikes.').length, 0);
  assert.equal(casualties('37 killed or injured in the attack.').length, 0);
  assert.equal(casualties('مقتل وإصابة 5 مدنيين بانفجار').length, 0);
});

test('Arabic digits, separators, number words, duals and qualifiers', () => {
  assert.deepEqual(casualties('استشهاد ١٢ مدنياً بينهم ثلاثة أطفال وامرأتين').map(brief), [
    'killed/civilians/12/12/exact', 'killed/children/3/3/exact', 'killed/women/2/2/exact',
  ]);
  assert.deepEqual(casualties('وثق المرصد مقتل ما لا يقل عن ٣٥٠٫٢٠٩ شخصاً').map(brief), ['killed/unknown/350209/null/at_least']);
  assert.deepEqual(casualties('مقتل خمسة عشر عنصراً من قوات النظام').map(brief), ['killed/combatants/15/15/exact']);
  assert.deepEqual(casualties('مقتل طفل وإصابة طفلين شقيقين').map(brief), ['killed/children/1/1/exact', 'injured/children/2/2/exact']);
  assert.deepEqual(casualties('استشهاد مدنيين اثنين بغارات جوية').map(brief), ['killed/civilians/2/2/exact']);
  assert.deepEqual(casualties('قتل نحو ۲۰ مدنيا').map(brief), ['killed/civilians/20/20/about']);
  assert.deepEqual(casualties('أكثر من 25 شهيداً').map(brief), ['killed/unknown/25/null/more_than']);
  assert.deepEqual(casualties('إصابة عشرات المدنيين').map(brief), ['injured/civilians/null/null/vague']);
  assert.deepEqual(casualties('ارتفاع حصيلة الشهداء إلى 13').map(brief), ['killed/unknown/13/13/exact']);
  assert.deepEqual(casualties('4 شهداء أطفال و 5 جرحى').map(brief), ['killed/children/4/4/exact', 'injured/unknown/5/5/exact']);
});

test('Arabic text with diacritics and tatweel keeps spans into the original', () => {
  const text = 'مقـــتلُ ثلاثةِ أطفالٍ في القصف';
  const [c] = casualties(text);
  assert.ok(c);
  assert.equal(c.min, 3);
  assert.equal(text.slice(c.span[0], c.span[1]), c.quote);
  assert.ok(c.quote.startsWith('مقـــتلُ'));
});

test('Arabic killed-and-injured pairs, breakdowns and conjunctions', () => {
  assert.deepEqual(casualties('قتل 4 وجرح 6 في القصف').map(brief), ['killed/unknown/4/4/exact', 'injured/unknown/6/6/exact']);
  // the outcome word of the next clause does not take the figure before it
  assert.deepEqual(casualties('ارتقاء المسعف ومعه 2 من المارة برفقة 5 أشخاص وإصابة 9 آخرين').map(brief).slice(-2), ['killed/unknown/5/5/exact', 'injured/unknown/9/9/exact']);
  assert.deepEqual(casualties('مقتل 7 بينهم طفلان وامرأة وأصيب 12 آخرون').map(brief), [
    'killed/unknown/7/7/exact', 'killed/children/2/2/exact', 'killed/women/1/1/exact', 'injured/unknown/12/12/exact',
  ]);
  assert.deepEqual(casualties('وصلت الحصيلة إلى 8 شهداء وجريحة').map(brief), ['killed/unknown/8/8/exact', 'injured/unknown/1/1/exact']);
  assert.deepEqual(casualties('مجزرة راح ضحيتها 6 أفراد').map(brief), ['killed/unknown/6/6/exact']);
  assert.deepEqual(casualties('قصف أدى إلى مقتل عائلة كاملة').map(brief), ['killed/unknown/null/null/vague']);
  assert.deepEqual(casualties('استشهاد 15 شهيدا وجريحا').map(brief), [], 'a combined figure stays out');
});

test('English family members are not combatants', () => {
  assert.deepEqual(casualties('Five family members were killed in the strike.').map(brief), ['killed/unknown/5/5/exact']);
  assert.deepEqual(casualties('Nine fighters were killed.').map(brief), ['killed/combatants/9/9/exact']);
});

test('Arabic duals spelled like plurals count 2 only when a number word confirms it', () => {
  assert.deepEqual(casualties('مقتل مدنيين بقصف مدفعي').map(brief), ['killed/civilians/null/null/vague']);
  assert.deepEqual(casualties('مقتل مدنيين اثنين بقصف').map(brief), ['killed/civilians/2/2/exact']);
  assert.deepEqual(casualties('إصابة طفلين بجروح').map(brief), ['injured/children/2/2/exact']);
});

test('English agents and attributive nouns are not victims', () => {
  // the rebels who killed are no victims; the pilot they killed is one
  assert.deepEqual(casualties('Islamist rebels killed a pilot they had captured.').map(brief), ['killed/combatants/1/1/exact']);
  assert.deepEqual(casualties('Four pupils were injured in a terrorist rocket attack.').map(brief), ['injured/children/4/4/exact']);
  assert.deepEqual(casualties('A militant website said 10 people were killed.').map(brief), ['killed/unknown/10/10/exact']);
  assert.deepEqual(casualties('Militants were killed in the raid.').map(brief), ['killed/combatants/null/null/vague']);
  assert.deepEqual(casualties('More than a quarter of a million people have been killed.').map(brief), ['killed/unknown/250000/null/more_than']);
  assert.deepEqual(casualties('Half a million people have died.').map(brief), ['killed/unknown/500000/500000/exact']);
});

test('Arabic qualifiers after و and "بين قتيل وجريح"', () => {
  assert.deepEqual(casualties('7 شهداء وأكثر من 20 جريحاً').map(brief), ['killed/unknown/7/7/exact', 'injured/unknown/20/null/more_than']);
  assert.deepEqual(casualties('سقط عدد من المدنيين بين قتيل وجريح').map(brief), []);
});

test('Arabic family relations, bodies, obfuscated words and verbs of harm', () => {
  assert.deepEqual(casualties('مقتل أم وأطفالها الثلاثة بغارة').map(brief), ['killed/women/1/1/exact', 'killed/children/3/3/exact']);
  assert.deepEqual(casualties('مقتل 4 أطفال ووالدتهم').map(brief), ['killed/children/4/4/exact', 'killed/women/1/1/exact']);
  assert.deepEqual(casualties('انتشال جثمان رجل من تحت الأنقاض').map(brief), ['killed/men/1/1/exact']);
  assert.deepEqual(casualties('مقتل رجل مسن بقصف').map(brief), ['killed/men/1/1/exact']);
  assert.deepEqual(casualties('قـ.ـتل شابان و ا.ستشهد طفل').map(brief), ['killed/men/2/2/exact', 'killed/children/1/1/exact']);
  assert.deepEqual(casualties('قصف يصيب 3 مدنيين').map(brief), ['injured/civilians/3/3/exact']);
  assert.deepEqual(casualties('@newsagencyمقتل مدني بقصف').map(brief), ['killed/civilians/1/1/exact']);
  // "فقد" opening a clause ("indeed") is no outcome
  assert.deepEqual(casualties('فقد أفاد مراسل بأن القصف مستمر').map(brief), []);
});

test('a repeated figure with an unknown population is the same claim as the specific one', () => {
  const text = '8 killed in Kafr Zeita\n\nAt least eight civil defence workers were killed in an air strike on a centre in the town of Kafr Zeita, the group said on Saturday.';
  const canon = extractClaims(text, { published: '2017-04-30' }).claims.filter((c) => c.type === 'casualties' && c.duplicateOf === null);
  assert.deepEqual(canon.map(brief), ['killed/civilians/8/null/at_least']);
});

test('civil defence members are civilians, police and army members combatants', () => {
  assert.deepEqual(casualties('إصابة 2 من عناصر الدفاع المدني').map(brief), ['injured/civilians/2/2/exact']);
  assert.deepEqual(casualties('مقتل 3 عناصر من الشرطة').map(brief), ['killed/combatants/3/3/exact']);
  assert.deepEqual(casualties('Two members of the civil defence were killed.').map(brief), ['killed/civilians/2/2/exact']);
});
