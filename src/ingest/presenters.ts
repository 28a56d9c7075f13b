/** How an ingest import's outcome leaves: the `--json` summary and the human lines. */
import type { ImportResult } from './service.ts';

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
