/**
 * Shared shapes of the ingest parsers (issue 4). Every parser is an async generator yielding one
 * {@link RowOutcome} per input row: a record with its warnings, or an error naming file, row and
 * field. Parsers never throw on bad rows; they throw only when the input cannot be opened.
 */
import type { Readable } from 'node:stream';
import type { DatePrecision, Outcome, PlacePrecision, Population, Qualifier } from '../model/vocabulary.ts';

/** Where a record came from. `row` uses the same numbering as the outcome that carries it. */
export interface Provenance {
  /** Dataset label, e.g. `airwars-syria/incidents`, `ucdp-ged`, or the file name. */
  dataset: string;
  /** File name as given (path or label). */
  file: string;
  /** SHA-256 (hex) of the whole input file, when known (computed for file paths). */
  fileSha256?: string;
  row: number;
}

/** Kinds of warnings, so summaries can count them. */
export type WarningKind =
  | 'duplicate_code' | 'missing_date' | 'placeholder_date' | 'date_type_mismatch' | 'date_end_before_start'
  | 'coordinates_out_of_range' | 'coordinates_incomplete' | 'outside_country' | 'min_exceeds_max'
  | 'multiple_grades' | 'malformed_statement' | 'malformed_url' | 'malformed_date' | 'conceded_unattributed'
  | 'unknown_column' | 'unmapped_column' | 'ambiguous_value' | 'truncated' | 'invalid_value';

/** Something a parser could read but that looks wrong; the record is kept and the warning travels with it. */
export interface IngestWarning {
  kind: WarningKind;
  field?: string;
  value?: string;
  message: string;
}

/** A row read successfully. */
export interface RowOk<T> {
  row: number;
  ok: true;
  record: T;
  warnings: IngestWarning[];
}

/** A row that could not be read. `field` is a column name, or `(row)`/`(file)`/`(header)` for structural faults. */
export interface RowError {
  row: number;
  ok: false;
  file: string;
  field: string;
  value?: string;
  reason: string;
}

/** Per-row result of every parser. */
export type RowOutcome<T> = RowOk<T> | RowError;

/** What a parser reads: a file path, a stream, bytes, or an async iterable of chunks. */
export type IngestInput = string | Readable | Uint8Array | AsyncIterable<Uint8Array | string>;

/** Options common to all parsers. */
export interface ParseOptions {
  /** Dataset label for provenance (defaults per parser). */
  dataset?: string;
  /** Name used in errors and provenance when the input is not a path. */
  file?: string;
  /** SHA-256 of the input if already known; computed automatically for paths unless `hash: false`. */
  fileSha256?: string;
  /** Compute the SHA-256 of a path input in a first streaming pass (default true). */
  hash?: boolean;
  /** "Today" for the not-in-the-future check (tests). */
  now?: Date;
}

/** An inclusive range; `null` = unknown (never 0). */
export interface Range {
  min: number | null;
  max: number | null;
}

/** One figure of a claim or incident: outcome × population with a range and how the source qualified it. */
export interface Figure extends Range {
  outcome: Outcome;
  population: Population;
  qualifier: Qualifier;
  /** The dataset's own best estimate when it gives one (UCDP `best`). */
  best?: number | null;
}

/** A date or period in ISO `YYYY-MM-DD`, with our precision word. */
export interface DateSpan {
  start: string | null;
  end: string | null;
  precision: DatePrecision | null;
}

/** A place as the source gives it, with coordinates and our precision word. */
export interface PlaceRef {
  text: string | null;
  country: string | null;
  admin1: string | null;
  admin2: string | null;
  admin3: string | null;
  latitude: number | null;
  longitude: number | null;
  precision: PlacePrecision | null;
}

/**
 * A statement of an external dataset (UCDP, ACLED, a generic/HXL sheet) kept as a claim of that
 * dataset: the claimant is the dataset, and its figures are the dataset's, never corrected.
 */
export interface DatasetClaim {
  claimant: string;
  /** The dataset's own id of the event (UCDP `id`, ACLED `event_id_cnty`, `#event+id` …). */
  externalId: string | null;
  date: DateSpan;
  place: PlaceRef;
  /** Parties named by the dataset (UCDP side_a/side_b, ACLED actor1/actor2), in order. */
  actors: string[];
  eventType: string | null;
  figures: Figure[];
  /** All deaths of the event when the dataset gives a total across populations (UCDP low/best/high). */
  totalKilled: (Range & { best: number | null }) | null;
  /** Free text from the dataset (ACLED notes, UCDP where_description …). */
  description: string | null;
  /** The dataset's citation of its own sources (UCDP source_article, ACLED source). */
  sourceText: string | null;
  /** Every other column, verbatim, so nothing is dropped. */
  attributes: Record<string, string>;
  provenance: Provenance;
}
