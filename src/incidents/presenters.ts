import type { Database } from '../db/types.ts';
import type { Selectable } from 'kysely';
import type { PresentedIncidentRow } from './repository.ts';
import { PLACE_PRECISION_RADIUS_M, type PlacePrecision } from '../model/vocabulary.ts';
import { redactText } from '../privacy/redact.ts';
import { incidentFieldsPublic } from '../privacy/fieldVisibility.ts';

type FigureRow = Selectable<Database['incident_figures']>;
type AssessmentRow = Selectable<Database['assessments']>;

export interface RangeJson {
  min: number | null;
  max: number | null;
}

/**
 * An incident as the public API shows it. Unknown is null, never 0. Free text (title, summary,
 * assessment reasons) is redacted: e-mails, phone numbers and named witnesses never leave here.
 */
export interface IncidentJson {
  id: string;
  title: string | null;
  summary: string | null;
  date: { start: string | null; end: string | null; precision: string | null };
  place: {
    text: string | null; nameAr: string | null; country: string | null; governorate: string | null; district: string | null;
    lat: number | null; lon: number | null; precision: string | null; radiusM: number | null;
  };
  belligerents: string[];
  strikeStatus: string | null;
  grade: string | null;
  status: string;
  figures: Array<{ outcome: string; population: string; low: number | null; best: number | null; high: number | null; rule: string }>;
  assessments: Array<{
    belligerent: string; status: string; conceded: { killed: RangeJson; injured: RangeJson };
    reason: string; reasonGiven: boolean; assessedOn: string | null; documentUrl: string | null; version: number;
  }>;
  version: number;
  href: string;
}

export function radiusOf(precision: string | null): number | null {
  return precision && precision in PLACE_PRECISION_RADIUS_M ? PLACE_PRECISION_RADIUS_M[precision as PlacePrecision] : null;
}

/**
 * The public incident: fields the incident's `field_visibility` marks internal or restricted
 * (`title`, `summary`, `date`, `place`, `lat`, `lon`, `figures`) are null or empty, as in the
 * assessment and reconcile views.
 */
export function presentIncident(i: PresentedIncidentRow, figures: FigureRow[], assessments: AssessmentRow[]): IncidentJson {
  const shown = (field: string): boolean => incidentFieldsPublic(i.field_visibility, [field]);
  const show = <T>(field: string, v: T): T | null => (shown(field) ? v : null);
  const point = incidentFieldsPublic(i.field_visibility, ['place', 'lat', 'lon']);
  return {
    id: i.public_id,
    title: redactText(show('title', i.title)),
    summary: redactText(show('summary', i.summary)),
    date: { start: show('date', i.date_start), end: show('date', i.date_end), precision: show('date', i.date_precision) },
    place: {
      text: show('place', i.place_text), nameAr: show('place', i.place_name_ar), country: i.country, governorate: show('place', i.admin1), district: show('place', i.admin2),
      lat: point ? i.lat : null, lon: point ? i.lon : null, precision: show('place', i.place_precision), radiusM: shown('place') ? radiusOf(i.place_precision) : null,
    },
    belligerents: i.belligerents,
    strikeStatus: i.strike_status,
    grade: i.grade_status === 'approved' || i.grade_status === 'unreviewed' ? i.grade : null,
    status: i.status,
    figures: (shown('figures') ? figures : []).map((f) => ({ outcome: f.outcome, population: f.population, low: f.low, best: f.best, high: f.high, rule: f.rule })),
    assessments: assessments.map((a) => ({
      belligerent: a.belligerent,
      status: a.status,
      conceded: { killed: { min: a.conceded_killed_min, max: a.conceded_killed_max }, injured: { min: a.conceded_injured_min, max: a.conceded_injured_max } },
      reason: redactText(a.reason),
      reasonGiven: a.reason_given,
      assessedOn: a.assessed_on,
      documentUrl: a.document_url,
      version: a.version,
    })),
    version: i.version,
    href: `/api/incidents/${encodeURIComponent(i.public_id)}`,
  };
}

