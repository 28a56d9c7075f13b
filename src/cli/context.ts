import { userInfo } from 'node:os';
import { loadConfig, type Config } from '../config.ts';
import { openDatabase, type Db } from '../db/connect.ts';

/** Who a CLI command acts as, for the audit trail: `--actor`, HARMWATCH_ACTOR, or cli:<login>. */
export function cliActor(explicit?: string): string {
  if (explicit?.trim()) return explicit.trim();
  if (process.env.HARMWATCH_ACTOR?.trim()) return process.env.HARMWATCH_ACTOR.trim();
  let login = 'unknown';
  try {
    login = userInfo().username;
  } catch {
    // no passwd entry (containers)
  }
  return `cli:${login}`;
}

/** Opens the configured database for one command and always closes it (releasing the lock). */
export async function withDb<T>(fn: (db: Db, config: Config) => Promise<T>, opts: { migrate?: boolean } = {}): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase(config, opts);
  try {
    return await fn(db, config);
  } finally {
    await db.close();
  }
}
