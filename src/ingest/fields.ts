/**
 * Field readers shared by the parsers. Each throws {@link RowFault} naming the field, which the
 * row driver turns into a per-row error; none of them ever returns 0 for "unknown".
 */
import type { CountryCode } from '../model/vocabulary.ts';
import type { Qualifier } from '../model/vocabulary.ts';
import type { Range } from './types.ts';

/** A problem with one field of one row. Thrown by field readers, caught by the row driver. */
export class RowFault extends Error {
  readonly field: string;
  readonly value: string | undefined;
  constructor(field: string, reason: string, value?: string) {
    super(reason);
    this.name = 'RowFault';
    this.field = field;
    this.value = value;
  }
}

/** Arabic-Indic (U+0660–0669) and Extended Arabic-Indic (U+06F0–06F9) digits to ASCII; Arabic separators too. */
export function normaliseDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06F0-\u06F9\u066B\u066C]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code === 0x066b) return '.';
    if (code === 0x066c) return ',';
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

/** Trimmed text, or null when blank. */
export function text(raw: string | undefined): string | null {
  if (raw == null) return null;
  const t = raw.trim();
  return t === '' ? null : t;
}

/** A non-negative whole count ("1,302", "١٣٠٢"); blank → null. Throws for anything else. */
export function parseCount(raw: string | undefined, field: string): number | null {
  const t = text(raw);
  if (t == null) return null;
  const s = normaliseDigits(t).replace(/(?<=\d)[,\u00a0 ](?=\d{3}\b)/g, '');
  if (!/^\+?\d+(\.0+)?$/.test(s)) throw new RowFault(field, `"${t}" is not a whole non-negative number`, t);
  const n = Number(s);
  if (!Number.isSafeInteger(n)) throw new RowFault(field, `"${t}" is too large`, t);
  return n;
}

/** A decimal number (coordinates); blank → null. Throws when not a number. */
export function parseDecimal(raw: string | undefined, field: string): number | null {
  const t = text(raw);
  if (t == null) return null;
  const s = normaliseDigits(t).replace(/\u2212/g, '-');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) throw new RowFault(field, `"${t}" is not a number`, t);
  return Number(s);
}

/** A code 1..max (UCDP/ACLED precision codes). Throws when out of range. */
export function parseCode(raw: string | undefined, field: string, max: number, required = true): number | null {
  const n = parseCount(raw, field);
  if (n == null) {
    if (required) throw new RowFault(field, 'is required', raw);
    return null;
  }
  if (n < 1 || n > max) throw new RowFault(field, `"${raw}" is not a code 1–${max}`, raw);
  return n;
}

