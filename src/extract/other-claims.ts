/**
 * Claims that count something other than people: strikes ("carried out 34502 air strikes",
 * "شنّ 12 غارة") and reports ("111 reports of civilian deaths being considered"), plus the
 * stance phrases of a sentence.
 */
import type { Qualifier } from '../model/vocabulary.ts';
import { STANCE } from './lexicon.ts';
import { norm } from './normalise.ts';
import { numberAtAr } from './numbers-ar.ts';
import { numberAtEn } from './numbers-en.ts';
import type { Token } from './sentences.ts';

/** A count of strikes or reports: tokens [t0, t1). */
export interface CountFigure {
  type: 'strikes' | 'reports';
  t0: number;
  t1: number;
  min: number | null;
  max: number | null;
  qualifier: Qualifier;
}

/** Strike nouns that take a count; shells and rockets fired count as strikes too ("سقوط 3 قذائف", "fired 12 rockets"). */
const STRIKES = new Set([
  ...'strikes airstrikes raids sorties strike airstrike raid bombardments shells rockets missiles'.split(' '),
  ...'غاره غارات ضربه ضربات طلعه طلعات قذيفه قذائف صاروخ صواريخ'.split(' ').map(norm),
]);
const REPORTS = new Set([...'reports allegations complaints claims report allegation'.split(' '), ...'تقارير تقريرا بلاغات بلاغا ادعاءات شكاوي'.split(' ').map(norm)]);
const MODIFIERS = new Set(['air', 'aerial', 'coalition', 'russian', 'israeli', 'turkish', 'drone', 'separate', 'more', 'new', 'additional', 'other', 'further', 'precision']);

/** Strike and report counts in a tokenised sentence. */
export function findCounts(tok: Token[], n: string, ar: boolean, taken: (i: number) => boolean = () => false): CountFigure[] {
  const out: CountFigure[] = [];
  for (let i = 0; i < tok.length; i++) {
    if (taken(i)) continue;
    const np = ar ? numberAtAr(tok, i, n) : numberAtEn(tok, i, n);
    if (!np) continue;
    for (let j = np.i1; j < tok.length && j <= np.i1 + 2; j++) {
      const t = tok[j].t;
      const type = STRIKES.has(t) ? 'strikes' : REPORTS.has(t) ? 'reports' : null;
      if (type) {
        out.push({ type, t0: np.i0, t1: j + 1, min: np.min, max: np.max, qualifier: np.qualifier });
        break;
      }
      if (!MODIFIERS.has(tok[j].t)) break;
    }
    i = Math.max(i, np.i1 - 1);
  }
  if (!out.some((c) => c.type === 'strikes')) {
    const ev = strikeEvent(tok, ar, taken);
    if (ev) out.push(ev);
  }
  return out;
}

/** Strike nouns with no number: a singular is one strike, a plural an unstated number. */
const STRIKE_ONE = new Set([...'strike airstrike raid attack'.split(' '), ...'غاره ضربه طلعه'.split(' ').map(norm)]);
/**
 * Strike nouns with no count. A raid (مداهمة، إنزال) is told as an operation at a place and a time: it is
 * kept as a strike event so that the report carries its place and day into linkage, with no count.
 */
const STRIKE_MANY = new Set([...'strikes airstrikes raids bombardments shelling bombardment bombing attacks shelled bombed shells rockets'.split(' '), ...'غارات ضربات طلعات قصف استهداف انزال هجوم قذائف صواريخ مداهمه مداهمات'.split(' ').map(norm)]);
/** Verbs that tell a strike ("طيران مسير يستهدف سيارة", "قصفت قوات النظام"): an unstated number of strikes. */
const STRIKE_VERBS = new Set('يستهدف تستهدف استهدف استهدفت استهدفوا استهدفا يقصف تقصف قصفت قصفوا قصفا تقصفان'.split(' ').map(norm));

/** "غارات جوية على …", "an airstrike hit …": a strike event stated without a count (the first in the sentence). */
function strikeEvent(tok: Token[], ar: boolean, taken: (i: number) => boolean): CountFigure | null {
  for (let i = 0; i < tok.length; i++) {
    if (taken(i)) continue;
    const t = tok[i].t;
    const bare = ar ? t.replace(/^(?:و?ب|و|ف|ل)(?=..)/, '').replace(/^ال(?=...)/, '') : t;
    if (STRIKE_MANY.has(bare) || (ar && STRIKE_VERBS.has(t.replace(/^[وف](?=...)/, '')))) return { type: 'strikes', t0: i, t1: i + 1, min: null, max: null, qualifier: 'vague' };
    // "a strike", "غارة": one strike; "the strike" / "الغارة" refers back to one already told
    if (STRIKE_ONE.has(bare) && (ar ? !/^(?:و?ب|و|ف|ل)?ال/.test(t) : tok[i - 1]?.t === 'a' || tok[i - 1]?.t === 'an' || MODIFIERS.has(tok[i - 1]?.t ?? ''))) {
      return { type: 'strikes', t0: i, t1: i + 1, min: 1, max: 1, qualifier: 'exact' };
    }
  }
  return null;
}

const WORD = /[\p{L}\p{N}]/u;

/** Stance phrases in a normalised sentence n[s, e): their normalised offsets, longest first, not overlapping. */
export function findStance(n: string, s: number, e: number): { s: number; e: number }[] {
  const sub = n.slice(s, e);
  const out: { s: number; e: number }[] = [];
  for (const p of STANCE) {
    for (let i = sub.indexOf(p); i !== -1; i = sub.indexOf(p, i + 1)) {
      const b = sub[i - 1];
      const a = sub[i + p.length];
      if ((b !== undefined && WORD.test(b) && !/[وف]/.test(b)) || (a !== undefined && WORD.test(a))) continue;
      const x = s + i;
      if (out.some((o) => o.s < x + p.length && x < o.e)) continue;
      out.push({ s: x, e: x + p.length });
    }
  }
  return out.sort((a, b) => a.s - b.s);
}
