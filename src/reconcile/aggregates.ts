/**
 * Aggregates of independent and official figures by period (month, year, the whole from–to
 * period), country, governorate (admin1), belligerent or grade, with declared strikes in the
 * same cells and a link to the incidents behind every figure.
 *
 * ## What is counted, and when a figure is null
 *
 * | figure                                   | over                                                             | null when                                          |
 * |------------------------------------------|------------------------------------------------------------------|----------------------------------------------------|
 * | incidents alleged, assessed, credible, … | every (incident, belligerent) in scope, any grade                | never: 0 is a real zero (nothing recorded)          |
 * | independent killed/injured low/best/high | incidents graded at or above the threshold (default fair: confirmed + fair), sum of the known bound | no incident in the cell has that bound known |
 * | conceded killed/injured min/max          | determined incidents: credible → conceded min (max: max, else min); rejected or duplicate → 0 | nothing in the cell is determined, or only credible findings with no stated figure |
 * | declared strikes                         | `declared_strikes` by release date, country, belligerent         | no strike line in the cell, or the cut has no strikes (governorate, grade, or an incident-only filter) |
 * | allegations per 100 strikes              | alleged ÷ declared strikes × 100, two decimals                   | strikes null or 0                                  |
 *
 * Only published incidents count (drafts, merged and withdrawn ones do not). Incidents are placed
 * in periods by `date_start`; strikes by `release_date`; an incident naming two belligerents counts
 * once for each.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { GRADE_LABELS, type Grade } from '../model/vocabulary.ts';
import { ASSESSED_CATEGORIES, CREDIBLE_CATEGORIES, type GapCategory } from './incidentGap.ts';
import { gradesAtLeast, reconcileRepository, type IncidentCellRow, type ReconcileFilter, type StrikeCellRow } from './repository.ts';
import type { CellJson, Dimension } from './schema.ts';

/** Where the incidents behind a figure are listed. */
export const INCIDENTS_PATH = '/api/reconcile/incidents';
export const STRIKES_PATH = '/api/strikes';

/** The grade threshold of independent figures, stated with every result. */
export interface GradeThreshold {
  minGrade: Grade;
  grades: Grade[];
  label: string;
}

/** "Fair or better (confirmed + fair)". */
export function gradeThreshold(minGrade: Grade): GradeThreshold {
  const grades = gradesAtLeast(minGrade);
  const label = grades.length === 1 ? GRADE_LABELS[minGrade] : `${GRADE_LABELS[minGrade]} or better (${grades.join(' + ')})`;
  return { minGrade, grades, label };
}

/** A URL of the incidents API selecting `f` (parameters in a fixed order). */
export function incidentsHref(f: ReconcileFilter): string {
  const p = new URLSearchParams();
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.undated) p.set('undated', 'true');
  if (f.country) p.set('country', f.country);
  if (f.admin1) p.set('admin1', f.admin1);
  if (f.belligerent) p.set('belligerent', f.belligerent);
  if (f.grade) p.set('grade', f.grade);
  if (f.minGrade) p.set('minGrade', f.minGrade);
  if (f.category?.length) p.set('category', f.category.join(','));
  if (f.has) p.set('has', f.has);
  const q = p.toString();
  return q ? `${INCIDENTS_PATH}?${q}` : INCIDENTS_PATH;
}

/** A URL of the strikes API for a cell's period and country. */
export function strikesHref(f: ReconcileFilter): string {
  const p = new URLSearchParams();
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.country && f.country !== 'none') p.set('country', f.country);
  const q = p.toString();
  return q ? `${STRIKES_PATH}?${q}` : STRIKES_PATH;
}

const lastDay = (y: number, m: number): string => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
const later = (a: string | undefined, b: string): string => (a && a > b ? a : b);
const earlier = (a: string | undefined, b: string): string => (a && a < b ? a : b);

/** The filter that selects exactly one cell's incidents. */
export function cellFilter(f: ReconcileFilter, by: Dimension, key: string | null): ReconcileFilter {
  switch (by) {
    case 'period':
      return { ...f };
    case 'month':
    case 'year': {
      if (key == null) return { ...f, from: undefined, to: undefined, undated: true };
      const y = Number(key.slice(0, 4));
      const m = by === 'month' ? Number(key.slice(5, 7)) : null;
      const start = m == null ? `${key}-01-01` : `${key}-01`;
      const end = m == null ? `${key}-12-31` : lastDay(y, m);
      return { ...f, from: later(f.from, start), to: earlier(f.to, end) };
    }
    case 'country':
      return { ...f, country: (key ?? 'none') as 'IQ' | 'SY' | 'none' };
    case 'admin1':
      return { ...f, admin1: key ?? 'none' };
    case 'belligerent':
      return { ...f, belligerent: key ?? f.belligerent };
    case 'grade':
      return { ...f, grade: (key ?? 'none') as Grade | 'none' };
  }
}

