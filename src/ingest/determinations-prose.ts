/**
 * Prose of a military's periodic civilian-casualty report (CJTF-OIR monthly reports 2016–2020
 * style): numbered allegation paragraphs under "credible" / "non-credible" / "duplicate" headings,
 * e.g. "3. Jan. 5, 2019, near Hajin, Syria, via media report: … it was assessed that one civilian
 * was unintentionally killed." Each allegation paragraph is one row; row = its paragraph number
 * in the document (1-based, blank-line separated), and `span` gives its exact offsets.
 * Paragraphs that are not allegations (intro, definitions, accounting) are not rows.
 * Pipeline accounting figures: ./accounting.ts.
 */
import type { AssessmentStatus } from '../model/vocabulary.ts';
import { NO_REASON_GIVEN } from '../model/vocabulary.ts';
import { RowFault, parseDate, spanPrecision } from './fields.ts';
import { rowError } from './csv.ts';
import type { AssessmentRecord, DeterminationOptions } from './determinations.ts';
import { reasonCategory } from './determinations.ts';
import { NUMBER_PATTERN, wordsToNumber } from './numbers.ts';
import type { Provenance, Range, RowOutcome } from './types.ts';

/** A paragraph of a document with its offsets. */
export interface Paragraph {
  index: number;
  start: number;
  end: number;
  text: string;
}

/** Splits text into paragraphs at blank lines and before numbered items ("12. …"), keeping offsets. */
export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /\n[ \t]*\n|\n(?=[ \t]*\d{1,4}\.\s)/g;
  let start = 0;
  const push = (s: number, e: number): void => {
    let a = s;
    let b = e;
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    if (b > a) out.push({ index: out.length + 1, start: a, end: b, text: text.slice(a, b) });
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    push(start, m.index);
    start = m.index + m[0].length;
  }
  push(start, text.length);
  return out;
}

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DATE = `(?:${MONTH}\\s+\\d{1,2}(?:\\s*[-–]\\s*\\d{1,2})?,?\\s+\\d{4}|\\d{1,2}(?:\\s*[-–]\\s*\\d{1,2})?\\s+${MONTH}\\s+\\d{4})`;
const HEAD = new RegExp(
  `^(?:(\\d{1,4})\\.\\s*)?(?:On\\s+)?(${DATE}),?\\s+(?:(?:near|in|at|around|vicinity of|in the vicinity of)\\s+)?(.+?),\\s*(Iraq|Syria)\\b(?:,?\\s*(?:via|from|reported by)\\s+([^.:]+?))?\\s*[.:,]\\s*([\\s\\S]*)$`,
  'i',
);
const NUMBERED = /^\d{1,4}\.\s/;

/** "Jan. 5-7, 2019" / "5 January 2019" → start/end ISO. */
function readDate(raw: string, now: Date): { start: string; end: string | null } {
  const s = raw.replace(/\s+/g, ' ').trim();
  let m = /^([A-Za-z]+)\.? (\d{1,2})(?: ?[-–] ?(\d{1,2}))?,? (\d{4})$/.exec(s);
  if (m) {
    const start = parseDate(`${m[1]} ${m[2]}, ${m[4]}`, 'allegation_date', now)!;
    return { start, end: m[3] ? parseDate(`${m[1]} ${m[3]}, ${m[4]}`, 'allegation_date', now) : null };
  }
  m = /^(\d{1,2})(?: ?[-–] ?(\d{1,2}))? ([A-Za-z]+)\.? (\d{4})$/.exec(s);
  if (m) {
    const start = parseDate(`${m[1]} ${m[3]} ${m[4]}`, 'allegation_date', now)!;
    return { start, end: m[2] ? parseDate(`${m[2]} ${m[3]} ${m[4]}`, 'allegation_date', now) : null };
  }
  throw new RowFault('allegation_date', `"${raw}" is not a date`, raw);
}

/** Status named by a heading or sentence ("Non-Credible Reports", "the following 12 reports are non-credible"). */
export function statusWord(s: string): AssessmentStatus | null {
  if (/\bre-?opened\b/i.test(s)) return 'reopened';
  if (/\bduplicates?\b/i.test(s)) return 'duplicate';
  if (/\bnon[- ]?credible\b|\bnot credible\b/i.test(s)) return 'not_credible';
  if (/\binsufficient (information|evidence)\b/i.test(s)) return 'insufficient_information';
  if (/\bcredible\b/i.test(s)) return 'credible';
  if (/\b(still )?open\b/i.test(s)) return 'open';
  return null;
}

const N = NUMBER_PATTERN;
const PEOPLE = '(?:civilians?|people|persons?|individuals?|children|child|women|woman|men|man|non-?combatants?)';
const KILLED = [
  new RegExp(`\\b(${N})\\s+(?:additional\\s+)?${PEOPLE}\\s+(?:were|was|had been|have been)\\s+(?:unintentionally\\s+|inadvertently\\s+|likely\\s+)?killed`, 'i'),
  new RegExp(`\\b(?:unintentionally\\s+|inadvertently\\s+)?(?:killed|killing)\\s+(${N})\\s+${PEOPLE}`, 'i'),
  new RegExp(`\\b(?:resulted in|resulting in|caused)\\s+(?:the\\s+)?(?:unintentional\\s+)?(?:deaths?\\s+of\\s+(${N})|(${N})\\s+(?:unintentional\\s+)?(?:civilian\\s+)?deaths?)`, 'i'),
];
const INJURED = [
  new RegExp(`\\b(${N})\\s+(?:additional\\s+|other\\s+)?(?:${PEOPLE}|others)\\s+(?:were|was|had been|have been)\\s+(?:unintentionally\\s+|inadvertently\\s+)?(?:injured|wounded)`, 'i'),
  new RegExp(`\\b(?:injured|injuring|wounded|wounding)\\s+(${N})(?:\\s+(?:${PEOPLE}|others))?`, 'i'),
  new RegExp(`\\b(?:and|with)\\s+(${N})\\s+(?:were\\s+)?(?:injured|wounded)`, 'i'),
  new RegExp(`\\binjur(?:y|ies)\\s+(?:to|of)\\s+(${N})`, 'i'),
];

