import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

/** Bookkeeping of import runs: started, finished or failed, with their counts. */
export const importRunRepository = {
  async start(db: Kysely<Database>, run: { kind: string; file_name: string; file_sha256: string; actor: string }): Promise<number> {
    const r = await db.insertInto('import_runs').values(run).returning('id').executeTakeFirstOrThrow();
    return r.id;
  },
  async finish(
    db: Kysely<Database>,
    id: number,
    c: { read: number; imported: number; unchanged: number; updated: number; rejected: number; status: 'finished' | 'failed' },
  ): Promise<void> {
    await db
      .updateTable('import_runs')
      .set({ read: c.read, imported: c.imported, unchanged: c.unchanged, updated: c.updated, rejected: c.rejected, status: c.status, finished_at: new Date() })
      .where('id', '=', id)
      .execute();
  },
};
