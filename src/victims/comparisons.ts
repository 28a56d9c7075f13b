/**
 * Fellegi–Sunter comparisons for persons named in Arabic (either script): names aligned part by
 * part (a missing grandfather or an added kunya does not break a match), kunya, gender, age,
 * dates, place and an identity number; and the blocking rules that find candidate pairs.
 */
import { custom, dateGap, exact, jaroWinkler, levenshtein, NULL_LEVEL, numericDistance, stringSimilarity, toEpochDay } from '../linkage/engine/index.ts';
import type { BlockingRule, Comparison } from '../linkage/engine/index.ts';
import { nameKeys as gazetteerKeys } from '../gazetteer/normalise.ts';
import { parseName, type NamePart, type ParsedName } from './names.ts';

/** A person as the matcher sees one record: parsed names and the facts that identify them. */
export interface PersonRecord {
  /** Victim id (or a generated id in evaluations). */
  id: number;
  names: ParsedName[];
  gender: 'female' | 'male' | null;
  /** Best single age (midpoint of a range), null when unknown. */
  age: number | null;
  /** Date of death (or of the incident), days since 1970-01-01. */
  dateOfDeath: number | null;
  /** Date of birth as written (ISO or YYYYMMDD). */
  dateOfBirth: string | null;
  place: { key: string; skel: string } | null;
  nationalId: string | null;
}

const isCanonical = (k: string): boolean => k.length > 0 && !k.includes('~');

/** 2 = same key, 1 = close spelling (typo, unlisted variant), 0 = different. */
export function partSimilarity(a: NamePart, b: NamePart): 0 | 1 | 2 {
  if (a.key && a.key === b.key) return 2;
  // Two different common names (Hasan / Husayn, Ahmad / Hamad) never count as close.
  if (isCanonical(a.key) && isCanonical(b.key)) return 0;
  if (a.skel.length >= 2 && a.skel === b.skel) return 1;
  if (a.norm && b.norm && jaroWinkler(a.norm, b.norm) >= 0.9) return 1;
  if (Math.min(a.skel.length, b.skel.length) >= 2 && Math.max(a.skel.length, b.skel.length) >= 3 && levenshtein(a.skel, b.skel, 1) <= 1) return 1;
  return 0;
}

/** Labels of the name comparison's levels, most similar first. */
export const NAME_LEVELS = [
  'given same, ≥ 2 more parts agree, none conflicts',
  'given agrees, ≥ 1 more part agrees, none conflicts',
  'given agrees, one part conflicts',
  'given agrees, nothing else to compare',
  'given agrees, other parts conflict',
  'given differs',
] as const;

/** How two names agree once their parts are aligned. */
export interface NameAlignment {
  given: 0 | 1 | 2;
  /** Parts after the given name that align (father, grandfather, …, family), exact or close. */
  matched: number;
  /** Parts of the shorter name left without a counterpart. */
  conflicts: number;
  level: number;
}

/**
 * Aligns two names: given names first, then the rest (nasab chain and family name) by the best
 * monotone alignment, so "Muhammad Ahmad al-Jubouri" agrees with "Muhammad Ahmad Ali al-Jubouri".
 */
export function alignNames(a: ParsedName, b: ParsedName): NameAlignment | null {
  if (!a.given || !b.given) return null;
  const given = partSimilarity(a.given, b.given);
  const ra = [...a.chain, ...(a.family ? [a.family] : [])];
  const rb = [...b.chain, ...(b.family ? [b.family] : [])];
  const n = ra.length;
  const m = rb.length;
  // Weighted LCS: 2 for an exact part, 1.5 for a close one; count of aligned parts alongside.
  const score = new Float64Array((n + 1) * (m + 1));
  const count = new Int32Array((n + 1) * (m + 1));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const k = i * (m + 1) + j;
      const up = (i - 1) * (m + 1) + j;
      const left = i * (m + 1) + j - 1;
      let best = score[up] >= score[left] ? up : left;
      let s = score[best];
      let c = count[best];
      const sim = partSimilarity(ra[i - 1], rb[j - 1]);
      if (sim > 0) {
        const d = (i - 1) * (m + 1) + j - 1;
        const v = score[d] + (sim === 2 ? 2 : 1.5);
        if (v > s) { s = v; c = count[d] + 1; best = d; }
      }
      score[k] = s;
      count[k] = c;
    }
  }
  const matched = count[n * (m + 1) + m];
  const conflicts = Math.min(n, m) - matched;
  let level: number;
  if (given === 0) level = 5;
  else if (given === 2 && matched >= 2 && conflicts === 0) level = 0;
  else if (matched >= 1 && conflicts === 0) level = 1;
  else if (matched >= 1 && conflicts === 1 && matched >= conflicts) level = 2;
  else if (matched === 0 && conflicts === 0) level = 3;
  else level = 4;
  return { given, matched, conflicts, level };
}

/** Best (lowest) name level over every pair of the two records' names; -1 when none compares. */
export function nameLevel(a: PersonRecord, b: PersonRecord): number {
  let best = NULL_LEVEL;
  for (const x of a.names) {
    for (const y of b.names) {
      const al = alignNames(x, y);
      if (al && (best === NULL_LEVEL || al.level < best)) best = al.level;
      if (best === 0) return 0;
    }
  }
  return best;
}

