/** Shapes of GET /api/sources/:id (zod; OpenAPI is generated from them). */
import { z } from 'zod';

export const SourceParams = z.object({ id: z.coerce.number().int().positive() });

const SourceClaim = z.object({
  id: z.number().int(), type: z.string(), outcome: z.string().nullable(), population: z.string().nullable(),
  min: z.number().int().nullable().describe('null = unknown, never 0'), max: z.number().int().nullable(), qualifier: z.string().nullable(),
  period: z.object({ start: z.string().nullable(), end: z.string().nullable(), precision: z.string().nullable() }),
  place: z.object({ text: z.string().nullable(), precision: z.string().nullable() }),
  claimant: z.string().nullable(), actor: z.string().nullable(), stance: z.array(z.string()),
  quote: z.string(), span: z.tuple([z.number().int(), z.number().int()]).describe('character offsets in the captured text'),
  status: z.string(), origin: z.string(), incident: z.object({ id: z.string(), href: z.string() }).nullable(),
});

export const SourceJson = z.object({
  id: z.number().int(), version: z.number().int(), type: z.string(), title: z.string().nullable(), publisher: z.string().nullable(), url: z.string().nullable(),
  language: z.string().nullable(), publishedOn: z.string().nullable(), capturedAt: z.string(), sha256: z.string().describe('SHA-256 of the bytes as captured'),
  mediaType: z.string().nullable(), bytes: z.number().int().nullable(),
  provenance: z.object({ dataset: z.string(), row: z.number().int().nullable(), fileSha256: z.string().nullable() }).nullable(),
  versions: z.array(z.object({ id: z.number().int(), version: z.number().int(), sha256: z.string(), capturedAt: z.string(), href: z.string() })),
  claims: z.array(SourceClaim),
  text: z.string().nullable().describe('the captured text: signed-in staff only'),
  links: z.object({ claims: z.string(), page: z.string() }),
});
