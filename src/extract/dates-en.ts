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
const RELATIVE = /\b(today|yesterday|tonight|last night|this morning|monday|tuesday|wednesday|thursday|friday|saturday|sunday|last week|ago)\b/i;

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

/** The first period stated in an English sentence (original text), or null. */
export function findEnglishPeriod(sentence: string, published?: string): { index: number; period: Period } | null {
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
  if (!MAY_HOLD_DATE.test(sentence)) return null;
  const ref = pub !== null ? new Date(pub + 12 * 3_600_000) : new Date();
  let results: chrono.ParsedResult[];
  try {
    results = chrono.parse(sentence, ref, { forwardDate: false });
  } catch {
    return null;
  }
  // a dateline that repeats the publication day ("Sun 10 Jul 2016 … killed … on Thursday") gives way to a later date in the sentence
  if (pub !== null && results.length > 1 && /\d{4}/.test(results[0].text)) {
    const s0 = results[0].start.date();
    if (Date.UTC(s0.getFullYear(), s0.getMonth(), s0.getDate()) === pub) results = results.slice(1);
  }
  for (const r of results) {
    const relative = RELATIVE.test(r.text);
    if (pub === null && (relative || !r.start.isCertain('year'))) continue;
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
    return { index: r.index, period: span(startD, Math.max(endD, startD), precision, r.text) };
  }
  return null;
}
