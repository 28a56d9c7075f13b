/**
 * Sentence splitting and tokenising over normalised text. Both are single left-to-right scans
 * with simple regexes (no nested quantifiers), and sentences are capped in length so the
 * per-sentence work stays bounded on any input.
 */

/** A sentence as normalised offsets [s, e). */
export interface Sentence {
  s: number;
  e: number;
}

/** A token: normalised text and normalised offsets [s, e). */
export interface Token {
  t: string;
  s: number;
  e: number;
  num: boolean;
  punct: boolean;
}

/** Longest sentence processed as one unit (characters); longer ones are cut at a comma or space. */
export const MAX_SENTENCE = 600;

const BREAK = /[\n\r.!?؟…]/g;

/**
 * Splits normalised text between `from` and `to` into sentences. A full stop ends a sentence
 * only before white space, the end or an Arabic word, and not after a single letter ("u.s.");
 * newlines always end one.
 */
export function splitSentences(n: string, from = 0, to = n.length): Sentence[] {
  const out: Sentence[] = [];
  let start = from;
  const push = (s: number, e: number): void => {
    while (s < e && /\s/.test(n[s])) s++;
    while (e > s && /\s/.test(n[e - 1])) e--;
    if (e <= s) return;
    while (e - s > MAX_SENTENCE) {
      let cut = s + MAX_SENTENCE;
      const window = n.slice(s + MAX_SENTENCE / 2, s + MAX_SENTENCE);
      const comma = Math.max(window.lastIndexOf(','), window.lastIndexOf('،'));
      const space = window.lastIndexOf(' ');
      if (comma >= 0) cut = s + MAX_SENTENCE / 2 + comma + 1;
      else if (space >= 0) cut = s + MAX_SENTENCE / 2 + space + 1;
      out.push({ s, e: cut });
      s = cut;
    }
    out.push({ s, e });
  };
  BREAK.lastIndex = from;
  for (let m = BREAK.exec(n); m && m.index < to; m = BREAK.exec(n)) {
    const i = m.index;
    const c = m[0];
    if (c === '.') {
      const next = n[i + 1];
      // normalisation keeps a dot between Arabic letters only where it ends a sentence ("سوريا.وقالت")
      const arabicJoin = next !== undefined && /[\u0621-\u064a]/.test(next) && i >= 1 && /[\u0621-\u064a]/.test(n[i - 1]);
      if (next !== undefined && !/\s/.test(next) && next !== '"' && next !== "'" && !arabicJoin) continue;
      if (i >= 1 && /[a-z]/.test(n[i - 1]) && (i < 2 || !/[a-z]/.test(n[i - 2]))) continue;
    }
    push(start, i + 1);
    start = i + 1;
  }
  push(start, to);
  return out;
}

/** Arabic letters and marks; a word never runs across scripts ("@syriawatannewsمقتل" is two tokens). */
const AR = '\\u0621-\\u065f\\u0670-\\u06d3';
const LATIN_LETTER = `(?:(?![${AR}])[\\p{L}\\p{M}])`;
const TOKEN = new RegExp(`\\d+(?:[.,]\\d+)*|[${AR}]+|${LATIN_LETTER}+(?:['-]${LATIN_LETTER}+)*|[,;:()"#%$،؛]`, 'gu');

/** Tokens of n[s, e). */
export function tokenize(n: string, s: number, e: number): Token[] {
  const out: Token[] = [];
  const sub = n.slice(s, e);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(sub); m; m = TOKEN.exec(sub)) {
    const t = m[0];
    const c = t.charCodeAt(0);
    const num = c >= 48 && c <= 57;
    out.push({ t, s: s + m.index, e: s + m.index + t.length, num, punct: !num && t.length === 1 && /[,;:()"#%$،؛]/.test(t) });
  }
  return out;
}
