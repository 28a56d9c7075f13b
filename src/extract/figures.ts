/**
 * Casualty figures in one tokenised sentence: a number (or number word, vague quantity, singular
 * or dual noun) with the population it counts and the outcome the sentence gives it. Works for
 * English and Arabic with their own lexicons; bounded windows keep it linear.
 */
import type { Outcome, Population, Qualifier } from '../model/vocabulary.ts';
import { OUTCOME_AR, OUTCOME_EN, POP_AR, POP_EN, lookup, type PopWord } from './lexicon.ts';
import { cardinalEn, isOrdinalOne, numberAtEn, type NumPhrase } from './numbers-en.ts';
import { cardinalAr, definiteUnitAr, numberAtAr } from './numbers-ar.ts';
import type { Token } from './sentences.ts';

/** A casualty figure: tokens [t0, t1) quote it. */
export interface Figure {
  t0: number;
  t1: number;
  outcome: Outcome;
  population: Population;
  min: number | null;
  max: number | null;
  qualifier: Qualifier;
}

const STOP_EN = new Set(
  'of in on at by from to the and or with for since during after before was were is are has have had been be that which who whom per a an as this these those its their his her it they than into over about more less'
    .split(' '),
);
const COUNTED_EN = new Set(
  'reports report strikes strike airstrikes airstrike raids raid sorties years year days day months month hours hour weeks week km kilometres kilometers miles meters metres countries times houses buildings homes vehicles cars missiles rockets shells bombs attacks attack incidents allegations claims percent per cent families tonnes tons dollars targets positions sites areas villages towns cases'
    .split(' '),
);
const INCLUDING_EN = new Set(['including', 'among', 'them', 'whom', 'include', 'includes', 'included']);
const INCLUDING_AR = new Set(['بينهم', 'منهم', 'بينهن', 'منهن', 'بينها', 'جلهم', 'معظمهم', 'غالبيتهم', 'اغلبهم']);
const CLAUSE_STOP = new Set(['but', 'while', 'whereas', 'although', ';', 'however', 'لكن', 'بينما', 'فيما', '؛']);
const TOLL_AR = new Set(['حصيله', 'عدد', 'ارتفاع']);
/** An Arabic word with the article, after an optional clitic (الطفل، والطفل، للطفل). */
const DEFINITE = /^(?:[وفبلك]|وب|ول|فب|فل)?ال|^[وف]?لل/;
const ONE_EN = new Set(['a', 'an', 'one', 'another', 'single', 'lone']);

interface Ctx {
  tok: Token[];
  n: string;
  ar: boolean;
}

const popAt = (c: Ctx, j: number): PopWord | undefined => {
  const t = c.tok[j];
  if (!t || t.num || t.punct) return undefined;
  return c.ar ? lookup(POP_AR, t.t, true) : POP_EN.get(t.t);
};
const outcomeAt = (c: Ctx, j: number): Outcome | undefined => {
  const t = c.tok[j];
  if (!t || t.num || t.punct) return undefined;
  if (c.ar) return lookup(OUTCOME_AR, t.t, true);
  const o = OUTCOME_EN.get(t.t);
  if (o === 'killed' && t.t === 'lives' && c.tok[j - 1]?.t !== 'their') return undefined;
  return o;
};

/** Finds the population noun after a figure ending at token i1: its index and word. */
function popAfter(c: Ctx, i1: number): { j: number; w: PopWord } | null {
  const maxSkip = c.ar ? 1 : 3;
  for (let j = i1, skipped = 0; j < c.tok.length && skipped <= maxSkip; j++, skipped++) {
    const t = c.tok[j];
    const w = popAt(c, j);
    if (w) return { j, w };
    if (t.num || t.punct || outcomeAt(c, j)) return null;
    if (c.ar) {
      if (t.t !== 'من') return null;
      continue;
    }
    if (STOP_EN.has(t.t) || COUNTED_EN.has(t.t)) return null;
  }
  return null;
}

/** Outcome word after token j within a window; returns it and its index. */
function outcomeForward(c: Ctx, j: number, window: number): { o: Outcome; k: number } | null {
  for (let k = j + 1; k < c.tok.length && k <= j + window; k++) {
    if (CLAUSE_STOP.has(c.tok[k].t)) return null;
    const o = outcomeAt(c, k);
    // "3 أشخاص وإصابة 10 آخرين": an outcome word followed by its own figure starts the next claim
    if (o) return governsNext(c, k) ? null : { o, k };
  }
  return null;
}

