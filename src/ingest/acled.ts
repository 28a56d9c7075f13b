/**
 * ACLED CSV exports → claims of ACLED (claimant "ACLED"), following the ACLED Codebook (2019–2024
 * column names). Header = row 1, first event = row 2.
 *
 * | time_precision | codebook                                   | harmwatch |
 * |----------------|--------------------------------------------|-----------|
 * | 1              | day of the event known                     | day       |
 * | 2              | within a week (date = middle of the week)  | week      |
 * | 3              | within a month (date = middle of the month)| month     |
 *
 * | geo_precision  | codebook                                                  | harmwatch   |
 * |----------------|-----------------------------------------------------------|-------------|
 * | 1              | the town/village/city named (or a part of it)             | town        |
 * | 2              | near a named town / in a small region: nearest town used  | district    |
 * | 3              | only a larger region known: its capital/centroid used     | governorate |
 *
 * `fatalities` is one figure (killed, qualifier exact as ACLED codes it); its population is
 * `civilians` when `civilian_targeting` is set (or event type "Violence against civilians"),
 * otherwise `unknown` — ACLED does not split fatalities by status.
 * `event_date` is accepted as YYYY-MM-DD or "15 January 2023" / "15-January-2023".
 */
import type { DatePrecision, PlacePrecision } from '../model/vocabulary.ts';
import { fromCode, otherColumns, readPoint } from './claims.ts';
import { mapTable } from './csv.ts';
import { RowFault, parseCode, parseCount, parseDate, text } from './fields.ts';
import { provenanceBase } from './hash.ts';
import type { DatasetClaim, Figure, IngestInput, IngestWarning, ParseOptions, RowOutcome } from './types.ts';

export const ACLED_TIME_PRECISION: Record<number, DatePrecision> = { 1: 'day', 2: 'week', 3: 'month' };
export const ACLED_GEO_PRECISION: Record<number, PlacePrecision> = { 1: 'town', 2: 'district', 3: 'governorate' };

/** ACLED's event types (codebook 2019+). Unknown types are row errors. */
export const ACLED_EVENT_TYPES = [
  'Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Protests', 'Riots', 'Strategic developments',
] as const;

const REQUIRED = ['event_id_cnty', 'event_date', 'time_precision', 'event_type', 'actor1', 'country', 'latitude', 'longitude', 'geo_precision', 'fatalities'];
const USED = new Set([
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'event_type', 'sub_event_type', 'actor1', 'actor2', 'civilian_targeting',
  'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision', 'source', 'notes', 'fatalities',
]);

/** The claimant name ACLED rows are recorded under. */
export const ACLED_CLAIMANT = 'ACLED';

/** Streams an ACLED CSV export as dataset claims. */
export async function* parseAcled(input: IngestInput, options: ParseOptions = {}): AsyncGenerator<RowOutcome<DatasetClaim>> {
  const base = await provenanceBase(input, options, 'acled');
  const now = options.now ?? new Date();
  yield* mapTable<DatasetClaim>(input, {
    file: base.file,
    required: REQUIRED,
    mapRow(v, ctx) {
      const warnings: IngestWarning[] = [];
      const id = text(v.event_id_cnty);
      if (id == null) throw new RowFault('event_id_cnty', 'is required');
      const date = parseDate(v.event_date, 'event_date', now);
      if (date == null) throw new RowFault('event_date', 'is required');
      const year = parseCount(v.year, 'year');
      if (year != null && String(year) !== date.slice(0, 4)) {
        warnings.push({ kind: 'invalid_value', field: 'year', value: v.year, message: `year ${year} differs from event_date ${date}` });
      }
      const eventType = text(v.event_type);
      if (eventType == null || !(ACLED_EVENT_TYPES as readonly string[]).includes(eventType)) {
        throw new RowFault('event_type', `unknown event type "${eventType ?? ''}"`, eventType ?? '');
      }
      const timePrecision = fromCode(ACLED_TIME_PRECISION, parseCode(v.time_precision, 'time_precision', 3), 'time_precision');
      const geoPrecision = fromCode(ACLED_GEO_PRECISION, parseCode(v.geo_precision, 'geo_precision', 3), 'geo_precision');
      const country = text(v.country);
      const point = readPoint(v.latitude, v.longitude, 'latitude', 'longitude', country, warnings);
      const fatalities = parseCount(v.fatalities, 'fatalities');
      const targeting = text(v.civilian_targeting);
      if (targeting != null && targeting.toLowerCase() !== 'civilian targeting') {
        throw new RowFault('civilian_targeting', `unknown value "${targeting}"`, targeting);
      }
      const population = targeting != null || eventType === 'Violence against civilians' ? 'civilians' : 'unknown';
      const figures: Figure[] = fatalities == null ? [] : [{ outcome: 'killed', population, min: fatalities, max: fatalities, qualifier: 'exact' }];
      return {
        record: {
          claimant: ACLED_CLAIMANT,
          externalId: id,
          date: { start: date, end: null, precision: timePrecision },
          place: {
            text: text(v.location),
            country,
            admin1: text(v.admin1),
            admin2: text(v.admin2),
            admin3: text(v.admin3),
            latitude: point.latitude,
            longitude: point.longitude,
            precision: geoPrecision,
          },
          actors: [text(v.actor1), text(v.actor2)].filter((x): x is string => x != null),
          eventType: text(v.sub_event_type) ? `${eventType}: ${text(v.sub_event_type)}` : eventType,
          figures,
          totalKilled: null,
          description: text(v.notes),
          sourceText: text(v.source),
          attributes: otherColumns(v, USED),
          provenance: { ...base, row: ctx.row },
        },
        warnings,
      };
    },
  });
}
