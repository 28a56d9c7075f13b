import { z } from 'zod';
import { isoDate } from '../model/isoDate.ts';
import { ASSESSMENT_STATUSES, GRADES } from '../model/vocabulary.ts';


const blankToUndefined = <T extends z.ZodType>(s: T) => z.preprocess((v) => (v === '' ? undefined : v), s.optional());

/** Filters shared by the list, the pages and the exports. Empty form fields are ignored. */
export const IncidentFilterQuery = z.object({
  /** Earliest incident date (YYYY-MM-DD). */
  from: blankToUndefined(isoDate),
  /** Latest incident date (YYYY-MM-DD). */
  to: blankToUndefined(isoDate),
  /** ISO country code. */
  country: blankToUndefined(z.enum(['IQ', 'SY'])),
  /** Governorate (admin1) name. */
  governorate: blankToUndefined(z.string().trim().max(100)),
  /** Belligerent as recorded (e.g. coalition, russian_forces). */
  belligerent: blankToUndefined(z.string().trim().max(100)),
  grade: blankToUndefined(z.enum(GRADES)),
  /** Current assessment status of any belligerent. */
  assessment: blankToUndefined(z.enum(ASSESSMENT_STATUSES)),
  /** Search words, English or Arabic. */
  q: blankToUndefined(z.string().trim().max(200)),
});

export const IncidentListQuery = IncidentFilterQuery.extend({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type IncidentListQuery = z.infer<typeof IncidentListQuery>;

export const ExportQuery = IncidentFilterQuery.extend({
  /** Start the CSV with a UTF-8 byte order mark, for spreadsheet programs. */
  bom: z.enum(['0', '1']).optional(),
});

const Range = z.object({ min: z.number().int().nullable(), max: z.number().int().nullable() });

export const IncidentJsonSchema = z.object({
  id: z.string(),
  title: z.string().nullable(),
  summary: z.string().nullable(),
  date: z.object({ start: z.string().nullable(), end: z.string().nullable(), precision: z.string().nullable() }),
  place: z.object({
    text: z.string().nullable(), nameAr: z.string().nullable(), country: z.string().nullable(), governorate: z.string().nullable(),
    district: z.string().nullable(), lat: z.number().nullable(), lon: z.number().nullable(), precision: z.string().nullable(), radiusM: z.number().nullable(),
  }),
  belligerents: z.array(z.string()),
  strikeStatus: z.string().nullable(),
  grade: z.string().nullable(),
  status: z.string(),
  figures: z.array(z.object({ outcome: z.string(), population: z.string(), low: z.number().int().nullable(), best: z.number().int().nullable(), high: z.number().int().nullable(), rule: z.string() })),
  assessments: z.array(z.object({
    belligerent: z.string(), status: z.string(), conceded: z.object({ killed: Range, injured: Range }),
    reason: z.string(), reasonGiven: z.boolean(), assessedOn: z.string().nullable(), documentUrl: z.string().nullable(), version: z.number().int(),
  })),
  version: z.number().int(),
  href: z.string(),
});

export const IncidentListResponse = z.object({
  data: z.array(IncidentJsonSchema),
  next: z.string().nullable(),
  /** Incidents matching the filter: exact up to 10,000, else a lower bound (see totalExact). */
  total: z.number().int(),
  totalExact: z.boolean(),
});

export const ClaimJsonSchema = z.object({
  id: z.number().int(),
  type: z.string(),
  claimant: z.string().nullable(),
  outcome: z.string().nullable(),
  population: z.string().nullable(),
  min: z.number().int().nullable(),
  max: z.number().int().nullable(),
  qualifier: z.string().nullable(),
  period: z.object({ start: z.string().nullable(), end: z.string().nullable(), precision: z.string().nullable() }),
  place: z.object({ text: z.string().nullable(), precision: z.string().nullable() }),
  stance: z.array(z.string()),
  quote: z.string(),
  span: z.tuple([z.number().int(), z.number().int()]),
  source: z.object({
    id: z.number().int(), title: z.string().nullable(), publisher: z.string().nullable(), url: z.string().nullable(),
    sha256: z.string(), capturedAt: z.string(), type: z.string(), language: z.string().nullable(), publishedOn: z.string().nullable(),
  }),
});

export const IncidentDetailResponse = IncidentJsonSchema.extend({
  claims: z.array(ClaimJsonSchema),
  strikesNearby: z.array(z.object({
    id: z.number().int(), releaseDate: z.string(), place: z.string(), strikes: z.number().int().nullable(), line: z.string(),
    dayGap: z.number().int(), distanceKm: z.number().nullable(), score: z.number(), assigned: z.boolean(),
  })),
  victims: z.object({
    incident: z.string(),
    counts: z.object({ total: z.number().int(), byOutcome: z.record(z.string(), z.number().int()), byPopulation: z.record(z.string(), z.number().int()) }),
    restricted: z.number().int().describe('victims counted whose names are restricted'),
    named: z.array(z.object({
      id: z.number().int(), names: z.array(z.object({ name: z.string(), script: z.string().nullable(), kind: z.string() })),
      age: z.object({ min: z.number().nullable(), max: z.number().nullable(), group: z.string().nullable() }),
      gender: z.string().nullable(), outcome: z.string().nullable(), status: z.string().nullable(), protectedGroup: z.string().nullable(), publishBasis: z.string().nullable(),
    })),
  }),
  responses: z.array(z.object({
    id: z.number().int(), kind: z.string(), belligerent: z.string(), incidentId: z.number().int().nullable(), respondedOn: z.string().nullable(),
    amount: z.number().nullable(), currency: z.string().nullable(), outcome: z.string().nullable(), description: z.string().nullable(),
    sourceId: z.number().int().nullable(), hasRecipient: z.boolean(),
  })),
  assessmentHistory: z.array(z.object({
    belligerent: z.string(), version: z.number().int(), status: z.string(), reason: z.string(), reasonGiven: z.boolean(),
    assessedOn: z.string().nullable(), recordedAt: z.string(), changeReason: z.string(),
  })),
});
