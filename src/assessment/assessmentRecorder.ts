/**
 * Records a belligerent's assessment of an incident: the current position in `assessments`, every
 * version (the first included) in `assessment_history` with who and why, and one public audit
 * event per change on the incident's changelog — all in the caller's transaction.
 *
 * Stable API for importers (src/ingest uses it for official determinations):
 *
 * @example
 *   await db.kysely.transaction().execute(async (tx) => {
 *     await recordAssessment({ actor: 'import:determinations', reason: 'CJTF-OIR report 2019-04', tx }, {
 *       incidentId: 42, belligerent: 'coalition', status: 'not_credible', statedReason: null,
 *       assessedOn: '2019-04-25', document: { url: 'https://…' },
 *     });
 *   });
 *
 * Authorization is the caller's: routes and the CLI check `assessment.record` first.
 */
import type { Kysely } from 'kysely';
import type { WriteContext } from '../audit/context.ts';
import { auditName, requireAccess, type Actor } from '../auth/policies.ts';
import type { Database } from '../db/types.ts';
import { assertWriteContext } from '../audit/context.ts';
import { recordAudit } from '../audit/service.ts';
import { inputError, notFound, versionConflict } from '../errors.ts';
import { ASSESSMENT_STATUSES, NO_REASON_GIVEN, type AssessmentStatus } from '../model/vocabulary.ts';
import { redactText } from '../privacy/redact.ts';
import { assessmentRepository, type AssessmentRow } from './repository.ts';

/** An inclusive range; null = unknown (never 0). */
export interface ConcededRange {
  min?: number | null;
  max?: number | null;
}

/** One determination, as `recordAssessment` takes it. */
export interface AssessmentInput {
  /** The incident (internal id) — or give `publicId`. */
  incidentId?: number;
  /** The incident's public id, e.g. `HW-000042`. */
  publicId?: string;
  /** Who assessed, lower case slug: `coalition`, `us`, `russia`, … */
  belligerent: string;
  status: AssessmentStatus;
  /** Conceded civilian harm; omitted = unknown. */
  conceded?: { killed?: ConcededRange; injured?: ConcededRange };
  /** The stated reason; null, empty or omitted records "no reason given" (`reason_given = false`). */
  statedReason?: string | null;
  /** Date of the determination (YYYY-MM-DD). */
  assessedOn?: string | null;
  /** The document it came from: a stored source and/or its URL. */
  document?: { sourceId?: number | null; url?: string | null };
  /** Optimistic check: the assessment version the change was made on. Omit in imports. */
  expectedVersion?: number;
}

export interface AssessmentOutcome {
  assessmentId: number;
  version: number;
  /** 'created' (first), 'updated' (a new version), 'unchanged' (identical to the current one: nothing written). */
  result: 'created' | 'updated' | 'unchanged';
}

function range(r: ConcededRange | undefined, field: string): [number | null, number | null] {
  const min = r?.min ?? null;
  const max = r?.max ?? null;
  for (const v of [min, max]) {
    if (v != null && (!Number.isInteger(v) || v < 0)) throw inputError('INPUT_INVALID', `${field}: counts are whole numbers ≥ 0`, { field });
  }
  if (min != null && max != null && min > max) throw inputError('INPUT_INVALID', `${field}: min exceeds max`, { field });
  return [min, max];
}

/** Records one assessment (see the module comment). Idempotent: an identical re-import writes nothing. */
export async function recordAssessment(ctx: WriteContext, input: AssessmentInput): Promise<AssessmentOutcome> {
  assertWriteContext(ctx);
  const belligerent = input.belligerent.trim().toLowerCase();
  if (!belligerent) throw inputError('INPUT_INVALID', 'belligerent is required', { field: 'belligerent' });
  if (!(ASSESSMENT_STATUSES as readonly string[]).includes(input.status)) throw inputError('INPUT_INVALID', `unknown assessment status "${input.status}"`, { field: 'status' });
  const incident = input.incidentId != null
    ? await ctx.tx.selectFrom('incidents').select(['id', 'public_id']).where('id', '=', input.incidentId).executeTakeFirst()
    : input.publicId ? await ctx.tx.selectFrom('incidents').select(['id', 'public_id']).where('public_id', '=', input.publicId).executeTakeFirst() : undefined;
  if (!incident) throw notFound('incident', input.incidentId ?? input.publicId ?? '(none)');
  const [kMin, kMax] = range(input.conceded?.killed, 'conceded.killed');
  const [iMin, iMax] = range(input.conceded?.injured, 'conceded.injured');
  const stated = input.statedReason?.trim() ?? '';
  const values = {
    status: input.status,
    conceded_killed_min: kMin, conceded_killed_max: kMax, conceded_injured_min: iMin, conceded_injured_max: iMax,
    reason: stated || NO_REASON_GIVEN,
    reason_given: stated.length > 0,
    assessed_on: input.assessedOn ?? null,
    document_source_id: input.document?.sourceId ?? null,
    document_url: input.document?.url ?? null,
  };
  const current = await assessmentRepository.lockAssessment(ctx.tx, incident.id, belligerent);
  if (input.expectedVersion != null && (current?.version ?? 0) !== input.expectedVersion) {
    throw versionConflict(`assessment of ${incident.public_id} by ${belligerent}`, input.expectedVersion, current?.version ?? 0);
  }
  if (current && sameValues(current, values)) return { assessmentId: current.id, version: current.version, result: 'unchanged' };
  const row = current
    ? await assessmentRepository.updateAssessment(ctx.tx, current.id, { ...values, version: current.version + 1 })
    : await assessmentRepository.insertAssessment(ctx.tx, { ...values, incident_id: incident.id, belligerent, version: 1 });
  await assessmentRepository.insertHistory(ctx.tx, {
    ...values, assessment_id: row.id, version: row.version, recorded_by: ctx.actor, change_reason: ctx.reason,
  });
  await recordAudit(ctx, {
    action: 'assessment.recorded', targetType: 'incident', targetId: incident.public_id,
    before: current ? publicView(current) : null,
    after: publicView(row),
    visibility: 'public',
  });
  return { assessmentId: row.id, version: row.version, result: current ? 'updated' : 'created' };
}

type Values = Pick<AssessmentRow, 'status' | 'conceded_killed_min' | 'conceded_killed_max' | 'conceded_injured_min' | 'conceded_injured_max' | 'reason' | 'reason_given' | 'assessed_on' | 'document_source_id' | 'document_url'>;

function sameValues(a: Values, b: Values): boolean {
  return (Object.keys(b) as Array<keyof Values>).every((k) => (a[k] ?? null) === (b[k] ?? null));
}

/** What the public changelog may show of an assessment (the stated reason redacted). */
function publicView(a: AssessmentRow): Record<string, unknown> {
  return {
    belligerent: a.belligerent, status: a.status, version: a.version,
    conceded: { killed: { min: a.conceded_killed_min, max: a.conceded_killed_max }, injured: { min: a.conceded_injured_min, max: a.conceded_injured_max } },
    reason: redactText(a.reason), reasonGiven: a.reason_given, assessedOn: a.assessed_on, documentUrl: a.document_url,
  };
}

/** `recordAssessment` for a signed-in actor (API and CLI): checks `assessment.record`, opens the transaction. */
export async function recordAssessmentAs(db: Kysely<Database>, actor: Actor, reason: string, input: AssessmentInput): Promise<AssessmentOutcome> {
  requireAccess(actor, 'assessment.record');
  return db.transaction().execute((tx) => recordAssessment({ actor: auditName(actor), reason, tx }, input));
}
