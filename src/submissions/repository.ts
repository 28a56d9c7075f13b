/** Typed queries of public submissions and the intake queue. */
import type { Insertable, Kysely } from 'kysely';
import type { Tx } from '../audit/context.ts';
import type { Database, SourcesTable } from '../db/types.ts';

type Conn = Tx | Kysely<Database>;

export interface IntakeRow {
  id: number;
  source_key: string;
  text: string | null;
  language: string | null;
  sha256: string;
  captured_at: Date;
  attributes: Record<string, unknown>;
  reference_code: string | null;
  has_contact: boolean;
}

export const submissionRepository = {
  async insertSource(tx: Tx, row: Insertable<SourcesTable>): Promise<number> {
    return (await tx.insertInto('sources').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },

  async insertContact(tx: Tx, row: { source_id: number; reference_code: string; contact_email: string | null; submitter_name: string | null; ip_hash: string | null }): Promise<void> {
    await tx.insertInto('submission_contacts').values(row).execute();
  },

  /** Unverified public submissions (the main text of each, not its attachments), oldest first. */
  async intake(db: Conn, limit: number): Promise<IntakeRow[]> {
    return db.selectFrom('sources as s')
      .leftJoin('submission_contacts as c', 'c.source_id', 's.id')
      .select(['s.id', 's.source_key', 's.text', 's.language', 's.sha256', 's.captured_at', 's.attributes', 'c.reference_code'])
      .select((eb) => eb.or([eb('c.contact_email', 'is not', null), eb('c.submitter_name', 'is not', null)]).as('has_contact'))
      .where('s.type', '=', 'public_submission').where('s.status', '=', 'unverified').where('s.source_key', 'not like', '%:attachment:%')
      .orderBy('s.id').limit(limit).execute() as Promise<IntakeRow[]>;
  },

  async attachmentsOf(db: Conn, sourceKeys: string[]): Promise<Array<{ id: number; source_key: string; title: string | null; media_type: string | null; sha256: string; bytes: number }>> {
    if (!sourceKeys.length) return [];
    return db.selectFrom('sources')
      .select(['id', 'source_key', 'title', 'media_type', 'sha256'])
      .select((eb) => eb.fn.coalesce(eb.fn<number>('octet_length', ['content']), eb.val(0)).as('bytes'))
      .where((eb) => eb.or(sourceKeys.map((k) => eb('source_key', 'like', `${k.replace(/[\\%_]/g, (c) => `\\${c}`)}:attachment:%`))))
      .orderBy('id').execute();
  },

  async sourceForUpdate(tx: Tx, id: number): Promise<{ id: number; source_key: string; type: string; status: string; visibility: string } | undefined> {
    return tx.selectFrom('sources').select(['id', 'source_key', 'type', 'status', 'visibility']).where('id', '=', id).forUpdate().executeTakeFirst();
  },

  /** Sets status and visibility of a submission and its attachments. */
  async decide(tx: Tx, sourceKey: string, status: 'accepted' | 'rejected', visibility: 'public' | 'restricted'): Promise<number> {
    const r = await tx.updateTable('sources').set({ status, visibility })
      .where((eb) => eb.or([eb('source_key', '=', sourceKey), eb('source_key', 'like', `${sourceKey.replace(/[\\%_]/g, (c) => `\\${c}`)}:attachment:%`)]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },
};
