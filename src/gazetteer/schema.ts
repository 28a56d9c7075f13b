/** Request and response schemas of the gazetteer API (zod; documented in OpenAPI). */
import { z } from 'zod';
import { PLACE_PRECISIONS } from '../model/vocabulary.ts';
import { FEATURE_TYPES } from './types.ts';

const Country = z.enum(['IQ', 'SY']);

/** Query of GET /api/geocode. */
export const GeocodeQuery = z.object({
  q: z.string().trim().min(1).max(300).describe('place name or phrase: "near Hajin", "الباغوز", "Raqqa countryside"'),
  country: Country.optional().describe('only places in this country'),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});

/** One ranked candidate (the shape `harmwatch geocode --json` prints). */
export const GeocodeCandidateSchema = z.object({
  name: z.string(),
  nameAr: z.string().nullable(),
  lat: z.number(),
  lon: z.number(),
  precision: z.enum(PLACE_PRECISIONS as [string, ...string[]]).describe('how precisely the answer locates the phrase'),
  radius_m: z.number().describe('radius drawn for the precision, in metres'),
  admin: z.array(z.string()).describe('governorate, district, sub-district (coarsest first)'),
  pcode: z.string().nullable(),
  score: z.number().describe('0–1: name match plus small preferences for feature type and size'),
  placeId: z.string(),
  featureType: z.enum(FEATURE_TYPES),
  country: Country,
  matchedName: z.string().describe('the gazetteer spelling that matched'),
  qualifiers: z.array(z.string()).describe('qualifiers read from the phrase ("near", "countryside" …) and fallback notes'),
});

export const GeocodeResponse = z.object({
  q: z.string(),
  country: Country.nullable(),
  via: z.enum(['gazetteer', 'trigram', 'none']).describe('in-memory gazetteer search, or the pg_trgm fallback when it found nothing'),
  candidates: z.array(GeocodeCandidateSchema),
});

/** Query of GET /api/reverse-geocode. Values are checked by the service (with reasons), not here. */
export const ReverseQuery = z.object({
  lat: z.coerce.number().describe('latitude, WGS84'),
  lon: z.coerce.number().describe('longitude, WGS84'),
  country: Country.optional().describe('country the point should lie in (checked)'),
});

const Area = z.object({ name: z.string(), nameAr: z.string().nullable(), pcode: z.string() }).nullable();

export const ReverseResponse = z.object({
  lat: z.number(),
  lon: z.number(),
  country: Country.nullable(),
  adm1: Area.describe('governorate'),
  adm2: Area.describe('district (Iraq)'),
  adm3: Area.describe('sub-district (Iraq)'),
  problems: z.array(z.object({
    code: z.enum(['not_a_number', 'impossible', 'null_island', 'swapped', 'outside_country', 'outside_coverage']),
    reason: z.string(),
    suggestion: z.object({ lat: z.number(), lon: z.number() }).optional(),
    actualCountry: Country.nullable().optional(),
  })),
});
