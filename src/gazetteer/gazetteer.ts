/**
 * The in-memory gazetteer: places with all their spellings, exact-key maps (same-script key and
 * cross-script skeleton) and a trigram index for fuzzy candidate search.
 */
import { BoundaryIndex } from './reverse.ts';
import { keySimilarity, nameKeys, trigrams } from './normalise.ts';
import { loadCodAb, loadGeoNames, loadPlaceListCsv } from './loaders.ts';
import type { PlaceListOptions } from './loaders.ts';
import type { PlaceRecord, RowError } from './types.ts';

/** One indexed spelling. */
interface NameEntry {
  place: number;
  text: string;
  script: 'arabic' | 'latin';
  /** Same-script key without spaces. */
  key: string;
  skel: string;
}

/** A place matched by name, before ranking. */
export interface NameMatch {
  place: PlaceRecord;
  /** Name similarity in [0, 1]. */
  nameScore: number;
  matchedName: string;
  crossScript: boolean;
}

/** Options of a name search. */
export interface SearchOptions {
  /** Place ids to leave out (leave-one-out evaluation). */
  exclude?: ReadonlySet<string>;
  /** At most this many fuzzy name candidates are scored per key (default 40). */
  fuzzyPool?: number;
  /** Lowest name score kept (default 0.75). */
  minScore?: number;
}

function push<K>(m: Map<K, number[]>, k: K, v: number): void {
  const a = m.get(k);
  if (a) { if (a[a.length - 1] !== v) a.push(v); } else m.set(k, [v]);
}

/** Keys of a query or a name: script, same-script key, skeleton. */
export function keysOf(text: string): { script: 'arabic' | 'latin' | 'other'; key: string; skel: string } {
  const k = nameKeys(text);
  if (k.script === 'other') return { script: 'other', key: '', skel: '' };
  return { script: k.script, key: k.key.replace(/ /g, ''), skel: k.skel };
}

/** Places indexed by every spelling. */
export class Gazetteer {
  readonly places: PlaceRecord[] = [];
  readonly boundaries: BoundaryIndex;
  private readonly byId = new Map<string, number>();
  private readonly entries: NameEntry[] = [];
  private readonly keyMap = new Map<string, number[]>();
  private readonly skelMap = new Map<string, number[]>();
  private readonly tri = new Map<string, number[]>();
  private counts = new Uint16Array(0);
  /** Bit 1: the place has an Arabic-script name; bit 2: a Latin one. */
  private readonly scripts: number[] = [];

  constructor(boundaries: BoundaryIndex = new BoundaryIndex([])) {
    this.boundaries = boundaries;
  }

  /** Number of indexed spellings. */
  get nameCount(): number {
    return this.entries.length;
  }

  /** Adds places (a place with an id already present replaces nothing and is skipped). */
  add(places: Iterable<PlaceRecord>): this {
    for (const p of places) {
      if (this.byId.has(p.id)) continue;
      const idx = this.places.length;
      this.places.push(p);
      this.byId.set(p.id, idx);
      const seen = new Set<string>();
      this.scripts.push(0);
      for (const n of p.names) {
        const k = keysOf(n.text);
        if (k.script === 'other' || !k.key) continue;
        this.scripts[idx] |= k.script === 'arabic' ? 1 : 2;
        const sig = `${k.script}:${k.key}`;
        if (seen.has(sig)) continue;
        seen.add(sig);
        const e = this.entries.length;
        this.entries.push({ place: idx, text: n.text, script: k.script, key: k.key, skel: k.skel });
        push(this.keyMap, sig, e);
        if (k.skel) push(this.skelMap, k.skel, e);
        const pre = k.script === 'arabic' ? 'a' : 'l';
        for (const t of trigrams(k.key)) push(this.tri, pre + t, e);
        if (k.skel) for (const t of trigrams(k.skel)) push(this.tri, `s${t}`, e);
      }
    }
    this.counts = new Uint16Array(this.entries.length);
    return this;
  }

