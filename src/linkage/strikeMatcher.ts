/**
 * Allegation ↔ declared strike matching. Candidates of an incident are the declared strikes
 * released from 1 day before to 3 days after its dates (releases report the previous day or days),
 * in the same country, by a compatible belligerent (incidents with no belligerent recorded are
 * allowed with a penalty), and within the two places' combined precision radius: strikes' place
 * text is geocoded with the gazetteer when it is available and the coordinates are cached in
 * declared_strikes (an audited batch update); without coordinates the normalised place names must
 * agree. Score = ½·time + ½·place (× 0.8 for an unknown belligerent). Every candidate is kept in
 * strike_matches; a one-to-one assignment is made **greedily by score** (highest first, each
 * incident and each strike line used once) and flagged `assigned`.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { recordAudit } from '../audit/service.ts';
import { haversineKm, normalisePlaceName, precisionRadiusKm } from './engine/index.ts';
import { ACTOR_GROUPS, asPrecision, dayNumber, dayString } from './harmConfig.ts';
import { linkageRepository } from './repository.ts';

/** Geocodes a strike's place text in its country. */
export type StrikeGeocoder = (text: string, country: 'IQ' | 'SY') => { lat: number; lon: number; precision: string } | null;

/** The vendored gazetteer as a strike geocoder, or null when it cannot be loaded. */
export async function gazetteerStrikeGeocoder(): Promise<StrikeGeocoder | null> {
  try {
    const { geocode } = await import('../gazetteer/geocode.ts');
    return (text, country) => {
      const c = geocode(text, { country, limit: 1 })[0];
      return c && c.score >= 0.8 ? { lat: c.lat, lon: c.lon, precision: c.precision } : null;
    };
  } catch {
    return null;
  }
}

/** Options of {@link matchStrikes}. */
export interface StrikeMatchOptions {
  actor: string;
  reason?: string;
  geocode?: StrikeGeocoder | null;
}

/** One candidate. */
export interface StrikeCandidate {
  incidentId: number;
  strikeId: number;
  dayGap: number;
  distanceKm: number | null;
  score: number;
  assigned: boolean;
}

/** Summary of a run. */
export interface StrikeMatchSummary {
  incidents: number;
  strikesGeocoded: number;
  candidates: number;
  assigned: number;
  assignment: 'greedy by score';
  items: Array<{ incident: string; candidates: number; assignedStrike: number | null }>;
}

const TIME_SCORE: Record<number, number> = { [-1]: 0.6, 0: 1, 1: 0.9, 2: 0.7, 3: 0.5 };
const group = (a: string): string => ACTOR_GROUPS[a.trim().toLowerCase()] ?? a.trim().toLowerCase();

/** Caches gazetteer coordinates of strikes that have none (audited, 500 a batch). */
async function geocodeStrikes(db: Kysely<Database>, geocode: StrikeGeocoder, o: StrikeMatchOptions): Promise<number> {
  const rows = await db.selectFrom('declared_strikes').select(['id', 'place_text', 'country']).where('lat', 'is', null).orderBy('id').execute();
  const found = rows.flatMap((r) => { const g = geocode(r.place_text, r.country); return g ? [{ id: r.id, ...g }] : []; });
  for (let i = 0; i < found.length; i += 500) {
    const batch = found.slice(i, i + 500);
    await db.transaction().execute(async (tx) => {
      for (const b of batch) await tx.updateTable('declared_strikes').set({ lat: b.lat, lon: b.lon, place_precision: asPrecision(b.precision) }).where('id', '=', b.id).execute();
      await recordAudit({ actor: o.actor, reason: o.reason ?? 'coordinates of declared strikes from the gazetteer', tx }, {
        action: 'strikes.geocoded', targetType: 'declared_strike', after: { strikes: batch.map((b) => b.id) },
      });
    });
  }
  return found.length;
}

