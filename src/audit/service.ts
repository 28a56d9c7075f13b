import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { assertWriteContext, type WriteContext } from './context.ts';
import { canonicalJson, eventHash, GENESIS_HASH, stripNul, type HashedEventBody } from './hash.ts';
import { auditRepository } from './repository.ts';

export interface AuditChange {
  /** Verb in the past tense, dotted by context: 'strikes.imported', 'incident.graded'. */
  action: string;
  targetType: string;
  targetId?: string | number | null;
  before?: unknown;
  after?: unknown;
  /** 'public' events appear in an incident's public changelog; everything is in the full trail. */
  visibility?: 'public' | 'internal';
}

/** Re-reads a value the way jsonb will give it back (NUL replaced, undefined dropped). */
function normaliseJson(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(canonicalJson(value)) as unknown;
}

/**
 * Appends one audit event in the caller's transaction, chained to the previous one by hash.
 * Returns the event's sequence number.
 *
 * @example
 *   await db.kysely.transaction().execute(async (tx) => {
 *     const ctx = { actor: 'cli:alice', reason: 'import of releases', tx };
 *     await recordAudit(ctx, { action: 'strikes.imported', targetType: 'declared_strike', after: { ids } });
 *   });
 */
export async function recordAudit(ctx: WriteContext, change: AuditChange): Promise<number> {
  assertWriteContext(ctx);
  const head = await auditRepository.lockHead(ctx.tx);
  const seq = head.seq + 1;
  const at = new Date();
  const before = normaliseJson(change.before);
  const after = normaliseJson(change.after);
  const body: HashedEventBody = {
    seq,
    at: at.toISOString(),
    actor: stripNul(ctx.actor),
    action: change.action,
    targetType: change.targetType,
    targetId: change.targetId == null ? null : String(change.targetId),
    before,
    after,
    reason: stripNul(ctx.reason),
    visibility: change.visibility ?? 'internal',
  };
  const hash = eventHash(head.hash, body);
  await auditRepository.insert(ctx.tx, {
    seq,
    at,
    actor: body.actor,
    action: body.action,
    target_type: body.targetType,
    target_id: body.targetId,
    before: before === null ? null : JSON.stringify(before),
    after: after === null ? null : JSON.stringify(after),
    reason: body.reason,
    visibility: body.visibility,
    prev_hash: head.hash,
    hash,
  });
  return seq;
}

export type AuditProblem = 'changed' | 'removed' | 'reordered' | 'head_mismatch';

export interface AuditVerification {
  ok: boolean;
  checked: number;
  headSeq: number;
  /** The first event found changed, removed or reordered, when not ok. */
  firstBad?: { seq: number; problem: AuditProblem; detail: string };
}

/**
 * Walks the chain from the start and recomputes every hash. Reports the first event that was
 * changed (its hash no longer matches its content), removed (a gap in the sequence, or the chain
 * ends before the head) or reordered (its previous-hash link points elsewhere).
 */
export async function verifyAudit(db: Kysely<Database>, pageSize = 2000): Promise<AuditVerification> {
  const head = await auditRepository.head(db);
  let prevHash = GENESIS_HASH;
  let prevSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await auditRepository.page(db, prevSeq, pageSize);
    if (rows.length === 0) break;
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== prevSeq + 1) {
        return { ok: false, checked, headSeq: head.seq, firstBad: { seq: prevSeq + 1, problem: 'removed', detail: `events ${prevSeq + 1}–${seq - 1} are missing` } };
      }
      if (r.prev_hash !== prevHash) {
        return { ok: false, checked, headSeq: head.seq, firstBad: { seq, problem: 'reordered', detail: `event ${seq} does not follow event ${prevSeq}` } };
      }
      const body: HashedEventBody = {
        seq,
        at: new Date(r.at).toISOString(),
        actor: r.actor,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        before: r.before ?? null,
        after: r.after ?? null,
        reason: r.reason,
        visibility: r.visibility,
      };
      if (eventHash(r.prev_hash, body) !== r.hash) {
        return { ok: false, checked, headSeq: head.seq, firstBad: { seq, problem: 'changed', detail: `event ${seq} (${r.action}) does not match its hash` } };
      }
      prevHash = r.hash;
      prevSeq = seq;
      checked++;
    }
  }
  if (prevSeq !== head.seq || prevHash !== head.hash) {
    const problem: AuditProblem = prevSeq < head.seq ? 'removed' : 'head_mismatch';
    return { ok: false, checked, headSeq: head.seq, firstBad: { seq: prevSeq + 1, problem, detail: `chain ends at ${prevSeq} but its head is at ${head.seq}` } };
  }
  return { ok: true, checked, headSeq: head.seq };
}
