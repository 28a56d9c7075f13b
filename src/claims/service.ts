/** Reads of the public claims collection: pages, one claim, streamed exports. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { notFound } from '../errors.ts';
import { decodeIncidentCursor, encodeIncidentCursor } from '../incidents/service.ts';
import { csvExport, geoJsonExport } from '../lib/exports.ts';
import { CLAIM_COLUMNS, claimFeature, presentClaim, type ClaimJson } from './presenters.ts';
import { claimRepository, type ClaimFilter, type PublicClaimRow } from './repository.ts';

/**
 * One page of public claims, newest period first, with the number matching: exact up to 10,000,
 * beyond that a lower bound (`totalExact: false`).
 */
export async function listClaims(db: Kysely<Database>, f: ClaimFilter, cursor: string | undefined, limit: number): Promise<{ data: ClaimJson[]; next: string | null; total: number; totalExact: boolean }> {
  const rows = await claimRepository.list(db, f, cursor ? decodeIncidentCursor(cursor) : null, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const count = await claimRepository.count(db, f);
  return {
    data: page.map(presentClaim),
    next: rows.length > limit && last ? encodeIncidentCursor({ date: last.period_start, id: last.id }) : null,
    total: count.n,
    totalExact: count.exact,
  };
}

/** One public claim; 404 when it does not exist or the public may not see it. */
export async function getClaim(db: Kysely<Database>, id: number): Promise<ClaimJson> {
  const row = await claimRepository.byId(db, id);
  if (!row) throw notFound('claim', id);
  return presentClaim(row);
}

async function* presentedPages(db: Kysely<Database>, f: ClaimFilter): AsyncGenerator<ClaimJson[]> {
  for await (const rows of claimRepository.stream(db, f)) yield rows.map((r: PublicClaimRow) => presentClaim(r));
}

/** Streams the matching claims as CSV (RFC 4180, CRLF) or HXL-tagged CSV, in id order. */
export function exportClaimsCsv(db: Kysely<Database>, f: ClaimFilter, opts: { hxl: boolean; bom: boolean }): AsyncGenerator<string> {
  return csvExport(CLAIM_COLUMNS, presentedPages(db, f), opts);
}

/** Streams the matching claims as an RFC 7946 FeatureCollection, in id order. */
export function exportClaimsGeoJson(db: Kysely<Database>, f: ClaimFilter): AsyncGenerator<string> {
  return geoJsonExport(presentedPages(db, f), claimFeature);
}
