/**
 * `harmwatch reconcile …`: official and independent figures side by side.
 *
 *   reconcile summary   [--from D --to D --country IQ|SY --admin1 A --belligerent B --min-grade fair --by month] [--json]
 *   reconcile incidents [--from D --to D --country --admin1 --belligerent --grade G --min-grade G --category c1,c2 --has killed --limit N --offset N] [--json]
 *   reconcile pipeline [show] [--belligerent B] [--json]
 *   reconcile pipeline add <csv> [--belligerent B --actor NAME --reason TEXT] [--json]   (CSV layout: ./pipelineRecorder.ts; exit 2 on rejected rows)
 */
import type { Command } from 'commander';
import type { z } from 'zod';
import { cliActor, withDb } from '../cli/context.ts';
import { runCommand } from '../cli/io.ts';
import { EXIT_INPUT, EXIT_OK, HarmwatchError } from '../errors.ts';
import { importPipelineCsv } from './pipelineRecorder.ts';
import { incidentsText, pipelineRowsText, pipelineText, summaryText } from './presenters.ts';
import { IncidentsQuery, SummaryQuery } from './schema.ts';
import { pipelineAccounts, reconcileIncidents, reconcileSummary } from './service.ts';

/** Validates command options with the API's schema; a bad value is an input error (exit 2). */
function parseOptions<T extends z.ZodType>(schema: T, raw: Record<string, unknown>): z.infer<T> {
  const clean = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
  const r = schema.safeParse(clean);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue?.path.join('.') ?? '';
  throw new HarmwatchError('INPUT_INVALID', `option --${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${issue?.message ?? 'invalid'}`, { field });
}

interface FilterOptions {
  from?: string; to?: string; country?: string; admin1?: string; belligerent?: string; minGrade?: string; json?: boolean;
}

const filterOptions = (cmd: Command): Command =>
  cmd
    .option('--from <date>', 'first date, YYYY-MM-DD (incident date / strike release date)')
    .option('--to <date>', 'last date, YYYY-MM-DD')
    .option('--country <code>', 'IQ or SY')
    .option('--admin1 <name>', 'governorate as stored on incidents')
    .option('--belligerent <name>', 'whose assessments (summary default: coalition)')
    .option('--min-grade <grade>', 'grade threshold of independent figures: confirmed, fair, weak, contested, discounted')
    .option('--json', 'print JSON only');

const pick = (o: FilterOptions) => ({ from: o.from, to: o.to, country: o.country, admin1: o.admin1, belligerent: o.belligerent, minGrade: o.minGrade });

/** Registers `reconcile summary|incidents|pipeline [add]`. */
export function register(program: Command): void {
  const reconcile = program.command('reconcile').description('official vs independent figures: gaps, totals, statements, pipeline accounting');

  filterOptions(reconcile.command('summary').description('totals and cells with statements, every figure linked to its incidents'))
    .option('--by <dimension>', 'month, year, period, country, admin1, belligerent or grade', 'period')
    .action(async (o: FilterOptions & { by: string }) => {
      process.exitCode = await runCommand(!!o.json, async (io) => {
        const q = parseOptions(SummaryQuery, { ...pick(o), by: o.by });
        await withDb(async (db) => {
          const s = await reconcileSummary(db.kysely, q);
          io.print(s, () => summaryText(s));
        });
      });
    });

  filterOptions(reconcile.command('incidents').description('per-incident gaps between independent and official figures'))
    .option('--grade <grade>', 'only this grade (none = ungraded)')
    .option('--category <list>', 'comma-separated: conceded_in_full, conceded_in_part, rejected_with_reason, rejected_without_reason, duplicate, not_yet_assessed')
    .option('--has <outcome>', 'only incidents with an independent figure for killed or injured')
    .option('--limit <n>', 'rows, 1–1000', '100')
    .option('--offset <n>', 'rows to skip', '0')
    .action(async (o: FilterOptions & { grade?: string; category?: string; has?: string; limit: string; offset: string }) => {
      process.exitCode = await runCommand(!!o.json, async (io) => {
        const q = parseOptions(IncidentsQuery, { ...pick(o), grade: o.grade, category: o.category, has: o.has, limit: o.limit, offset: o.offset });
        await withDb(async (db) => {
          const r = await reconcileIncidents(db.kysely, q);
          io.print(r, () => incidentsText(r));
        });
      });
    });

  const pipeline = reconcile.command('pipeline').description('assessment pipeline accounting: recorded periods and their checks; `pipeline add <csv>` records figures');
  pipeline.command('show', { isDefault: true }).description('recorded periods and their checks (the default: `reconcile pipeline`)')
    .option('--belligerent <name>', 'only this belligerent')
    .option('--json', 'print JSON only')
    .action(async (o: { belligerent?: string; json?: boolean }) => {
      process.exitCode = await runCommand(!!o.json, async (io) => withDb(async (db) => {
        const p = await pipelineAccounts(db.kysely, o.belligerent);
        io.print(p, () => pipelineText(p));
      }));
    });

  pipeline.command('add <csv>').description('record periodic pipeline figures from a CSV (layout in src/reconcile/pipelineRecorder.ts); exit 2 on rejected rows')
    .option('--belligerent <name>', 'belligerent of rows without a belligerent column', 'coalition')
    .option('--actor <name>', 'who records, for the audit trail')
    .option('--reason <text>', 'why, for the audit trail')
    .option('--json', 'print JSON only')
    .action(async (csv: string, o: { belligerent: string; actor?: string; reason?: string; json?: boolean }) => {
      process.exitCode = await runCommand(!!o.json, async (io) => withDb(async (db) => {
        const rows = await importPipelineCsv(db.kysely, csv, { actor: cliActor(o.actor), belligerent: o.belligerent, ...(o.reason ? { reason: o.reason } : {}) });
        io.print({ file: csv, rows }, () => pipelineRowsText(csv, rows));
        return rows.some((r) => !r.ok) ? EXIT_INPUT : EXIT_OK;
      }));
    });
}
