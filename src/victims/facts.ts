/**
 * Facts about a victim and how each is checked: age (a number or a range), age group, gender,
 * outcome, civilian/combatant status, family group, protected group, date of death, place,
 * date of birth and identity number. Every fact is stored with its claim or source; facts that
 * disagree are all kept.
 */
import { OUTCOMES } from '../model/vocabulary.ts';

/** Fields a victim fact may be about. */
export const VICTIM_FACT_FIELDS = [
  'age', 'age_group', 'gender', 'outcome', 'status', 'family_group', 'protected_group', 'date_of_death', 'place', 'date_of_birth', 'national_id',
] as const;
export type VictimFactField = (typeof VICTIM_FACT_FIELDS)[number];

export const AGE_GROUPS = ['infant', 'child', 'adult', 'elderly'] as const;
export const GENDERS = ['female', 'male'] as const;
export const VICTIM_STATUSES = ['civilian', 'combatant', 'unknown'] as const;
export const PROTECTED_GROUPS = ['journalists', 'health_workers', 'aid_workers', 'human_rights_defenders'] as const;

/** Fields that never leave through a public presenter (identifying). */
export const RESTRICTED_FACT_FIELDS: ReadonlySet<string> = new Set(['date_of_birth', 'national_id', 'family_group', 'place']);

const GENDER_WORDS: Record<string, 'female' | 'male'> = {
  f: 'female', female: 'female', woman: 'female', girl: 'female', 'أنثى': 'female', 'انثى': 'female', 'انثي': 'female', 'أنثي': 'female', 'ذكر': 'male',
  m: 'male', male: 'male', man: 'male', boy: 'male', 'امرأة': 'female', 'طفلة': 'female', 'رجل': 'male', 'طفل': 'male',
};

/** Arabic-Indic digits to ASCII. */
const ascii = (s: string): string => s.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));

/** YYYY-MM-DD, DD/MM/YYYY or DD-MM-YYYY (the day-first order of the region's lists) → ISO, or null. */
export function parseListDate(value: string): string | null {
  const v = ascii(value).trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v))) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 1900 || date.getTime() > Date.now()) return null;
  return date.toISOString().slice(0, 10);
}

/** The value of a fact, normalised, or why it is not one. */
export type FactCheck = { ok: true; value: string } | { ok: false; reason: string };

/**
 * Checks and normalises one fact value.
 *
 * @example checkFact('gender', 'ذكر') // { ok: true, value: 'male' }
 * @example checkFact('age', '30-35') // { ok: true, value: '30-35' }
 */
export function checkFact(field: VictimFactField, raw: string): FactCheck {
  const v = ascii(raw).trim();
  if (!v) return { ok: false, reason: 'empty value' };
  const oneOf = (xs: readonly string[]): FactCheck => (xs.includes(v.toLowerCase()) ? { ok: true, value: v.toLowerCase() } : { ok: false, reason: `not one of ${xs.join(', ')}` });
  switch (field) {
    case 'age': {
      const m = /^(\d{1,3})(?:\s*[-–]\s*(\d{1,3}))?$/.exec(v);
      if (!m) return { ok: false, reason: 'not an age in years (a number or a range such as 30-35)' };
      const lo = Number(m[1]);
      const hi = m[2] ? Number(m[2]) : lo;
      if (hi > 120 || lo > hi) return { ok: false, reason: 'age out of range 0–120' };
      return { ok: true, value: lo === hi ? String(lo) : `${lo}-${hi}` };
    }
    case 'age_group': return oneOf(AGE_GROUPS);
    case 'gender': {
      const g = GENDER_WORDS[v.toLowerCase()];
      return g ? { ok: true, value: g } : { ok: false, reason: 'not a gender (female, male, f, m, أنثى, ذكر)' };
    }
    case 'outcome': return oneOf(OUTCOMES);
    case 'status': return oneOf(VICTIM_STATUSES);
    case 'protected_group': return oneOf(PROTECTED_GROUPS);
    case 'date_of_death':
    case 'date_of_birth': {
      const d = parseListDate(v);
      return d ? { ok: true, value: d } : { ok: false, reason: 'not a past calendar date (YYYY-MM-DD or DD/MM/YYYY)' };
    }
    case 'family_group':
    case 'place':
    case 'national_id':
      return { ok: true, value: v.slice(0, 500) };
  }
}

/** An age fact as a range. */
export function ageRange(value: string): { min: number; max: number } {
  const [a, b] = value.split('-').map(Number);
  return { min: a, max: b ?? a };
}
