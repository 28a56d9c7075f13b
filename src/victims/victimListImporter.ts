/**
 * Imports an external victim list (a ministry's, a hospital's, another monitor's) as a capture
 * list with its own identity: each row becomes a list record (`victim_list_records`) and a
 * victim record with its names and facts, sourced to that row, and a list membership. Streaming,
 * in transactional batches, idempotent by content (a re-run changes nothing; a row whose content
 * changed under the same reference is updated, its new facts kept beside the old).
 */
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import { canonicalJson, sha256Hex } from '../audit/hash.ts';
import { recordAudit } from '../audit/service.ts';
import type { Tx } from '../audit/context.ts';
import type { Database } from '../db/types.ts';
import { inputError } from '../errors.ts';
import { readCsv, readCsvHeader } from '../lib/csv.ts';
import { assertReadableFile, fileSha256 } from '../lib/files.ts';
import { importRunRepository } from '../lib/importRuns.ts';
import { mapRow, missingColumns, type ListField, type ListMapping, type MappedRow, type RowRejection } from './mapping.ts';
import { listRepository } from './listRepository.ts';
import { addVictimFact, addVictimName, nameInputFromParts, recordVictim, type NameInput } from './victimRecorder.ts';
import { scriptOf } from './nameKeys.ts';

export interface VictimListImportProps {
  file: string;
  /** The list's slug (its identity) and display name. */
  list: string;
  listName: string;
  mapping: ListMapping;
  actor: string;
  reason?: string;
  dryRun?: boolean;
  batchSize?: number;
  onProgress?: (rowsRead: number) => void;
}

export interface VictimListImportResult {
  file: string;
  fileSha256: string;
  list: string;
  dryRun: boolean;
  read: number;
  imported: number;
  unchanged: number;
  updated: number;
  rejected: RowRejection[];
  /** Per-row results of rows that loaded: the list record and victim ids (absent in a dry run). */
  rows: Array<{ row: number; status: 'imported' | 'unchanged' | 'updated'; recordId?: number; victimId?: number }>;
}

interface Pending { row: MappedRow; identity: string; content: string }

/** Names of a mapped row: full names, the parts columns, kunya and alias. */
function namesOf(v: Partial<Record<ListField, string>>): NameInput[] {
  const out: NameInput[] = [];
  if (v.name_ar) out.push({ name: v.name_ar, kind: 'name' });
  if (v.name) out.push({ name: v.name, kind: v.name_ar && scriptOf(v.name) === 'latin' ? 'transliteration' : 'name' });
  if (v.given) {
    const p = nameInputFromParts({ given: v.given, father: v.father ?? null, grandfather: v.grandfather ?? null, family: v.family ?? null, kunya: v.kunya ?? null });
    if (p) out.push(p);
  } else if (v.kunya) out.push({ name: v.kunya, kind: 'kunya' });
  if (v.alias) out.push({ name: v.alias, kind: 'alias' });
  return out;
}

/** Imports a victim list CSV with a column mapping. */
export async function victimListImporter(db: Kysely<Database>, props: VictimListImportProps): Promise<VictimListImportResult> {
  const { file, actor, dryRun = false, batchSize = 200 } = props;
  const reason = props.reason ?? `import of victim list ${props.list} from ${basename(file)}`;
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(props.list)) throw inputError('INPUT_INVALID', 'list slug must be lower-case letters, digits and hyphens', { field: 'list', value: props.list });
  await assertReadableFile(file);
  const missing = missingColumns(props.mapping, await readCsvHeader(file));
  if (missing.length) throw inputError('INPUT_INVALID', `the file lacks column(s) named in the mapping: ${missing.join(', ')}`, { file, row: 1 });
  const sha = await fileSha256(file);
  const result: VictimListImportResult = { file, fileSha256: sha, list: props.list, dryRun, read: 0, imported: 0, unchanged: 0, updated: 0, rejected: [], rows: [] };
  const listId = dryRun ? (await listRepository.bySlug(db, props.list))?.id ?? null : await ensureList(db, props, actor, reason);
  const runId = dryRun ? null : await importRunRepository.start(db, { kind: 'victim_list', file_name: basename(file), file_sha256: sha, actor });
  const incidents = new Map<string, number | null>();
  const occurrences = new Map<string, number>();
  let batch: Pending[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    const out = listId == null ? current.map((p) => ({ row: p.row.row, status: 'imported' as const }))
      : dryRun ? await compareOnly(db, listId, current)
        : await db.transaction().execute((tx) => writeBatch({ actor, reason, tx }, listId, current, { list: props.list, file: basename(file), sha, incidents }));
    for (const r of out) {
      result[r.status]++;
      result.rows.push(r);
    }
    props.onProgress?.(result.read);
  };
  try {
    for await (const rec of readCsv(file)) {
      result.read++;
      if (rec.shapeError) {
        result.rejected.push({ row: rec.line, ok: false, field: '(row)', value: '', reason: rec.shapeError });
        continue;
      }
      const m = mapRow(rec.line, rec.values, props.mapping);
      if (!m.ok) {
        result.rejected.push(m);
        continue;
      }
      if (m.values.incident) {
        if (!incidents.has(m.values.incident)) incidents.set(m.values.incident, (await listRepository.incidentId(db, m.values.incident)) ?? null);
        if (incidents.get(m.values.incident) == null) {
          result.rejected.push({ row: rec.line, ok: false, field: props.mapping.columns.incident ?? 'incident', value: m.values.incident, reason: 'no incident with this public id' });
          continue;
        }
      }
      const content = sha256Hex(canonicalJson(m.values));
      let identity: string;
      if (m.values.ref) identity = `ref:${m.values.ref}`;
      else {
        const n = (occurrences.get(content) ?? 0) + 1;
        occurrences.set(content, n);
        identity = `row:${content.slice(0, 32)}:${n}`;
      }
      batch.push({ row: m, identity, content });
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    if (runId != null) await importRunRepository.finish(db, runId, { ...result, rejected: result.rejected.length, status: 'finished' });
  } catch (err) {
    if (runId != null) await importRunRepository.finish(db, runId, { ...result, rejected: result.rejected.length, status: 'failed' });
    throw err;
  }
  return result;
}

