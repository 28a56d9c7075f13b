/**
 * Place-name normalisation for Arabic script and Latin transliterations, plus a cross-script
 * consonant "skeleton" so that الباغوز and Baghouz meet on the same key.
 *
 * Three keys per name:
 * - `normaliseArabic` / `normaliseLatin`: same-script keys that keep vowels (after folding the
 *   usual spelling variants); compared with each other by Jaro–Winkler.
 * - `skeleton`: consonant classes only (B T J H D R Z S X F K L M N), shared by both scripts.
 *
 * All functions are total: they accept any string and never throw.
 */

/** Bidi controls, zero-width characters, soft hyphen, BOM and the Arabic letter mark. */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
/** Harakat, Quranic annotation marks, superscript alef, tatweel. */
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const ARABIC_LETTER = /[\u0620-\u064A\u0671-\u06D3\u06D5\uFB50-\uFDFF\uFE70-\uFEFC]/;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/;

/** Letter folding: alef forms, ta marbuta, alef maqsura, hamza seats, Persian/Kurdish letters. */
const ARABIC_FOLD: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا',
  'ة': 'ه', 'ۀ': 'ه', 'ە': 'ه', 'ھ': 'ه', 'ہ': 'ه',
  'ى': 'ي', 'ی': 'ي', 'ێ': 'ي', 'ې': 'ي',
  'ؤ': 'و', 'ۆ': 'و', 'ۇ': 'و',
  'ئ': 'ي', 'ء': '',
  'ک': 'ك', 'گ': 'ك', 'ڪ': 'ك',
  'پ': 'ب', 'چ': 'ج', 'ڤ': 'ف', 'ڕ': 'ر', 'ڵ': 'ل', 'ژ': 'ز',
};
const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Removes invisible format characters (LRM/RLM, bidi embeddings, zero-width joiners, BOM). */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** The dominant script of a name: Arabic letters, Latin letters, or neither. */
export function detectScript(text: string): 'arabic' | 'latin' | 'other' {
  let ar = 0;
  let la = 0;
  for (const ch of text) {
    if (ARABIC_LETTER.test(ch)) ar++;
    else if (LATIN_LETTER.test(ch)) la++;
  }
  if (ar === 0 && la === 0) return 'other';
  return ar >= la ? 'arabic' : 'latin';
}

/**
 * Arabic-script key: NFKC (presentation forms), no marks, folded letters, the article ال removed
 * from every word (sun-letter assimilation is not written, so removing ال covers it), words
 * separated by single spaces. Latin and other characters are dropped.
 *
 * @example normaliseArabic('الْبَاغُوز') === 'باغوز'; normaliseArabic('مَعَرَّة النُّعْمَان') === 'معره نعمان'
 */
export function normaliseArabic(text: string): string {
  const s = stripInvisible(text.normalize('NFKC'))
    .replace(ARABIC_MARKS, '')
    .replace(ARABIC_DIGITS, (d) => String((d.charCodeAt(0) & 0xf) % 10));
  let out = '';
  for (const ch of s) {
    const f = ARABIC_FOLD[ch];
    if (f !== undefined) out += f;
    else if (/[\u0621-\u064A]/.test(ch)) out += ch;
    else out += ' ';
  }
  return out
    .split(' ')
    .filter((w) => w.length > 0)
    .map(stripArabicArticle)
    .filter((w) => w.length > 0)
    .join(' ');
}

function stripArabicArticle(word: string): string {
  let w = word;
  for (;;) {
    if (w.length > 3 && w.startsWith('ال')) w = w.slice(2);
    // conjunction/preposition + article: وال، بال، فال، كال
    else if (w.length > 4 && /^[وبفك]ال/.test(w)) w = w.slice(3);
    else return w;
  }
}

const LATIN_ARTICLES = new Set(['al', 'el', 'il', 'ul']);
const SUN_ARTICLES = ['ash', 'adh', 'ath', 'ad', 'ar', 'as', 'at', 'az', 'an', 'ed', 'er', 'es', 'et', 'ez', 'en', 'esh', 'eth'];

