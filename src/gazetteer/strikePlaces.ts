/**
 * Places of declared strikes: every release line whose place text ("Near Raqqa", "Abu Kamal")
 * geocodes in the strike's country gets lat, lon, place_precision and place_id, in one audited
 * batch update. Lines that already have a coordinate are left alone unless `overwrite`.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/service.ts';
import type { Tx } from '../audit/context.ts';
import type { Database } from '../db/types.ts';
import { loadGazetteerFromDb, serverGazetteer } from './dbGazetteer.ts';
import { vendoredGazetteer } from './gazetteer.ts';
import type { Gazetteer } from './gazetteer.ts';
import { geocode } from './geocode.ts';
import { placeRepository } from './repository.ts';
import type { StrikePlaceFix } from './repository.ts';

/** Options of {@link geocodeStrikePlaces}. */
export interface StrikePlaceOptions {
  /** Gazetteer to use (default: the database's; the vendored one while `places` is empty). */
  gazetteer?: Gazetteer;
  /** Lowest candidate score accepted (default 0.8). */
  minScore?: number;
  /** Also re-geocode lines that already have a coordinate. */
  overwrite?: boolean;
}

/** What {@link geocodeStrikePlaces} did. */
export interface StrikePlaceResult {
  /** Lines considered (without a coordinate, or all with `overwrite`). */
  lines: number;
  /** Distinct (place text, country) pairs among them. */
  placeTexts: number;
  /** Pairs that geocoded. */
  resolvedTexts: number;
  /** Lines updated. */
  updated: number;
  /** Place texts that did not geocode, most lines first (at most 50). */
  unresolved: { place_text: string; country: string; lines: number }[];
}

/**
 * Geocodes the place texts of declared strikes (country = the strike's country) and writes the
 * best candidate's coordinate, precision and `places.id` to every line with that text, with one
 * `strikes.geocoded` audit event. With `ctx.tx` everything happens inside the caller's
 * transaction; without it, in a transaction of its own on `db`.
 */
export async function geocodeStrikePlaces(
  ctx: { actor: string; reason: string; tx?: Tx },
  db: Kysely<Database>,
  opts: StrikePlaceOptions = {},
): Promise<StrikePlaceResult> {
  const reader: Kysely<Database> = ctx.tx ?? db;
  let g = opts.gazetteer;
  if (!g) g = ctx.tx ? await loadGazetteerFromDb(ctx.tx) : await serverGazetteer(db);
  if (g.places.length === 0) g = vendoredGazetteer();
  const gazetteer = g;
  const texts = await placeRepository.strikePlaceTexts(reader, { all: !!opts.overwrite });
  const min = opts.minScore ?? 0.8;
  const fixes: (StrikePlaceFix & { score: number; placeKey: string; lines: number })[] = [];
  const unresolved: StrikePlaceResult['unresolved'] = [];
  for (const t of texts) {
    const c = geocode(t.place_text, { gazetteer, country: t.country, limit: 1 })[0];
    if (!c || c.score < min) { unresolved.push(t); continue; }
    fixes.push({
      place_text: t.place_text, country: t.country, lat: c.lat, lon: c.lon, precision: c.precision,
      place_id: gazetteer.get(c.placeId)?.dbId ?? null, score: c.score, placeKey: c.placeId, lines: t.lines,
    });
  }
  const write = async (tx: Tx): Promise<number> => {
    const ids = await placeRepository.setStrikePlaces(tx, fixes, { all: !!opts.overwrite });
    if (ids.length > 0) {
      await recordAudit({ actor: ctx.actor, reason: ctx.reason, tx }, {
        action: 'strikes.geocoded',
        targetType: 'declared_strike',
        targetId: null,
        after: {
          lines: ids.length,
          ids,
          places: fixes.map((f) => ({ place_text: f.place_text, country: f.country, place_id: f.place_id, place: f.placeKey, lat: f.lat, lon: f.lon, precision: f.precision, score: f.score })),
        },
      });
    }
    return ids.length;
  };
  const updated = ctx.tx ? await write(ctx.tx) : await db.transaction().execute(write);
  unresolved.sort((a, b) => b.lines - a.lines || a.place_text.localeCompare(b.place_text));
  return {
    lines: texts.reduce((a, t) => a + t.lines, 0),
    placeTexts: texts.length,
    resolvedTexts: fixes.length,
    updated,
    unresolved: unresolved.slice(0, 50),
  };
}
