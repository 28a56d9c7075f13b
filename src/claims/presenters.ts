/**
 * How public claims leave harmwatch: JSON, the flat CSV/HXL columns and GeoJSON features.
 * Unknown figures stay null (never 0). Free text (quote, claimant, actor, place and period as
 * written, source title) goes through `redactText`; the claimant of a witness submission is never
 * named; an incident's location is used only when its field visibility lets the public see it.
 */
import type { z } from 'zod';
import { radiusOf } from '../incidents/presenters.ts';
import type { ExportColumn } from '../lib/exports.ts';
import { featureProperties, pointOrNull } from '../lib/exports.ts';
import { REDACTION_MARKS, redactText } from '../privacy/redact.ts';
import { incidentFieldsPublic } from '../privacy/fieldVisibility.ts';
import type { PublicClaimRow } from './repository.ts';
import type { PublicClaimJson } from './schema.ts';

export type ClaimJson = z.infer<typeof PublicClaimJson>;

const mentions = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').map((x) => redactText(x)) : [];

export function presentClaim(r: PublicClaimRow): ClaimJson {
  const witness = r.source_type === 'public_submission';
  const who = (v: string | null): string | null => (v == null ? null : witness ? REDACTION_MARKS.name : redactText(v));
  const incidentPlace = incidentFieldsPublic(r.incident_field_visibility, ['place', 'lat', 'lon']);
  const lat = r.lat ?? r.gaz_lat;
  const lon = r.lon ?? r.gaz_lon;
  const precision = r.place_precision ?? r.gaz_precision;
  const own = lat != null && lon != null;
  const fromIncident = !own && incidentPlace && r.incident_lat != null && r.incident_lon != null;
  const location = own
    ? { lat, lon, precision, radiusM: radiusOf(precision), from: 'claim' as const }
    : fromIncident
      ? { lat: r.incident_lat, lon: r.incident_lon, precision: r.incident_precision, radiusM: radiusOf(r.incident_precision), from: 'incident' as const }
      : { lat: null, lon: null, precision: null, radiusM: null, from: null };
  return {
    id: r.id,
    type: r.type,
    status: r.status,
    origin: r.origin,
    incident: { id: r.incident_public_id, href: `/api/incidents/${encodeURIComponent(r.incident_public_id)}` },
    claimant: who(r.claimant),
    claimantNormalised: who(r.claimant_norm),
    actor: { text: redactText(r.actor_text), normalised: r.actor_norm, attribution: r.attribution },
    outcome: r.outcome,
    population: r.population,
    min: r.min,
    max: r.max,
    qualifier: r.qualifier,
    period: { start: r.period_start, end: r.period_end, precision: r.date_precision, text: redactText(r.period_text) },
    place: {
      text: redactText(r.place_text),
      mentioned: mentions(r.mentioned),
      placeId: r.place_id,
      name: r.gaz_name,
      nameAr: r.gaz_name_ar,
      country: r.gaz_country ?? r.incident_country,
      governorate: r.gaz_admin1 ?? (incidentPlace ? r.incident_admin1 : null),
      district: r.gaz_admin2 ?? (incidentPlace ? r.incident_admin2 : null),
      lat: own ? lat : null,
      lon: own ? lon : null,
      precision,
      radiusM: radiusOf(precision),
    },
    location,
    stance: r.stance,
    quote: redactText(r.quote),
    span: [r.span_start, r.span_end],
    spanOf: r.span_basis === 'clean_text' ? 'clean_text' : 'text',
    sameAs: r.same_as_id,
    corrects: r.corrects_id,
    source: {
      id: r.source_id,
      type: r.source_type,
      // A submission's attachments are titled by their file names, which may name people.
      title: witness ? null : redactText(r.source_title),
      publisher: witness ? null : redactText(r.source_publisher),
      url: r.source_url,
      language: r.source_language,
      publishedOn: r.source_published_on,
      capturedAt: new Date(r.source_captured_at).toISOString(),
      sha256: r.source_sha256,
    },
    href: `/api/claims/${r.id}`,
  };
}

const figure = (outcome: string, bound: 'min' | 'max') => (c: ClaimJson): number | null => (c.outcome === outcome ? c[bound] : null);

