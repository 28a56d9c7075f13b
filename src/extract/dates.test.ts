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

test('English datelines printed at the start of a page win over a recorded date that disagrees', async () => {
  const { leadingDatelineEn } = await import('./dates-en.ts');
  const { extractClaims } = await import('./extract.ts');
  assert.equal(leadingDatelineEn('Published March 3 2016 A car bomb killed'), '2016-03-03');
  assert.equal(leadingDatelineEn('Posted on June 9 2015 by staff Two killed'), '2015-06-09');
  assert.equal(leadingDatelineEn('Thu 12 Nov 2015 Shelling kills four'), '2015-11-12');
  assert.equal(leadingDatelineEn('Date of publication 4 May 2016 Ten people'), '2016-05-04');
  assert.equal(leadingDatelineEn('Shelling kills four on March 3 2016'), undefined);
  // the body's "on Monday" is the Monday before the printed date, not before the recorded one
  const c = extractClaims('Published March 3 2016 A car bomb killed five people on Monday in the town.', { published: '2016-03-10', lang: 'en' }).claims[0];
  assert.equal(c?.period?.start, '2016-02-29');
});

test('English: "since" dates span to the publication and stay with their sentence; no year, no date', () => {
  const since = findEnglishPeriod('More than 300 people have been killed since the war began in March 2013.', '2016-05-01');
  assert.deepEqual(since?.period && [since.period.start, since.period.end, since.period.precision, since.background], ['2013-03-01', '2016-05-01', 'span', true]);
  assert.equal(findEnglishPeriod('The conflict began in 2011 as a protest movement.', '2016-05-01'), null);
  // without a publication date a date needs its year ("this evening" and "May 21" are not fixed)
  assert.equal(findEnglishPeriod('The raid this evening killed two.'), null);
  assert.equal(findEnglishPeriod('Two were killed on May 21.'), null);
  assert.equal(findEnglishPeriod('Two were killed on May 21, 2024.')?.period.start, '2024-05-21');
  const eve = findEnglishPeriod('The raid this evening killed two.', '2021-02-03')?.period;
  assert.deepEqual(eve && [eve.start, eve.precision], ['2021-02-03', 'day']);
});

test('a short text without a date of its own is news of its publication day or the day before', async () => {
  const { extractClaims } = await import('./extract.ts');
  const post = extractClaims('مقتل طفل بقصف مدفعي على قرية كفرنبل', { published: '2024-12-05' }).claims[0]?.period;
  assert.deepEqual(post && [post.start, post.end, post.precision], ['2024-12-04', '2024-12-05', 'span']);
  // a dateline line alone dates the page, not the event
  const page = extractClaims('12 شباط 2023\n\nإصابة امرأة بقصف على بلدة سرمين', { published: '2023-02-12' }).claims[0]?.period;
  assert.deepEqual(page && [page.start, page.end], ['2023-02-11', '2023-02-12']);
  // a day written in the text is kept as it is
  const day = extractClaims('إصابة امرأة بقصف على بلدة سرمين أمس', { published: '2023-02-12' }).claims[0]?.period;
  assert.deepEqual(day && [day.start, day.end], ['2023-02-11', '2023-02-11']);
  assert.equal(extractClaims('مقتل طفل بقصف على قرية كفرنبل').claims[0]?.period, null);
});

test('English numeric dates with dots or dashes are day-first', () => {
  assert.equal(findEnglishPeriod('Two were killed on 03.07.2015 in the city.', '2015-07-10')?.period.start, '2015-07-03');
  assert.equal(findEnglishPeriod('Shelling on 11-09-2013 killed four.', '2013-09-20')?.period.start, '2013-09-11');
  // a dateline of the publication day gives way to the event's own day later in the sentence
  assert.equal(findEnglishPeriod('04.07.2015 A blast killed three on Friday', '2015-07-04')?.period.start, '2015-07-03');
});

test('English datelines with a weekday or a time date an undated page, and its weekdays', async () => {
  const { inferPublished, extractClaims } = await import('./extract.ts');
  assert.equal(inferPublished('DESK\n\nTuesday, 14 March 2023, 09:12\n\nA shell hit a market.'), '2023-03-14');
  assert.equal(inferPublished('Wire\nMarch 14, 2023\nA shell hit a market.'), '2023-03-14');
  assert.equal(inferPublished('Wire\nMarch 14, 2023 and later reports\n'), undefined);
  const c = extractClaims('DESK\n\nTuesday, 14 March 2023, 09:12\n\nA drone strike killed three farmers on Sunday near the river.').claims[0];
  assert.equal(c?.period?.start, '2023-03-12');
});
