/**
 * How gazetteer results leave the context: human text for the CLI (JSON output is the records
 * themselves).
 */
import { COUNTRIES } from '../model/vocabulary.ts';
import type { PlaceImportResult } from './placeImporter.ts';
import type { CoordinateProblem, ReverseResult } from './reverse.ts';
import type { GeocodeCandidate } from './types.ts';

/** Human table of candidates. */
export function formatCandidates(text: string, cs: GeocodeCandidate[]): string {
  if (cs.length === 0) return `no place found for "${text}"`;
  const rows = cs.map((c, i) => [
    String(i + 1), c.score.toFixed(3), c.name, c.nameAr ?? '', `${c.lat.toFixed(5)}, ${c.lon.toFixed(5)}`,
    `${c.precision} (${c.radius_m} m)`, c.country, c.admin.join(' / '), c.pcode ?? '', c.placeId,
  ]);
  const head = ['#', 'score', 'name', 'arabic', 'lat, lon', 'precision', 'cc', 'admin', 'pcode', 'id'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]): string => r.map((x, i) => x.padEnd(widths[i])).join('  ').trimEnd();
  const quals = cs[0].qualifiers.length ? `\nqualifiers: ${cs[0].qualifiers.join('; ')}` : '';
  return [line(head), ...rows.map(line)].join('\n') + quals;
}

/** Human lines for a reverse-geocoded point and its coordinate problems. */
export function formatReverse(result: ReverseResult & { problems: CoordinateProblem[] }): string {
  const lines = [`${result.lat}, ${result.lon}: ${result.country ? COUNTRIES[result.country] : 'outside Iraq and Syria'}`];
  for (const [label, a] of [['governorate', result.adm1], ['district', result.adm2], ['sub-district', result.adm3]] as const) {
    if (a) lines.push(`  ${label.padEnd(12)} ${a.name}${a.nameAr ? ` (${a.nameAr})` : ''}  ${a.pcode}`);
  }
  for (const p of result.problems) lines.push(`  problem: ${p.code}: ${p.reason}`);
  return lines.join('\n');
}

/** Human summary of a place import: counts, then rejected rows with line, field and reason. */
export function formatPlaceImport(r: PlaceImportResult): string {
  const lines = [
    `${r.dryRun ? 'dry run: ' : ''}${r.file} (source ${r.source}, sha256 ${r.fileSha256.slice(0, 12)}…)`,
    `read ${r.read}, imported ${r.imported}, unchanged ${r.unchanged}, updated ${r.updated}, rejected ${r.rejected.length}, warnings ${r.warnings.length}`,
  ];
  for (const x of r.rejected.slice(0, 50)) lines.push(`  rejected: ${x.file}, line ${x.row}, field ${x.field}: ${x.reason}${x.value ? ` (value "${x.value}")` : ''}`);
  if (r.rejected.length > 50) lines.push(`  … and ${r.rejected.length - 50} more rejected rows (use --json for all)`);
  for (const w of r.warnings.slice(0, 20)) lines.push(`  warning: line ${w.row}, field ${w.field}: ${w.warning} (value "${w.value}")`);
  if (r.warnings.length > 20) lines.push(`  … and ${r.warnings.length - 20} more warnings (use --json for all)`);
  return lines.join('\n');
}
