import type { FastifyInstance } from 'fastify';
import { HarmwatchError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Milliseconds this route's body may take to arrive (uploads), instead of the server's. */
    bodyTimeoutMs?: number;
  }
  interface FastifyInstance {
    /** Milliseconds a request may take to arrive whole (see ./bodyTimeout.ts). */
    bodyTimeoutMs: number;
  }
}

/**
 * 408 REQUEST_TIMEOUT for a request whose body has not fully arrived `timeoutMs` after it began
 * (a slow or stalled upload), then the connection is closed. Node's own `requestTimeout` does not
 * catch a body dribbled byte by byte (each byte resets the idle timer, and on Node 20 the
 * periodic request check never fires once the headers are in), so a handful of slow clients could
 * hold connections and memory forever. Handlers that run long after a complete request are not
 * affected.
 */
export function bodyTimeout(app: FastifyInstance, timeoutMs: number): void {
  app.decorate('bodyTimeoutMs', timeoutMs);
  app.addHook('onRequest', async (req, reply) => {
    if (req.raw.complete) return;
    const limitMs = req.routeOptions.config.bodyTimeoutMs ?? timeoutMs;
    const timer = setTimeout(() => {
      if (req.raw.complete || reply.sent || reply.raw.headersSent) return;
      reply.raw.once('finish', () => req.raw.socket?.destroy());
      const e = new HarmwatchError('REQUEST_TIMEOUT', `the request did not arrive within ${Math.round(limitMs / 1000)} s`, { timeoutS: limitMs / 1000 });
      void reply.code(408).header('connection', 'close').send(e.toJSON());
    }, limitMs);
    timer.unref();
    const clear = (): void => clearTimeout(timer);
    req.raw.once('end', clear);
    reply.raw.once('close', clear);
  });
}
