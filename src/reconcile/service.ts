/**
 * Reconciliation of official and independent figures: the queries the API and CLI call.
 * Read-only except `recordPipelineReport` (./pipelineRecorder.ts).
 */
import { incidentFieldsPublic } from '../privacy/fieldVisibility.ts';
import { redactText } from '../privacy/redact.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { captureTable, estimateMse, type MseReport } from '../estimate/index.ts';
import { aggregate, gradeThreshold, incidentsHref } from './aggregates.ts';
import { concededFor, gapRange } from './incidentGap.ts';
import { checkPipeline } from './pipeline.ts';
import { reconcileRepository, type IncidentGapRow, type ReconcileFilter } from './repository.ts';
import { PIPELINE_FORMULA } from './pipeline.ts';
import type { IncidentGapJson, IncidentsQuery, PipelinePeriodJson, SummaryJson, SummaryQuery } from './schema.ts';
import { compareClaims, summaryStatements } from './statements.ts';

/** The belligerent whose position is reconciled when none is named. */
export const DEFAULT_BELLIGERENT = 'coalition';

/** The filter of a summary query: belligerent defaults to the coalition, except when cutting by belligerent. */
export function summaryFilter(q: Omit<SummaryQuery, 'minGrade' | 'by'> & { by?: SummaryQuery['by'] }): ReconcileFilter {
  return {
    from: q.from, to: q.to, country: q.country, admin1: q.admin1, grade: q.grade, undated: q.undated,
    belligerent: q.belligerent ?? (q.by === 'belligerent' ? null : DEFAULT_BELLIGERENT),
  };
}

function filterRecord(f: ReconcileFilter): Record<string, string> {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v != null && v !== false).map(([k, v]) => [k, String(v)]));
}

/** Totals, cells of `by`, statements with their links, and claims set against the totals. */
export async function reconcileSummary(db: Kysely<Database>, q: SummaryQuery, opts: { claims?: number } = {}): Promise<SummaryJson> {
  const f = summaryFilter(q);
  const threshold = gradeThreshold(q.minGrade);
  const [totals, cells, span, claims] = await Promise.all([
    aggregate(db, f, 'period', threshold).then((c) => c[0]),
    q.by === 'period' ? Promise.resolve(null) : aggregate(db, f, q.by, threshold),
    reconcileRepository.span(db, f),
    compareClaims(db, f, threshold, opts.claims ?? 50),
  ]);
  if (!totals) throw new Error('the period aggregate always has one cell');
  const first = f.from ?? span.first;
  const last = f.to ?? span.last;
  return {
    filter: filterRecord(f),
    belligerent: f.belligerent ?? null,
    gradeThreshold: threshold,
    by: q.by,
    totals,
    cells: cells ?? [totals],
    statements: summaryStatements(totals, { first, last, belligerent: f.belligerent ?? null, country: f.country, threshold }),
    claims,
  };
}

const unknown3 = { low: null, best: null, high: null };

/**
 * Presents one per-incident row: category from SQL, conceded and gap by ./incidentGap.ts. Fields
 * an incident's `field_visibility` marks internal or restricted (`title`, `date`, `place`,
 * `figures`) are returned as null: the route is public.
 */
export function presentIncidentGap(r: IncidentGapRow): IncidentGapJson {
  const shown = (field: string): boolean => incidentFieldsPublic(r.field_visibility, [field]);
  const figures = shown('figures');
  const killed = figures ? { low: r.killed_low, best: r.killed_best, high: r.killed_high } : unknown3;
  const injured = figures ? { low: r.injured_low, best: r.injured_best, high: r.injured_high } : unknown3;
  const statedKilled = { min: r.conceded_killed_min, max: r.conceded_killed_max };
  const statedInjured = { min: r.conceded_injured_min, max: r.conceded_injured_max };
  return {
    id: r.id, publicId: r.public_id, title: shown('title') ? redactText(r.title) : null,
    dateStart: shown('date') ? r.date_start : null, dateEnd: shown('date') ? r.date_end : null,
    country: r.country, admin1: shown('place') ? r.admin1 : null, grade: r.grade, belligerent: r.belligerent,
    independent: { killed, injured },
    official: {
      status: r.a_status, conceded: { killed: statedKilled, injured: statedInjured },
      reason: redactText(r.reason), reasonGiven: r.reason_given, assessedOn: r.assessed_on, documentUrl: r.document_url,
    },
    category: r.category,
    gap: { killed: gapRange(killed, concededFor(r.category, statedKilled)), injured: gapRange(injured, concededFor(r.category, statedInjured)) },
  };
}

