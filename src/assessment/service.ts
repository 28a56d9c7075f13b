/** Reads of the assessment workflow: the incident with its state, suggestions, history, changelog. */
import type { Kysely } from 'kysely';
import { can, requireAccess, type Actor } from '../auth/policies.ts';
import { authRepository } from '../auth/repository.ts';
import type { Database, IncidentRow } from '../db/types.ts';
import { notFound } from '../errors.ts';
import { gatherEvidence } from './evidence.ts';
import { suggestGrade, type GradeSuggestion } from './grading.ts';
import { presentChangelogEvent, presentHistory, presentWorkflowIncident, type ChangelogActor } from './presenters.ts';
import { assessmentRepository } from './repository.ts';

/** The incident if the actor may see it: drafts only for signed-in users (404 for the public). */
export async function visibleIncident(db: Kysely<Database>, actor: Actor, publicId: string): Promise<IncidentRow> {
  const i = await assessmentRepository.incidentByPublicId(db, publicId);
  if (!i || (i.status !== 'published' && !can(actor.role, 'incident.read_internal'))) throw notFound('incident', publicId);
  return i;
}

/** The incident with figures, assessments, sign-offs (and, for staff, decisions and the suggested grade). */
export async function incidentWorkflowView(db: Kysely<Database>, actor: Actor, publicId: string): Promise<ReturnType<typeof presentWorkflowIncident>> {
  requireAccess(actor, 'incident.read');
  const incident = await visibleIncident(db, actor, publicId);
  const internal = can(actor.role, 'incident.read_internal');
  const [figures, assessments, signOffs, decisions, sources] = await Promise.all([
    assessmentRepository.figures(db, incident.id),
    assessmentRepository.assessments(db, incident.id),
    assessmentRepository.signOffs(db, incident.id),
    internal ? assessmentRepository.decisions(db, incident.id) : Promise.resolve([]),
    assessmentRepository.publicSources(db, incident.id),
  ]);
  const suggestion = can(actor.role, 'grade.suggest') ? suggestGrade(await gatherEvidence(db, incident)) : null;
  return presentWorkflowIncident({ incident, figures, assessments, signOffs, decisions, suggestion, sources }, actor);
}

/** The grade the criteria suggest, with each criterion and why. */
export async function gradeSuggestion(db: Kysely<Database>, actor: Actor, publicId: string): Promise<GradeSuggestion> {
  requireAccess(actor, 'grade.suggest');
  return suggestGrade(await gatherEvidence(db, await visibleIncident(db, actor, publicId)));
}

/** Every version of one belligerent's assessment of an incident, oldest first. */
export async function assessmentHistory(db: Kysely<Database>, actor: Actor, publicId: string, belligerent: string): Promise<Array<ReturnType<typeof presentHistory>>> {
  requireAccess(actor, 'assessment.read');
  const incident = await visibleIncident(db, actor, publicId);
  const a = (await assessmentRepository.assessments(db, incident.id)).find((x) => x.belligerent === belligerent.toLowerCase());
  if (!a) throw notFound(`assessment by ${belligerent} of incident`, publicId);
  return (await assessmentRepository.history(db, a.id)).map((h) => presentHistory(h, actor.role === 'public'));
}

/**
 * The public per-incident changelog: only `visibility = 'public'` audit events, each with its
 * actor as role and name (never a secret), free text redacted.
 */
export async function incidentChangelog(db: Kysely<Database>, actor: Actor, publicId: string): Promise<Array<ReturnType<typeof presentChangelogEvent>>> {
  requireAccess(actor, 'changelog.read');
  await visibleIncident(db, actor, publicId);
  const events = await assessmentRepository.incidentEvents(db, publicId, true);
  const usernames = [...new Set(events.map((e) => e.actor).filter((a) => a.startsWith('user:')).map((a) => a.slice(5)))];
  const users = new Map((await authRepository.usersByNames(db, usernames)).map((u) => [u.username, u]));
  const actorOf = (a: string): ChangelogActor => {
    if (a.startsWith('user:')) {
      const u = users.get(a.slice(5));
      return u ? { role: u.role, name: u.display_name ?? u.username } : { role: 'user', name: a.slice(5) };
    }
    if (a === 'public') return { role: 'public', name: 'anonymous' };
    return { role: 'system', name: a.replace(/^(cli|import|system):/, '$1 ') };
  };
  return events.map((e) => presentChangelogEvent(e, actorOf(e.actor)));
}

/** The full audit trail of one incident (internal and public events), for reviewers and admins. */
export async function incidentAuditTrail(db: Kysely<Database>, actor: Actor, publicId: string): Promise<Array<{ seq: number; at: string; actor: string; action: string; visibility: string; reason: string; before: unknown; after: unknown }>> {
  requireAccess(actor, 'audit.read');
  await visibleIncident(db, actor, publicId);
  const events = await assessmentRepository.incidentEvents(db, publicId, false);
  return events.map((e) => ({ seq: Number(e.seq), at: new Date(e.at).toISOString(), actor: e.actor, action: e.action, visibility: e.visibility, reason: e.reason, before: e.before, after: e.after }));
}
