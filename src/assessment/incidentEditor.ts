/**
 * Creating, editing and publishing incidents. Edits carry the `version` they were made on; a
 * stale version is a 409 VERSION_CONFLICT and nothing is written (no lost update). Every change
 * is one audit event in the same transaction.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/service.ts';
import { auditName, requireAccess, type Actor } from '../auth/policies.ts';
import type { Database, IncidentRow } from '../db/types.ts';
import { HarmwatchError, inputError, notFound, versionConflict } from '../errors.ts';
import { assessmentRepository, type IncidentChanges } from './repository.ts';
import type { IncidentFields } from './schema.ts';
import { SIGNOFF_FIELDS } from './schema.ts';

function columns(f: IncidentFields): IncidentChanges {
  const c: IncidentChanges = {};
  if (f.title !== undefined) c.title = f.title;
  if (f.summary !== undefined) c.summary = f.summary;
  if (f.dateStart !== undefined) c.date_start = f.dateStart;
  if (f.dateEnd !== undefined) c.date_end = f.dateEnd;
  if (f.datePrecision !== undefined) c.date_precision = f.datePrecision;
  if (f.country !== undefined) c.country = f.country;
  if (f.admin1 !== undefined) c.admin1 = f.admin1;
  if (f.admin2 !== undefined) c.admin2 = f.admin2;
  if (f.placeText !== undefined) c.place_text = f.placeText;
  if (f.lat !== undefined) c.lat = f.lat;
  if (f.lon !== undefined) c.lon = f.lon;
  if (f.placePrecision !== undefined) c.place_precision = f.placePrecision;
  if (f.belligerents !== undefined) c.belligerents = f.belligerents;
  if (f.strikeStatus !== undefined) c.strike_status = f.strikeStatus;
  if (f.notes !== undefined) c.notes = f.notes;
  if (f.fieldVisibility !== undefined) c.field_visibility = JSON.stringify(f.fieldVisibility);
  return c;
}

function userName(actor: Actor): string {
  return actor.kind === 'user' ? actor.username : 'public';
}

async function checkSources(db: Kysely<Database>, ids: number[] | undefined): Promise<void> {
  if (!ids?.length) return;
  const found = new Set(await assessmentRepository.sourcesExist(db, ids));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw inputError('INPUT_INVALID', `unknown source ids: ${missing.join(', ')}`, { field: 'sourceIds' });
}

/** Creates a draft incident (optionally linked to sources, e.g. accepted submissions). */
export async function createIncident(db: Kysely<Database>, actor: Actor, fields: IncidentFields, reason: string): Promise<IncidentRow> {
  requireAccess(actor, 'incident.create');
  await checkSources(db, fields.sourceIds);
  return db.transaction().execute(async (tx) => {
    const row = await assessmentRepository.insertIncident(tx, { ...columns(fields), last_edited_by: userName(actor) });
    if (fields.figures) await assessmentRepository.replaceFigures(tx, row.id, fields.figures);
    await assessmentRepository.linkSources(tx, row.id, fields.sourceIds ?? []);
    await recordAudit({ actor: auditName(actor), reason, tx }, {
      action: 'incident.created', targetType: 'incident', targetId: row.public_id,
      after: { fields: Object.keys(fields).sort(), sourceIds: fields.sourceIds ?? [] },
    });
    return row;
  });
}

/**
 * Applies an edit made on `version`. Stale → VERSION_CONFLICT. Bumps the version and records the
 * editor (a sign-off must then come from someone else). The audit event names the changed
 * fields; it is public once the incident is published, and never carries internal notes.
 */
export async function editIncident(db: Kysely<Database>, actor: Actor, publicId: string, version: number, fields: IncidentFields, reason: string): Promise<IncidentRow> {
  requireAccess(actor, 'incident.edit');
  await checkSources(db, fields.sourceIds);
  return db.transaction().execute(async (tx) => {
    const current = await assessmentRepository.lockIncident(tx, publicId);
    if (!current) throw notFound('incident', publicId);
    if (current.version !== version) throw versionConflict(`incident ${publicId}`, version, current.version);
    const updated = await assessmentRepository.updateIncidentAt(tx, current.id, version, { ...columns(fields), last_edited_by: userName(actor) }, true);
    if (!updated) throw versionConflict(`incident ${publicId}`, version, version + 1);
    if (fields.figures) await assessmentRepository.replaceFigures(tx, current.id, fields.figures);
    await assessmentRepository.linkSources(tx, current.id, fields.sourceIds ?? []);
    const changed = Object.keys(fields).sort();
    const isPublic = current.status === 'published';
    await recordAudit({ actor: auditName(actor), reason, tx }, {
      action: 'incident.edited', targetType: 'incident', targetId: publicId,
      before: { version: current.version },
      after: { version: updated.version, fields: isPublic ? changed.filter((f) => f !== 'notes') : changed },
      visibility: isPublic ? 'public' : 'internal',
    });
    return updated;
  });
}

/**
 * Publishes an incident: it needs an approved grade and a sign-off of location, date and figures
 * on its current version. Public from then on.
 */
export async function publishIncident(db: Kysely<Database>, actor: Actor, publicId: string, reason: string): Promise<IncidentRow> {
  requireAccess(actor, 'incident.publish');
  return db.transaction().execute(async (tx) => {
    const current = await assessmentRepository.lockIncident(tx, publicId);
    if (!current) throw notFound('incident', publicId);
    if (current.status === 'published') throw new HarmwatchError('CONFLICT', `incident ${publicId} is already published`);
    if (current.grade_status !== 'approved' || !current.grade) throw new HarmwatchError('CONFLICT', `incident ${publicId} has no approved grade`, { missing: 'grade' });
    const signed = new Set((await assessmentRepository.signOffs(tx, current.id)).filter((s) => s.incident_version === current.version).map((s) => s.field));
    const missing = SIGNOFF_FIELDS.filter((f) => !signed.has(f));
    if (missing.length) throw new HarmwatchError('CONFLICT', `incident ${publicId} lacks sign-off of ${missing.join(', ')} on version ${current.version}`, { missing });
    const updated = await assessmentRepository.updateIncidentAt(tx, current.id, current.version, { status: 'published' }, false);
    if (!updated) throw versionConflict(`incident ${publicId}`, current.version, current.version + 1);
    await recordAudit({ actor: auditName(actor), reason, tx }, {
      action: 'incident.published', targetType: 'incident', targetId: publicId,
      before: { status: current.status }, after: { status: 'published', version: current.version, grade: current.grade }, visibility: 'public',
    });
    return updated;
  });
}
