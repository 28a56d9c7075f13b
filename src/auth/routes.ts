import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../web/deps.ts';
import { auditName, policiesFor } from './policies.ts';
import { presentActorUser, presentUser } from './presenters.ts';
import { authRepository } from './repository.ts';
import { LoginBody, MeResponse, NewUserBody, ReasonBody, RoleBody, TokenBody, TokenResponse, UserJson, UsernameParams } from './schema.ts';
import { createApiToken, createUser, disableUser, login, logout, setRole } from './service.ts';
import { clearSessionCookie, setSessionCookie } from './plugin.ts';

const UserResponse = z.object({ data: UserJson });

/** Sign-in, sign-out, the caller (`/api/me`), users and API tokens. */
export function authRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const db = deps.db.kysely;

    app.post('/api/auth/login', {
      config: { csrfExempt: true },
      schema: { tags: ['auth'], summary: 'Sign in; sets the httpOnly session cookie and returns the CSRF token', body: LoginBody, response: { 200: MeResponse } },
    }, async (req, reply) => {
      const r = await login(db, { ...req.body, previousToken: req.auth.sessionToken ?? undefined });
      setSessionCookie(reply, r.token, r.expiresAt);
      const actor = { kind: 'user', role: r.user.role, userId: r.user.id, username: r.user.username, displayName: r.user.display_name, via: 'session' } as const;
      return { data: { signedIn: true, user: presentUser(r.user), via: 'session' as const, csrfToken: r.csrfToken }, policies: policiesFor(actor) };
    });

    app.post('/api/auth/logout', {
      schema: { tags: ['auth'], summary: 'Sign out (ends the session)', response: { 204: z.null() } },
    }, async (req, reply) => {
      if (req.auth.sessionToken) await logout(db, req.auth.sessionToken);
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    });

    app.get('/api/me', {
      config: { action: 'me.read' },
      schema: { tags: ['auth'], summary: 'Who is calling, and what they may do', response: { 200: MeResponse } },
    }, async (req) => ({
      data: { signedIn: req.actor.kind === 'user', user: presentActorUser(req.actor), via: req.auth.via, csrfToken: req.auth.csrfToken },
      policies: policiesFor(req.actor),
    }));

    app.post('/api/me/tokens', {
      config: { action: 'token.create' },
      schema: { tags: ['auth'], summary: 'Create an API token for yourself (shown once)', body: TokenBody, response: { 201: TokenResponse } },
    }, async (req, reply) => {
      const username = req.actor.kind === 'user' ? req.actor.username : '';
      const t = await createApiToken(db, auditName(req.actor), username, req.body.name);
      return reply.status(201).send({ data: t });
    });

    app.get('/api/users', {
      config: { action: 'user.manage' },
      schema: { tags: ['auth'], summary: 'Users (admin)', response: { 200: z.object({ data: z.array(UserJson) }) } },
    }, async () => ({ data: (await authRepository.listUsers(db)).map(presentUser) }));

    app.post('/api/users', {
      config: { action: 'user.manage' },
      schema: { tags: ['auth'], summary: 'Add a user (admin)', body: NewUserBody, response: { 201: UserResponse } },
    }, async (req, reply) => {
      const { reason, ...input } = req.body;
      const u = await createUser(db, auditName(req.actor), input, reason);
      return reply.status(201).send({ data: presentUser(u) });
    });

    app.post('/api/users/:username/role', {
      config: { action: 'user.manage' },
      schema: { tags: ['auth'], summary: "Change a user's role (ends their sessions)", params: UsernameParams, body: RoleBody, response: { 200: UserResponse } },
    }, async (req) => ({ data: presentUser(await setRole(db, auditName(req.actor), req.params.username, req.body.role, req.body.reason)) }));

    app.post('/api/users/:username/disable', {
      config: { action: 'user.manage' },
      schema: { tags: ['auth'], summary: 'Disable a user (ends their sessions, stops their tokens)', params: UsernameParams, body: ReasonBody, response: { 200: UserResponse } },
    }, async (req) => ({ data: presentUser(await disableUser(db, auditName(req.actor), req.params.username, req.body.reason)) }));
  };
}
