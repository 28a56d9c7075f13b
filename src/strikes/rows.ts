import { canonicalJson, sha256Hex, stripNul } from '../audit/hash.ts';
import type { NewDeclaredStrike } from '../db/types.ts';
import { parseReleaseLine } from './parse.ts';

/** The two layouts of the scraped release CSVs (see ../shared/data/README.md). */
export const RAW_COLUMNS = ['date', 'country', 'location', 'number', 'description', 'line'] as const;
export const REFINED_COLUMNS = ['date', 'country', 'location', 'number', 'manually_edited', 'description', 'line'] as const;
export type Layout = 'raw' | 'refined';

/** Which layout a header is, or the columns it lacks. */
export function detectLayout(header: string[]): { layout: Layout } | { missing: string[] } {
  const has = new Set(header.map((h) => h.toLowerCase()));
  if (REFINED_COLUMNS.every((c) => has.has(c))) return { layout: 'refined' };
  const missing = RAW_COLUMNS.filter((c) => !has.has(c));
  return missing.length === 0 ? { layout: 'raw' } : { missing };
}

export interface RowRejection {
  row: number;
  ok: false;
  field: string;
  value: string;
  reason: string;
}

export interface RowWarning {
  row: number;
  field: string;
  value: string;
  warning: string;
}

export type ValidatedRow =
  | { row: number; ok: true; strike: Omit<NewDeclaredStrike, 'identity_key' | 'content_sha256'>; dateLineKey: string; warnings: RowWarning[] }
  | RowRejection;

const COUNTRY_CODES: Record<string, 'IQ' | 'SY'> = { iraq: 'IQ', syria: 'SY' };

/** MM/DD/YYYY (the releases' own form) or YYYY-MM-DD → ISO date, if it is a real calendar day. */
export function parseReleaseDate(value: string, today = new Date()): string | null {
  const v = value.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  if (match) [m, d, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (y < 1900 || date.getTime() > today.getTime()) return null;
  return date.toISOString().slice(0, 10);
}

function cleanPlace(s: string): string {
  return s.replace(/^\s*(?:near\s+)+/i, '').replace(/\s+/g, ' ').trim();
}

/**
 * Validates one release row: a real date, a known country, a readable count. Rows whose country
 * is "Unknown" but whose location names a country, or "Tikrit, Iraq", are kept with a warning.
 */
export function validateReleaseRow(row: number, v: Record<string, string>, layout: Layout, dataset: string, fileSha: string): ValidatedRow {
  const warnings: RowWarning[] = [];
  const reject = (field: string, value: string, reason: string): RowRejection => ({ row, ok: false, field, value, reason });
  const line = stripNul(v.line ?? '').trim();
  if (!line) return reject('line', v.line ?? '', 'empty release line');
  const date = parseReleaseDate(v.date ?? '');
  if (!date) return reject('date', v.date ?? '', 'not a calendar date in MM/DD/YYYY form, or in the future');

  const parsed = parseReleaseLine(line);
  let location = cleanPlace(stripNul(v.location ?? ''));
  const countryRaw = (v.country ?? '').trim();
  let country = COUNTRY_CODES[countryRaw.toLowerCase()];
  if (!country) {
    const fromLocation = COUNTRY_CODES[location.toLowerCase()];
    const tail = /^(.+),\s*(iraq|syria)$/i.exec(countryRaw);
    if (fromLocation) {
      country = fromLocation;
      location = parsed.places[0] ?? location;
      warnings.push({ row, field: 'country', value: countryRaw, warning: `country "${countryRaw}" read from the location column as ${country}` });
    } else if (tail) {
      country = COUNTRY_CODES[tail[2].toLowerCase()]!;
      if (!location) location = cleanPlace(tail[1]);
      warnings.push({ row, field: 'country', value: countryRaw, warning: `country "${countryRaw}" read as ${country}` });
    } else {
      return reject('country', countryRaw, 'unknown country (expected Iraq or Syria)');
    }
  }
  if (!location) location = parsed.places[0] ?? '';
  if (!location) return reject('location', v.location ?? '', 'no place in the location column or the line');

  const numberRaw = (v.number ?? '').trim();
  let reported: number | null = null;
  if (numberRaw !== '') {
    if (!/^\d+$/.test(numberRaw)) return reject('number', numberRaw, 'unreadable count of strikes');
    reported = Number(numberRaw);
  }
  let strikes = parsed.strikes;
  if (strikes == null) {
    if (reported == null) return reject('line', line, 'unreadable count: the line states no number of strikes and the number column is empty');
    strikes = reported;
    warnings.push({ row, field: 'line', value: line, warning: `the line states no number of strikes; the number column's ${reported} is used` });
  } else if (reported != null && reported !== strikes) {
    warnings.push({ row, field: 'number', value: numberRaw, warning: `number column says ${reported}, the line says ${strikes}` });
  }
  const manuallyEdited = layout === 'refined' ? /^true$/i.test((v.manually_edited ?? '').trim()) : null;
  return {
    row,
    ok: true,
    warnings,
    dateLineKey: `${date}\n${line}`,
    strike: {
      release_date: date,
      country,
      place_text: location,
      strikes,
      reported_number: reported,
      engaged: JSON.stringify(parsed.engaged),
      destroyed: JSON.stringify(parsed.destroyed),
      damaged: JSON.stringify(parsed.damaged),
      description: stripNul(v.description ?? '').trim() || null,
      line,
      dataset,
      dataset_row: row,
      file_sha256: fileSha,
      attributes: JSON.stringify({
        layout,
        places: parsed.places,
        clauses: parsed.clauses,
        ...(manuallyEdited != null ? { manually_edited: manuallyEdited } : {}),
      }),
    },
  };
}

/**
 * Identity of a declared strike: its release day, its line verbatim and, for the rare line
 * printed twice on one day, which occurrence it is. Independent of spellings the refined file
 * corrects, so importing the raw and the refined file does not double-count.
 */
export function strikeIdentity(dateLineKey: string, occurrence: number): string {
  return sha256Hex(`${dateLineKey}\n#${occurrence}`);
}

/**
 * The refined file is its author's corrected edition of the raw scrape: a row from it is never
 * overwritten by the raw row for the same line (the raw spelling is reported, not applied).
 */
export function layoutRank(attributes: Record<string, unknown> | undefined): number {
  return attributes?.layout === 'refined' ? 2 : 1;
}

/** Hash of what an import would store for a strike, to tell unchanged from changed rows. */
export function strikeContentHash(s: Omit<NewDeclaredStrike, 'identity_key' | 'content_sha256'>): string {
  return sha256Hex(canonicalJson({
    release_date: s.release_date, country: s.country, place_text: s.place_text, strikes: s.strikes,
    reported_number: s.reported_number, engaged: s.engaged, destroyed: s.destroyed, damaged: s.damaged,
    description: s.description, line: s.line,
  }));
}