/** Per-incident gaps (one row per incident and belligerent), oldest first. */
export async function reconcileIncidents(db: Kysely<Database>, q: IncidentsQuery): Promise<{ total: number; data: IncidentGapJson[] }> {
  const f: ReconcileFilter = {
    from: q.from, to: q.to, country: q.country, admin1: q.admin1, belligerent: q.belligerent, grade: q.grade, undated: q.undated,
    minGrade: q.minGrade, category: q.category, has: q.has,
  };
  const r = await reconcileRepository.incidents(db, f, { limit: q.limit, offset: q.offset });
  return { total: r.total, data: r.rows.map(presentIncidentGap) };
}

/** The data series of the charts: alleged vs conceded deaths, assessments by category, declared strikes, per month or year. */
export async function reconcileSeries(db: Kysely<Database>, q: Omit<SummaryQuery, 'by'> & { by: 'month' | 'year' }) {
  const f = summaryFilter({ ...q, by: q.by });
  const threshold = gradeThreshold(q.minGrade);
  const cells = await aggregate(db, f, q.by, threshold);
  return {
    by: q.by,
    belligerent: f.belligerent ?? DEFAULT_BELLIGERENT,
    gradeThreshold: threshold,
    points: cells.map((c) => ({
      period: c.key,
      killedAlleged: { low: c.independent.killed.low, best: c.independent.killed.best, high: c.independent.killed.high },
      killedConceded: { min: c.conceded.killed.min, max: c.conceded.killed.max },
      assessments: {
        conceded_in_full: c.incidents.concededInFull.value ?? 0, conceded_in_part: c.incidents.concededInPart.value ?? 0,
        rejected_with_reason: c.incidents.rejectedWithReason.value ?? 0, rejected_without_reason: c.incidents.rejectedWithoutReason.value ?? 0,
        duplicate: c.incidents.duplicate.value ?? 0, not_yet_assessed: c.incidents.stillOpen.value ?? 0,
      },
      strikes: c.strikes.declared,
      href: c.incidents.alleged.href,
    })),
  };
}

/** Every recorded pipeline period with its checks and the closures harmwatch holds for it. */
export async function pipelineAccounts(db: Kysely<Database>, belligerent?: string): Promise<{ formula: string; periods: PipelinePeriodJson[] }> {
  const reports = await reconcileRepository.pipelineReports(db, belligerent);
  const checked = checkPipeline(reports);
  const periods: PipelinePeriodJson[] = [];
  for (const p of checked) {
    const c = await reconcileRepository.closures(db, p.belligerent, p.periodStart, p.periodEnd);
    periods.push({
      ...p,
      recorded: {
        closed: Number(c.closed), closedWithoutReason: Number(c.without_reason),
        href: incidentsHref({ belligerent: p.belligerent, category: ['rejected_without_reason'] }),
      },
    });
  }
  return { formula: PIPELINE_FORMULA, periods };
}

/**
 * Multiple systems estimation over the capture lists of `kind`: list memberships → capture table
 * (src/estimate `captureTable`) → `estimateMse`, stratified by country, governorate or year.
 */
export async function reconcileEstimate(db: Kysely<Database>, q: { stratum: 'country' | 'admin1' | 'year' | 'none'; kind: 'incidents' | 'victims'; method: 'loglinear' | 'lcmcr'; seed?: number | undefined }): Promise<MseReport & { stratum: string; kind: string }> {
  const rows = await reconcileRepository.memberships(db, q.kind);
  const byRecord = new Map<number, { id: string; lists: string[]; stratum?: string }>();
  for (const r of rows) {
    let m = byRecord.get(r.record_id);
    if (!m) {
      const s = q.stratum === 'none' ? undefined : (r[q.stratum] ?? 'unknown');
      m = { id: String(r.record_id), lists: [], ...(s !== undefined ? { stratum: s } : {}) };
      byRecord.set(r.record_id, m);
    }
    if (!m.lists.includes(r.list)) m.lists.push(r.list);
  }
  const lists = [...new Set(rows.map((r) => r.list))].sort();
  const table = captureTable([...byRecord.values()], lists);
  const report = estimateMse(table, { method: q.method, ...(q.seed != null ? { seed: q.seed } : {}) });
  return { ...report, stratum: q.stratum, kind: q.kind };
}
