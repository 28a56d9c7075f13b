import { z } from 'zod';
import { isoDate } from '../model/isoDate.ts';


/** Query of GET /api/strikes and of the strikes pages. */
export const StrikeQuery = z.object({
  /** First release date, inclusive (YYYY-MM-DD). */
  from: isoDate.optional(),
  /** Last release date, inclusive (YYYY-MM-DD). */
  to: isoDate.optional(),
  /** ISO country code. */
  country: z.enum(['IQ', 'SY']).optional(),
  /** Part of the place name as the release wrote it, case-insensitive. */
  place: z.string().trim().min(1).max(200).optional(),
  /** Opaque cursor from `next` of the previous page. */
  cursor: z.string().max(200).optional(),
  /** Page size, 1–500. */
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type StrikeQuery = z.infer<typeof StrikeQuery>;

/** The same query from an HTML form, where empty fields arrive as empty strings. */
export const StrikePageQuery = z.object({
  from: z.union([isoDate, z.literal('')]).optional().transform((v) => v || undefined),
  to: z.union([isoDate, z.literal('')]).optional().transform((v) => v || undefined),
  country: z.union([z.enum(['IQ', 'SY']), z.literal('')]).optional().transform((v) => v || undefined),
  place: z.string().trim().max(200).optional().transform((v) => v || undefined),
  cursor: z.string().max(200).optional(),
  lang: z.enum(['en', 'ar']).optional(),
});

const TargetCount = z.object({ count: z.number().int().nullable(), what: z.string() });

export const StrikeJsonSchema = z.object({
  id: z.number().int(),
  releaseDate: z.string(),
  country: z.string(),
  countryName: z.string(),
  place: z.string(),
  placePrecision: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  strikes: z.number().int().nullable().describe('strikes stated in the line; null when it states none'),
  engaged: z.array(TargetCount),
  destroyed: z.array(TargetCount),
  damaged: z.array(TargetCount),
  line: z.string().describe('the release line, verbatim'),
  declaredBy: z.string(),
  belligerent: z.string(),
  status: z.string(),
  provenance: z.object({ dataset: z.string().nullable(), row: z.number().int().nullable(), fileSha256: z.string().nullable(), version: z.number().int() }),
});

export const StrikeListResponse = z.object({
  data: z.array(StrikeJsonSchema),
  /** Cursor of the next page, null on the last. */
  next: z.string().nullable(),
  totals: z.object({ lines: z.number().int(), strikes: z.number().int() }),
});
