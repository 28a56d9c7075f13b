/**
 * Scheduled backups (`harmwatch db backup-rotate <dir> --keep N`, for cron): writes a new
 * generation, keeps the newest N, and checks every kept generation by restoring it into a scratch
 * in-memory database and verifying its audit chain. A backup that was never restored is a hope,
 * not a backup; this turns each one into a tested fact, every night.
 */
import { existsSync, mkdirSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { verifyAudit } from '../audit/service.ts';
import { inputError } from '../errors.ts';
import { backupDatabase, restoreDatabase } from './backup.ts';
import { openPglite } from './connect.ts';
import type { Database } from './types.ts';

/** File names of generations: `harmwatch-<UTC timestamp>.backup`, sortable by name. */
export const GENERATION = /^harmwatch-(\d{8}T\d{6}\d{3}Z)(?:-(\d+))?\.backup$/;

/** What was found on checking one kept generation. */
export interface GenerationCheck {
  file: string;
  ok: boolean;
  /** Rows restored into the scratch database. */
  rows: number;
  /** Audit events that verified in it. */
  auditEvents: number;
  /** Why it failed, when it failed. */
  error?: string;
}

export interface RotateResult {
  dir: string;
  /** The generation written by this run. */
  written: string;
  keep: number;
  /** The kept generations, newest first, each checked. */
  generations: GenerationCheck[];
  /** Generations (and leftovers of interrupted backups) removed. */
  removed: string[];
  ok: boolean;
}

export interface RotateOptions {
  keep: number;
  now?: Date;
  /** Called as each generation is checked. */
  onCheck?: (check: GenerationCheck) => void;
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:.]/g, '').replace(/(\d{6})(\d{3})Z$/, '$1$2Z');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Restores one backup file into a scratch in-memory database and verifies its audit chain. */
export async function checkGeneration(file: string): Promise<GenerationCheck> {
  const name = file.split('/').pop() ?? file;
  let scratch;
  try {
    scratch = await openPglite(null, { migrate: true });
    const restored = await restoreDatabase(scratch.kysely, file);
    const audit = await verifyAudit(scratch.kysely);
    if (!audit.ok) {
      return { file: name, ok: false, rows: restored.rows, auditEvents: audit.checked, error: `audit chain does not verify: ${audit.firstBad?.problem} at event ${audit.firstBad?.seq}` };
    }
    return { file: name, ok: true, rows: restored.rows, auditEvents: audit.checked };
  } catch (err) {
    return { file: name, ok: false, rows: 0, auditEvents: 0, error: (err as Error).message };
  } finally {
    await scratch?.close();
  }
}

/** Writes a new generation into `dir`, keeps the newest `keep`, checks each kept one (see module doc). */
export async function rotateBackups(db: Kysely<Database>, dir: string, opts: RotateOptions): Promise<RotateResult> {
  if (!Number.isInteger(opts.keep) || opts.keep < 1) throw inputError('INPUT_INVALID', '--keep must be a whole number of at least 1', { field: 'keep', value: String(opts.keep) });
  mkdirSync(dir, { recursive: true });
  const base = `harmwatch-${stamp(opts.now ?? new Date())}`;
  let written = `${base}.backup`;
  for (let i = 1; existsSync(join(dir, written)); i++) written = `${base}-${i}.backup`;
  await backupDatabase(db, join(dir, written));

  const removed: string[] = [];
  const names = readdirSync(dir);
  // Leftovers of interrupted backups whose process is gone.
  for (const f of names) {
    const m = /\.partial-(\d+)$/.exec(f);
    if (m && GENERATION.test(f.slice(0, f.lastIndexOf('.partial-'))) && !isAlive(Number(m[1]))) {
      unlinkSync(join(dir, f));
      removed.push(f);
    }
  }
  const generations = names.filter((f) => GENERATION.test(f)).sort().reverse();
  for (const f of generations.slice(opts.keep)) {
    unlinkSync(join(dir, f));
    removed.push(f);
  }
  const checks: GenerationCheck[] = [];
  for (const f of generations.slice(0, opts.keep)) {
    const c = await checkGeneration(join(dir, f));
    opts.onCheck?.(c);
    checks.push(c);
  }
  return { dir, written, keep: opts.keep, generations: checks, removed, ok: checks.every((c) => c.ok) };
}