  /** The place with this id, if any. */
  get(id: string): PlaceRecord | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.places[i];
  }

  /**
   * Places with a spelling whose same-script key equals that of `text` (no fuzzy search), or,
   * across scripts, whose skeleton equals it when the skeleton has at least four consonants.
   */
  exact(text: string, exclude?: ReadonlySet<string>): NameMatch[] {
    const q = keysOf(text);
    if (q.script === 'other' || !q.key) return [];
    const best: Best = { map: new Map(), exclude };
    for (const e of this.keyMap.get(`${q.script}:${q.key}`) ?? []) this.consider(best, e, 1);
    if (q.skel.length >= 4) {
      const own = q.script === 'arabic' ? 1 : 2;
      for (const e of this.skelMap.get(q.skel) ?? []) {
        if (this.entries[e].script !== q.script) this.consider(best, e, this.crossScore(e, own, 0.9));
      }
    }
    const out: NameMatch[] = [];
    for (const [p, { score, e }] of best.map) {
      const en = this.entries[e];
      out.push({ place: this.places[p], nameScore: score, matchedName: en.text, crossScript: en.script !== q.script });
    }
    return out;
  }

  /** Entries sharing most trigrams with `key` (prefix 'a', 'l' or 's'), best Dice first. */
  private fuzzy(pre: string, key: string, pool: number): { e: number; dice: number }[] {
    const grams = trigrams(key);
    const touched: number[] = [];
    const counts = this.counts;
    for (const g of grams) {
      const list = this.tri.get(pre + g);
      if (!list) continue;
      for (const e of list) {
        if (counts[e] === 0) touched.push(e);
        counts[e]++;
      }
    }
    const out: { e: number; dice: number }[] = [];
    const need = Math.max(1, Math.ceil(grams.length * 0.3));
    for (const e of touched) {
      const c = counts[e];
      counts[e] = 0;
      if (c < need) continue;
      const en = this.entries[e];
      const other = pre === 's' ? en.skel : en.key;
      const dice = (2 * c) / (grams.length + other.length + 1);
      out.push({ e, dice });
    }
    out.sort((a, b) => b.dice - a.dice);
    const floor = (out[0]?.dice ?? 0) * 0.4;
    let n = 0;
    while (n < out.length && n < pool && out[n].dice >= floor) n++;
    return out.slice(0, n);
  }

  /**
   * Places whose names match `text`: exact same-script key (score 1), same skeleton (cross-script
   * 0.78–0.9 by skeleton length), and, when no key matched exactly, trigram candidates scored by
   * Jaro–Winkler and Levenshtein similarity. Cross-script matches count less for places that have
   * a name in the query's script. One match per place, best first. Never throws.
   */
  search(text: string, opts: SearchOptions = {}): NameMatch[] {
    const q = keysOf(text);
    if (q.script === 'other' || !q.key) return [];
    const best: Best = { map: new Map(), exclude: opts.exclude };
    const pre = q.script === 'arabic' ? 'a' : 'l';
    const own = q.script === 'arabic' ? 1 : 2;
    const skelLen = q.skel.length;
    const crossExact = skelLen <= 2 ? 0.78 : skelLen === 3 ? 0.86 : 0.9;
    let exact = 0;
    for (const e of this.keyMap.get(`${q.script}:${q.key}`) ?? []) if (this.consider(best, e, 1)) exact++;
    // short skeletons are ambiguous: use them across scripts only when nothing matched exactly
    const sameSkel = exact > 0 && skelLen <= 2 ? [] : this.skelMap.get(q.skel) ?? [];
    for (const e of sameSkel) {
      const en = this.entries[e];
      if (en.script !== q.script) this.consider(best, e, this.crossScore(e, own, crossExact));
      else if (exact === 0 && sameSkel.length <= 200) this.consider(best, e, Math.min(0.99, keySimilarity(q.key, en.key) + 0.03));
    }
    if (exact === 0) {
      const pool = opts.fuzzyPool ?? 24;
      for (const { e } of this.fuzzy(pre, q.key, pool)) this.consider(best, e, keySimilarity(q.key, this.entries[e].key));
      let top = 0;
      for (const v of best.map.values()) if (v.score > top) top = v.score;
      if (skelLen >= 3 && top < 0.85) {
        for (const { e } of this.fuzzy('s', q.skel, pool)) {
          const en = this.entries[e];
          if (en.script !== q.script) this.consider(best, e, this.crossScore(e, own, 0.85 * keySimilarity(q.skel, en.skel)));
        }
      }
    }
    const min = opts.minScore ?? 0.75;
    const out: NameMatch[] = [];
    for (const [p, { score, e }] of best.map) {
      if (score < min) continue;
      const en = this.entries[e];
      out.push({ place: this.places[p], nameScore: score, matchedName: en.text, crossScript: en.script !== q.script });
    }
    out.sort((a, b) => b.nameScore - a.nameScore);
    return out;
  }

  /** Keeps the best score per place; false when the place is excluded. */
  private consider(best: Best, e: number, score: number): boolean {
    const en = this.entries[e];
    if (best.exclude && best.exclude.has(this.places[en.place].id)) return false;
    const cur = best.map.get(en.place);
    if (!cur) best.map.set(en.place, { score, e });
    else if (cur.score < score) { cur.score = score; cur.e = e; }
    return true;
  }

  /** A cross-script match counts less when the place has a name in the query's own script. */
  private crossScore(e: number, ownScript: number, base: number): number {
    return base * ((this.scripts[this.entries[e].place] & ownScript) !== 0 ? 0.85 : 1);
  }
}

interface Best {
  map: Map<number, { score: number; e: number }>;
  exclude: ReadonlySet<string> | undefined;
}

/** Load report of a gazetteer: counts and the rows that could not be used. */
export interface LoadReport {
  places: number;
  names: number;
  errors: (RowError & { file: string })[];
}

/** Options of {@link loadGazetteer}. */
export interface LoadOptions {
  /** Vendored data folder (default vendor/gazetteer). */
  dir?: string;
  /** Place-list CSVs to add. */
  placeLists?: string[];
  placeListOptions?: PlaceListOptions;
}

/** Builds a gazetteer from the vendored COD-AB and GeoNames data plus optional place lists. */
export function loadGazetteer(opts: LoadOptions = {}): { gazetteer: Gazetteer; report: LoadReport } {
  const cod = loadCodAb(opts.dir);
  const boundaries = new BoundaryIndex(cod.boundaries);
  const g = new Gazetteer(boundaries).add(cod.places);
  const errors: LoadReport['errors'] = [];
  const gn = loadGeoNames(opts.dir ? `${opts.dir}/geonames-cities500-iq-sy.tsv` : undefined, boundaries);
  for (const r of gn) {
    if (r.ok) g.add([r.place]);
    else errors.push({ ...r, file: 'geonames' });
  }
  for (const file of opts.placeLists ?? []) {
    for (const r of loadPlaceListCsv(file, { boundaries, ...opts.placeListOptions })) {
      if (r.ok) g.add([r.place]);
      else errors.push({ ...r, file });
    }
  }
  return { gazetteer: g, report: { places: g.places.length, names: g.nameCount, errors } };
}

let defaultGazetteer: Gazetteer | null = null;

/** The gazetteer of the vendored data, loaded once per process. */
export function vendoredGazetteer(): Gazetteer {
  defaultGazetteer ??= loadGazetteer().gazetteer;
  return defaultGazetteer;
}
