/**
 * Official determinations: a belligerent's periodic civilian-casualty report as a CSV, one row per
 * allegation. Header = row 1, first allegation = row 2. Prose reports: ./determinations-prose.ts.
 *
 * CSV layout (column: meaning; * = required):
 * | column              | meaning                                                                   |
 * |---------------------|---------------------------------------------------------------------------|
 * | belligerent         | who determined (default: option `belligerent`, e.g. `coalition`)          |
 * | case_id             | the belligerent's own reference for the allegation, if any                |
 * | allegation_date *   | date of the alleged incident (YYYY-MM-DD, "Jan. 5, 2019", "5 January 2019")|
 * | allegation_date_end | end of a period, if the allegation spans days                             |
 * | place               | place as written ("near Hajin")                                           |
 * | country             | Iraq / Syria (or code)                                                    |
 * | reporting_source    | who reported it ("Airwars", "media report", "self-report")                |
 * | determination *     | credible · not credible (non-credible) · duplicate · insufficient information · open · reopened |
 * | conceded_killed     | civilians the belligerent concedes killed: "1" or "1-2"; empty = none stated |
 * | conceded_injured    | likewise, injured                                                         |
 * | reason              | stated reason; empty is recorded as "no reason given"                     |
 * | duplicate_of        | the earlier report a duplicate refers to, as written                     |
 * | report_date *       | date of the periodic report                                               |
 * | document_url        | where the report is published                                             |
 * | incident            | optional: the harmwatch incident (public id `HW-000123`, or `airwars:CS1033`) this determination is about; when given and found, the import also records the assessment on it |
 */
import type { AssessmentStatus } from '../model/vocabulary.ts';
import { NO_REASON_GIVEN } from '../model/vocabulary.ts';
import { assessmentStatus } from './airwars-vocab.ts';
import { mapTable } from './csv.ts';
import { RowFault, countryCode, isHttpUrl, normaliseDigits, parseCount, parseDate, spanPrecision, text } from './fields.ts';
import { provenanceBase } from './hash.ts';
import type { DateSpan, IngestInput, IngestWarning, ParseOptions, Provenance, Range, RowOutcome } from './types.ts';

/** Why a report was closed without conceding harm, as far as the wording says. */
export type ReasonCategory = 'no_strike_in_area' | 'no_civilians_harmed' | 'insufficient_information' | 'duplicate' | 'other' | null;

/** One belligerent determination on one allegation. */
export interface AssessmentRecord {
  belligerent: string;
  caseId: string | null;
  allegation: { date: DateSpan; place: string | null; country: string | null; reportingSource: string | null };
  status: AssessmentStatus;
  statusRaw: string;
  conceded: { killed: Range; injured: Range };
  /** The stated reason, or "no reason given". */
  reason: string;
  reasonGiven: boolean;
  reasonCategory: ReasonCategory;
  duplicateOf: string | null;
  /** The incident this determination is about, when the file says (see the `incident` column). */
  incidentRef: string | null;
  reportDate: string | null;
  documentUrl: string | null;
  /** For prose reports: the paragraph and its offsets in the document text. */
  span?: { start: number; end: number; text: string };
  provenance: Provenance;
}

export interface DeterminationOptions extends ParseOptions {
  /** Belligerent when the file has no `belligerent` column (default `coalition`). */
  belligerent?: string;
}

/** Reads "3", "1-2", "1–2", "at least 2" into a range; blank → unknown. */
export function parseConceded(raw: string | undefined, field: string): Range {
  const t = text(raw);
  if (t == null) return { min: null, max: null };
  const s = normaliseDigits(t);
  const m = /^(\d+)\s*[-–]\s*(\d+)$/.exec(s);
  if (m) {
    const r = { min: Number(m[1]), max: Number(m[2]) };
    if (r.min > r.max) throw new RowFault(field, `"${t}": min exceeds max`, t);
    return r;
  }
  const least = /^(?:at least|min(?:imum)?)\s+(\d+)$/i.exec(s);
  if (least) return { min: Number(least[1]), max: null };
  const n = parseCount(s, field);
  return { min: n, max: n };
}

