/**
 * Records the figures of a belligerent's periodic report in `pipeline_reports`, one row per
 * belligerent and period, with an audit event in the same transaction; and reads them from CSV.
 *
 * ## CSV layout (header = line 1; * = required; empty cell = not stated, never 0)
 *
 * | column                     | meaning                                                                 |
 * |----------------------------|-------------------------------------------------------------------------|
 * | belligerent                | whose report (default: option `belligerent`, `coalition`)                |
 * | period *                   | `YYYY-MM` (a calendar month), or use period_start + period_end          |
 * | period_start, period_end   | first and last day covered, YYYY-MM-DD                                  |
 * | carried_over               | reports open at the start, carried over from earlier periods            |
 * | received                   | new reports received in the period                                      |
 * | completed                  | total completed, when the report states it (checked against the parts)  |
 * | completed_credible         | completed as credible                                                   |
 * | completed_not_credible     | completed as not credible                                               |
 * | completed_duplicate        | closed as duplicates                                                    |
 * | completed_other            | other closures                                                          |
 * | open_at_end                | reports still open at the end of the period                             |
 * | reopened                   | of those open at the end, how many were reopened                        |
 * | deaths_conceded_period     | civilian deaths conceded in the period                                  |
 * | deaths_conceded_cumulative | civilian deaths conceded since the campaign began                      |
 * | strikes_to_date            | strikes conducted since the campaign began                              |
 *
 * Numbers may have thousands separators ("34,502"). A stated `completed` total with no
 * `completed_other` stores the remainder (completed − credible − not credible − duplicate) as
 * other closures; a total smaller than its parts is kept as given and reported as a warning.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/service.ts';
import { assertWriteContext, type WriteContext } from '../audit/context.ts';
import type { Database } from '../db/types.ts';
import { HarmwatchError, inputError } from '../errors.ts';
import { readCsv } from '../lib/csv.ts';
import { reconcileRepository } from './repository.ts';

export const PIPELINE_FIELDS = [
  'carried_over', 'received', 'completed_credible', 'completed_not_credible', 'completed_duplicate', 'completed_other',
  'open_at_end', 'reopened', 'deaths_conceded_period', 'deaths_conceded_cumulative', 'strikes_to_date',
] as const;
export type PipelineField = (typeof PIPELINE_FIELDS)[number];

/** The figures of one periodic report. */
export interface PipelineReportInput {
  belligerent: string;
  periodStart: string;
  periodEnd: string;
  figures: Partial<Record<PipelineField, number | null>>;
  /** Total completed as the report states it (optional; see the module comment). */
  completed?: number | null;
  sourceId?: number | null;
}

export interface PipelineRecordResult {
  id: number;
  action: 'inserted' | 'updated' | 'unchanged';
  warnings: string[];
}

const isDate = (v: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;

/**
 * Inserts or updates the report of `input.belligerent` for exactly this period, with an audit
 * event (`reconcile.pipeline_report_recorded`). Unchanged figures write nothing.
 *
 * @example
 *   await db.kysely.transaction().execute((tx) => recordPipelineReport({ actor, reason: 'April 2019 report', tx }, {
 *     belligerent: 'coalition', periodStart: '2019-04-01', periodEnd: '2019-04-30',
 *     figures: { carried_over: 122, received: 7, completed_credible: 3, completed_not_credible: 15, open_at_end: 111, reopened: 3, deaths_conceded_period: 5 },
 *   }));
 */
export async function recordPipelineReport(ctx: WriteContext, input: PipelineReportInput): Promise<PipelineRecordResult> {
  assertWriteContext(ctx);
  const belligerent = input.belligerent.trim();
  if (!belligerent) throw inputError('INPUT_INVALID', 'belligerent is required', { field: 'belligerent' });
  if (!isDate(input.periodStart)) throw inputError('INVALID_DATE', `"${input.periodStart}" is not a date (YYYY-MM-DD)`, { field: 'period_start', value: input.periodStart });
  if (!isDate(input.periodEnd)) throw inputError('INVALID_DATE', `"${input.periodEnd}" is not a date (YYYY-MM-DD)`, { field: 'period_end', value: input.periodEnd });
  if (input.periodEnd < input.periodStart) throw inputError('INPUT_INVALID', 'period ends before it starts', { field: 'period_end', value: input.periodEnd });
  const row: Partial<Record<PipelineField, number | null>> = {};
  for (const f of PIPELINE_FIELDS) {
    const v = input.figures[f] ?? null;
    if (v != null && (!Number.isInteger(v) || v < 0)) throw inputError('INPUT_INVALID', `${f} must be a whole number ≥ 0, not ${v}`, { field: f, value: String(v) });
    row[f] = v;
  }
  const warnings: string[] = [];
  if (input.completed != null) {
    const parts = (row.completed_credible ?? 0) + (row.completed_not_credible ?? 0) + (row.completed_duplicate ?? 0);
    if (row.completed_other == null && input.completed >= parts) {
      if (input.completed > parts) warnings.push(`completed ${input.completed} exceeds credible + not credible + duplicate (${parts}); ${input.completed - parts} recorded as other closures`);
      row.completed_other = input.completed - parts;
    } else if (input.completed !== parts + (row.completed_other ?? 0)) {
      warnings.push(`stated completed ${input.completed} ≠ sum of its parts ${parts + (row.completed_other ?? 0)}; the parts are recorded`);
    }
  }
  const existing = await reconcileRepository.findPipelineReport(ctx.tx, belligerent, input.periodStart, input.periodEnd);
  const values = { ...row, source_id: input.sourceId ?? existing?.source_id ?? null };
  if (existing) {
    const before = Object.fromEntries(PIPELINE_FIELDS.map((f) => [f, existing[f]]));
    const changed = PIPELINE_FIELDS.some((f) => existing[f] !== row[f]) || values.source_id !== existing.source_id;
    if (!changed) return { id: existing.id, action: 'unchanged', warnings };
    await reconcileRepository.updatePipelineReport(ctx.tx, existing.id, values);
    await recordAudit(ctx, { action: 'reconcile.pipeline_report_recorded', targetType: 'pipeline_report', targetId: existing.id, before, after: { ...values, warnings } });
    return { id: existing.id, action: 'updated', warnings };
  }
  const id = await reconcileRepository.insertPipelineReport(ctx.tx, { belligerent, period_start: input.periodStart, period_end: input.periodEnd, ...values });
  await recordAudit(ctx, { action: 'reconcile.pipeline_report_recorded', targetType: 'pipeline_report', targetId: id, after: { belligerent, period_start: input.periodStart, period_end: input.periodEnd, ...values, warnings } });
  return { id, action: 'inserted', warnings };
}

/** One CSV row's outcome. */
export type PipelineRowResult =
  | ({ row: number; ok: true; belligerent: string; periodStart: string; periodEnd: string } & PipelineRecordResult)
  | { row: number; ok: false; field: string; value?: string; reason: string };

const lastDayOf = (ym: string): string => new Date(Date.UTC(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)), 0)).toISOString().slice(0, 10);

