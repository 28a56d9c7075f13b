/**
 * A small tolerant HTML-to-text converter that keeps, for every output code unit, the range of
 * the HTML source it came from. Drops script/style/head, navigation, header/footer, asides,
 * forms (comment forms), buttons and any element whose class/id/role names page chrome
 * (share, social, comments, related, menu …). Never throws on malformed markup.
 */
import { MappedTextBuilder } from './offset-map.ts';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'template', 'iframe', 'noembed', 'noframes', 'plaintext']);
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'head', 'nav', 'footer', 'header', 'aside', 'form', 'button',
  'iframe', 'select', 'textarea', 'figcaption', 'object', 'canvas', 'video', 'audio', 'dialog', 'menu',
]);
const BLOCK2 = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'article', 'section', 'main', 'table', 'ul', 'ol', 'dl',
  'pre', 'figure', 'address', 'hr', 'body', 'html',
]);
const BLOCK1 = new Set(['br', 'li', 'tr', 'dd', 'dt', 'caption']);
const CHROME_ATTR = /(^|[\s_-])(share|sharing|sharedaddy|social|comments?|respond|reply|related|nav|navbar|navigation|menu|footer|breadcrumbs?|sidebar|widget|advert|ads|advertisement|promo|newsletter|subscribe|cookie|popup|modal|tags|author-bio|jp-relatedposts|yarpp)([\s_-]|$)/i;
const CHROME_ROLE = /^(navigation|banner|contentinfo|complementary|search|dialog)$/i;

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', hellip: '…', mdash: '—', ndash: '–', lsquo: '‘',
  rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', sbquo: '‚', bdquo: '„', copy: '©', reg: '®', trade: '™',
  middot: '·', bull: '•', deg: '°', shy: '\u00ad', zwnj: '\u200c', zwj: '\u200d', lrm: '\u200e', rlm: '\u200f',
  times: '×', euro: '€', pound: '£', eacute: 'é', egrave: 'è', aacute: 'á', agrave: 'à', uuml: 'ü', ouml: 'ö', auml: 'ä',
};

/** Decodes one entity at `i` (which is '&'); returns the text and the source length, or null. */
function entityAt(html: string, i: number): { value: string; length: number } | null {
  const m = /^&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});?/.exec(html.slice(i, i + 40));
  if (!m) return null;
  const body = m[1];
  let value: string | undefined;
  if (body[0] === '#') {
    const cp = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!Number.isFinite(cp) || cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) value = '\ufffd';
    else value = String.fromCodePoint(cp);
  } else {
    value = ENTITIES[body] ?? ENTITIES[body.toLowerCase()];
    if (value === undefined || !m[0].endsWith(';')) {
      if (value === undefined) return null;
    }
  }
  return { value, length: m[0].length };
}

interface Tag {
  name: string;
  end: boolean;
  selfClosing: boolean;
  attrs: string;
  length: number;
}

/** Reads a tag at `i` (which is '<'); null when it is not a tag (a literal '<'). */
function tagAt(html: string, i: number): Tag | null {
  const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/.exec(html.slice(i, i + 64));
  if (!m) return null;
  // find the closing '>' outside quotes
  let j = i + m[0].length;
  let quote: string | null = null;
  for (; j < html.length; j++) {
    const c = html[j];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') break;
  }
  const close = j < html.length ? j : html.indexOf('>', i + m[0].length);
  const stop = close === -1 ? html.length - 1 : close;
  const attrs = html.slice(i + m[0].length, stop);
  return { name: m[2].toLowerCase(), end: m[1] === '/', selfClosing: /\/\s*$/.test(attrs), attrs, length: stop + 1 - i };
}

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : null;
}

/** Whether an element is page chrome by name or by its class/id/role. */
function isChrome(tag: Tag): boolean {
  if (SKIP.has(tag.name)) return true;
  const role = attr(tag.attrs, 'role');
  if (role && CHROME_ROLE.test(role)) return true;
  if (attr(tag.attrs, 'aria-hidden') === 'true' || /(?:^|\s)hidden(?:\s|=|$)/i.test(tag.attrs)) return true;
  const cls = `${attr(tag.attrs, 'class') ?? ''} ${attr(tag.attrs, 'id') ?? ''}`;
  return CHROME_ATTR.test(cls);
}

/** Result of converting HTML: mapped clean text and the page title. */
export interface HtmlText {
  builder: MappedTextBuilder;
  title: string | null;
}

