import type { Kysely } from 'kysely';
import type { AuditEventRow, Database } from '../db/types.ts';
import type { Tx } from './context.ts';

/** Typed queries over the append-only audit tables. */
export const auditRepository = {
  /** Locks and reads the chain head; writers queue here, so the chain has one order. */
  async lockHead(tx: Tx): Promise<{ seq: number; hash: string }> {
    const head = await tx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).forUpdate().executeTakeFirstOrThrow();
    return { seq: Number(head.seq), hash: head.hash };
  },

  async insert(tx: Tx, row: {
    seq: number; at: Date; actor: string; action: string; target_type: string; target_id: string | null;
    before: string | null; after: string | null; reason: string; visibility: string; prev_hash: string; hash: string;
  }): Promise<void> {
    await tx.insertInto('audit_events').values(row).execute();
    await tx.updateTable('audit_head').set({ seq: row.seq, hash: row.hash }).where('id', '=', 1).execute();
  },

  async head(db: Kysely<Database>): Promise<{ seq: number; hash: string }> {
    const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
    return { seq: Number(head.seq), hash: head.hash };
  },

  /** Events after `afterSeq` in chain order, a page at a time. */
  async page(db: Kysely<Database>, afterSeq: number, limit: number): Promise<AuditEventRow[]> {
    return db.selectFrom('audit_events').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
  },

  /** Events about one target, oldest first. */
  async forTarget(db: Kysely<Database>, targetType: string, targetId: string, publicOnly: boolean): Promise<AuditEventRow[]> {
    let q = db.selectFrom('audit_events').selectAll().where('target_type', '=', targetType).where('target_id', '=', targetId);
    if (publicOnly) q = q.where('visibility', '=', 'public');
    return q.orderBy('seq').execute();
  },

  async count(db: Kysely<Database>): Promise<number> {
    const r = await db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  },
};
