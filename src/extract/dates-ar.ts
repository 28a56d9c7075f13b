/**
 * Arabic dates over normalised text: both Gregorian month systems (كانون الثاني / يناير …),
 * Hijri months (converted through Intl's islamic-umalqura calendar), weekday names and
 * relative words (اليوم، أمس، أول أمس), resolved against the publication date.
 */
import type { Period } from './types.ts';
import { norm } from './normalise.ts';

const DAY = 86_400_000;

/** YYYY-MM-DD of a UTC time. */
export function iso(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** UTC midnight of a YYYY-MM-DD string, or null. */
export function parseIso(s: string | undefined): number | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(t) || new Date(t).getUTCDate() !== Number(m[3]) || new Date(t).getUTCMonth() !== Number(m[2]) - 1 ? null : t;
}

const MONTH_SPEC = [
  'كانون الثاني:1', 'شباط:2', 'آذار:3', 'نيسان:4', 'أيار:5', 'حزيران:6', 'تموز:7', 'آب:8', 'أيلول:9', 'تشرين الأول:10',
  'تشرين الثاني:11', 'كانون الأول:12', 'يناير:1', 'فبراير:2', 'مارس:3', 'أبريل:4', 'إبريل:4', 'ابريل:4', 'مايو:5', 'يونيو:6', 'يونيه:6',
  'يوليو:7', 'يوليه:7', 'أغسطس:8', 'اغسطس:8', 'سبتمبر:9', 'أكتوبر:10', 'نوفمبر:11', 'ديسمبر:12',
];
const HIJRI_SPEC = [
  'محرم:1', 'صفر:2', 'ربيع الأول:3', 'ربيع الثاني:4', 'ربيع الآخر:4', 'جمادى الأولى:5', 'جمادى الآخرة:6', 'جمادى الثانية:6',
  'رجب:7', 'شعبان:8', 'رمضان:9', 'شوال:10', 'ذو القعدة:11', 'ذي القعدة:11', 'ذو الحجة:12', 'ذي الحجة:12',
];
const MONTHS = new Map(MONTH_SPEC.map((s) => s.split(':')).map(([w, v]): [string, number] => [norm(w), Number(v)]));
const HIJRI = new Map(HIJRI_SPEC.map((s) => s.split(':')).map(([w, v]): [string, number] => [norm(w), Number(v)]));
const WEEKDAYS = new Map(['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'].map((w, i): [string, number] => [norm(w), i]));
const alt = (keys: Iterable<string>): string => [...keys].sort((a, b) => b.length - a.length).join('|');

