import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Tx } from '../audit/context.ts';
import type { Database, VictimListRecordsTable } from '../db/types.ts';

type Q = Tx | Kysely<Database>;

/** Typed queries over capture lists of victims and their records; one method per query. */
export const listRepository = {
  async bySlug(db: Q, slug: string): Promise<{ id: number; kind: string } | undefined> {
    return db.selectFrom('capture_lists').select(['id', 'kind']).where('slug', '=', slug).executeTakeFirst();
  },

  async createList(tx: Tx, l: { slug: string; name: string; kind: 'victims' }): Promise<number> {
    return (await tx.insertInto('capture_lists').values(l).returning('id').executeTakeFirstOrThrow()).id;
  },

  async incidentId(db: Q, publicId: string): Promise<number | undefined> {
    return (await db.selectFrom('incidents').select('id').where('public_id', '=', publicId).executeTakeFirst())?.id;
  },

  async recordsByIdentity(db: Q, listId: number, keys: string[]): Promise<Array<Selectable<VictimListRecordsTable>>> {
    if (keys.length === 0) return [];
    return db.selectFrom('victim_list_records').selectAll().where('list_id', '=', listId).where('identity_key', 'in', keys).execute();
  },

  async insertRecord(tx: Tx, r: Insertable<VictimListRecordsTable>): Promise<number> {
    return (await tx.insertInto('victim_list_records').values(r).returning('id').executeTakeFirstOrThrow()).id;
  },

  async updateRecord(tx: Tx, id: number, set: { content_sha256: string; version: number; fields: string; row_number: number; source_id: number; file_sha256: string }): Promise<void> {
    await tx.updateTable('victim_list_records').set({ ...set, updated_at: new Date() }).where('id', '=', id).execute();
  },

  async addMembership(tx: Tx, listId: number, victimId: number, ref: string | null): Promise<void> {
    await tx.insertInto('list_memberships').values({ list_id: listId, record_kind: 'victim', record_id: victimId, external_ref: ref })
      .onConflict((oc) => oc.columns(['list_id', 'record_kind', 'record_id']).doNothing()).execute();
  },

  /** A restricted dataset source for one list row (names never sit in public source text). */
  async insertSource(tx: Tx, s: { key: string; version: number; supersedes: number | null; sha: string; dataset: string; row: number; fileSha: string }): Promise<number> {
    const r = await tx.insertInto('sources').values({
      source_key: s.key, version: s.version, supersedes_id: s.supersedes, type: 'dataset', captured_at: new Date(), sha256: s.sha,
      dataset: s.dataset, dataset_row: s.row, file_sha256: s.fileSha, visibility: 'restricted',
    }).returning('id').executeTakeFirstOrThrow();
    return r.id;
  },

  async listsWithCounts(db: Q): Promise<Array<{ slug: string; name: string; records: number }>> {
    const rows = await db.selectFrom('capture_lists as cl').leftJoin('victim_list_records as r', 'r.list_id', 'cl.id')
      .where('cl.kind', '=', 'victims').select((eb) => ['cl.slug', 'cl.name', eb.fn.count<string>('r.id').as('records')])
      .groupBy(['cl.slug', 'cl.name']).orderBy('cl.slug').execute();
    return rows.map((r) => ({ slug: r.slug, name: r.name, records: Number(r.records) }));
  },
};