async function ensureList(db: Kysely<Database>, props: VictimListImportProps, actor: string, reason: string): Promise<number> {
  const existing = await listRepository.bySlug(db, props.list);
  if (existing) return existing.id;
  return db.transaction().execute(async (tx) => {
    const id = await listRepository.createList(tx, { slug: props.list, name: props.listName, kind: 'victims' });
    await recordAudit({ actor, reason, tx }, { action: 'capture_list.created', targetType: 'capture_list', targetId: id, after: { slug: props.list, name: props.listName, kind: 'victims' } });
    return id;
  });
}

type RowOutcome = VictimListImportResult['rows'][number];

async function compareOnly(db: Kysely<Database>, listId: number, batch: Pending[]): Promise<RowOutcome[]> {
  const existing = new Map((await listRepository.recordsByIdentity(db, listId, batch.map((b) => b.identity))).map((r) => [r.identity_key, r]));
  return batch.map((b) => {
    const e = existing.get(b.identity);
    return { row: b.row.row, status: !e ? 'imported' : e.content_sha256 === b.content ? 'unchanged' : 'updated' };
  });
}

async function writeBatch(ctx: { actor: string; reason: string; tx: Tx }, listId: number, batch: Pending[], meta: { list: string; file: string; sha: string; incidents: Map<string, number | null> }): Promise<RowOutcome[]> {
  const { tx } = ctx;
  const existing = new Map((await listRepository.recordsByIdentity(tx, listId, batch.map((b) => b.identity))).map((r) => [r.identity_key, r]));
  const out: RowOutcome[] = [];
  const imported: Array<{ row: number; record: number; victim: number }> = [];
  for (const b of batch) {
    const e = existing.get(b.identity);
    if (e && e.content_sha256 === b.content) {
      out.push({ row: b.row.row, status: 'unchanged', recordId: e.id, victimId: e.victim_id });
      continue;
    }
    const sourceId = await listRepository.insertSource(tx, {
      key: `list:${meta.list}:${b.identity}`, version: e ? e.version + 1 : 1, supersedes: e?.source_id ?? null, sha: b.content,
      dataset: `list:${meta.list}`, row: b.row.row, fileSha: meta.sha,
    });
    const v = b.row.values;
    if (!e) {
      const victimId = await recordVictim(ctx, {
        incidentId: v.incident ? (meta.incidents.get(v.incident) ?? null) : null, sourceId,
        names: namesOf(v), facts: b.row.facts,
      });
      const recordId = await listRepository.insertRecord(tx, {
        list_id: listId, identity_key: b.identity, content_sha256: b.content, external_ref: v.ref ?? null, row_number: b.row.row,
        victim_id: victimId, source_id: sourceId, fields: JSON.stringify(v), file_sha256: meta.sha,
      });
      await listRepository.addMembership(tx, listId, victimId, v.ref ?? null);
      imported.push({ row: b.row.row, record: recordId, victim: victimId });
      out.push({ row: b.row.row, status: 'imported', recordId, victimId });
      continue;
    }
    // Same reference, new content: new facts and names beside the old ones, never over them.
    const before = e.fields;
    for (const f of b.row.facts) if (before[f.field] !== v[f.field]) await addVictimFact(ctx, e.victim_id, { ...f, sourceId });
    const oldNames = new Set(namesOf(before).map((n) => n.name));
    for (const n of namesOf(v)) if (!oldNames.has(n.name)) await addVictimName(ctx, e.victim_id, { ...n, sourceId });
    await listRepository.updateRecord(tx, e.id, { content_sha256: b.content, version: e.version + 1, fields: JSON.stringify(v), row_number: b.row.row, source_id: sourceId, file_sha256: meta.sha });
    await recordAudit(ctx, { action: 'victim_list_record.revised', targetType: 'victim_list_record', targetId: e.id, before: { version: e.version, content_sha256: e.content_sha256 }, after: { version: e.version + 1, content_sha256: b.content, row: b.row.row } });
    out.push({ row: b.row.row, status: 'updated', recordId: e.id, victimId: e.victim_id });
  }
  if (imported.length > 0) {
    await recordAudit(ctx, {
      action: 'victim_list.imported', targetType: 'capture_list', targetId: listId,
      after: { list: meta.list, file: meta.file, file_sha256: meta.sha, rows: imported.map((i) => i.row), records: imported.map((i) => i.record), victims: imported.map((i) => i.victim) },
    });
  }
  return out;
}
