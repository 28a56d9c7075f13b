/**
 * How the public assessments collection leaves harmwatch: JSON, flat CSV/HXL columns, GeoJSON.
 * Reasons are redacted (src/privacy); the incident's date and place appear only when its field
 * visibility lets the public see them, so the map point is the incident's location or nothing.
 */
import type { z } from 'zod';
import { incidentFieldsPublic } from '../privacy/fieldVisibility.ts';
import { radiusOf } from '../incidents/presenters.ts';
import type { ExportColumn } from '../lib/exports.ts';
import { featureProperties, pointOrNull } from '../lib/exports.ts';
import { redactText } from '../privacy/redact.ts';
import type { PublicAssessmentRow } from './collectionRepository.ts';
import type { PublicAssessmentJson } from './collectionSchema.ts';

export type PublicAssessment = z.infer<typeof PublicAssessmentJson>;

const shown = (visibility: Record<string, string> | null, ...fields: string[]): boolean => incidentFieldsPublic(visibility, fields);

/** The link to every version of one belligerent's assessment of one incident. */
export function historyHref(publicId: string, belligerent: string): string {
  return `/api/incidents/${encodeURIComponent(publicId)}/assessments/${encodeURIComponent(belligerent)}/history`;
}

export function presentPublicAssessment(r: PublicAssessmentRow): PublicAssessment {
  const fv = r.incident_field_visibility;
  const date = shown(fv, 'date');
  const place = shown(fv, 'place');
  const point = place && shown(fv, 'lat', 'lon');
  const precision = place ? r.incident_precision : null;
  return {
    id: r.id,
    incident: {
      id: r.incident_public_id,
      href: `/api/incidents/${encodeURIComponent(r.incident_public_id)}`,
      date: date ? { start: r.incident_date_start, end: r.incident_date_end, precision: r.incident_date_precision } : { start: null, end: null, precision: null },
      country: r.incident_country,
      governorate: place ? r.incident_admin1 : null,
      place: place ? redactText(r.incident_place_text) : null,
      lat: point ? r.incident_lat : null,
      lon: point ? r.incident_lon : null,
      precision,
      radiusM: radiusOf(precision),
    },
    belligerent: r.belligerent,
    status: r.status,
    conceded: { killed: { min: r.conceded_killed_min, max: r.conceded_killed_max }, injured: { min: r.conceded_injured_min, max: r.conceded_injured_max } },
    reason: redactText(r.reason),
    reasonGiven: r.reason_given,
    assessedOn: r.assessed_on,
    documentUrl: r.document_url,
    documentSourceId: r.document_source_id,
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
    history: { href: historyHref(r.incident_public_id, r.belligerent), versions: r.version },
  };
}

/** Columns of the assessments CSV and HXL exports, in order. */
export const ASSESSMENT_COLUMNS: Array<ExportColumn<PublicAssessment>> = [
  { name: 'id', hxl: '#meta+assessment+id', value: (a) => a.id },
  { name: 'incident', hxl: '#event+id', value: (a) => a.incident.id },
  { name: 'incident_date_start', hxl: '#date+start', value: (a) => a.incident.date.start },
  { name: 'incident_date_end', hxl: '#date+end', value: (a) => a.incident.date.end },
  { name: 'country', hxl: '#country+code', value: (a) => a.incident.country },
  { name: 'governorate', hxl: '#adm1+name', value: (a) => a.incident.governorate },
  { name: 'place', hxl: '#loc+name', value: (a) => a.incident.place },
  { name: 'lat', hxl: '#geo+lat', value: (a) => a.incident.lat },
  { name: 'lon', hxl: '#geo+lon', value: (a) => a.incident.lon },
  { name: 'place_precision', hxl: '#geo+precision', value: (a) => a.incident.precision },
  { name: 'radius_m', hxl: '#geo+radius', value: (a) => a.incident.radiusM },
  { name: 'belligerent', hxl: '#org+belligerent', value: (a) => a.belligerent },
  { name: 'status', hxl: '#status+assessment', value: (a) => a.status },
  { name: 'conceded_killed_min', hxl: '#affected+killed+conceded+min', value: (a) => a.conceded.killed.min },
  { name: 'conceded_killed_max', hxl: '#affected+killed+conceded+max', value: (a) => a.conceded.killed.max },
  { name: 'conceded_injured_min', hxl: '#affected+injured+conceded+min', value: (a) => a.conceded.injured.min },
  { name: 'conceded_injured_max', hxl: '#affected+injured+conceded+max', value: (a) => a.conceded.injured.max },
  { name: 'reason', hxl: '#description+reason', value: (a) => a.reason },
  { name: 'reason_given', hxl: '#meta+reason_given', value: (a) => a.reasonGiven },
  { name: 'assessed_on', hxl: '#date+assessed', value: (a) => a.assessedOn },
  { name: 'document_url', hxl: '#meta+document+url', value: (a) => a.documentUrl },
  { name: 'document_source_id', hxl: '#meta+document+source+id', value: (a) => a.documentSourceId },
  { name: 'version', hxl: '#meta+version', value: (a) => a.version },
  { name: 'updated_at', hxl: '#date+updated', value: (a) => a.updatedAt },
  { name: 'history_url', hxl: '#meta+history+url', value: (a) => a.history.href },
  { name: 'incident_url', hxl: '#meta+url', value: (a) => a.incident.href },
];

/** An RFC 7946 Feature at the incident's location, or with a null geometry when it is unknown or not public. */
export function assessmentFeature(a: PublicAssessment): Record<string, unknown> {
  return { type: 'Feature', id: a.id, geometry: pointOrNull(a.incident.lat, a.incident.lon), properties: featureProperties(ASSESSMENT_COLUMNS, a) };
}
