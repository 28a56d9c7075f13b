/**
 * Per-field sign-off (location, date, figures) by a second person: not the incident's last
 * editor. The sign-off records the incident version it was given on (which must be the current
 * one: a stale version is a 409), and counts as current only while the incident stays at it.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/service.ts';
import { auditName, requireAccess, type Actor } from '../auth/policies.ts';
import type { Database } from '../db/types.ts';
import { HarmwatchError, notFound, versionConflict } from '../errors.ts';
import { assessmentRepository, type SignOffRow } from './repository.ts';
import type { SignOffField } from './schema.ts';

export async function signOffField(
  db: Kysely<Database>, actor: Actor, publicId: string, input: { field: SignOffField; version: number; note?: string | undefined; reason?: string | undefined },
): Promise<SignOffRow> {
  requireAccess(actor, 'signoff.record');
  const me = actor.kind === 'user' ? actor.username : 'public';
  return db.transaction().execute(async (tx) => {
    const incident = await assessmentRepository.lockIncident(tx, publicId);
    if (!incident) throw notFound('incident', publicId);
    if (incident.version !== input.version) throw versionConflict(`incident ${publicId}`, input.version, incident.version);
    if (incident.last_edited_by === me) {
      throw new HarmwatchError('FORBIDDEN', `a sign-off must come from someone other than the last editor (${me})`, { rule: 'four_eyes' });
    }
    const row = await assessmentRepository.insertSignOff(tx, {
      incident_id: incident.id, field: input.field, incident_version: incident.version, signed_by: me, note: input.note ?? null,
    });
    await recordAudit({ actor: auditName(actor), reason: input.reason ?? `sign-off of ${input.field}`, tx }, {
      action: 'incident.signed_off', targetType: 'incident', targetId: publicId,
      after: { field: input.field, incidentVersion: incident.version }, visibility: 'public',
    });
    return row;
  });
}
