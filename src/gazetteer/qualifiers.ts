/**
 * Reads the qualifiers around a place name in free text ("near Hajin", "the town of Baguoz",
 * "ريف الرقة", "Al Fardous (Aleppo)", "east of the country", "…, Syria") and returns the bare
 * name with what was said about it.
 */
import type { CountryCode } from '../model/vocabulary.ts';
import { stripInvisible } from './normalise.ts';

/** What a place phrase says besides the name. */
export interface ParsedPlace {
  /** The bare name to look up ('' for country-level phrases). */
  core: string;
  /** Human-readable qualifiers found, in order ("near", "countryside", "camp", …). */
  qualifiers: string[];
  /** "near X", "outskirts of X", "قرب X": the answer is widened one precision step. */
  near: boolean;
  /** The level the phrase asks for ("Raqqa countryside" → governorate). */
  level: 'country' | 'governorate' | 'district' | 'subdistrict' | null;
  /** Country named in the phrase (", Syria", "في العراق"). */
  country: CountryCode | null;
  /** Other names given as context ("(Aleppo)", ", Aleppo"), e.g. the governorate. */
  context: string[];
  /** The kind of settlement the phrase names ("the village of X", "حي X"), if any. */
  kind: 'city' | 'town' | 'village' | 'neighbourhood' | null;
}

const COUNTRY_WORDS: [RegExp, CountryCode][] = [
  [/^(syria|syrian arab republic|سوريا|سورية|الجمهورية العربية السورية)$/i, 'SY'],
  [/^(iraq|العراق)$/i, 'IQ'],
];

const TRAILING_COUNTRY: [RegExp, CountryCode][] = COUNTRY_WORDS.map(([re, code]) => [new RegExp(`\\s+(in |في )?(${re.source.slice(2, -2)})$`, 'i'), code]);

const NEAR = /^(near(by)?|close to|around|outside|outskirts of|on the outskirts of|vicinity of|in the vicinity of|east of|west of|north of|south of|(north|south)[- ]?(east|west) of|قرب|بالقرب من|بالقرب|بجوار|محيط|اطراف|أطراف|على أطراف|شرق|غرب|شمال|جنوب|جنوبي|شمالي|شرقي|غربي)\s+/i;
const LEAD = /^(in|at|of|on|the|في|ب|وفي|village of|town of|city of|neighbou?rhood of|district of|area of|camp of|the (village|town|city|neighbou?rhood|area|district|camp) of|قرية|بلدة|مدينة|حي|منطقة|مخيم|ناحية|قضاء|محافظة|ريف)\s+/i;
const TRAIL = /\s+(village|town|city|neighbou?rhood|area|district|sub-?district|governorate|province|countryside|camp|countryside of)$/i;
const COUNTRY_PHRASE = /^((the )?(north|south|east|west|north[- ]?east|north[- ]?west|south[- ]?east|south[- ]?west|centre|center)(ern)?( part)? (of )?(the country|syria|iraq)|(north|south|east|west)(ern)? (syria|iraq)|(شرق|غرب|شمال|جنوب|وسط|شمال شرق|شمال غرب|جنوب شرق|جنوب غرب)ي? (البلاد|سوريا|سورية|العراق))$/i;

function kindOf(word: string): ParsedPlace['kind'] {
  const w = word.toLowerCase().replace(/^the /, '').replace(/ of$/, '');
  if (/^(village|قرية)$/.test(w)) return 'village';
  if (/^(town|بلدة)$/.test(w)) return 'town';
  if (/^(city|مدينة)$/.test(w)) return 'city';
  if (/^(neighbou?rhood|حي)$/.test(w)) return 'neighbourhood';
  return null;
}

function levelOf(word: string): ParsedPlace['level'] {
  const w = word.toLowerCase();
  if (/^(ريف|محافظة|countryside|countryside of|governorate|province|rural)$/.test(w)) return 'governorate';
  if (/^(قضاء|منطقة|district)$/.test(w)) return w === 'منطقة' ? null : 'district';
  if (/^(ناحية|sub-?district)$/.test(w)) return 'subdistrict';
  return null;
}

/**
 * Splits a place phrase into its bare name and qualifiers. Never throws.
 *
 * @example parsePlace('near Hajin').near === true; parsePlace('ريف الرقة').level === 'governorate'
 */