/** Columns of the flat exports (CSV and HXL), with their HXL hashtags, in order. */
export const INCIDENT_COLUMNS: Array<{ name: string; hxl: string; value: (i: IncidentJson) => string | number | null }> = [
  { name: 'id', hxl: '#event+id', value: (i) => i.id },
  { name: 'date_start', hxl: '#date+start', value: (i) => i.date.start },
  { name: 'date_end', hxl: '#date+end', value: (i) => i.date.end },
  { name: 'date_precision', hxl: '#date+precision', value: (i) => i.date.precision },
  { name: 'country', hxl: '#country+code', value: (i) => i.place.country },
  { name: 'governorate', hxl: '#adm1+name', value: (i) => i.place.governorate },
  { name: 'district', hxl: '#adm2+name', value: (i) => i.place.district },
  { name: 'place', hxl: '#loc+name', value: (i) => i.place.text },
  { name: 'place_ar', hxl: '#loc+name+i_ar', value: (i) => i.place.nameAr },
  { name: 'lat', hxl: '#geo+lat', value: (i) => i.place.lat },
  { name: 'lon', hxl: '#geo+lon', value: (i) => i.place.lon },
  { name: 'place_precision', hxl: '#geo+precision', value: (i) => i.place.precision },
  { name: 'radius_m', hxl: '#geo+radius', value: (i) => i.place.radiusM },
  { name: 'belligerents', hxl: '#org+belligerent', value: (i) => i.belligerents.join(';') },
  { name: 'grade', hxl: '#status+grade', value: (i) => i.grade },
  ...(['killed', 'injured'] as const).flatMap((outcome) =>
    (['low', 'best', 'high'] as const).map((k) => ({
      name: `civilians_${outcome}_${k}`,
      hxl: `#affected+${outcome}+civilians+${k}`,
      value: (i: IncidentJson): number | null => i.figures.find((f) => f.outcome === outcome && f.population === 'civilians')?.[k] ?? null,
    })),
  ),
  { name: 'assessments', hxl: '#status+assessment', value: (i) => i.assessments.map((a) => `${a.belligerent}:${a.status}`).join(';') },
  { name: 'conceded_killed_min', hxl: '#affected+killed+conceded+min', value: (i) => sumNullable(i.assessments.map((a) => a.conceded.killed.min)) },
  { name: 'conceded_killed_max', hxl: '#affected+killed+conceded+max', value: (i) => sumNullable(i.assessments.map((a) => a.conceded.killed.max)) },
  { name: 'url', hxl: '#meta+url', value: (i) => i.href },
];

function sumNullable(xs: Array<number | null>): number | null {
  const known = xs.filter((x): x is number => x != null);
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
}

/** One RFC 4180 field: quoted when it holds a quote, comma or line break. */
export function csvField(v: string | number | null | undefined): string {
  if (v == null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: Array<string | number | null | undefined>): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** An RFC 7946 Feature; incidents without coordinates get a null geometry, not a fake point. */
export function geoJsonFeature(i: IncidentJson): Record<string, unknown> {
  return {
    type: 'Feature',
    id: i.id,
    geometry: i.place.lat != null && i.place.lon != null ? { type: 'Point', coordinates: [i.place.lon, i.place.lat] } : null,
    properties: {
      id: i.id, title: i.title, date_start: i.date.start, date_end: i.date.end, date_precision: i.date.precision,
      place: i.place.text, place_ar: i.place.nameAr, country: i.place.country, governorate: i.place.governorate,
      precision: i.place.precision, radius_m: i.place.radiusM, belligerents: i.belligerents, grade: i.grade,
      figures: i.figures, assessments: i.assessments.map((a) => ({ belligerent: a.belligerent, status: a.status, reason_given: a.reasonGiven })),
      url: i.href,
    },
  };
}
