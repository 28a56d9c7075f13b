/**
 * Shared machinery of the reliability suite (test/reliability/*.test.ts): seeds and rounds (short
 * in CI, long with HARMWATCH_RELIABILITY=long), synthetic input files for every importer (our own
 * made-up rows, never third-party data), the full HTTP app with every route plugin that exists,
 * database fingerprints (counts, duplicate identities, audit chain) and the statistics that
 * test/reliability/report.ts prints.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Db } from '../../src/db/connect.ts';
import { tablesInDependencyOrder } from '../../src/db/catalog.ts';
import type { Database } from '../../src/db/types.ts';
import { verifyAudit } from '../../src/audit/service.ts';
import { buildApp } from '../../src/web/app.ts';
import { bodyTimeout } from '../../src/web/bodyTimeout.ts';
import type { AppDeps } from '../../src/web/deps.ts';
import { authPlugin } from '../../src/auth/plugin.ts';
import { authRoutes } from '../../src/auth/routes.ts';
import { assessmentRoutes } from '../../src/assessment/routes.ts';
import { submissionRoutes } from '../../src/submissions/routes.ts';
import { submissionPages } from '../../src/submissions/pages.ts';
import { submissionBuckets, type TokenBuckets } from '../../src/submissions/limits.ts';
import { listRoutes } from '../../src/auth/testing.ts';
import { buildReleaseRow, writeReleaseCsv } from '../../src/strikes/factories.ts';
import { AIRWARS_INCIDENT_COLUMNS } from '../../src/ingest/airwars.ts';
import { mulberry32 } from '../cli.ts';
import { strikeImporter } from '../../src/strikes/strikeImporter.ts';
import { importPlaceList } from '../../src/gazetteer/placeImporter.ts';
import { importFile, type KindOptions } from '../../src/ingest/importers.ts';
import type { ImportKind } from '../../src/ingest/service.ts';
import type { CountryCode } from '../../src/model/vocabulary.ts';
import { createCliTarget, type CliTarget } from '../../src/db/testing.ts';
import { openPglite } from '../../src/db/connect.ts';

export { mulberry32 };

/** True when the long version runs (`HARMWATCH_RELIABILITY=long`, as `npm run reliability` sets). */
export const LONG = process.env.HARMWATCH_RELIABILITY === 'long';

/** Rounds of a scenario: `short` in CI, `long` in the long version; HARMWATCH_KILL_ROUNDS overrides both. */
export function rounds(short: number, long: number): number {
  const o = Number(process.env.HARMWATCH_KILL_ROUNDS);
  return Number.isInteger(o) && o > 0 ? o : LONG ? long : short;
}

/** A seed for a scenario, printed so a failure can be replayed with HARMWATCH_SEED. */
export function seedFor(scenario: string): number {
  const fixed = Number(process.env.HARMWATCH_SEED);
  const seed = Number.isInteger(fixed) && fixed > 0 ? fixed : (Date.now() % 1_000_000) + 1;
  process.stdout.write(`# ${scenario}: seed ${seed} (HARMWATCH_SEED=${seed} to replay)\n`);
  return seed;
}

/** Figures of one scenario, for the report table. */
export interface ScenarioStats {
  scenario: string;
  faults?: number;
  acknowledged?: number;
  found?: number;
  badInputs?: number;
  crashes?: number;
  serverErrors?: number;
}

/** Prints a scenario's figures and, under `npm run reliability`, appends them to the stats file. */
export function recordStats(s: ScenarioStats): void {
  const line = JSON.stringify({ faults: 0, acknowledged: 0, found: 0, badInputs: 0, crashes: 0, serverErrors: 0, ...s });
  process.stdout.write(`# reliability ${line}\n`);
  const file = process.env.HARMWATCH_RELIABILITY_STATS;
  if (file) appendFileSync(file, `${line}\n`);
}