export function parsePlace(text: string): ParsedPlace {
  const out: ParsedPlace = { core: '', qualifiers: [], near: false, level: null, country: null, context: [], kind: null };
  let s = stripInvisible(String(text)).replace(/\s+/g, ' ').trim();
  if (!/[\s,،:;.!?(（]/.test(s)) {
    // a single word: only a bare country name is special
    const c = COUNTRY_WORDS.find(([re]) => re.test(s));
    if (c) { out.country = c[1]; out.level = 'country'; } else out.core = s;
    return out;
  }
  // "Hajin: House near …" → the place before the colon; trailing punctuation
  s = s.replace(/[.;!?]+$/, '').trim();
  const colon = s.indexOf(':');
  if (colon > 1) {
    out.qualifiers.push(`detail: ${s.slice(colon + 1).trim()}`);
    s = s.slice(0, colon).trim();
  }
  // parentheticals are context: "Al Fardous (Aleppo)"
  s = s.replace(/[(（]([^)）]*)[)）]?/g, (_m, inner: string) => {
    if (inner.trim()) out.context.push(inner.trim());
    return ' ';
  }).replace(/\s+/g, ' ').trim();
  // comma parts: first is the place; the others are country or context
  const parts = s.split(/\s*[,،]\s*/).filter((p) => p.length > 0);
  s = parts[0] ?? '';
  for (const p of parts.slice(1)) {
    const c = COUNTRY_WORDS.find(([re]) => re.test(p));
    if (c) out.country = c[1];
    else out.context.push(p);
  }
  // trailing country word without comma: "Raqqa Syria", "في سوريا"
  for (const [re, code] of TRAILING_COUNTRY) {
    const m = re.exec(s);
    if (m && m.index > 0) { out.country = code; s = s.slice(0, m.index); }
  }
  const cp = COUNTRY_PHRASE.exec(s.replace(/^in /i, ''));
  if (cp) {
    out.level = 'country';
    out.qualifiers.push(s);
    const c = COUNTRY_WORDS.find(([re]) => re.test(/(syria|iraq|سوريا|سورية|العراق)$/i.exec(s)?.[0] ?? ''));
    if (c) out.country = c[1];
    return out;
  }
  const bare = COUNTRY_WORDS.find(([re]) => re.test(s));
  if (bare) { out.country = bare[1]; out.level = 'country'; return out; }
  for (let guard = 0; guard < 8; guard++) {
    const n = NEAR.exec(s);
    if (n) {
      out.near = true;
      out.qualifiers.push(n[1].toLowerCase());
      s = s.slice(n[0].length);
      continue;
    }
    const l = LEAD.exec(s);
    if (l) {
      const w = l[1].toLowerCase();
      const lv = levelOf(w);
      if (lv) out.level = lv;
      out.kind ??= kindOf(w);
      if (!/^(in|at|of|on|the|في|ب|وفي)$/.test(w)) out.qualifiers.push(w);
      s = s.slice(l[0].length);
      continue;
    }
    const rural = /^rural\s+/i.exec(s);
    if (rural) { out.level = 'governorate'; out.qualifiers.push('rural'); s = s.slice(rural[0].length); continue; }
    const t = TRAIL.exec(s);
    if (t) {
      const w = t[1].toLowerCase();
      const lv = levelOf(w);
      if (lv) out.level = lv;
      out.kind ??= kindOf(w);
      out.qualifiers.push(w);
      s = s.slice(0, t.index);
      continue;
    }
    break;
  }
  out.core = s.trim();
  return out;
}

/** Words that qualify a name without being it (upper/lower, big/small, camp …). */
const MODIFIERS = /\b(fuqani|fawqani|foqani|fouqani|tahtani|tahtaniya|kabir|kabira|kubra|saghir|saghira|sughra|sharqi|sharqiya|gharbi|gharbiya|shamali|shamaliya|janubi|janubiya|camp|jadid|jadida|qadim|qadima)\b/gi;
const MODIFIERS_AR = /(^|\s)(ال)?(فوقاني|تحتاني|فوقانية|تحتانية|كبير|كبيرة|كبرى|صغير|صغيرة|صغرى|شرقي|شرقية|غربي|غربية|شمالي|شمالية|جنوبي|جنوبية|جديد|جديدة|قديم|قديمة|مخيم)(?=\s|$)/g;

/** The name without modifier words ("Al Bagouz Fawqani" → "Al Bagouz"), or null if none. */
export function withoutModifiers(name: string): string | null {
  const s = name.replace(MODIFIERS, ' ').replace(MODIFIERS_AR, ' ').replace(/\s+/g, ' ').trim();
  return s && s !== name.trim() ? s : null;
}