/**
 * Columns of the claims CSV and HXL exports, in order. Figures go in the column of the claim's
 * outcome (`#affected+killed+min` …); the other outcomes' columns stay empty (unknown, not 0).
 */
export const CLAIM_COLUMNS: Array<ExportColumn<ClaimJson>> = [
  { name: 'id', hxl: '#meta+claim+id', value: (c) => c.id },
  { name: 'incident', hxl: '#event+id', value: (c) => c.incident.id },
  { name: 'type', hxl: '#meta+claim+type', value: (c) => c.type },
  { name: 'status', hxl: '#status+review', value: (c) => c.status },
  { name: 'date_start', hxl: '#date+start', value: (c) => c.period.start },
  { name: 'date_end', hxl: '#date+end', value: (c) => c.period.end },
  { name: 'date_precision', hxl: '#date+precision', value: (c) => c.period.precision },
  { name: 'country', hxl: '#country+code', value: (c) => c.place.country },
  { name: 'governorate', hxl: '#adm1+name', value: (c) => c.place.governorate },
  { name: 'district', hxl: '#adm2+name', value: (c) => c.place.district },
  { name: 'place', hxl: '#loc+name', value: (c) => c.place.text },
  { name: 'place_resolved', hxl: '#loc+name+resolved', value: (c) => c.place.name },
  { name: 'place_resolved_ar', hxl: '#loc+name+resolved+i_ar', value: (c) => c.place.nameAr },
  { name: 'lat', hxl: '#geo+lat', value: (c) => c.location.lat },
  { name: 'lon', hxl: '#geo+lon', value: (c) => c.location.lon },
  { name: 'place_precision', hxl: '#geo+precision', value: (c) => c.location.precision },
  { name: 'radius_m', hxl: '#geo+radius', value: (c) => c.location.radiusM },
  { name: 'location_from', hxl: '#meta+geo+basis', value: (c) => c.location.from },
  { name: 'outcome', hxl: '#affected+outcome', value: (c) => c.outcome },
  { name: 'population', hxl: '#affected+population', value: (c) => c.population },
  ...(['killed', 'injured', 'missing'] as const).flatMap((o) => (['min', 'max'] as const).map((b) => ({ name: `${o}_${b}`, hxl: `#affected+${o}+${b}`, value: figure(o, b) }))),
  { name: 'qualifier', hxl: '#meta+qualifier', value: (c) => c.qualifier },
  { name: 'claimant', hxl: '#org+claimant', value: (c) => c.claimant },
  { name: 'actor', hxl: '#org+actor', value: (c) => c.actor.normalised ?? c.actor.text },
  { name: 'attribution', hxl: '#status+attribution', value: (c) => c.actor.attribution },
  { name: 'stance', hxl: '#meta+stance', value: (c) => c.stance.join(';') },
  { name: 'quote', hxl: '#description+quote', value: (c) => c.quote },
  { name: 'span_start', hxl: '#meta+span+start', value: (c) => c.span[0] },
  { name: 'span_end', hxl: '#meta+span+end', value: (c) => c.span[1] },
  { name: 'same_as', hxl: '#meta+claim+same_as', value: (c) => c.sameAs },
  { name: 'source_id', hxl: '#meta+source+id', value: (c) => c.source.id },
  { name: 'source_type', hxl: '#meta+source+type', value: (c) => c.source.type },
  { name: 'source_title', hxl: '#meta+source+title', value: (c) => c.source.title },
  { name: 'source_publisher', hxl: '#meta+source+publisher', value: (c) => c.source.publisher },
  { name: 'source_language', hxl: '#meta+source+lang', value: (c) => c.source.language },
  { name: 'source_url', hxl: '#meta+source+url', value: (c) => c.source.url },
  { name: 'source_sha256', hxl: '#meta+source+sha256', value: (c) => c.source.sha256 },
  { name: 'captured_at', hxl: '#date+captured', value: (c) => c.source.capturedAt },
  { name: 'url', hxl: '#meta+url', value: (c) => c.href },
];

/** An RFC 7946 Feature: the claim's own point, else its incident's, else a null geometry. */
export function claimFeature(c: ClaimJson): Record<string, unknown> {
  return { type: 'Feature', id: c.id, geometry: pointOrNull(c.location.lat, c.location.lon), properties: featureProperties(CLAIM_COLUMNS, c) };
}
