/** How an ingest import's outcome leaves: the `--json` summary and the human lines. */
import type { Selectable } from 'kysely';
import type { ImportRunsTable } from '../db/types.ts';
import type { ImportResult } from './service.ts';
import type { ArticleImport, ImportJob } from './uploads.ts';

/** The `--json` summary (same shape for every kind). */
export function presentImportResult(r: ImportResult): ImportResult {
  return {
    kind: r.kind, file: r.file, fileSha256: r.fileSha256, dryRun: r.dryRun, read: r.read, imported: r.imported, unchanged: r.unchanged,
    updated: r.updated, rejected: r.rejected, warningCounts: r.warningCounts, warnings: r.warnings,
  };
}

/** Human-readable summary: counts, then each rejected row with file, row, field and value. */
export function humanImportResult(r: ImportResult): string {
  const lines = [
    `${r.dryRun ? 'dry run: ' : ''}${r.kind} from ${r.file}${r.fileSha256 ? ` (sha256 ${r.fileSha256.slice(0, 12)}…)` : ''}`,
    `read ${r.read}, imported ${r.imported}, unchanged ${r.unchanged}, updated ${r.updated}, rejected ${r.rejected.length}`,
  ];
  for (const e of r.rejected.slice(0, 50)) {
    lines.push(`  rejected: ${e.file}, row ${e.row}, field ${e.field}: ${e.reason}${e.value != null ? ` (value "${e.value.length > 80 ? `${e.value.slice(0, 77)}…` : e.value}")` : ''}`);
  }
  if (r.rejected.length > 50) lines.push(`  … and ${r.rejected.length - 50} more rejected rows (use --json for all)`);
  const w = Object.entries(r.warningCounts);
  if (w.length) lines.push(`warnings: ${w.map(([k, n]) => `${k} ${n}`).join(', ')} (use --json to list them)`);
  return lines.join('\n');
}

/** An API import job: status, progress, the same summary as `--json`, or the error. */
export function presentImportJob(j: ImportJob) {
  return {
    id: j.id, kind: j.kind, file: j.file, bytes: j.bytes, sha256: j.sha256, status: j.status, actor: j.actor,
    startedAt: j.startedAt.toISOString(), finishedAt: j.finishedAt?.toISOString() ?? null, rowsRead: j.rowsRead,
    result: j.result ? presentImportResult(j.result) : null, error: j.error ? j.error.toJSON().error : null,
    links: { self: `/api/imports/${j.id}` },
  };
}

/** A row of import_runs. */
export function presentImportRun(r: Selectable<ImportRunsTable>) {
  return {
    id: Number(r.id), kind: r.kind, fileName: r.file_name ?? '', fileSha256: r.file_sha256 ?? '', actor: r.actor, status: r.status,
    startedAt: new Date(r.started_at).toISOString(), finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
    read: r.read, imported: r.imported, unchanged: r.unchanged, updated: r.updated, rejected: r.rejected,
  };
}

/** POST /api/sources's answer. */
export function presentArticleImport(a: ArticleImport) {
  return {
    source: a.source ? { ...a.source, capturedAt: a.source.capturedAt.toISOString() } : null,
    result: presentImportResult(a.result), claims: a.claims, linkage: a.linkage,
  };
}
