/**
 * Place names as written: English capitalised names after a preposition or a place noun
 * ("on Baguoz", "the town of Al-Bab"); Arabic names after a place noun or a direction
 * ("قرية جفتلك", "شرق دير الزور"). Resolution is left to the caller's geocode callback.
 */
import { PLACE_NOUNS_AR, PLACE_STOP_AR, PARTY_VARIANTS } from './lexicon.ts';
import { norm } from './normalise.ts';

/** A place found in a sentence: offsets [s, e) in the string searched. */
export interface FoundPlace {
  s: number;
  e: number;
}

const EN_PLACE = /\b(?:in|at|near|on|outside|around|of|from|into|targeting|targeted|hit|struck|shelled|bombed)\s+(?:the\s+)?(?:(?:town|city|village|camp|neighbou?rhood|district|province|governorate|countryside|area|outskirts|vicinity)\s+of\s+)?((?:(?:[Aa][lnrsdtz]|[Ee]l|[Aa]sh)-)?[A-Z][\p{L}'’]+(?:-[\p{L}'’]+)?(?:\s(?:(?:[Aa][lnrsdtz]|[Ee]l|[Aa]sh)-)?[A-Z][\p{L}'’]+(?:-[\p{L}'’]+)?){0,2})/gu;
const NOT_PLACE_EN = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'the', 'a', 'an', 'this', 'that', 'his', 'her',
  'their', 'its', 'our', 'islamic', 'state', 'international', 'human', 'rights', 'us', 'twitter', 'facebook', 'reuters', 'afp', 'sana',
  'syrian', 'iraqi', 'russian', 'turkish', 'israeli', 'american', 'kurdish', 'senior', 'crisis', 'response', 'adviser', 'general',
]);
const COUNTRIES = new Set(['syria', 'iraq', 'turkey', 'israel', 'lebanon', 'jordan', 'russia', 'iran']);
const PARTY_WORDS = new Set(PARTY_VARIANTS.map((p) => p.v));

/** English places in an original-text sentence. Countries only when nothing finer is named. */
export function placesEn(sentence: string): FoundPlace[] {
  const out: FoundPlace[] = [];
  EN_PLACE.lastIndex = 0;
  for (let m = EN_PLACE.exec(sentence); m; m = EN_PLACE.exec(sentence)) {
    let name = m[1];
    const words = name.split(/\s/);
    // cut at the first word that is not a name part (months, parties, adjectives of nationality)
    let keep = words.length;
    for (let w = 0; w < words.length; w++) {
      if (NOT_PLACE_EN.has(words[w].toLowerCase())) {
        keep = w;
        break;
      }
    }
    if (keep === 0) continue;
    name = words.slice(0, keep).join(' ');
    if (PARTY_WORDS.has(norm(name))) continue;
    const s = m.index + m[0].length - m[1].length;
    out.push({ s, e: s + name.length });
  }
  const fine = out.filter((p) => !COUNTRIES.has(sentence.slice(p.s, p.e).toLowerCase()));
  return fine.length ? fine : out;
}

const COMPOUND_HEAD = new Set(
  'دير جسر خان تل عين راس ابو جبل كفر دار معره ام بير بئر قصر باب سهل بيت حزه سد مركز مدينه مخيم حي ريف'.split(' ').map(norm),
);
const DIR = /^(شرق|غرب|شمال|جنوب|شرقي|غربي|شمالي|جنوبي)$/;
const AR_TOKEN = /[^\s،,.:;()"'!?؟#«»|/\-–—]+/g;

/** Arabic places in a normalised sentence. */
export function placesAr(n: string): FoundPlace[] {
  const out: FoundPlace[] = [];
  const toks: { t: string; s: number; e: number }[] = [];
  AR_TOKEN.lastIndex = 0;
  for (let m = AR_TOKEN.exec(n); m; m = AR_TOKEN.exec(n)) toks.push({ t: m[0], s: m.index, e: m.index + m[0].length });
  const bare = (t: string): string => t.replace(/^(وب|ول|و|ب|ل|ف)(?=..)/, '');
  for (let i = 0; i < toks.length - 1; i++) {
    const raw = toks[i].t;
    const head = PLACE_NOUNS_AR.has(raw) || DIR.test(raw) ? raw : bare(raw);
    const isNoun = PLACE_NOUNS_AR.has(head);
    const isDir = DIR.test(head);
    if (!isNoun && !isDir) continue;
    let j = i + 1;
    // "ريف إدلب", "ريف مدينة حلب": skip a second place noun
    if ((PLACE_NOUNS_AR.has(toks[j].t) || PLACE_NOUNS_AR.has(bare(toks[j].t))) && j + 1 < toks.length) j++;
    const first = toks[j];
    if (PLACE_STOP_AR.has(first.t) || /\d/.test(first.t) || first.t.length < 2) continue;
    // the name must follow directly (no punctuation between but a hashtag sign)
    if (!/^\s*#?$/.test(n.slice(toks[j - 1].e, first.s))) continue;
    let end = first.e;
    const second = toks[j + 1];
    if (second && n.slice(first.e, second.s) === ' ' && !PLACE_STOP_AR.has(second.t)
      && (COMPOUND_HEAD.has(first.t) || (second.t.startsWith('ال') && !/^ال(شرقي|غربي|شمالي|جنوبي|جنوب|شمال|شرق|غرب)/.test(second.t) && !/^ال.*(يه|ي)$/.test(second.t)))) {
      end = second.e;
    }
    out.push({ s: first.s, e: end });
    i = j;
  }
  // "في #إدلب", "على #كنصفرة": a hashtag after a preposition names a place
  for (let i = 1; i < toks.length; i++) {
    const prev = toks[i - 1].t;
    if (n[toks[i].s - 1] !== '#' || !/^(في|على|علي|ب|من)$/.test(prev)) continue;
    const t = toks[i];
    if (!out.some((p) => p.s === t.s)) out.push({ s: t.s, e: t.e });
  }
  return out.sort((a, b) => a.s - b.s);
}
