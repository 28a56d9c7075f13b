import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';

/** What the HTTP layer is built from. */
export interface AppDeps {
  db: Db;
  config: Config;
  startedAt: Date;
}
