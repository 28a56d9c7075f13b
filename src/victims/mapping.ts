/**
 * Column → field mappings of external victim lists, and the check of one mapped row.
 *
 * A mapping file is JSON: `{ "columns": { "<column>": "<field>", … }, "defaults": { "<field>": "<value>" } }`
 * (or just the columns object). Fields: ref, name, name_ar, alias, given, father, grandfather,
 * family, kunya, age, age_group, gender, date_of_death, date_of_birth, place, outcome, status,
 * protected_group, family_group, national_id, incident.
 */
import { readFile } from 'node:fs/promises';
import { inputError } from '../errors.ts';
import { checkFact, VICTIM_FACT_FIELDS, type VictimFactField } from './facts.ts';

export const NAME_FIELDS = ['name', 'name_ar', 'alias', 'given', 'father', 'grandfather', 'family', 'kunya'] as const;
export const LIST_FIELDS = ['ref', 'incident', ...NAME_FIELDS, ...VICTIM_FACT_FIELDS] as const;
export type ListField = (typeof LIST_FIELDS)[number];

/** A validated mapping: column of each field, and default values. */
export interface ListMapping {
  columns: Partial<Record<ListField, string>>;
  defaults: Partial<Record<ListField, string>>;
}

const isField = (f: string): f is ListField => (LIST_FIELDS as readonly string[]).includes(f);

/** Reads and checks a mapping file; names the file and the bad entry. */
export async function readMapping(path: string): Promise<ListMapping> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw inputError('INPUT_INVALID', `mapping is not readable JSON: ${err instanceof Error ? err.message : String(err)}`, { file: path });
  }
  return parseMapping(raw, path);
}

/** Checks a mapping object (see the module comment for its shape). */
export function parseMapping(raw: unknown, file = '(mapping)'): ListMapping {
  if (!raw || typeof raw !== 'object') throw inputError('INPUT_INVALID', 'mapping must be a JSON object', { file });
  const obj = raw as Record<string, unknown>;
  const cols = (obj.columns && typeof obj.columns === 'object' ? obj.columns : obj) as Record<string, unknown>;
  const columns: ListMapping['columns'] = {};
  for (const [column, field] of Object.entries(cols)) {
    if (column === 'defaults' || column === 'columns') continue;
    if (typeof field !== 'string' || !isField(field)) {
      throw inputError('INPUT_INVALID', `column "${column}" maps to unknown field "${String(field)}" (fields: ${LIST_FIELDS.join(', ')})`, { file, field: column });
    }
    if (columns[field]) throw inputError('INPUT_INVALID', `field "${field}" is mapped from two columns`, { file, field });
    columns[field] = column;
  }
  const defaults: ListMapping['defaults'] = {};
  if (obj.defaults && typeof obj.defaults === 'object') {
    for (const [field, value] of Object.entries(obj.defaults as Record<string, unknown>)) {
      if (!isField(field) || typeof value !== 'string') throw inputError('INPUT_INVALID', `default for "${field}" is not a known field with a text value`, { file, field });
      defaults[field] = value;
    }
  }
  if (!NAME_FIELDS.some((f) => columns[f])) throw inputError('INPUT_INVALID', `no column is mapped to a name field (${NAME_FIELDS.join(', ')})`, { file });
  return { columns, defaults };
}

/** Columns a mapping names that the file's header lacks. */
export function missingColumns(m: ListMapping, header: string[]): string[] {
  const has = new Set(header);
  return Object.values(m.columns).filter((c): c is string => !!c && !has.has(c));
}

export interface MappedRow {
  row: number;
  ok: true;
  values: Partial<Record<ListField, string>>;
  facts: Array<{ field: VictimFactField; value: string }>;
}
export interface RowRejection {
  row: number;
  ok: false;
  field: string;
  value: string;
  reason: string;
}

/** Maps one CSV record and checks every fact; the first bad field rejects the row. */
export function mapRow(row: number, record: Record<string, string>, m: ListMapping): MappedRow | RowRejection {
  const values: Partial<Record<ListField, string>> = {};
  for (const f of LIST_FIELDS) {
    const col = m.columns[f];
    const v = (col ? record[col] : undefined)?.replace(/\u0000/g, '').trim() || m.defaults[f]?.trim() || '';
    if (v) values[f] = v;
  }
  if (!NAME_FIELDS.some((f) => values[f])) return { row, ok: false, field: 'name', value: '', reason: 'no name in any name column' };
  const facts: MappedRow['facts'] = [];
  for (const f of VICTIM_FACT_FIELDS) {
    const v = values[f];
    if (!v) continue;
    const c = checkFact(f, v);
    if (!c.ok) return { row, ok: false, field: m.columns[f] ?? f, value: v, reason: c.reason };
    facts.push({ field: f, value: c.value });
  }
  return { row, ok: true, values, facts };
}