/** Min/max pair with how it reads; null when both blank. */
export function rangeQualifier(r: Range): Qualifier {
  if (r.min != null && r.max != null) return r.min === r.max ? 'exact' : 'between';
  if (r.min != null) return 'at_least';
  return 'at_most';
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** True when y-m-d is a real calendar date. */
export function isCalendarDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Today as YYYY-MM-DD (UTC). */
export function isoDay(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Checks y-m-d and returns it as ISO; throws naming the field when not a calendar date or in the future. */
export function checkedDate(y: number, m: number, d: number, field: string, raw: string, now: Date): string {
  if (!isCalendarDate(y, m, d)) throw new RowFault(field, `"${raw}" is not a calendar date`, raw);
  const iso = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  if (iso > isoDay(now)) throw new RowFault(field, `"${raw}" is in the future`, raw);
  return iso;
}

const EN_MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
/** Arabic (Egyptian/Gulf usage) and Levantine month names. */
const AR_MONTHS: Record<string, number> = {
  'يناير': 1, 'فبراير': 2, 'مارس': 3, 'أبريل': 4, 'ابريل': 4, 'إبريل': 4, 'مايو': 5, 'يونيو': 6, 'يونيه': 6,
  'يوليو': 7, 'يوليه': 7, 'أغسطس': 8, 'اغسطس': 8, 'سبتمبر': 9, 'أكتوبر': 10, 'اكتوبر': 10, 'نوفمبر': 11, 'ديسمبر': 12,
  'كانون الثاني': 1, 'شباط': 2, 'آذار': 3, 'نيسان': 4, 'أيار': 5, 'حزيران': 6, 'تموز': 7, 'آب': 8, 'أيلول': 9,
  'تشرين الأول': 10, 'تشرين الثاني': 11, 'كانون الأول': 12,
};

/** Month number from an English or Arabic month name (full or abbreviated, with or without a dot). */
export function monthNumber(name: string): number | null {
  const n = name.trim().replace(/\.$/, '');
  const ar = AR_MONTHS[n];
  if (ar) return ar;
  const lower = n.toLowerCase();
  if (lower.length < 3) return null;
  for (const [k, v] of Object.entries(EN_MONTHS)) {
    if (lower.startsWith(k) && 'january february march april may june july august september october november december'.split(' ')[v - 1].startsWith(lower)) return v;
  }
  return null;
}

/** Date formats the readers accept; `auto` tries ISO, D Month YYYY, Month D, YYYY and YYYYMMDD. */
export type DateFormat = 'auto' | 'YYYY-MM-DD' | 'DD/MM/YYYY' | 'MM/DD/YYYY' | 'YYYYMMDD' | 'D MMMM YYYY';
export const DATE_FORMATS: readonly DateFormat[] = ['auto', 'YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'YYYYMMDD', 'D MMMM YYYY'];

/**
 * Reads a date in the given format (Arabic-Indic digits and Arabic month names accepted); blank → null.
 * A time part after the date (`2024-11-30T12:50:21Z`, `2023-01-02 10:00`) is ignored.
 */
export function parseDate(raw: string | undefined, field: string, now: Date, format: DateFormat = 'auto'): string | null {
  const t = text(raw);
  if (t == null) return null;
  const s = normaliseDigits(t).replace(/\s+/g, ' ');
  const fail = (): never => {
    throw new RowFault(field, `"${t}" is not a date (expected ${format === 'auto' ? 'YYYY-MM-DD or D Month YYYY' : format})`, t);
  };
  let m: RegExpMatchArray | null;
  const tryIso = (): string | null =>
    (m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s)) ? checkedDate(+m[1], +m[2], +m[3], field, t, now) : null;
  const tryCompact = (): string | null => ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(s)) ? checkedDate(+m[1], +m[2], +m[3], field, t, now) : null);
  const trySlash = (dayFirst: boolean): string | null => {
    m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
    if (!m) return null;
    const a = +m[1], b = +m[2];
    return dayFirst ? checkedDate(+m[3], b, a, field, t, now) : checkedDate(+m[3], a, b, field, t, now);
  };
  const tryWords = (): string | null => {
    m = /^(?:on )?(\d{1,2})(?:st|nd|rd|th)?[ -]([^\d\s,-]+(?: [^\d\s,-]+)?)\.?,?[ -](\d{4})$/i.exec(s);
    if (m) {
      const mo = monthNumber(m[2]);
      return mo ? checkedDate(+m[3], mo, +m[1], field, t, now) : fail();
    }
    m = /^([A-Za-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(s);
    if (m) {
      const mo = monthNumber(m[1]);
      return mo ? checkedDate(+m[3], mo, +m[2], field, t, now) : fail();
    }
    return null;
  };
  switch (format) {
    case 'YYYY-MM-DD': return tryIso() ?? fail();
    case 'YYYYMMDD': return tryCompact() ?? fail();
    case 'DD/MM/YYYY': return trySlash(true) ?? fail();
    case 'MM/DD/YYYY': return trySlash(false) ?? fail();
    case 'D MMMM YYYY': return tryWords() ?? fail();
    case 'auto': return tryIso() ?? tryCompact() ?? tryWords() ?? fail();
  }
}

/** Rough bounding boxes (lat/lon degrees) of the countries harmwatch covers, for sanity checks only. */
export const COUNTRY_BOXES: Record<CountryCode, { minLat: number; maxLat: number; minLon: number; maxLon: number }> = {
  SY: { minLat: 32.3, maxLat: 37.35, minLon: 35.7, maxLon: 42.4 },
  IQ: { minLat: 29.05, maxLat: 37.4, minLon: 38.75, maxLon: 48.65 },
};

/** Whether a point lies inside a country's bounding box. */
export function inCountryBox(lat: number, lon: number, country: CountryCode): boolean {
  const b = COUNTRY_BOXES[country];
  return lat >= b.minLat && lat <= b.maxLat && lon >= b.minLon && lon <= b.maxLon;
}

/** Country code from a name or code as datasets write it ("Syria", "Syrian Arab Republic", "SYR", "IQ" …), else null. */
export function countryCode(raw: string | null | undefined): CountryCode | null {
  const t = text(raw ?? undefined)?.toLowerCase();
  if (t == null) return null;
  if (['sy', 'syr', 'syria', 'syrian arab republic', 'سوريا', 'سورية'].includes(t)) return 'SY';
  if (['iq', 'irq', 'iraq', 'republic of iraq', 'العراق'].includes(t)) return 'IQ';
  return null;
}

/** Whether a string looks like an absolute http(s) URL. */
export function isHttpUrl(raw: string): boolean {
  if (!/^https?:\/\/[^\s/]+/i.test(raw)) return false;
  if (/https?:\/\/.*https?:\/\//i.test(raw.replace(/[?#].*$/, ''))) return false;
  try {
    new URL(raw);
    return true;
  } catch {
    return false;
  }
}

/** Days from ISO date a to ISO date b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * Date precision of an inclusive period by its length, on the model's scale:
 * 1 day → day, 2–6 days → span, 7 → week, 8–31 → month, longer → year.
 */
export function spanPrecision(start: string, end: string | null): 'day' | 'span' | 'week' | 'month' | 'year' {
  if (end == null) return 'day';
  const days = daysBetween(start, end) + 1;
  if (days <= 1) return 'day';
  if (days <= 6) return 'span';
  if (days <= 7) return 'week';
  if (days <= 31) return 'month';
  return 'year';
}

/** Splits a list field ("a, b;c") into trimmed non-empty items. */
export function list(raw: string | undefined, sep: RegExp = /\s*[,;]\s*/): string[] {
  const t = text(raw);
  return t == null ? [] : t.split(sep).map((x) => x.trim()).filter(Boolean);
}
