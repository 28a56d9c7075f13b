import type { Command } from 'commander';
import { cliActor, withDb } from '../cli/context.ts';
import { runCommand } from '../cli/io.ts';
import { EXIT_INPUT, EXIT_OK } from '../errors.ts';
import { strikeImporter } from './strikeImporter.ts';
import { presentImportSummary } from './presenters.ts';

/** `harmwatch import strikes <csv>`. */
export function registerImportStrikes(importCmd: Command): void {
  importCmd
    .command('strikes <csv>')
    .description('import CJTF-OIR strike release lines (raw or refined CSV layout); idempotent, resumable')
    .option('--dry-run', 'validate and compare with the database, write nothing')
    .option('--actor <name>', 'who imports, for the audit trail')
    .option('--reason <text>', 'why, for the audit trail')
    .option('--batch-size <n>', 'rows per transaction', (v) => Number.parseInt(v, 10), 500)
    .option('--json', 'print the summary as JSON')
    .action(async (csv: string, o: { dryRun?: boolean; actor?: string; reason?: string; batchSize: number; json?: boolean }) => {
      process.exitCode = await runCommand(!!o.json, async (io) =>
        withDb(async (db) => {
          const bar = io.progress(0, 'strikes');
          const result = await strikeImporter(db.kysely, {
            file: csv, actor: cliActor(o.actor), ...(o.reason ? { reason: o.reason } : {}), dryRun: !!o.dryRun, batchSize: o.batchSize,
            onProgress: (n) => { bar.setTotal(Math.max(n, 1)); bar.increment(0); },
          });
          bar.stop();
          const summary = presentImportSummary(result);
          io.print(summary, () => humanSummary(summary));
          return result.rejected.length > 0 ? EXIT_INPUT : EXIT_OK;
        }),
      );
    });
}

function humanSummary(s: ReturnType<typeof presentImportSummary>): string {
  const lines = [
    `${s.dryRun ? 'dry run: ' : ''}${s.file} (${s.layout} layout, sha256 ${s.fileSha256.slice(0, 12)}…)`,
    `read ${s.read}, imported ${s.imported}, unchanged ${s.unchanged}, updated ${s.updated}, rejected ${s.rejected.length}; strikes imported ${s.strikes}`,
  ];
  for (const r of s.rejected.slice(0, 50)) lines.push(`  rejected: ${s.file}, line ${r.row}, field ${r.field}: ${r.reason} (value "${truncate(r.value)}")`);
  if (s.rejected.length > 50) lines.push(`  … and ${s.rejected.length - 50} more rejected rows (use --json for all)`);
  if (s.warnings.length) lines.push(`warnings: ${s.warnings.length} (use --json to list them)`);
  return lines.join('\n');
}

function truncate(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}
