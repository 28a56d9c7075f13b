/**
 * Imports through the API: an uploaded file is streamed to a temporary file (counted against the
 * import limit and hashed on the way), then imported by the same code as `harmwatch import`, in
 * the background. Jobs are kept in memory (the last 200), so `GET /api/imports/<id>` reports the
 * per-row outcome; `import_runs` keeps the durable record. A job lost to a restart is re-posted:
 * imports are idempotent, so nothing doubles.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { HarmwatchError, toHarmwatchError } from '../errors.ts';
import { linkIncidents } from '../linkage/incidentLinker.ts';
import { importFile, type KindOptions } from './importers.ts';
import { ingestRepository } from './repository.ts';
import type { ImportKind, ImportResult } from './service.ts';

export interface ImportJob {
  id: string;
  kind: ImportKind;
  file: string;
  bytes: number;
  sha256: string;
  status: 'running' | 'finished' | 'failed';
  actor: string;
  startedAt: Date;
  finishedAt: Date | null;
  rowsRead: number;
  result: ImportResult | null;
  error: HarmwatchError | null;
  linkage: { claims: number; attached: number; created: number; queued: number } | null;
  /** Settles when the job ends (never rejects). */
  done: Promise<void>;
}

const KEEP_JOBS = 200;
const jobs = new Map<string, ImportJob>();

/** A stored upload: where it sits, its size and SHA-256. Remove `dir` when done. */
export interface Upload {
  dir: string;
  path: string;
  bytes: number;
  sha256: string;
}

const EXTENSIONS: Record<string, string> = {
  'text/csv': '.csv', 'application/csv': '.csv', 'application/x-ndjson': '.jsonl', 'application/jsonl': '.jsonl', 'application/jsonlines': '.jsonl',
  'text/plain': '.txt', 'text/html': '.html', 'text/tab-separated-values': '.tsv',
};

/** A safe file name for the upload: the caller's base name, else one from the content type. */
export function uploadName(filename: string | undefined, contentType: string | undefined, kind: string): string {
  const given = filename ? basename(filename).replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120) : '';
  if (given && extname(given)) return given;
  const ext = EXTENSIONS[(contentType ?? '').split(';')[0].trim().toLowerCase()] ?? '.csv';
  return `${given || kind}${ext}`;
}

/** Streams `body` to a temporary file, refusing more than `limit` bytes (413). */
export async function storeUpload(body: Readable | Buffer | string, name: string, limit: number): Promise<Upload> {
  const dir = await mkdtemp(join(tmpdir(), 'harmwatch-upload-'));
  const path = join(dir, name);
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    if (typeof body === 'string' || Buffer.isBuffer(body)) {
      const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
      if (buf.length > limit) throw tooLarge(limit);
      bytes = buf.length;
      hash.update(buf);
      await writeFile(path, buf);
    } else {
      const meter = new Transform({
        transform(chunk: Buffer, _enc, cb) {
          bytes += chunk.length;
          if (bytes > limit) {
            cb(tooLarge(limit));
            return;
          }
          hash.update(chunk);
          cb(null, chunk);
        },
      });
      await pipeline(body, meter, createWriteStream(path));
    }
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  if (bytes === 0) {
    await rm(dir, { recursive: true, force: true });
    throw new HarmwatchError('INPUT_INVALID', 'the uploaded file is empty', { file: name });
  }
  return { dir, path, bytes, sha256: hash.digest('hex') };
}

function tooLarge(limit: number): HarmwatchError {
  return new HarmwatchError('PAYLOAD_TOO_LARGE', `import file larger than ${limit} bytes; use \`harmwatch import\` on the server for bigger files`, { limit });
}

export interface StartJobProps {
  kind: ImportKind;
  upload: Upload;
  actor: string;
  reason?: string;
  dryRun?: boolean;
  batchSize?: number;
  options: KindOptions;
  /** Article imports: link the extracted claims into incidents afterwards. */
  link?: boolean;
}

