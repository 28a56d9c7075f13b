/**
 * UCDP Georeferenced Event Dataset (GED) CSV → claims of UCDP (claimant "UCDP GED"), following the
 * UCDP GED Codebook (versions 19.1–24.1; column names as published). Header = row 1, first event = row 2.
 *
 * Precision mapping (codebook meaning → harmwatch):
 *
 * | date_prec | codebook                               | harmwatch |
 * |-----------|----------------------------------------|-----------|
 * | 1         | exact date known                       | day       |
 * | 2         | within 2–6 days                        | span      |
 * | 3         | within a week                          | week      |
 * | 4         | within a month (8–30 days)             | month     |
 * | 5         | within a year (> 1 month)              | year      |
 *
 * | where_prec | codebook                                              | harmwatch    |
 * |------------|-------------------------------------------------------|--------------|
 * | 1          | exact location: the named village/town's coordinates  | town  (†)    |
 * | 2          | within ca. 25 km of a known point                     | district     |
 * | 3          | only the second-order admin unit (ADM2) known         | district     |
 * | 4          | only the first-order admin unit (ADM1) known          | governorate  |
 * | 5          | a linear feature / several ADM1 / larger part of one  | governorate  |
 * | 6          | only the country known                                | country      |
 * | 7          | international waters or airspace                      | country      |
 *
 * (†) UCDP's "exact location" is the point of the populated place named, not of the strike; our
 * `exact` (≤ 10 m) would overstate it, so it becomes `town` (5 km radius).
 *
 * Figures: deaths_civilians → civilians killed; deaths_a + deaths_b → combatants killed;
 * deaths_unknown → unknown killed (each UCDP's best estimate, qualifier `about`); low/best/high →
 * `totalKilled`. type_of_violence 1/2/3 → state-based / non-state / one-sided.
 */
import type { DatePrecision, PlacePrecision } from '../model/vocabulary.ts';
import { fromCode, otherColumns, readPoint } from './claims.ts';
import { mapTable } from './csv.ts';
import { RowFault, parseCode, parseCount, parseDate, text } from './fields.ts';
import { provenanceBase } from './hash.ts';
import type { DatasetClaim, Figure, IngestInput, IngestWarning, ParseOptions, RowOutcome } from './types.ts';

export const UCDP_DATE_PREC: Record<number, DatePrecision> = { 1: 'day', 2: 'span', 3: 'week', 4: 'month', 5: 'year' };
export const UCDP_WHERE_PREC: Record<number, PlacePrecision> = {
  1: 'town', 2: 'district', 3: 'district', 4: 'governorate', 5: 'governorate', 6: 'country', 7: 'country',
};
export const UCDP_VIOLENCE: Record<number, string> = { 1: 'state-based', 2: 'non-state', 3: 'one-sided' };

const REQUIRED = ['id', 'type_of_violence', 'date_start', 'date_end', 'date_prec', 'where_prec', 'best', 'latitude', 'longitude', 'country'];
const USED = new Set([
  'id', 'year', 'type_of_violence', 'side_a', 'side_b', 'where_prec', 'date_prec', 'date_start', 'date_end', 'deaths_a', 'deaths_b',
  'deaths_civilians', 'deaths_unknown', 'best', 'high', 'low', 'latitude', 'longitude', 'country', 'adm_1', 'adm_2',
  'where_coordinates', 'where_description', 'source_article',
]);

/** The claimant name UCDP rows are recorded under. */
export const UCDP_CLAIMANT = 'UCDP GED';

/** Streams a UCDP GED CSV as dataset claims. */
export async function* parseUcdp(input: IngestInput, options: ParseOptions = {}): AsyncGenerator<RowOutcome<DatasetClaim>> {
  const base = await provenanceBase(input, options, 'ucdp-ged');
  const now = options.now ?? new Date();
  yield* mapTable<DatasetClaim>(input, {
    file: base.file,
    required: REQUIRED,
    mapRow(v, ctx) {
      const warnings: IngestWarning[] = [];
      const id = text(v.id);
      if (id == null) throw new RowFault('id', 'is required');
      const violence = fromCode(UCDP_VIOLENCE, parseCode(v.type_of_violence, 'type_of_violence', 3), 'type_of_violence');
      const start = parseDate(v.date_start, 'date_start', now);
      const end = parseDate(v.date_end, 'date_end', now);
      if (start == null) throw new RowFault('date_start', 'is required');
      if (end != null && end < start) throw new RowFault('date_end', `"${end}" is before date_start ${start}`, v.date_end);
      const year = parseCount(v.year, 'year');
      if (year != null && String(year) !== start.slice(0, 4)) {
        warnings.push({ kind: 'invalid_value', field: 'year', value: v.year, message: `year ${year} differs from date_start ${start}` });
      }
      const datePrecision = fromCode(UCDP_DATE_PREC, parseCode(v.date_prec, 'date_prec', 5), 'date_prec');
      const placePrecision = fromCode(UCDP_WHERE_PREC, parseCode(v.where_prec, 'where_prec', 7), 'where_prec');
      const country = text(v.country);
      const point = readPoint(v.latitude, v.longitude, 'latitude', 'longitude', country, warnings);

      const best = parseCount(v.best, 'best');
      const low = parseCount(v.low, 'low');
      const high = parseCount(v.high, 'high');
      if (best == null) throw new RowFault('best', 'is required');
      if ((low != null && low > best) || (high != null && high < best)) {
        warnings.push({ kind: 'min_exceeds_max', field: 'best', value: `${low}/${best}/${high}`, message: `low ${low} / best ${best} / high ${high} out of order` });
      }
      const a = parseCount(v.deaths_a, 'deaths_a');
      const b = parseCount(v.deaths_b, 'deaths_b');
      const civ = parseCount(v.deaths_civilians, 'deaths_civilians');
      const unk = parseCount(v.deaths_unknown, 'deaths_unknown');
      const parts = [a, b, civ, unk];
      if (parts.every((x) => x != null) && parts.reduce<number>((s, x) => s + x, 0) !== best) {
        warnings.push({ kind: 'invalid_value', field: 'best', value: String(best), message: `deaths_a+deaths_b+deaths_civilians+deaths_unknown ≠ best (${best})` });
      }
      const figures: Figure[] = [];
      const about = (population: Figure['population'], n: number | null): void => {
        if (n != null) figures.push({ outcome: 'killed', population, min: n, max: n, best: n, qualifier: 'about' });
      };
      about('civilians', civ);
      about('combatants', a != null || b != null ? (a ?? 0) + (b ?? 0) : null);
      about('unknown', unk);

      return {
        record: {
          claimant: UCDP_CLAIMANT,
          externalId: id,
          date: { start, end: end === start ? null : end, precision: datePrecision },
          place: {
            text: text(v.where_coordinates) ?? text(v.adm_2) ?? text(v.adm_1) ?? country,
            country,
            admin1: text(v.adm_1),
            admin2: text(v.adm_2),
            admin3: null,
            latitude: point.latitude,
            longitude: point.longitude,
            precision: placePrecision,
          },
          actors: [text(v.side_a), text(v.side_b)].filter((x): x is string => x != null),
          eventType: violence,
          figures,
          totalKilled: { min: low, max: high, best },
          description: text(v.where_description),
          sourceText: text(v.source_article),
          attributes: otherColumns(v, USED),
          provenance: { ...base, row: ctx.row },
        },
        warnings,
      };
    },
  });
}
