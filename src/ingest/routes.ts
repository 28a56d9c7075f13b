/**
 * The import API: every `harmwatch import <kind>` reachable over HTTP.
 * - `POST /api/sources` (JSON): an article or document as a source; answers when stored, with its
 *   extracted claims linked.
 * - `POST /api/imports/<kind>` (the file as the request body): datasets and determinations,
 *   streamed to a temporary file and imported in the background (202 with a job; `?wait=true`
 *   answers 200 with the result). Exit code 2 on the CLI is `result.rejected` here.
 * - `GET /api/imports/<job>`: progress and the per-row outcome; `GET /api/imports`: recent runs.
 */
import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditName } from '../auth/policies.ts';
import { HarmwatchError, notFound } from '../errors.ts';
import type { AppDeps } from '../web/deps.ts';
import { parseMapping } from './generic.ts';
import type { KindOptions } from './importers.ts';
import { presentArticleImport, presentImportJob, presentImportRun } from './presenters.ts';
import { ArticleBody, ArticleResponse, ImportJobJson, ImportJobParams, ImportParams, ImportQuery, ImportRunJson } from './schema.ts';
import { importArticle, importJob, recentImportRuns, startImportJob, storeUpload, uploadName } from './uploads.ts';

const tags = ['imports'];

function kindOptions(q: z.infer<typeof ImportQuery>): KindOptions {
  const o: KindOptions = {};
  if (q.country) o.country = q.country.toUpperCase();
  if (q.mapping) {
    let raw: unknown;
    try {
      raw = JSON.parse(q.mapping);
    } catch {
      throw new HarmwatchError('INPUT_INVALID', 'mapping is not valid JSON', { field: 'mapping' });
    }
    o.mapping = parseMapping(raw, 'mapping');
  }
  if (q.claimant) o.claimant = q.claimant;
  if (q.population) o.population = q.population;
  if (q.belligerent) o.belligerent = q.belligerent;
  if (q.reportDate) o.reportDate = q.reportDate;
  if (q.url) o.url = q.url;
  return o;
}

export function ingestRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const db = deps.db.kysely;

    app.post('/api/sources', {
      config: { action: 'source.import' },
      schema: {
        tags, summary: 'Import an article or document as a source (claims extracted and linked)',
        description: 'Stores the bytes verbatim with their SHA-256 and capture time, a clean text with offsets back to the original, and the casualty claims extracted from it, then links them into incidents. Re-posting the same bytes (or the same URL with the same bytes) changes nothing; changed bytes at the same URL become a new version.',
        body: ArticleBody, response: { 201: ArticleResponse, 200: ArticleResponse },
      },
    }, async (req, reply) => {
      const r = await importArticle(db, auditName(req.actor), req.body, deps.config.bodyLimit);
      const created = r.result.imported + r.result.updated > 0;
      return reply.status(created ? 201 : 200).send({ data: presentArticleImport(r) });
    });

    await app.register(uploadRoute(deps));

    app.get('/api/imports/:id', {
      config: { action: 'source.import' },
      schema: { tags, summary: 'An import job: progress, per-row outcome or error', params: ImportJobParams, response: { 200: z.object({ data: ImportJobJson }) } },
    }, async (req) => {
      const job = importJob(req.params.id);
      if (!job) throw notFound('import job (kept in memory until restart; GET /api/imports lists the durable record)', req.params.id);
      return { data: presentImportJob(job) };
    });

    app.get('/api/imports', {
      config: { action: 'source.import' },
      schema: { tags, summary: 'Recent import runs (CLI and API), newest first', response: { 200: z.object({ data: z.array(ImportRunJson) }) } },
    }, async () => ({ data: (await recentImportRuns(db)).map(presentImportRun) }));
  };
}

/** The file is the body, of any content type: streamed to disk, never parsed by fastify. */
function uploadRoute(deps: AppDeps): FastifyPluginAsyncZod {
  return async (upload) => {
    const db = deps.db.kysely;
    upload.removeAllContentTypeParsers();
    upload.addContentTypeParser('*', (_req, payload, done) => { done(null, payload); });
    upload.post('/api/imports/:kind', {
      config: { action: 'source.import', bodyTimeoutMs: deps.config.importTimeoutS * 1000 },
      bodyLimit: deps.config.importLimit,
      schema: {
        tags, summary: 'Import a dataset or determinations file (the request body is the file)',
        description: 'Kinds: airwars (incidents.csv, incident_sources.csv or source_texts.jsonl), ucdp, acled, csv (with `mapping`), hxl, determinations (CSV layout or a prose report as text). Same code and outcomes as `harmwatch import <kind>`: idempotent, per-row rejections with file, row and field. 202 with a job to poll at `links.self`; with `wait=true`, 200 with the finished job.',
        params: ImportParams, querystring: ImportQuery,
        response: { 200: z.object({ data: ImportJobJson }), 202: z.object({ data: ImportJobJson }) },
      },
    }, async (req, reply) => {
      const q = req.query;
      const options = kindOptions(q);
      const stored = await storeUpload(req.body as Readable, uploadName(q.filename, req.headers['content-type'], req.params.kind), deps.config.importLimit);
      const job = startImportJob(db, {
        kind: req.params.kind, upload: stored, actor: auditName(req.actor), ...(q.reason ? { reason: q.reason } : {}),
        dryRun: q.dryRun ?? false, ...(q.batchSize ? { batchSize: q.batchSize } : {}), options,
      });
      if (q.wait) {
        await job.done;
        return reply.status(200).send({ data: presentImportJob(job) });
      }
      return reply.status(202).header('location', `/api/imports/${job.id}`).send({ data: presentImportJob(job) });
    });
  };
}
