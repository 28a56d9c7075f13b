/**
 * Assessment pipeline accounting (../shared/design/model.md): the flows a belligerent's periodic
 * reports give, recorded in `pipeline_reports` by `recordPipelineReport` (audited), and checked.
 *
 * ## The formula
 *
 *   completed   = credible + not credible + duplicate + other        (an unstated part counts 0 when another part is stated)
 *   open at end = carried over + received − completed               (`balance`)
 *
 * Reopened reports re-enter the open pool: the `reopened` figure says how many of the reports open
 * at the end were reopened, so they are already inside carried over or received. When a report
 * balances only by adding them on top (carried over + received + reopened − completed = open at
 * end), the period is marked as balancing under that reading, with a flag.
 *
 *   carried over = previous period's open at end                    (`carryOver`, consecutive periods only)
 *   cumulative conceded = previous cumulative + conceded in period  (`cumulative`, consecutive periods only)
 *   strikes to date ≥ previous strikes to date                      (`strikesToDate`)
 *
 * Worked example, April 2019: 122 carried over + 7 received − 18 completed (3 credible + 15 not
 * credible) = 111, as stated ✓ (3 of the 111 reopened).
 */
import type { Selectable } from 'kysely';
import type { PipelineReportsTable } from '../db/types.ts';
import type { PipelinePeriodJson } from './schema.ts';

export const PIPELINE_FORMULA =
  'open at end = carried over + received − completed, where completed = credible + not credible + duplicate + other; ' +
  'reopened reports re-enter the open pool inside received/carried over (reopened = how many of those open at end were reopened); ' +
  'carried over = previous open at end; cumulative conceded = previous cumulative + conceded in period (consecutive periods)';

/** The figures of one period (table columns). */
export type PipelineFigures = Pick<Selectable<PipelineReportsTable>,
  'id' | 'belligerent' | 'period_start' | 'period_end' | 'carried_over' | 'received' | 'completed_credible' | 'completed_not_credible' |
  'completed_duplicate' | 'completed_other' | 'open_at_end' | 'reopened' | 'deaths_conceded_period' | 'deaths_conceded_cumulative' | 'strikes_to_date'>;

/** One arithmetic check, with its working written out. */
export interface Arithmetic {
  ok: boolean | null;
  expected: number | null;
  stated: number | null;
  arithmetic: string;
}

const fmt = (n: number): string => new Intl.NumberFormat('en-GB').format(n);

/** Completed = sum of the stated parts (null when no part is stated), with its working (zero parts left out of the words). */
export function completedOf(r: PipelineFigures): { total: number | null; working: string } {
  const parts: Array<[string, number | null]> = [
    ['credible', r.completed_credible], ['not credible', r.completed_not_credible], ['duplicate', r.completed_duplicate], ['other', r.completed_other],
  ];
  const stated = parts.filter(([, v]) => v != null) as Array<[string, number]>;
  if (stated.length === 0) return { total: null, working: 'completed not stated' };
  const total = stated.reduce((a, [, v]) => a + v, 0);
  const shown = stated.filter(([, v]) => v !== 0);
  return { total, working: (shown.length ? shown : stated.slice(0, 1)).map(([k, v]) => `${fmt(v)} ${k}`).join(' + ') };
}

/** carried over + received − completed = open at end (see the module comment). */
export function checkBalance(r: PipelineFigures): Arithmetic & { reading: 'as_stated' | 'reopened_added' | null } {
  const c = completedOf(r);
  const missing = [['carried over', r.carried_over], ['received', r.received], ['open at end', r.open_at_end]]
    .filter(([, v]) => v == null).map(([k]) => k as string);
  if (c.total == null) missing.push('completed');
  const { carried_over: co, received: rec, open_at_end: open } = r;
  const done = c.total;
  if (co == null || rec == null || open == null || done == null) {
    return { ok: null, expected: null, stated: r.open_at_end, arithmetic: `cannot check: ${missing.join(', ')} not stated`, reading: null };
  }
  const expected = co + rec - done;
  const base = `${fmt(co)} carried over + ${fmt(rec)} received − ${fmt(done)} completed (${c.working}) = ${fmt(expected)}`;
  if (expected === open) {
    return { ok: true, expected, stated: open, arithmetic: `${base}; stated open at end ${fmt(open)} ✓${r.reopened ? ` (${fmt(r.reopened)} of them reopened)` : ''}`, reading: 'as_stated' };
  }
  if (r.reopened && expected + r.reopened === open) {
    return {
      ok: true, expected: expected + r.reopened, stated: open,
      arithmetic: `${base} ≠ stated ${fmt(open)}; with the ${fmt(r.reopened)} reopened added on top: ${fmt(expected)} + ${fmt(r.reopened)} = ${fmt(open)} ✓`,
      reading: 'reopened_added',
    };
  }
  return { ok: false, expected, stated: open, arithmetic: `${base} ≠ stated open at end ${fmt(open)} (off by ${fmt(open - expected)}) ✗`, reading: null };
}

