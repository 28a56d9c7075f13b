/**
 * Airwars-style incident datasets: `incidents.csv` (one row per incident). Column meanings are in
 * ../shared/data/README.md (airwars-syria). Keyed on `airwars_id`; `code` is not unique and a
 * repeated code is a warning. Known faults (bad longitude, point outside the stated country,
 * missing or placeholder dates) are warnings on a kept record, never silent.
 * Row numbering: header = row 1, first incident = row 2 (records, not lines).
 * Sources and source texts: ./airwars-sources.ts.
 */
import type { AssessmentStatus, CountryCode, DatePrecision, Grade, Outcome, PlacePrecision, Population, StrikeStatus } from '../model/vocabulary.ts';
import { AIRWARS_DATE_TYPES, AIRWARS_GRADE, AIRWARS_PLACE_PRECISION, AIRWARS_STRIKE_STATUS, assessmentStatus } from './airwars-vocab.ts';
import { mapTable } from './csv.ts';
import { COUNTRIES } from '../model/vocabulary.ts';
import { COUNTRY_BOXES, RowFault, inCountryBox, list, parseCount, parseDate, parseDecimal, rangeQualifier, spanPrecision, text } from './fields.ts';
import { provenanceBase } from './hash.ts';
import type { Figure, IngestInput, IngestWarning, ParseOptions, Provenance, Range, RowOutcome } from './types.ts';

/** One belligerent's position as Airwars records it. */
export interface AirwarsAssessment {
  /** Airwars' belligerent key as published (`coalition`, `russian_forces`, …). */
  belligerent: string;
  status: AssessmentStatus;
  /** The published word (`non_credible`, `open_incident` …). */
  statusRaw: string;
  /** Conceded harm, when this is the one assessment the incident's conceded figures can belong to. */
  conceded: { killed: Range; injured: Range } | null;
}

/** A belligerent's civilian-casualty statement quoted by Airwars. */
export interface OfficialStatement {
  date: string | null;
  text: string;
}

/** One Airwars incident, as published, in harmwatch words. */
export interface AirwarsIncident {
  airwarsId: number;
  code: string;
  previousCodes: string[];
  url: string | null;
  date: { start: string | null; end: string | null; precision: DatePrecision | null; raw: string | null };
  place: {
    textEn: string | null;
    textAr: string | null;
    areaEn: string | null;
    areaAr: string | null;
    governorateEn: string | null;
    governorateAr: string | null;
    provinceEn: string | null;
    country: CountryCode;
    latitude: number | null;
    longitude: number | null;
    /** Coordinates as published when they were unusable (e.g. longitude 4239.00416). */
    coordinatesRaw: string | null;
    precision: PlacePrecision | null;
    precisionRaw: string | null;
  };
  belligerents: string[];
  strikeTypes: string[];
  strikeStatus: StrikeStatus | null;
  civilianHarmReported: boolean | null;
  /** Single grade, or null when several are published (see `grades`). */
  grade: Grade | null;
  grades: Grade[];
  incidentStatus: string | null;
  causeOfDeath: string | null;
  figures: Figure[];
  assessments: AirwarsAssessment[];
  /** Conceded harm as published (summed over belligerents when several gave a value). */
  conceded: { killed: Range; injured: Range };
  officialStrikeReportUrl: string | null;
  officialStrikeReport: string | null;
  officialStatements: OfficialStatement[];
  sourceCount: number | null;
  publishedDate: string | null;
  lastModified: string | null;
  /** Columns this parser does not know, verbatim. */
  extras: Record<string, string>;
  provenance: Provenance;
}

export interface AirwarsOptions extends ParseOptions {
  /** Country the file covers (the bounding-box check uses it). Default SY. */
  country?: CountryCode;
}

