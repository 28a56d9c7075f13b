import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { inputError } from '../errors.ts';

export interface CsvRecord {
  /** Line in the file where the record starts (the header is line 1). */
  line: number;
  values: Record<string, string>;
  /** Column-count problem, when the record has more or fewer fields than the header. */
  shapeError?: string;
}

/**
 * Streams a CSV file as records keyed by header, with the line each starts on. Constant memory;
 * a record with the wrong number of fields is yielded with `shapeError` rather than stopping the
 * file, and a file that is not CSV at all fails with an input error naming file and line.
 */
export async function* readCsv(path: string, opts: { bom?: boolean } = {}): AsyncGenerator<CsvRecord, string[]> {
  const parser = createReadStream(path).pipe(
    parse({ bom: opts.bom ?? true, relax_column_count: true, skip_empty_lines: true, info: true }),
  );
  let header: string[] | null = null;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const { record, info } = item;
      if (!header) {
        header = record.map((h) => h.trim());
        continue;
      }
      const values: Record<string, string> = {};
      header.forEach((h, i) => {
        values[h] = record[i] ?? '';
      });
      const startLine = info.lines - countNewlines(record);
      const shapeError = record.length !== header.length ? `expected ${header.length} fields, found ${record.length}` : undefined;
      yield { line: startLine, values, ...(shapeError ? { shapeError } : {}) };
    }
  } catch (err) {
    const e = err as Error & { lines?: number };
    throw inputError('INPUT_INVALID', `not readable as CSV: ${e.message}`, { file: path, ...(e.lines ? { row: e.lines } : {}) });
  }
  return header ?? [];
}

function countNewlines(record: string[]): number {
  let n = 0;
  for (const v of record) for (let i = v.indexOf('\n'); i !== -1; i = v.indexOf('\n', i + 1)) n++;
  return n;
}

/** Reads just the header row of a CSV file. */
export async function readCsvHeader(path: string): Promise<string[]> {
  const gen = readCsv(path);
  const first = await gen.next();
  if (first.done) return first.value;
  await gen.return([]);
  return Object.keys(first.value.values);
}
