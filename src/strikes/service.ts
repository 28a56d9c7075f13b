import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { HarmwatchError } from '../errors.ts';
import { presentStrike, type StrikeJson } from './presenters.ts';
import { strikeRepository, type StrikeTotals } from './repository.ts';

export interface StrikeListInput {
  from?: string | undefined;
  to?: string | undefined;
  country?: 'IQ' | 'SY' | undefined;
  place?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

export function encodeCursor(date: string, id: number): string {
  return Buffer.from(`${date}|${id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { date: string; id: number } {
  const [date, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !id || !/^\d+$/.test(id)) {
    throw new HarmwatchError('INPUT_INVALID', 'cursor is not one this server gave out', { field: 'cursor' });
  }
  return { date, id: Number(id) };
}

/** One page of declared strikes, newest first, with the totals of everything matching. */
export async function listStrikes(db: Kysely<Database>, q: StrikeListInput): Promise<{ rows: StrikeJson[]; next: string | null; totals: StrikeTotals }> {
  const filter = { from: q.from, to: q.to, country: q.country, place: q.place };
  const rows = await strikeRepository.list(db, { ...filter, ...(q.cursor ? { after: decodeCursor(q.cursor) } : {}), limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const next = rows.length > q.limit && last ? encodeCursor(last.release_date, last.id) : null;
  const totals = await strikeRepository.totals(db, filter);
  return { rows: page.map(presentStrike), next, totals };
}
