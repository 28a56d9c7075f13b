/**
 * `npm run reliability`: runs the long version of the reliability suite (test/reliability, with
 * HARMWATCH_RELIABILITY=long) and prints a table of what it did: scenarios run, faults injected,
 * writes acknowledged and found, bad inputs tried, crashes and 5xx answers. Extra arguments go to
 * scripts/run-tests.mjs (e.g. a file filter). Exit status: that of the tests.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Row {
  scenario: string;
  faults: number;
  acknowledged: number;
  found: number;
  badInputs: number;
  crashes: number;
  serverErrors: number;
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const stats = join(tmpdir(), `harmwatch-reliability-${process.pid}.jsonl`);
const filters = process.argv.slice(2);
const env = { ...process.env, HARMWATCH_RELIABILITY: process.env.HARMWATCH_RELIABILITY ?? 'long', HARMWATCH_RELIABILITY_STATS: stats };
const started = Date.now();
// The long version outlasts the runner's default 5-minute limit per file.
const limit = env.HARMWATCH_RELIABILITY === 'long' ? ['--test-timeout=7200000'] : [];
const child = spawn(process.execPath, [join(root, 'scripts/run-tests.mjs'), ...(filters.length ? filters : ['test/reliability']), ...limit], { cwd: root, env, stdio: 'inherit' });
const code: number = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));

const rows: Row[] = existsSync(stats)
  ? readFileSync(stats, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Row)
  : [];
rmSync(stats, { force: true });
const total: Row = rows.reduce((a, r) => ({
  scenario: 'total', faults: a.faults + r.faults, acknowledged: a.acknowledged + r.acknowledged, found: a.found + r.found,
  badInputs: a.badInputs + r.badInputs, crashes: a.crashes + r.crashes, serverErrors: a.serverErrors + r.serverErrors,
}), { scenario: 'total', faults: 0, acknowledged: 0, found: 0, badInputs: 0, crashes: 0, serverErrors: 0 });
const head = ['scenario', 'faults injected', 'writes acknowledged', 'writes found', 'bad inputs tried', 'crashes', '5xx'];
const body = [...rows, total].map((r) => [r.scenario, r.faults, r.acknowledged, r.found, r.badInputs, r.crashes, r.serverErrors].map(String));
const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
const line = (cells: string[]): string => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
const out = [
  '',
  `harmwatch reliability (${env.HARMWATCH_RELIABILITY} version, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'}, ${Math.round((Date.now() - started) / 1000)} s): ${rows.length} scenarios, tests ${code === 0 ? 'passed' : 'FAILED'}`,
  line(head),
  `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
  ...body.map(line),
  '',
];
process.stdout.write(out.join('\n'));
process.exitCode = code === 0 && total.serverErrors === 0 && total.crashes === 0 && total.found >= total.acknowledged ? 0 : 1;
