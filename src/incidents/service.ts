import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { HarmwatchError, notFound } from '../errors.ts';
import { incidentFieldsPublic } from '../privacy/fieldVisibility.ts';
import { redactText } from '../privacy/redact.ts';
import { victimRepository } from '../victims/repository.ts';
import { presentIncidentVictimsPublic } from '../victims/presenters.ts';
import { responseRepository } from '../responses/repository.ts';
import { presentResponsePublic } from '../responses/presenters.ts';
import { INCIDENT_COLUMNS, csvLine, geoJsonFeature, presentIncident, type IncidentJson } from './presenters.ts';
import { incidentRepository, type Cursor, type IncidentFilter, type PresentedIncidentRow } from './repository.ts';

export function encodeIncidentCursor(c: Cursor): string {
  return Buffer.from(`${c.date ?? ''}|${c.id}`).toString('base64url');
}

export function decodeIncidentCursor(s: string): Cursor {
  const [date, id] = Buffer.from(s, 'base64url').toString('utf8').split('|');
  if (date === undefined || id === undefined || (date !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(date)) || !/^\d+$/.test(id)) {
    throw new HarmwatchError('INPUT_INVALID', 'cursor is not one this server gave out', { field: 'cursor' });
  }
  return { date: date || null, id: Number(id) };
}

/** Rows grouped by incident id (linear, for export pages of a thousand incidents). */
function byIncident<T extends { incident_id: number }>(rows: T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(r.incident_id);
    if (list) list.push(r);
    else out.set(r.incident_id, [r]);
  }
  return out;
}

/** Figures and assessments for a page of incidents, presented. */
async function presentMany(db: Kysely<Database>, rows: PresentedIncidentRow[]): Promise<IncidentJson[]> {
  const ids = rows.map((r) => r.id);
  const [figures, assessments] = await Promise.all([incidentRepository.figures(db, ids), incidentRepository.assessments(db, ids)]);
  const f = byIncident(figures);
  const a = byIncident(assessments);
  return rows.map((r) => presentIncident(r, f.get(r.id) ?? [], a.get(r.id) ?? []));
}

/**
 * One page of incidents with the number matching: exact up to 10,000, beyond that a lower bound
 * (`totalExact: false`), so a broad filter over a large database stays fast.
 */
export async function listIncidents(db: Kysely<Database>, f: IncidentFilter, cursor: string | undefined, limit: number): Promise<{ data: IncidentJson[]; next: string | null; total: number; totalExact: boolean }> {
  const rows = await incidentRepository.list(db, f, cursor ? decodeIncidentCursor(cursor) : null, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  // A first page that holds every match is its own exact count.
  const whole = !cursor && rows.length <= limit;
  const [data, count] = await Promise.all([presentMany(db, page), whole ? { n: rows.length, exact: true } : incidentRepository.count(db, f)]);
  return { data, next: rows.length > limit && last ? encodeIncidentCursor({ date: last.date_start, id: last.id }) : null, total: count.n, totalExact: count.exact };
}

/** One incident with its claims (quotes and sources), nearby declared strikes and assessment history. */
export async function getIncidentDetail(db: Kysely<Database>, publicId: string, publishedOnly: boolean) {
  const row = await incidentRepository.byPublicId(db, publicId);
  if (!row || (publishedOnly && row.status !== 'published')) throw notFound('incident', publicId);
  const [base] = await presentMany(db, [row]);
  const [claims, strikes, assessments, victims, responses] = await Promise.all([
    incidentRepository.claimsWithSources(db, row.id),
    incidentRepository.strikesNearby(db, row.id),
    incidentRepository.assessments(db, [row.id]),
    victimRepository.byIncident(db, row.id),
    responseRepository.byIncident(db, row.id),
  ]);
  const history = await incidentRepository.assessmentHistory(db, assessments.map((a) => a.id));
  // A hidden date or place stays hidden in what would give it away: the claims' own periods and
  // places, and the declared strikes matched by distance and day.
  const dateShown = incidentFieldsPublic(row.field_visibility, ['date']);
  const placeShown = incidentFieldsPublic(row.field_visibility, ['place']);
  return {
    ...base,
    claims: claims.map((c) => ({
      id: c.id, type: c.type, claimant: c.claimant_norm ?? c.claimant, outcome: c.outcome, population: c.population,
      min: c.min, max: c.max, qualifier: c.qualifier,
      period: dateShown ? { start: c.period_start, end: c.period_end, precision: c.date_precision } : { start: null, end: null, precision: null },
      place: placeShown ? { text: c.place_text, precision: c.place_precision } : { text: null, precision: null },
      stance: c.stance, quote: redactText(c.quote), span: [c.span_start, c.span_end] as [number, number],
      source: {
        id: c.source_id, title: c.source_title, publisher: c.source_publisher, url: c.source_url, sha256: c.source_sha256,
        capturedAt: c.source_captured_at.toISOString(), type: c.source_type, language: c.source_language, publishedOn: c.source_published_on,
      },
    })),
    strikesNearby: (dateShown && placeShown ? strikes : []).map((s) => ({
      id: s.id, releaseDate: s.release_date, place: s.place_text, strikes: s.strikes, line: s.line,
      dayGap: s.day_gap, distanceKm: s.distance_km, score: s.score, assigned: s.assigned,
    })),
    // Names only of victims approved for publication; otherwise counts by population.
    victims: presentIncidentVictimsPublic(row.public_id, victims),
    responses: responses.map((r) => ({ ...presentResponsePublic(r), description: redactText(r.description) })),
    assessmentHistory: history.map((h) => ({
      belligerent: assessments.find((a) => a.id === h.assessment_id)?.belligerent ?? '',
      version: h.version, status: h.status, reason: redactText(h.reason), reasonGiven: h.reason_given, assessedOn: h.assessed_on,
      recordedAt: h.recorded_at.toISOString(), changeReason: h.change_reason,
    })),
  };
}

export type IncidentDetail = Awaited<ReturnType<typeof getIncidentDetail>>;

/** Streams incidents as CSV (RFC 4180, CRLF) or HXL-tagged CSV, a page at a time: constant memory. */
export async function* exportCsv(db: Kysely<Database>, f: IncidentFilter, opts: { hxl: boolean; bom: boolean }): AsyncGenerator<string> {
  if (opts.bom) yield '\uFEFF';
  yield csvLine(INCIDENT_COLUMNS.map((c) => c.name));
  if (opts.hxl) yield csvLine(INCIDENT_COLUMNS.map((c) => c.hxl));
  for await (const rows of incidentRepository.stream(db, f)) {
    const page = await presentMany(db, rows);
    yield page.map((i) => csvLine(INCIDENT_COLUMNS.map((c) => c.value(i)))).join('');
  }
}

/** Streams an RFC 7946 FeatureCollection. */
export async function* exportGeoJson(db: Kysely<Database>, f: IncidentFilter): AsyncGenerator<string> {
  yield '{"type":"FeatureCollection","features":[';
  let first = true;
  for await (const rows of incidentRepository.stream(db, f)) {
    const page = await presentMany(db, rows);
    const text = page.map((i) => JSON.stringify(geoJsonFeature(i))).join(',');
    yield first ? text : `,${text}`;
    first = false;
  }
  yield ']}';
}
