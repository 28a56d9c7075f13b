import type { Command } from 'commander';
import { runCommand } from '../cli/io.ts';
import { cliUser, defaultRunner, type DbRunner } from '../auth/cli.ts';
import { decideIntake, listIntake } from './intakeReviewer.ts';

/** `harmwatch intake list | accept <sourceId> | reject <sourceId>` (as an analyst: `--as` or HARMWATCH_USER). */
export function register(program: Command, run: DbRunner = defaultRunner): void {
  const intake = program.command('intake').description('public submissions waiting for review');
  intake.command('list').description('unverified submissions, oldest first (contact data is never shown)')
    .option('--as <username>').option('--json', 'JSON output')
    .action(async (o: { as?: string; json?: boolean }) => {
      process.exitCode = await runCommand(!!o.json, (io) => run(async (db) => {
        const items = await listIntake(db.kysely, await cliUser(db, o.as));
        io.print({ data: items }, () => items.map((i) => `${i.sourceId}\t${i.referenceCode ?? ''}\t${i.receivedAt}\t${(i.text ?? '').slice(0, 80).replace(/\s+/g, ' ')}`).join('\n') || 'the queue is empty');
      }));
    });
  for (const verb of ['accept', 'reject'] as const) {
    intake.command(`${verb} <sourceId>`).description(verb === 'accept' ? 'accept: the submission becomes public (redacted)' : 'reject: it stays restricted')
      .requiredOption('--reason <text>', 'why').option('--as <username>').option('--json', 'JSON output')
      .action(async (sourceId: string, o: { reason: string; as?: string; json?: boolean }) => {
        process.exitCode = await runCommand(!!o.json, (io) => run(async (db) => {
          const r = await decideIntake(db.kysely, await cliUser(db, o.as), Number(sourceId), verb === 'accept', o.reason);
          io.print({ data: r }, () => `submission ${r.sourceId}: ${r.status} (${r.visibility})`);
        }));
      });
  }
}
