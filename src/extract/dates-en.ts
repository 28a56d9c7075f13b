/**
 * English dates: day spans chrono-node does not read ("between 11 and 24 March", "from August
 * 2014 to end of April 2019") by pattern, everything else through chrono-node with the
 * publication date as reference. Relative dates are dropped when no publication date is known.
 */
import * as chrono from 'chrono-node';
import type { DatePrecision } from '../model/vocabulary.ts';
import { iso, parseIso } from './dates-ar.ts';
import type { Period } from './types.ts';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MON = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DAY_SPAN = new RegExp(`(?:between|from)\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:and|to|until)\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MON}(?:,?\\s+(\\d{4}))?`, 'i');
const DAY_SPAN_MON_FIRST = new RegExp(`(?:between|from)\\s+${MON}\\s+(\\d{1,2})\\s+(?:and|to|until)\\s+(\\d{1,2})(?:,?\\s+(\\d{4}))?`, 'i');
const MONTH_SPAN = new RegExp(`(?:between|from|since)\\s+${MON}\\s+(\\d{4})\\s+(?:and|to|until)\\s+(?:the\\s+)?(?:end\\s+of\\s+)?${MON}\\s+(\\d{4})`, 'i');
const RELATIVE = /\b(today|yesterday|tonight|last night|this morning|this afternoon|this evening|monday|tuesday|wednesday|thursday|friday|saturday|sunday|last week|ago)\b/i;

/** A reporting verb right before a date: the date is when it was said. */
const REPORTED = /\b(said|says|told|reported|announced|added|stated|confirmed|claimed|tweeted|wrote)(\s+\w+)?\s+(on\s+)?$/i;

/** Words before a date that make it the start or end of a long span rather than an event's day. */
const BACKGROUND = /(?:\b(?:since|until|till|as of)|\b(?:began|begun|started|erupted|broke out|flared|outbreak|beginning|start)(?: of the \w+)?(?: in| on)?)\s*(?:(?:early|late|mid|the end of|the start of|the beginning of)\s*)?(?:-\s*)?$/i;

const NUMERIC_DMY = /(?<![\d.-])(\d{1,2})[.-](\d{1,2})[.-](\d{4})(?![\d.-])/;

/** Cheap test before chrono: a month, a weekday, a relative word, a year or a numeric date. */
const MAY_HOLD_DATE = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|yesterday|tonight|last|ago|this|\d{4}|\d{1,2}[/.-]\d{1,2})/i;

const monthIndex = (s: string): number => MONTHS.findIndex((m) => m.startsWith(s.toLowerCase().slice(0, 3)));

function yearFor(month: number, day: number, pub: number | null, written: string | undefined): number | null {
  if (written) return Number(written);
  if (pub === null) return null;
  const y = new Date(pub).getUTCFullYear();
  return Date.UTC(y, month, day) > pub + 2 * 86_400_000 ? y - 1 : y;
}

function span(start: number, end: number, precision: DatePrecision, text: string): Period {
  return { start: iso(start), end: iso(end), precision, text };
}

/**
 * The first period stated in an English sentence (original text), or null. `background` marks a
 * span from a "since" date to the publication: the sentence's own, not a scene later sentences share.
 */