/** True when the outcome word at k is followed by a figure of its own (a number, a quantity or a population noun). */
function governsNext(c: Ctx, k: number): boolean {
  const nx = c.tok[k + 1];
  if (!nx || nx.punct) return false;
  if (nx.num) return true;
  if (c.ar) return numberAtAr(c.tok, k + 1, c.n) !== null || (popAt(c, k + 1) !== undefined && !popAt(c, k + 1)?.outcome);
  return numberAtEn(c.tok, k + 1, c.n) !== null;
}

/** Outcome word before token i within a window, not crossing "and" / a comma unless `cross`. */
function outcomeBackward(c: Ctx, i: number, window: number, cross: boolean): { o: Outcome; k: number } | null {
  for (let k = i - 1; k >= 0 && k >= i - window; k--) {
    const t = c.tok[k].t;
    const o = outcomeAt(c, k);
    if (o) return { o, k };
    if (CLAUSE_STOP.has(t)) return null;
    if (!cross && (t === 'and' || t === ',' || t === '،' || t === 'و')) return null;
  }
  return null;
}

/** "25 شهيد وجريح", "37 killed or injured": a combined figure that cannot be split (noted, not counted). */
function combined(c: Ctx, j: number): boolean {
  const a = popAt(c, j)?.outcome ?? outcomeAt(c, j + 1) ?? outcomeAt(c, j);
  let k = j + 1;
  if (c.tok[k] && outcomeAt(c, k) === a && a !== undefined) k++;
  const conj = c.tok[k]?.t;
  let next: string | undefined;
  if (conj === 'and' || conj === 'or' || conj === 'او' || conj === 'و') next = c.tok[k + 1]?.t;
  else if (c.ar && conj?.startsWith('و')) next = conj.slice(1);
  if (next === undefined || a === undefined) return false;
  // "10 شهداء وجريحة": a plural then a singular noun are two figures, not one combined one
  if (c.ar && popAt(c, j)?.plural && lookup(POP_AR, next, true)?.count !== undefined) return false;
  const b = c.ar ? lookup(POP_AR, next, true)?.outcome ?? lookup(OUTCOME_AR, next, true) : OUTCOME_EN.get(next);
  return b !== undefined && b !== a;
}

/** "مقتل وإصابة 5", "killed and wounded 5": the outcome word at k is joined to a different one. */
function combinedOutcome(c: Ctx, k: number, dir: 1 | -1): boolean {
  const a = outcomeAt(c, k);
  const j = dir === 1 ? k + 1 : k - 1;
  const t = c.tok[j]?.t;
  if (t === undefined || a === undefined) return false;
  if (t === 'and' || t === 'or' || t === 'او') {
    const b = outcomeAt(c, j + dir);
    return b !== undefined && b !== a;
  }
  const b = outcomeAt(c, j);
  const joined = dir === 1 ? c.ar && t.startsWith('و') : c.ar && c.tok[k].t.startsWith('و');
  return joined && b !== undefined && b !== a;
}

/** Nothing after a bare number that would make it count something else ("killed 5," / "استشهد 6 بينهم"). */
function bareEnd(c: Ctx, i1: number): boolean {
  const t = c.tok[i1];
  if (!t) return true;
  if (t.punct) return true;
  // "قتل 3 وجرح 5": the next clause starts with و and an outcome or a number
  if (c.ar && t.t.startsWith('و') && t.t.length > 2 && (outcomeAt(c, i1) !== undefined || cardinalAr(c.tok, i1) !== null)) return true;
  return c.ar ? /^(بينهم|منهم|اشخاص|و|في|جراء|اثر|بقصف|بغاره|بغارات)$/.test(t.t) : /^(and|in|people|after|when|on|including|,)$/.test(t.t);
}

function tollBefore(c: Ctx, i: number): boolean {
  let toll = false;
  let death = false;
  for (let k = i - 1; k >= 0 && k >= i - 8; k--) {
    const t = c.tok[k].t;
    if (t === 'toll' || (c.ar && TOLL_AR.has(t.replace(/^[وب]/, '')))) toll = true;
    if (t === 'death' || (c.ar && /شهداء|قتلي|ضحايا|الوفيات/.test(t))) death = true;
  }
  return toll && death;
}

