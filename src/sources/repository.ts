/** Typed queries of one source document and its versions (the read side of `sources`). */
import type { Kysely, Selectable } from 'kysely';
import type { ClaimsTable, Database, SourceRow } from '../db/types.ts';

/** The columns a source view reads (never the raw bytes: only their length). */
const SOURCE_COLUMNS = [
  'id', 'source_key', 'version', 'supersedes_id', 'type', 'title', 'publisher', 'url', 'language', 'published_on', 'captured_at', 'sha256',
  'media_type', 'text', 'clean_text', 'dataset', 'dataset_row', 'file_sha256', 'proximity', 'visibility', 'status',
] as const;

export type SourceRecord = Pick<SourceRow, (typeof SOURCE_COLUMNS)[number]> & { bytes: number | null };

export type SourceClaimRow = Selectable<ClaimsTable> & { incident_public_id: string | null; incident_status: string | null };

export const sourceRepository = {
  async byId(db: Kysely<Database>, id: number): Promise<SourceRecord | undefined> {
    const row = await db.selectFrom('sources')
      .select(SOURCE_COLUMNS)
      .select((eb) => eb.fn<number | null>('octet_length', ['content']).as('bytes'))
      .where('id', '=', id).executeTakeFirst();
    return row ? { ...row, id: Number(row.id), captured_at: new Date(row.captured_at), bytes: row.bytes == null ? null : Number(row.bytes) } : undefined;
  },

  /** Every version of a source key, oldest first. */
  async versions(db: Kysely<Database>, key: string): Promise<Array<{ id: number; version: number; sha256: string; captured_at: Date; visibility: string; status: string }>> {
    const rows = await db.selectFrom('sources').select(['id', 'version', 'sha256', 'captured_at', 'visibility', 'status']).where('source_key', '=', key).orderBy('version').execute();
    return rows.map((r) => ({ ...r, id: Number(r.id), captured_at: new Date(r.captured_at) }));
  },

  /** All claims of a source version, in text order, with their incident's public id and status. */
  async claims(db: Kysely<Database>, sourceId: number): Promise<SourceClaimRow[]> {
    return db.selectFrom('claims').leftJoin('incidents', 'incidents.id', 'claims.incident_id')
      .selectAll('claims').select(['incidents.public_id as incident_public_id', 'incidents.status as incident_status'])
      .where('claims.source_id', '=', sourceId).orderBy('claims.span_start').orderBy('claims.id').execute();
  },
};
