import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RowFault, isHttpUrl, normaliseDigits, parseCount, parseDate, parseDecimal, spanPrecision } from './fields.ts';
import { TODAY } from './testing.ts';

test('Arabic-Indic and extended digits become ASCII', () => {
  assert.equal(normaliseDigits('٢٠١٩-٠١-٠٥'), '2019-01-05');
  assert.equal(normaliseDigits('۱۲۳'), '123');
  assert.equal(parseCount('١٬٣٠٢', 'n'), 1302);
});

test('counts: blank is unknown, not zero; thousands separators; junk names the field', () => {
  assert.equal(parseCount('', 'n'), null);
  assert.equal(parseCount(' 0 ', 'n'), 0);
  assert.equal(parseCount('1,302', 'n'), 1302);
  assert.throws(() => parseCount('-1', 'civ_killed_min'), (e: unknown) => e instanceof RowFault && e.field === 'civ_killed_min');
  assert.throws(() => parseCount('many', 'n'), RowFault);
  assert.equal(parseDecimal('−12.5', 'x'), -12.5);
});

test('dates are calendar-valid and not in the future', () => {
  assert.equal(parseDate('2019-01-05', 'd', TODAY), '2019-01-05');
  assert.equal(parseDate('2024-11-30T12:50:21.000Z', 'd', TODAY), '2024-11-30');
  assert.equal(parseDate('5 January 2019', 'd', TODAY), '2019-01-05');
  assert.equal(parseDate('Jan. 5, 2019', 'd', TODAY), '2019-01-05');
  assert.equal(parseDate('15-January-2023', 'd', TODAY), '2023-01-15');
  assert.equal(parseDate('23 ديسمبر 2024', 'd', TODAY), '2024-12-23');
  assert.equal(parseDate('05/01/2019', 'd', TODAY, 'DD/MM/YYYY'), '2019-01-05');
  assert.equal(parseDate('01/05/2019', 'd', TODAY, 'MM/DD/YYYY'), '2019-01-05');
  assert.throws(() => parseDate('2019-02-29', 'date', TODAY), /not a calendar date/);
  assert.throws(() => parseDate('2030-01-01', 'date', TODAY), /future/);
  assert.throws(() => parseDate('31/02/2015', 'date', TODAY, 'DD/MM/YYYY'), (e: unknown) => e instanceof RowFault && e.field === 'date');
  assert.equal(parseDate('2020-02-29', 'd', TODAY), '2020-02-29');
});

test('span precision follows the model scale', () => {
  assert.equal(spanPrecision('2019-01-01', null), 'day');
  assert.equal(spanPrecision('2019-01-01', '2019-01-03'), 'span');
  assert.equal(spanPrecision('2019-01-01', '2019-01-07'), 'week');
  assert.equal(spanPrecision('2019-01-01', '2019-01-31'), 'month');
  assert.equal(spanPrecision('2019-01-01', '2019-06-01'), 'year');
});

test('URLs run together or mistyped are not valid', () => {
  assert.ok(isHttpUrl('https://sana.sy/en/?p=257486'));
  assert.ok(!isHttpUrl('hhttps://x.com/a'));
  assert.ok(!isHttpUrl('https://a.com/1https://a.com/1'));
});
