import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nameFromParts, nameKey, parseName } from './names.ts';
import { foldArabic, wordKey, wordSkeleton } from './nameKeys.ts';
import { alignNames } from './comparisons.ts';

const key = (s: string): string => nameKey(parseName(s));

test('Arabic folding: diacritics, tatweel, alef and hamza forms, ta marbuta, alef maqsura', () => {
  assert.equal(foldArabic('مُحَمَّـــد'), 'محمد');
  assert.equal(foldArabic('أحمد'), foldArabic('احمد'));
  assert.equal(foldArabic('إبراهيم'), 'ابراهيم');
  assert.equal(foldArabic('فاطمة'), 'فاطمه');
  assert.equal(foldArabic('مصطفى'), 'مصطفي');
  assert.equal(foldArabic('عائشة'), 'عايشه');
  assert.equal(foldArabic('\u200fعلي\u200e'), 'علي');
});

test('common names meet across scripts and spellings', () => {
  const same = (xs: string[]): void => { const ks = new Set(xs.map(wordKey)); assert.equal(ks.size, 1, `${xs.join(', ')} → ${[...ks].join(', ')}`); };
  same(['محمد', 'Muhammad', 'Mohammed', 'Mohamad', 'Mohamed', 'Muhammed', 'Mohammad', 'Mohd']);
  same(['أحمد', 'احمد', 'Ahmad', 'Ahmed']);
  same(['حسين', 'Hussein', 'Husayn', 'Hussain', 'Husain']);
  same(['خالد', 'Khaled', 'Khalid']);
  same(['يوسف', 'Yousef', 'Yusuf', 'Youssef', 'Yousif']);
  same(['عمر', 'Omar', 'Umar']);
  same(['علي', 'Ali']);
  same(['حسن', 'Hasan', 'Hassan']);
  same(['فاطمة', 'Fatima', 'Fatimah', 'Fatma']);
  same(['آية', 'Aya', 'Ayah']);
});

test('different common names never share a key (Hasan/Husayn, Ahmad/Hamad, Mahmud/Muhammad)', () => {
  assert.notEqual(wordKey('Hasan'), wordKey('Husayn'));
  assert.notEqual(wordKey('أحمد'), wordKey('حمد'));
  assert.notEqual(wordKey('محمود'), wordKey('محمد'));
});

test('unlisted names meet through the consonant skeleton', () => {
  assert.equal(wordKey('al-Jubouri'), wordKey('الجبوري'));
  assert.equal(wordKey('Shammari'), wordKey('الشمري'));
  assert.equal(wordKey('Munther'), wordKey('منذر'));
  assert.equal(wordKey('Mundhir'), wordKey('منذر'));
  assert.equal(wordSkeleton('Ghassan'), wordSkeleton('غسان'));
});

test('nasab chain with and without bin/ibn, family name with the article, kunya in brackets', () => {
  const p = parseName('محمد بن أحمد بن علي الجبوري (أبو خالد)');
  assert.equal(p.given?.written, 'محمد');
  assert.equal(p.father?.written, 'أحمد');
  assert.equal(p.grandfather?.written, 'علي');
  assert.equal(p.family?.written, 'الجبوري');
  assert.equal(p.kunya?.key, 'abu_khalid');
  assert.equal(key('محمد بن أحمد بن علي الجبوري'), key('Muhammad Ahmad Ali al-Jubouri'));
  assert.equal(key('Mohammed ibn Ahmed ibn Ali Al-Jubouri'), key('محمد أحمد علي الجبوري'));
});

test('kunya first (Abu/Umm), a family name Abu X at the end, Abu Bakr as a given name', () => {
  const a = parseName('Abu Khalid Mohammed Ahmed Al-Jubouri');
  assert.equal(a.kunya?.key, 'abu_khalid');
  assert.equal(a.given?.key, 'muhammad');
  const u = parseName('أم أحمد');
  assert.equal(u.kunya?.key, 'umm_ahmad');
  assert.equal(u.given, null);
  assert.equal(u.genderHint, 'female');
  const f = parseName('Ali Hasan Abu Zaid');
  assert.equal(f.family?.key, 'abu_~ZD');
  assert.equal(f.kunya, null);
  assert.equal(parseName('Abu Bakr Omar').given?.key, 'abu_bakr');
  assert.equal(parseName('أبو عبد الرحمن حسن خالد').kunya?.key, 'abd_rahman'.replace(/^/, 'abu_'));
});

test('Abd compounds, glued or apart, in both scripts', () => {
  const ks = ['Abd al-Rahman', 'Abdul Rahman', 'Abdulrahman', 'Abdelrahman', 'Abdurrahman', 'عبد الرحمن', 'عبدالرحمن'].map((s) => parseName(s).given?.key);
  assert.deepEqual(new Set(ks), new Set(['abd_rahman']));
  assert.equal(parseName('Abdullah').given?.key, parseName('عبد الله').given?.key);
  assert.equal(parseName('Abdo Saleh').given?.key, 'abdo');
});

test('… al-Din compounds', () => {
  const ks = ['Nour al-Din', 'Nureddin', 'Noureddine', 'نور الدين', 'نورالدين'].map((s) => parseName(s).given?.key);
  assert.deepEqual(new Set(ks), new Set(['nur_din']));
  assert.equal(parseName('Salaheddine Ayoub').father?.key, 'ayyub');
});

test('titles and nicknames are laqab, not name parts; bint marks a woman', () => {
  const p = parseName('الحاج علي حسن الشمري');
  assert.equal(p.given?.key, 'ali');
  assert.equal(p.laqab.length, 1);
  assert.equal(key('Hajj Ali Hassan al-Shammari'), key('الحاج علي حسن الشمري'));
  const q = parseName('Ahmed "the tall" Saleh');
  assert.equal(q.father?.key, 'salih');
  assert.ok(q.laqab.length >= 1);
  assert.equal(parseName('فاطمة بنت حسن').genderHint, 'female');
});

test('names from separate list columns', () => {
  const p = nameFromParts({ given: 'Abdul Rahman', father: 'Hussein', grandfather: null, family: 'Al-Obaidi', kunya: 'Abu Omar' });
  assert.equal(p.given?.key, 'abd_rahman');
  assert.equal(p.family?.key, parseName('x y العبيدي').family?.key);
  assert.equal(p.kunya?.key, 'abu_umar');
});

test('name-part alignment: a missing grandfather or an added kunya does not break a match', () => {
  const full = parseName('محمد أحمد علي الجبوري');
  assert.equal(alignNames(full, parseName('Mohammed Ahmed al-Jubouri'))?.level, 0);
  assert.equal(alignNames(full, parseName('Abu Khalid Muhammad Ahmad Ali'))?.level, 0);
  // siblings: same father, grandfather and family, different given name
  assert.equal(alignNames(full, parseName('Hasan Ahmad Ali al-Jubouri'))?.level, 5);
  // cousins named after the grandfather: the father conflicts
  assert.ok(alignNames(parseName('Ali Hasan Ali al-Jubouri'), parseName('Ali Husayn Ali al-Jubouri'))!.level >= 2);
});

test('parsing never throws and keys are stable on any input (fuzz)', () => {
  fc.assert(fc.property(fc.string({ maxLength: 80 }), (s) => {
    const p = parseName(s);
    assert.equal(nameKey(p), nameKey(parseName(s)));
  }), { numRuns: 300 });
});
