/**
 * HXL-tagged CSV (Humanitarian Exchange Language, hxlstandard.org) → dataset claims, mapped
 * automatically by hashtag and attributes. The hashtag row is row 2 under a text header (row 1),
 * or row 1 when there is no text header; data rows are numbered from the row after it.
 *
 * | hashtag (+attributes)                         | target (./tabular.ts)                    |
 * |-----------------------------------------------|------------------------------------------|
 * | #event+id, #event+code                        | id                                       |
 * | #event+type, #event+category                  | event_type                               |
 * | #event+description, #description              | description                              |
 * | #date, #date+start, #date+occurred            | date                                     |
 * | #date+end                                     | date_end                                 |
 * | #date+precision / #geo+precision              | date_precision / place_precision         |
 * | #country(+name, +code)                        | country                                  |
 * | #adm1+name, #adm2+name, #adm3+name            | admin1, admin2, admin3                   |
 * | #loc, #loc+name                               | place                                    |
 * | #geo+lat, #geo+lon                            | latitude, longitude                      |
 * | #affected+killed / +injured / +missing        | <population>_<outcome> (+min/+max bound) |
 * |   +children/+child/+minors, +women/+f/+female, +men/+m/+male, +civilians, +combatants, +journalists … | population |
 * | #org+perpetrator/+actor/+responsible, #group+perpetrator, #actor | actor                 |
 * | #org (other), #meta+source, #meta+url         | source                                   |
 *
 * Without a population attribute, #affected figures count population `unknown` (option
 * `population` changes it). Every other column — unknown tags, #adm1+code, untagged columns — is kept
 * verbatim as an attribute keyed by its hashtag (or header), never dropped.
 */
import type { Population } from '../model/vocabulary.ts';
import { mapTable } from './csv.ts';
import { provenanceBase } from './hash.ts';
import type { Cell, Target } from './tabular.ts';
import { buildClaim } from './tabular.ts';
import type { DatasetClaim, IngestInput, IngestWarning, ParseOptions, RowOutcome } from './types.ts';

/** A parsed hashtag spec. */
export interface HxlTag {
  tag: string;
  attrs: Set<string>;
  spec: string;
}

/** Parses `#affected +killed +children` → tag `affected`, attrs {killed, children}; null when not a hashtag. */
export function parseHxlTag(raw: string): HxlTag | null {
  const s = raw.replace(/\s+/g, '').toLowerCase();
  const m = /^#([a-z][a-z0-9_]*)((?:\+[a-z][a-z0-9_]*)*)$/.exec(s);
  if (!m) return null;
  const attrs = new Set(m[2].split('+').filter(Boolean));
  return { tag: m[1], attrs, spec: s };
}

const POPULATION_ATTRS: Array<[string[], Population]> = [
  [['children', 'child', 'minors', 'minor', 'infants'], 'children'],
  [['women', 'f', 'female'], 'women'],
  [['men', 'm', 'male'], 'men'],
  [['civilians', 'civilian'], 'civilians'],
  [['combatants', 'combatant', 'fighters'], 'combatants'],
  [['journalists'], 'journalists'],
  [['health_workers', 'healthworkers'], 'health_workers'],
  [['aid_workers', 'aidworkers'], 'aid_workers'],
];

