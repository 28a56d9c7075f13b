/**
 * Page chrome: comment forms ("Leave a Reply … Required fields are marked *"), related-article
 * link lists, previous/next links, share buttons and social-media footers. The extractor reads
 * only what is left, so figures in a related headline never become claims.
 */
import { norm } from './normalise.ts';

const END_MARKERS = [
  'leave a reply', 'leave a comment', 'post a comment', 'your email address will not be published', 'required fields are marked',
  'related articles', 'related posts', 'related news', 'related stories', 'related content', 'related', 'you may also like',
  'you might also like', 'read more', 'read also', 'more stories', 'more news', 'prev post', 'previous post', 'next post',
  'most read', 'most popular', 'latest news', 'recommended', 'comments', 'back to top', 'loading seems to be taking a while',
  'twitter may be over capacity', 'trending', 'tags:', 'اترك تعليقا', 'اترك ردا', 'اضف تعليقا', 'اضف تعليق', 'التعليقات', 'تعليقات',
  'مقالات ذات صله', 'اخبار ذات صله', 'مواضيع ذات صله', 'اقرا ايضا', 'اقرا المزيد', 'الاكثر قراءه', 'علق كضيف', 'اخترنا لك', 'المزيد من الاخبار',
  'اخر الاخبار', 'الوسوم', 'كلمات مفتاحيه', 'السابق', 'التالي', 'المقال السابق', 'المقال التالي', 'اخر ما نشر', 'شاهد ايضا',
  'مقالات مشابهه', 'اخبار مشابهه', 'مواضيع مشابهه', 'مقالات متعلقه', 'اخبار متعلقه', 'قد يعجبك ايضا', 'من الممكن ان يعجبك', 'اقرا التالي',
].map(norm);

const LINE_CHROME = [
  'share on facebook', 'share on twitter', 'share on whatsapp', 'share on telegram', 'share on viber', 'share on messenger',
  'share on linkedin', 'share on x', 'share this', 'share', 'tweet', 'copy link to tweet', 'copy link', 'embed tweet', 'report tweet',
  'report netzdg violation', 'post', 'print', 'email', 'whatsapp', 'telegram', 'facebook', 'twitter', 'date:', 'representational photo',
  'شارك علي', 'شارك', 'مشاركه', 'طباعه', 'شارك هذا', 'share on',
].map(norm);

/** A site's language menu ("اللغة/Language", "Languages"). */
const LANGUAGE_MENU = new Set(['اللغه/language', 'اللغه', 'اللغات', 'language', 'languages'].map(norm));

const FOOTER = /\d{1,2}:\d{2}\s?[AP]M\s·\s[A-Z][a-z]{2}\s\d{1,2},\s\d{4}/g;
/** A Facebook post's footer, glued to the post: reactions, buttons and the comments after them. */
const FB_FOOTER = /All reactions:|LikeComment/;

/** Start (in `line`) of a post footer that runs to the end of the line, or -1. */
function footerAt(line: string): number {
  FOOTER.lastIndex = 0;
  const m = FOOTER.exec(line);
  const f = FB_FOOTER.exec(line);
  if (m && f) return Math.min(m.index, f.index);
  return m ? m.index : f ? f.index : -1;
}

function key(line: string): string {
  return norm(line).replace(/[\s*:.|•·\-–—]+$/u, '').replace(/^[\s*•·\-–—]+/u, '').trim();
}

function isEndMarker(k: string): boolean {
  if (k.length > 80) return false;
  return END_MARKERS.some((m) => k === m || (k.startsWith(m) && (m.length >= 12 || !/[a-z\u0621-\u064a]/.test(k.slice(m.length)))));
}

function isLineChrome(k: string): boolean {
  if (k.length === 0 || k.length > 40) return false;
  return LINE_CHROME.some((m) => k === m || k === `${m}:`);
}

/** A body paragraph: long, with sentence punctuation. */
function isBody(line: string): boolean {
  return line.length >= 180 && /[.!?؟،,]/.test(line);
}

/**
 * Ranges [start, end) of the original text that are page chrome, in order, not overlapping.
 *
 * @example
 *   chromeRanges('Body text.\n\nLeave a Reply\n\nOther headline kills 10') // [[12, 49]]
 */
export function chromeRanges(text: string): [number, number][] {
  const lines: [number, number][] = [];
  let s = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    lines.push([s, i]);
    s = i + 1;
  }
  lines.push([s, text.length]);
  const out: [number, number][] = [];
  for (let k = 0; k < lines.length; k++) {
    const [ls, le] = lines[k];
    if (le - ls > 200) {
      const f = footerAt(text.slice(ls, le));
      if (f >= 0) out.push([ls + f, le]);
      continue;
    }
    const line = text.slice(ls, le);
    const kk = key(line);
    if (LANGUAGE_MENU.has(kk)) {
      // a site's language menu ends the page; the headline links stacked above it (back to the last body paragraph) are navigation
      let p = k - 1;
      while (p >= 0 && !isBody(text.slice(lines[p][0], lines[p][1]))) p--;
      let start = p >= 0 ? lines[p][1] : 0;
      while (out.length && out[out.length - 1][1] > start) start = Math.min(start, out.pop()![0]);
      out.push([start, text.length]);
      break;
    }
    if (isEndMarker(kk)) {
      let p = k + 1;
      while (p < lines.length && !isBody(text.slice(lines[p][0], lines[p][1]))) p++;
      if (p >= lines.length) {
        out.push([ls, text.length]);
        break;
      }
      out.push([ls, lines[p][0]]);
      k = p - 1;
      continue;
    }
    if (isLineChrome(kk)) {
      out.push([ls, le]);
      continue;
    }
    const f = footerAt(line);
    if (f >= 0) out.push([ls + f, le]);
  }
  return out;
}

/**
 * The range [start, end) of the main text: from the first character outside page chrome to the
 * end of the last one. Figures outside it (comment forms, trailing related links) are ignored.
 * `chrome` may be passed when the caller already has chromeRanges(text).
 */
export function mainTextRange(text: string, chrome: [number, number][] = chromeRanges(text)): [number, number] {
  let start = 0;
  let end = text.length;
  const skipWs = (): void => {
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
  };
  skipWs();
  for (const [a, b] of chrome) {
    if (a <= start && b > start) start = b;
    skipWs();
  }
  for (let i = chrome.length - 1; i >= 0; i--) {
    const [a, b] = chrome[i];
    if (b >= end && a < end) end = a;
    skipWs();
  }
  return [start, Math.max(start, end)];
}
