/**
 * Geocoding of place phrases ("near Hajin", "the town of Baguoz", "ريف الرقة", "east of the
 * country") into ranked candidates with an honest precision, and reverse geocoding / coordinate
 * checks on the vendored gazetteer.
 */
import type { CountryCode } from '../model/vocabulary.ts';
import { vendoredGazetteer } from './gazetteer.ts';
import type { Gazetteer, NameMatch } from './gazetteer.ts';
import { mentionMatches } from './mentions.ts';
import { skeleton } from './normalise.ts';
import { parsePlace, withoutModifiers } from './qualifiers.ts';
import type { CoordinateProblem, ReverseResult } from './reverse.ts';
import { coarser, distanceM, radiusOf, widen } from './types.ts';
import type { FeatureType, GeocodeCandidate, PlaceRecord } from './types.ts';

/** Options of {@link geocode}. */
export interface GeocodeOptions {
  country?: CountryCode;
  /** Most candidates returned (default 5). */
  limit?: number;
  /** Gazetteer to search (default: the vendored data). */
  gazetteer?: Gazetteer;
  /** Place ids to leave out (leave-one-out evaluation). */
  exclude?: ReadonlySet<string>;
  /** Names of areas the place is known to lie in (e.g. the governorate of the incident). */
  context?: string[];
}

const TYPE_BONUS: Record<FeatureType, number> = {
  country: 0.01, governorate: 0.04, district: 0.035, subdistrict: 0.03,
  city: 0.06, town: 0.05, village: 0.045, neighbourhood: 0.03, site: 0.02,
};

const LEVEL_TYPE: Record<'governorate' | 'district' | 'subdistrict', FeatureType> = {
  governorate: 'governorate', district: 'district', subdistrict: 'subdistrict',
};

interface Scored { m: NameMatch; score: number }

const adminMemo = new WeakMap<PlaceRecord, { admin: string[]; pcode: string | null }>();

/** Admin names and p-code of a place; filled from the polygons when the record lacks them. */
function adminOf(g: Gazetteer, p: PlaceRecord): { admin: string[]; pcode: string | null } {
  if (p.featureType === 'country' || (p.admin.length > 0 && p.pcode)) return { admin: p.admin, pcode: p.pcode };
  const hit = adminMemo.get(p);
  if (hit) return hit;
  const r = g.boundaries.reverse(p.lat, p.lon);
  const admin = p.admin.length > 0 ? p.admin : [r.adm1?.name, r.adm2?.name, r.adm3?.name].filter((x): x is string => !!x);
  const res = { admin, pcode: p.pcode ?? r.adm3?.pcode ?? r.adm2?.pcode ?? r.adm1?.pcode ?? null };
  adminMemo.set(p, res);
  return res;
}

/** A ranked answer for a place (admin names and p-code filled from the polygons when missing). */
export function candidate(g: Gazetteer, p: PlaceRecord, score: number, matchedName: string, qualifiers: string[], precision = p.precision): GeocodeCandidate {
  const { admin, pcode } = adminOf(g, p);
  return {
    name: p.name, nameAr: p.nameAr, lat: p.lat, lon: p.lon, precision, radius_m: radiusOf(precision), admin, pcode,
    score: Math.round(Math.min(1, score) * 1000) / 1000, placeId: p.id, featureType: p.featureType, country: p.country,
    matchedName, qualifiers,
  };
}

function addAll(all: Map<string, NameMatch>, ms: NameMatch[], factor: number): void {
  for (const m of ms) {
    const s = m.nameScore * factor;
    const cur = all.get(m.place.id);
    if (!cur || cur.nameScore < s) all.set(m.place.id, factor === 1 ? m : { ...m, nameScore: s });
  }
}

