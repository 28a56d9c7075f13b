/**
 * The sentence a figure is read in: its tokens with their population and outcome words, and the
 * bounded windows the figure rules look through (the noun after a number, an outcome before or
 * after it, combined figures, breakdowns and conjuncts).
 */
import type { Outcome, Population } from '../model/vocabulary.ts';
import { OUTCOME_AR, OUTCOME_EN, POP_AR, lookup, POP_EN, type PopWord } from './lexicon.ts';
import { numberAtEn } from './numbers-en.ts';
import { cardinalAr, numberAtAr } from './numbers-ar.ts';
import { breakdownAr, otherFateAr, outcomeAr, popAr } from './figures-ar.ts';
import { INCLUDING_EN, governsNextEn, lifeIsDeath, stepEn, type EnView } from './figures-en.ts';
import type { Figure } from './figures.ts';
import type { Token } from './sentences.ts';

const CLAUSE_STOP = new Set(['but', 'while', 'whereas', 'although', ';', 'however', 'لكن', 'بينما', 'فيما', '؛']);
const TOLL_AR = new Set(['حصيله', 'عدد', 'ارتفاع']);

export interface Ctx {
  tok: Token[];
  n: string;
  ar: boolean;
  /** The same sentence as figures-en.ts sees it. */
  en: EnView;
  /** The outcome of the tally this sentence is an item of ("– 20 من المدنيين" under "القتلى هم:"), if any. */
  list: Outcome | null;
}

export const popAt = (c: Ctx, j: number): PopWord | undefined => {
  const t = c.tok[j];
  if (!t || t.num || t.punct) return undefined;
  return c.ar ? popAr(c.tok, j) : POP_EN.get(t.t);
};
export const outcomeAt = (c: Ctx, j: number): Outcome | undefined => {
  const t = c.tok[j];
  if (!t || t.num || t.punct) return undefined;
  if (c.ar) return outcomeAr(c.tok, j);
  const o = OUTCOME_EN.get(t.t);
  // "lost their lives", "claimed the life of": not "saved lives", "daily life"
  if (o === 'killed' && (t.t === 'lives' || t.t === 'life') && !lifeIsDeath(c.tok, j)) return undefined;
  // "the death toll is expected to rise as many people …": a toll names no figure by itself
  if ((t.t === 'death' || t.t === 'deaths') && c.tok[j + 1]?.t === 'toll') return undefined;
  return o;
};

/** Finds the population noun after a figure ending at token i1: its index and word. */
export function popAfter(c: Ctx, i1: number): { j: number; w: PopWord } | null {
  const maxSkip = c.ar ? 1 : 3;
  for (let j = i1, skipped = 0; j < c.tok.length && skipped <= maxSkip; j++, skipped++) {
    const t = c.tok[j];
    const w = popAt(c, j);
    // "ارتفع عدد الشهداء إلى 5 والجرحى إلى 15": a noun joined by "و" and the article starts the next tally, it does not count this one
    if (w && c.ar && j === i1 && /^و(?:ال|لل)/.test(t.t)) return null;
    if (w) return { j, w };
    // "31 Islamic State (IS) group militants", "twenty Islamic State (ISIL or Daesh) operatives": a short aside in brackets
    const close = !c.ar && t.t === '(' ? c.tok.slice(j + 1, j + 5).findIndex((x) => x.t === ')') : -1;
    if (close >= 0) {
      j += close + 1;
      skipped--;
      continue;
    }
    if (t.num || t.punct || outcomeAt(c, j)) return null;
    if (c.ar) {
      if (t.t !== 'من') return null;
      continue;
    }
    const step = stepEn(c.en, j, skipped);
    if (step === 'stop') return null;
    if (typeof step === 'number') return { j: step, w: popAt(c, step)! };
  }
  return null;
}

