import { readFileSync } from 'node:fs';
import Fastify, { type FastifyInstance, type FastifyError, type FastifyReply } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import {
  hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { HarmwatchError, toHarmwatchError } from '../errors.ts';
import { strikeRoutes } from '../strikes/routes.ts';
import { ingestRoutes } from '../ingest/routes.ts';
import { sourceRoutes } from '../sources/routes.ts';
import { incidentRoutes } from '../incidents/routes.ts';
import { claimRoutes } from '../claims/routes.ts';
import { assessmentCollectionRoutes } from '../assessment/collectionRoutes.ts';
import { reconcileRoutes } from '../reconcile/routes.ts';
import { gazetteerRoutes } from '../gazetteer/routes.ts';
import { linkageRoutes } from '../linkage/routes.ts';
import { victimRoutes } from '../victims/routes.ts';
import { authPlugin } from '../auth/plugin.ts';
import { authRoutes } from '../auth/routes.ts';
import { assessmentRoutes } from '../assessment/routes.ts';
import { submissionRoutes } from '../submissions/routes.ts';
import type { AppDeps } from './deps.ts';
import { healthRoutes } from './healthRoutes.ts';
import { pageRoutes } from './pageRoutes.ts';
import { docsRoutes } from './docsRoutes.ts';
import { visualPages } from './pages/visualPages.ts';
import { apiPolicy } from './apiPolicy.ts';
import { bodyTimeout } from './bodyTimeout.ts';
import { methodologyPage } from './pages/methodology.ts';
import { workspaceRoutes } from './workspace/routes.ts';
import { layout } from './layout.ts';
import { html } from './html.ts';
import { pickLang, translator } from './i18n.ts';

const CSS = readFileSync(new URL('./assets/app.css', import.meta.url));
const ICON = readFileSync(new URL('./assets/icon.svg', import.meta.url));

/** Security headers on every response: no inline scripts, no framing, no referrer leaks. */
const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

/**
 * Builds the HTTP application: JSON API under /api (zod-validated, described at /openapi.json),
 * server-rendered pages, static assets. Routes stay thin and call services.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    bodyLimit: deps.config.bodyLimit,
    requestTimeout: deps.config.requestTimeoutS * 1000,
    connectionTimeout: deps.config.requestTimeoutS * 1000,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  await app.register(formbody, { bodyLimit: deps.config.bodyLimit });
  // Who is asking (session cookie or API token), CSRF, and each route's declared permission.
  await app.register(authPlugin(deps));
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'harmwatch API',
        version: '0.1.0',
        description: 'Civilian harm from military strikes: sources, claims, incidents, declared strikes, assessments. Figures are ranges; unknown is null, never 0.',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      tags: [
        { name: 'system' },
        { name: 'incidents', description: 'Events: linked claims with figures, grade and belligerent assessments' },
        { name: 'strikes', description: 'Strikes declared by militaries in their releases' },
        { name: 'exports', description: 'CSV, HXL and GeoJSON downloads, streamed' },
        { name: 'places', description: 'Gazetteer: geocoding and reverse geocoding' },
        { name: 'victims', description: 'Victims (counts by population; names only when publishable) and responses' },
        { name: 'auth', description: 'Sessions, API tokens, users' },
        { name: 'assessment', description: 'Grading with review, belligerent assessments, sign-offs, publication' },
        { name: 'imports', description: 'Sources, datasets and determinations in (analysts): the same importers as `harmwatch import`' },
        { name: 'submissions', description: 'Public witness submissions and the intake queue' },
        { name: 'reconcile', description: 'Official against independent figures, pipeline accounting, estimates' },
      ],
    },
    transform: jsonSchemaTransform,
  });

  app.addHook('onSend', async (_req, reply, payload) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
    return payload;
  });

  apiPolicy(app, { ratePerMinute: deps.config.apiRatePerMinute });
  bodyTimeout(app, deps.config.requestTimeoutS * 1000);

  app.setErrorHandler((err: FastifyError, req, reply) => {
    let e: HarmwatchError;
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({ field: v.instancePath.replace(/^\//, '') || String(v.params?.issue ? '' : ''), message: v.message }));
      e = new HarmwatchError('INPUT_INVALID', `invalid ${err.validationContext ?? 'request'}: ${issues.map((i) => `${i.field || '(value)'} ${i.message}`).join('; ')}`, { issues });
    } else if (err instanceof HarmwatchError) {
      e = err;
    } else if (err.statusCode === 413 || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      e = new HarmwatchError('PAYLOAD_TOO_LARGE', `request body larger than ${deps.config.bodyLimit} bytes`, { limit: deps.config.bodyLimit });
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      e = new HarmwatchError('INPUT_INVALID', err.message);
    } else {
      e = toHarmwatchError(err);
    }
    if (e.isReportable) process.stderr.write(`harmwatch: ${req.method} ${req.url}: ${err.stack ?? err.message}\n`);
    const wantsHtml = !req.url.startsWith('/api/') && (req.headers.accept ?? '').includes('text/html');
    if (wantsHtml) {
      const lang = pickLang(req.query, req.cookies?.lang);
      const t = translator(lang);
      void reply.status(e.status).type('text/html; charset=utf-8').send(layout({ lang, title: t('error.title'), path: '/' }, html`<h1>${t('error.title')}</h1><p>${e.message}</p><p class="muted">${e.id}</p>`));
      return;
    }
    void reply.status(e.status).send(e.toJSON());
  });

  app.setNotFoundHandler((req, reply) => {
    const e = new HarmwatchError('NOT_FOUND', `no route ${req.method} ${req.url.split('?')[0]}`);
    void reply.status(404).send(e.toJSON());
  });

  const icon = async (_req: unknown, reply: FastifyReply) => reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(ICON);
  app.get('/favicon.ico', { schema: { hide: true } }, icon);
  app.get('/assets/icon.svg', { schema: { hide: true } }, icon);
  app.get('/assets/app.css', { schema: { hide: true } }, async (_req, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(CSS));

  await app.register(healthRoutes(deps));
  await app.register(strikeRoutes(deps));
  await app.register(ingestRoutes(deps));
  await app.register(sourceRoutes(deps));
  await app.register(incidentRoutes(deps));
  await app.register(claimRoutes(deps));
  await app.register(assessmentCollectionRoutes(deps));
  await app.register(reconcileRoutes(deps));
  await app.register(gazetteerRoutes(deps));
  await app.register(linkageRoutes(deps));
  await app.register(victimRoutes(deps));
  await app.register(authRoutes(deps));
  await app.register(assessmentRoutes(deps));
  await app.register(submissionRoutes(deps, deps.submissionBuckets));
  await app.register(pageRoutes(deps));
  await app.register(visualPages(deps));
  await app.register(methodologyPage());
  await app.register(workspaceRoutes(deps));
  await app.register(docsRoutes());
  return app;
}
