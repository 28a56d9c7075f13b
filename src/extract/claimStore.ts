import type { Tx } from '../audit/context.ts';
import type { Insertable } from 'kysely';
import type { ClaimsTable } from '../db/types.ts';
import { PLACE_PRECISIONS } from '../model/vocabulary.ts';
import { extractClaims } from './extract.ts';
import type { Claim, ExtractOptions } from './types.ts';

export interface StoreClaimsProps extends ExtractOptions {
  sourceId: number;
  /** The text the spans refer to (stored as the source's text or clean text). */
  text: string;
  /** Which stored text the spans index: 'text' (the original) or 'clean_text'. */
  basis: 'text' | 'clean_text';
  /** Maps a span of `text` back to the original bytes' text, when basis is clean_text. */
  toOriginal?: (start: number, end: number) => { start: number; end: number } | null;
}

const clip = (s: string, n: number): string => (s.length > n ? s.slice(0, n) : s);

function toRow(c: Claim, p: StoreClaimsProps): Insertable<ClaimsTable> {
  const place = c.places.find((x) => x.match) ?? c.places[0];
  const m = place?.match;
  const precision = typeof m?.precision === 'string' && (PLACE_PRECISIONS as string[]).includes(m.precision) ? m.precision : null;
  const original = p.basis === 'clean_text' && p.toOriginal ? p.toOriginal(c.span[0], c.span[1]) : null;
  return {
    source_id: p.sourceId,
    type: c.type,
    claimant: c.claimant ? clip(c.claimant.text, 500) : null,
    claimant_norm: c.claimant?.normalised ?? null,
    actor_text: c.actor ? clip(c.actor.text, 500) : null,
    actor_norm: c.actor?.normalised ?? null,
    attribution: c.actor ? 'alleged' : null,
    outcome: c.outcome,
    population: c.population,
    min: c.min,
    max: c.max,
    qualifier: c.qualifier,
    period_start: c.period?.start ?? null,
    period_end: c.period?.end ?? null,
    date_precision: c.period?.precision ?? null,
    period_text: c.period?.text ?? null,
    place_text: place ? clip(place.text, 500) : null,
    place_id: typeof m?.id === 'number' ? m.id : null,
    place_precision: precision,
    lat: typeof m?.lat === 'number' ? m.lat : null,
    lon: typeof m?.lon === 'number' ? m.lon : null,
    stance: c.stance,
    quote: c.quote,
    span_start: c.span[0],
    span_end: c.span[1],
    origin: 'extracted',
    attributes: JSON.stringify({
      basis: p.basis,
      ...(original ? { original } : {}),
      places: c.places.map((x) => x.text),
      headline: c.headline,
      sentence: c.sentence,
    }),
  };
}

/**
 * Extracts the claims of a source's text and stores them linked to it, each with its quote and
 * span; a claim that repeats another (a headline and its body sentence) points at it with
 * `same_as_id` instead of counting twice. Runs in the caller's transaction (whose audit event
 * covers the source), and returns the new claim ids.
 */
export async function storeExtractedClaims(tx: Tx, p: StoreClaimsProps): Promise<number[]> {
  const { claims } = extractClaims(p.text, {
    ...(p.published ? { published: p.published } : {}), ...(p.lang ? { lang: p.lang } : {}), ...(p.geocode ? { geocode: p.geocode } : {}),
  });
  const ids: number[] = new Array<number>(claims.length);
  // Canonical claims first, so duplicates can point at them.
  const order = claims.map((_, i) => i).sort((a, b) => Number(claims[a].duplicateOf !== null) - Number(claims[b].duplicateOf !== null));
  for (const i of order) {
    const c = claims[i];
    const row = toRow(c, p);
    if (c.duplicateOf !== null && ids[c.duplicateOf] !== undefined) row.same_as_id = ids[c.duplicateOf];
    const r = await tx.insertInto('claims').values(row).returning('id').executeTakeFirstOrThrow();
    ids[i] = r.id;
  }
  return ids;
}