export const AIRWARS_INCIDENT_COLUMNS = [
  'code', 'airwars_id', 'incident_url', 'previous_codes', 'date', 'date_end', 'date_type', 'location_en', 'location_ar',
  'area_en', 'area_ar', 'governorate_en', 'governorate_ar', 'province_en', 'latitude', 'longitude', 'geoloc_precision',
  'belligerent_en', 'strike_type_en', 'strike_status_en', 'civilian_harm_reported_en', 'grading_en', 'incident_status_en',
  'cause_of_death_en', 'civ_killed_min', 'civ_killed_max', 'civ_injured_min', 'civ_injured_max', 'children_killed_min',
  'children_killed_max', 'women_killed_min', 'women_killed_max', 'men_killed_min', 'men_killed_max', 'children_injured_min',
  'children_injured_max', 'women_injured_min', 'women_injured_max', 'men_injured_min', 'men_injured_max',
  'belligerents_killed_min', 'belligerents_killed_max', 'belligerent_assessment', 'conceded_deaths_min', 'conceded_deaths_max',
  'conceded_injuries_min', 'conceded_injuries_max', 'official_strike_report_url', 'official_strike_report',
  'official_casualty_statement', 'source_count', 'published_date', 'last_modified',
] as const;

const REQUIRED = ['code', 'airwars_id', 'date'] as const;

/** Figure columns: prefix → population, with the outcomes each has. */
const FIGURE_COLUMNS: Array<[prefix: string, population: Population, outcome: Outcome]> = [
  ['civ_killed', 'civilians', 'killed'], ['civ_injured', 'civilians', 'injured'],
  ['children_killed', 'children', 'killed'], ['women_killed', 'women', 'killed'], ['men_killed', 'men', 'killed'],
  ['children_injured', 'children', 'injured'], ['women_injured', 'women', 'injured'], ['men_injured', 'men', 'injured'],
  ['belligerents_killed', 'combatants', 'killed'],
];

/** The placeholder date some records carry instead of "unknown". */
export const PLACEHOLDER_DATE = '1970-01-01';

function range(v: Record<string, string>, prefix: string, warnings: IngestWarning[]): Range {
  const r = { min: parseCount(v[`${prefix}_min`], `${prefix}_min`), max: parseCount(v[`${prefix}_max`], `${prefix}_max`) };
  if (r.min != null && r.max != null && r.min > r.max) {
    warnings.push({ kind: 'min_exceeds_max', field: `${prefix}_min`, value: `${r.min}>${r.max}`, message: `${prefix}: min ${r.min} exceeds max ${r.max}` });
  }
  return r;
}

/** Parses `[YYYYMMDD] text --- [YYYYMMDD] text`. Malformed parts are kept with a null date and a warning. */
export function parseOfficialStatements(raw: string | undefined, now: Date, warnings: IngestWarning[]): OfficialStatement[] {
  const t = text(raw);
  if (t == null) return [];
  return t.split(/\n?\s*-{3,}\s*\n?/).map((part) => part.trim()).filter(Boolean).map((part) => {
    const m = /^\[([^\]]*)\]\s*([\s\S]*)$/.exec(part);
    if (!m) {
      warnings.push({ kind: 'malformed_statement', field: 'official_casualty_statement', value: part.slice(0, 40), message: 'statement has no [YYYYMMDD] date' });
      return { date: null, text: part };
    }
    try {
      return { date: parseDate(m[1], 'official_casualty_statement', now, 'YYYYMMDD'), text: m[2].trim() };
    } catch (err) {
      warnings.push({ kind: 'malformed_statement', field: 'official_casualty_statement', value: m[1], message: err instanceof Error ? err.message : String(err) });
      return { date: null, text: m[2].trim() };
    }
  });
}

/** Parses `belligerent:assessment;…` (unknown words → row error naming the field). */
export function parseBelligerentAssessments(raw: string | undefined): Array<Omit<AirwarsAssessment, 'conceded'>> {
  return list(raw, /\s*;\s*/).map((pair) => {
    const m = /^([a-z][a-z0-9_]*)\s*:\s*([a-z_ -]+)$/i.exec(pair);
    if (!m) throw new RowFault('belligerent_assessment', `"${pair}" is not belligerent:assessment`, pair);
    const status = assessmentStatus(m[2]);
    if (!status) throw new RowFault('belligerent_assessment', `unknown assessment "${m[2]}"`, pair);
    return { belligerent: m[1].toLowerCase(), status, statusRaw: m[2] };
  });
}

function controlled<T>(map: Record<string, T>, raw: string | undefined, field: string): T | null {
  const t = text(raw);
  if (t == null) return null;
  const v = map[t.toLowerCase()];
  if (v === undefined) throw new RowFault(field, `unknown value "${t}"`, t);
  return v;
}

