/** Typed queries over users, sessions and API tokens; one method per query. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Tx } from '../audit/context.ts';
import type { Database, UsersTable } from '../db/types.ts';

export type UserRow = Selectable<UsersTable>;
type Conn = Tx | Kysely<Database>;

export interface SessionLookup {
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
  user: UserRow;
}

export const authRepository = {
  async userByName(db: Conn, username: string): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  },

  async userById(db: Conn, id: number): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Users by name, for showing roles beside audit actors. */
  async usersByNames(db: Conn, usernames: string[]): Promise<Array<Pick<UserRow, 'username' | 'display_name' | 'role'>>> {
    if (usernames.length === 0) return [];
    return db.selectFrom('users').select(['username', 'display_name', 'role']).where('username', 'in', usernames).execute();
  },

  async listUsers(db: Conn): Promise<UserRow[]> {
    return db.selectFrom('users').selectAll().orderBy('username').execute();
  },

  async insertUser(tx: Tx, row: { username: string; display_name: string | null; role: UserRow['role']; password_hash: string | null }): Promise<UserRow> {
    return tx.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async updateUser(tx: Tx, id: number, set: Partial<Pick<UserRow, 'role' | 'disabled' | 'password_hash' | 'display_name'>>): Promise<void> {
    await tx.updateTable('users').set(set).where('id', '=', id).execute();
  },

  /** Counts a failed login; locks the account until `lockUntil` when the count reaches `max`. */
  async recordFailedLogin(db: Conn, id: number, max: number, lockUntil: Date): Promise<{ failed: number; locked: boolean }> {
    const r = await db.updateTable('users')
      .set({
        failed_logins: sql<number>`case when failed_logins + 1 >= ${max} then 0 else failed_logins + 1 end`,
        locked_until: sql<Date | null>`case when failed_logins + 1 >= ${max} then ${lockUntil.toISOString()}::timestamptz else locked_until end`,
      })
      .where('id', '=', id)
      .returning(['failed_logins', 'locked_until'])
      .executeTakeFirstOrThrow();
    return { failed: r.failed_logins, locked: r.locked_until != null && new Date(r.locked_until) > new Date() };
  },

  async clearFailedLogins(db: Conn, id: number): Promise<void> {
    await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
  },

  async insertSession(db: Conn, row: { id: string; user_id: number; csrf_token: string; expires_at: Date; rotated_from: string | null }): Promise<void> {
    await db.insertInto('sessions').values(row).execute();
  },

  /** A live session and its user, by the SHA-256 of the cookie's token. */
  async sessionByHash(db: Conn, idHash: string, now: Date): Promise<SessionLookup | undefined> {
    const s = await db.selectFrom('sessions').select(['id', 'user_id', 'csrf_token', 'expires_at'])
      .where('id', '=', idHash).where('expires_at', '>', now).executeTakeFirst();
    if (!s) return undefined;
    const user = await db.selectFrom('users').selectAll().where('id', '=', s.user_id).executeTakeFirst();
    if (!user) return undefined;
    return { sessionId: s.id, csrfToken: s.csrf_token, expiresAt: new Date(s.expires_at), user };
  },

  async deleteSession(db: Conn, idHash: string): Promise<void> {
    await db.deleteFrom('sessions').where('id', '=', idHash).execute();
  },

  /** Ends every session of a user (on disable or a change of role). */
  async deleteUserSessions(db: Conn, userId: number): Promise<number> {
    const r = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  async deleteExpiredSessions(db: Conn, now: Date): Promise<void> {
    await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  },

  async insertToken(tx: Tx, row: { user_id: number; name: string; token_hash: string }): Promise<number> {
    return (await tx.insertInto('api_tokens').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },

  /** The user of a live (not revoked) API token, by its hash; marks the token used. */
  async userByTokenHash(db: Conn, tokenHash: string): Promise<UserRow | undefined> {
    const t = await db.updateTable('api_tokens').set({ last_used_at: new Date() })
      .where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).returning('user_id').executeTakeFirst();
    if (!t) return undefined;
    return db.selectFrom('users').selectAll().where('id', '=', t.user_id).executeTakeFirst();
  },

  async tokensOf(db: Conn, userId: number): Promise<Array<{ id: number; name: string; created_at: Date; last_used_at: Date | null; revoked_at: Date | null }>> {
    return db.selectFrom('api_tokens').select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at']).where('user_id', '=', userId).orderBy('id').execute();
  },
};
