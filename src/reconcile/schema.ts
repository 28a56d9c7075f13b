/**
 * Zod shapes of the reconciliation API: queries, and the responses OpenAPI documents.
 * The TypeScript types of the context are inferred from them.
 */
import { z } from 'zod';
import { isoDate } from '../model/isoDate.ts';
import { GRADES } from '../model/vocabulary.ts';
import { GAP_CATEGORIES } from './incidentGap.ts';


/** How aggregates are cut: by period (month, year, the whole from–to period) or by a property. */
export const DIMENSIONS = ['month', 'year', 'period', 'country', 'admin1', 'belligerent', 'grade'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** `none` selects incidents where the property is unknown (no governorate, no grade). */
const NONE = 'none';

const filterFields = {
  /** First incident date (date_start) / strike release date, inclusive. */
  from: isoDate.optional(),
  /** Last date, inclusive. */
  to: isoDate.optional(),
  /** Country code; `none` for incidents without one. */
  country: z.enum(['IQ', 'SY', 'none']).optional(),
  /** Governorate (admin1) as stored on the incident; `none` for incidents without one. */
  admin1: z.string().trim().min(1).max(200).optional(),
  /** Whose position is set against the independent figures (default `coalition`). */
  belligerent: z.string().trim().min(1).max(100).optional(),
  /** Only incidents of this grade; `none` for ungraded incidents. */
  grade: z.union([z.enum(GRADES), z.literal(NONE)]).optional(),
  /** Only undated incidents (no date_start). */
  undated: z.enum(['true', 'false']).optional().transform((v) => v === 'true' || undefined),
};

/** Query of /api/reconcile/summary and /api/reconcile/series. */
export const SummaryQuery = z.object({
  ...filterFields,
  /** Grade threshold of the independent figures, in the order confirmed > fair > weak > contested > discounted (default `fair`: confirmed + fair). */
  minGrade: z.enum(GRADES).default('fair'),
  by: z.enum(DIMENSIONS).default('period'),
});
export type SummaryQuery = z.infer<typeof SummaryQuery>;

/** Query of /api/reconcile/series (periods only). */
export const SeriesQuery = SummaryQuery.extend({ by: z.enum(['month', 'year']).default('month') });

const categoryList = z
  .string()
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.enum(GAP_CATEGORIES)).min(1));