/** Streams Airwars `incidents.csv` rows as {@link AirwarsIncident} outcomes. */
export async function* parseAirwarsIncidents(input: IngestInput, options: AirwarsOptions = {}): AsyncGenerator<RowOutcome<AirwarsIncident>> {
  const base = await provenanceBase(input, options, 'airwars/incidents');
  const now = options.now ?? new Date();
  const country = options.country ?? 'SY';
  const seenIds = new Map<number, number>();
  const seenCodes = new Map<string, number>();
  yield* mapTable<AirwarsIncident>(input, {
    file: base.file,
    required: REQUIRED,
    known: AIRWARS_INCIDENT_COLUMNS,
    mapRow(v, ctx) {
      const warnings: IngestWarning[] = [];
      const airwarsId = parseCount(v.airwars_id, 'airwars_id');
      if (airwarsId == null) throw new RowFault('airwars_id', 'is required');
      const firstRow = seenIds.get(airwarsId);
      if (firstRow != null) throw new RowFault('airwars_id', `duplicate airwars_id ${airwarsId} (first on row ${firstRow})`, String(airwarsId));
      const code = text(v.code);
      if (code == null) throw new RowFault('code', 'is required');

      // dates
      const dateType = text(v.date_type);
      if (dateType != null && !(AIRWARS_DATE_TYPES as readonly string[]).includes(dateType)) throw new RowFault('date_type', `unknown value "${dateType}"`, dateType);
      let start = parseDate(v.date, 'date', now, 'YYYY-MM-DD');
      let end = parseDate(v.date_end, 'date_end', now, 'YYYY-MM-DD');
      const rawDate = text(v.date);
      if (start === PLACEHOLDER_DATE) {
        warnings.push({ kind: 'placeholder_date', field: 'date', value: start, message: `date ${start} is a placeholder; recorded as unknown` });
        start = null;
        end = null;
      } else if (start == null) {
        warnings.push({ kind: 'missing_date', field: 'date', message: 'incident has no date' });
      }
      if (start != null && end != null && end < start) {
        warnings.push({ kind: 'date_end_before_start', field: 'date_end', value: end, message: `date_end ${end} is before date ${start}; ignored` });
        end = null;
      }
      if (end === start) end = null;
      if (start != null && ((dateType === 'date_range') !== (end != null) || dateType == null)) {
        warnings.push({
          kind: 'date_type_mismatch', field: 'date_type', value: dateType ?? '',
          message: `date_type "${dateType ?? ''}" with ${end ? `date_end ${end}` : 'no distinct date_end'}; precision taken from the dates`,
        });
      }
      const precision: DatePrecision | null = start == null ? null : spanPrecision(start, end);

      // place
      let latitude = parseDecimal(v.latitude, 'latitude');
      let longitude = parseDecimal(v.longitude, 'longitude');
      let coordinatesRaw: string | null = null;
      if ((latitude == null) !== (longitude == null)) {
        warnings.push({ kind: 'coordinates_incomplete', field: latitude == null ? 'latitude' : 'longitude', message: 'only one of latitude/longitude given; coordinates dropped' });
        coordinatesRaw = `${v.latitude ?? ''},${v.longitude ?? ''}`;
        latitude = longitude = null;
      } else if (latitude != null && longitude != null) {
        if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
          const field = Math.abs(latitude) > 90 ? 'latitude' : 'longitude';
          warnings.push({ kind: 'coordinates_out_of_range', field, value: v[field], message: `${field} ${v[field]} is not a valid coordinate; coordinates recorded as unknown` });
          coordinatesRaw = `${v.latitude},${v.longitude}`;
          latitude = longitude = null;
        } else if (!inCountryBox(latitude, longitude, country)) {
          const other = (Object.keys(COUNTRY_BOXES) as CountryCode[]).find((c) => c !== country && inCountryBox(latitude!, longitude!, c));
          warnings.push({
            kind: 'outside_country', field: 'longitude', value: `${latitude},${longitude}`,
            message: `point ${latitude},${longitude} lies outside ${COUNTRIES[country]}${other ? ` (in ${COUNTRIES[other]})` : ''}`,
          });
        }
      }
      const precisionRaw = text(v.geoloc_precision);

      // figures
      const figures: Figure[] = [];
      for (const [prefix, population, outcome] of FIGURE_COLUMNS) {
        const r = range(v, prefix, warnings);
        if (r.min == null && r.max == null) continue;
        figures.push({ outcome, population, min: r.min, max: r.max, qualifier: rangeQualifier(r) });
      }

      // grades
      const grades = list(v.grading_en).map((g) => {
        const grade = AIRWARS_GRADE[g.toLowerCase()];
        if (!grade) throw new RowFault('grading_en', `unknown grade "${g}"`, v.grading_en);
        return grade;
      });
      if (grades.length > 1) warnings.push({ kind: 'multiple_grades', field: 'grading_en', value: v.grading_en, message: `several grades published (${grades.join(', ')}); grade left unset` });

      // assessments and conceded harm
      const conceded = {
        killed: range(v, 'conceded_deaths', warnings),
        injured: { min: parseCount(v.conceded_injuries_min, 'conceded_injuries_min'), max: parseCount(v.conceded_injuries_max, 'conceded_injuries_max') },
      };
      const parsed = parseBelligerentAssessments(v.belligerent_assessment);
      const hasConceded = [conceded.killed.min, conceded.killed.max, conceded.injured.min, conceded.injured.max].some((x) => x != null && x > 0);
      const credible = parsed.filter((a) => a.status === 'credible');
      const owner = credible.length === 1 ? credible[0] : parsed.length === 1 ? parsed[0] : undefined;
      if (hasConceded && !owner) {
        warnings.push({ kind: 'conceded_unattributed', field: 'conceded_deaths_min', message: 'conceded harm published but no single belligerent it belongs to; kept on the incident' });
      }
      const assessments: AirwarsAssessment[] = parsed.map((a) => ({ ...a, conceded: a === owner && hasConceded ? conceded : null }));

      const harm = text(v.civilian_harm_reported_en)?.toLowerCase();
      if (harm != null && harm !== 'yes' && harm !== 'no') throw new RowFault('civilian_harm_reported_en', `unknown value "${v.civilian_harm_reported_en}"`, v.civilian_harm_reported_en);

      let publishedDate: string | null = null;
      let lastModified: string | null = null;
      for (const [field, set] of [['published_date', (d: string | null) => (publishedDate = d)], ['last_modified', (d: string | null) => (lastModified = d)]] as const) {
        try {
          set(parseDate(v[field], field, now));
        } catch (err) {
          warnings.push({ kind: 'malformed_date', field, value: v[field], message: err instanceof Error ? err.message : String(err) });
        }
      }

      const placePrecision = controlled(AIRWARS_PLACE_PRECISION, precisionRaw ?? undefined, 'geoloc_precision');
      const strikeStatus = controlled(AIRWARS_STRIKE_STATUS, v.strike_status_en, 'strike_status_en');
      const officialStatements = parseOfficialStatements(v.official_casualty_statement, now, warnings);
      const sourceCount = parseCount(v.source_count, 'source_count');
      if (seenCodes.has(code)) {
        warnings.push({ kind: 'duplicate_code', field: 'code', value: code, message: `code ${code} already used on row ${seenCodes.get(code)} (records keyed on airwars_id)` });
      } else seenCodes.set(code, ctx.row);
      seenIds.set(airwarsId, ctx.row);

      const record: AirwarsIncident = {
        airwarsId,
        code,
        previousCodes: list(v.previous_codes, /\s*;\s*/),
        url: text(v.incident_url),
        date: { start, end, precision, raw: rawDate },
        place: {
          textEn: text(v.location_en), textAr: text(v.location_ar), areaEn: text(v.area_en), areaAr: text(v.area_ar),
          governorateEn: text(v.governorate_en), governorateAr: text(v.governorate_ar), provinceEn: text(v.province_en),
          country, latitude, longitude, coordinatesRaw,
          precision: placePrecision,
          precisionRaw,
        },
        belligerents: list(v.belligerent_en, /\s*,\s*/),
        strikeTypes: list(v.strike_type_en, /\s*,\s*/),
        strikeStatus,
        civilianHarmReported: harm == null ? null : harm === 'yes',
        grade: grades.length === 1 ? grades[0] : null,
        grades,
        incidentStatus: text(v.incident_status_en),
        causeOfDeath: text(v.cause_of_death_en),
        figures,
        assessments,
        conceded,
        officialStrikeReportUrl: text(v.official_strike_report_url),
        officialStrikeReport: text(v.official_strike_report),
        officialStatements,
        sourceCount,
        publishedDate,
        lastModified,
        extras: ctx.extras,
        provenance: { ...base, row: ctx.row },
      };
      return { record, warnings };
    },
  });
}