class RowProblem extends Error {
  constructor(readonly field: string, readonly value: string, message: string) {
    super(message);
  }
}

function count(values: Record<string, string>, field: string): number | null {
  const raw = (values[field] ?? '').trim();
  if (!raw) return null;
  const clean = raw.replace(/[,\u066c\s]/g, '');
  if (!/^\d+$/.test(clean)) throw new RowProblem(field, raw, 'not a whole number');
  return Number(clean);
}

/** Reads one CSV record into a report input (pure). Throws a RowProblem naming the field. */
export function pipelineInputFromCsv(values: Record<string, string>, defaultBelligerent: string): PipelineReportInput {
  const belligerent = (values.belligerent ?? '').trim() || defaultBelligerent;
  const period = (values.period ?? '').trim();
  let start = (values.period_start ?? '').trim();
  let end = (values.period_end ?? '').trim();
  if (period) {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw new RowProblem('period', period, 'not a month as YYYY-MM');
    start ||= `${period}-01`;
    end ||= lastDayOf(period);
  }
  if (!start) throw new RowProblem('period_start', '', 'period or period_start is required');
  if (!end) throw new RowProblem('period_end', '', 'period or period_end is required');
  const figures: Partial<Record<PipelineField, number | null>> = {};
  for (const f of PIPELINE_FIELDS) figures[f] = count(values, f);
  return { belligerent, periodStart: start, periodEnd: end, figures, completed: count(values, 'completed') };
}

/** Records every row of a pipeline CSV, each in its own transaction; bad rows are listed, not fatal. */
export async function importPipelineCsv(db: Kysely<Database>, file: string, opts: { actor: string; reason?: string; belligerent?: string }): Promise<PipelineRowResult[]> {
  const results: PipelineRowResult[] = [];
  const reason = opts.reason ?? `pipeline figures from ${file}`;
  for await (const rec of readCsv(file)) {
    if (rec.shapeError) {
      results.push({ row: rec.line, ok: false, field: '(row)', reason: rec.shapeError });
      continue;
    }
    try {
      const input = pipelineInputFromCsv(rec.values, opts.belligerent ?? 'coalition');
      const r = await db.transaction().execute((tx) => recordPipelineReport({ actor: opts.actor, reason, tx }, input));
      results.push({ row: rec.line, ok: true, belligerent: input.belligerent, periodStart: input.periodStart, periodEnd: input.periodEnd, ...r });
    } catch (err) {
      if (err instanceof RowProblem) results.push({ row: rec.line, ok: false, field: err.field, value: err.value, reason: err.message });
      else if (err instanceof HarmwatchError && err.status < 500) {
        const d = err.details as { field?: string; value?: string };
        results.push({ row: rec.line, ok: false, field: d.field ?? '(row)', ...(d.value != null ? { value: d.value } : {}), reason: err.message });
      } else throw err;
    }
  }
  return results;
}
