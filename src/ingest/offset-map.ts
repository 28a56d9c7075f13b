/**
 * Clean-text ↔ original-text offset maps. Built one code unit at a time ({@link MappedTextBuilder}),
 * stored compactly as run-length segments `[cleanStart, origStart, cleanLength, origLength]`:
 * where cleanLength === origLength the run is a verbatim copy (index i maps to origStart + i −
 * cleanStart); otherwise it is atomic (an HTML entity, a collapsed whitespace run, a line break
 * standing for a tag) and all of it maps to the whole original range.
 * Offsets are UTF-16 code-unit indexes into `text` (the full decoded original); see
 * {@link byteOffset} for bytes.
 */

/** `[cleanStart, origStart, cleanLength, origLength]`. */
export type OffsetSegment = [number, number, number, number];

/** Accumulates clean text with, for each code unit, the original range it stands for. */
export class MappedTextBuilder {
  readonly units: string[] = [];
  readonly src: number[] = [];
  readonly len: number[] = [];
  readonly verbatim: boolean[] = [];

  /** Appends original text verbatim (every unit maps to itself). */
  copy(text: string, origStart: number): void {
    for (let i = 0; i < text.length; i++) this.push(text[i], origStart + i, 1, true);
  }

  /** Appends a unit that stands for an original range (entity, whitespace run, tag). */
  push(unit: string, origStart: number, origLength: number, verbatim = false): void {
    this.units.push(unit);
    this.src.push(origStart);
    this.len.push(origLength);
    this.verbatim.push(verbatim);
  }

  get length(): number {
    return this.units.length;
  }

  get last(): string | undefined {
    return this.units[this.units.length - 1];
  }

  /** Keeps only the units whose index passes `keep` (dropping never breaks the mapping of the others). */
  filter(keep: (i: number) => boolean): MappedTextBuilder {
    const b = new MappedTextBuilder();
    for (let i = 0; i < this.units.length; i++) if (keep(i)) b.push(this.units[i], this.src[i], this.len[i], this.verbatim[i]);
    return b;
  }

  text(): string {
    return this.units.join('');
  }

  /** The compact segment map. */
  segments(): OffsetSegment[] {
    const out: OffsetSegment[] = [];
    let cur: OffsetSegment | null = null;
    let curVerbatim = false;
    for (let i = 0; i < this.units.length; i++) {
      const v = this.verbatim[i];
      const s = this.src[i];
      const l = this.len[i];
      if (cur && v && curVerbatim && s === cur[1] + cur[3]) {
        cur[2]++;
        cur[3]++;
        continue;
      }
      if (cur && !v && !curVerbatim && s === cur[1] && l === cur[3]) {
        cur[2]++;
        continue;
      }
      cur = [i, s, 1, l];
      curVerbatim = v;
      out.push(cur);
    }
    return out;
  }
}

function segmentAt(map: readonly OffsetSegment[], cleanIndex: number): OffsetSegment | undefined {
  let lo = 0;
  let hi = map.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = map[mid];
    if (cleanIndex < s[0]) hi = mid - 1;
    else if (cleanIndex >= s[0] + s[2]) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** Original index of the clean code unit at `cleanIndex` (start of its original range); -1 when out of range. */
export function toOriginal(map: readonly OffsetSegment[], cleanIndex: number): number {
  const s = segmentAt(map, cleanIndex);
  if (!s) return -1;
  return s[2] === s[3] ? s[1] + (cleanIndex - s[0]) : s[1];
}

/** Original half-open range covering the clean half-open range [start, end); null when empty or out of range. */
export function toOriginalRange(map: readonly OffsetSegment[], start: number, end: number): { start: number; end: number } | null {
  if (end <= start) return null;
  const a = segmentAt(map, start);
  const b = segmentAt(map, end - 1);
  if (!a || !b) return null;
  const os = a[2] === a[3] ? a[1] + (start - a[0]) : a[1];
  const oe = b[2] === b[3] ? b[1] + (end - 1 - b[0]) + 1 : b[1] + b[3];
  return { start: os, end: oe };
}

/** Byte offset in the original bytes of a `text` index, for the charsets the article reader decodes. */
export function byteOffset(text: string, index: number, charset: string): number {
  if (charset === 'utf-8') return Buffer.byteLength(text.slice(0, index), 'utf8');
  if (charset === 'utf-16le' || charset === 'utf-16be') return 2 * index;
  return index;
}
