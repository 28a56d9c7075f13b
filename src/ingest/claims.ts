/** Small helpers shared by the dataset-claim parsers (UCDP, ACLED, generic, HXL). */
import type { CountryCode } from '../model/vocabulary.ts';
import { COUNTRIES } from '../model/vocabulary.ts';
import { COUNTRY_BOXES, RowFault, countryCode, inCountryBox, parseDecimal } from './fields.ts';
import type { IngestWarning } from './types.ts';

/**
 * Reads a latitude/longitude pair: both or neither; out-of-range values are a warning and the
 * point is dropped (kept in `raw`); a point outside the stated country (Syria/Iraq bounding
 * boxes) is a warning on a kept point.
 */
export function readPoint(
  latRaw: string | undefined, lonRaw: string | undefined, latField: string, lonField: string,
  country: string | null, warnings: IngestWarning[],
): { latitude: number | null; longitude: number | null; raw: string | null } {
  const lat = parseDecimal(latRaw, latField);
  const lon = parseDecimal(lonRaw, lonField);
  if (lat == null && lon == null) return { latitude: null, longitude: null, raw: null };
  const raw = `${latRaw ?? ''},${lonRaw ?? ''}`;
  if (lat == null || lon == null) {
    warnings.push({ kind: 'coordinates_incomplete', field: lat == null ? latField : lonField, message: 'only one of latitude/longitude given; point dropped' });
    return { latitude: null, longitude: null, raw };
  }
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    const field = Math.abs(lat) > 90 ? latField : lonField;
    warnings.push({ kind: 'coordinates_out_of_range', field, value: raw, message: `${field} out of range; point dropped` });
    return { latitude: null, longitude: null, raw };
  }
  const code = countryCode(country);
  if (code && !inCountryBox(lat, lon, code)) {
    const other = (Object.keys(COUNTRY_BOXES) as CountryCode[]).find((c) => c !== code && inCountryBox(lat, lon, c));
    warnings.push({
      kind: 'outside_country', field: lonField, value: `${lat},${lon}`,
      message: `point ${lat},${lon} lies outside ${COUNTRIES[code]}${other ? ` (in ${COUNTRIES[other]})` : ''}`,
    });
  }
  return { latitude: lat, longitude: lon, raw: null };
}

/** Value of a coded field from a table, or a RowFault naming the field. */
export function fromCode<T>(table: Record<number, T>, code: number | null, field: string): T | null {
  if (code == null) return null;
  const v = table[code];
  if (v === undefined) throw new RowFault(field, `unknown code ${code}`, String(code));
  return v;
}

/** Every non-empty value of the columns not in `used`, verbatim. */
export function otherColumns(values: Record<string, string>, used: ReadonlySet<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (!used.has(k) && v !== '') out[k] = v;
  return out;
}
