/**
 * Text normalisation for matching that keeps a map back to the original offsets: Arabic alef
 * forms, ta marbuta, alef maqsura, diacritics and tatweel; Arabic-Indic and Persian digits and
 * separators; Latin lower case and typographic quotes. Linear in the length of the input.
 */

/** A normalised string and, for each of its UTF-16 units, the offset in the original text. */
export interface Normalised {
  text: string;
  /** map[i] = offset in the original of normalised unit i; map[text.length] = original end. */
  map: Int32Array;
}

function dropped(c: number): boolean {
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x06d6 && c <= 0x06ed) || c === 0x0640
    || (c >= 0x200c && c <= 0x200f) || c === 0x061c;
}

const ALEF = 0x0627;
const TATWEEL = 0x0640;
const MAP = new Map<number, number>([
  [0x0623, ALEF], [0x0625, ALEF], [0x0622, ALEF], [0x0671, ALEF], // أ إ آ ٱ → ا
  [0x0629, 0x0647], // ة → ه
  [0x0649, 0x064a], [0x0626, 0x064a], [0x06cc, 0x064a], // ى ئ ی → ي
  [0x0624, 0x0648], // ؤ → و
  [0x06a9, 0x0643], // ک → ك
  [0x066c, 0x2c], [0x066b, 0x2e], // ٬ ٫
  [0x2019, 0x27], [0x2018, 0x27], [0x60, 0x27],
  [0x201c, 0x22], [0x201d, 0x22], [0xab, 0x22], [0xbb, 0x22],
  [0x2013, 0x2d], [0x2014, 0x2d], [0xa0, 0x20],
]);

function mapCode(c: number): number {
  if (c >= 0x41 && c <= 0x5a) return c + 32;
  if (c < 0x80) return c;
  if (c >= 0x0660 && c <= 0x0669) return c - 0x0660 + 0x30;
  if (c >= 0x06f0 && c <= 0x06f9) return c - 0x06f0 + 0x30;
  if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return c + 32;
  return MAP.get(c) ?? c;
}

const UTF16 = new TextDecoder('utf-16le');

/**
 * A dot between Arabic letters that ends a sentence rather than breaking a word against filters:
 * three letters or more on each side, or after a letter only written at a word's end (ة، ى).
 */
function sentenceDot(before: number, runBefore: number, runAfter: number): boolean {
  if (runAfter === 0 || runBefore === 0) return false;
  return (runBefore >= 3 && runAfter >= 3) || before === 0x0629 || before === 0x0649;
}

/**
 * Normalises `text` for matching, keeping offsets. Every output unit maps to one input offset.
 *
 * @example
 *   const n = normalise('مقتلُ ٣ أطفال'); // n.text === 'مقتل 3 اطفال'
 */
export function normalise(text: string): Normalised {
  const len = text.length;
  const out = new Uint16Array(len);
  const map = new Int32Array(len + 1);
  let k = 0;
  const at = (j: number): number => (j >= 0 && j < len ? text.charCodeAt(j) : 0);
  const letter = (x: number): boolean => x >= 0x0621 && x <= 0x064a;
  /** Arabic letters in a row from j going by step (at most 3 counted: bounded work per dot). */
  const run = (j: number, step: number): number => {
    let r = 0;
    while (r < 3 && letter(at(j + r * step))) r++;
    return r;
  };
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (dropped(c)) continue;
    // words broken against filters: "قـ.ـتل", "ا.ستشها.د", "استـ ـهـ ـداف" (a dot inside an Arabic word, a space held by tatweel);
    // a dot between two whole words ("سوريا.وقالت", "الرقة.الضحية") ends a sentence and stays
    // "مقـ. ـتل": a dot and a space between two tatweels; "الشـ..هيد": two dots inside a word
    if (c === 0x2e && ((at(i - 1) === TATWEEL && at(i + 1) === 0x20 && at(i + 2) === TATWEEL)
      || (at(i + 1) === 0x2e && at(i + 2) !== 0x2e && (at(i - 1) === TATWEEL || letter(at(i - 1))) && (at(i + 2) === TATWEEL || letter(at(i + 2)))))) {
      i++;
      continue;
    }
    // "مقـــ,تله": a comma held by tatweel inside a word
    if ((c === 0x2c || c === 0x060c) && ((at(i - 1) === TATWEEL && (letter(at(i + 1)) || at(i + 1) === TATWEEL))
      || (letter(at(i - 1)) && at(i + 1) === TATWEEL))) continue;
    // "مقـ تل": a short fragment held by tatweel, a space, then the rest of the word
    if (c === 0x20 && at(i - 1) === TATWEEL && letter(at(i - 2)) && run(i - 2, -1) < 3 && letter(at(i + 1))) continue;
    if ((c === 0x2e || c === 0x20) && ((at(i - 1) === TATWEEL && at(i + 1) === TATWEEL)
      || (c === 0x2e && ((at(i - 1) === TATWEEL || letter(at(i - 1))) && (at(i + 1) === TATWEEL || letter(at(i + 1))))
        && !sentenceDot(at(i - 1), run(i - 1, -1), run(i + 1, 1))))) continue;
    out[k] = mapCode(c);
    map[k++] = i;
  }
  map[k] = len;
  // lone surrogates decode to U+FFFD, one unit each, so offsets stay aligned
  const bytes = new Uint8Array(out.buffer, 0, k * 2);
  return { text: UTF16.decode(bytes), map: map.subarray(0, k + 1) };
}

/** Offset in the original text of normalised offset `i` (start of a span). */
export function origStart(n: Normalised, i: number): number {
  return n.map[Math.max(0, Math.min(i, n.text.length))];
}

/** Offset in the original text just after normalised offset `i - 1` (end of a span). */
export function origEnd(n: Normalised, i: number): number {
  if (i <= 0) return n.map[0];
  if (i >= n.text.length) return n.map[n.text.length];
  return n.map[i - 1] + 1;
}

/** Arabic combining marks (harakat, tanween, shadda, superscript alef) and tatweel. */
const MARK = /[\u064b-\u065f\u0670\u0640]/;
const AR_LETTER = /[\u0621-\u064a\u0671-\u06d3]/;

/**
 * The end `b` of a span in the original text moved over the diacritics and tatweel that close its
 * last Arabic word ("مدنياً", not "مدنيا"). At most 16 marks each way; a span ending outside an
 * Arabic word is left as it is.
 */
export function extendOverMarks(text: string, b: number): number {
  if (b <= 0 || b >= text.length || !MARK.test(text[b])) return b;
  let k = b - 1;
  while (k > 0 && k > b - 16 && MARK.test(text[k])) k--;
  if (!AR_LETTER.test(text[k])) return b;
  const cap = b + 16;
  while (b < text.length && b < cap && MARK.test(text[b])) b++;
  return b;
}

/** Normalises a lexicon key or a short string (no offsets kept). */
export function norm(s: string): string {
  return normalise(s).text;
}

/** True when the text holds more Arabic letters than Latin ones. */
export function looksArabic(text: string): boolean {
  let ar = 0;
  let la = 0;
  const n = Math.min(text.length, 4000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x0600 && c <= 0x06ff) ar++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) la++;
  }
  return ar > la;
}
