import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/service.ts';
import type { Database, NewDeclaredStrike } from '../db/types.ts';
import { inputError } from '../errors.ts';
import { readCsv, readCsvHeader } from '../lib/csv.ts';
import { assertReadableFile, fileSha256 } from '../lib/files.ts';
import { importRunRepository } from '../lib/importRuns.ts';
import { strikeRepository } from './repository.ts';
import {
  detectLayout, layoutRank, strikeContentHash, strikeIdentity, validateReleaseRow, type RowRejection, type RowWarning,
} from './rows.ts';

export interface StrikeImportProps {
  file: string;
  /** Who imports: 'cli:<user>' or a user name. */
  actor: string;
  /** Why; recorded on every audit event of the import. */
  reason?: string;
  /** Validate and compare with the database without writing anything. */
  dryRun?: boolean;
  /** Rows per transaction. */
  batchSize?: number;
  /** Called after each batch with the rows read so far. */
  onProgress?: (rowsRead: number) => void;
}

export interface StrikeImportResult {
  file: string;
  fileSha256: string;
  layout: 'raw' | 'refined';
  dryRun: boolean;
  read: number;
  imported: number;
  unchanged: number;
  updated: number;
  rejected: RowRejection[];
  warnings: RowWarning[];
  /** Sum of strikes in the rows imported (new) by this run. */
  strikes: number;
}

type Pending = { row: number; strike: NewDeclaredStrike };

/**
 * Imports a CJTF-OIR release CSV (raw or refined layout): streaming, in transactional batches,
 * idempotent by content. Each batch writes its strikes and one audit event in one transaction,
 * so a crash loses at most the batch in flight and a re-run completes the file without
 * duplicates. Bad rows are reported with file, line, field and value; good rows still load.
 */
export async function strikeImporter(db: Kysely<Database>, props: StrikeImportProps): Promise<StrikeImportResult> {
  const { file, actor, dryRun = false, batchSize = 500 } = props;
  const reason = props.reason ?? `import of strike releases from ${basename(file)}`;
  await assertReadableFile(file);
  const header = await readCsvHeader(file);
  const detected = detectLayout(header);
  if ('missing' in detected) {
    throw inputError('INPUT_INVALID', `not a strike release CSV: missing column(s) ${detected.missing.join(', ')}`, { file, row: 1 });
  }
  const sha = await fileSha256(file);
  const dataset = `cjtf-oir-releases:${basename(file)}`;
  const result: StrikeImportResult = {
    file, fileSha256: sha, layout: detected.layout, dryRun, read: 0, imported: 0, unchanged: 0, updated: 0, rejected: [], warnings: [], strikes: 0,
  };
  const runId = dryRun ? null : await importRunRepository.start(db, { kind: 'strikes', file_name: basename(file), file_sha256: sha, actor });
  const occurrences = new Map<string, number>();
  let batch: Pending[] = [];

  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    const outcome = dryRun ? await compareOnly(db, current) : await writeBatch(db, current, { actor, reason, file: basename(file), sha });
    result.imported += outcome.imported;
    result.unchanged += outcome.unchanged;
    result.updated += outcome.updated;
    result.strikes += outcome.strikes;
    result.warnings.push(...outcome.kept);
    props.onProgress?.(result.read);
  };

  try {
    for await (const rec of readCsv(file)) {
      result.read++;
      if (rec.shapeError) {
        result.rejected.push({ row: rec.line, ok: false, field: '(row)', value: '', reason: rec.shapeError });
        continue;
      }
      const v = validateReleaseRow(rec.line, rec.values, detected.layout, dataset, sha);
      if (!v.ok) {
        result.rejected.push(v);
        continue;
      }
      result.warnings.push(...v.warnings);
      const n = (occurrences.get(v.dateLineKey) ?? 0) + 1;
      occurrences.set(v.dateLineKey, n);
      const strike: NewDeclaredStrike = { ...v.strike, identity_key: strikeIdentity(v.dateLineKey, n), content_sha256: strikeContentHash(v.strike) };
      batch.push({ row: rec.line, strike });
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

interface BatchOutcome {
  kept: RowWarning[];
  imported: number;
  unchanged: number;
  updated: number;
  strikes: number;
}

async function compareOnly(db: Kysely<Database>, batch: Pending[]): Promise<BatchOutcome> {
  const existing = new Map((await strikeRepository.findByIdentity(db, batch.map((b) => b.strike.identity_key))).map((e) => [e.identity_key, e]));
  const out: BatchOutcome = { kept: [], imported: 0, unchanged: 0, updated: 0, strikes: 0 };
  for (const b of batch) {
    const e = existing.get(b.strike.identity_key);
    if (!e) {
      out.imported++;
      out.strikes += b.strike.strikes ?? 0;
    } else if (e.content_sha256 === b.strike.content_sha256) out.unchanged++;
    else out.updated++;
  }
  return out;
}

async function writeBatch(
  db: Kysely<Database>,
  batch: Pending[],
  meta: { actor: string; reason: string; file: string; sha: string },
): Promise<BatchOutcome> {
  return db.transaction().execute(async (tx) => {
    const ctx = { actor: meta.actor, reason: meta.reason, tx };
    const existing = new Map((await strikeRepository.findByIdentity(tx, batch.map((b) => b.strike.identity_key))).map((e) => [e.identity_key, e]));
    const fresh: Pending[] = [];
    const out: BatchOutcome = { kept: [], imported: 0, unchanged: 0, updated: 0, strikes: 0 };
    for (const b of batch) {
      const e = existing.get(b.strike.identity_key);
      if (!e) {
        fresh.push(b);
        continue;
      }
      if (e.content_sha256 === b.strike.content_sha256) {
        out.unchanged++;
        continue;
      }
      if (layoutRank(e.attributes) > layoutRank(JSON.parse(b.strike.attributes ?? '{}') as Record<string, unknown>)) {
        out.unchanged++;
        out.kept.push({ row: b.row, field: 'location', value: b.strike.place_text, warning: 'kept the refined edition of this line; this file differs from it' });
        continue;
      }
      const before = await strikeRepository.getFull(tx, e.id);
      await strikeRepository.update(tx, e.id, b.strike, e.version + 1);
      await recordAudit(ctx, {
        action: 'strike.revised',
        targetType: 'declared_strike',
        targetId: e.id,
        before: before && { version: before.version, place_text: before.place_text, country: before.country, strikes: before.strikes, dataset: before.dataset, dataset_row: before.dataset_row },
        after: { version: e.version + 1, place_text: b.strike.place_text, country: b.strike.country, strikes: b.strike.strikes, dataset: b.strike.dataset, dataset_row: b.row },
      });
      out.updated++;
    }
    // A line can repeat inside one batch only with a different occurrence number, so keys are unique here.
    const inserted = await strikeRepository.insertMany(tx, fresh.map((f) => f.strike));
    if (inserted.length > 0) {
      out.imported = inserted.length;
      out.strikes = fresh.reduce((a, f) => a + (f.strike.strikes ?? 0), 0);
      await recordAudit(ctx, {
        action: 'strikes.imported',
        targetType: 'declared_strike',
        targetId: null,
        // Which rows became which ids; each row's content hash is stored on the row itself.
        after: {
          file: meta.file,
          file_sha256: meta.sha,
          count: inserted.length,
          rows: fresh.map((f) => f.row),
          ids: inserted.map((i) => i.id),
        },
      });
    }
    return out;
  });
}
