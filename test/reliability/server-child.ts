/**
 * A harmwatch server for the reliability tests, run as a child process (`node --import tsx
 * test/reliability/server-child.ts`): like `harmwatch serve`, but with every route plugin that
 * exists (test/reliability/harness.ts `buildFullApp`), always on 127.0.0.1 and a free port, and
 * submission buckets wide enough for a load test (HARMWATCH_TEST_SUBMISSION_CAPACITY). Prints
 * `{"port":…}` once listening. Stops by itself after HARMWATCH_TEST_MAX_S seconds (default 120).
 */
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/connect.ts';
import { TokenBuckets } from '../../src/submissions/limits.ts';
import { buildFullApp } from './harness.ts';

const config = { ...loadConfig(), host: '127.0.0.1', port: 0 };
const db = await openDatabase(config);
const capacity = Number(process.env.HARMWATCH_TEST_SUBMISSION_CAPACITY ?? 0);
const app = await buildFullApp({ db, config, startedAt: new Date() }, capacity > 0 ? { buckets: new TokenBuckets(capacity, capacity / 1000) } : {});
await app.listen({ host: '127.0.0.1', port: 0 });
const addr = app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof addr === 'object' && addr ? addr.port : 0 })}\n`);
const stop = async (): Promise<void> => {
  await app.close();
  await db.close();
  process.exit(0);
};
const limit = setTimeout(() => void stop(), Number(process.env.HARMWATCH_TEST_MAX_S ?? 120) * 1000);
limit.unref();
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
