import { z } from 'zod';
import { isoDate } from '../model/isoDate.ts';
import { CLAIM_TYPES, OUTCOMES, POPULATIONS } from '../model/vocabulary.ts';

const blankToUndefined = <T extends z.ZodType>(s: T) => z.preprocess((v) => (v === '' ? undefined : v), s.optional());

/** Filters shared by GET /api/claims and the claims exports. Empty form fields are ignored. */
export const ClaimFilterQuery = z.object({
  incident: blankToUndefined(z.string().trim().regex(/^HW-[\w-]{1,40}$/, 'an incident id like HW-000123')).describe('Public id of the incident the claim is linked to (HW-…).'),
  source: blankToUndefined(z.coerce.number().int().positive()).describe('Id of the source the claim was found in.'),
  type: blankToUndefined(z.enum(CLAIM_TYPES)),
  outcome: blankToUndefined(z.enum(OUTCOMES)),
  population: blankToUndefined(z.enum(POPULATIONS)),
  language: blankToUndefined(z.string().trim().toLowerCase().regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/, 'a language code such as en or ar')).describe('Language of the source (e.g. en, ar).'),
  claimant: blankToUndefined(z.string().trim().min(1).max(200)).describe('Part of the claimant’s name as written or normalised, case-insensitive (witnesses of public submissions are never matched).'),
  from: blankToUndefined(isoDate).describe('Claims whose period ends on or after this date (YYYY-MM-DD).'),
  to: blankToUndefined(isoDate).describe('Claims whose period starts on or before this date (YYYY-MM-DD).'),
  country: blankToUndefined(z.enum(['IQ', 'SY'])).describe('ISO country code of the claim’s resolved place, else of its incident.'),
});
export type ClaimFilterQuery = z.infer<typeof ClaimFilterQuery>;

export const ClaimListQuery = ClaimFilterQuery.extend({
  cursor: z.string().max(200).optional().describe('Opaque cursor from `next` of the previous page.'),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Page size, 1–200.'),
});

export const ClaimExportQuery = ClaimFilterQuery.extend({
  bom: z.enum(['0', '1']).optional().describe('Start the CSV with a UTF-8 byte order mark, for spreadsheet programs.'),
});

export const ClaimParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

const nInt = z.number().int().nullable();

export const PublicClaimJson = z.object({
  id: z.number().int(),
  type: z.string(),
  status: z.string().describe('review status: unreviewed, confirmed or corrected (rejected claims are never public)'),
  origin: z.string().describe('extracted from prose, read from a dataset, or added by an analyst'),
  incident: z.object({ id: z.string(), href: z.string() }),
  claimant: z.string().nullable().describe('who says it, as written (witnesses of public submissions are never named)'),
  claimantNormalised: z.string().nullable(),
  actor: z.object({ text: z.string().nullable(), normalised: z.string().nullable(), attribution: z.string().nullable().describe('alleged, contested or admitted') }),
  outcome: z.string().nullable(),
  population: z.string().nullable(),
  min: nInt.describe('lower bound as the source states it; null = unknown, never 0 for unknown'),
  max: nInt.describe('upper bound; null = unknown or open ("at least")'),
  qualifier: z.string().nullable(),
  period: z.object({ start: z.string().nullable(), end: z.string().nullable(), precision: z.string().nullable(), text: z.string().nullable() }),
  place: z.object({
    text: z.string().nullable(), mentioned: z.array(z.string()), placeId: nInt, name: z.string().nullable(), nameAr: z.string().nullable(),
    country: z.string().nullable(), governorate: z.string().nullable(), district: z.string().nullable(),
    lat: z.number().nullable(), lon: z.number().nullable(), precision: z.string().nullable(), radiusM: z.number().nullable(),
  }),
  location: z.object({
    lat: z.number().nullable(), lon: z.number().nullable(), precision: z.string().nullable(), radiusM: z.number().nullable(),
    from: z.enum(['claim', 'incident']).nullable().describe("where the exports' point comes from: the claim's own place, else its incident's location"),
  }),
  stance: z.array(z.string()),
  quote: z.string().describe('the exact words, personal data removed'),
  span: z.tuple([z.number().int(), z.number().int()]).describe('character offsets of the quote in the source text'),
  spanOf: z.enum(['text', 'clean_text']).describe("which of the source's stored texts the span indexes"),
  sameAs: nInt.describe('the claim this one repeats (counted once)'),
  corrects: nInt.describe('the claim this one corrects'),
  source: z.object({
    id: z.number().int(), type: z.string(), title: z.string().nullable(), publisher: z.string().nullable(), url: z.string().nullable(),
    language: z.string().nullable(), publishedOn: z.string().nullable(), capturedAt: z.string(), sha256: z.string().describe('SHA-256 of the captured bytes'),
  }),
  href: z.string(),
});

export const ClaimListResponse = z.object({
  data: z.array(PublicClaimJson),
  next: z.string().nullable().describe('Cursor of the next page, null on the last.'),
  total: z.number().int().describe('Claims matching the filter: exact up to 10,000, else a lower bound (see totalExact).'),
  totalExact: z.boolean(),
});
