import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findArabicDates, hijriToUtc, iso, parsePublished } from './dates-ar.ts';
import { findEnglishPeriod } from './dates-en.ts';
import { norm } from './normalise.ts';

test('Arabic dates: both month systems, weekday, relative words', () => {
  assert.equal(findArabicDates(norm('اليوم الجمعة 6 تشرين الأول'))[0]?.period.start, '2023-10-06');
  assert.equal(findArabicDates(norm('في 9 ديسمبر 2024'))[0]?.period.start, '2024-12-09');
  assert.equal(findArabicDates(norm('في ٩ كانون الأول'), '2024-12-20')[0]?.period.start, '2024-12-09');
  assert.equal(findArabicDates(norm('قصف مساء أمس'), '2024-12-09')[0]?.period.start, '2024-12-08');
  assert.equal(findArabicDates(norm('قصف اليوم'), '2024-12-09')[0]?.period.start, '2024-12-09');
  assert.equal(findArabicDates(norm('قصف يوم الجمعة'), '2024-12-09')[0]?.period.start, '2024-12-06');
  assert.equal(findArabicDates(norm('قصف اليوم')).length, 0, 'no publication date: relative dates stay unresolved');
});

test('Hijri dates convert through the Umm al-Qura calendar', () => {
  assert.equal(iso(hijriToUtc(1445, 9, 1)!), '2024-03-11');
  assert.equal(findArabicDates(norm('في 15 رمضان 1445'))[0]?.period.start, '2024-03-25');
});

test('publication dates as ISO or text', () => {
  assert.equal(parsePublished('2024-11-30T12:50:21.000Z'), '2024-11-30');
  assert.equal(parsePublished('الاثنين, ٩ ديسمبر ٢٠٢٤, ١١:١٠'), '2024-12-09');
  assert.equal(parsePublished('Nov 30, 2024'), '2024-11-30');
  assert.equal(parsePublished('15 ف'), undefined);
  assert.equal(parsePublished(''), undefined);
});

test('English spans and relative days resolve against the publication date', () => {
  const span = findEnglishPeriod('seven reports about raids on Baguoz between 11 and 24 March.', '2019-06-01')?.period;
  assert.deepEqual(span && [span.start, span.end, span.precision], ['2019-03-11', '2019-03-24', 'span']);
  const fri = findEnglishPeriod('in a statement on Friday evening', '2019-06-01')?.period;
  assert.deepEqual(fri && [fri.start, fri.precision], ['2019-05-31', 'day']);
  const months = findEnglishPeriod('between August 2014 and end of April 2019', '2019-06-01')?.period;
  assert.deepEqual(months && [months.start, months.end, months.precision], ['2014-08-01', '2019-04-30', 'month']);
  assert.equal(findEnglishPeriod('on Friday evening'), null, 'no publication date: relative dates stay unresolved');
});

test('a post without a publication date is dated by its own timestamp or dateline', async () => {
  const { inferPublished, extractClaims } = await import('./extract.ts');
  assert.equal(inferPublished('post text\n12:50 PM · Nov 30, 2024 3.4K Views'), '2024-11-30');
  assert.equal(inferPublished('Page December 4, 2024 · Shared with Public'), '2024-12-04');
  assert.equal(inferPublished('وكالة\n\nالاثنين, ٩ ديسمبر ٢٠٢٤, ١١:١٠\n\nنص الخبر'), '2024-12-09');
  assert.equal(inferPublished('no date in this text 2024'), undefined);
  const c = extractClaims('مقتل طفل بقصف على بلدة كنصفرة اليوم\n\n12:50 PM · Nov 30, 2024').claims[0];
  assert.equal(c?.period?.start, '2024-11-30');
});

test('Arabic relative days: bare weekdays between commas, time-of-day words, no match inside longer words', () => {
  assert.equal(findArabicDates(norm('أصيب شخصان، الأربعاء، بقصف'), '2024-12-13')[0]?.period.start, '2024-12-11');
  assert.equal(findArabicDates(norm('قصف مساء الأحد'), '2024-12-10')[0]?.period.start, '2024-12-08');
  assert.equal(findArabicDates(norm('في الخامس من الشهر'), '2024-12-10').length, 0);
  // a weekday beside "today" wins over a timestamp one day late
  assert.equal(findArabicDates(norm('قصف اليوم الخميس'), '2024-12-13')[0]?.period.start, '2024-12-12');
  assert.equal(findArabicDates(norm('اليوم السبت (14 كانون الأول)'))[0]?.period.start, '2024-12-14');
});
