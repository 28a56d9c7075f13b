import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

/** The repository root (the folder holding package.json). */
export const REPO_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/**
 * Path of a file in the shared real-data folder (`../shared/data` beside the checkout, or
 * `HARMWATCH_SHARED_DATA`), or `null` when it is absent. Tests and evaluations that need it
 * skip with a visible message when this returns null; nothing from it is copied into the repo.
 *
 * @example
 *   const csv = sharedDataPath('strikes', 'cjtf-oir-releases-raw.csv');
 *   if (!csv) { t.skip(SHARED_DATA_ABSENT); return; }
 */
export function sharedDataPath(...parts: string[]): string | null {
  const base = process.env.HARMWATCH_SHARED_DATA ?? join(REPO_ROOT, '..', 'shared', 'data');
  const p = join(base, ...parts);
  return existsSync(p) ? p : null;
}

export const SHARED_DATA_ABSENT = 'skipped: ../shared/data is absent on this machine (set HARMWATCH_SHARED_DATA to point at it)';

/** Path of a file vendored in the repository (open reference data with attribution in NOTICE). */
export function vendorPath(...parts: string[]): string {
  return join(REPO_ROOT, 'vendor', ...parts);
}