export function findEnglishPeriod(sentence: string, published?: string): { index: number; period: Period; background?: boolean } | null {
  const pub = parseIso(published);
  let m = DAY_SPAN.exec(sentence);
  if (m) {
    const mo = monthIndex(m[3]);
    const y = yearFor(mo, Number(m[2]), pub, m[4]);
    if (y !== null && mo >= 0) return { index: m.index, period: span(Date.UTC(y, mo, Number(m[1])), Date.UTC(y, mo, Number(m[2])), 'span', m[0]) };
  }
  m = DAY_SPAN_MON_FIRST.exec(sentence);
  if (m) {
    const mo = monthIndex(m[1]);
    const y = yearFor(mo, Number(m[3]), pub, m[4]);
    if (y !== null && mo >= 0) return { index: m.index, period: span(Date.UTC(y, mo, Number(m[2])), Date.UTC(y, mo, Number(m[3])), 'span', m[0]) };
  }
  m = MONTH_SPAN.exec(sentence);
  if (m) {
    const a = monthIndex(m[1]);
    const b = monthIndex(m[3]);
    if (a >= 0 && b >= 0) {
      return { index: m.index, period: span(Date.UTC(Number(m[2]), a, 1), Date.UTC(Number(m[4]), b + 1, 0), 'month', m[0]) };
    }
  }
  // "04.07.2015", "15-09-2013": dotted and dashed numeric dates are day-first (chrono would read month-first)
  let scan = sentence;
  const dmy = NUMERIC_DMY.exec(sentence);
  let dateline: { index: number; period: Period } | null = null;
  if (dmy) {
    const t = Date.UTC(Number(dmy[3]), Number(dmy[2]) - 1, Number(dmy[1]));
    if (Number(dmy[2]) <= 12 && new Date(t).getUTCDate() === Number(dmy[1]) && (pub === null || t <= pub + 2 * 86_400_000)) {
      const found = { index: dmy.index, period: span(t, t, 'day', dmy[0]) };
      // the page's dateline gives way to a date later in the sentence, which chrono reads without it
      if (!(dmy.index <= 3 && t === pub)) return found;
      dateline = found;
      scan = sentence.slice(0, dmy.index) + ' '.repeat(dmy[0].length) + sentence.slice(dmy.index + dmy[0].length);
    }
  }
  if (!MAY_HOLD_DATE.test(scan)) return dateline;
  const ref = pub !== null ? new Date(pub + 12 * 3_600_000) : new Date();
  let results: chrono.ParsedResult[];
  let since: { index: number; period: Period; background: boolean } | null = null;
  let reported: { index: number; period: Period } | null = null;
  try {
    results = chrono.parse(scan, ref, { forwardDate: false });
  } catch {
    return dateline;
  }
  // a dateline that repeats the publication day ("Sun 10 Jul 2016 … killed … on Thursday") gives way to a later date in the sentence
  if (pub !== null && results.length > 1 && /\d{4}/.test(results[0].text)) {
    const s0 = results[0].start.date();
    if (Date.UTC(s0.getFullYear(), s0.getMonth(), s0.getDate()) === pub) results = results.slice(1);
  }
  for (const r of results) {
    const relative = RELATIVE.test(r.text);
    // without a publication date only a date with its year written is fixed ("this evening" is not)
    if (pub === null && (relative || !r.start.isCertain('year') || !/\d{4}/.test(r.text))) continue;
    // "since March 2011", "the war began in 2011": the start of a long span, not when this happened;
    // "since" with a publication date spans from then to the publication (a cumulative tally's period)
    const before = sentence.slice(Math.max(0, r.index - 40), r.index);
    if (BACKGROUND.test(before)) {
      const st = r.start.date();
      const from = Date.UTC(st.getFullYear(), r.start.isCertain('day') ? st.getMonth() : r.start.isCertain('month') ? st.getMonth() : 0, r.start.isCertain('day') ? st.getDate() : 1);
      if (pub !== null && /\bsince\b/i.test(before) && from < pub) since ??= { index: r.index, period: span(from, pub, 'span', sentence.slice(r.index - before.length + before.toLowerCase().lastIndexOf('since'), r.index + r.text.length)), background: true };
      continue;
    }
    if (/^\d{1,2}(:\d\d)?\s*(am|pm)?$/i.test(r.text.trim()) && !r.start.isCertain('day')) continue;
    const s = r.start.date();
    const startT = Date.UTC(s.getFullYear(), s.getMonth(), s.getDate());
    let precision: DatePrecision = r.start.isCertain('day') || relative ? 'day' : r.start.isCertain('month') ? 'month' : 'year';
    let startD = startT;
    let endD = startT;
    if (precision === 'month') endD = Date.UTC(s.getFullYear(), s.getMonth() + 1, 0);
    if (precision === 'year') {
      startD = Date.UTC(s.getFullYear(), 0, 1);
      endD = Date.UTC(s.getFullYear(), 11, 31);
    }
    if (r.end) {
      const e = r.end.date();
      endD = Date.UTC(e.getFullYear(), e.getMonth(), e.getDate());
      if (precision === 'day') precision = 'span';
    }
    if (pub !== null && startD > pub + 2 * 86_400_000) continue;
    // "…, a monitor said on Sunday": the day of the report; the event is that day or the one before, unless the sentence dates it too
    if (precision === 'day' && REPORTED.test(sentence.slice(Math.max(0, r.index - 30), r.index))) {
      reported ??= { index: r.index, period: span(startD - 86_400_000, startD, 'span', r.text) };
      continue;
    }
    return { index: r.index, period: span(startD, Math.max(endD, startD), precision, r.text) };
  }
  return reported ?? since ?? dateline;
}

const WEEKDAY_EN = '(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?';
/** A page's own English dateline at its very start: "Published April 8 2017", "Posted on April 4 2017 by", "Wed 05 Apr 2017", "Date of publication 11 August 2016". */
const LEADING_DATELINE = new RegExp(
  `^\\s*(?:(?:published|posted|updated|date of publication)(?:\\s+on)?:?\\s+)?(?:${WEEKDAY_EN}\\s+)?(?:(\\d{1,2})\\s+${MON}\\.?,?\\s+(\\d{4})|${MON}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})|(\\d{1,2})[.-](\\d{1,2})[.-](\\d{4}))\\b`,
  'i',
);

/**
 * The publication date a page prints at its start (YYYY-MM-DD), or undefined. labelling.md: where the
 * recorded publication date disagrees with the date shown in the text, the text's date counts.
 *
 * @example
 *   leadingDatelineEn('Published April 8 2017 An air strike killed …') // '2017-04-08'
 */
export function leadingDatelineEn(text: string): string | undefined {
  const m = LEADING_DATELINE.exec(text.slice(0, 80));
  if (!m) return undefined;
  // "04.07.2015", "18-07-2015": day first
  const day = Number(m[1] ?? m[5] ?? m[7]);
  const mo = m[8] !== undefined ? Number(m[8]) - 1 : monthIndex(m[2] ?? m[4]);
  const y = Number(m[3] ?? m[6] ?? m[9]);
  const t = Date.UTC(y, mo, day);
  return mo >= 0 && new Date(t).getUTCDate() === day ? iso(t) : undefined;
}