/** Query of /api/reconcile/incidents: the incidents behind every figure. */
export const IncidentsQuery = z.object({
  ...filterFields,
  /** Only incidents graded at or above this grade. */
  minGrade: z.enum(GRADES).optional(),
  /** Comma-separated categories. */
  category: categoryList.optional(),
  /** Only incidents with an independent civilian figure (any bound) for this outcome. */
  has: z.enum(['killed', 'injured']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type IncidentsQuery = z.infer<typeof IncidentsQuery>;

/** Query of /api/reconcile/pipeline. */
export const PipelineQuery = z.object({ belligerent: z.string().trim().min(1).max(100).optional() });

/** Query of /api/reconcile/estimate. */
export const EstimateQuery = z.object({
  stratum: z.enum(['country', 'admin1', 'year', 'none']).default('none'),
  kind: z.enum(['incidents', 'victims']).default('incidents'),
  method: z.enum(['loglinear', 'lcmcr']).default('loglinear'),
  seed: z.coerce.number().int().min(0).optional(),
});

const n = z.number().nullable();
export const Range3Schema = z.object({ low: n, best: n, high: n });
export const MinMaxSchema = z.object({ min: n, max: n });

/** One incident with its gap. */
export const IncidentGapSchema = z.object({
  id: z.number().int(),
  publicId: z.string(),
  title: z.string().nullable(),
  dateStart: z.string().nullable(),
  dateEnd: z.string().nullable(),
  country: z.string().nullable(),
  admin1: z.string().nullable(),
  grade: z.string().nullable(),
  belligerent: z.string(),
  independent: z.object({ killed: Range3Schema, injured: Range3Schema }),
  official: z.object({
    status: z.string().nullable().describe('assessment status; null when no assessment is recorded'),
    conceded: z.object({ killed: MinMaxSchema, injured: MinMaxSchema }).describe('as stated: null when not stated'),
    reason: z.string().nullable(),
    reasonGiven: z.boolean().nullable(),
    assessedOn: z.string().nullable(),
    documentUrl: z.string().nullable(),
  }),
  category: z.enum(GAP_CATEGORIES),
  gap: z.object({ killed: Range3Schema, injured: Range3Schema }).describe('independent − conceded (rejections concede 0; not yet assessed: null)'),
});
export type IncidentGapJson = z.infer<typeof IncidentGapSchema>;

export const IncidentsResponse = z.object({ total: z.number().int(), data: z.array(IncidentGapSchema) });

const linked = z.object({ value: n, href: z.string() });
const linkedRange = z.object({ low: n, best: n, high: n, incidents: z.number().int(), href: z.string() });

/** One aggregate cell. Counts are numbers (0 is a real zero); figures are null when unknown. */
export const CellSchema = z.object({
  key: z.string().nullable().describe('month YYYY-MM, year YYYY, country code, governorate, belligerent, grade; null = unknown'),
  from: z.string().nullable(),
  to: z.string().nullable(),
  incidents: z.object({
    alleged: linked, assessed: linked, credible: linked, concededInFull: linked, concededInPart: linked,
    rejectedWithReason: linked, rejectedWithoutReason: linked, duplicate: linked, stillOpen: linked,
  }),
  independent: z.object({ killed: linkedRange, injured: linkedRange }).describe('sums over incidents at or above the grade threshold with a known figure; null when none'),
  conceded: z.object({ killed: z.object({ min: n, max: n, href: z.string() }), injured: z.object({ min: n, max: n, href: z.string() }) })
    .describe('credible: conceded min/max; rejected or duplicate: 0; null when nothing in the cell is determined'),
  strikes: z.object({ declared: n, lines: n, href: z.string().nullable() }).describe('declared strikes in the cell; null when none recorded or the dimension has no strikes (admin1, grade)'),
  allegationsPer100Strikes: n,
});
export type CellJson = z.infer<typeof CellSchema>;

/** One part of a statement: literal text (value null) or a number with the query behind it. */
export const StatementPartSchema = z.object({ text: z.string(), value: n, href: z.string().nullable() });
export const StatementSchema = z.object({ text: z.string(), parts: z.array(StatementPartSchema) });
export type StatementJson = z.infer<typeof StatementSchema>;

export const ClaimComparisonSchema = z.object({
  claimId: z.number().int(),
  sourceId: z.number().int(),
  type: z.string(),
  claimant: z.string().nullable(),
  official: z.boolean().describe('the claimant is the belligerent itself'),
  quote: z.string(),
  period: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  country: z.string().nullable(),
  claimed: MinMaxSchema,
  computed: z.object({ what: z.string(), value: n, low: n, high: n, href: z.string().nullable() }),
  difference: n.describe('claimed min − computed value; null when either is unknown'),
});
export type ClaimComparisonJson = z.infer<typeof ClaimComparisonSchema>;

export const SummaryResponse = z.object({
  filter: z.record(z.string(), z.string()),
  belligerent: z.string().nullable(),
  gradeThreshold: z.object({ minGrade: z.string(), grades: z.array(z.string()), label: z.string() }),
  by: z.enum(DIMENSIONS),
  totals: CellSchema,
  cells: z.array(CellSchema),
  statements: z.array(StatementSchema),
  claims: z.array(ClaimComparisonSchema),
});
export type SummaryJson = z.infer<typeof SummaryResponse>;

export const SeriesResponse = z.object({
  by: z.enum(['month', 'year']),
  belligerent: z.string(),
  gradeThreshold: z.object({ minGrade: z.string(), grades: z.array(z.string()), label: z.string() }),
  points: z.array(z.object({
    period: z.string().nullable(),
    killedAlleged: Range3Schema,
    killedConceded: MinMaxSchema,
    assessments: z.record(z.string(), z.number().int()),
    strikes: n,
    href: z.string(),
  })),
});

export const ArithmeticSchema = z.object({ ok: z.boolean().nullable(), expected: n, stated: n, arithmetic: z.string() });
export const PipelinePeriodSchema = z.object({
  id: z.number().int(),
  belligerent: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  figures: z.record(z.string(), n),
  checks: z.object({ balance: ArithmeticSchema, carryOver: ArithmeticSchema, cumulative: ArithmeticSchema, strikesToDate: ArithmeticSchema }),
  balances: z.boolean().nullable(),
  flags: z.array(z.string()),
  recorded: z.object({ closed: z.number().int(), closedWithoutReason: z.number().int(), href: z.string() })
    .describe('determinations harmwatch holds dated in the period (assessments and their history)'),
});
export const PipelineResponse = z.object({ formula: z.string(), periods: z.array(PipelinePeriodSchema) });
export type PipelinePeriodJson = z.infer<typeof PipelinePeriodSchema>;
