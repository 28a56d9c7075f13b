/**
 * Public types of the claim extractor: what one statement inside a source says, with the exact
 * span it came from. Vocabulary from src/model/vocabulary.ts.
 */
import type { ClaimType, DatePrecision, Outcome, Population, Qualifier } from '../model/vocabulary.ts';

/** A party as written and, when the lexicon knows it, its normalised name. */
export interface Party {
  text: string;
  normalised: string | null;
}

/** A period a claim refers to, resolved against the publication date where relative. */
export interface Period {
  /** YYYY-MM-DD */
  start: string;
  /** YYYY-MM-DD (equal to start for one day) */
  end: string;
  precision: DatePrecision;
  /** The date phrase as written. */
  text: string;
}

/** What a geocoder callback returns for a place name; the extractor only passes it through. */
export interface PlaceMatch {
  id?: string | number;
  name?: string;
  lat?: number;
  lon?: number;
  precision?: string;
  [key: string]: unknown;
}

/** A place named in the text, with the geocoder's match when one was given. */
export interface PlaceRef {
  text: string;
  match?: PlaceMatch;
}

/** One claim: who says what happened to how many, when, where, caused by whom. */
export interface Claim {
  type: ClaimType;
  claimant: Party | null;
  actor: Party | null;
  outcome: Outcome | null;
  population: Population | null;
  min: number | null;
  max: number | null;
  qualifier: Qualifier | null;
  period: Period | null;
  places: PlaceRef[];
  stance: string[];
  /** text.slice(span[0], span[1]) === quote, offsets into the original text. */
  quote: string;
  span: [number, number];
  /** Offsets of the whole sentence the claim sits in. */
  sentence: [number, number];
  /** True when the claim sits in the headline / title block. */
  headline: boolean;
  /** Index (in `claims`) of the claim this one repeats, or null when it is the canonical one. */
  duplicateOf: number | null;
}

/** Options of extractClaims. */
export interface ExtractOptions {
  /** Publication date, YYYY-MM-DD: relative dates ("today", "on Friday", أمس) resolve against it. */
  published?: string;
  /** Language hint; detected from the script when absent. */
  lang?: 'en' | 'ar';
  /** Looks a place name up in a gazetteer; the extractor never imports one itself. */
  geocode?: (placeText: string) => PlaceMatch | null;
}

/** Result of extractClaims. */
export interface ExtractResult {
  claims: Claim[];
}
