import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

let seq = 0;

/** Inserts an incident (published unless told otherwise) and returns its ids. */
export async function createIncident(db: Kysely<Database>, over: { status?: string; date?: string } = {}): Promise<{ id: number; publicId: string }> {
  seq++;
  const publicId = `HW-T${process.pid}-${seq}-${Math.floor(Math.random() * 1e6)}`;
  const r = await db.insertInto('incidents').values({
    public_id: publicId, title: `test incident ${seq}`, date_start: over.date ?? '2017-03-17', country: 'IQ', status: over.status ?? 'published',
  }).returning('id').executeTakeFirstOrThrow();
  return { id: r.id, publicId };
}

/** Inserts a source (a news article by default) and returns its id. */
export async function createSource(db: Kysely<Database>, over: { type?: string; title?: string } = {}): Promise<number> {
  seq++;
  const r = await db.insertInto('sources').values({
    source_key: `test-source-${process.pid}-${seq}`, type: over.type ?? 'news_article', title: over.title ?? `source ${seq}`, captured_at: new Date(),
    sha256: `${seq}`.padStart(64, '0'),
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

const q = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Writes a CSV (header from the first row's keys) to a fresh temp folder; returns its path. */
export function writeCsv(rows: Array<Record<string, string>>, name = 'list.csv'): string {
  const cols = Object.keys(rows[0] ?? { name: '' });
  const text = [cols.join(','), ...rows.map((r) => cols.map((c) => q(r[c] ?? '')).join(','))].join('\n') + '\n';
  const dir = mkdtempSync(join(tmpdir(), 'hw-victims-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