const nextDay = (d: string): string => {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
};

/** Checks every period against itself and the period before it (same belligerent). Pure. */
export function checkPipeline(reports: readonly PipelineFigures[]): Array<Pick<PipelinePeriodJson, 'id' | 'belligerent' | 'periodStart' | 'periodEnd' | 'figures' | 'checks' | 'balances' | 'flags'>> {
  const sorted = [...reports].sort((a, b) => (a.belligerent === b.belligerent
    ? (a.period_start === b.period_start ? a.period_end.localeCompare(b.period_end) : a.period_start.localeCompare(b.period_start))
    : a.belligerent.localeCompare(b.belligerent)));
  return sorted.map((r) => {
    const prev = sorted.find((p) => p.belligerent === r.belligerent && nextDay(p.period_end) === r.period_start) ?? null;
    const noPrev = (what: string): Arithmetic => ({ ok: null, expected: null, stated: null, arithmetic: `cannot check ${what}: no report for the period just before` });
    const { reading, ...balance } = checkBalance(r);

    let carryOver: Arithmetic = noPrev('carried over');
    if (prev) {
      carryOver = prev.open_at_end == null || r.carried_over == null
        ? { ok: null, expected: prev.open_at_end, stated: r.carried_over, arithmetic: 'cannot check carried over: a figure is not stated' }
        : {
          ok: prev.open_at_end === r.carried_over, expected: prev.open_at_end, stated: r.carried_over,
          arithmetic: `open at end of ${prev.period_start}–${prev.period_end}: ${fmt(prev.open_at_end)}; carried over: ${fmt(r.carried_over)} ${prev.open_at_end === r.carried_over ? '✓' : '✗'}`,
        };
    }

    let cumulative: Arithmetic = noPrev('cumulative deaths');
    if (prev) {
      const p = prev.deaths_conceded_cumulative, d = r.deaths_conceded_period, s = r.deaths_conceded_cumulative;
      cumulative = p == null || d == null || s == null
        ? { ok: null, expected: null, stated: s, arithmetic: 'cannot check cumulative deaths: a figure is not stated' }
        : { ok: p + d === s, expected: p + d, stated: s, arithmetic: `${fmt(p)} previous cumulative + ${fmt(d)} in period = ${fmt(p + d)}; stated ${fmt(s)} ${p + d === s ? '✓' : '✗'}` };
    }

    let strikesToDate: Arithmetic = noPrev('strikes to date');
    if (prev) {
      const p = prev.strikes_to_date, s = r.strikes_to_date;
      strikesToDate = p == null || s == null
        ? { ok: null, expected: null, stated: s, arithmetic: 'cannot check strikes to date: a figure is not stated' }
        : { ok: s >= p, expected: p, stated: s, arithmetic: `${fmt(s)} strikes to date ${s >= p ? '≥' : '<'} ${fmt(p)} at the end of the previous period ${s >= p ? '✓' : '✗'}` };
    }

    const checks = { balance, carryOver, cumulative, strikesToDate };
    const flags = Object.entries(checks).filter(([, c]) => c.ok === false).map(([k, c]) => `${k}: ${c.arithmetic}`);
    if (reading === 'reopened_added') flags.push(`balance: balances only if the ${r.reopened} reopened reports are added to those received`);
    const values = Object.values(checks);
    const balances = values.some((c) => c.ok === false) ? false : balance.ok;
    return {
      id: r.id, belligerent: r.belligerent, periodStart: r.period_start, periodEnd: r.period_end,
      figures: {
        carriedOver: r.carried_over, received: r.received, completed: completedOf(r).total,
        completedCredible: r.completed_credible, completedNotCredible: r.completed_not_credible, completedDuplicate: r.completed_duplicate,
        completedOther: r.completed_other, openAtEnd: r.open_at_end, reopened: r.reopened,
        deathsConcededPeriod: r.deaths_conceded_period, deathsConcededCumulative: r.deaths_conceded_cumulative, strikesToDate: r.strikes_to_date,
      },
      checks, balances, flags,
    };
  });
}
