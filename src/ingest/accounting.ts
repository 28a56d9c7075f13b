/**
 * Assessment pipeline accounting from a periodic report's prose (design/model.md, "Assessment
 * pipeline accounting"): carried over, received, completed (credible / not credible / duplicate),
 * still open, reopened, deaths conceded in the period and cumulatively, strikes to date. Each
 * figure keeps the offsets of the words it was read from. The flow is checked:
 * carried over + received − completed = still open, and completed = credible + not credible + duplicate.
 */
import { normaliseDigits } from './fields.ts';
import { NUMBER_PATTERN, wordsToNumber } from './numbers.ts';

/** A figure read from the text, with the span it came from. */
export interface AccountedFigure {
  value: number;
  start: number;
  end: number;
}

export const ACCOUNTING_FIELDS = [
  'carriedOver', 'received', 'completed', 'credible', 'notCredible', 'duplicate', 'stillOpen', 'reopened',
  'deathsConcededInPeriod', 'deathsConcededCumulative', 'strikesToDate', 'engagementsToDate', 'reportsToDate', 'credibleReportsToDate',
] as const;
export type AccountingField = (typeof ACCOUNTING_FIELDS)[number];

/** The accounting of one report. */
export interface PipelineAccounting {
  /** Period the flow covers, as the report names it ("April 2019", "March 2017"), and as YYYY-MM when a year is known. */
  periodLabel: string | null;
  period: string | null;
  /** End of the period the to-date figures cover ("the end of April 2019"). */
  toDateLabel: string | null;
  figures: Partial<Record<AccountingField, AccountedFigure>>;
  checks: {
    /** carried over + received − completed vs still open; null when a term is missing. */
    balance: { expected: number; stated: number; ok: boolean } | null;
    /** credible + not credible + duplicate vs completed. */
    completedSplit: { sum: number; stated: number; ok: boolean } | null;
  };
}

const N = `\\b(${NUMBER_PATTERN})`;
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';

/** Patterns per field, tried in order; group 1 is the number. */
const PATTERNS: Array<[AccountingField, RegExp]> = [
  ['carriedOver', new RegExp(`carried (?:over|forward) ${N} (?:open )?(?:reports|allegations)`, 'i')],
  ['received', new RegExp(`received ${N} (?:new )?(?:reports|allegations)`, 'i')],
  ['completed', new RegExp(`completed (?:the assessment (?:on|of) )?${N} (?:civilian[- ]casualty )?(?:allegation )?(?:assessment )?(?:reports|allegations)`, 'i')],
  ['completed', new RegExp(`assessment of ${N} (?:civilian[- ]casualty )?(?:allegation )?reports (?:has|have) been completed`, 'i')],
  ['completed', new RegExp(`completed the assessment of ${N}`, 'i')],
  ['credible', new RegExp(`${N} (?:of these )?(?:reports )?(?:were|was) (?:assessed|determined) to be credible`, 'i')],
  ['credible', new RegExp(`${N} (?:reports )?(?:were )?(?:assessed|determined) to be credible`, 'i')],
  ['notCredible', new RegExp(`(?:remaining )?${N} (?:of these )?(?:reports )?(?:were )?(?:assessed|determined) (?:to be |as )non-credible`, 'i')],
  ['notCredible', new RegExp(`assessed the remaining ${N} reports as non-credible`, 'i')],
  ['notCredible', new RegExp(`remaining ${N} reports were assessed to be non-credible`, 'i')],
  ['duplicate', new RegExp(`${N} (?:of the )?(?:reports )?(?:were|was) (?:assessed|determined) to be (?:a )?duplicates?`, 'i')],
  ['stillOpen', new RegExp(`${N} reports (?:are|were|remain) still (?:open|being assessed)`, 'i')],
  ['stillOpen', new RegExp(`(?:still|remain) ${N} (?:open )?reports`, 'i')],
  ['stillOpen', new RegExp(`${N} (?:open )?reports remain open`, 'i')],
  ['reopened', new RegExp(`including ${N} (?:reports )?(?:that|which)[^.]*?re-?opened`, 'i')],
  ['reopened', new RegExp(`${N} (?:of (?:them|these|which) )?(?:were |was |have been |had been )?re-?opened`, 'i')],
  ['deathsConcededInPeriod', new RegExp(`result(?:ed|ing) in ${N} unintentional civilian deaths`, 'i')],
  ['deathsConcededCumulative', new RegExp(`at least ${N} civilians (?:have been|were|had been) unintentionally killed`, 'i')],
  ['strikesToDate', new RegExp(`(?:conducted|carried out) (?:a total of )?${N} (?:air )?strikes`, 'i')],
  ['engagementsToDate', new RegExp(`included ${N} (?:separate )?engagements`, 'i')],
  ['reportsToDate', new RegExp(`total number of reports of possible civilian casualties was ${N}`, 'i')],
  ['credibleReportsToDate', new RegExp(`total number of credible reports of civilian casualties[^.]*? was ${N}`, 'i')],
];

/** Reads the accounting figures of a report text (figures not found are absent). */
export function parseAccounting(text: string): PipelineAccounting {
  const src = normaliseDigits(text.replace(/\u00a0/g, ' '));
  const figures: Partial<Record<AccountingField, AccountedFigure>> = {};
  for (const [field, re] of PATTERNS) {
    if (figures[field]) continue;
    const m = re.exec(src);
    if (!m) continue;
    const value = wordsToNumber(m[1]);
    if (value == null) continue;
    const start = m.index + m[0].indexOf(m[1]);
    figures[field] = { value, start, end: start + m[1].length };
  }
  const period = [
    new RegExp(`(?:during|in) the month of (${MONTHS})(?:,? (\\d{4}))?`, 'i'),
    new RegExp(`during (${MONTHS})(?:,? (\\d{4}))?`, 'i'),
    new RegExp(`\\bin (${MONTHS})(?:,? (\\d{4}))?,`, 'i'),
  ].map((re) => re.exec(src)).find((m) => m != null) ?? null;
  const toDate = new RegExp(`(?:between|from) August 2014 and (?:the )?(?:end of )?(${MONTHS}) (\\d{4})`, 'i').exec(src);
  let periodLabel: string | null = null;
  let periodIso: string | null = null;
  if (period) {
    const month = period[1][0].toUpperCase() + period[1].slice(1).toLowerCase();
    const year = period[2] ?? (toDate && toDate[1].toLowerCase() === period[1].toLowerCase() ? toDate[2] : undefined);
    periodLabel = year ? `${month} ${year}` : month;
    if (year) periodIso = `${year}-${String(MONTHS.split('|').indexOf(month) + 1).padStart(2, '0')}`;
  }
  const v = (f: AccountingField): number | null => figures[f]?.value ?? null;
  const [carried, received, completed, open] = [v('carriedOver'), v('received'), v('completed'), v('stillOpen')];
  const balance = carried != null && received != null && completed != null && open != null
    ? { expected: carried + received - completed, stated: open, ok: carried + received - completed === open }
    : null;
  const parts = [v('credible'), v('notCredible'), v('duplicate')];
  const completedSplit = completed != null && parts.some((x) => x != null)
    ? { sum: parts.reduce<number>((s, x) => s + (x ?? 0), 0), stated: completed, ok: parts.reduce<number>((s, x) => s + (x ?? 0), 0) === completed }
    : null;
  return {
    periodLabel,
    period: periodIso,
    toDateLabel: toDate ? `${toDate[1]} ${toDate[2]}` : null,
    figures,
    checks: { balance, completedSplit },
  };
}