function firstCount(body: string, patterns: RegExp[]): Range {
  for (const p of patterns) {
    const m = p.exec(body);
    if (!m) continue;
    const raw = m.slice(1).find((x) => x != null);
    const n = raw != null ? wordsToNumber(raw) : null;
    if (n != null) return { min: n, max: n };
  }
  return { min: null, max: null };
}

/** Conceded killed/injured stated in a credible paragraph (first statement of each). */
export function concededFromText(body: string): { killed: Range; injured: Range } {
  return { killed: firstCount(body, KILLED), injured: firstCount(body, INJURED) };
}

/** Status of an allegation from its own wording, falling back to the section heading. */
function statusOf(body: string, heading: AssessmentStatus | null): AssessmentStatus | null {
  if (/\bduplicate\b/i.test(body)) return 'duplicate';
  if (/\bre-?opened\b/i.test(body)) return 'reopened';
  if (/\bnon[- ]?credible\b|\bnot credible\b/i.test(body)) return 'not_credible';
  if (heading === 'not_credible' || heading === 'credible' || heading === 'open') {
    if (heading === 'credible' && /\binsufficient (information|evidence)\b|no (coalition )?strikes? (was|were) conducted/i.test(body)) return 'not_credible';
    return heading;
  }
  if (/\binsufficient (information|evidence)\b/i.test(body)) return 'insufficient_information';
  if (/no (coalition )?strikes? (was|were) conducted|no civilians? (was|were) (harmed|injured|killed)/i.test(body)) return 'not_credible';
  if (/\b(unintentionally|inadvertently) (killed|injured|wounded)\b|\bassessed (to be|as) credible\b|\bcredible\b/i.test(body)) return 'credible';
  return heading;
}

/** Parses allegation paragraphs of a report text. */
export function* parseDeterminationText(
  text: string, options: DeterminationOptions & { reportDate?: string | null; documentUrl?: string | null } = {},
): Generator<RowOutcome<AssessmentRecord>> {
  const now = options.now ?? new Date();
  const file = options.file ?? 'report';
  const base: Omit<Provenance, 'row'> = { dataset: options.dataset ?? 'determinations-prose', file };
  if (options.fileSha256) base.fileSha256 = options.fileSha256;
  let heading: AssessmentStatus | null = null;
  for (const p of paragraphs(text)) {
    const m = HEAD.exec(p.text);
    if (!m) {
      if (NUMBERED.test(p.text) || /^On\s+\d/.test(p.text)) {
        yield { row: p.index, ok: false, file, field: 'allegation', value: p.text.slice(0, 80), reason: 'numbered paragraph does not start with "<date>, near <place>, <Iraq|Syria>"' };
        continue;
      }
      // a heading or an introductory sentence naming the category of what follows
      if (p.text.length < 400 && (/reports?\b|:$/i.test(p.text) || p.text.length < 60)) {
        const w = statusWord(p.text);
        if (w) heading = w;
      }
      continue;
    }
    try {
      const { start, end } = readDate(m[2], now);
      const body = m[6].trim();
      const status = statusOf(body, heading);
      if (!status) throw new RowFault('determination', 'no determination in the paragraph or its heading', body.slice(0, 80));
      const conceded = status === 'credible' ? concededFromText(body) : { killed: { min: null, max: null }, injured: { min: null, max: null } };
      const dup = /duplicate of (?:a |an )?(?:previous(?:ly)? |prior |earlier )?(?:assessed |released )?(?:report|allegation)?\s*(?:released as |\()?([^.)]*\d{4}[^.)]*)/i.exec(body);
      const reason = body === '' ? NO_REASON_GIVEN : body;
      const record: AssessmentRecord = {
        belligerent: options.belligerent ?? 'coalition',
        caseId: m[1] ?? null,
        allegation: { date: { start, end, precision: spanPrecision(start, end) }, place: m[3].trim(), country: m[4], reportingSource: m[5]?.trim() ?? null },
        status,
        statusRaw: heading ?? status,
        conceded,
        reason,
        reasonGiven: body !== '',
        reasonCategory: reasonCategory(reason, status),
        duplicateOf: dup?.[1]?.trim() ?? null,
        incidentRef: null,
        reportDate: options.reportDate ?? null,
        documentUrl: options.documentUrl ?? null,
        span: { start: p.start, end: p.end, text: p.text },
        provenance: { ...base, row: p.index },
      };
      const warnings = status === 'credible' && conceded.killed.min == null && conceded.injured.min == null
        ? [{ kind: 'ambiguous_value' as const, field: 'conceded_killed', message: 'credible, but no conceded count found in the wording' }]
        : [];
      yield { row: p.index, ok: true, record, warnings };
    } catch (err) {
      yield rowError(err, p.index, file);
    }
  }
}
