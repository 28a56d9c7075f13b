import type { Actor } from './policies.ts';
import type { UserRow } from './repository.ts';

/** A user as the API and CLI show them: never the password hash, lock counters or tokens. */
export interface UserJson {
  username: string;
  displayName: string | null;
  role: string;
  disabled: boolean;
}

export function presentUser(u: Pick<UserRow, 'username' | 'display_name' | 'role' | 'disabled'>): UserJson {
  return { username: u.username, displayName: u.display_name, role: u.role, disabled: u.disabled };
}

export function presentActorUser(a: Actor): UserJson | null {
  return a.kind === 'user' ? { username: a.username, displayName: a.displayName, role: a.role, disabled: false } : null;
}
