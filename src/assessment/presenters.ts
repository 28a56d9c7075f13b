/**
 * How incidents under assessment, their assessments, sign-offs and changelog leave harmwatch.
 * Field visibility: `notes` is internal; `incidents.field_visibility` may mark other fields
 * internal or restricted. Public views hide such fields and redact free text (src/privacy).
 */
import { canSee, type Actor } from '../auth/policies.ts';
import type { AuditEventRow, IncidentRow } from '../db/types.ts';
import type { Role, Visibility } from '../model/vocabulary.ts';
import { redactText } from '../privacy/redact.ts';
import type { GradeSuggestion } from './grading.ts';
import type { AssessmentHistoryRow, AssessmentRow, FigureRow, GradeDecisionRow, SignOffRow } from './repository.ts';

const iso = (d: Date | string | null): string | null => (d == null ? null : new Date(d).toISOString());

/** Default visibility of incident fields; anything not listed is public. */
export const DEFAULT_FIELD_VISIBILITY: Record<string, Visibility> = { notes: 'internal', lastEditedBy: 'internal' };

function visibilityOf(i: IncidentRow, field: string): Visibility {
  const o = i.field_visibility?.[field];
  if (o === 'public' || o === 'internal' || o === 'restricted') return o;
  return DEFAULT_FIELD_VISIBILITY[field] ?? 'public';
}

export function presentAssessment(a: AssessmentRow, publicView: boolean) {
  return {
    belligerent: a.belligerent,
    status: a.status,
    conceded: { killed: { min: a.conceded_killed_min, max: a.conceded_killed_max }, injured: { min: a.conceded_injured_min, max: a.conceded_injured_max } },
    reason: publicView ? redactText(a.reason) : a.reason,
    reasonGiven: a.reason_given,
    assessedOn: a.assessed_on,
    documentUrl: a.document_url,
    documentSourceId: a.document_source_id,
    version: a.version,
  };
}

export function presentHistory(h: AssessmentHistoryRow, publicView: boolean) {
  return {
    status: h.status,
    conceded: { killed: { min: h.conceded_killed_min, max: h.conceded_killed_max }, injured: { min: h.conceded_injured_min, max: h.conceded_injured_max } },
    reason: publicView ? redactText(h.reason) : h.reason,
    reasonGiven: h.reason_given,
    assessedOn: h.assessed_on,
    documentUrl: h.document_url,
    documentSourceId: h.document_source_id,
    version: h.version,
    recordedBy: publicView ? 'harmwatch' : h.recorded_by,
    recordedAt: iso(h.recorded_at) ?? '',
    changeReason: publicView ? redactText(h.change_reason) : h.change_reason,
  };
}

export function presentDecision(d: GradeDecisionRow) {
  return {
    id: d.id, grade: d.grade, reason: d.reason, criteria: d.criteria, proposedBy: d.proposed_by, proposedAt: iso(d.proposed_at) ?? '',
    decision: d.decision, reviewedBy: d.reviewed_by, reviewedAt: iso(d.reviewed_at), reviewReason: d.review_reason, incidentVersion: d.incident_version,
  };
}

export function presentSignOff(s: SignOffRow, currentVersion: number) {
  return { field: s.field, incidentVersion: s.incident_version, signedBy: s.signed_by, signedAt: iso(s.signed_at) ?? '', note: s.note, current: s.incident_version === currentVersion };
}

export interface IncidentViewParts {
  incident: IncidentRow;
  figures: FigureRow[];
  assessments: AssessmentRow[];
  signOffs: SignOffRow[];
  decisions: GradeDecisionRow[];
  suggestion: GradeSuggestion | null;
  sources: Array<{ id: number; type: string; title: string | null; publisher: string | null; url: string | null; text: string | null; sha256: string }>;
}

/** The incident with its workflow state, as `role` may see it. */
export function presentWorkflowIncident(p: IncidentViewParts, actor: Actor) {
  const role: Role = actor.role;
  const pub = role === 'public';
  const i = p.incident;
  const show = <T>(field: string, v: T): T | null => (canSee(role, visibilityOf(i, field)) ? v : null);
  const text = (field: string, v: string | null): string | null => {
    const shown = show(field, v);
    return pub ? redactText(shown) : shown;
  };
  return {
    id: i.public_id,
    status: i.status,
    version: i.version,
    title: text('title', i.title),
    summary: text('summary', i.summary),
    date: { start: show('date', i.date_start), end: show('date', i.date_end), precision: show('date', i.date_precision) },
    place: {
      text: text('place', i.place_text), country: i.country, admin1: show('place', i.admin1),
      lat: show('lat', show('place', i.lat)), lon: show('lon', show('place', i.lon)), precision: show('place', i.place_precision),
    },
    belligerents: i.belligerents,
    strikeStatus: i.strike_status,
    grade: i.grade_status === 'approved' || i.grade_status === 'unreviewed' || !pub ? i.grade : null,
    gradeStatus: i.grade_status,
    figures: canSee(role, visibilityOf(i, 'figures'))
      ? p.figures.map((f) => ({ outcome: f.outcome, population: f.population, low: f.low, best: f.best, high: f.high, rule: f.rule }))
      : [],
    assessments: p.assessments.map((a) => presentAssessment(a, pub)),
    signOffs: p.signOffs.map((s) => ({ ...presentSignOff(s, i.version), signedBy: pub ? 'reviewer' : s.signed_by })),
    ...(pub ? {} : {
      lastEditedBy: show('lastEditedBy', i.last_edited_by),
      notes: show('notes', i.notes),
      gradeDecisions: p.decisions.map(presentDecision),
      ...(p.suggestion ? { suggestion: p.suggestion } : {}),
    }),
    sources: p.sources.map((s) => ({ ...s, text: pub ? redactText(s.text) : s.text })),
  };
}

/** Public changelog actor: role and name, never a secret. */
export interface ChangelogActor {
  role: string;
  name: string;
}

function redactDeep(v: unknown): unknown {
  if (typeof v === 'string') return redactText(v);
  if (Array.isArray(v)) return v.map(redactDeep);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, redactDeep(x)]));
  return v;
}

/** One public changelog entry; free text redacted. */
export function presentChangelogEvent(e: AuditEventRow, actor: ChangelogActor) {
  const after = e.after && typeof e.after === 'object' ? (redactDeep(e.after) as Record<string, unknown>) : null;
  return { seq: Number(e.seq), at: iso(e.at) ?? '', action: e.action, actor, reason: redactText(e.reason), change: after };
}
