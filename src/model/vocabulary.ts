/**
 * Controlled vocabularies of the harmwatch domain model (../shared/design/model.md).
 * Every context uses these words in code, API and pages; the database stores them as text
 * and checks them with CHECK constraints generated from the same lists.
 */

/** What happened to the people a figure counts. */
export const OUTCOMES = ['killed', 'injured', 'missing'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Who a figure counts. Protected groups are populations too. */
export const POPULATIONS = [
  'civilians', 'children', 'women', 'men', 'combatants', 'unknown',
  'journalists', 'health_workers', 'aid_workers', 'human_rights_defenders',
] as const;
export type Population = (typeof POPULATIONS)[number];

/** How a source qualifies a figure. "at least 1,302" is `at_least` with min 1302 and no max. */
export const QUALIFIERS = ['exact', 'at_least', 'more_than', 'at_most', 'fewer_than', 'about', 'between', 'vague'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** Time precision, finest first. UCDP date_prec 1–5 and ACLED time_precision 1–3 map onto it. */
export const DATE_PRECISIONS = ['day', 'span', 'week', 'month', 'year'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** Place precision, finest first, each with the radius (metres) harmwatch draws and matches with. */
export const PLACE_PRECISION_RADIUS_M = {
  exact: 10,
  within_100m: 100,
  street: 250,
  neighbourhood: 1_000,
  village: 2_000,
  town: 5_000,
  city: 10_000,
  subdistrict: 15_000,
  district: 30_000,
  governorate: 75_000,
  country: 300_000,
} as const;
export type PlacePrecision = keyof typeof PLACE_PRECISION_RADIUS_M;
export const PLACE_PRECISIONS = Object.keys(PLACE_PRECISION_RADIUS_M) as PlacePrecision[];

/** Independent confidence grade (Airwars' scale). "Likely" = confirmed + fair. */
export const GRADES = ['confirmed', 'fair', 'weak', 'contested', 'discounted'] as const;
export type Grade = (typeof GRADES)[number];
export const GRADE_LABELS: Record<Grade, string> = {
  confirmed: 'Confirmed', fair: 'Fair', weak: 'Weak', contested: 'Contested', discounted: 'Discounted',
};

/** A belligerent's position on one incident. */
export const ASSESSMENT_STATUSES = [
  'not_yet_assessed', 'open', 'credible', 'not_credible', 'duplicate', 'insufficient_information', 'reopened',
] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** The explicit value recorded when a belligerent gave no reason for a determination. */
export const NO_REASON_GIVEN = 'no reason given';

/** How sure we are that a strike took place there and then. */
export const STRIKE_STATUSES = ['declared', 'likely', 'contested', 'single_source_claim'] as const;
export type StrikeStatus = (typeof STRIKE_STATUSES)[number];

export const SOURCE_TYPES = [
  'official_statement', 'military_release', 'ngo_report', 'news_article', 'social_media_post', 'public_submission', 'dataset',
] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export const PROXIMITIES = ['direct_witness', 'local', 'national', 'international'] as const;
export type Proximity = (typeof PROXIMITIES)[number];

/** Claim types extracted from prose. */
export const CLAIM_TYPES = ['casualties', 'strikes', 'reports', 'assessment'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

/** Visibility of a record or field. */
export const VISIBILITIES = ['public', 'internal', 'restricted'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const ROLES = ['public', 'contributor', 'analyst', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** ISO 3166-1 alpha-2 codes of the countries harmwatch's reference data covers, with their names. */
export const COUNTRIES = { IQ: 'Iraq', SY: 'Syria' } as const;
export type CountryCode = keyof typeof COUNTRIES;
