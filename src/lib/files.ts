import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { inputError } from '../errors.ts';

/** SHA-256 of a file, read as a stream (constant memory). */
export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Fails with an input error naming the file when it does not exist or is not a file. */
export async function assertReadableFile(path: string): Promise<number> {
  try {
    const s = await stat(path);
    if (!s.isFile()) throw inputError('INPUT_INVALID', 'not a file', { file: path });
    return s.size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw inputError('INPUT_INVALID', 'no such file', { file: path });
    throw err;
  }
}
