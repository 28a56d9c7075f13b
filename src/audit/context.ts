import type { Transaction } from 'kysely';
import type { Database } from '../db/types.ts';
import { reasonRequired } from '../errors.ts';

/** A database transaction over harmwatch's tables. */
export type Tx = Transaction<Database>;

/**
 * What every write takes: who does it, why, and the transaction the change and its audit event
 * share. Missing actor or reason is a hard error.
 */
export interface WriteContext {
  actor: string;
  reason: string;
  tx: Tx;
}

/** Checks a write context before any change is made. */
export function assertWriteContext(ctx: WriteContext): void {
  if (!ctx.actor || !ctx.actor.trim()) throw new Error('write without an actor');
  if (!ctx.reason || !ctx.reason.trim()) throw reasonRequired();
  if (!ctx.tx) throw new Error('write without a transaction');
}
