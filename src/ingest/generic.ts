/**
 * Generic CSV with a JSON mapping file → dataset claims. Header = row 1, first data row = row 2.
 *
 * Mapping file:
 * ```json
 * {
 *   "claimant": "Local monitoring group",          // required: who the rows are claims of
 *   "columns": { "Date": "date", "Killed": "killed_max", "Killed (min)": "killed_min",
 *                "Children killed": "children_killed", "Town": "place", "Lat": "latitude", "Lon": "longitude" },
 *   "dateFormat": "DD/MM/YYYY",                     // auto | YYYY-MM-DD | DD/MM/YYYY | MM/DD/YYYY | YYYYMMDD | D MMMM YYYY
 *   "delimiter": ",",                               // optional, one character
 *   "defaults": { "country": "SY", "population": "civilians", "date_precision": "day", "place_precision": "village" }
 * }
 * ```
 * Target fields are listed in ./tabular.ts. Columns not named in `columns` are kept verbatim as
 * attributes (never dropped); a mapped column missing from the header is a header error (row 1).
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { inputError } from '../errors.ts';
import { DATE_PRECISIONS, PLACE_PRECISIONS, POPULATIONS } from '../model/vocabulary.ts';
import { mapTable } from './csv.ts';
import { DATE_FORMATS } from './fields.ts';
import { provenanceBase } from './hash.ts';
import type { PlacePrecision } from '../model/vocabulary.ts';
import type { DateFormat } from './fields.ts';
import type { Cell, ClaimDefaults, Target } from './tabular.ts';
import { buildClaim, parseTarget } from './tabular.ts';
import type { DatasetClaim, IngestInput, IngestWarning, ParseOptions, RowOutcome } from './types.ts';

const targetName = z.string().refine((s) => parseTarget(s) != null, { message: 'not a target field (see src/ingest/tabular.ts)' });

/** Schema of a mapping file. */
export const mappingSchema = z.object({
  claimant: z.string().min(1),
  columns: z.record(z.string(), targetName),
  dateFormat: z.enum(DATE_FORMATS as [string, ...string[]]).default('auto'),
  delimiter: z.string().length(1).optional(),
  defaults: z.object({
    country: z.string().optional(),
    population: z.enum(POPULATIONS).optional(),
    date_precision: z.enum(DATE_PRECISIONS).optional(),
    place_precision: z.enum(PLACE_PRECISIONS as [string, ...string[]]).optional(),
    event_type: z.string().optional(),
  }).strict().default({}),
}).strict();

export type CsvMapping = z.infer<typeof mappingSchema>;

/** Validates a mapping object; throws INPUT_INVALID naming the mapping file and the bad key. */
export function parseMapping(raw: unknown, file = 'mapping'): CsvMapping {
  const r = mappingSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw inputError('INPUT_INVALID', `mapping ${issue.path.join('.') || '(root)'}: ${issue.message}`, { file, field: issue.path.join('.') });
  }
  return r.data;
}

/** Reads and validates a mapping file. */
export async function readMapping(path: string): Promise<CsvMapping> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw inputError('INPUT_INVALID', `cannot read mapping: ${err instanceof Error ? err.message : String(err)}`, { file: path });
  }
  return parseMapping(json, path);
}

/** Streams a CSV through a mapping as dataset claims. */
export async function* parseMappedCsv(input: IngestInput, mapping: CsvMapping, options: ParseOptions = {}): AsyncGenerator<RowOutcome<DatasetClaim>> {
  const base = await provenanceBase(input, options, 'csv');
  const now = options.now ?? new Date();
  const targets = new Map<string, Target>(Object.entries(mapping.columns).map(([c, t]) => [c, parseTarget(t)!]));
  const d = mapping.defaults;
  const defaults: ClaimDefaults = { claimant: mapping.claimant, population: d.population ?? 'unknown' };
  if (d.country) defaults.country = d.country;
  if (d.date_precision) defaults.date_precision = d.date_precision;
  if (d.place_precision) defaults.place_precision = d.place_precision as PlacePrecision;
  if (d.event_type) defaults.event_type = d.event_type;
  const dateFormat = mapping.dateFormat as DateFormat;
  yield* mapTable<DatasetClaim>(input, {
    file: base.file,
    required: [...targets.keys()],
    ...(mapping.delimiter ? { delimiter: mapping.delimiter } : {}),
    mapRow(v, ctx) {
      const warnings: IngestWarning[] = [];
      const cells: Cell[] = [];
      const attributes: Record<string, string> = {};
      for (const [column, value] of Object.entries(v)) {
        const target = targets.get(column);
        if (target) cells.push({ column, target, value });
        else if (value !== '') attributes[column] = value;
      }
      for (const [k, val] of Object.entries(ctx.extras)) if (!targets.has(k)) attributes[k] = val;
      const record = buildClaim(cells, attributes, defaults, dateFormat, now, { ...base, row: ctx.row }, warnings);
      return { record, warnings };
    },
  });
}
