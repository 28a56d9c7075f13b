/**
 * Renders a parsed dataset record as the text of its source: one `label: value` line per fact,
 * remembering where each line sits so claims can point at their exact span.
 */

/** Text under construction with named line spans. */
export class RenderedText {
  private readonly parts: string[] = [];
  private length = 0;
  readonly spans = new Map<string, { start: number; end: number }>();

  /** Adds a line (skipped when value is null/empty); `id` names its span. */
  line(label: string, value: unknown, id?: string): this {
    if (value == null || value === '' || (Array.isArray(value) && value.length === 0)) return this;
    const v = Array.isArray(value) ? value.join('; ') : typeof value === 'object' ? JSON.stringify(value) : `${value as string | number | boolean}`;
    const text = `${label}: ${v.replace(/\r?\n/g, ' ')}`;
    if (this.length > 0) {
      this.parts.push('\n');
      this.length += 1;
    }
    if (id) this.spans.set(id, { start: this.length, end: this.length + text.length });
    this.parts.push(text);
    this.length += text.length;
    return this;
  }

  text(): string {
    return this.parts.join('');
  }

  /** The quote and span of a named line (whole text when unknown). */
  quote(id: string): { quote: string; span_start: number; span_end: number } {
    const t = this.text();
    const s = this.spans.get(id) ?? { start: 0, end: t.length };
    return { quote: t.slice(s.start, s.end), span_start: s.start, span_end: s.end };
  }
}

/** "2–4", "≥ 2", "≤ 4" for a range. */
export function rangeText(min: number | null, max: number | null): string {
  if (min != null && max != null) return min === max ? String(min) : `${min}–${max}`;
  if (min != null) return `≥ ${min}`;
  if (max != null) return `≤ ${max}`;
  return 'unknown';
}

/**
 * A published range as the database can hold it: `min > max` (a fault of the source, already
 * reported as a warning) is stored as unknown bounds with qualifier `vague`, the published values
 * kept in `published` for the claim's attributes, never silently swapped.
 */
export function storableRange<Q extends string>(min: number | null, max: number | null, qualifier: Q): { min: number | null; max: number | null; qualifier: Q | 'vague'; published: { min: number; max: number } | null } {
  if (min != null && max != null && min > max) return { min: null, max: null, qualifier: 'vague', published: { min, max } };
  return { min, max, qualifier, published: null };
}
