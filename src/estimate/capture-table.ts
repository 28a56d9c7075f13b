/**
 * Building capture-history tables: from list memberships (for the reconciliation code) and from
 * CSV files (one 0/1 column per list, a `count` column, an optional `stratum` column).
 */
import { parse } from 'csv-parse/sync';
import type { Info } from 'csv-parse/sync';
import { HarmwatchError, inputError } from '../errors.ts';
import { MAX_LISTS, MIN_LISTS, type CaptureTable, type StratumCounts } from './schema.ts';

/** One incident or victim and the lists that documented it. */
export interface Membership {
  id: string;
  lists: string[];
  stratum?: string;
}

/** A problem in one row of a capture-table file. */
export interface RowProblem {
  row: number;
  ok: false;
  field: string;
  value?: string;
  reason: string;
}

function checkListNames(lists: readonly string[]): void {
  if (lists.length < MIN_LISTS || lists.length > MAX_LISTS) {
    throw inputError('INPUT_INVALID', `multiple systems estimation needs ${MIN_LISTS} to ${MAX_LISTS} lists, got ${lists.length}`, { field: 'lists' });
  }
  const seen = new Set<string>();
  for (const l of lists) {
    if (seen.has(l)) throw inputError('INPUT_INVALID', `list "${l}" is named twice`, { field: 'lists', value: l });
    seen.add(l);
  }
}

function sortStrata(byStratum: Map<string | null, number[]>): StratumCounts[] {
  return [...byStratum.entries()]
    .sort(([a], [b]) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1))
    .map(([stratum, counts]) => ({ stratum, counts }));
}

/**
 * Turns list membership (which lists documented each incident or victim) into a capture-history
 * table, one row of counts per stratum (strata sorted by name; records without a stratum go to
 * the `null` stratum). Pure. Throws an INPUT_INVALID error for a duplicate id, a list name not in
 * `lists`, or a record documented by none of them.
 *
 * @example
 *   captureTable([{ id: 'v1', lists: ['a', 'c'] }, { id: 'v2', lists: ['b'] }], ['a', 'b', 'c'])
 *   // → { lists: ['a','b','c'], strata: [{ stratum: null, counts: [0,0,1,0,0,1,0,0] }] }
 */
export function captureTable(memberships: ReadonlyArray<{ id: string; lists: string[]; stratum?: string }>, lists: string[]): CaptureTable {
  checkListNames(lists);
  const index = new Map(lists.map((l, j) => [l, j] as const));
  const ids = new Set<string>();
  const byStratum = new Map<string | null, number[]>();
  for (const m of memberships) {
    if (ids.has(m.id)) throw inputError('INPUT_INVALID', `record ${m.id} appears twice`, { field: 'id', value: m.id });
    ids.add(m.id);
    let cell = 0;
    for (const l of m.lists) {
      const j = index.get(l);
      if (j === undefined) throw inputError('INPUT_INVALID', `record ${m.id} names unknown list "${l}"`, { field: 'lists', value: l });
      cell |= 1 << j;
    }
    if (cell === 0) throw inputError('INPUT_INVALID', `record ${m.id} is documented by none of the lists`, { field: 'lists', value: m.id });
    const key = m.stratum ?? null;
    let counts = byStratum.get(key);
    if (!counts) {
      counts = new Array<number>(1 << lists.length).fill(0);
      byStratum.set(key, counts);
    }
    counts[cell] += 1;
  }
  return { lists: [...lists], strata: sortStrata(byStratum) };
}

/** The result of reading a capture-table file: the table, or every problem found. */
export type CaptureCsvResult = { ok: true; table: CaptureTable } | { ok: false; problems: RowProblem[]; header?: string };

/**
 * Reads capture-table CSV text. Columns: one per list (values 0 or 1, any names), `count`
 * (a non-negative integer) and optionally `stratum`. Rows repeating a pattern within a stratum
 * are added together. Rows are numbered by the line of the file they start on (the header is row 1). Returns every
 * row problem rather than stopping at the first; header problems throw.
 */