/** The target of a hashtag (see module table), or null → kept as attribute. */
export function hxlTarget(t: HxlTag): Target | null {
  const has = (...a: string[]): boolean => a.some((x) => t.attrs.has(x));
  const scalar = (field: Extract<Target, { kind: 'scalar' }>['field']): Target => ({ kind: 'scalar', field });
  switch (t.tag) {
    case 'event':
      if (has('id', 'code')) return scalar('id');
      if (has('type', 'category')) return scalar('event_type');
      if (has('description')) return scalar('description');
      return null;
    case 'description': return scalar('description');
    case 'date':
      if (has('end')) return scalar('date_end');
      if (has('precision')) return scalar('date_precision');
      if (has('reported', 'updated', 'modified')) return null;
      return scalar('date');
    case 'country': return has('code') || has('name') || t.attrs.size === 0 ? scalar('country') : null;
    case 'adm1': case 'adm2': case 'adm3':
      return has('code') ? null : scalar(t.tag === 'adm1' ? 'admin1' : t.tag === 'adm2' ? 'admin2' : 'admin3');
    case 'loc': return has('code') ? null : scalar('place');
    case 'geo':
      if (has('lat')) return scalar('latitude');
      if (has('lon', 'long', 'lng')) return scalar('longitude');
      if (has('precision')) return scalar('place_precision');
      return null;
    case 'affected': {
      const outcome = has('killed', 'dead', 'deaths') ? 'killed' : has('injured', 'wounded') ? 'injured' : has('missing') ? 'missing' : null;
      if (!outcome) return null;
      const population = POPULATION_ATTRS.find(([names]) => names.some((n) => t.attrs.has(n)))?.[1] ?? null;
      return { kind: 'figure', outcome, population, bound: has('min') ? 'min' : has('max') ? 'max' : 'both' };
    }
    case 'org': return has('perpetrator', 'actor', 'responsible', 'attacker') ? scalar('actor') : scalar('source');
    case 'group': return has('perpetrator', 'actor', 'responsible', 'attacker') ? scalar('actor') : null;
    case 'actor': return scalar('actor');
    case 'meta': return has('source', 'url') ? scalar('source') : null;
    default: return null;
  }
}

/** Whether a row is a hashtag row: every non-empty cell is a hashtag, and at least one is. */
export function isHashtagRow(cells: string[]): boolean {
  const nonEmpty = cells.filter((c) => c.trim() !== '');
  return nonEmpty.length > 0 && nonEmpty.every((c) => parseHxlTag(c) != null);
}

export interface HxlOptions extends ParseOptions {
  /** Claimant of the rows (default: the file name). */
  claimant?: string;
  /** Population of #affected figures without a population attribute (default unknown). */
  population?: Population;
  /** Country when the file has no #country column. */
  country?: string;
}

/** Streams an HXL-tagged CSV as dataset claims. */
export async function* parseHxl(input: IngestInput, options: HxlOptions = {}): AsyncGenerator<RowOutcome<DatasetClaim>> {
  const base = await provenanceBase(input, options, 'hxl');
  const now = options.now ?? new Date();
  const targets = new Map<string, Target | null>();
  const attrKey = new Map<string, string>();
  yield* mapTable<DatasetClaim>(input, {
    file: base.file,
    required: [],
    headerRows: 2,
    headerDone: (h) => isHashtagRow(h[h.length - 1]),
    columns(h) {
      const tags = h[h.length - 1];
      if (!isHashtagRow(tags)) return { field: '(header)', reason: 'no HXL hashtag row in row 1 or 2' };
      const text = h.length > 1 ? h[0] : [];
      const names: string[] = [];
      tags.forEach((raw, i) => {
        const t = parseHxlTag(raw);
        const label = (text[i] ?? '').trim();
        let name = t ? t.spec : label || `column ${i + 1}`;
        if (names.includes(name)) name = `${name}#${i + 1}`;
        names.push(name);
        targets.set(name, t ? hxlTarget(t) : null);
        attrKey.set(name, t ? (label && !names.slice(0, -1).includes(t.spec) ? t.spec : name) : name);
      });
      return names;
    },
    mapRow(v, ctx) {
      const warnings: IngestWarning[] = [];
      const cells: Cell[] = [];
      const attributes: Record<string, string> = {};
      for (const [column, value] of Object.entries(v)) {
        const target = targets.get(column);
        if (target) cells.push({ column, target, value });
        else if (value !== '') attributes[attrKey.get(column) ?? column] = value;
      }
      for (const [k, val] of Object.entries(ctx.extras)) if (!targets.get(k)) attributes[k] = val;
      const defaults = { claimant: options.claimant ?? base.file, population: options.population ?? 'unknown', ...(options.country ? { country: options.country } : {}) };
      return { record: buildClaim(cells, attributes, defaults, 'auto', now, { ...base, row: ctx.row }, warnings), warnings };
    },
  });
}
