import { Command, Option } from 'commander';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { backupDatabase, restoreDatabase } from '../db/backup.ts';
import { verifyAudit } from '../audit/service.ts';
import { EXIT_FAILURE, EXIT_OK } from '../errors.ts';
import { registerImportStrikes } from '../strikes/cli.ts';
import { register as registerExtract } from '../extract/cli.ts';
import { register as registerLinkage } from '../linkage/cli.ts';
import { register as registerGazetteer } from '../gazetteer/cli.ts';
import { register as registerReconcile } from '../reconcile/cli.ts';
import { register as registerIngest } from '../ingest/cli.ts';
import { register as registerEstimate } from '../estimate/cli.ts';
import { register as registerVictims } from '../victims/cli.ts';
import { register as registerUser } from '../auth/cli.ts';
import { register as registerIncident } from '../assessment/cli.ts';
import { register as registerIntake } from '../submissions/cli.ts';
import { register as registerBackupRotate } from '../db/cli-rotate.ts';
import { loadDemoData } from '../strikes/demo.ts';
import { serve } from '../web/server.ts';
import { runCommand } from './io.ts';
import { withDb } from './context.ts';
import type { Kysely } from 'kysely';

/** Builds the `harmwatch` command tree. */
export function buildProgram(): Command {
  const program = new Command('harmwatch')
    .description('Record, assess and reconcile civilian harm from military strikes')
    .version('0.1.0')
    .showHelpAfterError();

  const serveOptions = (cmd: Command): Command =>
    cmd
      .addOption(new Option('--port <n>', 'port to listen on (0 picks a free one)').env('PORT').argParser((v) => Number.parseInt(v, 10)))
      .addOption(new Option('--host <h>', 'address to listen on').env('HOST'))
      .option('--json', 'print the URL as JSON');

  serveOptions(program.command('serve').description('serve the web app and API on the configured database'))
    .option('--no-demo', 'do not load the bundled demo data into an empty database')
    .action(async (o: { port?: number; host?: string; json?: boolean; demo: boolean }) => {
      await serve({ port: o.port, host: o.host, json: !!o.json, demo: o.demo });
    });
  serveOptions(program.command('start').description('what `npm start` runs: serve, loading the demo data on first start'))
    .action(async (o: { port?: number; host?: string; json?: boolean }) => {
      await serve({ port: o.port, host: o.host, json: !!o.json, demo: true });
    });

  const db = program.command('db').description('database: migrations, backups');
  db.command('migrate').description('bring the schema up to date').option('--json', 'JSON output').action(async (o: { json?: boolean }) => {
    process.exitCode = await runCommand(!!o.json, async (io) => {
      const config = loadConfig();
      const conn = await openDatabase(config, { migrate: false });
      try {
        const r = await migrateToLatest(conn.kysely as Kysely<unknown>);
        io.print({ backend: conn.backend, ...r }, () => `${conn.backend}: ${r.applied.length ? `applied ${r.applied.join(', ')}` : 'already up to date'} (at ${r.current})`);
      } finally {
        await conn.close();
      }
    });
  });
  db.command('backup <file>').description('write a portable backup (restores into PGlite or PostgreSQL)').option('--json', 'JSON output')
    .action(async (file: string, o: { json?: boolean }) => {
      process.exitCode = await runCommand(!!o.json, (io) => withDb(async (conn) => {
        const r = await backupDatabase(conn.kysely, file, (t, n) => io.info(`  ${t}: ${n}`));
        io.print(r, () => `backup written to ${r.file}: ${r.rows} rows in ${r.tables} tables, sha256 ${r.sha256}`);
      }));
    });
  db.command('restore <file>').description('restore a backup into an empty database').option('--json', 'JSON output')
    .action(async (file: string, o: { json?: boolean }) => {
      process.exitCode = await runCommand(!!o.json, (io) => withDb(async (conn) => {
        const r = await restoreDatabase(conn.kysely, file);
        const audit = await verifyAudit(conn.kysely);
        io.print({ ...r, audit }, () => `restored ${r.rows} rows from ${r.file}; audit chain ${audit.ok ? 'verifies' : 'does NOT verify'}`);
        return audit.ok ? EXIT_OK : EXIT_FAILURE;
      }));
    });

  registerBackupRotate(program);

  program.command('audit').description('the audit trail')
    .command('verify').description('recompute the hash chain; report the first event changed, removed or reordered').option('--json', 'JSON output')
    .action(async (o: { json?: boolean }) => {
      process.exitCode = await runCommand(!!o.json, (io) => withDb(async (conn) => {
        const r = await verifyAudit(conn.kysely);
        io.print(r, () => (r.ok ? `OK: ${r.checked} events verify` : `FAILED at event ${r.firstBad?.seq}: ${r.firstBad?.problem} (${r.firstBad?.detail}); ${r.checked} events before it verify`));
        return r.ok ? EXIT_OK : EXIT_FAILURE;
      }));
    });

  const imp = program.command('import').description('import data (idempotent, resumable; exit 2 when rows were rejected)');
  registerImportStrikes(imp);
  registerIngest(program);

  registerExtract(program);
  registerLinkage(program);
  registerGazetteer(program);
  registerReconcile(program);
  registerEstimate(program);
  registerVictims(program);
  registerUser(program);
  registerIncident(program);
  registerIntake(program);

  program.command('demo').description('load the bundled demo data (CJTF-OIR strike releases) now').option('--json', 'JSON output')
    .action(async (o: { json?: boolean }) => {
      process.exitCode = await runCommand(!!o.json, (io) => withDb(async (conn) => {
        const r = await loadDemoData(conn.kysely, { force: true });
        io.print(r, () => r.files.map((f) => `${f.file}: read ${f.read}, imported ${f.imported}, updated ${f.updated}, unchanged ${f.unchanged}, rejected ${f.rejected}`).join('\n'));
      }));
    });
  return program;
}

/** Entry point of bin/harmwatch.mjs. */
export async function main(argv: string[]): Promise<void> {
  await buildProgram().parseAsync(argv);
}