export function parseCaptureCsv(text: string, file?: string): CaptureCsvResult {
  let rows: Array<{ record: string[]; info: Info }>;
  try {
    rows = parse(text, { info: true, skip_empty_lines: true, trim: true, bom: true, relax_column_count: true }) as unknown as Array<{ record: string[]; info: Info }>;
  } catch (err) {
    const e = err as { message?: string; lines?: number };
    throw inputError('INPUT_INVALID', `not readable as CSV: ${e.message ?? String(err)}`, { file, row: e.lines });
  }
  if (rows.length === 0) throw inputError('INPUT_INVALID', 'the file is empty', { file });
  const header = rows[0].record.map((h) => h.trim());
  const lower = header.map((h) => h.toLowerCase());
  const countAt = lower.indexOf('count');
  const stratumAt = lower.indexOf('stratum');
  if (countAt < 0) throw inputError('INPUT_INVALID', 'no "count" column', { file, row: 1, field: 'count' });
  const listCols = header.map((_, i) => i).filter((i) => i !== countAt && i !== stratumAt);
  const lists = listCols.map((i) => header[i]);
  if (lists.some((l) => l === '')) throw inputError('INPUT_INVALID', 'a list column has no name', { file, row: 1, field: '(empty)' });
  try {
    checkListNames(lists);
  } catch (err) {
    if (err instanceof HarmwatchError) throw inputError('INPUT_INVALID', `${err.message.replace(/^field lists: /, '')} (columns other than count and stratum are lists)`, { file, row: 1, field: 'lists' });
    throw err;
  }
  const problems: RowProblem[] = [];
  const byStratum = new Map<string | null, number[]>();
  for (const { record, info } of rows.slice(1)) {
    const row = info.lines - record.reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0);
    if (record.length !== header.length) {
      problems.push({ row, ok: false, field: '(row)', reason: `has ${record.length} fields, the header has ${header.length}` });
      continue;
    }
    let cell = 0;
    let bad = false;
    listCols.forEach((col, j) => {
      const v = record[col];
      if (v === '1') cell |= 1 << j;
      else if (v !== '0') {
        problems.push({ row, ok: false, field: header[col], value: v, reason: `list membership must be 0 or 1, got "${v}"` });
        bad = true;
      }
    });
    const raw = record[countAt];
    const count = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(count)) {
      const reason = /^-\d+$/.test(raw) ? `count must not be negative, got ${raw}` : `count must be a whole number ≥ 0, got "${raw}"`;
      problems.push({ row, ok: false, field: header[countAt], value: raw, reason });
      bad = true;
    }
    if (bad) continue;
    if (cell === 0) {
      if (count > 0) problems.push({ row, ok: false, field: header[countAt], value: raw, reason: 'a row on no list (all zeros) cannot have a count: that cell is what is being estimated' });
      continue;
    }
    const key = stratumAt >= 0 ? record[stratumAt] : null;
    let counts = byStratum.get(key);
    if (!counts) {
      counts = new Array<number>(1 << lists.length).fill(0);
      byStratum.set(key, counts);
    }
    counts[cell] += count;
  }
  if (problems.length) return { ok: false, problems };
  if (byStratum.size === 0) throw inputError('INPUT_INVALID', 'no data rows', { file });
  return { ok: true, table: { lists, strata: sortStrata(byStratum) } };
}

/**
 * Reads capture-table CSV text, throwing an input error (exit code 2) that names the file, row
 * and field of the first problem and how many more there are.
 */
export function readCaptureCsv(text: string, file?: string): CaptureTable {
  const r = parseCaptureCsv(text, file);
  if (r.ok) return r.table;
  const [first, ...rest] = r.problems;
  const more = rest.length ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
  throw inputError('INPUT_INVALID', `${first.reason}${more}`, { file, row: first.row, field: first.field, value: first.value });
}