const kunyaOf = (r: PersonRecord): string[] => r.names.map((n) => n.kunya?.key).filter((k): k is string => !!k);

/** The person comparisons: name (aligned), kunya, gender, age, date of death, date of birth, place, id number. */
export function personComparisons(): Comparison<PersonRecord>[] {
  return [
    custom('name', [...NAME_LEVELS], nameLevel),
    custom('kunya', ['same kunya', 'different kunya'], (a, b) => {
      const ka = kunyaOf(a);
      const kb = kunyaOf(b);
      if (ka.length === 0 || kb.length === 0) return NULL_LEVEL;
      return ka.some((k) => kb.includes(k)) ? 0 : 1;
    }),
    exact('gender', (r) => r.gender),
    numericDistance('age', (r) => r.age, [0, 1, 3]),
    dateGap('date of death', (r) => r.dateOfDeath, [0, 2, 7]),
    stringSimilarity('date of birth', (r) => r.dateOfBirth, [{ levenshtein: 1 }, { levenshtein: 2 }]),
    custom('place', ['same place', 'close spelling', 'different place'], (a, b) => {
      if (!a.place || !b.place) return NULL_LEVEL;
      if (a.place.key === b.place.key) return 0;
      if ((a.place.skel.length >= 2 && a.place.skel === b.place.skel) || jaroWinkler(a.place.key, b.place.key) >= 0.9) return 1;
      return 2;
    }),
    stringSimilarity('id number', (r) => r.nationalId, [{ levenshtein: 1 }, { levenshtein: 2 }]),
  ];
}

const partKey = (p: NamePart | null | undefined): string | null => (p?.key ? p.key : null);

/** Keys of a record under one rule: any of its names may carry it (first one that has it). */
function firstKey(r: PersonRecord, f: (n: ParsedName) => string | null): string | null {
  for (const n of r.names) {
    const k = f(n);
    if (k) return k;
  }
  return null;
}

const join = (...xs: Array<string | number | null>): string | null => (xs.some((x) => x == null || x === '') ? null : xs.join('\u0001'));

/** Blocking rules: a union over name keys, dates, place and id number. */
export function personBlocking(): BlockingRule<PersonRecord>[] {
  return [
    { name: 'given+father', fields: [], key: (r) => firstKey(r, (n) => join(partKey(n.given), partKey(n.father))) },
    { name: 'father+grandfather', fields: [], key: (r) => firstKey(r, (n) => join(partKey(n.father), partKey(n.grandfather))) },
    { name: 'given+family', fields: [], key: (r) => firstKey(r, (n) => join(partKey(n.given), partKey(n.family))) },
    { name: 'given+date', fields: ['date of death'], key: (r) => firstKey(r, (n) => join(partKey(n.given), r.dateOfDeath)) },
    { name: 'father+date', fields: ['date of death'], key: (r) => firstKey(r, (n) => join(partKey(n.father), r.dateOfDeath)) },
    { name: 'father+family', fields: [], key: (r) => firstKey(r, (n) => join(partKey(n.father), partKey(n.family))) },
    { name: 'given+place', fields: ['place'], key: (r) => firstKey(r, (n) => join(partKey(n.given), r.place?.key ?? null)) },
    { name: 'given skeleton+birth', fields: ['date of birth'], key: (r) => firstKey(r, (n) => join(n.given?.skel ?? null, r.dateOfBirth)) },
    { name: 'father skeleton+birth', fields: ['date of birth'], key: (r) => firstKey(r, (n) => join(n.father?.skel ?? n.family?.skel ?? null, r.dateOfBirth)) },
    { name: 'id number', fields: ['id number'], key: (r) => r.nationalId },
  ];
}

/** Plain facts of one record, before parsing. */
export interface PersonFacts {
  id: number;
  /** Names as written (full strings), or already parsed. */
  names: Array<string | ParsedName>;
  gender?: string | null;
  age?: number | null;
  dateOfDeath?: string | null;
  dateOfBirth?: string | null;
  place?: string | null;
  nationalId?: string | null;
}

/** Builds the matcher's view of a record: names parsed, dates as days, place keyed. */
export function personRecord(f: PersonFacts): PersonRecord {
  const place = f.place?.trim() ? placeKeys(f.place) : null;
  const g = f.gender?.toLowerCase();
  return {
    id: f.id,
    names: f.names.map((n) => (typeof n === 'string' ? parseName(n) : n)).filter((n) => n.given || n.kunya),
    gender: g === 'female' || g === 'f' ? 'female' : g === 'male' || g === 'm' ? 'male' : null,
    age: f.age ?? null,
    dateOfDeath: toEpochDay(f.dateOfDeath ?? null),
    dateOfBirth: f.dateOfBirth?.trim() ? f.dateOfBirth.replace(/-/g, '') : null,
    place: place && place.key ? place : null,
    nationalId: f.nationalId?.replace(/\D/g, '') || null,
  };
}

function placeKeys(text: string): { key: string; skel: string } {
  const k = gazetteerKeys(text);
  return { key: k.key, skel: k.skel };
}