/** Classifies a stated reason by its wording. */
export function reasonCategory(reason: string, status: AssessmentStatus): ReasonCategory {
  if (status === 'duplicate' || /\bduplicate\b/i.test(reason)) return 'duplicate';
  if (/no (coalition )?strikes? (was|were) (conducted|carried out)/i.test(reason)) return 'no_strike_in_area';
  if (/no civilians? (was|were) (harmed|injured|killed|present)|no evidence of civilian/i.test(reason)) return 'no_civilians_harmed';
  if (/insufficient (information|evidence)|not (enough|sufficient) (information|evidence)/i.test(reason)) return 'insufficient_information';
  if (status === 'credible' || status === 'open' || status === 'reopened' || status === 'not_yet_assessed') return null;
  return reason === NO_REASON_GIVEN ? null : 'other';
}

const REQUIRED = ['allegation_date', 'determination', 'report_date'];

/** Streams a determinations CSV as assessment records. */
export async function* parseDeterminationsCsv(input: IngestInput, options: DeterminationOptions = {}): AsyncGenerator<RowOutcome<AssessmentRecord>> {
  const base = await provenanceBase(input, options, 'determinations');
  const now = options.now ?? new Date();
  yield* mapTable<AssessmentRecord>(input, {
    file: base.file,
    required: REQUIRED,
    mapRow(v, ctx) {
      const warnings: IngestWarning[] = [];
      const belligerent = text(v.belligerent)?.toLowerCase() ?? options.belligerent ?? 'coalition';
      const start = parseDate(v.allegation_date, 'allegation_date', now);
      if (start == null) throw new RowFault('allegation_date', 'is required');
      let end = parseDate(v.allegation_date_end, 'allegation_date_end', now);
      if (end != null && end < start) throw new RowFault('allegation_date_end', `"${end}" is before allegation_date ${start}`, end);
      if (end === start) end = null;
      const statusRaw = text(v.determination);
      if (statusRaw == null) throw new RowFault('determination', 'is required');
      const status = assessmentStatus(statusRaw);
      if (!status) throw new RowFault('determination', `unknown determination "${statusRaw}"`, statusRaw);
      const reportDate = parseDate(v.report_date, 'report_date', now);
      if (reportDate == null) throw new RowFault('report_date', 'is required');
      if (reportDate < start) throw new RowFault('report_date', `report ${reportDate} predates the allegation ${start}`, reportDate);
      const conceded = { killed: parseConceded(v.conceded_killed, 'conceded_killed'), injured: parseConceded(v.conceded_injured, 'conceded_injured') };
      const concededAny = [conceded.killed.max, conceded.killed.min, conceded.injured.max, conceded.injured.min].some((x) => x != null && x > 0);
      if (concededAny && status !== 'credible') {
        warnings.push({ kind: 'invalid_value', field: 'conceded_killed', message: `harm conceded although the determination is ${status}` });
      }
      const country = text(v.country);
      if (country != null && countryCode(country) == null) {
        warnings.push({ kind: 'invalid_value', field: 'country', value: country, message: `country "${country}" is not one harmwatch covers (Iraq, Syria)` });
      }
      const url = text(v.document_url);
      if (url != null && !isHttpUrl(url)) warnings.push({ kind: 'malformed_url', field: 'document_url', value: url, message: 'document_url is not an http(s) URL' });
      const reasonText = text(v.reason);
      const reason = reasonText ?? NO_REASON_GIVEN;
      return {
        record: {
          belligerent,
          caseId: text(v.case_id),
          allegation: { date: { start, end, precision: spanPrecision(start, end) }, place: text(v.place), country, reportingSource: text(v.reporting_source) },
          status,
          statusRaw,
          conceded,
          reason,
          reasonGiven: reasonText != null,
          reasonCategory: reasonCategory(reason, status),
          duplicateOf: text(v.duplicate_of),
          incidentRef: text(v.incident),
          reportDate,
          documentUrl: url,
          provenance: { ...base, row: ctx.row },
        },
        warnings,
      };
    },
  });
}