const DATE_RE = new RegExp(`(?:(${alt(WEEKDAYS.keys())})[\\s،,(]{0,4})?(\\d{1,2})\\s*(?:من\\s+)?(?:شهر\\s+)?(${alt(MONTHS.keys())}|${alt(HIJRI.keys())})(?:\\s*[،,/]?\\s*(?:عام|سنه|لعام)?\\s*(\\d{4}))?`, 'g');
const MONTH_ONLY_RE = new RegExp(`(?:شهر\\s+)(${alt(MONTHS.keys())})(?:\\s*(?:عام|سنه|لعام)?\\s*(\\d{4}))?`, 'g');
/** Not inside a longer word ("الخامس" holds "امس"): only a clitic و / ب / ل may come before. */
const AR_START = '(?<![\\u0621-\\u064a])(?:[وبل](?=[\\u0621-\\u064a]))?';
const AR_END = '(?![\\u0621-\\u064a])';
/** Relative days; a bare weekday counts after a time-of-day word or between commas ("أصيب 3، الثلاثاء، جراء"). */
const REL_RE = new RegExp(
  `${AR_START}(?:(اول امس|امس الاول|الامس|امس|البارحه|الليله الماضيه|اليوم|الليله|قبل قليل|منذ قليل|قبل ساعات|منذ ساعات)(?:\\s*[،,]?\\s*(${alt(WEEKDAYS.keys())}))?|(?:يوم|ليله|ليل|صباح|مساء|فجر|ظهر|عصر|ظهيره|منتصف ليل)\\s+(${alt(WEEKDAYS.keys())})|(?<=[،,(]\\s{0,2})(${alt(WEEKDAYS.keys())})(?=\\s*[،,)]))${AR_END}`,
  'g',
);
/** "الأحد الماضي", "يوم الجمعة الفائت": the last such weekday before the publication day. */
const PAST_WEEKDAY_RE = new RegExp(`${AR_START}(?:(?:يوم|ليله|ليل|صباح|مساء|فجر|ظهر|عصر)\\s+)?(${alt(WEEKDAYS.keys())})\\s+(?:الماضي|الفايت|المنصرم|المنقضي)${AR_END}`, 'g');
/** "منذ يومين", "قبل ثلاثة أيام": so many days before the publication day. */
const DAYS_AGO_RE = new RegExp(`${AR_START}(?:منذ|قبل)\\s+(يومين|يوم واحد|(\\d{1,2}|ثلاثه|اربعه|خمسه|سته|سبعه)\\s+ايام)${AR_END}`, 'g');
const FEW = new Map([['ثلاثه', 3], ['اربعه', 4], ['خمسه', 5], ['سته', 6], ['سبعه', 7]]);
/** "في 15 من الشهر الجاري": a day of the publication's month. */
const THIS_MONTH_RE = /(?<!\d)(?:ال)?(\d{1,2})\s+(?:من\s+)?(?:الشهر|شهر)\s+(?:الجاري|الحالي)/g;
const ISO_RE = /(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?!\d)|(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/g;

const HIJRI_FMT = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' });

/** Gregorian UTC midnight of a Hijri (Umm al-Qura) date, found by searching around an estimate. */
export function hijriToUtc(y: number, m: number, d: number): number | null {
  const epoch = Date.UTC(622, 6, 16);
  const approx = epoch + Math.round(((y - 1) * 354.36667 + (m - 1) * 29.5306 + (d - 1)) * 1) * DAY;
  for (let off = 0; off <= 40; off++) {
    for (const sign of off === 0 ? [1] : [1, -1]) {
      const t = approx + sign * off * DAY;
      const parts = HIJRI_FMT.formatToParts(new Date(t));
      const get = (k: string): number => Number(parts.find((p) => p.type === k)?.value);
      if (get('year') === y && get('month') === m && get('day') === d) return t;
    }
  }
  return null;
}

function hijriYearOf(t: number): number {
  return Number(HIJRI_FMT.formatToParts(new Date(t)).find((p) => p.type === 'year')?.value);
}

/** Most recent `weekday` on or before `ref`. */
function lastWeekday(ref: number, weekday: number): number {
  const diff = (new Date(ref).getUTCDay() - weekday + 7) % 7;
  return ref - diff * DAY;
}

/** The day with `weekday` nearest to `ref`: at most one day later, else the last one before. */
function nearestWeekday(ref: number, weekday: number): number {
  const diff = (weekday - new Date(ref).getUTCDay() + 7) % 7;
  return ref + (diff <= 1 ? diff : diff - 7) * DAY;
}

function valid(y: number, m: number, d: number): number | null {
  const t = Date.UTC(y, m - 1, d);
  return new Date(t).getUTCDate() === d && new Date(t).getUTCMonth() === m - 1 ? t : null;
}

/** Year for a day and month without a year: the published year (or the one before if that is in the future), or from the weekday. */
function chooseYear(m: number, d: number, published: number | null, weekday: number | undefined): number | null {
  if (weekday !== undefined) {
    const top = published !== null ? new Date(published).getUTCFullYear() : new Date().getUTCFullYear();
    for (let y = top; y >= top - 15; y--) {
      const t = valid(y, m, d);
      if (t !== null && new Date(t).getUTCDay() === weekday && (published === null || t <= published + 2 * DAY)) return y;
    }
  }
  if (published === null) return null;
  const y = new Date(published).getUTCFullYear();
  const t = valid(y, m, d);
  return t !== null && t > published + 2 * DAY ? y - 1 : y;
}

/** A date found in normalised text: offsets in that text and the period. */
export interface FoundDate {
  s: number;
  e: number;
  period: Period;
}

/**
 * Dates in a normalised Arabic sentence, resolved against `published` (YYYY-MM-DD). The text of
 * each period is the normalised phrase; callers replace it with the original slice.
 *
 * @example
 *   findArabicDates(norm('اليوم الجمعة 6 تشرين الأول'), '2023-10-06')[0].period.start // '2023-10-06'
 */
export function findArabicDates(n: string, published?: string): FoundDate[] {
  const pub = parseIso(published);
  const out: FoundDate[] = [];
  const day = (s: number, e: number, t: number, text: string): void => {
    out.push({ s, e, period: { start: iso(t), end: iso(t), precision: 'day', text } });
  };
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(n); m; m = DATE_RE.exec(n)) {
    const wd = m[1] !== undefined ? WEEKDAYS.get(m[1]) : undefined;
    const d = Number(m[2]);
    const monthWord = m[3];
    let y = m[4] !== undefined ? Number(m[4]) : null;
    if (HIJRI.has(monthWord)) {
      const hm = HIJRI.get(monthWord)!;
      if (y === null) y = pub !== null ? hijriYearOf(pub) : null;
      const t = y !== null && y > 1300 && y < 1600 ? hijriToUtc(y, hm, d) : null;
      if (t !== null) day(m.index, m.index + m[0].length, t, m[0]);
      continue;
    }
    const mo = MONTHS.get(monthWord)!;
    if (y === null) y = chooseYear(mo, d, pub, wd);
    const t = y !== null ? valid(y, mo, d) : null;
    if (t !== null) day(m.index, m.index + m[0].length, t, m[0]);
  }
  ISO_RE.lastIndex = 0;
  for (let m = ISO_RE.exec(n); m; m = ISO_RE.exec(n)) {
    const t = m[1] !== undefined ? valid(Number(m[1]), Number(m[2]), Number(m[3])) : valid(Number(m[6]), Number(m[5]), Number(m[4]));
    if (t !== null) day(m.index, m.index + m[0].length, t, m[0]);
  }
  const past: FoundDate[] = [];
  if (out.length === 0 && pub !== null) relativeDays(n, pub, past);
  if (out.length === 0) {
    REL_RE.lastIndex = 0;
    for (let m = REL_RE.exec(n); m; m = REL_RE.exec(n)) {
      if (pub === null) break;
      const rel = m[1];
      const wdWord = m[2] ?? m[3] ?? m[4];
      let t = pub;
      if (rel === 'امس' || rel === 'الامس' || rel === 'البارحه') t = pub - DAY;
      if (rel === 'الليله الماضيه' && wdWord === undefined) {
        // last night: the evening before the post or the small hours of its day
        out.push({ s: m.index, e: m.index + m[0].length, period: { start: iso(pub - DAY), end: iso(pub), precision: 'span', text: m[0] } });
        break;
      }
      else if (rel === 'اول امس' || rel === 'امس الاول') t = pub - 2 * DAY;
      // a weekday written beside the relative word wins over a timestamp a day or two late ("اليوم الجمعة" posted on Saturday)
      if (wdWord !== undefined) t = rel === undefined ? lastWeekday(t, WEEKDAYS.get(wdWord)!) : nearestWeekday(t, WEEKDAYS.get(wdWord)!);
      day(m.index, m.index + m[0].length, t, m[0]);
      break;
    }
  }
  // the earlier of a relative day and a past weekday / days ago
  if (past.length && (out.length === 0 || past[0].s < out[0].s)) out.splice(0, out.length, past[0]);
  if (out.length === 0) {
    MONTH_ONLY_RE.lastIndex = 0;
    const m = MONTH_ONLY_RE.exec(n);
    if (m) {
      const mo = MONTHS.get(m[1])!;
      const y = m[2] !== undefined ? Number(m[2]) : pub !== null ? new Date(pub).getUTCFullYear() : null;
      if (y !== null) {
        const start = Date.UTC(y, mo - 1, 1);
        const end = Date.UTC(y, mo, 0);
        out.push({ s: m.index, e: m.index + m[0].length, period: { start: iso(start), end: iso(end), precision: 'month', text: m[0] } });
      }
    }
  }
  return out.sort((a, b) => a.s - b.s);
}

