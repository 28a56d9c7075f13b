/**
 * Who may do what, declared in one place. Every rule is `allow(role, verb, resource)`; anything
 * not allowed here is refused. Routes name their permission in `config.action`; services call
 * `requireAccess(actor, permission)` so the CLI is held to the same table.
 *
 * Separation of duties (a reviewer approves someone else's grade; a sign-off comes from someone
 * other than the last editor) is a rule about people, not roles, and is checked by the commands.
 */
import { forbidden, unauthorized } from '../errors.ts';
import type { Role, Visibility } from '../model/vocabulary.ts';

/** Things a permission is about. */
export const RESOURCES = ['source', 'incident', 'grade', 'assessment', 'signoff', 'submission', 'intake', 'changelog', 'audit', 'user', 'me', 'token', 'victim'] as const;
export type Resource = (typeof RESOURCES)[number];

/** `resource.verb` names of every permission, e.g. `grade.review`. */
export const PERMISSIONS = [
  'source.import',
  'incident.read', 'incident.read_internal', 'incident.create', 'incident.edit', 'incident.publish',
  'grade.suggest', 'grade.propose', 'grade.review',
  'assessment.read', 'assessment.record',
  'signoff.record',
  'submission.create',
  'intake.read', 'intake.decide',
  'changelog.read',
  'audit.read',
  'user.manage',
  'me.read',
  'token.create',
  'victim.read_restricted',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

type Verb<P extends string> = P extends `${infer _R}.${infer V}` ? V : never;

interface Rule {
  role: Role;
  permission: Permission;
}

const RULES: Rule[] = [];

/** Declares that `role` may `verb` the `resource`. */
function allow<R extends Resource>(role: Role, verb: Verb<Extract<Permission, `${R}.${string}`>>, resource: R): void {
  const permission = `${resource}.${verb}` as Permission;
  RULES.push({ role, permission });
}

const EVERYONE: Role[] = ['public', 'contributor', 'analyst', 'reviewer', 'admin'];
const SIGNED_IN: Role[] = ['contributor', 'analyst', 'reviewer', 'admin'];
const STAFF: Role[] = ['analyst', 'reviewer', 'admin'];

// --- the policy table ---------------------------------------------------------------------------
for (const r of EVERYONE) {
  allow(r, 'read', 'incident'); // published incidents, redacted
  allow(r, 'read', 'assessment');
  allow(r, 'read', 'changelog');
  allow(r, 'create', 'submission');
  allow(r, 'read', 'me');
}
for (const r of SIGNED_IN) {
  allow(r, 'read_internal', 'incident'); // drafts and internal fields
  allow(r, 'suggest', 'grade');
  allow(r, 'create', 'token');
}
for (const r of STAFF) {
  allow(r, 'read', 'intake');
  allow(r, 'record', 'signoff');
  allow(r, 'read_restricted', 'victim'); // victims' names before they are approved for publication
}
allow('analyst', 'import', 'source'); // articles, datasets and determinations through the API
allow('reviewer', 'import', 'source');
allow('analyst', 'create', 'incident');
allow('analyst', 'edit', 'incident');
allow('analyst', 'propose', 'grade');
allow('analyst', 'record', 'assessment');
allow('analyst', 'decide', 'intake');
allow('reviewer', 'review', 'grade');
allow('reviewer', 'publish', 'incident');
allow('reviewer', 'read', 'audit');
allow('reviewer', 'decide', 'intake');
for (const p of PERMISSIONS) allow('admin', p.split('.')[1] as never, p.split('.')[0] as Resource);
// ------------------------------------------------------------------------------------------------

const TABLE = new Map<Role, Set<Permission>>(EVERYONE.map((r) => [r, new Set<Permission>()]));
for (const rule of RULES) TABLE.get(rule.role)?.add(rule.permission);

/** Who is asking: an anonymous visitor, or a signed-in user (by session cookie or API token). */
export type Actor =
  | { kind: 'anonymous'; role: 'public' }
  | { kind: 'user'; role: Exclude<Role, 'public'>; userId: number; username: string; displayName: string | null; via: 'session' | 'token' | 'cli' };

export const ANONYMOUS: Actor = { kind: 'anonymous', role: 'public' };

/** True when `role` may do `permission`. */
export function can(role: Role, permission: Permission): boolean {
  return TABLE.get(role)?.has(permission) ?? false;
}

/** Throws 401 for an anonymous caller and 403 for a signed-in one that the table does not allow. */
export function requireAccess(actor: Actor, permission: Permission): void {
  if (can(actor.role, permission)) return;
  if (actor.kind === 'anonymous') throw unauthorized(`sign in to ${permission.replace('.', ' ')}`);
  throw forbidden(permission);
}

/** Every permission the caller holds, sorted: what the API returns as `policies`. */
export function policiesFor(actor: Actor): Permission[] {
  return PERMISSIONS.filter((p) => can(actor.role, p));
}

/** Whether a role sees a field of the given visibility: internal = signed in, restricted = staff. */
export function canSee(role: Role, visibility: Visibility): boolean {
  if (visibility === 'public') return true;
  if (visibility === 'internal') return role !== 'public';
  return role === 'analyst' || role === 'reviewer' || role === 'admin';
}

/** The name the audit trail records for an actor. */
export function auditName(actor: Actor): string {
  return actor.kind === 'user' ? `user:${actor.username}` : 'public';
}

/** The policy table as data (for docs and the route test). */
export function policyTable(): Record<Role, Permission[]> {
  return Object.fromEntries(EVERYONE.map((r) => [r, PERMISSIONS.filter((p) => can(r, p))])) as Record<Role, Permission[]>;
}