/** Finds, scores and assigns declared-strike candidates for every active dated incident. */
export async function matchStrikes(db: Kysely<Database>, o: StrikeMatchOptions): Promise<StrikeMatchSummary> {
  const strikesGeocoded = o.geocode ? await geocodeStrikes(db, o.geocode, o) : 0;
  const incidents = (await linkageRepository.activeIncidents(db)).filter((i) => i.date_start);
  const summary: StrikeMatchSummary = { incidents: incidents.length, strikesGeocoded, candidates: 0, assigned: 0, assignment: 'greedy by score', items: [] };
  if (incidents.length === 0) return summary;
  const days = incidents.map((i) => dayNumber(i.date_start)!);
  const ends = incidents.map((i) => dayNumber(i.date_end) ?? dayNumber(i.date_start)!);
  const strikes = await db.selectFrom('declared_strikes').select(['id', 'release_date', 'country', 'place_text', 'lat', 'lon', 'place_precision', 'belligerent'])
    .where('release_date', '>=', dayString(Math.min(...days) - 1)).where('release_date', '<=', dayString(Math.max(...ends) + 3)).execute();
  const byDay = new Map<number, typeof strikes>();
  for (const s of strikes) { const d = dayNumber(s.release_date)!; (byDay.get(d) ?? byDay.set(d, []).get(d)!).push(s); }
  const cands: StrikeCandidate[] = [];
  incidents.forEach((inc, k) => {
    const groups = inc.belligerents.map(group);
    const name = inc.place_text ? normalisePlaceName(inc.place_text) : null;
    const rI = precisionRadiusKm(asPrecision(inc.place_precision) ?? 'town');
    for (let d = days[k] - 1; d <= ends[k] + 3; d++) {
      const gap = d < days[k] ? d - days[k] : d > ends[k] ? d - ends[k] : 0;
      for (const s of byDay.get(d) ?? []) {
        if (inc.country && inc.country !== s.country) continue;
        const compatible = groups.includes(group(s.belligerent));
        if (groups.length > 0 && !compatible) continue;
        let place: number;
        let distanceKm: number | null = null;
        if (inc.lat != null && inc.lon != null && s.lat != null && s.lon != null) {
          const slack = rI + precisionRadiusKm(asPrecision(s.place_precision) ?? 'town');
          distanceKm = Math.round(haversineKm(inc.lat, inc.lon, s.lat, s.lon) * 1000) / 1000;
          if (distanceKm > slack) continue;
          place = 1 - (0.5 * distanceKm) / slack;
        } else if (name && normalisePlaceName(s.place_text) === name) {
          place = 0.8;
        } else continue;
        const score = Math.round((0.5 * TIME_SCORE[gap] + 0.5 * place) * (compatible ? 1 : 0.8) * 10_000) / 10_000;
        cands.push({ incidentId: inc.id, strikeId: s.id, dayGap: gap, distanceKm, score, assigned: false });
      }
    }
  });
  const usedI = new Set<number>();
  const usedS = new Set<number>();
  for (const c of [...cands].sort((a, b) => b.score - a.score || a.incidentId - b.incidentId || a.strikeId - b.strikeId)) {
    if (usedI.has(c.incidentId) || usedS.has(c.strikeId)) continue;
    c.assigned = true;
    usedI.add(c.incidentId);
    usedS.add(c.strikeId);
  }
  await db.transaction().execute(async (tx) => {
    const ids = incidents.map((i) => i.id);
    for (let i = 0; i < ids.length; i += 1000) await tx.deleteFrom('strike_matches').where('incident_id', 'in', ids.slice(i, i + 1000)).execute();
    for (let i = 0; i < cands.length; i += 1000) {
      await tx.insertInto('strike_matches').values(cands.slice(i, i + 1000).map((c) => ({
        incident_id: c.incidentId, strike_id: c.strikeId, day_gap: c.dayGap, distance_km: c.distanceKm, score: c.score, assigned: c.assigned,
      }))).execute();
    }
    await recordAudit({ actor: o.actor, reason: o.reason ?? 'allegation to declared strike matching', tx }, {
      action: 'linkage.strikes_matched', targetType: 'strike_matches', after: { incidents: ids.length, candidates: cands.length, assigned: usedI.size },
    });
  });
  summary.candidates = cands.length;
  summary.assigned = usedI.size;
  const per = new Map<number, { n: number; assigned: number | null }>();
  for (const c of cands) {
    const e = per.get(c.incidentId) ?? per.set(c.incidentId, { n: 0, assigned: null }).get(c.incidentId)!;
    e.n++;
    if (c.assigned) e.assigned = c.strikeId;
  }
  summary.items = incidents.map((inc) => ({ incident: inc.public_id, candidates: per.get(inc.id)?.n ?? 0, assignedStrike: per.get(inc.id)?.assigned ?? null }));
  return summary;
}

/** Incidents matched to a declared strike ("allegations nearby"), best first. */
export async function allegationsNear(db: Kysely<Database>, strikeId: number, publishedOnly: boolean) {
  let q = db.selectFrom('strike_matches').innerJoin('incidents', 'incidents.id', 'strike_matches.incident_id')
    .select(['incidents.public_id', 'incidents.title', 'incidents.date_start', 'incidents.place_text', 'incidents.status', 'incidents.grade',
      'strike_matches.day_gap', 'strike_matches.distance_km', 'strike_matches.score', 'strike_matches.assigned'])
    .where('strike_matches.strike_id', '=', strikeId);
  if (publishedOnly) q = q.where('incidents.status', '=', 'published');
  return q.orderBy('strike_matches.score', 'desc').orderBy('incidents.id').execute();
}
