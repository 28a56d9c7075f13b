/** Reads of the public assessments collection: pages and streamed exports. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { decodeIncidentCursor, encodeIncidentCursor } from '../incidents/service.ts';
import { csvExport, geoJsonExport } from '../lib/exports.ts';
import { ASSESSMENT_COLUMNS, assessmentFeature, presentPublicAssessment, type PublicAssessment } from './collectionPresenters.ts';
import { assessmentCollectionRepository, type AssessmentFilter } from './collectionRepository.ts';

/**
 * One page of current assessments on published incidents, latest determination first, with the
 * number matching: exact up to 10,000, beyond that a lower bound (`totalExact: false`).
 */
export async function listAssessments(db: Kysely<Database>, f: AssessmentFilter, cursor: string | undefined, limit: number): Promise<{ data: PublicAssessment[]; next: string | null; total: number; totalExact: boolean }> {
  const rows = await assessmentCollectionRepository.list(db, f, cursor ? decodeIncidentCursor(cursor) : null, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const count = await assessmentCollectionRepository.count(db, f);
  return {
    data: page.map(presentPublicAssessment),
    next: rows.length > limit && last ? encodeIncidentCursor({ date: last.assessed_on, id: last.id }) : null,
    total: count.n,
    totalExact: count.exact,
  };
}

async function* presentedPages(db: Kysely<Database>, f: AssessmentFilter): AsyncGenerator<PublicAssessment[]> {
  for await (const rows of assessmentCollectionRepository.stream(db, f)) yield rows.map(presentPublicAssessment);
}

/** Streams the matching assessments as CSV (RFC 4180, CRLF) or HXL-tagged CSV, in id order. */
export function exportAssessmentsCsv(db: Kysely<Database>, f: AssessmentFilter, opts: { hxl: boolean; bom: boolean }): AsyncGenerator<string> {
  return csvExport(ASSESSMENT_COLUMNS, presentedPages(db, f), opts);
}

/** Streams the matching assessments as an RFC 7946 FeatureCollection, in id order. */
export function exportAssessmentsGeoJson(db: Kysely<Database>, f: AssessmentFilter): AsyncGenerator<string> {
  return geoJsonExport(presentedPages(db, f), assessmentFeature);
}
