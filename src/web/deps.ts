import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import type { TokenBuckets } from '../submissions/limits.ts';

/** What the HTTP layer is built from. */
export interface AppDeps {
  db: Db;
  config: Config;
  startedAt: Date;
  /** Rate-limit state of public submissions (tests pass their own). */
  submissionBuckets?: TokenBuckets;
}
