/**
 * `harmwatch extract <file> [--published YYYY-MM-DD] [--lang en|ar] [--json]` prints the claims of
 * one text; `harmwatch extract --jsonl <file>` streams one `{ id, claims }` line per input line.
 * No database.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { runCommand } from '../cli/io.ts';
import { EXIT_INPUT, inputError } from '../errors.ts';
import { parseIso } from './dates-ar.ts';
import { extractClaims } from './extract.ts';
import { extractJsonl } from './jsonl.ts';
import type { Claim } from './types.ts';

interface Opts {
  published?: string;
  lang?: string;
  json?: boolean;
  jsonl?: string;
}

/** One claim as a line for people. */
export function describeClaim(c: Claim, i: number): string {
  const fig = c.min === null && c.max === null ? (c.qualifier ?? '') : c.min === c.max ? `${c.qualifier} ${c.min}` : `${c.qualifier} ${c.min ?? '?'}–${c.max ?? '?'}`;
  const what = c.type === 'casualties' ? `${fig} ${c.population} ${c.outcome}` : c.type === 'assessment' ? `assessment [${c.stance.join(', ')}]` : `${fig} ${c.type}`;
  const parts = [
    `#${i} ${what}`,
    c.claimant ? `says ${c.claimant.normalised ?? c.claimant.text}` : '',
    c.actor ? `by ${c.actor.normalised ?? c.actor.text}` : '',
    c.period ? `${c.period.start}${c.period.end !== c.period.start ? `..${c.period.end}` : ''} (${c.period.precision})` : '',
    c.places.length ? `at ${c.places.map((p) => p.text).join(', ')}` : '',
    c.duplicateOf !== null ? `= #${c.duplicateOf}` : '',
  ].filter(Boolean);
  return `${parts.join(' · ')}\n    «${c.quote.length > 160 ? `${c.quote.slice(0, 157)}…` : c.quote}» [${c.span[0]}, ${c.span[1]})`;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw inputError('INPUT_INVALID', `cannot read: ${err instanceof Error ? err.message : String(err)}`, { file });
  }
}

/** Adds the `extract` command to the program. */
export function register(program: Command): void {
  program
    .command('extract')
    .description('extract casualty, strike, report and assessment claims from a text (no database)')
    .argument('[file]', 'a UTF-8 text file')
    .option('--published <date>', 'publication date (YYYY-MM-DD) that relative dates resolve against')
    .option('--lang <lang>', 'language hint: en or ar')
    .option('--json', 'print JSON only')
    .option('--jsonl <file>', 'read one {id, text, published, lang} object per line; write one {id, claims} line each')
    .action(async (file: string | undefined, opts: Opts) => {
      process.exitCode = await runCommand(Boolean(opts.json), async (io) => {
        if (opts.lang !== undefined && opts.lang !== 'en' && opts.lang !== 'ar') throw inputError('INPUT_INVALID', `--lang must be en or ar, not "${opts.lang}"`, { field: 'lang' });
        if (opts.published !== undefined && parseIso(opts.published) === null) {
          throw inputError('INVALID_DATE', `--published "${opts.published}" is not a YYYY-MM-DD date`, { field: 'published' });
        }
        if (opts.jsonl !== undefined) {
          const path = opts.jsonl;
          const stream = createReadStream(path, { encoding: 'utf8' });
          try {
            await once(stream, 'open');
          } catch (err) {
            throw inputError('INPUT_INVALID', `cannot read: ${err instanceof Error ? err.message : String(err)}`, { file: path });
          }
          const rl = createInterface({ input: stream, crlfDelay: Infinity });
          const write = async (line: string): Promise<void> => {
            if (!process.stdout.write(line)) await once(process.stdout, 'drain');
          };
          const { lines, errors } = await extractJsonl(rl, write);
          for (const e of errors) process.stderr.write(`harmwatch: ${path}, line ${e.line}: ${e.reason} [INPUT_INVALID]\n`);
          io.info(`${lines} lines read, ${errors.length} unreadable`);
          return errors.length ? EXIT_INPUT : undefined;
        }
        if (file === undefined) throw inputError('INPUT_INVALID', 'give a text file or --jsonl <file>');
        const text = readText(file);
        const lang = opts.lang === 'en' || opts.lang === 'ar' ? opts.lang : undefined;
        const result = extractClaims(text, { published: opts.published, lang });
        io.print(result, () => (result.claims.length ? result.claims.map(describeClaim).join('\n') : 'no claims found'));
      });
    });
}
