/** Zod schemas of the linkage API. */
import { z } from 'zod';

/** Query of GET /api/linkage/queue. */
export const QueueQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

/** Body of POST /api/linkage/pairs/:id/label. */
export const LabelBody = z.object({
  label: z.enum(['match', 'non-match']),
  reason: z.string().trim().min(1).max(2000),
});

export const PairParams = z.object({ id: z.coerce.number().int().positive() });
export const StrikeParams = z.object({ id: z.coerce.number().int().positive() });

const ClaimSide = z.object({
  kind: z.literal('claim'),
  claimId: z.number().int(),
  incident: z.string().nullable(),
  quote: z.string().nullable(),
  place: z.string().nullable(),
  date: z.string().nullable(),
  min: z.number().int().nullable(),
  max: z.number().int().nullable(),
  outcome: z.string().nullable(),
  source: z.object({ title: z.string().nullable(), publisher: z.string().nullable(), url: z.string().nullable() }),
});
const IncidentSide = z.object({
  kind: z.literal('incident'),
  incident: z.string(),
  title: z.string().nullable(),
  place: z.string().nullable(),
  date: z.string().nullable(),
  status: z.string(),
});

export const WaterfallSchema = z.object({
  prior: z.number(),
  total: z.number(),
  probability: z.number(),
  steps: z.array(z.object({ field: z.string(), label: z.string(), level: z.number().int(), weight: z.number(), m: z.number().nullable(), u: z.number().nullable(), tfAdjustment: z.number() })),
});

export const QueuePairSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['claim_claim', 'claim_incident']),
  probability: z.number(),
  matchWeight: z.number(),
  uncertainty: z.number().describe('|p − 0.5|: smaller is less certain; the queue is ordered by it'),
  distanceKm: z.number().nullable(),
  left: ClaimSide,
  right: z.union([ClaimSide, IncidentSide]),
  waterfall: WaterfallSchema,
});

export const QueueResponse = z.object({ pending: z.number().int(), data: z.array(QueuePairSchema) });

export const LabelResponse = z.object({ pair: z.number().int(), label: z.enum(['match', 'non-match']), applied: z.string(), incidents: z.array(z.string()) });

export const AllegationsResponse = z.object({
  strike: z.number().int(),
  data: z.array(z.object({
    incident: z.string(), title: z.string().nullable(), date: z.string().nullable(), place: z.string().nullable(), grade: z.string().nullable(),
    dayGap: z.number().int(), distanceKm: z.number().nullable(), score: z.number(), assigned: z.boolean(), href: z.string(),
  })),
});
