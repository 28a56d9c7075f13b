/**
 * Casualty figures in one tokenised sentence: a number (or number word, vague quantity, singular
 * or dual noun) with the population it counts and the outcome the sentence gives it. Works for
 * English and Arabic with their own lexicons; bounded windows keep it linear.
 */
import type { Outcome, Population, Qualifier } from '../model/vocabulary.ts';
import type { PopWord } from './lexicon.ts';
import { cardinalEn, numberAtEn, type NumPhrase } from './numbers-en.ts';
import { cardinalAr, numberAtAr } from './numbers-ar.ts';
import { refinePopulation } from './population.ts';
import { amongAr, betweenKilledAndInjured, groupAfterMin, lifeAt, nounFiguresAr, thingsAt, type NounKit } from './figures-ar.ts';
import { listHeaderAr, tallyTo, tollAr } from './tallies-ar.ts';
import {
  AUX_EN, COUNTED_EN, DEATH_OF_EN, INCLUDING_EN, PASSIVE_EN, STOP_EN, actsAfter, kinAfterPossessive, nounFiguresEn,
  ofEnd, ofTheEn, ofThoseBefore, ofThoseWere, passiveAfterEn, reporterAt, tollRiseEn, type EnNounKit,
} from './figures-en.ts';
import {
  bareEnd, closingDash, combined, combinedOutcome, coordinated, governsNext, including, outcomeAt, outcomeBackward, outcomeForward, popAfter, popAt,
  sharedNounEn, tollBefore, type Ctx,
} from './figure-context.ts';
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

