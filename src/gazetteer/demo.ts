/**
 * Demo data of the gazetteer context: the vendored COD-AB areas and GeoNames places, loaded on
 * first start beside the strike demo (src/strikes/demo.ts).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { importVendoredPlaces } from './placeImporter.ts';
import type { PlaceImportResult } from './placeImporter.ts';
import { placeRepository } from './repository.ts';

/** What {@link loadVendoredPlaces} did. */
export interface VendoredPlacesResult {
  /** False when the `places` table already held places (nothing was read). */
  loaded: boolean;
  result: PlaceImportResult | null;
}

/**
 * Loads the vendored COD-AB (Iraq adm1–3 with polygons, Syria adm1) and GeoNames places into an
 * empty `places` table; does nothing when it holds any place, so a restart never re-imports.
 * Audited as `system:demo`. Takes about a second on PGlite.
 */
export async function loadVendoredPlaces(db: Kysely<Database>, opts: { force?: boolean } = {}): Promise<VendoredPlacesResult> {
  if (!opts.force && !(await placeRepository.isEmpty(db))) return { loaded: false, result: null };
  const result = await importVendoredPlaces(db, { actor: 'system:demo', reason: 'bundled demo data: COD-AB boundaries and GeoNames places', batchSize: 1000 });
  return { loaded: true, result };
}
