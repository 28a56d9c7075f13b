/**
 * `harmwatch import article|airwars|ucdp|acled|csv|hxl|determinations <file> [options]`.
 * Common options: --dry-run, --actor, --reason, --batch-size, --json. Exit 2 when any row was
 * rejected (the good rows are still stored), 0 otherwise.
 */
import type { Command } from 'commander';
import { cliActor, withDb } from '../cli/context.ts';
import { linkIncidents } from '../linkage/incidentLinker.ts';
import { runCommand } from '../cli/io.ts';
import { EXIT_INPUT, EXIT_OK, inputError } from '../errors.ts';
import { POPULATIONS, SOURCE_TYPES, type Population, type SourceType } from '../model/vocabulary.ts';
import { importFile, type KindOptions } from './importers.ts';
import { humanImportResult, presentImportResult } from './presenters.ts';
import type { ImportKind } from './service.ts';

interface CommonOptions {
  dryRun?: boolean;
  actor?: string;
  reason?: string;
  batchSize: number;
  json?: boolean;
  /** article: link the extracted claims into incidents afterwards (default true). */
  link?: boolean;
}

const KINDS: Array<{ kind: ImportKind; description: string; options?: (c: Command) => Command }> = [
  {
    kind: 'article', description: 'import an article (plain text or HTML) as a source: bytes, SHA-256, clean text and offset map',
    options: (c) => c.option('--url <url>', 'where the article was published (re-imports at the same URL become new versions)')
      .option('--content-type <type>', 'text/plain or text/html (default: from the extension or the content)')
      .option('--source-type <type>', `one of ${SOURCE_TYPES.join(', ')}`).option('--publisher <name>').option('--language <code>')
      .option('--published-on <date>', 'publication date (YYYY-MM-DD)')
      .option('--no-link', 'do not link the extracted claims into incidents after the import'),
  },
  {
    kind: 'airwars', description: 'import an Airwars-style incidents.csv, incident_sources.csv or source_texts.jsonl (incidents first)',
    options: (c) => c.option('--country <code>', 'country the incidents file covers (SY or IQ, for the bounding-box check)', 'SY'),
  },
  { kind: 'ucdp', description: 'import a UCDP GED CSV as claims of UCDP' },
  { kind: 'acled', description: 'import an ACLED CSV export as claims of ACLED' },
  {
    kind: 'csv', description: 'import any CSV through a JSON mapping file (see src/ingest/generic.ts)',
    options: (c) => c.requiredOption('--mapping <file>', 'the JSON mapping file'),
  },
  {
    kind: 'hxl', description: 'import an HXL-tagged CSV (hashtag row under the header), mapped by tag',
    options: (c) => c.option('--claimant <name>', 'who the rows are claims of (default: the file name)')
      .option('--population <p>', `population of #affected figures without a population attribute (${POPULATIONS.join(', ')})`)
      .option('--country <code>', 'country when the file has no #country column'),
  },
  {
    kind: 'determinations', description: 'import official determinations: a CSV (layout in src/ingest/determinations.ts) or a prose report (.txt)',
    options: (c) => c.option('--belligerent <slug>', 'who determined (default coalition)').option('--report-date <date>', 'prose reports: date of the report')
      .option('--url <url>', 'prose reports: where the report is published'),
  },
];

type KindCliOptions = CommonOptions & {
  url?: string; contentType?: string; sourceType?: string; publisher?: string; language?: string; publishedOn?: string; country?: string;
  mapping?: string; claimant?: string; population?: string; belligerent?: string; reportDate?: string;
};

function kindOptions(o: KindCliOptions): KindOptions {
  if (o.contentType && o.contentType !== 'text/plain' && o.contentType !== 'text/html') throw inputError('INPUT_INVALID', '--content-type must be text/plain or text/html', { field: 'content-type', value: o.contentType });
  if (o.sourceType && !(SOURCE_TYPES as readonly string[]).includes(o.sourceType)) throw inputError('INPUT_INVALID', `--source-type must be one of ${SOURCE_TYPES.join(', ')}`, { field: 'source-type', value: o.sourceType });
  if (o.population && !(POPULATIONS as readonly string[]).includes(o.population)) throw inputError('INPUT_INVALID', `--population must be one of ${POPULATIONS.join(', ')}`, { field: 'population', value: o.population });
  const k: KindOptions = {};
  if (o.url) k.url = o.url;
  if (o.contentType) k.contentType = o.contentType as KindOptions['contentType'] & string;
  if (o.sourceType) k.sourceType = o.sourceType as SourceType;
  if (o.publisher) k.publisher = o.publisher;
  if (o.language) k.language = o.language;
  if (o.publishedOn) k.publishedOn = o.publishedOn;
  if (o.country) k.country = o.country.toUpperCase();
  if (o.mapping) k.mapping = o.mapping;
  if (o.claimant) k.claimant = o.claimant;
  if (o.population) k.population = o.population as Population;
  if (o.belligerent) k.belligerent = o.belligerent;
  if (o.reportDate) k.reportDate = o.reportDate;
  return k;
}

/** Adds the ingest import commands under `harmwatch import` (creating it if absent). */
export function register(program: Command): void {
  const imp = program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('import data (idempotent; exit 2 when rows were rejected)');
  for (const spec of KINDS) {
    let cmd = imp.command(`${spec.kind} <file>`).description(spec.description);
    if (spec.options) cmd = spec.options(cmd);
    cmd
      .option('--dry-run', 'validate and compare with the database, write nothing')
      .option('--actor <name>', 'who imports, for the audit trail')
      .option('--reason <text>', 'why, for the audit trail')
      .option('--batch-size <n>', 'rows per transaction', (v) => Number.parseInt(v, 10), 500)
      .option('--json', 'print the summary as JSON')
      .action(async (file: string, o: KindCliOptions) => {
        process.exitCode = await runCommand(!!o.json, async (io) =>
          withDb(async (db) => {
            const bar = io.progress(0, spec.kind);
            const result = await importFile(db.kysely, spec.kind, file, {
              actor: cliActor(o.actor), ...(o.reason ? { reason: o.reason } : {}), dryRun: !!o.dryRun, batchSize: o.batchSize > 0 ? o.batchSize : 500,
              onProgress: (n) => {
                bar.setTotal(Math.max(n, 1));
                bar.increment(0);
              },
            }, kindOptions(o));
            bar.stop();
            // An imported article's claims are gathered into incidents at once (new reports attach
            // to existing incidents; doubtful pairs go to the review queue). Runs on re-imports too,
            // so a linking step cut short by a crash is completed.
            if (spec.kind === 'article' && !o.dryRun && o.link !== false) {
              const l = await linkIncidents(db.kysely, { actor: cliActor(o.actor), reason: `linkage after importing ${file}` });
              const linkage = { claims: l.claims, attached: l.attached, created: l.created, queued: l.queued };
              io.print({ ...presentImportResult(result), linkage }, () => `${humanImportResult(result)}\nlinked ${l.claims} claims: ${l.attached} attached to incidents, ${l.created} new incidents, ${l.queued} pairs queued for review`);
              return result.rejected.length > 0 ? EXIT_INPUT : EXIT_OK;
            }
            io.print(presentImportResult(result), () => humanImportResult(result));
            return result.rejected.length > 0 ? EXIT_INPUT : EXIT_OK;
          }),
        );
      });
  }
}