/** Outcome word after token j within a window; returns it and its index. */
export function outcomeForward(c: Ctx, j: number, window: number): { o: Outcome; k: number } | null {
  for (let k = j + 1; k < c.tok.length && k <= j + window; k++) {
    if (CLAUSE_STOP.has(c.tok[k].t) || (c.ar && otherFateAr(c.tok[k].t))) return null;
    const o = outcomeAt(c, k);
    // "3 أشخاص وإصابة 10 آخرين": an outcome word followed by its own figure starts the next claim
    if (o) return governsNext(c, k) ? null : { o, k };
  }
  return null;
}

/** True when the outcome word at k is followed by a figure of its own (a number, a quantity or a population noun). */
export function governsNext(c: Ctx, k: number): boolean {
  const nx = c.tok[k + 1];
  if (!nx || nx.punct) return false;
  if (!c.ar) return governsNextEn(c.en, k);
  if (nx.num) return true;
  return numberAtAr(c.tok, k + 1, c.n) !== null || (popAt(c, k + 1) !== undefined && !popAt(c, k + 1)?.outcome);
}

/** Outcome word before token i within a window, not crossing "and" / a comma unless `cross`. */
export function outcomeBackward(c: Ctx, i: number, window: number, cross: boolean): { o: Outcome; k: number } | null {
  for (let k = i - 1, w = window; k >= 0 && k >= i - w; k--) {
    const t = c.tok[k].t;
    // quotes and hashtag marks around a name ("ارتقاء "فلان" قائد شرطة #سرمدا برفقة 3 أشخاص") take no room
    if (c.ar && (t === '"' || t === '#') && w < window + 6) w++;
    const o = outcomeAt(c, k);
    if (o) return { o, k };
    // "استشهاد مدنيين اثنين إضافة إلى خطف عدد من الأشخاص": an arrest or abduction is another fate
    if (CLAUSE_STOP.has(t) || (c.ar && otherFateAr(t))) return null;
    if (!cross && (t === 'and' || t === ',' || t === '،' || t === 'و')) return null;
  }
  return null;
}

/** "25 شهيد وجريح", "37 killed or injured": a combined figure that cannot be split (noted, not counted). */
export function combined(c: Ctx, j: number): boolean {
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
  // "23 مدنياً لحياتهم وإصابة أكثر من 200": the second outcome opens a figure of its own
  if (c.ar && conj !== 'و' && lookup(POP_AR, next, true) === undefined && (governsNext(c, k) || [1, 2, 3, 4].some((m) => c.tok[k + m] && numberAtAr(c.tok, k + m, c.n)?.value))) return false;
  // "سقوط ثلاث شهداء وجرح رابع", "مقتل مدنيين وإصابة آخر": another one, or a fourth, is a figure of its own
  if (c.ar && conj !== 'و' && /^(?:ال)?(?:اخر|اخري|اخرين|اخرون|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر)$/.test(c.tok[k + 1]?.t ?? '')) return false;
  const b = c.ar ? lookup(POP_AR, next, true)?.outcome ?? lookup(OUTCOME_AR, next, true) : OUTCOME_EN.get(next);
  return b !== undefined && b !== a;
}

/** "مقتل وإصابة 5", "killed and wounded 5": the outcome word at k is joined to a different one. */
export function combinedOutcome(c: Ctx, k: number, dir: 1 | -1, prev?: Figure): boolean {
  // "فقد مدني حياته وأصيب 3": the outcome word before belongs to the figure just found
  if (dir === -1 && prev && prev.t0 <= k && prev.t1 >= k) return false;
  const a = outcomeAt(c, k);
  const j = dir === 1 ? k + 1 : k - 1;
  const t = c.tok[j]?.t;
  if (t === undefined || a === undefined) return false;
  if (t === 'and' || t === 'or' || t === 'او') {
    const b = outcomeAt(c, j + dir);
    return b !== undefined && b !== a;
  }
  const b = outcomeAt(c, j);
  // "175 terrorists killed injured": two outcome words side by side in an English headline
  const joined = dir === 1 ? !c.ar || t.startsWith('و') : !c.ar || c.tok[k].t.startsWith('و');
  return joined && b !== undefined && b !== a;
}