/** A fresh temp folder. */
export function tempDir(prefix = 'hw-rel-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

// ---------------------------------------------------------------------------------------------
// Synthetic inputs: one generator per importer.

const esc = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csvLine = (values: string[]): string => values.map(esc).join(',');
const fixture = (name: string): string => new URL(`../../src/ingest/fixtures/${name}`, import.meta.url).pathname;

/** Header and first data line of a repository fixture, split into cells (fixtures have no quoted commas in the cells we vary). */
function fixtureTemplate(name: string, headerLines = 1): { header: string[]; row: string[] } {
  const lines = readFileSync(fixture(name), 'utf8').split(/\r?\n/);
  const header = lines.slice(0, headerLines);
  const rowLine = lines[headerLines] ?? '';
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < rowLine.length; i++) {
    const ch = rowLine[i];
    if (quoted) {
      if (ch === '"' && rowLine[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cur);
      cur = '';
    } else cur += ch;
  }
  cells.push(cur);
  return { header, row: cells };
}

function replicate(name: string, n: number, headerLines: number, vary: (row: string[], i: number, header: string[]) => void): string {
  const { header, row } = fixtureTemplate(name, headerLines);
  const names = (header[0] ?? '').split(',');
  const out = [...header];
  for (let i = 0; i < n; i++) {
    const r = [...row];
    vary(r, i, names);
    out.push(csvLine(r));
  }
  return `${out.join('\n')}\n`;
}

const set = (r: string[], names: string[], col: string, value: string): void => {
  const i = names.indexOf(col);
  if (i < 0) throw new Error(`no column ${col}`);
  r[i] = value;
};

const isoDay = (i: number): string => new Date(Date.UTC(2017, 0, 1) + (i % 700) * 86_400_000).toISOString().slice(0, 10);

/** One importer under test: how to make its file and the CLI arguments that import it. */
export interface ImporterSpec {
  name: string;
  /** Writes the input into `dir`; returns the CLI arguments after `harmwatch`. */
  prepare(dir: string, n: number): string[];
  /** Rows in the short and long version (enough that an import takes a while). */
  rows: number;
}

/** What every import summary has. */
export interface ImportSummary {
  read: number;
  imported: number;
  unchanged: number;
  updated?: number;
  rejected: unknown[];
}

/**
 * The same import as the CLI arguments `args` (from `ImporterSpec.prepare`), run in this process
 * through the same service the command calls: the clean reference run.
 */
export async function importInProcess(db: Kysely<Database>, args: string[], batchSize: number): Promise<ImportSummary> {
  const [, kind, file, ...rest] = args;
  if (!kind || !file) throw new Error(`bad import arguments ${args.join(' ')}`);
  const opt = (name: string): string | undefined => {
    const i = rest.indexOf(`--${name}`);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const actor = 'test:reliability';
  const dryRun = rest.includes('--dry-run');
  if (kind === 'strikes') return strikeImporter(db, { file, actor, batchSize, dryRun });
  if (kind === 'places') return importPlaceList(db, { file, actor, batchSize, dryRun, source: opt('source') ?? 'reliability-list', country: (opt('country') ?? 'SY') as CountryCode });
  const o: KindOptions = {};
  const mapping = opt('mapping');
  if (mapping) o.mapping = mapping;
  const url = opt('url');
  if (url) o.url = url;
  const published = opt('published-on');
  if (published) o.publishedOn = published;
  return importFile(db, kind as ImportKind, file, { actor, batchSize, dryRun }, o);
}

/** Every importer of `harmwatch import …`, with synthetic inputs. */
export const IMPORTERS: ImporterSpec[] = [
  {
    name: 'strikes', rows: 600,
    prepare: (_dir, n) => ['import', 'strikes', writeReleaseCsv(Array.from({ length: n }, (_, i) => buildReleaseRow(i)))],
  },
  {
    name: 'article', rows: 1,
    prepare: (dir, n) => {
      const paras = Array.from({ length: Math.max(n, 40) }, (_, i) => `On ${isoDay(i)} an air strike hit a house near Hajin; ${(i % 9) + 1} civilians were killed and ${(i % 4) + 2} injured, residents said (item ${i}).`);
      const file = join(dir, 'article.txt');
      writeFileSync(file, `Strikes near Hajin\n\n${paras.join('\n\n')}\n`);
      // The importer alone: linking into incidents is a separate, re-runnable step (`link run`).
      return ['import', 'article', file, '--url', 'https://example.org/reliability/article', '--published-on', '2019-02-01', '--no-link'];
    },
  },
  {
    name: 'airwars', rows: 400,
    prepare: (dir, n) => {
      const lines = [AIRWARS_INCIDENT_COLUMNS.join(',')];
      for (let i = 0; i < n; i++) {
        const id = 50_000 + i;
        const row: Partial<Record<(typeof AIRWARS_INCIDENT_COLUMNS)[number], string>> = {
          code: `CS${id}`, airwars_id: String(id), date: isoDay(i), date_type: 'date', location_en: 'Raqqa', governorate_en: 'Raqqa',
          latitude: (35.9 + (i % 10) / 100).toFixed(4), longitude: '39.01', geoloc_precision: 'neighbourhood_area', belligerent_en: 'U.S.-led Coalition',
          strike_status_en: 'Likely strike', civilian_harm_reported_en: 'Yes', grading_en: 'Fair', civ_killed_min: String(i % 5), civ_killed_max: String((i % 5) + 3),
          belligerent_assessment: 'coalition:non_credible',
        };
        lines.push(csvLine(AIRWARS_INCIDENT_COLUMNS.map((c) => row[c] ?? '')));
      }
      const file = join(dir, 'incidents.csv');
      writeFileSync(file, `${lines.join('\n')}\n`);
      return ['import', 'airwars', file];
    },
  },
  {
    name: 'ucdp', rows: 500,
    prepare: (dir, n) => {
      const file = join(dir, 'ucdp.csv');
      writeFileSync(file, replicate('ucdp-ged-sample.csv', n, 1, (r, i, h) => {
        set(r, h, 'id', String(800_000 + i));
        set(r, h, 'relid', `SYR-REL-${i}`);
        set(r, h, 'best', String((i % 20) + 1));
        set(r, h, 'high', String((i % 20) + 5));
        set(r, h, 'low', String(i % 20 + 1));
      }));
      return ['import', 'ucdp', file];
    },
  },
  {
    name: 'acled', rows: 500,
    prepare: (dir, n) => {
      const file = join(dir, 'acled.csv');
      writeFileSync(file, replicate('acled-sample.csv', n, 1, (r, i, h) => {
        set(r, h, 'event_id_cnty', `SYR7${String(i).padStart(5, '0')}`);
        set(r, h, 'fatalities', String(i % 11));
      }));
      return ['import', 'acled', file];
    },
  },
  {
    name: 'csv', rows: 500,
    prepare: (dir, n) => {
      const file = join(dir, 'generic.csv');
      writeFileSync(file, replicate('generic-sample.csv', n, 1, (r, i, h) => {
        const d = new Date(Date.UTC(2017, 0, 1) + i * 86_400_000);
        set(r, h, 'Date', `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`);
        set(r, h, 'Killed', String((i % 13) + 4));
        set(r, h, 'Notes', `synthetic row ${i}`);
      }));
      return ['import', 'csv', file, '--mapping', fixture('generic-mapping.json')];
    },
  },
  {
    name: 'hxl', rows: 500,
    prepare: (dir, n) => {
      const file = join(dir, 'hxl.csv');
      writeFileSync(file, replicate('hxl-sample.csv', n, 2, (r, i, h) => {
        set(r, h, 'Incident', `HXR-${i}`);
        set(r, h, 'Date', isoDay(i));
        set(r, h, 'Killed', String((i % 7) + 2));
      }));
      return ['import', 'hxl', file];
    },
  },
  {
    name: 'determinations', rows: 500,
    prepare: (dir, n) => {
      const file = join(dir, 'determinations.csv');
      writeFileSync(file, replicate('determinations-sample.csv', n, 1, (r, i, h) => {
        set(r, h, 'case_id', `REL-${i}`);
        set(r, h, 'allegation_date', isoDay(i));
      }));
      return ['import', 'determinations', file];
    },
  },
  {
    name: 'places', rows: 500,
    prepare: (dir, n) => {
      const lines = ['name_en,name_ar,lat,lon,precision'];
      for (let i = 0; i < n; i++) lines.push(csvLine([`Reliability Village ${i}`, `قرية ${i}`, (34.4 + (i % 50) / 100).toFixed(4), (40.8 + Math.floor(i / 50) / 100).toFixed(4), 'village']));
      const file = join(dir, 'places.csv');
      writeFileSync(file, `${lines.join('\n')}\n`);
      return ['import', 'places', file, '--country', 'SY', '--source', 'reliability-list'];
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Database fingerprints.

/** Tables that legitimately differ between a run with kills and a clean run (bookkeeping of attempts). */
const BOOKKEEPING = new Set(['import_runs', 'audit_events', 'audit_head', 'kysely_migration', 'kysely_migration_lock']);

/** Row counts of every data table (bookkeeping tables left out). */
export async function tableCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const k = db as unknown as Kysely<unknown>;
  const out: Record<string, number> = {};
  for (const t of await tablesInDependencyOrder(k)) {
    if (BOOKKEEPING.has(t)) continue;
    const r = (await sql<{ n: string }>`select count(*) as n from ${sql.table(t)}`.execute(k)).rows[0];
    out[t] = Number(r?.n ?? 0);
  }
  return out;
}

/** Identities that must be unique: duplicates found (should be none). */
export async function duplicateIdentities(db: Kysely<Database>): Promise<string[]> {
  const k = db as unknown as Kysely<unknown>;
  const checks: Array<[string, ReturnType<typeof sql>]> = [
    ['declared_strikes.identity_key', sql`select identity_key as k from declared_strikes group by identity_key having count(*) > 1`],
    ['sources(source_key, version)', sql`select source_key || '#' || version as k from sources where source_key is not null group by source_key, version having count(*) > 1`],
    ['sources(source_key, sha256)', sql`select source_key || '#' || sha256 as k from sources where source_key is not null group by source_key, sha256 having count(*) > 1`],
    ['places(source, source_ref)', sql`select source || '#' || source_ref as k from places group by source, source_ref having count(*) > 1`],
  ];
  const out: string[] = [];
  for (const [name, q] of checks) {
    const rows = (await (q as ReturnType<typeof sql<{ k: string }>>).execute(k)).rows;
    for (const r of rows.slice(0, 5)) out.push(`${name}: ${r.k}`);
  }
  return out;
}

/** Counts, duplicate identities and the audit chain, in one look. */
export async function fingerprint(db: Db): Promise<{ counts: Record<string, number>; duplicates: string[]; auditOk: boolean; auditEvents: number }> {
  const audit = await verifyAudit(db.kysely);
  return { counts: await tableCounts(db.kysely), duplicates: await duplicateIdentities(db.kysely), auditOk: audit.ok, auditEvents: audit.checked };
}

// ---------------------------------------------------------------------------------------------
// The HTTP app with every route plugin that exists.

/** Test configuration: loopback, small limits where a test says so. */
export function testConfig(over: Partial<Config> = {}): Config {
  return { ...loadConfig({}), host: '127.0.0.1', port: 0, ...over };
}

/**
 * `buildApp` plus the auth, assessment and submission plugins when src/web/app.ts does not
 * register them yet (once it does, they are not added twice). Every route is then found at run
 * time by `routesOf`, so a new route is covered by the suite without editing it.
 */
export async function buildFullApp(deps: AppDeps, opts: { buckets?: TokenBuckets; bodyTimeout?: boolean } = {}): Promise<FastifyInstance> {
  const app = await buildApp(deps);
  if (opts.bodyTimeout && !app.hasDecorator('bodyTimeoutMs')) bodyTimeout(app, deps.config.requestTimeoutS * 1000);
  const buckets = opts.buckets ?? submissionBuckets();
  if (!app.hasDecorator('routeActions')) await app.register(authPlugin(deps));
  if (!app.hasRoute({ method: 'POST', url: '/api/auth/login' })) await app.register(authRoutes(deps));
  if (!app.hasRoute({ method: 'PATCH', url: '/api/incidents/:id' })) await app.register(assessmentRoutes(deps));
  if (!app.hasRoute({ method: 'POST', url: '/api/submissions' })) await app.register(submissionRoutes(deps, buckets));
  if (!app.hasRoute({ method: 'GET', url: '/submit' })) await app.register(submissionPages(deps, buckets));
  await app.ready();
  return app;
}

/** Every route of an app as [METHOD, path] (HEAD/OPTIONS and wildcards left out). */
export function routesOf(app: FastifyInstance): Array<[string, string]> {
  return listRoutes(app).filter(([, p]) => !p.includes('*'));
}

/** Fills `:param`s of a route path with `value` (URL-encoded). */
export function fillPath(path: string, value: (param: string) => string): string {
  return path.replace(/:([A-Za-z_]\w*)/g, (_m, name: string) => encode(value(name)));
}

/** encodeURIComponent that takes lone surrogates too (as U+FFFD, what a client would send). */
export function encode(s: string): string {
  return encodeURIComponent(s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
}

/** A small bounded-concurrency pool: runs `fn` over `items`, at most `n` at a time. */
export async function pool<T>(items: T[], n: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(n, items.length) }, async () => {
    for (;;) {
      const i = next++;
      if (i >= items.length) return;
      await fn(items[i], i);
    }
  });
  await Promise.all(workers);
}

let migratedFolder: Promise<string> | null = null;

/**
 * `createCliTarget()`, but a PGlite folder starts already migrated (a copy of one migrated folder
 * per test process), so a child's first seconds are not all migration.
 */
export async function seededCliTarget(): Promise<CliTarget> {
  const target = await createCliTarget();
  const dir = target.env.HARMWATCH_DATA_DIR;
  if (process.env.DATABASE_URL || !dir) return target;
  migratedFolder ??= (async () => {
    const d = tempDir('hw-migrated-');
    const db = await openPglite(d);
    await db.close();
    return d;
  })();
  cpSync(await migratedFolder, dir, { recursive: true });
  return target;
}

/** Starts test/reliability/server-child.ts on a target; resolves with its port once listening. */
export function startServer(target: CliTarget, extraEnv: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; port: number; stderr: () => string }> {
  return new Promise((resolve, reject) => {
    const script = new URL('./server-child.ts', import.meta.url).pathname;
    const child = spawn(process.execPath, ['--import', 'tsx', script], { env: { ...target.env, HARMWATCH_TEST_SUBMISSION_CAPACITY: '100000', HARMWATCH_API_RATE: '1000000', ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start: ${err}`));
    }, 60_000);
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /\{"port":(\d+)\}/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]), stderr: () => err });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!/\{"port":/.test(out)) reject(new Error(`server exited ${code}: ${err}`));
    });
  });
}

/** Resolves when a child process has exited. */
export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}


let nextAddress = 0;

/**
 * POSTs JSON from a rotating loopback source address (127.0.0.2 … 127.0.0.251), so the per-address
 * submission limit (5 at once) does not cap a load test; each address still sees the real limit.
 */
export function postFromLoopback(port: number, path: string, body: unknown, timeoutMs = 60_000): Promise<{ status: number; text: string }> {
  const localAddress = `127.0.0.${2 + (nextAddress++ % 250)}`;
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', localAddress, timeout: timeoutMs, headers: { 'content-type': 'application/json', 'content-length': String(payload.length) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(payload);
  });
}
