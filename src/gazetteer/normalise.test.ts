import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  detectScript, jaroWinkler, keySimilarity, levenshteinRatio, normaliseArabic, normaliseLatin, normaliseName,
  skeleton, stripInvisible, trigrams,
} from './normalise.ts';

test('Arabic: harakat and tatweel removed', () => {
  assert.equal(normaliseArabic('مَعَرَّة النُّعْمَان'), 'معره نعمان');
  assert.equal(normaliseArabic('حلـــب'), 'حلب');
});

test('Arabic: alef forms أ إ آ ٱ become ا', () => {
  assert.equal(normaliseArabic('أعزاز'), normaliseArabic('اعزاز'));
  assert.equal(normaliseArabic('إدلب'), 'ادلب');
  assert.equal(normaliseArabic('آمد'), 'امد');
  assert.equal(normaliseArabic('ٱلرقة'), 'رقه');
});

test('Arabic: ta marbuta ة → ه and alef maqsura ى → ي', () => {
  assert.equal(normaliseArabic('الرقة'), normaliseArabic('الرقه'));
  assert.equal(normaliseArabic('نينوى'), 'نينوي');
  assert.equal(normaliseArabic('عيسى'), normaliseArabic('عيسي'));
});

test('Arabic: hamza seats ؤ ئ folded, bare hamza dropped', () => {
  assert.equal(normaliseArabic('القائم'), 'قايم');
  assert.equal(normaliseArabic('مؤتة'), 'موته');
  assert.equal(normaliseArabic('سامراء'), 'سامرا');
});

test('Arabic: the article ال is removed, also before sun letters', () => {
  assert.equal(normaliseArabic('الباغوز'), 'باغوز');
  assert.equal(normaliseArabic('الشعفة'), 'شعفه');
  assert.equal(normaliseArabic('دير الزور'), 'دير زور');
  assert.equal(normaliseArabic('الرقة'), 'رقه');
});

test('Arabic: LRM/RLM, bidi embeddings and zero-width characters removed', () => {
  assert.equal(normaliseArabic('الرقة\u200E'), 'رقه');
  assert.equal(normaliseArabic('\u200Fالعشارة\u202C'), 'عشاره');
  assert.equal(normaliseArabic('حل\u200Dب\uFEFF'), 'حلب');
  assert.equal(stripInvisible('a\u2066b\u2069c\u061C'), 'abc');
});

test('Arabic: presentation forms (NFKC) and Persian/Kurdish letters', () => {
  assert.equal(normaliseArabic('ﺣﻠﺐ'), 'حلب');
  assert.equal(normaliseArabic('زاخۆ'), 'زاخو');
  assert.equal(normaliseArabic('کرکوک'), 'كركوك');
});

test('Latin: diacritics and apostrophes', () => {
  assert.equal(normaliseLatin('Ḩajīn'), normaliseLatin('Hajin'));
  assert.equal(normaliseLatin('Ma’aret Al Nu’man'), normaliseLatin("Maarat al Numan"));
});

test('Latin: al-/el-/ad-/ar-/as-/ash-/at-/az- prefixes', () => {
  assert.equal(normaliseLatin('Al-Bab'), 'bab');
  assert.equal(normaliseLatin('el Bab'), 'bab');
  assert.equal(normaliseLatin('Ar Raqqah'), normaliseLatin('Raqqa'));
  assert.equal(normaliseLatin('as-Sukhnah'), normaliseLatin('Sukhna'));
  assert.equal(normaliseLatin('ash-Shaafa'), normaliseLatin('Shaafa'));
  assert.equal(normaliseLatin('at-Tabqa'), normaliseLatin('Tabqa'));
  assert.equal(normaliseLatin('ad-Dana'), normaliseLatin('Dana'));
  assert.equal(normaliseLatin('Az Zabadani'), normaliseLatin('Zabadani'));
});

test('Latin: gh/g/q/k and kh/h', () => {
  assert.equal(normaliseLatin('Baghouz'), normaliseLatin('Bagouz'));
  assert.equal(normaliseLatin('Baqouz'), normaliseLatin('Bakouz'));
  assert.equal(normaliseLatin('Khan'), normaliseLatin('Han'));
});

