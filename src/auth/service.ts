/**
 * Users, sessions and API tokens. Secrets never reach the database: sessions and API tokens are
 * stored as SHA-256 of the token, passwords as scrypt hashes (./password.ts).
 *
 * Sessions last {@link SESSION_TTL_MS}; a login always starts a new session (the old one, if
 * any, is deleted: rotation), and a change of role or a disable ends every session of the user.
 * Five failed logins lock the account for fifteen minutes ({@link LOCKOUT}).
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/service.ts';
import type { Database } from '../db/types.ts';
import { HarmwatchError, inputError, notFound, unauthorized } from '../errors.ts';
import type { Role } from '../model/vocabulary.ts';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword, type ScryptParams } from './password.ts';
import type { Actor } from './policies.ts';
import { authRepository, type UserRow } from './repository.ts';
import { API_TOKEN_PREFIX, hashSecret, randomToken } from './tokens.ts';

/** How long a session lives after login. */
export const SESSION_TTL_MS = 12 * 3600 * 1000;
/** Failed logins before a lock, and how long the lock lasts. */
export const LOCKOUT = { maxFailures: 5, lockMs: 15 * 60 * 1000 } as const;
export const USER_ROLES = ['contributor', 'analyst', 'reviewer', 'admin'] as const satisfies ReadonlyArray<Exclude<Role, 'public'>>;
export type UserRole = (typeof USER_ROLES)[number];
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;

/** A signed-in actor for a user row. */
export function actorOf(user: UserRow, via: 'session' | 'token' | 'cli'): Actor {
  return { kind: 'user', role: user.role, userId: user.id, username: user.username, displayName: user.display_name, via };
}

export interface NewUserInput {
  username: string;
  role: UserRole;
  password?: string | null;
  displayName?: string | null;
  /** Lower scrypt cost, for tests only. */
  scrypt?: ScryptParams;
}

/** Adds a user (audited as `user.created`; the hash never enters the audit trail). */
export async function createUser(db: Kysely<Database>, by: string, input: NewUserInput, reason = 'user added'): Promise<UserRow> {
  if (!USERNAME.test(input.username)) throw inputError('INPUT_INVALID', 'username: 2–40 of a–z, 0–9, ".", "_", "-"', { field: 'username' });
  if (input.password != null && input.password.length < MIN_PASSWORD_LENGTH) {
    throw inputError('INPUT_INVALID', `password must be at least ${MIN_PASSWORD_LENGTH} characters`, { field: 'password' });
  }
  const hash = input.password != null ? await hashPassword(input.password, input.scrypt) : null;
  return db.transaction().execute(async (tx) => {
    if (await authRepository.userByName(tx, input.username)) throw new HarmwatchError('CONFLICT', `user ${input.username} exists`);
    const user = await authRepository.insertUser(tx, { username: input.username, display_name: input.displayName ?? null, role: input.role, password_hash: hash });
    await recordAudit({ actor: by, reason, tx }, { action: 'user.created', targetType: 'user', targetId: user.username, after: { role: user.role, hasPassword: hash != null } });
    return user;
  });
}

async function mustFindUser(db: Kysely<Database>, username: string): Promise<UserRow> {
  const u = await authRepository.userByName(db, username);
  if (!u) throw notFound('user', username);
  return u;
}

/** Disables a user and ends their sessions; their API tokens stop working too. */
export async function disableUser(db: Kysely<Database>, by: string, username: string, reason = 'user disabled'): Promise<UserRow> {
  return db.transaction().execute(async (tx) => {
    const u = await mustFindUser(tx, username);
    await authRepository.updateUser(tx, u.id, { disabled: true });
    const ended = await authRepository.deleteUserSessions(tx, u.id);
    await recordAudit({ actor: by, reason, tx }, { action: 'user.disabled', targetType: 'user', targetId: u.username, after: { sessionsEnded: ended } });
    return { ...u, disabled: true };
  });
}

/** Changes a user's role; a privilege change ends their sessions (they sign in again). */
export async function setRole(db: Kysely<Database>, by: string, username: string, role: UserRole, reason = 'role changed'): Promise<UserRow> {
  return db.transaction().execute(async (tx) => {
    const u = await mustFindUser(tx, username);
    await authRepository.updateUser(tx, u.id, { role });
    await authRepository.deleteUserSessions(tx, u.id);
    await recordAudit({ actor: by, reason, tx }, { action: 'user.role_changed', targetType: 'user', targetId: u.username, before: { role: u.role }, after: { role } });
    return { ...u, role };
  });
}

