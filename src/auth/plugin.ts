/**
 * The authentication hook of the HTTP app, applied to every route once registered
 * (`Symbol.for('skip-override')`: it is not encapsulated, like fastify-plugin).
 *
 * - `Authorization: Bearer hwt_…` → the token's user (API scripts; not subject to CSRF).
 *   A bearer header that does not resolve is a 401, never a silent fall-back.
 * - Cookie `hw_session` → the session's user. Unsafe methods (POST, PUT, PATCH, DELETE) must carry
 *   the session's CSRF token in header `x-csrf-token` or form field `_csrf` (synchronizer token).
 * - Nothing → the anonymous actor (role `public`).
 * - A route that names `config: { action: '<permission>' }` is checked against the policy table.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { HarmwatchError, unauthorized } from '../errors.ts';
import type { AppDeps } from '../web/deps.ts';
import { ANONYMOUS, requireAccess, type Actor, type Permission } from './policies.ts';
import { resolveApiToken, resolveSession } from './service.ts';
import { safeEqual } from './tokens.ts';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'hw_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** How the current request was authenticated. */
export interface RequestAuth {
  via: 'anonymous' | 'session' | 'token';
  /** The session's CSRF token (session requests only). */
  csrfToken: string | null;
  /** The raw session cookie (session requests only), to rotate it at login. */
  sessionToken: string | null;
}

/** Permission of each route by `METHOD /path`: from registration (routes after the plugin) or first request (for docs and the route test). */
export type RouteActions = Map<string, Permission | null>;

declare module 'fastify' {
  interface FastifyInstance {
    routeActions: RouteActions;
  }
  interface FastifyRequest {
    actor: Actor;
    auth: RequestAuth;
  }
  interface FastifyContextConfig {
    /** The permission a route requires (src/auth/policies.ts); none = open to everyone. */
    action?: Permission;
    /** Only the login route: it starts a session and rotates any old one. */
    csrfExempt?: boolean;
  }
}

function bearer(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (!h) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  if (!m) throw unauthorized('Authorization must be "Bearer <token>"');
  return m[1];
}

function csrfFrom(req: FastifyRequest): string | null {
  const h = req.headers['x-csrf-token'];
  if (typeof h === 'string' && h) return h;
  const body = req.body as { _csrf?: unknown } | null | undefined;
  return body && typeof body === 'object' && typeof body._csrf === 'string' ? body._csrf : null;
}

/** Sets the session cookie: httpOnly, SameSite=Lax, Secure on HTTPS, for the whole site. */
export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date): void {
  void reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: 'auto', expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: 'auto' });
}

/** The auth plugin; register it before the routes it should cover. */
export function authPlugin(deps: AppDeps): FastifyPluginAsync {
  const plugin: FastifyPluginAsync = async (app) => {
    app.decorate('routeActions', new Map() as RouteActions);
    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const m of methods) app.routeActions.set(`${m} ${route.url}`, route.config?.action ?? null);
    });
    app.decorateRequest('actor', null as never);
    app.decorateRequest('auth', null as never);

    app.addHook('onRequest', async (req, reply) => {
      req.actor = ANONYMOUS;
      req.auth = { via: 'anonymous', csrfToken: null, sessionToken: null };
      const token = bearer(req);
      if (token) {
        const actor = await resolveApiToken(deps.db.kysely, token);
        if (!actor) throw unauthorized('API token unknown or revoked');
        req.actor = actor;
        req.auth = { via: 'token', csrfToken: null, sessionToken: null };
        return;
      }
      const cookie = req.cookies[SESSION_COOKIE];
      if (!cookie) return;
      const s = await resolveSession(deps.db.kysely, cookie);
      if (!s) {
        clearSessionCookie(reply);
        return;
      }
      req.actor = s.actor;
      req.auth = { via: 'session', csrfToken: s.csrfToken, sessionToken: cookie };
    });

    // Permission first (before a body is even read), then CSRF on the parsed body (before validation strips `_csrf`).
    app.addHook('onRequest', async (req) => {
      const action = req.routeOptions.config?.action;
      const key = `${req.method} ${req.routeOptions.url ?? ''}`;
      if (req.routeOptions.url && !app.routeActions.has(key)) app.routeActions.set(key, action ?? null); // routes registered before the plugin
      if (action) requireAccess(req.actor, action);
    });

    app.addHook('preValidation', async (req) => {
      if (req.auth.via === 'session' && UNSAFE.has(req.method) && !req.routeOptions.config.csrfExempt) {
        const sent = csrfFrom(req);
        if (!sent || !req.auth.csrfToken || !safeEqual(sent, req.auth.csrfToken)) {
          throw new HarmwatchError('FORBIDDEN', 'CSRF token missing or wrong (send the x-csrf-token header or the _csrf field)', { csrf: true });
        }
      }
    });
  };
  (plugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
  return plugin;
}
