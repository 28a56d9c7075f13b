/**
 * The harm-report linkage configuration (moved here from bench/link.ts): the record shape the
 * linker compares, its comparisons, blocking rules, belligerent groups, and expert prior
 * parameters used when a run is too small for EM to estimate m and u on its own.
 */
import {
  actorCompatibility, casualtyRange, dateGap, geoDistance, normalisePlaceName, placeName, precisionRadiusKm,
} from './engine/index.ts';
import type { BlockingRule, CasualtyRange, Comparison, FsParams, GeoPoint } from './engine/index.ts';
import { PLACE_PRECISIONS, type PlacePrecision } from '../model/vocabulary.ts';

/** One report (or an incident's representative record) as the linker sees it. */
export interface HarmRecord {
  /** Day number (days since 1970-01-01) of the event; null when unknown or coarser than a week. */
  day: number | null;
  point: GeoPoint | null;
  /** Normalised place name (normalisePlaceName). */
  place: string | null;
  killed: CasualtyRange | null;
  actors: string[];
  /** Blocking keys: 0.5° cell of fine points, 2° cell of points up to district level, weeks. */
  cell: string | null;
  coarse: string | null;
  week: number | null;
  week2: number | null;
}

/** Belligerents by group: coalition members are compatible with "the coalition". */
export const ACTOR_GROUPS: Readonly<Record<string, string>> = {
  coalition: 'coalition', 'us-led coalition': 'coalition', 'united states': 'coalition', us: 'coalition', usa: 'coalition',
  uk: 'coalition', 'united kingdom': 'coalition', france: 'coalition', australia: 'coalition', 'cjtf-oir': 'coalition',
  'russian forces': 'russia-regime', russia: 'russia-regime', 'syrian regime': 'russia-regime', 'syrian government': 'russia-regime',
  russian_forces: 'russia-regime', syrian_regime: 'russia-regime',
};

/** Comparisons of harm reports: date gap, distance scaled by precision, place name, killed range, actor. */
export const HARM_COMPARISONS: Comparison<HarmRecord>[] = [
  dateGap<HarmRecord>('date', (r) => r.day, [0, 1, 3, 7]),
  geoDistance<HarmRecord>('place', (r) => r.point),
  placeName<HarmRecord>('place name', (r) => r.place),
  casualtyRange<HarmRecord>('killed', (r) => r.killed),
  actorCompatibility<HarmRecord>('actor', (r) => r.actors, { groups: ACTOR_GROUPS }),
];

/** Blocking: same day and cell, same name within a week (two offsets), same week and cell, same day and coarse cell. */
export const HARM_BLOCKING: BlockingRule<HarmRecord>[] = [
  { name: 'day+cell', fields: ['date'], key: (r) => (r.day == null || r.cell == null ? null : `${r.day}|${r.cell}`) },
  { name: 'place name+week', fields: ['place name'], key: (r) => (r.place == null || r.week == null ? null : `${r.place}|${r.week}`) },
  { name: 'place name+shifted week', fields: ['place name'], key: (r) => (r.place == null || r.week2 == null ? null : `${r.place}|${r.week2}`) },
  { name: 'week+cell', key: (r) => (r.week == null || r.cell == null ? null : `${r.week}|${r.cell}`) },
  { name: 'day+coarse cell', fields: ['date'], key: (r) => (r.day == null || r.coarse == null ? null : `${r.day}|${r.coarse}`) },
];

/**
 * Expert priors per comparison level among candidate (blocked) pairs, and λ for a candidate pair.
 * Used for runs with fewer than {@link MIN_TRAINING_RECORDS} records, and as the EM side of the
 * supervised blend when labels exist.
 */
export const PRIOR_PARAMS: FsParams = {
  fields: HARM_COMPARISONS.map((c) => c.name),
  levels: HARM_COMPARISONS.map((c) => [...c.levels]),
  m: [[0.6, 0.2, 0.12, 0.05, 0.03], [0.85, 0.1, 0.03, 0.02], [0.85, 0.1, 0.05], [0.5, 0.25, 0.15, 0.1], [0.85, 0.1, 0.05]],
  u: [[0.15, 0.15, 0.2, 0.25, 0.25], [0.2, 0.3, 0.3, 0.2], [0.1, 0.1, 0.8], [0.08, 0.12, 0.2, 0.6], [0.4, 0.2, 0.4]],
  lambda: 0.2,
};

/** Below this many records the linker scores with {@link PRIOR_PARAMS} instead of trained parameters. */
export const MIN_TRAINING_RECORDS = 1000;

/** Default decision thresholds: p ≥ 0.9 links, 0.2 ≤ p < 0.9 goes to review. */
export const DEFAULT_THRESHOLDS = { linkProbability: 0.9, reviewProbability: 0.2 } as const;

const DAY_MS = 86_400_000;

/** Day number of a 'YYYY-MM-DD' date, or null. */
export function dayNumber(date: string | null | undefined): number | null {
  if (!date) return null;
  const t = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isFinite(t) ? Math.floor(t / DAY_MS) : null;
}

/** 'YYYY-MM-DD' of a day number. */
export const dayString = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** A place precision word, or null when the value is not one. */
export function asPrecision(p: string | null | undefined): PlacePrecision | null {
  return p != null && (PLACE_PRECISIONS as string[]).includes(p) ? (p as PlacePrecision) : null;
}

/** What {@link harmRecord} is built from. */
export interface HarmFields {
  date: string | null;
  /** Date precision: coarser than a week gives no day. */
  datePrecision?: string | null;
  lat?: number | null;
  lon?: number | null;
  precision?: string | null;
  placeText?: string | null;
  killed?: CasualtyRange | null;
  actors?: readonly (string | null | undefined)[];
}

/** Builds a record with its blocking keys. */
export function harmRecord(f: HarmFields): HarmRecord {
  const coarseDate = f.datePrecision === 'month' || f.datePrecision === 'year';
  const day = coarseDate ? null : dayNumber(f.date);
  const prec = asPrecision(f.precision) ?? 'town';
  const point = f.lat != null && f.lon != null ? { lat: f.lat, lon: f.lon, radiusKm: precisionRadiusKm(prec) } : null;
  const place = f.placeText ? normalisePlaceName(f.placeText) || null : null;
  const killed = f.killed && (f.killed.min != null || f.killed.max != null) ? f.killed : null;
  const actors = (f.actors ?? []).filter((a): a is string => !!a && a.trim() !== '').map((a) => a.trim());
  return {
    day, point, place, killed, actors,
    cell: point && point.radiusKm < 20 ? `${Math.floor(point.lat * 2)}:${Math.floor(point.lon * 2)}` : null,
    coarse: point && point.radiusKm <= 30 ? `${Math.floor(point.lat / 2)}:${Math.floor(point.lon / 2)}` : null,
    week: day == null ? null : Math.floor(day / 7),
    week2: day == null ? null : Math.floor((day + 3) / 7),
  };
}
