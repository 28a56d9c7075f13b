import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { HarmwatchError } from '../errors.ts';

/** Requests per address per minute on the public API (bodies and pages are not counted). */
export const API_RATE_PER_MINUTE = 600;

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Public API conventions, applied to every /api/ route: CORS for read-only requests (any origin,
 * no credentials), weak ETags with 304 on If-None-Match for JSON, and a per-address token-bucket
 * rate limit (429 with Retry-After). In memory: one process serves one harmwatch.
 */
export function apiPolicy(app: FastifyInstance, opts: { ratePerMinute?: number } = {}): void {
  const rate = opts.ratePerMinute ?? API_RATE_PER_MINUTE;
  const buckets = new Map<string, Bucket>();
  const readOnly = (method: string): boolean => method === 'GET' || method === 'HEAD';

  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    const now = Date.now();
    const b = buckets.get(req.ip) ?? { tokens: rate, at: now };
    b.tokens = Math.min(rate, b.tokens + ((now - b.at) / 60_000) * rate);
    b.at = now;
    if (b.tokens < 1) {
      void reply.header('retry-after', String(Math.ceil(((1 - b.tokens) / rate) * 60)));
      throw new HarmwatchError('RATE_LIMITED', `more than ${rate} API requests a minute from this address; slow down`, { limitPerMinute: rate });
    }
    b.tokens -= 1;
    buckets.set(req.ip, b);
    if (buckets.size > 100_000) buckets.clear();
  });

  app.options('/api/*', { schema: { hide: true } }, async (_req, reply) => reply
    .header('access-control-allow-origin', '*')
    .header('access-control-allow-methods', 'GET, HEAD, OPTIONS')
    .header('access-control-allow-headers', 'content-type, if-none-match')
    .header('access-control-max-age', '86400')
    .status(204)
    .send());

  app.addHook('onSend', async (req, reply, payload) => {
    if (!req.url.startsWith('/api/') || !readOnly(req.method)) return payload;
    void reply.header('access-control-allow-origin', '*');
    void reply.header('vary', 'origin');
    if (reply.statusCode !== 200 || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) return payload;
    const etag = `W/"${createHash('sha1').update(payload).digest('base64url')}"`;
    void reply.header('etag', etag);
    void reply.header('cache-control', 'public, max-age=60');
    const inm = req.headers['if-none-match'];
    if (inm && inm.split(',').map((s) => s.trim()).includes(etag)) {
      void reply.code(304);
      return '';
    }
    return payload;
  });
}
