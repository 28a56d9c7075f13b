/** Streaming SHA-256 and input opening helpers. Constant memory: files are never read whole. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { inputError } from '../errors.ts';
import type { IngestInput, ParseOptions, Provenance } from './types.ts';

/** SHA-256 (hex) of a stream's bytes, read chunk by chunk. */
export async function sha256Stream(stream: AsyncIterable<Uint8Array | string>): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of stream) h.update(chunk);
  return h.digest('hex');
}

/** SHA-256 (hex) of a file, in one streaming pass. */
export async function sha256File(path: string): Promise<string> {
  try {
    return await sha256Stream(createReadStream(path));
  } catch (err) {
    throw inputError('INPUT_INVALID', `cannot read file: ${err instanceof Error ? err.message : String(err)}`, { file: path });
  }
}

/** SHA-256 (hex) of bytes or text (UTF-8). */
export function sha256Bytes(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Opens any {@link IngestInput} as a byte stream. */
export function openInput(input: IngestInput): Readable {
  if (typeof input === 'string') return createReadStream(input);
  if (input instanceof Readable) return input;
  if (input instanceof Uint8Array) return Readable.from([Buffer.from(input)]);
  return Readable.from(input);
}

/** The name errors and provenance use for an input. */
export function inputName(input: IngestInput, options: ParseOptions, fallback: string): string {
  if (options.file) return options.file;
  if (typeof input === 'string') return basename(input);
  return fallback;
}

/**
 * Provenance base for a parse: file name, dataset label and, for path inputs, the file's SHA-256
 * (computed in a first streaming pass unless given or `hash: false`).
 */
export async function provenanceBase(input: IngestInput, options: ParseOptions, dataset: string): Promise<Omit<Provenance, 'row'>> {
  const file = inputName(input, options, `${dataset} (stream)`);
  let fileSha256 = options.fileSha256;
  if (fileSha256 == null && typeof input === 'string' && options.hash !== false) fileSha256 = await sha256File(input);
  const base: Omit<Provenance, 'row'> = { dataset: options.dataset ?? dataset, file };
  if (fileSha256 != null) base.fileSha256 = fileSha256;
  return base;
}