/** Converts HTML source to mapped text (see module doc). */
export function htmlToMappedText(html: string): HtmlText {
  const b = new MappedTextBuilder();
  const stack: Array<{ name: string; skip: boolean }> = [];
  let title: string | null = null;
  let h1: string | null = null;
  let ogTitle: string | null = null;
  let pendingBreak = 0;
  let breakAt = 0;
  let breakLen = 0;
  let pendingSpace: { at: number; len: number } | null = null;
  let pre = 0;
  let inH1 = false;
  let h1Text = '';
  const skipping = (): boolean => stack.length > 0 && stack[stack.length - 1].skip;
  const requestBreak = (n: number, at: number, len: number): void => {
    if (n > pendingBreak) {
      pendingBreak = n;
      breakAt = at;
      breakLen = len;
    }
    pendingSpace = null;
  };
  const emitChar = (c: string, at: number, len: number, verbatim: boolean): void => {
    if (b.length > 0) {
      if (pendingBreak > 0) {
        for (let k = 0; k < pendingBreak; k++) b.push('\n', breakAt, breakLen);
      } else if (pendingSpace && b.last !== '\n') {
        b.push(' ', pendingSpace.at, pendingSpace.len, pendingSpace.len === 1 && html[pendingSpace.at] === ' ');
      }
    }
    pendingBreak = 0;
    pendingSpace = null;
    b.push(c, at, len, verbatim);
    if (inH1) h1Text += c;
  };
  let i = 0;
  const n = html.length;
  const lower = html.toLowerCase();
  while (i < n) {
    const c = html[i];
    if (c === '<') {
      if (html.startsWith('<!--', i)) {
        const e = html.indexOf('-->', i + 4);
        i = e === -1 ? n : e + 3;
        continue;
      }
      if (html.startsWith('<!', i) || html.startsWith('<?', i)) {
        const e = html.indexOf('>', i);
        i = e === -1 ? n : e + 1;
        continue;
      }
      const tag = tagAt(html, i);
      if (tag) {
        const at = i;
        i += tag.length;
        if (tag.end) {
          const idx = stack.map((s) => s.name).lastIndexOf(tag.name);
          if (idx !== -1) stack.length = idx;
          if (tag.name === 'pre' && pre > 0) pre--;
          if (tag.name === 'h1' && inH1) {
            inH1 = false;
            h1 ??= h1Text.trim() || null;
          }
          if (!skipping() && (BLOCK2.has(tag.name) || BLOCK1.has(tag.name))) requestBreak(BLOCK2.has(tag.name) ? 2 : 1, at, tag.length);
          continue;
        }
        if (tag.name === 'meta' && /property\s*=\s*["']?og:title/i.test(tag.attrs)) ogTitle ??= attr(tag.attrs, 'content');
        if (RAW_TEXT.has(tag.name) && !tag.selfClosing) {
          const e = lower.indexOf(`</${tag.name}`, i);
          const content = html.slice(i, e === -1 ? n : e);
          if (tag.name === 'title') title ??= decodeAll(content).replace(/\s+/g, ' ').trim() || null;
          i = e === -1 ? n : e;
          continue;
        }
        if (skipping()) {
          if (!VOID.has(tag.name) && !tag.selfClosing) stack.push({ name: tag.name, skip: true });
          continue;
        }
        if (BLOCK2.has(tag.name) || BLOCK1.has(tag.name)) requestBreak(BLOCK2.has(tag.name) ? 2 : 1, at, tag.length);
        if (VOID.has(tag.name) || tag.selfClosing) continue;
        // implicit closes of <p>/<li> by a following sibling
        if ((tag.name === 'p' || tag.name === 'li') && stack.length && stack[stack.length - 1].name === tag.name) stack.pop();
        stack.push({ name: tag.name, skip: isChrome(tag) });
        if (tag.name === 'pre') pre++;
        if (tag.name === 'h1' && h1 == null) {
          inH1 = true;
          h1Text = '';
        }
        continue;
      }
    }
    if (skipping()) {
      i++;
      continue;
    }
    if (/\s/.test(c) && c !== '\u00a0') {
      let j = i;
      while (j < n && /\s/.test(html[j]) && html[j] !== '\u00a0') j++;
      if (pre > 0) {
        for (let k = i; k < j; k++) emitChar(html[k], k, 1, true);
      } else if (pendingBreak === 0) pendingSpace = { at: i, len: j - i };
      i = j;
      continue;
    }
    if (c === '&') {
      const e = entityAt(html, i);
      if (e) {
        if (e.value === '\u00a0' && pre === 0) {
          if (pendingBreak === 0) pendingSpace = { at: i, len: e.length };
        } else if (e.value !== '\u00ad') {
          for (const u of e.value.split('')) emitChar(u, i, e.length, false);
        }
        i += e.length;
        continue;
      }
    }
    emitChar(c, i, 1, true);
    i++;
  }
  return { builder: b, title: title ?? (ogTitle ? decodeAll(ogTitle).trim() : null) ?? h1 };
}

/** Decodes every entity in a string (for titles and attributes; no mapping kept). */
export function decodeAll(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '&') {
      const e = entityAt(s, i);
      if (e) {
        out += e.value;
        i += e.length - 1;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}