/** Starts an import of a stored upload in the background; the upload is removed when it ends. */
export function startImportJob(db: Kysely<Database>, p: StartJobProps): ImportJob {
  const job: ImportJob = {
    id: randomUUID(), kind: p.kind, file: basename(p.upload.path), bytes: p.upload.bytes, sha256: p.upload.sha256, status: 'running', actor: p.actor,
    startedAt: new Date(), finishedAt: null, rowsRead: 0, result: null, error: null, linkage: null, done: Promise.resolve(),
  };
  job.done = (async () => {
    try {
      job.result = await importFile(db, p.kind, p.upload.path, {
        actor: p.actor, ...(p.reason ? { reason: p.reason } : {}), dryRun: !!p.dryRun, ...(p.batchSize ? { batchSize: p.batchSize } : {}),
        onProgress: (n) => { job.rowsRead = n; },
      }, p.options);
      job.rowsRead = job.result.read;
      if (p.kind === 'article' && p.link && !p.dryRun) {
        const l = await linkIncidents(db, { actor: p.actor, reason: `linkage after importing ${job.file}` });
        job.linkage = { claims: l.claims, attached: l.attached, created: l.created, queued: l.queued };
      }
      job.status = 'finished';
    } catch (err) {
      job.error = toHarmwatchError(err);
      job.status = 'failed';
      if (job.error.isReportable) process.stderr.write(`harmwatch: import job ${job.id} (${p.kind} ${job.file}): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    } finally {
      job.finishedAt = new Date();
      await rm(p.upload.dir, { recursive: true, force: true });
    }
  })();
  jobs.set(job.id, job);
  if (jobs.size > KEEP_JOBS) {
    for (const [id, j] of jobs) {
      if (jobs.size <= KEEP_JOBS) break;
      if (j.status !== 'running') jobs.delete(id);
    }
  }
  return job;
}

/** A job by id, or undefined when unknown (or forgotten after 200 newer ones). */
export function importJob(id: string): ImportJob | undefined {
  return jobs.get(id);
}

/** What POST /api/sources answers: the stored source version, the import summary, the linkage. */
export interface ArticleImport {
  source: { id: number; key: string; version: number; sha256: string; capturedAt: Date; url: string | null } | null;
  result: ImportResult;
  claims: number;
  linkage: ImportJob['linkage'];
}

export interface ArticleInput {
  content?: string | undefined;
  contentBase64?: string | undefined;
  contentType?: 'text/plain' | 'text/html' | undefined;
  url?: string | undefined;
  publisher?: string | undefined;
  publishedOn?: string | undefined;
  language?: string | undefined;
  sourceType?: KindOptions['sourceType'];
  reason?: string | undefined;
  link: boolean;
  dryRun: boolean;
}

/**
 * An article as a source, as `harmwatch import article` does: bytes and SHA-256 kept, clean text
 * with offsets, claims extracted and stored, then linked into incidents. Waits for the end (one
 * document is small); the body limit of the server applies.
 */
export async function importArticle(db: Kysely<Database>, actor: string, a: ArticleInput, limit: number): Promise<ArticleImport> {
  const bytes = a.contentBase64 != null ? Buffer.from(a.contentBase64, 'base64') : Buffer.from(a.content ?? '', 'utf8');
  const ext = a.contentType === 'text/html' ? '.html' : a.contentType === 'text/plain' ? '.txt' : (/^\s*</.test(bytes.subarray(0, 512).toString('latin1')) ? '.html' : '.txt');
  const upload = await storeUpload(bytes, `article${ext}`, limit);
  const options: KindOptions = {
    ...(a.url ? { url: a.url } : {}), ...(a.contentType ? { contentType: a.contentType } : {}), ...(a.publisher ? { publisher: a.publisher } : {}),
    ...(a.publishedOn ? { publishedOn: a.publishedOn } : {}), ...(a.language ? { language: a.language } : {}), ...(a.sourceType ? { sourceType: a.sourceType } : {}),
  };
  const job = startImportJob(db, { kind: 'article', upload, actor, ...(a.reason ? { reason: a.reason } : {}), dryRun: a.dryRun, options, link: a.link });
  await job.done;
  if (job.error) throw job.error;
  const result = job.result as ImportResult;
  const head = a.dryRun ? undefined : await ingestRepository.latestSourceByKey(db, a.url ? `url:${a.url}` : `sha256:${upload.sha256}`);
  return {
    source: head ? { id: head.id, key: head.source_key, version: head.version, sha256: head.sha256, capturedAt: head.captured_at, url: head.url } : null,
    result, claims: head?.claims ?? 0, linkage: job.linkage,
  };
}

/** Recent import runs (the durable record of every import, CLI or API). */
export async function recentImportRuns(db: Kysely<Database>, limit = 50) {
  return ingestRepository.recentImportRuns(db, limit);
}
