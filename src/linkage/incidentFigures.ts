/**
 * What an incident takes from its linked claims: figures by a stated rule, and, for a new
 * incident, its date, place and belligerents. Also the harm records of claims and incidents.
 */
import type { WriteContext } from '../audit/context.ts';
import type { NewIncidentProps } from '../incidents/incidentCreator.ts';
import { OUTCOMES, PLACE_PRECISIONS, POPULATIONS, type Outcome, type Population } from '../model/vocabulary.ts';
import { asPrecision, harmRecord, type HarmRecord } from './harmConfig.ts';
import { linkageRepository, type ClaimForLinking, type IncidentForLinking } from './repository.ts';

/** Prefix of the rule of every figure derived here; figures with other rules (imports, analysts) are never overwritten. */
export const FIGURE_RULE_PREFIX = 'linked claims:';

/**
 * The rule, stated: low = the largest minimum any linked claim states (someone vouches for at least
 * that many); high = the largest stated maximum, never below low (null when no claim states a
 * maximum); best = the median of the claims' point figures (min = max → that figure, else the
 * midpoint, or the min when the max is open), kept within [low, high]. Unknown stays null.
 */
export const FIGURE_RULE = `${FIGURE_RULE_PREFIX} low = largest stated minimum; high = largest stated maximum (at least low; null if none states one); best = median of the claims' figures within [low, high]`;

/** A derived figure row. */
export interface DerivedFigure {
  outcome: Outcome;
  population: Population;
  low: number | null;
  best: number | null;
  high: number | null;
  rule: string;
}

/** Figures per outcome × population from claims, by {@link FIGURE_RULE}. */
export function deriveFigures(claims: ReadonlyArray<Pick<ClaimForLinking, 'outcome' | 'population' | 'min' | 'max'>>): DerivedFigure[] {
  const groups = new Map<string, typeof claims[number][]>();
  for (const c of claims) {
    if (!c.outcome || !c.population || (c.min == null && c.max == null)) continue;
    if (!(OUTCOMES as readonly string[]).includes(c.outcome) || !(POPULATIONS as readonly string[]).includes(c.population)) continue;
    const k = `${c.outcome}|${c.population}`;
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(c);
  }
  const out: DerivedFigure[] = [];
  for (const [k, cs] of groups) {
    const [outcome, population] = k.split('|') as [Outcome, Population];
    const mins = cs.map((c) => c.min).filter((x): x is number => x != null);
    const maxs = cs.map((c) => c.max).filter((x): x is number => x != null);
    const low = mins.length ? Math.max(...mins) : null;
    const high = maxs.length ? Math.max(...maxs, low ?? 0) : null;
    const points = cs.map((c) => (c.min != null && c.max != null ? (c.min + c.max) / 2 : c.min ?? c.max!)).sort((a, b) => a - b);
    let best: number | null = points.length ? points[Math.floor((points.length - 1) / 2)] : null;
    if (points.length && points.length % 2 === 0) best = (points[points.length / 2 - 1] + points[points.length / 2]) / 2;
    if (best != null) {
      best = Math.round(best);
      if (low != null && best < low) best = low;
      if (high != null && best > high) best = high;
    }
    out.push({ outcome, population, low, best, high, rule: `${FIGURE_RULE} (${cs.length} claim${cs.length === 1 ? '' : 's'})` });
  }
  return out.sort((a, b) => `${a.outcome}|${a.population}`.localeCompare(`${b.outcome}|${b.population}`));
}

/**
 * Re-derives an incident's figures from its linked claims in the caller's transaction. Rows with
 * another rule are kept; derived rows are replaced. Returns the derived figures (for the audit event).
 */
export async function refreshFigures(ctx: WriteContext, incidentId: number): Promise<DerivedFigure[]> {
  const claims = await linkageRepository.claimsOfIncident(ctx.tx, incidentId);
  const derived = deriveFigures(claims);
  const existing = await linkageRepository.figures(ctx.tx, incidentId);
  const foreign = new Set(existing.filter((f) => !f.rule.startsWith(FIGURE_RULE_PREFIX)).map((f) => `${f.outcome}|${f.population}`));
  await linkageRepository.deleteFigures(ctx.tx, incidentId, existing.filter((f) => f.rule.startsWith(FIGURE_RULE_PREFIX)));
  const rows = derived.filter((f) => !foreign.has(`${f.outcome}|${f.population}`));
  await linkageRepository.insertFigures(ctx.tx, rows.map((f) => ({ incident_id: incidentId, ...f })));
  return rows;
}

const precisionRank = (p: string | null): number => {
  const i = p ? PLACE_PRECISIONS.indexOf(p as never) : -1;
  return i < 0 ? PLACE_PRECISIONS.length : i;
};

/** Date, place and belligerents of a new incident made of these claims (figures included). */
export function incidentPropsFromClaims(claims: readonly ClaimForLinking[]): NewIncidentProps {
  const starts = claims.map((c) => c.period_start ?? c.published_on).filter((d): d is string => !!d).sort();
  const ends = claims.map((c) => c.period_end ?? c.period_start ?? c.published_on).filter((d): d is string => !!d).sort();
  const placed = [...claims].filter((c) => c.place_text || c.lat != null).sort((a, b) => (a.lat != null ? 0 : 1) - (b.lat != null ? 0 : 1) || precisionRank(a.place_precision) - precisionRank(b.place_precision))[0];
  const actors = [...new Set(claims.map((c) => c.actor_norm ?? c.actor_text).filter((a): a is string => !!a && a.trim() !== ''))];
  const dateStart = starts[0] ?? null;
  const dateEnd = ends.at(-1) ?? dateStart;
  return {
    title: [placed?.place_text, dateStart].filter(Boolean).join(', ') || null,
    dateStart, dateEnd,
    datePrecision: dateStart && dateStart === dateEnd ? 'day' : dateStart ? 'span' : null,
    placeText: placed?.place_text ?? null,
    lat: placed?.lat ?? null,
    lon: placed?.lon ?? null,
    placePrecision: placed ? asPrecision(placed.place_precision) : null,
    belligerents: actors,
    figures: deriveFigures(claims),
  };
}

/** The harm record of a claim (the source's publication date when the claim states none). */
export function claimRecord(c: ClaimForLinking, geocode?: ((text: string) => { lat?: number; lon?: number; precision?: string } | null) | null): HarmRecord {
  const g = c.lat == null && c.place_text && geocode ? geocode(c.place_text) : null;
  return harmRecord({
    date: c.period_start ?? c.published_on,
    datePrecision: c.period_start ? c.date_precision : 'day',
    lat: c.lat ?? g?.lat ?? null,
    lon: c.lon ?? g?.lon ?? null,
    precision: c.lat != null ? c.place_precision : g?.precision ?? null,
    placeText: c.place_text,
    killed: c.outcome === 'killed' ? { min: c.min, max: c.max } : null,
    actors: [c.actor_norm ?? c.actor_text],
  });
}

/** The representative record of an existing incident. */
export function incidentRecord(i: IncidentForLinking): HarmRecord {
  return harmRecord({
    date: i.date_start, datePrecision: i.date_precision, lat: i.lat, lon: i.lon, precision: i.place_precision, placeText: i.place_text,
    killed: i.killed_low != null || i.killed_high != null ? { min: i.killed_low, max: i.killed_high } : null,
    actors: i.belligerents,
  });
}
