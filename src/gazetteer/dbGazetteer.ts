/**
 * The gazetteer built from the database (`places`, `place_names`, COD-AB polygons in
 * `places.geometry`), cached per process and rebuilt when an import has written places (in this
 * process or, on PostgreSQL, in another one: a cheap fingerprint query decides).
 */
import type { Kysely } from 'kysely';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Database } from '../db/types.ts';
import { Gazetteer, vendoredGazetteer } from './gazetteer.ts';
import { loadCodAb } from './loaders.ts';
import { rowToRecord } from './placeRows.ts';
import { placeRepository } from './repository.ts';
import { BoundaryIndex, makeBoundary } from './reverse.ts';
import type { Boundary } from './reverse.ts';
import type { PlaceName, PlaceRecord } from './types.ts';

const LEVEL: Record<string, 1 | 2 | 3> = { governorate: 1, district: 2, subdistrict: 3 };

interface Entry {
  stamp: string;
  gazetteer: Promise<Gazetteer>;
}

const cache = new WeakMap<object, Entry>();
const byDbId = new WeakMap<Gazetteer, Map<number, PlaceRecord>>();
let vendoredBoundaryIndex: BoundaryIndex | null = null;

/** The COD-AB boundaries of the vendored files, loaded once per process. */
export function vendoredBoundaries(): BoundaryIndex {
  vendoredBoundaryIndex ??= new BoundaryIndex(loadCodAb().boundaries);
  return vendoredBoundaryIndex;
}

async function build(db: Kysely<Database>): Promise<Gazetteer> {
  const [rows, nameRows] = await Promise.all([placeRepository.allPlaces(db), placeRepository.allNames(db)]);
  const names = new Map<number, PlaceName[]>();
  for (const n of nameRows) {
    const id = Number(n.place_id);
    const list = names.get(id) ?? [];
    list.push({ text: n.name, script: (n.script ?? 'other') as PlaceName['script'], lang: n.lang ?? 'und', source: n.source ?? '' });
    names.set(id, list);
  }
  const records: PlaceRecord[] = [];
  const boundaries: Boundary[] = [];
  for (const r of rows) {
    const rec = rowToRecord(r, names.get(Number(r.id)) ?? []);
    records.push(rec);
    const level = LEVEL[r.feature_type];
    if (rec.geometry && level && rec.pcode) {
      const feature: Feature<Polygon | MultiPolygon> = { type: 'Feature', properties: {}, geometry: rec.geometry };
      boundaries.push(makeBoundary({ country: rec.country, level, name: rec.name, nameAr: rec.nameAr, pcode: rec.pcode, feature }));
    }
  }
  const g = new Gazetteer(boundaries.length ? new BoundaryIndex(boundaries) : vendoredBoundaries()).add(records);
  byDbId.set(g, new Map(g.places.filter((p) => p.dbId !== undefined).map((p) => [p.dbId!, p])));
  return g;
}

/**
 * The in-memory gazetteer (names, trigram index, boundary index) of everything in the `places`
 * tables. Cached per database handle; rebuilt when the tables' fingerprint changed. Without
 * COD-AB polygons in the database the vendored boundaries are used for reverse geocoding.
 * Pass a transaction to read inside it (not cached).
 */
export async function loadGazetteerFromDb(db: Kysely<Database>): Promise<Gazetteer> {
  if (db.isTransaction) return build(db);
  const stamp = await placeRepository.stamp(db);
  const hit = cache.get(db);
  if (hit && hit.stamp === stamp) return hit.gazetteer;
  const gazetteer = build(db);
  cache.set(db, { stamp, gazetteer });
  void gazetteer.catch(() => cache.delete(db));
  return gazetteer;
}

/**
 * The gazetteer the server answers with: the database's, or the vendored one while the `places`
 * table is empty (demo data not loaded).
 */
export async function serverGazetteer(db: Kysely<Database>): Promise<Gazetteer> {
  const g = await loadGazetteerFromDb(db);
  return g.places.length > 0 ? g : vendoredGazetteer();
}

/** Forgets the cached gazetteer of a database handle (called after every import that wrote). */
export function invalidateGazetteerCache(db: Kysely<Database>): void {
  cache.delete(db);
}

/** The record of a `places.id` in a database-loaded gazetteer. */
export function placeByDbId(g: Gazetteer, id: number): PlaceRecord | undefined {
  return byDbId.get(g)?.get(id);
}

