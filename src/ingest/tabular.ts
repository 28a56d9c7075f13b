/**
 * Target fields shared by the generic mapped-CSV and HXL parsers, and the row → claim builder.
 *
 * Scalar targets: `id`, `date`, `date_end`, `date_precision` (day|span|week|month|year),
 * `place`, `country`, `admin1`, `admin2`, `admin3`, `latitude`, `longitude`,
 * `place_precision` (exact … country), `actor` (may repeat: several actor columns),
 * `event_type`, `description`, `source` (the dataset's citation), `claimant` (per-row claimant),
 * `attribute` (kept under its column name, same as an unmapped column).
 * Figure targets: `<outcome>`, `<outcome>_min`, `<outcome>_max` with the default population, and
 * `<population>_<outcome>[_min|_max]`, outcome ∈ killed|injured|missing, population ∈ the model's
 * populations (civilians, children, women, men, combatants, unknown, journalists …). A bare
 * `<outcome>` sets min = max (exact); `_min`/`_max` set one bound.
 */
import type { Outcome, Population } from '../model/vocabulary.ts';
import { DATE_PRECISIONS, OUTCOMES, PLACE_PRECISIONS, POPULATIONS } from '../model/vocabulary.ts';
import type { DatePrecision, PlacePrecision } from '../model/vocabulary.ts';
import { readPoint } from './claims.ts';
import type { DateFormat } from './fields.ts';
import { RowFault, parseCount, parseDate, rangeQualifier, spanPrecision, text } from './fields.ts';
import type { DatasetClaim, Figure, IngestWarning, Provenance } from './types.ts';

export const SCALAR_TARGETS = [
  'id', 'date', 'date_end', 'date_precision', 'place', 'country', 'admin1', 'admin2', 'admin3', 'latitude', 'longitude',
  'place_precision', 'actor', 'event_type', 'description', 'source', 'claimant', 'attribute',
] as const;
export type ScalarTarget = (typeof SCALAR_TARGETS)[number];

export type Target =
  | { kind: 'scalar'; field: ScalarTarget }
  | { kind: 'figure'; outcome: Outcome; population: Population | null; bound: 'min' | 'max' | 'both' };

/** Parses a target name (see module doc); null when it is not one. */
export function parseTarget(name: string): Target | null {
  if ((SCALAR_TARGETS as readonly string[]).includes(name)) return { kind: 'scalar', field: name as ScalarTarget };
  const m = /^(?:([a-z_]+?)_)?(killed|injured|missing)(?:_(min|max))?$/.exec(name);
  if (!m) return null;
  const population = m[1] ?? null;
  if (population != null && !(POPULATIONS as readonly string[]).includes(population)) return null;
  return { kind: 'figure', outcome: m[2] as Outcome, population: population as Population | null, bound: (m[3] as 'min' | 'max' | undefined) ?? 'both' };
}

/** One mapped cell of a row. */
export interface Cell {
  column: string;
  target: Target;
  value: string;
}

/** Defaults applied when a row has no value for a target. */
export interface ClaimDefaults {
  claimant: string;
  population: Population;
  country?: string;
  date_precision?: DatePrecision;
  place_precision?: PlacePrecision;
  event_type?: string;
}