/** Name matches of a bare name and of its variants (modifier words dropped, first of "X or Y"). */
function matchName(g: Gazetteer, core: string, exclude?: ReadonlySet<string>): NameMatch[] {
  const main = g.search(core, { exclude });
  const top = main[0]?.nameScore ?? 0;
  if (top >= 0.97) return main;
  const all = new Map<string, NameMatch>();
  addAll(all, main, 1);
  const bare = withoutModifiers(core);
  if (bare) addAll(all, g.search(bare, { exclude }), 0.95);
  const parts = core.split(/\s+(?:or|and|و|أو|او)\s+|\s*[/&]\s*/i).filter((s) => s.trim());
  if (parts.length > 1) addAll(all, g.search(parts[0], { exclude }), 0.95);
  return [...all.values()];
}

function isDuplicate(out: GeocodeCandidate[], c: GeocodeCandidate): boolean {
  for (const o of out) {
    if (o.placeId === c.placeId) return true;
    if (distanceM(o.lat, o.lon, c.lat, c.lon) <= Math.max(1_000, Math.min(o.radius_m, c.radius_m))) return true;
  }
  return false;
}

const CONTEXT_NOISE = /\b(rural|governorate|province|countryside|city|town|village|district|sub-?district|area|centre|center)\b|(^|\s)(ريف|محافظة|مدينة|منطقة|ناحية|قضاء)(?=\s|$)/gi;

/** Places named by the context ("Aleppo", "Deir Ezzor city", "Jableh District"), found by exact key. */
function contextPlaces(g: Gazetteer, context: string[]): { skels: string[]; places: PlaceRecord[] } {
  const skels: string[] = [];
  const places: PlaceRecord[] = [];
  for (const c of context) {
    const clean = c.replace(CONTEXT_NOISE, ' ').replace(/\s+/g, ' ').trim();
    if (!clean) continue;
    const sk = skeleton(clean);
    if (sk.length >= 2) skels.push(sk);
    for (const m of g.exact(clean)) places.push(m.place);
  }
  return { skels, places };
}

const SETTLEMENT = new Set<FeatureType>(['city', 'town', 'village', 'neighbourhood', 'site']);

function rank(g: Gazetteer, ms: NameMatch[], context: string[], preferType: FeatureType | null, kind: FeatureType | null): Scored[] {
  const ctx = context.length ? contextPlaces(g, context) : null;
  return ms.map((m) => {
    const p = m.place;
    let score = 0.9 * m.nameScore + TYPE_BONUS[p.featureType];
    if (p.population) score += 0.02 * Math.min(1, Math.log10(1 + p.population) / 6);
    if (p.uses) score += 0.02 * Math.min(1, Math.log10(1 + p.uses) / 1.5);
    if (preferType && p.featureType === preferType) score += 0.15;
    if (kind) score += p.featureType === kind ? 0.08 : SETTLEMENT.has(p.featureType) ? 0.04 : 0;
    if (ctx && ctxMatches(g, p, ctx)) score += 0.12;
    return { m, score };
  }).sort((a, b) => b.score - a.score);
}

/** The place lies in an area named by the context, or near a place it names. */
function ctxMatches(g: Gazetteer, p: PlaceRecord, ctx: { skels: string[]; places: PlaceRecord[] }): boolean {
  if (ctx.skels.length) {
    const names = [...adminOf(g, p).admin, ...p.admin, g.boundaries.reverse(p.lat, p.lon).adm1?.name ?? ''];
    if (names.some((a) => ctx.skels.includes(skeleton(a)))) return true;
  }
  return ctx.places.some((c) => c.id !== p.id && c.featureType !== 'country'
    && distanceM(c.lat, c.lon, p.lat, p.lon) <= Math.max(30_000, radiusOf(c.precision)));
}

/** The governorate place containing a place (by its coordinate), if the gazetteer has it. */
function governorateOf(g: Gazetteer, p: PlaceRecord): PlaceRecord | null {
  if (p.featureType === 'governorate') return p;
  const adm1 = g.boundaries.reverse(p.lat, p.lon).adm1;
  return adm1 ? g.get(`cod:${adm1.pcode}`) ?? null : null;
}

