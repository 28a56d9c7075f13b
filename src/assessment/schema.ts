import { z } from 'zod';
import {
  ASSESSMENT_STATUSES, DATE_PRECISIONS, GRADES, OUTCOMES, PLACE_PRECISIONS, POPULATIONS, STRIKE_STATUSES, VISIBILITIES,
} from '../model/vocabulary.ts';
import { PERMISSIONS } from '../auth/policies.ts';

/** Fields a sign-off covers. */
export const SIGNOFF_FIELDS = ['location', 'date', 'figures'] as const;
export type SignOffField = (typeof SIGNOFF_FIELDS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').refine((v) => {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}, 'not a calendar date');
const reason = z.string().trim().min(1, 'a reason is required').max(4000);
const count = z.number().int().min(0).max(10_000_000).nullable();

export const FigureInput = z.object({
  outcome: z.enum(OUTCOMES),
  population: z.enum(POPULATIONS),
  low: count,
  best: count,
  high: count,
  rule: z.string().trim().min(1).max(500),
}).refine((f) => f.low == null || f.high == null || f.low <= f.high, 'low exceeds high');

/** Editable fields of an incident; absent = unchanged, null = cleared. */
export const IncidentFields = z.object({
  title: z.string().trim().max(500).nullable().optional(),
  summary: z.string().trim().max(20_000).nullable().optional(),
  dateStart: isoDate.nullable().optional(),
  dateEnd: isoDate.nullable().optional(),
  datePrecision: z.enum(DATE_PRECISIONS).nullable().optional(),
  country: z.enum(['IQ', 'SY']).nullable().optional(),
  admin1: z.string().trim().max(200).nullable().optional(),
  admin2: z.string().trim().max(200).nullable().optional(),
  placeText: z.string().trim().max(500).nullable().optional(),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lon: z.number().min(-180).max(180).nullable().optional(),
  placePrecision: z.enum(PLACE_PRECISIONS as [string, ...string[]]).nullable().optional(),
  belligerents: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
  strikeStatus: z.enum(STRIKE_STATUSES).nullable().optional(),
  /** Internal notes: never public. */
  notes: z.string().max(20_000).nullable().optional(),
  /** Per-field visibility overrides, e.g. { "lat": "restricted" }. */
  fieldVisibility: z.record(z.string(), z.enum(VISIBILITIES)).optional(),
  figures: z.array(FigureInput).max(40).optional(),
  /** Sources to link (one analyst claim each). */
  sourceIds: z.array(z.number().int().positive()).max(200).optional(),
});
export type IncidentFields = z.infer<typeof IncidentFields>;

export const CreateIncidentBody = IncidentFields.extend({ reason });
export const EditIncidentBody = IncidentFields.extend({ version: z.number().int().positive(), reason });
export const ReasonBody = z.object({ reason });
export const IncidentParams = z.object({ id: z.string().regex(/^HW-\d{1,12}$/, 'an incident id like HW-000123') });
export const GradeProposalBody = z.object({ grade: z.enum(GRADES), reason });
export const GradeReviewBody = z.object({ decision: z.enum(['approve', 'reject']), reason });
export const DecisionParams = z.object({ decisionId: z.coerce.number().int().positive() });
export const SignOffBody = z.object({ field: z.enum(SIGNOFF_FIELDS), version: z.number().int().positive(), note: z.string().trim().max(2000).optional(), reason: reason.optional() });

const RangeInput = z.object({ min: count.optional(), max: count.optional() }).refine((r) => r.min == null || r.max == null || r.min <= r.max, 'min exceeds max');
export const AssessmentBody = z.object({
  status: z.enum(ASSESSMENT_STATUSES),
  conceded: z.object({ killed: RangeInput.optional(), injured: RangeInput.optional() }).optional(),
  /** The belligerent's stated reason; omit or null when none was given ("no reason given" is recorded). */
  statedReason: z.string().trim().max(8000).nullable().optional(),
  assessedOn: isoDate.nullable().optional(),
  documentUrl: z.string().url().max(2000).nullable().optional(),
  documentSourceId: z.number().int().positive().nullable().optional(),
  /** Version of the assessment this change was made on (omit for a first assessment). */
  expectedVersion: z.number().int().positive().optional(),
  reason,
});
export const AssessmentParams = z.object({ id: IncidentParams.shape.id, belligerent: z.string().trim().min(1).max(100) });

const RangeJson = z.object({ min: z.number().nullable(), max: z.number().nullable() });
export const AssessmentJson = z.object({
  belligerent: z.string(),
  status: z.string(),
  conceded: z.object({ killed: RangeJson, injured: RangeJson }),
  reason: z.string(),
  reasonGiven: z.boolean(),
  assessedOn: z.string().nullable(),
  documentUrl: z.string().nullable(),
  documentSourceId: z.number().nullable(),
  version: z.number().int(),
});
export const AssessmentHistoryJson = AssessmentJson.omit({ belligerent: true }).extend({
  recordedBy: z.string(), recordedAt: z.string(), changeReason: z.string(),
});

export const CriterionJson = z.object({ id: z.string(), holds: z.boolean(), why: z.string() });
export const SuggestionJson = z.object({ grade: z.string(), label: z.string(), rule: z.string(), criteria: z.array(CriterionJson) });

export const DecisionJson = z.object({
  id: z.number().int(), grade: z.string(), reason: z.string(), criteria: z.unknown(), proposedBy: z.string(), proposedAt: z.string(),
  decision: z.string(), reviewedBy: z.string().nullable(), reviewedAt: z.string().nullable(), reviewReason: z.string().nullable(), incidentVersion: z.number().nullable(),
});
export const SignOffJson = z.object({ field: z.string(), incidentVersion: z.number().int(), signedBy: z.string(), signedAt: z.string(), note: z.string().nullable(), current: z.boolean() });

export const WorkflowIncidentJson = z.object({
  id: z.string(),
  status: z.string(),
  version: z.number().int(),
  title: z.string().nullable(),
  summary: z.string().nullable(),
  date: z.object({ start: z.string().nullable(), end: z.string().nullable(), precision: z.string().nullable() }),
  place: z.object({ text: z.string().nullable(), country: z.string().nullable(), admin1: z.string().nullable(), lat: z.number().nullable(), lon: z.number().nullable(), precision: z.string().nullable() }),
  belligerents: z.array(z.string()),
  strikeStatus: z.string().nullable(),
  grade: z.string().nullable(),
  gradeStatus: z.string(),
  figures: z.array(z.object({ outcome: z.string(), population: z.string(), low: z.number().nullable(), best: z.number().nullable(), high: z.number().nullable(), rule: z.string() })),
  assessments: z.array(AssessmentJson),
  signOffs: z.array(SignOffJson),
  lastEditedBy: z.string().nullable().optional(),
  notes: z.string().nullable().optional(),
  gradeDecisions: z.array(DecisionJson).optional(),
  suggestion: SuggestionJson.optional(),
  sources: z.array(z.object({ id: z.number().int(), type: z.string(), title: z.string().nullable(), publisher: z.string().nullable(), url: z.string().nullable(), text: z.string().nullable(), sha256: z.string() })),
});
export const WorkflowResponse = z.object({ data: WorkflowIncidentJson, policies: z.array(z.enum(PERMISSIONS)) });

export const ChangelogResponse = z.object({
  data: z.array(z.object({
    seq: z.number().int(), at: z.string(), action: z.string(),
    actor: z.object({ role: z.string(), name: z.string() }),
    reason: z.string(), change: z.record(z.string(), z.unknown()).nullable(),
  })),
});