test('Latin: ou/u/o/w, ee/i/y and doubled letters', () => {
  assert.equal(normaliseLatin('Baguoz'), normaliseLatin('Baghouz'));
  assert.equal(normaliseLatin('Hajeen'), normaliseLatin('Hajin'));
  assert.equal(normaliseLatin('Mayadeen'), normaliseLatin('Mayadin'));
  assert.equal(normaliseLatin('Raqqa'), normaliseLatin('Raqa'));
  assert.equal(normaliseLatin('Hassakah'), normaliseLatin('Hasaka'));
});

test('Latin: Fawqani / Foqani / Fouqani and Tahtani', () => {
  assert.equal(normaliseLatin('Fawqani'), normaliseLatin('Foqani'));
  assert.equal(normaliseLatin('Fouqani'), normaliseLatin('Foqani'));
  assert.equal(normaliseLatin('Al Bagouz Fawqani'), normaliseLatin('al Baghouz al Foqani'));
  assert.equal(normaliseLatin('Tahtany'), normaliseLatin('Tahtani'));
});

test('Latin: Deir ez-Zor / Dayr Az Zawr / Deir Ezzor', () => {
  const k = normaliseLatin('Deir ez-Zor');
  assert.equal(normaliseLatin('Dayr Az Zawr'), k);
  assert.equal(normaliseLatin('Deir Ezzor'), k);
  assert.equal(normaliseLatin('Deir Ez Zor'), k);
});

test('Latin: Abu Kamal / Albu Kamal / Abo Kamal; Al Bukamal meets them on the skeleton', () => {
  assert.equal(normaliseLatin('Albu Kamal'), normaliseLatin('Abu Kamal'));
  assert.equal(normaliseLatin('Abo Kamal'), normaliseLatin('Abu Kamal'));
  assert.equal(skeleton('Al Bukamal'), skeleton('Abu Kamal'));
});

test('skeleton: Arabic and Latin meet', () => {
  assert.equal(skeleton('الباغوز'), skeleton('Baghouz'));
  assert.equal(skeleton('الباغوز'), 'BKZ');
  assert.equal(skeleton('دير الزور'), skeleton('Deir ez-Zor'));
  assert.equal(skeleton('البوكمال'), skeleton('Abu Kamal'));
  assert.equal(skeleton('هجين'), skeleton('Hajeen'));
  assert.equal(skeleton('الرقة'), skeleton('Ar Raqqah'));
  assert.equal(skeleton('مَعَرَّة النُّعْمَان'), skeleton('Maarat al Numan'));
  assert.equal(skeleton('خان شيخون'), skeleton('Khan Sheikhoun'));
  assert.equal(skeleton('الشيخ خضر'), skeleton('Sheikh Khudar'));
  assert.equal(skeleton('كفر حمرة'), skeleton('Kafr Hamra'));
  assert.equal(skeleton('الأتارب'), skeleton('Al Atarib'));
  assert.equal(skeleton('ﺣﻠﺐ'), skeleton('حلب'));
});

test('skeleton: different places stay apart', () => {
  assert.notEqual(skeleton('Hajin'), skeleton('Baghouz'));
  assert.notEqual(skeleton('الرقة'), skeleton('الحسكة'));
});

test('normaliseName dispatches on script; detectScript', () => {
  assert.equal(normaliseName('الباغوز'), 'باغوز');
  assert.equal(normaliseName('Baghouz'), 'bakuz');
  assert.equal(detectScript('الباغوز'), 'arabic');
  assert.equal(detectScript('Baghouz'), 'latin');
  assert.equal(detectScript('123 !'), 'other');
  assert.equal(detectScript('ﺣﻠﺐ'), 'arabic');
});

test('string metrics', () => {
  assert.equal(jaroWinkler('abc', 'abc'), 1);
  assert.equal(jaroWinkler('', 'abc'), 0);
  assert.ok(Math.abs(jaroWinkler('martha', 'marhta') - 0.961) < 0.001);
  assert.equal(levenshteinRatio('kitten', 'sitting'), 1 - 3 / 7);
  assert.ok(keySimilarity('hajin', 'hajen') > keySimilarity('hajin', 'bakuz'));
  assert.deepEqual(trigrams('ab'), ['^ab', 'ab$']);
});
