/**
 * Test helpers for the auth, assessment and submission contexts: the app with their plugins
 * registered the way src/web/app.ts should (auth first), users with cheap password hashes,
 * sign-in, and in-process CLI runs on the test database.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Command } from 'commander';
import { sql } from 'kysely';
import { loadConfig } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { createTestDb } from '../db/testing.ts';
import { buildApp } from '../web/app.ts';
import type { AppDeps } from '../web/deps.ts';
import { register as registerAssessmentCli } from '../assessment/cli.ts';
import { register as registerSubmissionCli } from '../submissions/cli.ts';
import { register as registerUserCli, type DbRunner } from './cli.ts';
import { SESSION_COOKIE } from './plugin.ts';
import { createUser, type UserRole } from './service.ts';
import type { UserRow } from './repository.ts';
import type { Permission } from './policies.ts';
import type { TokenBuckets } from '../submissions/limits.ts';

/** Cheap scrypt cost for test users (verification reads the cost from the stored hash). */
export const TEST_SCRYPT = { logN: 10, r: 8, p: 1 } as const;
export const TEST_PASSWORD = 'correct horse battery staple';

export interface WorkflowApp {
  app: FastifyInstance;
  db: Db;
  deps: AppDeps;
  close: () => Promise<void>;
}

/** The app plus this plugins, on a fresh test database. */
export async function createWorkflowApp(opts: { buckets?: TokenBuckets } = {}): Promise<WorkflowApp> {
  const db = await createTestDb();
  const deps: AppDeps = {
    db, config: { ...loadConfig({}), bodyLimit: 8 * 1024 * 1024 }, startedAt: new Date(), ...(opts.buckets ? { submissionBuckets: opts.buckets } : {}),
  };
  const app = await buildApp(deps);
  await app.ready();
  return { app, db, deps, async close() { await app.close(); await db.close(); } };
}

/** Adds a user with the test password. */
export async function makeUser(db: Db, username: string, role: UserRole, displayName: string | null = null): Promise<UserRow> {
  return createUser(db.kysely, 'test', { username, role, password: TEST_PASSWORD, displayName, scrypt: TEST_SCRYPT }, 'test user');
}

/** A signed-in session: the cookie header and CSRF token to send. */
export interface Session {
  cookie: string;
  csrf: string;
  token: string;
}

export async function signIn(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Session> {
  const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (r.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${r.statusCode} ${r.body}`);
  const c = r.cookies.find((x) => x.name === SESSION_COOKIE);
  if (!c) throw new Error('no session cookie');
  return { cookie: `${SESSION_COOKIE}=${c.value}`, csrf: r.json<{ data: { csrfToken: string } }>().data.csrfToken, token: c.value };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A request as a signed-in user (cookie + CSRF header) or anonymously (`null`). */
export async function call(app: FastifyInstance, s: Session | null, method: Method, url: string, payload?: unknown): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (s) {
    headers.cookie = s.cookie;
    headers['x-csrf-token'] = s.csrf;
  }
  return app.inject({ method, url, headers, ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}) });
}

/** Runs `harmwatch <args…> --json` in-process on the test database; returns the exit code and parsed output. */
export async function runCli(db: Db, args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: unknown }> {
  const run: DbRunner = (fn) => fn(db);
  const program = new Command('harmwatch').exitOverride();
  registerUserCli(program, run);
  registerAssessmentCli(program, run);
  registerSubmissionCli(program, run);
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  // Capture only the command's own JSON (one string write); the test reporter's output passes through.
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    if (typeof chunk === 'string' && /^[[{]/.test(chunk)) {
      chunks.push(chunk);
      const done = rest.find((x): x is () => void => typeof x === 'function');
      if (done) done();
      return true;
    }
    return (write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
  });
  try {
    await program.parseAsync([...args, '--json'], { from: 'user' });
  } finally {
    process.stdout.write = write;
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  const code = typeof process.exitCode === 'number' ? process.exitCode : 0;
  process.exitCode = 0;
  const text = chunks.join('');
  return { code, out: text.trim() ? (JSON.parse(text) as unknown) : null };
}

/** Every route of the app as [METHOD, path], from `printRoutes` (HEAD and OPTIONS left out). */
export function listRoutes(app: FastifyInstance): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([\s│]*)[└├]── (.+?) \(([A-Z, ]+)\)$/.exec(line);
    if (!m) continue;
    const depth = m[1].length / 4;
    stack.length = depth;
    const parent = depth === 0 ? '' : stack[depth - 1];
    const path = depth === 0 ? m[2] : parent === '/' ? `/${m[2]}` : `${parent}${m[2]}`;
    stack[depth] = path;
    for (const method of m[3].split(', ')) if (method !== 'HEAD' && method !== 'OPTIONS') out.push([method, path]);
  }
  return out;
}

/**
 * The registered permission of a listed route. A `printRoutes` segment may merge parameters of
 * different names at one position (`:id|:publicId`); each spelling is tried.
 */
export function routeAction(app: FastifyInstance, method: string, path: string): Permission | null {
  let variants = [''];
  for (const part of path.split(/(?=\/)/)) {
    const alts = part.includes('|') ? part.split('|').map((a, i) => (i === 0 ? a : `/${a}`)) : [part];
    variants = variants.flatMap((v) => alts.map((a) => v + a));
  }
  for (const v of variants) {
    const a = app.routeActions.get(`${method} ${v}`);
    if (a !== undefined) return a;
  }
  return null;
}

/** A published incident straight in the database (test factory), with one assessment. */
export async function makePublishedIncident(db: Db, over: { summary?: string; notes?: string } = {}): Promise<string> {
  return db.kysely.transaction().execute(async (tx) => {
    const r = await tx.insertInto('incidents').values({
      public_id: sqlPublicId(), title: 'Published incident', summary: over.summary ?? 'An airstrike', status: 'published', grade: 'weak', grade_status: 'approved',
      notes: over.notes ?? null, country: 'SY', date_start: '2017-05-01', date_end: '2017-05-01', date_precision: 'day', belligerents: ['coalition'],
    }).returning(['id', 'public_id']).executeTakeFirstOrThrow();
    await tx.insertInto('assessments').values({ incident_id: r.id, belligerent: 'coalition', status: 'open', reason: 'no reason given', reason_given: false, version: 1 }).execute();
    const a = await tx.selectFrom('assessments').select('id').where('incident_id', '=', r.id).executeTakeFirstOrThrow();
    await tx.insertInto('assessment_history').values({ assessment_id: a.id, version: 1, status: 'open', reason: 'no reason given', reason_given: false, recorded_by: 'test', change_reason: 'factory' }).execute();
    return r.public_id;
  });
}

function sqlPublicId() {
  return sql<string>`'HW-' || lpad(nextval('incident_public_seq')::text, 6, '0')`;
}