const emptyIncidentCell = (key: string | null): IncidentCellRow => ({
  key, alleged: 0, assessed: 0, credible: 0, conceded_in_full: 0, conceded_in_part: 0, rejected_with_reason: 0, rejected_without_reason: 0,
  duplicate: 0, still_open: 0, killed_n: 0, killed_low: null, killed_best: null, killed_high: null, injured_n: 0, injured_low: null,
  injured_best: null, injured_high: null, conceded_killed_min: null, conceded_killed_max: null, conceded_injured_min: null, conceded_injured_max: null,
});

const num = (v: number | string | null | undefined): number | null => (v == null ? null : Number(v));

/** Builds one presented cell from its incident and strike rows (pure). */
export function buildCell(f: ReconcileFilter, by: Dimension, inc: IncidentCellRow, strikes: StrikeCellRow | null, strikesApply: boolean, threshold: GradeThreshold): CellJson {
  const cf = cellFilter(f, by, inc.key);
  const count = (value: number, category?: readonly GapCategory[]): { value: number; href: string } =>
    ({ value: Number(value), href: incidentsHref({ ...cf, ...(category ? { category: [...category] } : {}) }) });
  const range = (outcome: 'killed' | 'injured') => ({
    low: num(inc[`${outcome}_low`]), best: num(inc[`${outcome}_best`]), high: num(inc[`${outcome}_high`]),
    incidents: Number(inc[`${outcome}_n`]),
    href: incidentsHref({ ...cf, minGrade: threshold.minGrade, has: outcome }),
  });
  const concededHref = incidentsHref({ ...cf, category: [...ASSESSED_CATEGORIES] });
  const declared = strikesApply ? num(strikes?.strikes) : null;
  const lines = strikesApply ? (strikes ? Number(strikes.lines) : null) : null;
  const alleged = Number(inc.alleged);
  return {
    key: inc.key,
    from: cf.from ?? null,
    to: cf.to ?? null,
    incidents: {
      alleged: count(alleged),
      assessed: count(inc.assessed, ASSESSED_CATEGORIES),
      credible: count(inc.credible, CREDIBLE_CATEGORIES),
      concededInFull: count(inc.conceded_in_full, ['conceded_in_full']),
      concededInPart: count(inc.conceded_in_part, ['conceded_in_part']),
      rejectedWithReason: count(inc.rejected_with_reason, ['rejected_with_reason']),
      rejectedWithoutReason: count(inc.rejected_without_reason, ['rejected_without_reason']),
      duplicate: count(inc.duplicate, ['duplicate']),
      stillOpen: count(inc.still_open, ['not_yet_assessed']),
    },
    independent: { killed: range('killed'), injured: range('injured') },
    conceded: {
      killed: { min: num(inc.conceded_killed_min), max: num(inc.conceded_killed_max), href: concededHref },
      injured: { min: num(inc.conceded_injured_min), max: num(inc.conceded_injured_max), href: concededHref },
    },
    strikes: { declared, lines, href: strikesApply ? strikesHref(cf) : null },
    allegationsPer100Strikes: declared ? Math.round((alleged / declared) * 10_000) / 100 : null,
  };
}

/** Cells of `by` (incidents and strikes merged on the key, in key order; unknown key last). */
export async function aggregate(db: Kysely<Database>, f: ReconcileFilter, by: Dimension, threshold: GradeThreshold): Promise<CellJson[]> {
  const [incidents, strikes] = await Promise.all([
    reconcileRepository.incidentCells(db, f, by, threshold.grades),
    reconcileRepository.strikeCells(db, f, by),
  ]);
  const byKey = new Map<string | null, IncidentCellRow>(incidents.map((r) => [r.key, r]));
  const strikeByKey = new Map<string | null, StrikeCellRow>((strikes ?? []).map((r) => [r.key, r]));
  const keys = [...new Set([...byKey.keys(), ...strikeByKey.keys()])]
    .sort((a, b) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1));
  if (by === 'period' && keys.length === 0) keys.push('all');
  return keys.map((k) => buildCell(f, by, byKey.get(k) ?? emptyIncidentCell(k), strikeByKey.get(k) ?? null, strikes !== null, threshold));
}