function including(c: Ctx, i0: number): boolean {
  for (let k = i0 - 1; k >= 0 && k >= i0 - 3; k--) {
    const t = c.tok[k].t;
    if (c.ar ? INCLUDING_AR.has(t) || INCLUDING_AR.has(t.replace(/^[وم]ن?/, '')) : INCLUDING_EN.has(t)) return true;
  }
  return false;
}

function coordinated(c: Ctx, i0: number, prev: Figure | undefined): boolean {
  if (!prev || i0 - prev.t1 > 2) return false;
  const t = c.tok[i0 - 1]?.t;
  const t0 = c.tok[i0].t;
  return t === 'and' || t === ',' || t === '،' || t === 'و' || (c.ar && t0.startsWith('و'));
}

/** Nouns after a singular population word that make it an adjective ("a terrorist attack", "a militant website"). */
const ATTRIBUTIVE_EN = /^(attack|attacks|rocket|rockets|group|groups|organi[sz]ation|cell|website|site|faction|base|position|positions|convoy|vehicle|car|hideout|leader|leadership|camp|stronghold|commander|network|media|outlet|source|sources|statement|spokesman)$/;

/** "rebels killed a pilot": a plural noun before an active verb with an object is the killer, not the killed. */
function agentive(c: Ctx, i: number): boolean {
  for (let k = i + 1; k < c.tok.length && k <= i + 3; k++) {
    const t = c.tok[k].t;
    if (/^(were|was|are|is|been|be|have|has|had|reportedly)$/.test(t)) return false;
    if (outcomeAt(c, k)) {
      const nx = c.tok[k + 1];
      return !!nx && (nx.num || /^(a|an|the|at|more|over|about|dozens|hundreds|scores|several|his|her|their|its|two|three|four|five|six|seven|eight|nine|ten|many|some)$/.test(nx.t));
    }
  }
  return false;
}

/** True when a civil-defence or rescue body is named within a few tokens after index j. */
function civilDefenceAfter(c: Ctx, j: number): boolean {
  for (let k = j + 1; k < c.tok.length && k <= j + 4; k++) {
    const t = c.tok[k].t;
    const nx = c.tok[k + 1]?.t ?? '';
    if (/^(?:[وبل]|لل)?(?:ال)?دفاع$/.test(t) && /^(?:ال)?مدني$/.test(nx)) return true;
    if (/^(?:ال)?خوذ$/.test(t) || ((t === 'civil' || t === 'white') && /^(defen[cs]e|helmets)$/.test(nx))) return true;
  }
  return false;
}

/** Decides the outcome of a figure whose number starts at i0 and whose noun ends at j. */
function decideOutcome(c: Ctx, i0: number, j: number, prev: Figure | undefined): { o: Outcome; k: number | null } | null {
  const near = outcomeBackward(c, i0, 3, false);
  if (near) return near;
  if (prev && including(c, i0)) return { o: prev.outcome, k: null };
  const fwd = outcomeForward(c, j, 12);
  if (fwd) return fwd;
  const far = outcomeBackward(c, i0, 12, false);
  if (far) return far;
  if (prev && (including(c, i0) || coordinated(c, i0, prev))) return { o: prev.outcome, k: null };
  return null;
}

/** For nouns that count themselves (مدني، طفلين): the outcome must sit right beside them. */
function tightOutcome(c: Ctx, i0: number, j: number, prev: Figure | undefined): { o: Outcome; k: number | null } | null {
  const near = outcomeBackward(c, i0, 2, true);
  if (near) return near;
  // "بينهم طفلين وامرأة وأصيب …": a breakdown or a conjunct takes the outcome of the figure it follows
  if (prev && (including(c, i0) || coordinated(c, i0, prev))) return { o: prev.outcome, k: null };
  return outcomeForward(c, j, 3);
}

