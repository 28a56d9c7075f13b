import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { createTestDb } from '../db/testing.ts';
import { buildApp } from './app.ts';

/** An app on a fresh test database, for in-process requests with `app.inject()` (no port). */
export async function createTestApp(): Promise<{ app: FastifyInstance; db: Db; close: () => Promise<void> }> {
  const db = await createTestDb();
  const config = { ...loadConfig({}), bodyLimit: 1024 * 1024 };
  const app = await buildApp({ db, config, startedAt: new Date() });
  return {
    app,
    db,
    async close() {
      await app.close();
      await db.close();
    },
  };
}
