/**
 * Human-readable text of reconciliation results, for the command line. JSON leaves as the
 * service returns it (the same shapes as the API).
 */
import type { IncidentGapJson, PipelinePeriodJson, SummaryJson } from './schema.ts';
import type { PipelineRowResult } from './pipelineRecorder.ts';
import { concededFor } from './incidentGap.ts';

const n = (v: number | null): string => (v == null ? '—' : new Intl.NumberFormat('en-GB').format(v));
const range = (lo: number | null, hi: number | null): string => (lo === hi || hi == null ? n(lo) : `${n(lo)}–${n(hi)}`);

/** Statements, then one line per cell. */
export function summaryText(s: SummaryJson): string {
  const lines = s.statements.map((st) => st.text);
  lines.push('', `independent figures: ${s.gradeThreshold.label}; by ${s.by}`);
  lines.push(['cell', 'alleged', 'assessed', 'credible', 'rejected+reason', 'rejected−reason', 'open', 'killed (indep.)', 'killed (conceded)', 'strikes', 'per 100'].join('\t'));
  for (const c of s.cells) {
    const i = c.incidents;
    lines.push([
      c.key ?? '(unknown)', n(i.alleged.value), n(i.assessed.value), n(i.credible.value), n(i.rejectedWithReason.value), n(i.rejectedWithoutReason.value),
      n(i.stillOpen.value), range(c.independent.killed.low, c.independent.killed.high), range(c.conceded.killed.min, c.conceded.killed.max),
      n(c.strikes.declared), n(c.allegationsPer100Strikes),
    ].join('\t'));
  }
  if (s.claims.length) {
    lines.push('', 'claims against computed totals:');
    for (const c of s.claims) {
      lines.push(`  #${c.claimId} ${c.claimant ?? '?'} (${c.type}, ${c.period.from ?? '…'}–${c.period.to ?? '…'}${c.country ? `, ${c.country}` : ''}): claimed ${range(c.claimed.min, c.claimed.max)}; ${c.computed.what}: ${n(c.computed.value)}; difference ${n(c.difference)}`);
    }
  }
  return lines.join('\n');
}

/** One line per incident. */
export function incidentsText(r: { total: number; data: IncidentGapJson[] }): string {
  const lines = [`${r.total} incident(s)`];
  for (const d of r.data) {
    const k = d.independent.killed;
    const c = concededFor(d.category, d.official.conceded.killed);
    lines.push(`${d.publicId}\t${d.dateStart ?? '?'}\t${d.country ?? '?'}\t${d.grade ?? 'ungraded'}\tkilled ${range(k.low, k.high)}\t${d.belligerent}: ${d.official.status ?? 'no assessment'}, conceded ${range(c.min, c.max)}\tgap ${range(d.gap.killed.low, d.gap.killed.high)}\t${d.category}`);
  }
  return lines.join('\n');
}

/** Each period with its checks written out. */
export function pipelineText(p: { formula: string; periods: PipelinePeriodJson[] }): string {
  const lines = [`formula: ${p.formula}`];
  for (const x of p.periods) {
    const mark = x.balances === true ? 'balances' : x.balances === false ? 'DOES NOT ADD UP' : 'cannot check';
    lines.push('', `${x.belligerent} ${x.periodStart}–${x.periodEnd}: ${mark}`);
    for (const [name, c] of Object.entries(x.checks)) lines.push(`  ${name}: ${c.arithmetic}`);
    for (const f of x.flags) lines.push(`  flag: ${f}`);
    lines.push(`  harmwatch records ${x.recorded.closed} determination(s) dated in the period, ${x.recorded.closedWithoutReason} without a stated reason`);
  }
  return lines.join('\n');
}

/** Per-row results of `reconcile pipeline add`. */
export function pipelineRowsText(file: string, rows: PipelineRowResult[]): string {
  const ok = rows.filter((r) => r.ok).length;
  const lines = [`${file}: ${rows.length} row(s), ${ok} recorded, ${rows.length - ok} rejected`];
  for (const r of rows) {
    if (r.ok) lines.push(`  line ${r.row}: ${r.belligerent} ${r.periodStart}–${r.periodEnd} ${r.action}${r.warnings.length ? ` (${r.warnings.join('; ')})` : ''}`);
    else lines.push(`  rejected: ${file}, line ${r.row}, field ${r.field}: ${r.reason}${r.value ? ` (value "${r.value}")` : ''}`);
  }
  return lines.join('\n');
}
