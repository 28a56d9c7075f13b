/**
 * Detection and redaction of personal data in free text, for public views and exports.
 *
 * Detected: e-mail addresses; phone numbers (international +963/+964/00… forms, local numbers
 * starting with 0, and unbroken runs of 9+ digits), in ASCII, Arabic-Indic (٠–٩) and extended
 * Arabic-Indic (۰–۹) digits; and named witnesses introduced by a phrase ("my name is …",
 * "the witness …", "named …", "اسمي …", "الشاهد …", "المدعو …"). The introducing phrase is kept,
 * the name replaced. Detection errs on the side of removing too much.
 */

export type PiiKind = 'email' | 'phone' | 'name';

export interface PiiSpan {
  kind: PiiKind;
  start: number;
  end: number;
}

/** What replaces each kind in public text. */
export const REDACTION_MARKS: Record<PiiKind, string> = {
  email: '[email removed]',
  phone: '[phone removed]',
  name: '[name removed]',
};

const D = '[0-9\\u0660-\\u0669\\u06F0-\\u06F9]';
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+(?:@|＠)[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[\p{L}]{2,}/gu;
const PHONE_INTL = new RegExp(`(?:\\+|00|\\u002B)\\s?${D}{1,3}(?:[\\s.\\-()]{0,2}${D}){6,12}`, 'gu');
const PHONE_LOCAL = new RegExp(`(?<!${D})[0\\u0660\\u06F0]${D}{1,3}(?:[\\s.\\-]?${D}){6,8}(?!${D})`, 'gu');
const DIGIT_RUN = new RegExp(`(?<!${D})${D}{9,15}(?!${D})`, 'gu');

/** English name introductions; the name is 1–4 capitalised words after the phrase. */
const NAME_EN = /\b(?:[Mm]y name is|[Mm]y name's|[Ii] am called|[Cc]alled|[Nn]amed|[Nn]ame:|(?:[Tt]he )?[Ww]itness(?:es)?(?: named)?,?|[Rr]esident)\s+((?:(?:al|el|bin|ibn|abu|Abu|Umm|umm)[-\s])?\p{Lu}[\p{L}'’]*(?:[-\s](?:(?:al|el|bin|ibn|abu)[-\s])?\p{Lu}[\p{L}'’]*){0,3})/gu;
/** Arabic name introductions; the name is the next 1–4 Arabic words. */
const NAME_AR = /(?:اسمي|أنا اسمي|إسمي|الشاهد|الشاهدة|الشاهدين|المدعو|المدعوة|يدعى|تدعى|الشاهد المدعو)\s+([\u0621-\u064A\u066E-\u06D3]+(?:\s+[\u0621-\u064A\u066E-\u06D3]+){0,3})/gu;

function collect(re: RegExp, text: string, kind: PiiKind, group = 0): PiiSpan[] {
  const out: PiiSpan[] = [];
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) {
    const whole = m.index;
    if (group === 0) {
      out.push({ kind, start: whole, end: whole + m[0].length });
    } else if (m[group]) {
      const start = whole + m[0].length - m[group].length;
      out.push({ kind, start, end: start + m[group].length });
    }
  }
  return out;
}

/** Personal data found in `text`, as non-overlapping spans sorted by position (emails win ties). */
export function detectPii(text: string): PiiSpan[] {
  if (!text) return [];
  const spans = [
    ...collect(EMAIL, text, 'email'),
    ...collect(PHONE_INTL, text, 'phone'),
    ...collect(PHONE_LOCAL, text, 'phone'),
    ...collect(DIGIT_RUN, text, 'phone'),
    ...collect(NAME_EN, text, 'name', 1),
    ...collect(NAME_AR, text, 'name', 1),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PiiSpan[] = [];
  for (const s of spans) {
    const last = out.at(-1);
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      if (s.kind === 'email') last.kind = 'email';
      continue;
    }
    out.push({ ...s });
  }
  return out;
}

/** True when `text` holds an e-mail address. */
export function containsEmail(text: string): boolean {
  EMAIL.lastIndex = 0;
  return EMAIL.test(text);
}

/**
 * `text` with every detected e-mail, phone number and named witness replaced by a mark.
 * Repeats until nothing is detected (a removal can never join two halves into a new address),
 * and never throws: anything unexpected yields a fully withheld text.
 */
export function redactText(text: string): string;
export function redactText(text: string | null): string | null;
export function redactText(text: string | null): string | null {
  if (text == null) return null;
  try {
    let out = text;
    for (let round = 0; round < 5; round++) {
      const spans = detectPii(out);
      if (spans.length === 0) return out;
      let next = '';
      let at = 0;
      for (const s of spans) {
        next += out.slice(at, s.start) + REDACTION_MARKS[s.kind];
        at = s.end;
      }
      out = next + out.slice(at);
    }
    return detectPii(out).length === 0 ? out : '[text withheld]';
  } catch {
    return '[text withheld]';
  }
}

/** Counts of what `redactText` would remove, for reviewers ("2 phone numbers, 1 name"). */
export function piiSummary(text: string | null): Record<PiiKind, number> {
  const counts: Record<PiiKind, number> = { email: 0, phone: 0, name: 0 };
  for (const s of detectPii(text ?? '')) counts[s.kind]++;
  return counts;
}