function build(c: Ctx, i0: number, j: number, w: PopWord | null, np: Pick<NumPhrase, 'min' | 'max' | 'qualifier'>, prev: Figure | undefined, tight = false): Figure | null {
  let population: Population = w?.pop ?? 'unknown';
  let end = j;
  // "five family members", "members of one family": relatives, not fighters
  if (population === 'combatants' && /^members?$/.test(c.tok[j]?.t ?? '') && (/^(family|staff|crew|team)$/.test(c.tok[j - 1]?.t ?? '') || c.tok.slice(j + 1, j + 5).some((t) => /^famil(y|ies)$/.test(t.t)))) population = 'unknown';
  // "4 شهداء أطفال": an outcome noun refined by a population after it
  if (w?.outcome) {
    // "two wounded people": the noun after belongs to the figure too
    const finer = popAt(c, j + 1);
    if (finer && !finer.outcome && (finer.pop !== 'unknown' || !c.ar)) {
      if (finer.pop !== 'unknown') population = finer.pop;
      end = j + 1;
    }
  }
  // "عناصر من الدفاع المدني", "members of the civil defence": rescuers are civilians
  if (population === 'combatants' && civilDefenceAfter(c, end)) population = 'civilians';
  let outcome: Outcome | null = w?.outcome ?? null;
  let k: number | null = null;
  if (!outcome) {
    const d = tight ? tightOutcome(c, i0, end, prev) : decideOutcome(c, i0, end, prev);
    if (!d) return null;
    if (d.k !== null && d.k < i0 && (combinedOutcome(c, d.k, 1) || combinedOutcome(c, d.k, -1))) return null;
    outcome = d.o;
    k = d.k;
  }
  const t0 = k !== null && k < i0 && i0 - k <= 3 && (!prev || prev.t1 <= k) ? k : i0;
  const t1 = k !== null && k > end && k - end <= 4 ? k + 1 : end + 1;
  return { t0, t1, outcome, population, min: np.min, max: np.max, qualifier: np.qualifier };
}

/**
 * Casualty figures in a tokenised sentence (normalised text `n`), in order.
 *
 * @example
 *   findFigures(tokenize(n, 0, n.length), n, false) // "at least 1,302 civilians were killed" → [{ min: 1302, … }]
 */
