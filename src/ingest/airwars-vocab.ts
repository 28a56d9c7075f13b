/**
 * Airwars' published words mapped onto harmwatch's vocabulary (src/model/vocabulary.ts).
 * Unknown values of these controlled fields are row errors naming the field.
 */
import type { AssessmentStatus, Grade, PlacePrecision, StrikeStatus } from '../model/vocabulary.ts';

/**
 * `geoloc_precision` → place precision.
 *
 * | Airwars                     | harmwatch     | note                                             |
 * |-----------------------------|---------------|--------------------------------------------------|
 * | exact_location, within_1m   | exact         |                                                  |
 * | exact_location_other        | exact         | exact point given by another source              |
 * | exact_location_coalition    | exact         | exact point given by the Coalition               |
 * | within_100m                 | within_100m   |                                                  |
 * | street                      | street        |                                                  |
 * | nearby_landmark             | street        | "near a named landmark": street-level radius     |
 * | neighbourhood_area          | neighbourhood |                                                  |
 * | village / town / city       | same          |                                                  |
 * | subdistrict / district      | same          |                                                  |
 * | province_governorate        | governorate   |                                                  |
 * | country                     | country       |                                                  |
 */
export const AIRWARS_PLACE_PRECISION: Record<string, PlacePrecision> = {
  exact_location: 'exact',
  within_1m: 'exact',
  exact_location_other: 'exact',
  exact_location_coalition: 'exact',
  within_100m: 'within_100m',
  street: 'street',
  nearby_landmark: 'street',
  neighbourhood_area: 'neighbourhood',
  neighbourhood: 'neighbourhood',
  village: 'village',
  town: 'town',
  city: 'city',
  subdistrict: 'subdistrict',
  district: 'district',
  province_governorate: 'governorate',
  governorate: 'governorate',
  country: 'country',
};

/** `strike_status_en` → strike status. */
export const AIRWARS_STRIKE_STATUS: Record<string, StrikeStatus> = {
  'declared strike': 'declared',
  'likely strike': 'likely',
  'contested strike': 'contested',
  'single source claim': 'single_source_claim',
};

/** `grading_en` → grade (lower-case model words). */
export const AIRWARS_GRADE: Record<string, Grade> = {
  confirmed: 'confirmed', fair: 'fair', weak: 'weak', contested: 'contested', discounted: 'discounted',
};

/**
 * Assessment words in `belligerent_assessment` (and determination CSVs) → assessment status.
 * `non_credible` → not_credible, `open_incident` → open.
 */
export const ASSESSMENT_WORDS: Record<string, AssessmentStatus> = {
  not_yet_assessed: 'not_yet_assessed',
  open: 'open',
  open_incident: 'open',
  credible: 'credible',
  non_credible: 'not_credible',
  not_credible: 'not_credible',
  noncredible: 'not_credible',
  duplicate: 'duplicate',
  insufficient_information: 'insufficient_information',
  insufficient_info: 'insufficient_information',
  reopened: 'reopened',
  re_opened: 'reopened',
};

/** Normalises an assessment word ("Not credible", "non-credible", "Re-opened") and maps it; null when unknown. */
export function assessmentStatus(raw: string): AssessmentStatus | null {
  const key = raw.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return ASSESSMENT_WORDS[key] ?? null;
}

/** `date_type`: what the date columns mean. */
export const AIRWARS_DATE_TYPES = ['date', 'date_range'] as const;