/** Decides the outcome of a figure whose number starts at i0 and whose noun ends at j. */
function decideOutcome(c: Ctx, i0: number, j: number, prev: Figure | undefined): { o: Outcome; k: number | null } | null {
  const toll = c.ar ? null : tollRiseEn(c.tok, i0);
  if (toll) return { o: toll, k: null };
  // "a massacre against 14 civilians", "the massacre of 30 villagers"
  if (!c.ar && /^(against|of)$/.test(c.tok[i0 - 1]?.t ?? '') && /^massacres?$/.test(c.tok[i0 - 2]?.t ?? '')) return { o: 'killed', k: i0 - 2 };
  const after = c.ar ? null : passiveAfterEn(c.en, j);
  // "dozens of people were killed or wounded": a combined figure is noted, not counted
  if (after) return combinedOutcome(c, after.k, 1) ? null : after;
  const near = outcomeBackward(c, i0, 3, false) ?? (c.ar ? null : ofThoseBefore(c.en, i0));
  if (near) return near;
  // "killing five civilians from one family – a woman and four of her children –": a breakdown set off by a dash, a bracket or a colon
  if (!c.ar && prev && i0 - prev.t1 <= 6 && /[(:]|(^|\s)-(\s|$)/.test(c.n.slice(c.tok[prev.t1 - 1].e, c.tok[i0].s))) return { o: prev.outcome, k: null };
  if (prev && including(c, i0, prev)) return { o: prev.outcome, k: null };
  // "left 20 people dead, including two children and six women, and over 62 others injured": a second part of the breakdown
  if (!c.ar && prev && coordinated(c, i0, prev) && including(c, prev.t0)) return { o: prev.outcome, k: null };
  const fwd = outcomeForward(c, j, 12);
  // "four of her children – and wounding another": a closing dash ends the breakdown before the next outcome
  if (fwd && (c.ar || !closingDash(c.n.slice(c.tok[j].s, c.tok[fwd.k].s)))) return fwd;
  const far = outcomeBackward(c, i0, 12, false);
  if (far) return far;
  if (prev && (including(c, i0, prev) || coordinated(c, i0, prev))) return { o: prev.outcome, k: null };
  // "ارتفعت حصيلة الضحايا إلى 7 مدنيين", "بلغ عدد ضحايا المجزرة 10 أشخاص"
  const tally = c.ar ? tallyTo(c.tok, i0)?.o ?? tollAr(c.tok, i0) ?? listHeaderAr(c.tok, c.n, i0) ?? c.list : c.list;
  return tally ? { o: tally, k: null } : null;
}

/** For nouns that count themselves (مدني، طفلين): the outcome must sit right beside them. */
function tightOutcome(c: Ctx, i0: number, j: number, prev: Figure | undefined): { o: Outcome; k: number | null } | null {
  const near = outcomeBackward(c, i0, 2, true);
  if (near) return near;
  // "بينهم طفلين وامرأة وأصيب …": a breakdown or a conjunct takes the outcome of the figure it follows
  if (prev && (including(c, i0, prev) || coordinated(c, i0, prev))) return { o: prev.outcome, k: null };
  // "امرأة وثلاثة أطفال قد قتلوا": the outcome after a conjunct figure applies to both
  const nx = c.tok[j + 1];
  const conjunct = c.ar && !!nx && nx.t.startsWith('و') && nx.t.length > 1 && (cardinalAr(c.tok, j + 1) !== null || popAt(c, j + 1) !== undefined);
  const fwd = outcomeForward(c, j, conjunct ? 6 : 3);
  // "– عنصر من ميليشيا …" under a tally's header
  if (!fwd && c.list) return { o: c.list, k: null };
  if (fwd || !c.ar || popAt(c, j)?.count !== 2) return fwd;
  // "مدنيان من أبناء القرى الدرزية استشهدا": a dual verb agrees with the dual noun across a "من …" phrase
  if (c.tok[j + 1]?.t !== 'من') return null;
  for (let k = j + 2; k < c.tok.length && k <= j + 7; k++) {
    if (c.tok[k].punct || c.tok[k].num) return null;
    const o = outcomeAt(c, k);
    if (o) return /ا$/.test(c.tok[k].t) ? { o, k } : null;
  }
  return null;
}

function build(c: Ctx, i0: number, j: number, w: PopWord | null, np: Pick<NumPhrase, 'min' | 'max' | 'qualifier'>, prev: Figure | undefined, tight = false): Figure | null {
  let population: Population = w?.pop ?? 'unknown';
  let end = j;
  // "a militia member said", "a suicide terrorist blew himself up": the one who tells or does it, not a victim
  // "killed by a sniper": the one after "by" did it
  // "citing a military official", "according to two witnesses": the source of the figures
  if (!c.ar && (reporterAt(c.tok, j + 1) || actsAfter(c.tok, j) || c.tok[i0 - 1]?.t === 'by' || c.tok[i0 - 1]?.t === 'citing'
    || (c.tok[i0 - 1]?.t === 'to' && c.tok[i0 - 2]?.t === 'according'))) return null;
  // "4 شهداء أطفال": an outcome noun refined by a population after it
  if (w?.outcome) {
    // "two wounded people": the noun after belongs to the figure too
    const finer = popAt(c, j + 1);
    if (finer && !finer.outcome && (finer.pop !== 'unknown' || !c.ar) && !(c.ar && c.tok[j + 1].t.startsWith('و'))) {
      if (finer.pop !== 'unknown') population = finer.pop;
      end = j + 1;
    }
  }
  let nounOutcome: Outcome | undefined;
  if (c.ar && w && !w.outcome && !c.tok[j + 1]?.t.startsWith('و')) {
    // "طفل شهيد", "3 أطفال شهداء": the outcome noun after a population noun
    const o = popAt(c, j + 1);
    if (o?.outcome && (o.count === w.count || (o.plural && w.plural))) {
      nounOutcome = o.outcome;
      end = j + 1;
    }
  }
  // "5 إصابات من المدنيين", "3 قتلى بصفوف المدنيين": the group after an outcome noun says who
  if (c.ar && w?.outcome && population === 'unknown') population = amongAr({ tok: c.tok, popAt: (q) => popAt(c, q) }, end + 1) ?? population;
  population = refinePopulation({ tok: c.tok, ar: c.ar, popAt: (q) => popAt(c, q) }, population, i0, j, end, prev);
  let outcome: Outcome | null = w?.outcome ?? nounOutcome ?? null;
  let k: number | null = null;
  if (!outcome) {
    const d = tight ? tightOutcome(c, i0, end, prev) : decideOutcome(c, i0, end, prev);
    if (!d) return null;
    if (d.k !== null && d.k < i0 && (combinedOutcome(c, d.k, 1) || combinedOutcome(c, d.k, -1, prev))) return null;
    // "leaving dozens of residents dead or injured": a combined figure is noted, not counted
    if (!c.ar && d.k !== null && d.k > end && combinedOutcome(c, d.k, 1)) return null;
    outcome = d.o;
    k = d.k;
  }
  const t0 = k !== null && k < i0 && i0 - k <= 3 && (!prev || prev.t1 <= k) ? k : i0;
  // an outcome after a conjunct figure ("امرأة وثلاثة أطفال قتلوا") is quoted with that figure, not this one
  // the quote runs on to its outcome word, but not over a breakdown ("four members including two children killed")
  let t1 = k !== null && k > end && k - end <= 4 && !(c.ar && c.tok[end + 1]?.t.startsWith('و'))
    && (c.ar || !c.tok.slice(end + 1, k).some((x, q) => INCLUDING_EN.has(x.t) || kinAfterPossessive(c.tok, end + 1 + q, (m) => popAt(c, m)?.count === 1))) ? k + 1 : end + 1;
  // "فقد مدني حياته": the life lost belongs to the figure
  if (c.ar && c.tok[t1] && lifeAt(c.tok, t1)) t1++;
  return { t0, t1, outcome, population, min: np.min, max: np.max, qualifier: np.qualifier };
}

/** The figure finder's context lent to the Arabic noun rules (methods, not closures: one object a sentence). */
class ArKit implements NounKit {
  readonly tok: Token[];
  readonly n: string;
  constructor(private readonly c: Ctx) {
    this.tok = c.tok;
    this.n = c.n;
  }
  popAt(j: number): PopWord | undefined {
    return popAt(this.c, j);
  }
  outcomeAt(j: number): Outcome | undefined {
    return outcomeAt(this.c, j);
  }
  outcomeJustBefore(j: number): boolean {
    return outcomeBackward(this.c, j, 1, true) !== null;
  }
  including(j: number, prev: Figure | undefined): boolean {
    return including(this.c, j, prev);
  }
  build(i0: number, j: number, w: PopWord, np: Pick<NumPhrase, 'min' | 'max' | 'qualifier'>, prev: Figure | undefined, tight?: boolean): Figure | null {
    return build(this.c, i0, j, w, np, prev, tight);
  }
}

/**
 * Casualty figures in a tokenised sentence (normalised text `n`), in order.
 *
 * @example
 *   findFigures(tokenize(n, 0, n.length), n, false) // "at least 1,302 civilians were killed" → [{ min: 1302, … }]
 */
export function findFigures(tok: Token[], n: string, ar: boolean, list: Outcome | null = null): Figure[] {
  const c = { tok, n, ar, list } as Ctx;
  c.en = { tok, n, outcomeAt: (j) => outcomeAt(c, j), popAt: (j) => popAt(c, j) };
  // the English noun kit is built on first use (an Arabic sentence never needs its closures)
  let kitEn: EnNounKit | undefined;
  const out: Figure[] = [];
  const kit = new ArKit(c);
  for (let i = 0; i < tok.length; i++) {
    const prev = out[out.length - 1];
    const np = ar ? numberAtAr(tok, i, n) : numberAtEn(tok, i, n);
    if (np) {
      let i1 = np.i1;
      const ofThem = !ar && tok[i1]?.t === 'of' && (tok[i1 + 1]?.t === 'them' || tok[i1 + 1]?.t === 'whom');
      if (ofThem) i1 += 2;
      // "four of the fighters died"
      else if (!ar && !including(c, np.i0)) {
        const outcomeBefore = outcomeAt(c, np.i0 - 1) !== undefined || (tok[np.i0 - 1]?.t === 'of' && outcomeAt(c, np.i0 - 2) !== undefined);
        i1 = ofTheEn(tok, i1, np.value, outcomeBefore, (j) => !!popAt(c, j) && !popAt(c, j)?.outcome && tok[j].t !== 'victims');
      }
      // "six of those killed were rebel fighters"
      const were = ar ? null : ofThoseWere(c.en, i1);
      if (were) {
        out.push({ t0: np.i0, t1: were.j + 1, outcome: were.o, population: popAt(c, were.j)!.pop, min: np.min, max: np.max, qualifier: np.qualifier });
        i = were.j;
        continue;
      }
      // "3 من رفاقنا", "اثنين من أبنائه": the group after من when it is no population word itself
      const p = popAfter(c, i1) ?? (ar && tok[i1]?.t === 'من' ? groupAfterMin(tok, i1, outcomeAt(c, np.i0 - 1) !== undefined) : null);
      // "five children, four of them brothers": a part named by kinship is no finer population
      if (ofThem && p && p.w.pop === 'unknown' && !p.w.outcome) {
        i = p.j;
        continue;
      }
      // "killed at least 22 people …, seven of them children": a part of the figure before it
      if (ofThem && p && prev && !p.w.outcome) {
        out.push({ t0: np.i0, t1: p.j + 1, outcome: prev.outcome, population: p.w.pop, min: np.min, max: np.max, qualifier: np.qualifier });
        i = p.j;
        continue;
      }
      if (p && ar && betweenKilledAndInjured(tok, p.j + 1)) {
        // "20 مدنياً بين قتيل وجريح": killed and injured together (noted, not counted)
        i = p.j + 3;
        continue;
      }
      if (p && combined(c, p.j)) {
        // "عدد من الشهداء والجرحى": no number to share, so each noun is a vague figure of its own
        // ("عدداً من الشهداء و الجرحى": the و may stand apart)
        const q = ar && tok[p.j + 1]?.t === 'و' ? p.j + 2 : p.j + 1;
        const nx = ar && np.value === null && p.w.outcome ? popAt(c, q) : undefined;
        if (nx?.outcome) {
          out.push({ t0: np.i0, t1: p.j + 1, outcome: p.w.outcome!, population: p.w.pop, min: null, max: null, qualifier: 'vague' });
          out.push({ t0: q, t1: q + 1, outcome: nx.outcome, population: nx.pop, min: null, max: null, qualifier: 'vague' });
        }
        i = q + 1;
        continue;
      }
      if (p) {
        const f = build(c, np.i0, p.j, p.w, np, prev);
        if (f) {
          out.push(f);
          i = Math.max(i, f.t1 - 1, p.j);
          continue;
        }
      } else if (outcomeAt(c, np.i0 - 1) && bareEnd(c, i1) && !combinedOutcome(c, np.i0 - 1, -1, prev)) {
        // "killed 28 and wounded 30 Daesh militants": the noun of the second figure counts the first too
        const shared = ar ? undefined : sharedNounEn(c, i1);
        out.push({ t0: np.i0 - 1, t1: np.i1, outcome: outcomeAt(c, np.i0 - 1)!, population: shared ?? 'unknown', min: np.min, max: np.max, qualifier: np.qualifier });
        i = np.i1 - 1;
        continue;
      } else if (!ar && np.value !== null && tok[np.i0 - 1]?.t === 'of' && DEATH_OF_EN.test(tok[np.i0 - 2]?.t ?? '') && ofEnd(tok, i1, COUNTED_EN)) {
        // "leading to the death of eight and the injury of 89"
        out.push({ t0: np.i0 - 2, t1: np.i1, outcome: outcomeAt(c, np.i0 - 2) ?? 'killed', population: 'unknown', min: np.min, max: np.max, qualifier: np.qualifier });
        i = np.i1 - 1;
        continue;
      } else if (ar && np.value !== null && np.value > 10 && /^اصابه$/.test(tok[i1]?.t ?? '') && outcomeAt(c, i1) !== undefined
        && !betweenKilledAndInjured(tok, amongAr(kit, i1 + 1) ? i1 + 3 : i1 + 1)) {
        // "أكثر من 20 إصابة من المدنيين": after 11 and more the singular noun counts injuries
        out.push({ t0: np.i0, t1: i1 + 1, outcome: outcomeAt(c, i1)!, population: amongAr(kit, i1 + 1) ?? 'unknown', min: np.min, max: np.max, qualifier: np.qualifier });
        i = i1;
        continue;
      } else if (ar && thingsAt(tok, i1)) {
        // "34 هجوماً", "5 غارات": the number counts attacks, not people
      } else if (ar && np.value !== null && tallyTo(tok, np.i0)) {
        // "ارتفع عدد المدنيين الذين قتلوا … إلى 6"
        const tl = tallyTo(tok, np.i0)!;
        out.push({ t0: np.i0, t1: np.i1, outcome: tl.o, population: tl.pop, min: np.min, max: np.max, qualifier: np.qualifier });
        i = np.i1 - 1;
        continue;
      } else if (np.value !== null && (tollBefore(c, np.i0) || (!ar && tollRiseEn(tok, np.i0)))) {
        out.push({ t0: np.i0, t1: np.i1, outcome: (ar ? null : tollRiseEn(tok, np.i0)) ?? 'killed', population: 'unknown', min: np.min, max: np.max, qualifier: np.qualifier });
        i = np.i1 - 1;
        continue;
      } else if (!ar) {
        let k = i1;
        // "15 young Assyrians had been killed": up to two words the lexicon does not know, then the outcome
        for (let w = 0; w < 2 && tok[k] && !tok[k].punct && !tok[k].num && !STOP_EN.has(tok[k].t) && !COUNTED_EN.has(tok[k].t) && !outcomeAt(c, k) && !AUX_EN.test(tok[k].t); w++) k++;
        // the unknown words end in a plural noun ("Assyrians"), and one is no group ("members of one family were killed")
        // ("25 other were injured": "other" for "others")
        if (k > i1 && (np.value === 1 || !/s$/.test(tok[k - 1].t)) && !(k === i1 + 1 && tok[i1].t === 'other')) k = i1;
        // "32 are confirmed dead", "12 are now feared dead", "9 were believed to be killed"
        while (k < i1 + 6 && /^(are|were|was|is|have|has|had|been|reportedly|remain|still|more|now|confirmed|believed|feared|presumed|thought|known|also|later|to|be|left)$/.test(tok[k]?.t ?? '')) k++;
        const o = outcomeAt(c, k);
        if (o && k > i1 && PASSIVE_EN.test(tok[k].t) && !governsNext(c, k) && !combinedOutcome(c, k, 1)) {
          out.push({ t0: np.i0, t1: k + 1, outcome: o, population: 'unknown', min: np.min, max: np.max, qualifier: np.qualifier });
          i = k;
          continue;
        }
      }
      // "killed 30 injured 90", "Dozens Killed in Airstrikes"
      if (!ar) {
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
    if (ar) {
      // singular, dual and plural nouns, "أحد …", "ما أدى لمقتله": figures-ar.ts
      i = nounFiguresAr(kit, i, prev, out);
      continue;
    }
    // singular nouns ("a woman", "his son", "Man and boy killed") and vague plurals: figures-en.ts
    kitEn ??= {
      ...c.en,
      popAfter: (j) => popAfter(c, j),
      build: (i0, j, w, np, prev) => build(c, i0, j, w, np, prev),
      outcomeJustBefore: (j) => outcomeBackward(c, j, 1, true) !== null,
      outcomeSoonAfter: (j) => outcomeForward(c, j, 3) !== null,
      combined: (j) => combined(c, j),
    };
    i = nounFiguresEn(kitEn, i, prev, out);
  }
  // "قتل 9 أشخاص على الأقل": "at least" after the figure
  if (ar) {
    for (const f of out) {
      if (f.qualifier === 'exact' && tok[f.t1]?.t === 'علي' && tok[f.t1 + 1]?.t === 'الاقل') Object.assign(f, { qualifier: 'at_least', max: null, t1: f.t1 + 2 });
    }
  }
  return out;
}

/** A cardinal at token i (either language), for callers counting strikes or reports. */
export function cardinalAt(tok: Token[], i: number, ar: boolean): { value: number; next: number } | null {
  return ar ? cardinalAr(tok, i) : cardinalEn(tok, i);
}