export function findFigures(tok: Token[], n: string, ar: boolean): Figure[] {
  const c: Ctx = { tok, n, ar };
  const out: Figure[] = [];
  for (let i = 0; i < tok.length; i++) {
    const prev = out[out.length - 1];
    const np = ar ? numberAtAr(tok, i, n) : numberAtEn(tok, i, n);
    if (np) {
      let i1 = np.i1;
      if (!ar && tok[i1]?.t === 'of' && (tok[i1 + 1]?.t === 'them' || tok[i1 + 1]?.t === 'whom')) i1 += 2;
      const p = popAfter(c, i1);
      if (p && combined(c, p.j)) {
        i = p.j + 2;
        continue;
      }
      if (p) {
        const f = build(c, np.i0, p.j, p.w, np, prev);
        if (f) {
          out.push(f);
          i = Math.max(i, f.t1 - 1, p.j);
          continue;
        }
      } else if (outcomeAt(c, np.i0 - 1) && bareEnd(c, i1) && !combinedOutcome(c, np.i0 - 1, -1)) {
        out.push({ t0: np.i0 - 1, t1: np.i1, outcome: outcomeAt(c, np.i0 - 1)!, population: 'unknown', min: np.min, max: np.max, qualifier: np.qualifier });
        i = np.i1 - 1;
        continue;
      } else if (np.value !== null && tollBefore(c, np.i0)) {
        out.push({ t0: np.i0, t1: np.i1, outcome: 'killed', population: 'unknown', min: np.min, max: np.max, qualifier: np.qualifier });
        i = np.i1 - 1;
        continue;
      } else if (!ar) {
        let k = i1;
        while (k < i1 + 2 && /^(are|were|was|is|have|has|been|reportedly|remain|still)$/.test(tok[k]?.t ?? '')) k++;
        const o = outcomeAt(c, k);
        if (o && k > i1 && !combinedOutcome(c, k, 1)) {
          out.push({ t0: np.i0, t1: k + 1, outcome: o, population: 'unknown', min: np.min, max: np.max, qualifier: np.qualifier });
          i = k;
          continue;
        }
      }
      if (!ar && np.value !== null) {
        const o = outcomeAt(c, i1);
        if (o && tok[i1].t !== 'kill' && tok[i1].t !== 'kills' && !combinedOutcome(c, i1, 1)) {
          out.push({ t0: np.i0, t1: i1 + 1, outcome: o, population: 'unknown', min: np.min, max: np.max, qualifier: np.qualifier });
          i = i1;
          continue;
        }
      }
      i = Math.max(i, np.i1 - 1);
      continue;
    }
    const t = tok[i];
    if (!ar && (ONE_EN.has(t.t) || isOrdinalOne(t.t))) {
      let j = i + 1;
      if (isOrdinalOne(tok[j]?.t ?? '')) j++;
      // "an 11-year-old child", "a 9 years old boy"
      if (tok[j]?.num && /^(years?|year-old|years-old|months?|month-old)$/.test(tok[j + 1]?.t ?? '')) j += tok[j + 2]?.t === 'old' ? 3 : 2;
      const p = popAfter(c, j);
      // "a terrorist attack", "a militant website": the noun describes a thing, not a person
      if (p && p.w.count === 1 && !ATTRIBUTIVE_EN.test(tok[p.j + 1]?.t ?? '')) {
        const f = build(c, i, p.j, p.w, { min: 1, max: 1, qualifier: 'exact' }, prev);
        if (f) {
          out.push(f);
          i = Math.max(i, f.t1 - 1, p.j);
        }
      }
      continue;
    }
    const w = popAt(c, i);
    if (!w) continue;
    if (ar && w.count === 1 && !w.outcome && DEFINITE.test(t.t) && outcomeAt(c, i - 1)) {
      // "مقتل الطفل …": one named person
      out.push({ t0: i - 1, t1: i + 1, outcome: outcomeAt(c, i - 1)!, population: w.pop, min: 1, max: 1, qualifier: 'exact' });
      continue;
    }
    const after = ar ? cardinalAr(tok, i + 1) : null;
    // "مقتل مدنيين" is plural (vague) unless a number word makes it a dual ("مدنيين اثنين")
    const dual = !w.ambiguous || after?.value === 2;
    // "بين قتيل وجريح": some killed, some injured, no number
    const between = tok[i - 1]?.t === 'بين' || (tok[i - 2]?.t === 'بين' && t.t.startsWith('و'));
    if (ar && dual && w.count !== undefined && !DEFINITE.test(t.t) && !between) {
      // "مقتل طفل", "إصابة طفلين", "مدنيين اثنين": singular and dual nouns count themselves
      const count = after && (after.value === w.count || (w.count === 2 && after.value > 2)) ? after.value : w.count;
      const f = build(c, i, after ? after.next - 1 : i, w, { min: count, max: count, qualifier: 'exact' }, prev, true);
      if (f) {
        // "رجل مسن", "رجل مدني": a second singular noun describes the same person
        while (!after && f.t1 === i + 1 && tok[f.t1] && !tok[f.t1].t.startsWith('و') && popAt(c, f.t1)?.count === w.count && !popAt(c, f.t1)?.outcome) f.t1++;
        out.push(f);
        i = Math.max(i, f.t1 - 1);
      }
      continue;
    }
    // "وأطفالها الثلاثة": a definite number word after the noun counts it
    const defCount = ar ? definiteUnitAr(tok[i + 1]?.t) : null;
    if (ar && defCount !== null && w.plural && !DEFINITE.test(t.t)) {
      const f = build(c, i, i + 1, w, { min: defCount, max: defCount, qualifier: 'exact' }, prev, true);
      if (f) {
        out.push(f);
        i = Math.max(i, f.t1 - 1);
        continue;
      }
    }
    if (w.plural && !(ar ? DEFINITE.test(t.t) : false) && (ar ? outcomeBackward(c, i, 1, true) : outcomeBackward(c, i, 1, true) || (outcomeForward(c, i, 3) && !agentive(c, i)))) {
      const f = build(c, i, i, w, { min: null, max: null, qualifier: 'vague' }, prev);
      if (f) out.push(f);
    }
  }
  return out;
}

/** A cardinal at token i (either language), for callers counting strikes or reports. */
export function cardinalAt(tok: Token[], i: number, ar: boolean): { value: number; next: number } | null {
  return ar ? cardinalAr(tok, i) : cardinalEn(tok, i);
}
