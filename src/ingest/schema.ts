/** Request and response shapes of the import API (zod; OpenAPI is generated from them). */
import { z } from 'zod';
import { POPULATIONS, SOURCE_TYPES } from '../model/vocabulary.ts';
import type { IMPORT_KINDS } from './service.ts';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Kinds the upload route takes (articles go to POST /api/sources as JSON). */
export const UPLOAD_KINDS = ['airwars', 'ucdp', 'acled', 'csv', 'hxl', 'determinations'] as const satisfies ReadonlyArray<(typeof IMPORT_KINDS)[number]>;

export const ImportParams = z.object({ kind: z.enum(UPLOAD_KINDS) });

export const ImportQuery = z.object({
  filename: z.string().min(1).max(200).optional().describe('the file name as uploaded (its extension picks the layout: .jsonl, .csv, .txt)'),
  dryRun: flag.optional().describe('validate and compare with the database; write nothing'),
  wait: flag.optional().describe('answer when the import has finished (200 with the result) instead of at once (202); for small files'),
  reason: z.string().min(1).max(1000).optional().describe('why, for the audit trail'),
  batchSize: z.coerce.number().int().min(1).max(10_000).optional(),
  country: z.string().regex(/^[A-Za-z]{2}$/).optional().describe('airwars: SY or IQ (bounding-box check); hxl: country when the file has no #country'),
  mapping: z.string().min(2).max(20_000).optional().describe('csv: the JSON mapping (see src/ingest/generic.ts), URL-encoded'),
  claimant: z.string().min(1).max(200).optional().describe('hxl: who the rows are claims of'),
  population: z.enum(POPULATIONS).optional().describe('hxl: population of #affected figures without one'),
  belligerent: z.string().min(1).max(100).optional().describe('determinations: who determined (default coalition)'),
  reportDate: isoDay.optional().describe('determinations prose report: date of the report'),
  url: z.string().url().max(2000).optional().describe('determinations prose report: where it is published'),
});

const RowError = z.object({ row: z.number().int(), ok: z.literal(false), file: z.string(), field: z.string(), reason: z.string(), value: z.string().optional() });

export const ImportResultJson = z.object({
  kind: z.string(), file: z.string(), fileSha256: z.string().nullable(), dryRun: z.boolean(), read: z.number().int(), imported: z.number().int(),
  unchanged: z.number().int(), updated: z.number().int(), rejected: z.array(RowError), warningCounts: z.record(z.string(), z.number().int()),
  warnings: z.array(z.object({ row: z.number().int(), kind: z.string(), field: z.string().optional(), value: z.string().optional(), message: z.string() })),
});

export const LinkageJson = z.object({ claims: z.number().int(), attached: z.number().int(), created: z.number().int(), queued: z.number().int() });

export const ImportJobJson = z.object({
  id: z.string(),
  kind: z.string(),
  file: z.string(),
  bytes: z.number().int(),
  sha256: z.string().describe('SHA-256 of the uploaded bytes'),
  status: z.enum(['running', 'finished', 'failed']),
  actor: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  rowsRead: z.number().int(),
  result: ImportResultJson.nullable(),
  error: z.object({ id: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) }).nullable(),
  links: z.object({ self: z.string() }),
});

export const ImportJobParams = z.object({ id: z.string().regex(/^[a-f0-9-]{36}$/) });

export const ImportRunJson = z.object({
  id: z.number().int(), kind: z.string(), fileName: z.string(), fileSha256: z.string(), actor: z.string(), status: z.string(),
  startedAt: z.string(), finishedAt: z.string().nullable(), read: z.number().int().nullable(), imported: z.number().int().nullable(),
  unchanged: z.number().int().nullable(), updated: z.number().int().nullable(), rejected: z.number().int().nullable(),
});

export const ArticleBody = z.object({
  content: z.string().min(1).optional().describe('the document as text (plain text or HTML)'),
  contentBase64: z.string().min(1).optional().describe('or its bytes, base64 (keeps a non-UTF-8 charset exactly)'),
  contentType: z.enum(['text/plain', 'text/html']).optional().describe('default: detected from the content'),
  url: z.string().url().max(2000).optional().describe('where it was published (a re-import at the same URL becomes a new version)'),
  publisher: z.string().min(1).max(300).optional(),
  publishedOn: isoDay.optional(),
  language: z.string().regex(/^[a-z]{2,3}$/).optional(),
  sourceType: z.enum(SOURCE_TYPES).optional(),
  reason: z.string().min(1).max(1000).optional().describe('why, for the audit trail'),
  link: z.boolean().default(true).describe('link the extracted claims into incidents afterwards'),
  dryRun: z.boolean().default(false),
}).refine((b) => (b.content == null) !== (b.contentBase64 == null), { message: 'give exactly one of content or contentBase64' });

export const ArticleResponse = z.object({
  data: z.object({
    source: z.object({ id: z.number().int(), key: z.string(), version: z.number().int(), sha256: z.string(), capturedAt: z.string(), url: z.string().nullable() }).nullable(),
    result: ImportResultJson,
    claims: z.number().int().describe('claims extracted and stored from this version'),
    linkage: LinkageJson.nullable(),
  }),
});
