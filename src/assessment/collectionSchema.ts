/** Schemas of the public collection of belligerent assessments (GET /api/assessments and its exports). */
import { z } from 'zod';
import { isoDate } from '../model/isoDate.ts';
import { ASSESSMENT_STATUSES } from '../model/vocabulary.ts';

const blankToUndefined = <T extends z.ZodType>(s: T) => z.preprocess((v) => (v === '' ? undefined : v), s.optional());

/** Filters shared by the list and the exports. Empty form fields are ignored. */
export const AssessmentFilterQuery = z.object({
  belligerent: blankToUndefined(z.string().trim().min(1).max(100)).describe('Belligerent as recorded (e.g. coalition, russian_forces), case-insensitive.'),
  status: blankToUndefined(z.enum(ASSESSMENT_STATUSES)).describe('Current status.'),
  incident: blankToUndefined(z.string().trim().regex(/^HW-[\w-]{1,40}$/, 'an incident id like HW-000123')).describe('Public id of the incident (HW-…).'),
  from: blankToUndefined(isoDate).describe('Determinations dated on or after (YYYY-MM-DD; the belligerent’s own date, `assessedOn`).'),
  to: blankToUndefined(isoDate).describe('Determinations dated on or before (YYYY-MM-DD).'),
  incidentFrom: blankToUndefined(isoDate).describe('Incidents dated on or after (YYYY-MM-DD).'),
  incidentTo: blankToUndefined(isoDate).describe('Incidents dated on or before (YYYY-MM-DD).'),
  country: blankToUndefined(z.enum(['IQ', 'SY'])).describe('ISO country code of the incident.'),
});
export type AssessmentFilterQuery = z.infer<typeof AssessmentFilterQuery>;

export const AssessmentListQuery = AssessmentFilterQuery.extend({
  cursor: z.string().max(200).optional().describe('Opaque cursor from `next` of the previous page.'),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Page size, 1–200.'),
});

export const AssessmentExportQuery = AssessmentFilterQuery.extend({
  bom: z.enum(['0', '1']).optional().describe('Start the CSV with a UTF-8 byte order mark, for spreadsheet programs.'),
});

const Range = z.object({ min: z.number().int().nullable(), max: z.number().int().nullable() });

export const PublicAssessmentJson = z.object({
  id: z.number().int().describe('stable id of this belligerent-and-incident assessment'),
  incident: z.object({
    id: z.string(), href: z.string(),
    date: z.object({ start: z.string().nullable(), end: z.string().nullable(), precision: z.string().nullable() }),
    country: z.string().nullable(), governorate: z.string().nullable(), place: z.string().nullable(),
    lat: z.number().nullable(), lon: z.number().nullable(), precision: z.string().nullable(), radiusM: z.number().nullable(),
  }),
  belligerent: z.string(),
  status: z.string(),
  conceded: z.object({ killed: Range, injured: Range }).describe('civilian harm the belligerent conceded; null = not stated, never 0 for unknown'),
  reason: z.string().describe('the stated reason, or the explicit value "no reason given"'),
  reasonGiven: z.boolean(),
  assessedOn: z.string().nullable(),
  documentUrl: z.string().nullable(),
  documentSourceId: z.number().int().nullable().describe('the source holding the document, when it is public'),
  version: z.number().int(),
  updatedAt: z.string(),
  history: z.object({ href: z.string().describe('every version of this assessment, oldest first'), versions: z.number().int() }),
});

export const AssessmentListResponse = z.object({
  data: z.array(PublicAssessmentJson),
  next: z.string().nullable().describe('Cursor of the next page, null on the last.'),
  total: z.number().int().describe('Assessments matching the filter: exact up to 10,000, else a lower bound (see totalExact).'),
  totalExact: z.boolean(),
});
