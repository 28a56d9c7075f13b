/**
 * Imports places into `places` + `place_names`: place-list CSVs (streamed) and the vendored
 * COD-AB + GeoNames data. Idempotent by `(source, source_ref)` + content hash; transactional
 * batches, each with one audit event; bad rows reported per row, good rows still load.
 */
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/service.ts';
import type { Database } from '../db/types.ts';
import { inputError } from '../errors.ts';
import { readCsv, readCsvHeader } from '../lib/csv.ts';
import { assertReadableFile, fileSha256 } from '../lib/files.ts';
import { importRunRepository } from '../lib/importRuns.ts';
import type { CountryCode } from '../model/vocabulary.ts';
import { vendorPath } from '../shared-data.ts';
import { invalidateGazetteerCache, vendoredBoundaries } from './dbGazetteer.ts';
import { loadCodAb, loadGeoNames, pickColumn, placeFromRow, VENDOR_FILES } from './loaders.ts';
import { listIdentity, nameRows, placeContentHash, placeRow, rowWarnings, vendoredSourceRef } from './placeRows.ts';
import type { PlaceWarning } from './placeRows.ts';
import { placeRepository } from './repository.ts';
import { BoundaryIndex } from './reverse.ts';
import type { PlaceRecord } from './types.ts';

/** A rejected input row: line, field, value and why. */
export interface PlaceRejection {
  row: number;
  ok: false;
  field: string;
  value: string;
  reason: string;
  /** File or vendored source the row came from. */
  file: string;
}

/** Options of a place import. */
export interface PlaceImportProps {
  /** Who imports: 'cli:<user>', 'system:demo' … */
  actor: string;
  /** Why; recorded on every audit event of the import. */
  reason?: string;
  /** Validate and compare with the database without writing anything. */
  dryRun?: boolean;
  /** Places per transaction (default 500). */
  batchSize?: number;
  /** Called after each batch with the rows read so far. */
  onProgress?: (rowsRead: number) => void;
}

/** Summary of a place import. */
export interface PlaceImportResult {
  file: string;
  fileSha256: string;
  source: string;
  dryRun: boolean;
  read: number;
  imported: number;
  unchanged: number;
  updated: number;
  rejected: PlaceRejection[];
  warnings: PlaceWarning[];
}

interface Pending {
  row: number;
  source: string;
  ref: string;
  place: PlaceRecord;
  hash: string;
}

const COLUMN_SETS: [string, string[]][] = [
  ['name_en or name_ar', ['name_en', 'name_ar', 'location_en', 'location_ar', 'name']],
  ['lat', ['lat', 'latitude']],
  ['lon', ['lon', 'longitude', 'lng']],
];

function fieldValue(values: Record<string, string>, field: string): string {
  if (field === 'latitude' || field === 'longitude') return `${pickColumn(values, 'lat', 'latitude')}, ${pickColumn(values, 'lon', 'longitude', 'lng')}`;
  if (field === 'precision') return pickColumn(values, 'precision', 'geoloc_precision');
  return pickColumn(values, 'name_en', 'location_en', 'name', 'name_ar', 'location_ar');
}

/** Imports one place-list CSV (`name_en, name_ar, lat, lon, precision …` or the Airwars shape). */
export async function importPlaceList(
  db: Kysely<Database>,
  props: PlaceImportProps & { file: string; source?: string; country?: CountryCode },
): Promise<PlaceImportResult> {
  const { file } = props;
  await assertReadableFile(file);
  const header = await readCsvHeader(file);
  const missing = COLUMN_SETS.filter(([, cols]) => !cols.some((c) => header.includes(c))).map(([label]) => label);
  if (missing.length) throw inputError('INPUT_INVALID', `not a place list CSV: missing column(s) ${missing.join(', ')}`, { file, row: 1 });
  const source = props.source?.trim() || basename(file);
  const sha = await fileSha256(file);
  const boundaries = vendoredBoundaries();
  const run = new Run(db, props, { file: basename(file), sha, source });
  const seen = new Map<string, number>();
  return run.execute(async (emit) => {
    for await (const rec of readCsv(file)) {
      const r = run.result;
      r.read++;
      if (rec.shapeError) { r.rejected.push({ row: rec.line, ok: false, field: '(row)', value: '', reason: rec.shapeError, file: r.file }); continue; }
      const res = placeFromRow(rec.values, rec.line, source, { boundaries, ...(props.country ? { country: props.country } : {}) });
      if (!res.ok) { r.rejected.push({ ...res, value: fieldValue(rec.values, res.field), file: r.file }); continue; }
      r.warnings.push(...rowWarnings(rec.line, res.place, rec.values, boundaries, !!props.country));
      const id = listIdentity(res.place);
      const n = (seen.get(id) ?? 0) + 1;
      seen.set(id, n);
      const ref = n === 1 ? id : `${id}~${n}`;
      await emit({ row: rec.line, source, ref, place: { ...res.place, id: `list:${source}:${ref}` }, hash: placeContentHash(res.place) });
    }
  });
}

/** Imports the vendored COD-AB areas (with their polygons) and the GeoNames extract. */
export async function importVendoredPlaces(db: Kysely<Database>, props: PlaceImportProps): Promise<PlaceImportResult> {
  const files = [...VENDOR_FILES.iraq, ...VENDOR_FILES.syria, VENDOR_FILES.geonames];
  const shas = await Promise.all(files.map((f) => fileSha256(vendorPath('gazetteer', f))));
  const run = new Run(db, props, { file: 'vendor/gazetteer', sha: shas.join(':'), source: 'cod-ab+geonames' });
  return run.execute(async (emit) => {
    const cod = loadCodAb();
    const index = new BoundaryIndex(cod.boundaries);
    let row = 0;
    for (const p of cod.places) {
      run.result.read++;
      await emit({ row: ++row, source: 'cod-ab', ref: vendoredSourceRef(p), place: p, hash: placeContentHash(p) });
    }
    for (const r of loadGeoNames(undefined, index)) {
      run.result.read++;
      if (!r.ok) { run.result.rejected.push({ ...r, value: '', file: VENDOR_FILES.geonames }); continue; }
      await emit({ row: r.row, source: 'geonames', ref: vendoredSourceRef(r.place), place: r.place, hash: placeContentHash(r.place) });
    }
  });
}