/** Latin words folded to one spelling before the letter rules (whole-word variants). */
const LATIN_WORDS: Record<string, string> = {
  abo: 'abu', abou: 'abu', albu: 'abu', bu: 'abu', ebu: 'abu',
  foqani: 'fuqani', fouqani: 'fuqani', fawqani: 'fuqani', fauqani: 'fuqani', foukani: 'fuqani', fawkani: 'fuqani',
  tahtani: 'tahtani', tahtany: 'tahtani', tahtaniya: 'tahtaniya',
  tell: 'tal', tel: 'tal', til: 'tal',
  kfar: 'kafr', kafar: 'kafr', kefr: 'kafr', kafer: 'kafr',
  sheikh: 'shaykh', sheik: 'shaykh', shaikh: 'shaykh', cheikh: 'shaykh', shekh: 'shaykh',
};

/** Lower-case ASCII words: diacritics removed, apostrophes (ʿayn, hamza) dropped, rest split. */
function latinWords(text: string): string[] {
  const s = stripInvisible(text.normalize('NFKD'))
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[ʿʾʼ’‘`'´ʻ]/g, '')
    .replace(/ı/g, 'i')
    .replace(/ß/g, 'ss');
  return s.split(/[^a-z0-9]+/).filter((w) => w.length > 0);
}

/**
 * Removes Latin articles: al-/el- always; ad-/ar-/as-/ash-/at-/az-/an- (and e- forms) when the
 * next word starts with the assimilated consonant ("Dayr Az Zawr", "ar-Raqqa"); joined forms
 * with a doubled consonant ("Ezzor", "Arraqqa") and "Albu".
 */
function dropLatinArticles(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const next = words[i + 1];
    if (next !== undefined && LATIN_ARTICLES.has(w)) continue;
    if (next !== undefined && SUN_ARTICLES.includes(w)) {
      const cons = w.slice(1);
      if (next.startsWith(cons)) continue;
    }
    const joined = /^[ae](sh|dh|th|[lrsztdn])/.exec(w);
    if (joined && w.length > joined[0].length + 2) {
      const cons = joined[1];
      const rest = w.slice(joined[0].length);
      if (cons === 'l' ? rest.startsWith('l') : rest.startsWith(cons)) {
        out.push(rest);
        continue;
      }
    }
    out.push(w);
  }
  return out;
}

/** Letter rules for one Latin word: transliteration variants folded, doubled letters collapsed. */
function foldLatinWord(word: string): string {
  let w = LATIN_WORDS[word] ?? word;
  w = w
    .replace(/dj/g, 'j')
    .replace(/gh/g, 'k')
    .replace(/kh/g, 'h')
    .replace(/ch/g, 'sh')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/dh/g, 'd')
    .replace(/ck/g, 'k')
    .replace(/[qgc]/g, 'k')
    .replace(/x/g, 'h')
    .replace(/v/g, 'f')
    .replace(/p/g, 'b')
    .replace(/^e/, 'i')
    .replace(/(ou|oo|o)/g, 'u')
    .replace(/(ee|ei|ie|ey)/g, 'i')
    .replace(/aw(?![aeiu])/g, 'u')
    .replace(/ay(?![aeiu])/g, 'i')
    .replace(/(?<=[^aeiu])y(?![aeiu])/g, 'i')
    .replace(/(?<=[^aeiu])w(?![aeiu])/g, 'u')
    .replace(/e/g, 'a')
    .replace(/(.)\1+/g, '$1');
  // ta marbuta written -ah/-eh: Raqqah → raqqa
  if (w.length > 3) w = w.replace(/ah$/, 'a');
  return w;
}

/**
 * Latin-transliteration key: lower case, no diacritics, articles removed, variants folded
 * (gh/g/q/k → k, kh → h, ou/o/w → u, ee/ei/y → i, doubled letters once), words by single spaces.
 *
 * @example normaliseLatin('Deir ez-Zor') === normaliseLatin('Dayr Az Zawr') // 'dir zur'
 */
export function normaliseLatin(text: string): string {
  return dropLatinArticles(latinWords(text)).map(foldLatinWord).filter((w) => w.length > 0).join(' ');
}

/** Same-script key of a name (Arabic key for Arabic script, Latin key otherwise). */
export function normaliseName(text: string): string {
  return detectScript(text) === 'arabic' ? normaliseArabic(text) : normaliseLatin(text);
}

const ARABIC_CLASS: Record<string, string> = {
  'ب': 'B', 'ت': 'T', 'ث': 'T', 'ج': 'J', 'ح': 'H', 'خ': 'H', 'د': 'D', 'ذ': 'D', 'ر': 'R',
  'ز': 'Z', 'س': 'S', 'ش': 'X', 'ص': 'S', 'ض': 'D', 'ط': 'T', 'ظ': 'D', 'غ': 'K', 'ف': 'F',
  'ق': 'K', 'ك': 'K', 'ل': 'L', 'م': 'M', 'ن': 'N', 'ه': 'H',
};
const LATIN_CLASS: Record<string, string> = {
  b: 'B', t: 'T', j: 'J', h: 'H', d: 'D', r: 'R', z: 'Z', s: 'S', f: 'F', k: 'K', l: 'L', m: 'M', n: 'N',
};

function collapse(s: string): string {
  return s.replace(/(.)\1+/g, '$1');
}

function arabicWordSkeleton(w: string): string {
  let out = '';
  const last = w.length - 1;
  for (let i = 0; i <= last; i++) {
    const ch = w[i];
    if (ch === 'ه' && i === last && i > 0) continue; // ta marbuta (folded to ه) or final h
    out += ARABIC_CLASS[ch] ?? '';
  }
  return out;
}

function latinWordSkeleton(w: string, construct: boolean): string {
  let s = w.replace(/sh/g, 'X');
  if (construct) s = s.replace(/at$/, 'a'); // construct state: Ma'arat al-Numan = معرة النعمان
  s = s.replace(/(?<=[aiu])h$/, '');
  let out = '';
  for (const ch of s) out += ch === 'X' ? 'X' : (LATIN_CLASS[ch] ?? '');
  return out;
}

/**
 * Cross-script consonant key: articles removed, vowels, semivowels, ʿayn and hamza dropped,
 * final ta marbuta dropped, consonants mapped to shared classes, repeats collapsed, no spaces.
 *
 * @example skeleton('الباغوز') === skeleton('Baghouz') // 'BKZ'
 */
export function skeleton(text: string): string {
  return nameKeys(text).skel;
}

/** Script, same-script key (words by single spaces) and skeleton of a name, computed together. */
export function nameKeys(text: string): { script: 'arabic' | 'latin' | 'other'; key: string; skel: string } {
  const script = detectScript(text);
  if (script === 'arabic') {
    const key = normaliseArabic(text);
    return { script, key, skel: collapse(key.split(' ').map(arabicWordSkeleton).join('')) };
  }
  const words = dropLatinArticles(latinWords(text)).map(foldLatinWord).filter((w) => w.length > 0);
  const skel = collapse(words.map((w, i) => latinWordSkeleton(w, i < words.length - 1)).join(''));
  return { script, key: words.join(' '), skel };
}

let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

/** Jaro–Winkler similarity in [0, 1] (prefix scale 0.1, at most 4 prefix characters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  if (flagsA.length < la) flagsA = new Uint8Array(la * 2);
  if (flagsB.length < lb) flagsB = new Uint8Array(lb * 2);
  const ma = flagsA.fill(0, 0, la);
  const mb = flagsB.fill(0, 0, lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (mb[j] === 0 && a.charCodeAt(i) === b.charCodeAt(j)) {
        ma[i] = 1;
        mb[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let k = 0;
  let transpositions = 0;
  for (let i = 0; i < la; i++) {
    if (ma[i] === 0) continue;
    while (mb[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / la + m / lb + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** 1 − Levenshtein distance / longer length, in [0, 1]. */
export function levenshteinRatio(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (rowA.length <= lb) { rowA = new Int32Array(lb + 1); rowB = new Int32Array(lb + 1); }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    const t = prev; prev = cur; cur = t;
  }
  return 1 - prev[lb] / Math.max(la, lb);
}
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Similarity of two keys of the same script: mean of Jaro–Winkler and Levenshtein ratio. */
export function keySimilarity(a: string, b: string): number {
  return a === b ? 1 : 0.5 * jaroWinkler(a, b) + 0.5 * levenshteinRatio(a, b);
}

/** Trigrams of a key padded with ^ and $ (a key of one character still yields two). */
export function trigrams(key: string): string[] {
  const s = `^${key}$`;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= s.length; i++) out.add(s.slice(i, i + 3));
  if (s.length < 3) out.add(s);
  return [...out];
}
