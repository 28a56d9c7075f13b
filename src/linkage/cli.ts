/**
 * `harmwatch link benchmark <name> [--json]`: validates the linkage engine on standard benchmarks
 * read from shared data (skipped with a message when the data is absent).
 */
import type { Command } from 'commander';
import { runCommand } from '../cli/io.ts';
import { inputError } from '../errors.ts';
import { SHARED_DATA_ABSENT } from '../shared-data.ts';
import { BENCHMARKS, runBenchmark } from './benchmarks.ts';
import { registerLinkageCommands } from './commands.ts';
import type { BenchmarkName, BenchmarkResult } from './benchmarks.ts';

const fmt = (x: unknown): string => {
  if (typeof x !== 'number') return JSON.stringify(x);
  if (Number.isInteger(x)) return String(x);
  return Math.abs(x) < 0.01 ? x.toExponential(3) : String(Math.round(x * 10_000) / 10_000);
};

const line = (v: unknown): string => (v != null && typeof v === 'object' && !Array.isArray(v)
  ? Object.entries(v).map(([k, x]) => `${k} ${fmt(x)}`).join(', ')
  : fmt(v));

function human(r: BenchmarkResult): string {
  if ('skipped' in r) return `${r.benchmark}: ${String(r.skipped)}`;
  const lines = [`${r.benchmark}`];
  for (const [k, v] of Object.entries(r)) {
    if (k === 'benchmark' || k === 'sweep' || k === 'estimated' || k === 'true') continue;
    if (Array.isArray(v) && v.length > 0 && v.every((x) => x != null && typeof x === 'object')) {
      lines.push(`  ${k}:`, ...v.map((x) => `    ${line(x)}`));
    } else lines.push(`  ${k}: ${line(v)}`);
  }
  return lines.join('\n');
}

/** Adds `link benchmark <name>` and the linkage commands (run, review, label, quality, merge, split, strikes, cluster). */
export function register(program: Command): void {
  const link = program.command('link').description('record linkage of harm reports');
  link
    .command('benchmark')
    .description(`validate the linkage engine on a standard benchmark (${BENCHMARKS.join(', ')})`)
    .argument('<name>', BENCHMARKS.join(' | '))
    .option('--json', 'print JSON only')
    .action(async (name: string, opts: { json?: boolean }) => {
      process.exitCode = await runCommand(opts.json === true, async (io) => {
        if (!(BENCHMARKS as readonly string[]).includes(name)) {
          throw inputError('INPUT_INVALID', `unknown benchmark "${name}" (expected one of ${BENCHMARKS.join(', ')})`, { field: 'name', value: name });
        }
        const bench = name as BenchmarkName;
        io.info(`running ${bench} …`);
        const result: BenchmarkResult = runBenchmark(bench) ?? { benchmark: bench, skipped: SHARED_DATA_ABSENT };
        io.print(result, () => human(result));
      });
    });
  registerLinkageCommands(link);
}
