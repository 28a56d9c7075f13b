/**
 * Test helpers for the ingest parsers (used by *.test.ts only): collecting outcomes, and the
 * shape checks every fuzz test applies.
 */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import type { RowOutcome } from './types.ts';

/** A stream over text (or bytes), as a parser input. */
export function streamOf(content: string | Uint8Array): Readable {
  return Readable.from([typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content)]);
}

/** Drains a parser. */
export async function collect<T>(outcomes: AsyncIterable<RowOutcome<T>> | Iterable<RowOutcome<T>>): Promise<Array<RowOutcome<T>>> {
  const out: Array<RowOutcome<T>> = [];
  for await (const o of outcomes) out.push(o);
  return out;
}

/** Asserts the outcome contract: positive integer rows, errors naming file, field and reason. */
export function assertWellFormed<T>(outcomes: Array<RowOutcome<T>>): void {
  for (const o of outcomes) {
    assert.ok(Number.isInteger(o.row) && o.row >= 1, `row ${o.row}`);
    if (o.ok) {
      assert.ok(Array.isArray(o.warnings));
      for (const w of o.warnings) assert.ok(typeof w.kind === 'string' && w.message.length > 0);
    } else {
      assert.equal(typeof o.file, 'string');
      assert.ok(o.file.length > 0, 'file named');
      assert.ok(o.field.length > 0, 'field named');
      assert.ok(o.reason.length > 0, 'reason given');
    }
  }
}

/** Only the errors, as [row, field] pairs. */
export function errorsOf<T>(outcomes: Array<RowOutcome<T>>): Array<[number, string]> {
  return outcomes.filter((o) => !o.ok).map((o) => [o.row, (o as { field: string }).field]);
}

/** A fixed "today" for tests (so dates in fixtures never become future). */
export const TODAY = new Date('2026-01-01T00:00:00Z');