/**
 * Ranked candidates for a place phrase. Leading "near", "in", "the village of", "قرية", "بلدة",
 * "مدينة", "ريف", "حي", "مخيم" and a trailing ", Syria" are read as qualifiers: "near X" widens
 * the precision one step, "X countryside" / "ريف X" answers with X's governorate, "east of the
 * country" answers with the country. A name matched in the gazetteer is never more precise
 * than a neighbourhood. Never throws; unknown text gives an empty list.
 *
 * @example geocode('near Hajin', { country: 'SY' })[0].precision // one step coarser than Hajin's
 */
export function geocode(text: string, opts: GeocodeOptions = {}): GeocodeCandidate[] {
  const g = opts.gazetteer ?? vendoredGazetteer();
  const limit = Math.max(1, opts.limit ?? 5);
  const parsed = parsePlace(typeof text === 'string' ? text : String(text));
  const country = opts.country ?? parsed.country ?? undefined;
  const quals = parsed.qualifiers;
  if (parsed.level === 'country') {
    const codes: CountryCode[] = country ? [country] : ['IQ', 'SY'];
    return codes
      .map((c) => g.get(`country:${c}`))
      .filter((p): p is PlaceRecord => p !== undefined)
      .map((p) => candidate(g, p, country ? 1 : 0.5, p.name, quals, 'country'))
      .slice(0, limit);
  }
  if (!parsed.core) return [];
  let ms = matchName(g, parsed.core, opts.exclude);
  let best = 0;
  for (const m of ms) if (m.nameScore > best && (!country || m.place.country === country)) best = m.nameScore;
  const mentionedIds = new Set<string>();
  if (best < 0.85) {
    // the name itself is unknown: fall back to known places mentioned in the phrase
    const mentioned = mentionMatches(g, text, opts.exclude);
    for (const m of mentioned) mentionedIds.add(m.place.id);
    ms = [...ms, ...mentioned];
  }
  if (country) ms = ms.filter((m) => m.place.country === country);
  const preferType = parsed.level ? LEVEL_TYPE[parsed.level] : null;
  const ranked = rank(g, ms, [...parsed.context, ...(opts.context ?? [])], preferType, parsed.kind);
  const out: GeocodeCandidate[] = [];
  const topScore = ranked[0]?.score ?? 0;
  for (const { m, score } of ranked) {
    if (out.length >= limit) break;
    // weak tails are noise, not alternatives
    if (out.length > 0 && (m.nameScore < 0.7 || score < topScore - 0.25)) continue;
    let p = m.place;
    let precision = p.featureType === 'country' ? 'country' as const : coarser(p.precision, 'neighbourhood');
    if (parsed.level === 'governorate' && p.featureType !== 'governorate') {
      const gov = governorateOf(g, p);
      if (gov) { p = gov; precision = 'governorate'; } else precision = coarser(precision, 'governorate');
    }
    if (parsed.near) precision = widen(precision);
    const q = mentionedIds.has(m.place.id) ? [...quals, `fallback: "${m.matchedName}" is mentioned in the text`] : quals;
    const c = candidate(g, p, score, m.matchedName, q, precision);
    if (!isDuplicate(out, c)) out.push(c);
  }
  return out;
}

/**
 * Country, governorate, district and sub-district (Iraq adm1–3, Syria adm1) of a point, with
 * names and p-codes. Outside Iraq and Syria all levels are null. Never throws.
 */
export function reverseGeocode(lat: number, lon: number, gazetteer: Gazetteer = vendoredGazetteer()): ReverseResult {
  return gazetteer.boundaries.reverse(lat, lon);
}

/**
 * Problems of a coordinate pair, each with a reason: impossible values (a longitude of
 * 4239.00416), swapped latitude/longitude, a point outside the stated country. Empty when fine.
 */
export function checkCoordinate(lat: number, lon: number, country?: CountryCode, gazetteer: Gazetteer = vendoredGazetteer()): CoordinateProblem[] {
  return gazetteer.boundaries.check(lat, lon, country);
}
