/**
 * `harmwatch db backup-rotate <dir> --keep N [--json]`: a scheduled backup for cron (see
 * ./rotate.ts). Exit 0 when every kept generation restores and verifies, 1 when any does not.
 */
import type { Command } from 'commander';
import { withDb } from '../cli/context.ts';
import { runCommand } from '../cli/io.ts';
import { EXIT_FAILURE, EXIT_OK } from '../errors.ts';
import { rotateBackups } from './rotate.ts';

/** Adds `backup-rotate` under `harmwatch db` (creating `db` if absent). */
export function register(program: Command): void {
  const db = program.commands.find((c) => c.name() === 'db') ?? program.command('db').description('database: migrations, backups');
  db.command('backup-rotate <dir>')
    .description('write a new backup generation into <dir>, keep the newest N, and check each kept one by restoring it into a scratch database')
    .option('--keep <n>', 'generations to keep', (v) => Number.parseInt(v, 10), 7)
    .option('--json', 'JSON output')
    .action(async (dir: string, o: { keep: number; json?: boolean }) => {
      process.exitCode = await runCommand(!!o.json, (io) => withDb(async (conn) => {
        const r = await rotateBackups(conn.kysely, dir, { keep: o.keep, onCheck: (c) => io.info(`  ${c.file}: ${c.ok ? 'ok' : `FAILED (${c.error})`}`) });
        io.print(r, () => [
          `wrote ${r.written}; kept ${r.generations.length} of at most ${r.keep}; removed ${r.removed.length}`,
          ...r.generations.map((g) => `  ${g.ok ? 'ok    ' : 'FAILED'} ${g.file}: ${g.rows} rows, ${g.auditEvents} audit events verify${g.error ? ` — ${g.error}` : ''}`),
        ].join('\n'));
        return r.ok ? EXIT_OK : EXIT_FAILURE;
      }));
    });
}
