import { z } from 'zod';
import { PERMISSIONS } from './policies.ts';
import { USER_ROLES } from './service.ts';

export const LoginBody = z.object({
  username: z.string().trim().min(1).max(40),
  password: z.string().min(1).max(1000),
});

export const UserJson = z.object({
  username: z.string(),
  displayName: z.string().nullable(),
  role: z.string(),
  disabled: z.boolean(),
});

/** What `GET /api/me` and the login answer: the caller, their CSRF token (session only), their permissions. */
export const MeResponse = z.object({
  data: z.object({
    signedIn: z.boolean(),
    user: UserJson.nullable(),
    via: z.enum(['anonymous', 'session', 'token']),
    csrfToken: z.string().nullable().describe('send as x-csrf-token (or _csrf) with every unsafe request made with the session cookie'),
  }),
  policies: z.array(z.enum(PERMISSIONS)),
});

export const NewUserBody = z.object({
  username: z.string().trim().min(2).max(40),
  role: z.enum(USER_ROLES),
  password: z.string().min(10).max(1000).optional(),
  displayName: z.string().trim().max(200).optional(),
  reason: z.string().trim().min(1).max(2000),
});

export const RoleBody = z.object({ role: z.enum(USER_ROLES), reason: z.string().trim().min(1).max(2000) });
export const ReasonBody = z.object({ reason: z.string().trim().min(1).max(2000) });
export const TokenBody = z.object({ name: z.string().trim().min(1).max(100) });
export const TokenResponse = z.object({ data: z.object({ id: z.number().int(), name: z.string(), token: z.string().describe('shown once; keep it safe') }) });
export const UsernameParams = z.object({ username: z.string().min(1).max(40) });