/** Weekdays written as past ("الأحد الماضي"), days ago ("منذ يومين") and days of the current month: the first found, into `out`. */
function relativeDays(n: string, pub: number, out: FoundDate[]): void {
  const found: FoundDate[] = [];
  const push = (m: RegExpExecArray, t: number | null): void => {
    if (t !== null && t <= pub) found.push({ s: m.index, e: m.index + m[0].length, period: { start: iso(t), end: iso(t), precision: 'day', text: m[0] } });
  };
  PAST_WEEKDAY_RE.lastIndex = 0;
  const w = PAST_WEEKDAY_RE.exec(n);
  // "الخميس الماضي" written on a Thursday is a week before
  if (w) push(w, lastWeekday(pub - DAY, WEEKDAYS.get(w[1])!));
  DAYS_AGO_RE.lastIndex = 0;
  const a = DAYS_AGO_RE.exec(n);
  if (a) push(a, pub - (a[1] === 'يومين' ? 2 : a[1] === 'يوم واحد' ? 1 : Number(a[2]) || FEW.get(a[2] ?? '') || 0) * DAY);
  THIS_MONTH_RE.lastIndex = 0;
  const c = THIS_MONTH_RE.exec(n);
  if (c) push(c, valid(new Date(pub).getUTCFullYear(), new Date(pub).getUTCMonth() + 1, Number(c[1])));
  const first = found.sort((x, y) => x.s - y.s)[0];
  if (first) out.push(first);
}

/**
 * A publication date given as ISO or as Arabic / English text ("الاثنين, ٩ ديسمبر ٢٠٢٤",
 * "Nov 30, 2024") → YYYY-MM-DD, or undefined.
 */
export function parsePublished(s: string | null | undefined): string | undefined {
  if (!s) return undefined;
  const t = parseIso(s.trim());
  if (t !== null) return iso(t);
  const found = findArabicDates(norm(s)).find((f) => f.period.precision === 'day' && /\d{4}/.test(f.period.text));
  if (found) return found.period.start;
  const en = /([A-Za-z]{3,9})\.? (\d{1,2}), (\d{4})|(\d{1,2}) ([A-Za-z]{3,9}) (\d{4})/.exec(s);
  if (en) {
    const name = (en[1] ?? en[5]).slice(0, 3).toLowerCase();
    const mo = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(name) + 1;
    const v = mo > 0 ? valid(Number(en[3] ?? en[6]), mo, Number(en[2] ?? en[4])) : null;
    if (v !== null) return iso(v);
  }
  return undefined;
}
