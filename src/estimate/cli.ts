/**
 * `harmwatch estimate mse <capture-table.csv> --method loglinear|lcmcr [--seed N] [--iterations N] [--json]`
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { inputError } from '../errors.ts';
import { runCommand } from '../cli/io.ts';
import { readCaptureCsv } from './capture-table.ts';
import { reportJson, reportText } from './presenters.ts';
import { estimateMse, MSE_METHODS, type MseMethod } from './service.ts';

interface MseCliOptions {
  method: string;
  seed?: string;
  iterations?: string;
  burnIn?: string;
  chains?: string;
  threeWay?: boolean;
  json?: boolean;
}

function wholeNumber(raw: string | undefined, option: string, min: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || !Number.isSafeInteger(Number(raw))) {
    throw inputError('INPUT_INVALID', `${option} must be a whole number ≥ ${min}, got "${raw}"`, { field: option });
  }
  return Number(raw);
}

/** Reads the file, estimates and prints; returns the exit code. */
export async function runMse(file: string, opts: MseCliOptions): Promise<number> {
  return runCommand(Boolean(opts.json), async (io) => {
    if (!(MSE_METHODS as readonly string[]).includes(opts.method)) {
      throw inputError('INPUT_INVALID', `--method must be one of ${MSE_METHODS.join(', ')}, got "${opts.method}"`, { field: '--method' });
    }
    const method = opts.method as MseMethod;
    const seed = wholeNumber(opts.seed, '--seed', 0);
    const iterations = wholeNumber(opts.iterations, '--iterations', 100);
    const burnIn = wholeNumber(opts.burnIn, '--burn-in', 0);
    const chains = wholeNumber(opts.chains, '--chains', 1);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      throw inputError('INPUT_INVALID', `cannot read the file: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { file });
    }
    const table = readCaptureCsv(text, file);
    if (method === 'lcmcr') io.info(`running LCMCR on ${table.strata.length} stratum/strata…`);
    const lcmcr = { ...(burnIn !== undefined ? { burnIn } : {}), ...(chains !== undefined ? { chains } : {}) };
    const thin = iterations !== undefined ? Math.max(1, Math.min(20, Math.floor(iterations / 100))) : undefined;
    const report = estimateMse(table, { method, seed, iterations, threeWay: opts.threeWay, lcmcr: thin !== undefined ? { ...lcmcr, thin } : lcmcr });
    io.print(reportJson(report, file), () => reportText(report, file));
  });
}

/** Adds `estimate mse` to the program. */
export function register(program: Command): void {
  const estimate = program.commands.find((c) => c.name() === 'estimate') ?? program.command('estimate').description('estimate what nobody recorded');
  estimate
    .command('mse')
    .description(
      'multiple systems estimation from a capture-history CSV: one 0/1 column per list, a count column, optional stratum; ' +
        'shows documented count, estimate and interval per stratum',
    )
    .argument('<capture-table.csv>', 'capture-history table')
    .option('--method <method>', 'loglinear (Poisson log-linear models, AIC/BIC, profile-likelihood intervals) or lcmcr (Bayesian latent classes)', 'loglinear')
    .option('--seed <n>', 'LCMCR random seed (default 1)')
    .option('--iterations <n>', 'LCMCR iterations per chain after burn-in (default 40000)')
    .option('--burn-in <n>', 'LCMCR burn-in iterations per chain (default 10000)')
    .option('--chains <n>', 'LCMCR chains (default 3)')
    .option('--three-way', 'log-linear: also consider three-way interactions (4 lists)')
    .option('--json', 'print JSON only')
    .action(async (file: string, opts: MseCliOptions) => {
      process.exitCode = await runMse(file, opts);
    });
}
