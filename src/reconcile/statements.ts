/**
 * Statements with their evidence: the seed-style summary sentence generated from the data, each
 * number a link to its query, and claims made in articles (strikes, casualties, reports) set
 * against the totals computed for the same period and place.
 */
import { redactText } from '../privacy/redact.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { COUNTRIES } from '../model/vocabulary.ts';
import { aggregate, strikesHref, type GradeThreshold } from './aggregates.ts';
import { reconcileRepository, type ClaimRow, type ReconcileFilter } from './repository.ts';
import type { CellJson, ClaimComparisonJson, StatementJson } from './schema.ts';

/** A piece of a statement: literal text, or a number with the query behind it. */
export type Piece = string | { value: number | null; href: string | null; text?: string };

const fmt = new Intl.NumberFormat('en-GB');
/** 34502 → "34,502"; null → "an unknown number of". */
export const formatCount = (v: number | null): string => (v == null ? 'an unknown number of' : fmt.format(v));

/** Joins pieces into `{ text, parts }`; the parts' texts concatenate to `text`. */
export function statement(pieces: Piece[]): StatementJson {
  const parts = pieces.map((p) => (typeof p === 'string'
    ? { text: p, value: null, href: null }
    : { text: p.text ?? formatCount(p.value), value: p.value, href: p.href }));
  return { text: parts.map((p) => p.text).join(''), parts };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "2014-08-08" → "August 2014". */
export const monthYear = (d: string): string => `${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;

/** A range as words: "5", "5–7", or the unknown wording. */
function rangePieces(lo: number | null, hi: number | null, href: string): Piece[] {
  if (lo != null && hi != null && lo !== hi) return [{ value: lo, href }, '–', { value: hi, href }];
  return [{ value: lo ?? hi, href }];
}

/**
 * The summary statements of one reconciliation total, e.g. "Between August 2014 and April 2019
 * the coalition declared 34,502 strikes and conceded 1,302 civilian deaths; independent sources
 * graded Fair or better (confirmed + fair) report 3,800–5,100 civilian deaths in 1,500 incidents;
 * 111 of 2,900 alleged incidents remain open." Every number is a part with the href behind it.
 */
export function summaryStatements(total: CellJson, ctx: { first: string | null; last: string | null; belligerent: string | null; country?: string | undefined; threshold: GradeThreshold }): StatementJson[] {
  const who = ctx.belligerent ? `the ${ctx.belligerent}` : 'belligerents';
  const where = ctx.country && ctx.country in COUNTRIES ? ` in ${COUNTRIES[ctx.country as keyof typeof COUNTRIES]}` : '';
  const when = ctx.first && ctx.last ? `Between ${monthYear(ctx.first)} and ${monthYear(ctx.last)}${where} ` : where ? `${where.trim()} ` : '';
  const k = total.independent.killed;
  const opening = `${when}${who}`;
  const main = statement([
    opening.charAt(0).toUpperCase() + opening.slice(1),
    ' declared ', { value: total.strikes.declared, href: total.strikes.href }, ' strikes and conceded ',
    ...rangePieces(total.conceded.killed.min, total.conceded.killed.max, total.conceded.killed.href), ' civilian deaths; independent sources graded ',
    `${ctx.threshold.label} report `, ...rangePieces(k.low, k.high, k.href), ' civilian deaths in ', { value: k.incidents, href: k.href }, ' incidents; ',
    { value: total.incidents.stillOpen.value, href: total.incidents.stillOpen.href }, ' of ',
    { value: total.incidents.alleged.value, href: total.incidents.alleged.href }, ' alleged incidents remain open.',
  ]);
  const i = total.incidents;
  const outcomes = statement([
    'Of ', { value: i.alleged.value, href: i.alleged.href }, ' alleged incidents, ', { value: i.assessed.value, href: i.assessed.href }, ' were assessed: ',
    { value: i.credible.value, href: i.credible.href }, ' found credible (', { value: i.concededInFull.value, href: i.concededInFull.href }, ' conceded in full, ',
    { value: i.concededInPart.value, href: i.concededInPart.href }, ' in part), ', { value: i.rejectedWithReason.value, href: i.rejectedWithReason.href },
    ' rejected with a reason, ', { value: i.rejectedWithoutReason.value, href: i.rejectedWithoutReason.href }, ' rejected without one, ',
    { value: i.duplicate.value, href: i.duplicate.href }, ' closed as duplicates.',
  ]);
  return [main, outcomes];
}

const COUNTRY_WORDS: Record<string, 'IQ' | 'SY'> = { iq: 'IQ', iraq: 'IQ', 'العراق': 'IQ', sy: 'SY', syria: 'SY', 'سوريا': 'SY', 'سورية': 'SY' };

/** The country a claim is about: its resolved place's country, or a place text naming a country. */
export function claimCountry(c: Pick<ClaimRow, 'place_country' | 'place_text'>): 'IQ' | 'SY' | null {
  for (const v of [c.place_country, c.place_text]) {
    const hit = v ? COUNTRY_WORDS[v.trim().toLowerCase()] : undefined;
    if (hit) return hit;
  }
  return null;
}

/** Whether the claimant is the belligerent itself (its own figures) rather than a monitor or the press. */
export function isOfficialClaimant(claimant: string | null, belligerent: string): boolean {
  if (!claimant) return false;
  const c = claimant.trim().toLowerCase();
  if (c === belligerent.toLowerCase()) return true;
  return belligerent === 'coalition' && /coalition|cjtf|inherent resolve|centcom/.test(c);
}

/**
 * Sets each claim against the totals harmwatch computes for the claim's own period and country
 * (falling back to the filter's): strikes → declared strikes; casualties → conceded deaths when
 * the belligerent itself claims, otherwise the independent figures (grade threshold applies);
 * reports → incidents alleged.
 */
export async function compareClaims(db: Kysely<Database>, f: ReconcileFilter, threshold: GradeThreshold, limit = 50): Promise<ClaimComparisonJson[]> {
  const belligerent = f.belligerent ?? 'coalition';
  const claims = await reconcileRepository.claims(db, f, limit);
  const cache = new Map<string, Promise<CellJson | undefined>>();
  const out: ClaimComparisonJson[] = [];
  for (const c of claims) {
    const country = claimCountry(c);
    if (f.country && country && country !== f.country) continue;
    const cf: ReconcileFilter = {
      belligerent,
      from: c.period_start ?? f.from, to: c.period_end ?? f.to,
      country: country ?? (f.country === 'none' ? undefined : f.country),
    };
    const key = JSON.stringify(cf);
    if (!cache.has(key)) cache.set(key, aggregate(db, cf, 'period', threshold).then((cells) => cells[0]));
    const cell = await cache.get(key);
    if (!cell) continue;
    const official = isOfficialClaimant(c.claimant_norm ?? c.claimant, belligerent);
    let computed: ClaimComparisonJson['computed'];
    if (c.type === 'strikes') {
      computed = { what: 'declared strikes', value: cell.strikes.declared, low: null, high: null, href: cell.strikes.href ?? strikesHref(cf) };
    } else if (c.type === 'reports') {
      computed = { what: 'incidents alleged', value: cell.incidents.alleged.value, low: null, high: null, href: cell.incidents.alleged.href };
    } else {
      const outcome = c.outcome === 'injured' ? 'injured' : 'killed';
      if (official) {
        const k = cell.conceded[outcome];
        computed = { what: `civilians ${outcome}, conceded`, value: k.min, low: k.min, high: k.max, href: k.href };
      } else {
        const r = cell.independent[outcome];
        computed = { what: `civilians ${outcome}, independent (${threshold.label})`, value: r.best ?? r.low, low: r.low, high: r.high, href: r.href };
      }
    }
    out.push({
      claimId: c.id, sourceId: c.source_id, type: c.type, claimant: c.claimant, official, quote: redactText(c.quote),
      period: { from: cf.from ?? null, to: cf.to ?? null }, country: country,
      claimed: { min: c.min, max: c.max },
      computed,
      difference: c.min != null && computed.value != null ? c.min - computed.value : null,
    });
  }
  return out;
}