/** Sets a new password and ends the user's sessions. */
export async function setPassword(db: Kysely<Database>, by: string, username: string, password: string, params?: ScryptParams): Promise<void> {
  if (password.length < MIN_PASSWORD_LENGTH) throw inputError('INPUT_INVALID', `password must be at least ${MIN_PASSWORD_LENGTH} characters`, { field: 'password' });
  const hash = await hashPassword(password, params);
  await db.transaction().execute(async (tx) => {
    const u = await mustFindUser(tx, username);
    await authRepository.updateUser(tx, u.id, { password_hash: hash });
    await authRepository.clearFailedLogins(tx, u.id);
    await authRepository.deleteUserSessions(tx, u.id);
    await recordAudit({ actor: by, reason: 'password set', tx }, { action: 'user.password_set', targetType: 'user', targetId: u.username });
  });
}

/** Creates an API token for a user and returns it; only its hash is kept, so it is shown once. */
export async function createApiToken(db: Kysely<Database>, by: string, username: string, name: string): Promise<{ id: number; token: string; name: string }> {
  if (!name.trim()) throw inputError('INPUT_INVALID', 'a token needs a name', { field: 'name' });
  const token = randomToken(API_TOKEN_PREFIX);
  const id = await db.transaction().execute(async (tx) => {
    const u = await mustFindUser(tx, username);
    if (u.disabled) throw new HarmwatchError('CONFLICT', `user ${username} is disabled`);
    const tokenId = await authRepository.insertToken(tx, { user_id: u.id, name: name.trim(), token_hash: hashSecret(token) });
    await recordAudit({ actor: by, reason: `API token "${name.trim()}"`, tx }, { action: 'user.token_created', targetType: 'user', targetId: u.username, after: { tokenId, name: name.trim() } });
    return tokenId;
  });
  return { id, token, name: name.trim() };
}

export interface LoginResult {
  /** The session token for the cookie; the database keeps only its SHA-256. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: UserRow;
}

/**
 * Checks a username and password and starts a new session. Unknown user, wrong password and
 * disabled account all give the same 401 (after the same scrypt work); a locked account gives
 * 429 RATE_LIMITED until the lock ends. `previousToken` (the caller's old cookie) is ended.
 */
export async function login(db: Kysely<Database>, input: { username: string; password: string; previousToken?: string | undefined; now?: Date }): Promise<LoginResult> {
  const now = input.now ?? new Date();
  const user = await authRepository.userByName(db, input.username);
  if (user?.locked_until && new Date(user.locked_until) > now) {
    throw new HarmwatchError('RATE_LIMITED', 'too many failed sign-ins; try again later', { retryAfterS: Math.ceil((new Date(user.locked_until).getTime() - now.getTime()) / 1000) });
  }
  const ok = await verifyPassword(input.password, user?.password_hash ?? null);
  if (!user || !ok || user.disabled) {
    if (user && !ok) {
      const r = await authRepository.recordFailedLogin(db, user.id, LOCKOUT.maxFailures, new Date(now.getTime() + LOCKOUT.lockMs));
      if (r.locked) {
        await db.transaction().execute((tx) => recordAudit({ actor: 'system:auth', reason: `${LOCKOUT.maxFailures} failed sign-ins`, tx }, {
          action: 'user.locked', targetType: 'user', targetId: user.username, after: { lockedForS: LOCKOUT.lockMs / 1000 },
        }));
      }
    }
    throw unauthorized('wrong username or password');
  }
  await authRepository.clearFailedLogins(db, user.id);
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  const previous = input.previousToken ? hashSecret(input.previousToken) : null;
  if (previous) await authRepository.deleteSession(db, previous);
  await authRepository.deleteExpiredSessions(db, now);
  await authRepository.insertSession(db, { id: hashSecret(token), user_id: user.id, csrf_token: csrfToken, expires_at: expiresAt, rotated_from: previous });
  return { token, csrfToken, expiresAt, user };
}

/** Ends a session. */
export async function logout(db: Kysely<Database>, token: string): Promise<void> {
  await authRepository.deleteSession(db, hashSecret(token));
}

/** The actor and CSRF token behind a session cookie, or null when it is unknown, expired or disabled. */
export async function resolveSession(db: Kysely<Database>, token: string, now = new Date()): Promise<{ actor: Actor; csrfToken: string } | null> {
  const s = await authRepository.sessionByHash(db, hashSecret(token), now);
  if (!s || s.user.disabled) return null;
  return { actor: actorOf(s.user, 'session'), csrfToken: s.csrfToken };
}

/** The actor behind an API token, or null. */
export async function resolveApiToken(db: Kysely<Database>, token: string): Promise<Actor | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const u = await authRepository.userByTokenHash(db, hashSecret(token));
  if (!u || u.disabled) return null;
  return actorOf(u, 'token');
}

/** A user as an actor for CLI commands (`--as <username>`); disabled users cannot act. */
export async function cliUserActor(db: Kysely<Database>, username: string): Promise<Actor> {
  const u = await mustFindUser(db, username);
  if (u.disabled) throw new HarmwatchError('FORBIDDEN', `user ${username} is disabled`);
  return actorOf(u, 'cli');
}