/** One import run: batching, import-run bookkeeping, cache invalidation. */
class Run {
  readonly result: PlaceImportResult;
  private batch: Pending[] = [];
  private readonly batchSize: number;
  private readonly reason: string;

  constructor(private readonly db: Kysely<Database>, private readonly props: PlaceImportProps, meta: { file: string; sha: string; source: string }) {
    this.result = {
      file: meta.file, fileSha256: meta.sha, source: meta.source, dryRun: !!props.dryRun,
      read: 0, imported: 0, unchanged: 0, updated: 0, rejected: [], warnings: [],
    };
    this.batchSize = props.batchSize ?? 500;
    this.reason = props.reason ?? `import of places from ${meta.file}`;
  }

  async execute(produce: (emit: (p: Pending) => Promise<void>) => Promise<void>): Promise<PlaceImportResult> {
    const r = this.result;
    const runId = r.dryRun ? null : await importRunRepository.start(this.db, { kind: 'places', file_name: r.file, file_sha256: r.fileSha256, actor: this.props.actor });
    const emit = async (p: Pending): Promise<void> => {
      this.batch.push(p);
      if (this.batch.length >= this.batchSize) await this.flush();
    };
    try {
      await produce(emit);
      await this.flush();
      if (runId != null) await importRunRepository.finish(this.db, runId, { ...r, rejected: r.rejected.length, status: 'finished' });
    } catch (err) {
      if (runId != null) await importRunRepository.finish(this.db, runId, { ...r, rejected: r.rejected.length, status: 'failed' });
      throw err;
    } finally {
      if (!r.dryRun) invalidateGazetteerCache(this.db);
    }
    return r;
  }

  private async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const current = this.batch;
    this.batch = [];
    const out = this.result.dryRun ? await compareOnly(this.db, current) : await writeBatch(this.db, current, { actor: this.props.actor, reason: this.reason, file: this.result.file, sha: this.result.fileSha256 });
    this.result.imported += out.imported;
    this.result.updated += out.updated;
    this.result.unchanged += out.unchanged;
    this.props.onProgress?.(this.result.read);
  }
}

interface BatchOutcome { imported: number; updated: number; unchanged: number }

async function existing(db: Kysely<Database>, batch: Pending[]): Promise<Map<string, { id: number; hash: string | null }>> {
  const out = new Map<string, { id: number; hash: string | null }>();
  for (const source of new Set(batch.map((b) => b.source))) {
    const rows = await placeRepository.findByRefs(db, source, batch.filter((b) => b.source === source).map((b) => b.ref));
    for (const r of rows) out.set(`${source}\u0000${r.source_ref}`, { id: Number(r.id), hash: r.content_sha256 });
  }
  return out;
}

async function compareOnly(db: Kysely<Database>, batch: Pending[]): Promise<BatchOutcome> {
  const have = await existing(db, batch);
  const out: BatchOutcome = { imported: 0, updated: 0, unchanged: 0 };
  for (const b of batch) {
    const e = have.get(`${b.source}\u0000${b.ref}`);
    if (!e) out.imported++;
    else if (e.hash === b.hash) out.unchanged++;
    else out.updated++;
  }
  return out;
}

async function writeBatch(db: Kysely<Database>, batch: Pending[], meta: { actor: string; reason: string; file: string; sha: string }): Promise<BatchOutcome> {
  return db.transaction().execute(async (tx) => {
    const have = await existing(tx, batch);
    const fresh: Pending[] = [];
    const changed: { b: Pending; id: number; before: string | null }[] = [];
    let unchanged = 0;
    for (const b of batch) {
      const e = have.get(`${b.source}\u0000${b.ref}`);
      if (!e) fresh.push(b);
      else if (e.hash === b.hash) unchanged++;
      else changed.push({ b, id: e.id, before: e.hash });
    }
    const ids = await placeRepository.insertMany(tx, fresh.map((f) => placeRow(f.place, f.source, f.ref, f.hash)));
    for (const c of changed) await placeRepository.update(tx, c.id, placeRow(c.b.place, c.b.source, c.b.ref, c.b.hash));
    await placeRepository.deleteNames(tx, changed.map((c) => c.id));
    await placeRepository.insertNames(tx, [
      ...fresh.flatMap((f, i) => nameRows(f.place, ids[i])),
      ...changed.flatMap((c) => nameRows(c.b.place, c.id)),
    ]);
    if (fresh.length + changed.length > 0) {
      await recordAudit({ actor: meta.actor, reason: meta.reason, tx }, {
        action: 'places.imported',
        targetType: 'place',
        targetId: null,
        after: {
          file: meta.file,
          file_sha256: meta.sha,
          inserted: fresh.map((f, i) => ({ id: ids[i], row: f.row, source: f.source, ref: f.ref, content_sha256: f.hash })),
          updated: changed.map((c) => ({ id: c.id, row: c.b.row, source: c.b.source, ref: c.b.ref, before_sha256: c.before, content_sha256: c.b.hash })),
        },
      });
    }
    return { imported: fresh.length, updated: changed.length, unchanged };
  });
}
