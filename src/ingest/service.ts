/**
 * Storing parsed rows: the import runner shared by every ingest kind. Like src/strikes'
 * importer: streaming, transactional batches, idempotent by content, one audit event per written
 * batch (actor and reason), per-row outcomes, dry run, import_runs bookkeeping.
 *
 * Every record is anchored on a source version: `source_key` names what the record is (an
 * Airwars incident id, a UCDP event id, an article URL …) and `sha256` its content. Same key and
 * content → unchanged (nothing written); same key, new content → a new source version
 * superseding the old one, the derived rows revised, and a revision audit event with before and
 * after; new key → imported. Nothing is overwritten silently.
 */
import { basename } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Tx, WriteContext } from '../audit/context.ts';
import { recordAudit } from '../audit/service.ts';
import type { Database } from '../db/types.ts';
import { importRunRepository } from '../lib/importRuns.ts';
import { ingestRepository, type NewSource, type SourceHead } from './repository.ts';
import type { IngestWarning, RowError, RowOutcome } from './types.ts';

/** What `harmwatch import <kind>` can read. */
export const IMPORT_KINDS = ['article', 'airwars', 'ucdp', 'acled', 'csv', 'hxl', 'determinations'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** A record ready to store: the source version it is anchored on. */
export interface Prepared {
  key: string;
  sha256: string;
  source: Omit<NewSource, 'source_key' | 'sha256' | 'version' | 'supersedes_id' | 'captured_at'>;
}

/** What a writer gets for one new or revised record, inside the batch transaction. */
export interface ApplyArgs<T> {
  tx: Tx;
  ctx: WriteContext;
  record: T;
  row: number;
  sourceId: number;
  /** The previous version of the source, when this is a revision. */
  previous: SourceHead | null;
  /** Ids to list in the batch's audit event, by kind (`incidents`, `claims` …). */
  touched: Record<string, number[]>;
}

/** How one ingest kind turns parsed records into rows. */
export interface Writer<T> {
  /** Label of the dataset (import_runs.kind, audit actions `<label>.imported`). */
  label: string;
  prepare(record: T, row: number): Prepared;
  /** Writes the rows derived from a new or revised record (its source version is already stored). */
  apply(args: ApplyArgs<T>): Promise<void>;
  /** Optional: the same for many records at once (multi-row inserts); used instead of `apply` when present. */
  applyMany?(args: Array<ApplyArgs<T>>): Promise<void>;
}

export interface ImportProps {
  file: string;
  /** File SHA-256 (computed by the parser for paths). */
  fileSha256?: string;
  actor: string;
  reason?: string;
  dryRun?: boolean;
  batchSize?: number;
  onProgress?: (rowsRead: number) => void;
}

/** A warning with the row it belongs to. */
export type RowWarningOut = IngestWarning & { row: number };

export interface ImportResult {
  kind: string;
  file: string;
  fileSha256: string | null;
  dryRun: boolean;
  read: number;
  imported: number;
  unchanged: number;
  updated: number;
  rejected: RowError[];
  /** Counts of warnings by kind. */
  warningCounts: Record<string, number>;
  /** The first 1,000 warnings with their rows. */
  warnings: RowWarningOut[];
}

const MAX_WARNINGS = 1000;

/** Canonical JSON (sorted keys) for content hashes. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

/** Runs parsed outcomes through a writer (see module doc). */
export async function runImport<T extends { provenance?: { fileSha256?: string } }>(
  db: Kysely<Database>, outcomes: AsyncIterable<RowOutcome<T>>, writer: Writer<T>, props: ImportProps,
): Promise<ImportResult> {
  const { actor, dryRun = false, batchSize = 500 } = props;
  const file = basename(props.file);
  const reason = props.reason ?? `import of ${writer.label} from ${file}`;
  const result: ImportResult = {
    kind: writer.label, file, fileSha256: props.fileSha256 ?? null, dryRun, read: 0, imported: 0, unchanged: 0, updated: 0, rejected: [], warningCounts: {}, warnings: [],
  };
  let runId: number | null = null;
  let analyzeAt = 5000;
  let batch: Array<{ row: number; record: T; prepared: Prepared }> = [];

  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    if (runId == null && !dryRun) {
      runId = await importRunRepository.start(db, { kind: writer.label, file_name: file, file_sha256: result.fileSha256 ?? '', actor });
    }
    if (dryRun) {
      const heads = new Map((await ingestRepository.latestSources(db, current.map((c) => c.prepared.key))).map((h) => [h.source_key, h]));
      for (const c of current) {
        const h = heads.get(c.prepared.key);
        if (!h) result.imported++;
        else if (h.sha256 === c.prepared.sha256) result.unchanged++;
        else result.updated++;
        heads.set(c.prepared.key, { id: 0, source_key: c.prepared.key, version: (h?.version ?? 0) + 1, sha256: c.prepared.sha256 });
      }
    } else {
      const counts = await writeBatch(db, current, writer, { actor, reason, file, fileSha256: result.fileSha256 });
      result.imported += counts.imported;
      result.updated += counts.updated;
      result.unchanged += counts.unchanged;
    }
    props.onProgress?.(result.read);
    // Embedded PGlite runs no autovacuum, so a table grown from nothing keeps the statistics of an
    // empty one and the per-batch version lookup turns into scans. Refresh them as the import
    // grows (geometrically: a handful of ANALYZEs per import, harmless on PostgreSQL).
    if (!dryRun && result.imported + result.updated >= analyzeAt) {
      analyzeAt *= 4;
      await sql`analyze sources, claims`.execute(db);
    }
  };

  try {
    for await (const o of outcomes) {
      result.read++;
      if (!o.ok) {
        result.rejected.push(o);
        continue;
      }
      for (const w of o.warnings) {
        result.warningCounts[w.kind] = (result.warningCounts[w.kind] ?? 0) + 1;
        if (result.warnings.length < MAX_WARNINGS) result.warnings.push({ row: o.row, ...w });
      }
      result.fileSha256 ??= o.record.provenance?.fileSha256 ?? null;
      batch.push({ row: o.row, record: o.record, prepared: writer.prepare(o.record, o.row) });
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

type BatchItem<T> = { row: number; record: T; prepared: Prepared };

async function writeBatch<T>(
  db: Kysely<Database>, batch: Array<BatchItem<T>>, writer: Writer<T>,
  meta: { actor: string; reason: string; file: string; fileSha256: string | null },
): Promise<{ imported: number; updated: number; unchanged: number }> {
  return db.transaction().execute(async (tx) => {
    const ctx: WriteContext = { actor: meta.actor, reason: meta.reason, tx };
    const heads = new Map((await ingestRepository.latestSources(tx, batch.map((b) => b.prepared.key))).map((h) => [h.source_key, h]));
    const out = { imported: 0, updated: 0, unchanged: 0 };
    const touched: Record<string, number[]> = { sources: [] };
    const rows: number[] = [];
    // Source versions are inserted many rows per statement. A key seen twice in one batch (the
    // second row revises the first) starts a new segment, so each revision sees its predecessor.
    let segment: Array<BatchItem<T> & { head: SourceHead | null; version: number }> = [];
    const inSegment = new Set<string>();
    const flushSegment = async (): Promise<void> => {
      if (segment.length === 0) return;
      const current = segment;
      segment = [];
      inSegment.clear();
      const inserted = await ingestRepository.insertSources(tx, current.map((b) => ({
        ...b.prepared.source, source_key: b.prepared.key, sha256: b.prepared.sha256, version: b.version, supersedes_id: b.head?.id ?? null,
        captured_at: new Date(), dataset_row: b.prepared.source.dataset_row ?? b.row, file_sha256: b.prepared.source.file_sha256 ?? meta.fileSha256,
      })));
      const applied: Array<ApplyArgs<T>> = [];
      for (const [i, b] of current.entries()) {
        const sourceId = inserted[i];
        heads.set(b.prepared.key, { id: sourceId, source_key: b.prepared.key, version: b.version, sha256: b.prepared.sha256 });
        touched.sources.push(sourceId);
        rows.push(b.row);
        if (b.head) {
          await recordAudit(ctx, {
            action: 'source.revised', targetType: 'source', targetId: sourceId,
            before: { id: b.head.id, source_key: b.prepared.key, version: b.head.version, sha256: b.head.sha256 },
            after: { id: sourceId, source_key: b.prepared.key, version: b.version, sha256: b.prepared.sha256, file: meta.file, row: b.row },
          });
          out.updated++;
        } else {
          out.imported++;
        }
        applied.push({ tx, ctx, record: b.record, row: b.row, sourceId, previous: b.head, touched });
      }
      if (writer.applyMany) await writer.applyMany(applied);
      else for (const a of applied) await writer.apply(a);
    };
    for (const b of batch) {
      const { key, sha256 } = b.prepared;
      if (inSegment.has(key)) await flushSegment();
      const head = heads.get(key) ?? null;
      if (head && head.sha256 === sha256) {
        out.unchanged++;
        continue;
      }
      segment.push({ ...b, head, version: (head?.version ?? 0) + 1 });
      inSegment.add(key);
    }
    await flushSegment();
    if (rows.length > 0) {
      await recordAudit(ctx, {
        action: `${writer.label}.imported`, targetType: 'source', targetId: null,
        after: { file: meta.file, file_sha256: meta.fileSha256, rows, ...touched },
      });
    }
    return out;
  });
}
