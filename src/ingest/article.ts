/**
 * Articles (plain text and HTML) → one source record with original bytes, SHA-256, decoded full
 * text, clean text without page chrome, an exact clean → original offset map and a title.
 * `parseArticle` yields exactly one outcome (row 1 = the document).
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { dropChrome } from './article-clean.ts';
import { htmlToMappedText } from './article-html.ts';
import { inputName, openInput, sha256Bytes } from './hash.ts';
import { MappedTextBuilder } from './offset-map.ts';
import type { OffsetSegment } from './offset-map.ts';
import type { IngestInput, ParseOptions, Provenance, RowOutcome } from './types.ts';

/** Largest article accepted (bytes). */
export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;

export type ArticleContentType = 'text/plain' | 'text/html';

/** One article as received, with its clean text and offset map. */
export interface ArticleRecord {
  originalBytes: Uint8Array;
  sha256: string;
  contentType: ArticleContentType;
  /** Charset the bytes were decoded with (`utf-8`, `windows-1252`, `utf-16le` …). */
  charset: string;
  /** The full decoded original (for HTML: the markup). Offsets in `cleanToOriginal` index this string. */
  text: string;
  cleanText: string;
  /** Run-length segments `[cleanStart, origStart, cleanLength, origLength]` (see ./offset-map.ts). */
  cleanToOriginal: OffsetSegment[];
  title: string | null;
  provenance: Provenance;
}

export interface ArticleOptions extends ParseOptions {
  /** Forces the content type; otherwise from the extension, then by sniffing. */
  contentType?: ArticleContentType;
}

/** Whether bytes/text look like HTML. */
export function looksLikeHtml(head: string): boolean {
  return /^\s*(<!doctype html|<html|<head|<body|<meta|<!--)/i.test(head) || /<(p|div|article|br|h1|span|a)\b[^>]*>/i.test(head.slice(0, 4096));
}

/** Windows-1252 code points of bytes 0x80–0x9F (Node 20's TextDecoder decodes this label as Latin-1). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/** Decodes Windows-1252 bytes (one code unit per byte, so text index = byte offset). */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b)));
  }
  return out;
}

/** Decodes bytes: BOM, then an HTML meta charset, then strict UTF-8, else windows-1252. */
export function decodeBytes(bytes: Uint8Array, html: boolean): { text: string; charset: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes), charset: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes), charset: 'utf-16be' };
  if (html) {
    const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
    const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
    const cs = m?.[1]?.toLowerCase();
    if (cs && cs !== 'utf-8' && cs !== 'utf8') {
      try {
        const d = new TextDecoder(cs, { ignoreBOM: true });
        if (d.encoding === 'windows-1252') return { text: decodeWindows1252(bytes), charset: 'windows-1252' };
        if (['windows-1256', 'iso-8859-6'].includes(d.encoding)) return { text: d.decode(bytes), charset: d.encoding };
      } catch {
        // unknown label: fall through
      }
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), charset: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), charset: 'windows-1252' };
  }
}

/** Builds the article record from bytes (pure). */
export function articleFromBytes(bytes: Uint8Array, provenance: Provenance, contentType?: ArticleContentType): ArticleRecord {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const type: ArticleContentType = contentType ?? (looksLikeHtml(head) ? 'text/html' : 'text/plain');
  const { text, charset } = decodeBytes(bytes, type === 'text/html');
  let builder: MappedTextBuilder;
  let title: string | null;
  if (type === 'text/html') {
    const r = htmlToMappedText(text);
    builder = r.builder;
    title = r.title;
  } else {
    builder = new MappedTextBuilder();
    builder.copy(text, 0);
    title = null;
  }
  const clean = dropChrome(builder);
  const cleanText = clean.text();
  if (title == null) {
    const first = cleanText.split('\n').find((l) => l.trim() !== '');
    title = first ? first.trim().slice(0, 300) : null;
  }
  return {
    originalBytes: bytes,
    sha256: sha256Bytes(bytes),
    contentType: type,
    charset,
    text,
    cleanText,
    cleanToOriginal: clean.segments(),
    title,
    provenance,
  };
}

async function readAll(input: IngestInput): Promise<Uint8Array> {
  if (typeof input === 'string') return new Uint8Array(await readFile(input));
  if (input instanceof Uint8Array) return input;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of openInput(input)) {
    const buf = typeof c === 'string' ? Buffer.from(c) : Buffer.from(c as Uint8Array);
    size += buf.length;
    if (size > MAX_ARTICLE_BYTES) throw new Error(`article larger than ${MAX_ARTICLE_BYTES} bytes`);
    chunks.push(buf);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** Reads one article (file path, stream or bytes) and yields its single outcome (row 1). */
export async function* parseArticle(input: IngestInput, options: ArticleOptions = {}): AsyncGenerator<RowOutcome<ArticleRecord>> {
  const file = inputName(input, options, 'article (stream)');
  let bytes: Uint8Array;
  try {
    bytes = await readAll(input);
  } catch (err) {
    yield { row: 1, ok: false, file, field: '(file)', reason: `cannot read: ${err instanceof Error ? err.message : String(err)}` };
    return;
  }
  if (bytes.length > MAX_ARTICLE_BYTES) {
    yield { row: 1, ok: false, file, field: '(file)', reason: `article larger than ${MAX_ARTICLE_BYTES} bytes` };
    return;
  }
  const ext = typeof input === 'string' ? extname(input).toLowerCase() : '';
  const contentType = options.contentType ?? (ext === '.html' || ext === '.htm' ? 'text/html' : ext === '.txt' ? 'text/plain' : undefined);
  const provenance: Provenance = { dataset: options.dataset ?? 'article', file, row: 1 };
  try {
    const record = articleFromBytes(bytes, provenance, contentType);
    record.provenance.fileSha256 = record.sha256;
    const warnings = record.cleanText.trim() === '' ? [{ kind: 'truncated' as const, message: 'no text left after removing page chrome' }] : [];
    yield { row: 1, ok: true, record, warnings };
  } catch (err) {
    yield { row: 1, ok: false, file, field: '(file)', reason: `unreadable article: ${err instanceof Error ? err.message : String(err)}` };
  }
}
