import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { loadConfig } from '../config.ts';
import { HarmwatchError } from '../errors.ts';
import { openPglite } from './connect.ts';

test('PGlite buffer cache: HARMWATCH_PGLITE_SHARED_BUFFERS is validated and applied', async () => {
  assert.equal(loadConfig({ HARMWATCH_PGLITE_SHARED_BUFFERS: '32MB' }).pgliteSharedBuffers, '32MB');
  assert.equal(loadConfig({}).pgliteSharedBuffers, undefined);
  assert.throws(() => loadConfig({ HARMWATCH_PGLITE_SHARED_BUFFERS: 'lots' }), (e: unknown) => !(e instanceof HarmwatchError) && /32MB/.test(String(e)));
  const db = await openPglite(null, { sharedBuffers: '16MB', migrate: false });
  try {
    const r = await sql<{ shared_buffers: string }>`show shared_buffers`.execute(db.kysely);
    assert.equal(r.rows[0].shared_buffers, '16MB');
  } finally {
    await db.close();
  }
});
