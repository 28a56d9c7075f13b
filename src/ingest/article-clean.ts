/**
 * Drops page chrome from mapped article text, line by line: comment forms ("Leave a Reply …
 * Required fields are marked *" and everything after), share-button lines, photo captions, a
 * title repeated on the next line, "Related"/"Read more" blocks and a trailing list of short
 * headline-like lines (related-article links). Also trims indentation and collapses blank
 * lines. Works by dropping code units only, so every kept unit still maps to its original.
 */
import type { MappedTextBuilder } from './offset-map.ts';

const COMMENT_START = /^(leave a (reply|comment)|post a comment|add a comment|\d+ (comments?|responses?|replies)|comments?( \(\d+\))?|join the discussion|cancel reply|اترك (تعليقا|تعليقاً|ردا|رداً)|أضف تعليق)[:.]?$/i;
const COMMENT_MARK = /(your email address will not be published|required fields are marked|لن يتم نشر عنوان بريدك الإلكتروني)/i;
const SHARE_TOKEN = /^(share( (on|via|to) [\w+ ]+)?|share this( article| story)?|tweet|whatsapp|facebook|twitter|x|telegram|linkedin|pinterest|reddit|email|e-mail|print|copy link|messenger|viber|tumblr|vk|mail|شارك|مشاركة|تويتر|فيسبوك|واتساب)[:!]?$/i;
const CAPTION = /^((representational|file|archive|illustrative|stock|illustration) (photo|image|picture|pic)|photo|image|(photo|image|picture) (credit|courtesy)[^.]*|(photo|image|credit)s?: .{0,80}|صورة (أرشيفية|تعبيرية))\.?$/i;
const RELATED_HEAD = /^(related( articles?| posts?| news| stories| content)?|read (more|also|next)|see also|you (may|might) (also )?like|more (stories|news)( from .*)?|recommended( for you)?|most (read|popular|viewed)|latest (news|posts)|trending( now)?|popular posts|اقرأ أيضا|اقرأ أيضاً|مواضيع ذات صلة|أخبار ذات صلة)[:：]?$/i;

/** A short line that reads like a headline, not like body prose. */
export function isHeadlineLike(line: string): boolean {
  const t = line.trim();
  if (t.length < 12 || t.length > 160) return false;
  if (/[.!?…:;,]["'”’»)]?$/.test(t)) return false;
  const words = t.split(/\s+/).length;
  return words >= 3 && words <= 22;
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function lines(b: MappedTextBuilder): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (let i = 0; i <= b.length; i++) {
    if (i === b.length || b.units[i] === '\n') {
      out.push({ start, end: i, text: b.units.slice(start, i).join('') });
      start = i + 1;
    }
  }
  return out;
}

/** Removes chrome lines and normalises blank space (see module doc). */
export function dropChrome(b: MappedTextBuilder): MappedTextBuilder {
  const ls = lines(b);
  const drop = new Array<boolean>(ls.length).fill(false);
  const trimmed = ls.map((l) => l.text.replace(/[\s\u00a0\ufeff]+/g, ' ').trim());
  const bodyLength = (upTo: number): number => trimmed.slice(0, upTo).filter((_t, k) => !drop[k]).join(' ').length;

  // comment form and everything after it
  let cut = ls.length;
  for (let k = 0; k < ls.length; k++) {
    if ((COMMENT_START.test(trimmed[k]) || COMMENT_MARK.test(trimmed[k])) && bodyLength(k) >= 100) {
      cut = k;
      break;
    }
  }
  for (let k = cut; k < ls.length; k++) drop[k] = true;

  let prev: string | null = null;
  for (let k = 0; k < cut; k++) {
    const t = trimmed[k];
    if (t === '') continue;
    const tokens = t.split(/\s*[|·•]\s*|\s{2,}/).filter(Boolean);
    if (tokens.every((x) => SHARE_TOKEN.test(x)) || CAPTION.test(t) || (prev != null && t === prev && t.length <= 300)) drop[k] = true;
    else if (RELATED_HEAD.test(t)) {
      drop[k] = true;
      let j = k + 1;
      for (; j < cut && (trimmed[j] === '' || isHeadlineLike(trimmed[j])); j++) drop[j] = true;
      k = j - 1;
    }
    prev = t;
  }

  // a trailing list of headline-like lines (related links): two or more, or any after a cut comment form
  const tail: number[] = [];
  for (let k = cut - 1; k >= 0; k--) {
    if (drop[k] || trimmed[k] === '') continue;
    if (!isHeadlineLike(trimmed[k])) break;
    tail.push(k);
  }
  if ((tail.length >= 2 || (tail.length >= 1 && cut < ls.length)) && bodyLength(tail[tail.length - 1]) >= 100) {
    for (const k of tail) drop[k] = true;
  }

  // keep units: drop dropped lines; trim indentation and trailing blanks; at most one blank line between paragraphs
  const keep = new Array<boolean>(b.length).fill(false);
  let blankRun = 0;
  let blankNl = -1;
  let wroteAny = false;
  for (let k = 0; k < ls.length; k++) {
    if (drop[k]) continue;
    const l = ls[k];
    if (trimmed[k] === '') {
      if (blankRun === 0) blankNl = l.start - 1;
      blankRun++;
      continue;
    }
    // newline(s) before this line: the newline ending the previous kept line and one blank line
    if (wroteAny) {
      const nl = l.start - 1;
      if (nl >= 0) keep[nl] = true;
      // the newline before the first blank line stands for the paragraph break
      if (blankRun > 0 && blankNl >= 0 && blankNl !== nl) keep[blankNl] = true;
    }
    let s = l.start;
    let e = l.end;
    while (s < e && /[\s\u00a0\ufeff]/.test(b.units[s])) s++;
    while (e > s && /[\s\u00a0]/.test(b.units[e - 1])) e--;
    for (let i = s; i < e; i++) keep[i] = true;
    wroteAny = true;
    blankRun = 0;
  }
  return b.filter((i) => keep[i]);
}
