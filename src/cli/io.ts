import { SingleBar, Presets } from 'cli-progress';
import { EXIT_OK, toHarmwatchError } from '../errors.ts';

/** Output settings shared by every command: `--json` prints machine-readable JSON only. */
export interface CliIo {
  json: boolean;
  /** Prints `result` as JSON in --json mode, otherwise the human text. */
  print(result: unknown, human: () => string): void;
  /** A progress bar on a terminal; silent in --json mode or off a terminal. */
  progress(total: number, label: string): Progress;
  /** A line on stderr for humans (silent in --json mode). */
  info(line: string): void;
}

export interface Progress {
  increment(n?: number): void;
  setTotal(total: number): void;
  stop(): void;
}

const silent: Progress = { increment() {}, setTotal() {}, stop() {} };

export function createIo(json: boolean): CliIo {
  return {
    json,
    print(result, human) {
      process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : `${human()}\n`);
    },
    progress(total, label) {
      if (json || !process.stderr.isTTY) return silent;
      const bar = new SingleBar(
        { format: `${label} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left`, stream: process.stderr, hideCursor: true },
        Presets.shades_classic,
      );
      bar.start(total, 0);
      return {
        increment: (n = 1) => bar.increment(n),
        setTotal: (t) => bar.setTotal(t),
        stop: () => bar.stop(),
      };
    },
    info(line) {
      if (!json) process.stderr.write(`${line}\n`);
    },
  };
}

/**
 * Runs a command body with uniform error handling: a HarmwatchError prints its id and message
 * (as JSON with --json) and sets the exit code from its kind. Returns the exit code.
 */
export async function runCommand(json: boolean, body: (io: CliIo) => Promise<number | void>): Promise<number> {
  const io = createIo(json);
  try {
    const code = (await body(io)) ?? EXIT_OK;
    return code;
  } catch (err) {
    const e = toHarmwatchError(err);
    if (json) process.stdout.write(`${JSON.stringify(e.toJSON(), null, 2)}\n`);
    else process.stderr.write(`harmwatch: ${e.message} [${e.id}]\n`);
    if (e.isReportable && process.env.HARMWATCH_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    return e.exitCode;
  }
}
