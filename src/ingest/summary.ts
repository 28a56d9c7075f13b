/** Counting per-row outcomes into a summary (used by the CLI's --json output and tests). */
import type { RowError, RowOutcome } from './types.ts';

/** Counts of one parse. */
export interface ParseSummary {
  rows: number;
  ok: number;
  rejected: number;
  warnings: Record<string, number>;
  /** The first `keepErrors` errors, in order. */
  errors: RowError[];
}

/** An empty summary. */
export function emptySummary(): ParseSummary {
  return { rows: 0, ok: 0, rejected: 0, warnings: {}, errors: [] };
}

/** Adds one outcome to a summary (mutates and returns it). */
export function addOutcome<T>(s: ParseSummary, o: RowOutcome<T>, keepErrors = 50): ParseSummary {
  s.rows++;
  if (o.ok) {
    s.ok++;
    for (const w of o.warnings) s.warnings[w.kind] = (s.warnings[w.kind] ?? 0) + 1;
  } else {
    s.rejected++;
    if (s.errors.length < keepErrors) s.errors.push(o);
  }
  return s;
}

/** Drains a parser into a summary, calling `onRecord` for each good row. */
export async function summarise<T>(outcomes: AsyncIterable<RowOutcome<T>>, onRecord?: (o: RowOutcome<T>) => void, keepErrors = 50): Promise<ParseSummary> {
  const s = emptySummary();
  for await (const o of outcomes) {
    addOutcome(s, o, keepErrors);
    onRecord?.(o);
  }
  return s;
}
