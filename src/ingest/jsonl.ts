/**
 * JSON Lines reading, one object per line, constant memory (readline). Row = line number
 * (1-based; there is no header). Blank lines are skipped but counted.
 */
import { createInterface } from 'node:readline';
import { rowError } from './csv.ts';
import { RowFault } from './fields.ts';
import { openInput } from './hash.ts';
import type { IngestInput, IngestWarning, RowOutcome } from './types.ts';

/** Longest line accepted (characters); longer lines are row errors. */
const MAX_LINE = 20_000_000;

/** Maps each JSON object line through `mapLine`; bad JSON and thrown RowFaults become row errors. */
export async function* mapJsonLines<T>(
  input: IngestInput,
  file: string,
  mapLine: (obj: Record<string, unknown>, row: number) => { record: T; warnings: IngestWarning[] },
): AsyncGenerator<RowOutcome<T>> {
  const rl = createInterface({ input: openInput(input), crlfDelay: Infinity });
  let row = 0;
  try {
    for await (const line of rl) {
      row++;
      if (line.trim() === '') continue;
      if (line.length > MAX_LINE) {
        yield { row, ok: false, file, field: '(row)', reason: `line longer than ${MAX_LINE} characters` };
        continue;
      }
      let obj: unknown;
      try {
        obj = JSON.parse(line);
      } catch (err) {
        yield { row, ok: false, file, field: '(row)', value: line.slice(0, 80), reason: `not JSON: ${err instanceof Error ? err.message : String(err)}` };
        continue;
      }
      if (obj == null || typeof obj !== 'object' || Array.isArray(obj)) {
        yield { row, ok: false, file, field: '(row)', value: line.slice(0, 80), reason: 'line is not a JSON object' };
        continue;
      }
      try {
        const { record, warnings } = mapLine(obj as Record<string, unknown>, row);
        yield { row, ok: true, record, warnings };
      } catch (err) {
        yield rowError(err, row, file);
      }
    }
  } catch (err) {
    yield { row: row + 1, ok: false, file, field: '(file)', reason: `cannot read on: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** A string property (null when missing/blank); throws when present but not a string. */
export function str(obj: Record<string, unknown>, key: string, required = false): string | null {
  const v = obj[key];
  if (v == null || v === '') {
    if (required) throw new RowFault(key, 'is required');
    return null;
  }
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') throw new RowFault(key, 'is not a string', JSON.stringify(v).slice(0, 80));
  return v;
}

/** An array of strings (numbers accepted and stringified); throws otherwise. */
export function strArray(obj: Record<string, unknown>, key: string): string[] {
  const v = obj[key];
  if (v == null) return [];
  if (!Array.isArray(v)) throw new RowFault(key, 'is not a list', JSON.stringify(v).slice(0, 80));
  return v.map((x) => {
    if (typeof x === 'string') return x;
    if (typeof x === 'number') return String(x);
    throw new RowFault(key, 'holds a non-string item', JSON.stringify(x).slice(0, 80));
  });
}
