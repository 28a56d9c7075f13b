/**
 * Streaming CSV driver shared by the tabular parsers (csv-parse underneath, constant memory).
 *
 * Row numbering: physical records of the file, 1-based, header = row 1, so the first data row is
 * row 2 (row 3 for HXL files, whose hashtag row is row 2). A quoted field spanning several lines
 * is one record, so `row` counts records, not lines.
 */
import { parse } from 'csv-parse';
import { openInput } from './hash.ts';
import { RowFault } from './fields.ts';
import type { IngestInput, IngestWarning, RowOutcome } from './types.ts';

/** One raw record of a CSV file, or a record csv-parse had to skip. */
export type CsvRecord = { row: number; values: string[] } | { row: number; error: string };

/** Largest single record accepted (bytes); longer ones are reported, not buffered. */
const MAX_RECORD = 2_000_000;

/**
 * Raw records of a CSV input, one per record, including the header. Malformed records (bad
 * quoting, oversize) come back as `{ error }` and reading goes on; a fault that ends the file
 * (e.g. an unclosed quote at the end) is the last item.
 */
export async function* csvRecords(input: IngestInput, delimiter = ','): AsyncGenerator<CsvRecord> {
  // csv-parse runs ahead of the consumer: remember how many records it had produced when it
  // skipped one, so skips come out in file order.
  const skipped: Array<{ after: number; message: string }> = [];
  let produced = 0;
  const parser = openInput(input).pipe(
    parse({
      bom: true,
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      skip_records_with_error: true,
      max_record_size: MAX_RECORD,
      on_record: (record: string[]) => {
        produced++;
        return record;
      },
      on_skip: (err) => {
        skipped.push({ after: produced, message: err?.message ?? 'unreadable record' });
        return undefined;
      },
    }),
  );
  let row = 0;
  let consumed = 0;
  const due = function* (upTo: number): Generator<CsvRecord> {
    while (skipped.length && skipped[0].after < upTo) yield { row: ++row, error: skipped.shift()!.message };
  };
  try {
    for await (const values of parser as AsyncIterable<string[]>) {
      consumed++;
      yield* due(consumed);
      row++;
      // a blank line is one empty field: skip it but count it, so rows stay file records
      if (values.length === 1 && values[0] === '') continue;
      yield { row, values };
    }
    yield* due(Infinity);
  } catch (err) {
    yield* due(Infinity);
    yield { row: row + 1, error: `file ends in an unreadable record: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** What a row mapper returns for a good row. */
export interface Mapped<T> {
  record: T;
  warnings: IngestWarning[];
}

/** The context a row mapper gets. */
export interface RowContext {
  row: number;
  file: string;
  /** Raw values of the columns the parser does not know, keyed by header (never dropped). */
  extras: Record<string, string>;
}

export interface TableSpec<T> {
  file: string;
  /** Columns that must be in the header (missing → one error at row 1 and nothing else is read). */
  required: readonly string[];
  /** Columns the parser reads; others go to `ctx.extras`. */
  known?: readonly string[];
  /** Number of header rows before data (2 for HXL); the last one names the columns unless `columns` gives them. */
  headerRows?: number;
  /** Ends the header early (before `headerRows` rows) when it returns true for the rows read so far. */
  headerDone?: (headers: string[][]) => boolean;
  delimiter?: string;
  /** Override: header handling done by the caller from the raw header rows. */
  columns?: (headers: string[][]) => string[] | RowFaultLike;
  mapRow: (values: Record<string, string>, ctx: RowContext) => Mapped<T>;
}

/** A header-level fault returned by `columns`. */
export interface RowFaultLike {
  field: string;
  reason: string;
}

/**
 * Reads a CSV table and maps each data row, catching every fault per row: field errors
 * ({@link RowFault}), column-count mismatches and unexpected exceptions all become RowErrors.
 */
export async function* mapTable<T>(input: IngestInput, spec: TableSpec<T>): AsyncGenerator<RowOutcome<T>> {
  const headerRows = spec.headerRows ?? 1;
  const headers: string[][] = [];
  let columns: string[] | null = null;
  const file = spec.file;
  for await (const rec of csvRecords(input, spec.delimiter)) {
    if ('error' in rec) {
      yield { row: rec.row, ok: false, file, field: columns ? '(row)' : '(header)', reason: rec.error };
      if (!columns) return;
      continue;
    }
    if (!columns) {
      headers.push(rec.values.map((v) => v.trim()));
      if (headers.length < headerRows && !spec.headerDone?.(headers)) continue;
      const cols = spec.columns ? spec.columns(headers) : headers[headers.length - 1];
      if (!Array.isArray(cols)) {
        yield { row: rec.row, ok: false, file, field: cols.field, reason: cols.reason };
        return;
      }
      const missing = spec.required.filter((c) => !cols.includes(c));
      if (missing.length) {
        yield { row: rec.row, ok: false, file, field: missing[0], reason: `header lacks required column(s): ${missing.join(', ')}` };
        return;
      }
      columns = cols;
      continue;
    }
    if (rec.values.length !== columns.length) {
      const lastNonEmpty = rec.values.findLastIndex((v) => v !== '');
      if (rec.values.length < columns.length || lastNonEmpty >= columns.length) {
        yield {
          row: rec.row, ok: false, file, field: '(row)', value: rec.values.slice(0, 3).join(',').slice(0, 120),
          reason: `has ${rec.values.length} fields, header has ${columns.length}`,
        };
        continue;
      }
    }
    const values: Record<string, string> = {};
    const extras: Record<string, string> = {};
    const known = spec.known ? new Set(spec.known) : null;
    columns.forEach((c, i) => {
      const v = rec.values[i] ?? '';
      if (Object.hasOwn(values, c)) {
        // a repeated header name: keep the later value under a suffixed name instead of overwriting
        extras[`${c}#${i + 1}`] = v;
        return;
      }
      values[c] = v;
      if (known && !known.has(c) && v !== '') extras[c] = v;
    });
    try {
      const { record, warnings } = spec.mapRow(values, { row: rec.row, file, extras });
      yield { row: rec.row, ok: true, record, warnings };
    } catch (err) {
      yield rowError(err, rec.row, file);
    }
  }
  if (!columns) yield { row: headers.length + 1, ok: false, file, field: '(header)', reason: 'file has no header row (empty input)' };
}

/** Turns whatever a mapper threw into a RowError (RowFault keeps its field). */
export function rowError(err: unknown, row: number, file: string): RowOutcome<never> {
  if (err instanceof RowFault) {
    const out: RowOutcome<never> = { row, ok: false, file, field: err.field, reason: err.message };
    if (err.value != null) out.value = err.value.slice(0, 200);
    return out;
  }
  return { row, ok: false, file, field: '(row)', reason: `unexpected fault: ${err instanceof Error ? err.message : String(err)}` };
}