/** Nothing after a bare number that would make it count something else ("killed 5," / "استشهد 6 بينهم"). */
export function bareEnd(c: Ctx, i1: number): boolean {
  const t = c.tok[i1];
  if (!t) return true;
  if (t.punct) return true;
  // "قتل 3 وجرح 5": the next clause starts with و and an outcome or a number
  if (c.ar && t.t.startsWith('و') && t.t.length > 2 && (outcomeAt(c, i1) !== undefined || cardinalAr(c.tok, i1) !== null)) return true;
  // "Attack Kills Two Injures Three": the next outcome word governs a figure of its own
  if (!c.ar && outcomeAt(c, i1) !== undefined && governsNext(c, i1)) return true;
  return c.ar ? /^(بينهم|منهم|اشخاص|و|في|جراء|اثر|بقصف|بغاره|بغارات|بجروح|بجراح|نتيجه|خلال|عقب|بعد|اليوم|امس|صباح|مساء|فجر|كحصيله|بحسب|حسب|وفق)$/.test(t.t) : /^(and|in|people|after|when|on|including|more|most|mostly|mainly|some|among|all|both|while|who|as|at|near|from|since|during|with|by|following|but|,|today|yesterday|overnight|earlier|late|early|last|this|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(t.t);
}

export function tollBefore(c: Ctx, i: number): boolean {
  let toll = false;
  let death = false;
  for (let k = i - 1; k >= 0 && k >= i - 8; k--) {
    const t = c.tok[k].t;
    if (t === 'toll' || (c.ar && TOLL_AR.has(t.replace(/^[وب]/, '')))) toll = true;
    if (t === 'death' || (c.ar && /شهداء|قتلي|ضحايا|الوفيات/.test(t))) death = true;
  }
  return toll && death;
}

export function including(c: Ctx, i0: number, prev?: Figure): boolean {
  if (c.ar) return breakdownAr(c.tok, i0, prev, (k) => outcomeAt(c, k) !== undefined);
  for (let k = i0 - 1; k >= 0 && k >= i0 - 3; k--) {
    if (INCLUDING_EN.has(c.tok[k].t)) return true;
  }
  return false;
}

export function coordinated(c: Ctx, i0: number, prev: Figure | undefined): boolean {
  if (!prev || i0 - prev.t1 > 2) return false;
  const t = c.tok[i0 - 1]?.t;
  const t0 = c.tok[i0].t;
  // "a woman and her three children"
  if (!c.ar && /^(her|his|their)$/.test(t ?? '') && c.tok[i0 - 2]?.t === 'and') return true;
  // "استشهاد الأب والأم إلى جانب أطفالهما السبعة": alongside
  if (c.ar && t === 'جانب' && c.tok[i0 - 2]?.t === 'الي') return true;
  return t === 'and' || t === ',' || t === '،' || t === 'و' || (c.ar && t0.startsWith('و'));
}

/** An odd number of dashes used as punctuation ("children- and", " – and"): one closes an aside ("people - mostly civilians - dying" is balanced). */
export function closingDash(between: string): boolean {
  return ((between.match(/(^|\s)-(\s|$)|\w-(\s|$)/g) ?? []).length) % 2 === 1;
}

/** "killed 28 and wounded 30 Daesh militants": the population of the noun after "and <outcome> <number>", if any. */
export function sharedNounEn(c: Ctx, i1: number): Population | undefined {
  if (c.tok[i1]?.t !== 'and' || !outcomeAt(c, i1 + 1)) return undefined;
  const np = numberAtEn(c.tok, i1 + 2, c.n);
  const p = np ? popAfter(c, np.i1) : null;
  return p && !p.w.outcome && p.w.pop !== 'unknown' ? p.w.pop : undefined;
}

