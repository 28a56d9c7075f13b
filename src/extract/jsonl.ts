/**
 * Batch extraction over JSON lines: one `{ id | source_id, text, published | publication_date,
 * lang | language }` per line in, one `{ id, claims }` per line out, streaming. A bad line is
 * reported with its number and skipped; the rest still run.
 */
import { parsePublished } from './dates-ar.ts';
import { extractClaims } from './extract.ts';
import type { Claim } from './types.ts';

/** A line that could not be read. */
export interface LineError {
  line: number;
  reason: string;
}

/** What one input line yields. */
export interface JsonlOut {
  id: string | number | null;
  claims: Claim[];
}

function field(o: Record<string, unknown>, ...keys: string[]): unknown {
  for (const k of keys) if (o[k] !== undefined && o[k] !== null) return o[k];
  return undefined;
}

/** Parses one input line into extractor input, or a reason why not. */
export function readLine(line: string): { id: string | number | null; text: string; published?: string; lang?: 'en' | 'ar' } | string {
  let o: unknown;
  try {
    o = JSON.parse(line);
  } catch (err) {
    return `not JSON (${err instanceof Error ? err.message : String(err)})`;
  }
  if (!o || typeof o !== 'object' || Array.isArray(o)) return 'not a JSON object';
  const r = o as Record<string, unknown>;
  const text = field(r, 'text');
  if (typeof text !== 'string') return 'field text is missing or not a string';
  const id = field(r, 'id', 'source_id');
  const pub = field(r, 'published', 'publication_date');
  const lang = field(r, 'lang', 'language');
  return {
    id: typeof id === 'string' || typeof id === 'number' ? id : null,
    text,
    published: typeof pub === 'string' ? parsePublished(pub) : undefined,
    lang: lang === 'ar' || lang === 'en' ? lang : undefined,
  };
}

/**
 * Runs the extractor over JSON lines and hands each result line to `write` (which may wait for
 * the output to drain). Returns the number of lines read and the lines that failed.
 */
export async function extractJsonl(lines: AsyncIterable<string>, write: (line: string) => Promise<void> | void): Promise<{ lines: number; errors: LineError[] }> {
  const errors: LineError[] = [];
  let n = 0;
  for await (const raw of lines) {
    n++;
    if (raw.trim() === '') continue;
    const input = readLine(raw);
    if (typeof input === 'string') {
      errors.push({ line: n, reason: input });
      continue;
    }
    const out: JsonlOut = { id: input.id, claims: extractClaims(input.text, { published: input.published, lang: input.lang }).claims };
    await write(`${JSON.stringify(out)}\n`);
  }
  return { lines: n, errors };
}