/** Builds a dataset claim from mapped cells (faults name the source column). */
export function buildClaim(
  cells: Cell[], attributes: Record<string, string>, defaults: ClaimDefaults, dateFormat: DateFormat, now: Date,
  provenance: Provenance, warnings: IngestWarning[],
): DatasetClaim {
  const scalar = new Map<ScalarTarget, Cell>();
  const actors: string[] = [];
  const ranges = new Map<string, { outcome: Outcome; population: Population; min: number | null; max: number | null; column: string }>();
  for (const c of cells) {
    const v = text(c.value);
    if (v == null) continue;
    if (c.target.kind === 'scalar') {
      const f = c.target.field;
      if (f === 'actor') actors.push(v);
      else if (f === 'attribute') attributes[c.column] = c.value;
      else if (scalar.has(f)) {
        const prev = scalar.get(f)!;
        if (text(prev.value) !== v) {
          warnings.push({ kind: 'ambiguous_value', field: c.column, value: v, message: `${f} also given by column ${prev.column} ("${prev.value}"); the first is used, this one kept as attribute` });
          attributes[c.column] = c.value;
        }
      } else scalar.set(f, c);
      continue;
    }
    const population = c.target.population ?? defaults.population;
    const key = `${c.target.outcome}/${population}`;
    const r = ranges.get(key) ?? { outcome: c.target.outcome, population, min: null, max: null, column: c.column };
    const n = parseCount(v, c.column);
    if (c.target.bound !== 'max') r.min = n;
    if (c.target.bound !== 'min') r.max = n;
    ranges.set(key, r);
  }
  const get = (f: ScalarTarget): string | null => text(scalar.get(f)?.value);
  const col = (f: ScalarTarget): string => scalar.get(f)?.column ?? f;

  const start = parseDate(get('date') ?? undefined, col('date'), now, dateFormat);
  let end = parseDate(get('date_end') ?? undefined, col('date_end'), now, dateFormat);
  if (start != null && end != null && end < start) throw new RowFault(col('date_end'), `"${end}" is before the start date ${start}`, end);
  if (end === start) end = null;
  const precisionRaw = get('date_precision')?.toLowerCase() ?? defaults.date_precision ?? null;
  if (precisionRaw != null && !(DATE_PRECISIONS as readonly string[]).includes(precisionRaw)) {
    throw new RowFault(col('date_precision'), `unknown date precision "${precisionRaw}" (${DATE_PRECISIONS.join('|')})`, precisionRaw);
  }
  const placePrecisionRaw = get('place_precision')?.toLowerCase() ?? defaults.place_precision ?? null;
  if (placePrecisionRaw != null && !(PLACE_PRECISIONS as readonly string[]).includes(placePrecisionRaw)) {
    throw new RowFault(col('place_precision'), `unknown place precision "${placePrecisionRaw}" (${PLACE_PRECISIONS.join('|')})`, placePrecisionRaw);
  }
  if (start == null) warnings.push({ kind: 'missing_date', field: col('date'), message: 'row has no date' });
  const country = get('country') ?? defaults.country ?? null;
  const point = readPoint(get('latitude') ?? undefined, get('longitude') ?? undefined, col('latitude'), col('longitude'), country, warnings);

  const figures: Figure[] = [];
  for (const r of ranges.values()) {
    if (r.min != null && r.max != null && r.min > r.max) {
      warnings.push({ kind: 'min_exceeds_max', field: r.column, value: `${r.min}>${r.max}`, message: `${r.population} ${r.outcome}: min ${r.min} exceeds max ${r.max}` });
    }
    figures.push({ outcome: r.outcome, population: r.population, min: r.min, max: r.max, qualifier: rangeQualifier(r) });
  }
  return {
    claimant: get('claimant') ?? defaults.claimant,
    externalId: get('id'),
    date: {
      start,
      end,
      precision: start == null ? null : ((precisionRaw as DatePrecision | null) ?? spanPrecision(start, end)),
    },
    place: {
      text: get('place'),
      country,
      admin1: get('admin1'),
      admin2: get('admin2'),
      admin3: get('admin3'),
      latitude: point.latitude,
      longitude: point.longitude,
      precision: placePrecisionRaw as PlacePrecision | null,
    },
    actors,
    eventType: get('event_type') ?? defaults.event_type ?? null,
    figures,
    totalKilled: null,
    description: get('description'),
    sourceText: get('source'),
    attributes,
    provenance,
  };
}

/** Outcomes, for documentation and validation messages. */
export const FIGURE_OUTCOMES = OUTCOMES;
