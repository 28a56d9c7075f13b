/**
 * English constructions of casualty figures that figures.ts asks about by token position:
 * nouns followed by their outcome ("five civilians were wounded"), "the death of eight",
 * "the toll rose to 12", "four of the fighters", bare headline nouns ("Man and woman killed"),
 * and "claimed the lives of". Each looks at a bounded window of tokens.
 */
import type { Outcome, Qualifier } from '../model/vocabulary.ts';
import type { Figure } from './figures.ts';
import type { PopWord } from './lexicon.ts';
import { isOrdinalOne, numberAtEn } from './numbers-en.ts';
import type { Token } from './sentences.ts';

/** A tokenised English sentence with figures.ts's lexicon look-ups. */
export interface EnView {
  tok: Token[];
  n: string;
  outcomeAt(j: number): Outcome | undefined;
  popAt(j: number): PopWord | undefined;
}

/** Words between a number and its noun that end the search for the noun ("5 of", "3 in"). */
export const STOP_EN = new Set(
  'of in on at by from to the and or with for since during after before was were is are has have had been be that which who whom per a an as this these those its their his her it they than into over about more less'
    .split(' '),
);
/** Nouns a number counts that are not people. */
export const COUNTED_EN = new Set(
  'reports report strikes strike airstrikes airstrike raids raid sorties years year days day months month hours hour weeks week km kilometres kilometers miles meters metres countries times houses buildings homes vehicles cars missiles rockets shells bombs attacks attack incidents allegations claims percent per cent families tonnes tons dollars targets positions sites areas villages towns cases'
    .split(' '),
);
/** Words that open a breakdown of a figure just given ("including two children", "among them"). */
export const INCLUDING_EN = new Set(['including', 'among', 'them', 'whom', 'include', 'includes', 'included']);
/** Words that make a singular noun one person. */
export const ONE_EN = new Set(['a', 'an', 'one', 'another', 'single', 'lone']);
/** Nouns after a singular population word that make it an adjective ("a terrorist attack", "a militant website"). */
export const ATTRIBUTIVE_EN = /^(attack|attacks|rocket|rockets|group|groups|organi[sz]ation|cell|website|site|faction|base|position|positions|convoy|vehicle|car|hideout|leader|leadership|camp|stronghold|commander|network|media|outlet|source|sources|statement|spokesman)$/;

/**
 * One step of the search for the noun a number counts, at token j after `skipped` others: the
 * index of the noun found ("of those killed, six were children"), 'stop', or 'skip'.
 */
export function stepEn(v: EnView, j: number, skipped: number): number | 'stop' | 'skip' {
  const t = v.tok[j].t;
  // "40 more terrorists", "three other civilians"
  if (skipped === 0 && (t === 'more' || t === 'other')) return 'skip';
  // "17 IS group fighters": the group's initials, not the verb
  if (t === 'is' && /^(group|militants|fighters|jihadists|members|extremists|terrorists)$/.test(v.tok[j + 1]?.t ?? '')) return 'skip';
  // "of those killed, six were children": the noun after "were" is what the number counts
  if (skipped === 0 && /^(were|was)$/.test(t) && v.popAt(j + 1) && !v.popAt(j + 1)?.outcome) return j + 1;
  // "70 regime and rebel fighters": two describing words joined by "and" before the noun
  if (skipped === 0 && v.tok[j + 1]?.t === 'and' && !STOP_EN.has(t) && !v.popAt(j) && v.tok[j + 2] && !v.tok[j + 2].num && !v.popAt(j + 2)
    && !STOP_EN.has(v.tok[j + 2].t) && v.popAt(j + 3)?.pop === 'combatants' && !v.popAt(j + 3)?.outcome) return j + 3;
  // "killed 11 including children": the breakdown names a part, not what the number counts; another number starts its own figure
  return STOP_EN.has(t) || COUNTED_EN.has(t) || INCLUDING_EN.has(t) || ONE_EN.has(t) || numberAtEn(v.tok, j, v.n) ? 'stop' : 'skip';
}

/** "rebels killed a pilot", "terrorists to kill": a plural noun before an active verb with an object is the killer, not the killed. */
export function agentiveEn(v: EnView, i: number): boolean {
  if (v.tok[i + 1]?.t === 'to') return true;
  for (let k = i + 1; k < v.tok.length && k <= i + 3; k++) {
    const t = v.tok[k].t;
    if (/^(were|was|are|is|been|be|have|has|had|reportedly)$/.test(t)) return false;
    if (v.outcomeAt(k)) {
      const nx = v.tok[k + 1];
      return !!nx && (nx.num || /^(a|an|the|at|more|over|about|dozens|hundreds|scores|several|his|her|their|its|two|three|four|five|six|seven|eight|nine|ten|many|some)$/.test(nx.t));
    }
  }
  return false;
}

/** "… and five civilians were injured": the outcome a noun at j takes after it, before any outcome word on its left. */
export function passiveAfterEn(v: EnView, j: number): { o: Outcome; k: number } | null {
  let k = j + 1;
  while (k < v.tok.length && k <= j + 3 && AUX_EN.test(v.tok[k].t)) k++;
  const t = v.tok[k];
  if (!t || !PASSIVE_EN.test(t.t) || governsNextEn(v, k)) return null;
  const o = v.outcomeAt(k);
  return o ? { o, k } : null;
}

/** True when the outcome word at k is followed by a figure of its own ("killed at least two people", not "killed, some of them"). */
export function governsNextEn(v: EnView, k: number): boolean {
  const nx = v.tok[k + 1];
  if (!nx || nx.punct) return false;
  if (nx.num && !ownOutcomeAfter(v, k + 1)) return true;
  // "killed at least two people": the figure may start with its qualifier
  for (let m = k + 1; m <= k + 4 && m < v.tok.length; m++) {
    const np = numberAtEn(v.tok, m, v.n);
    // "57 civilians killed 150 injured": the next number has an outcome word of its own;
    // "wounded, some of them critically": a part of those just counted, not a figure of its own
    // "17 people were killed, two of them ambulance crew": a breakdown of the figure just given
    if (!np) continue;
    const partOf = v.tok[np.i1]?.t === 'of' && (np.value === null || /^(them|whom|those)$/.test(v.tok[np.i1 + 1]?.t ?? ''));
    return np.i0 <= k + 1 && !ownOutcomeAfter(v, m) && !partOf;
  }
  return false;
}

/** "57 civilians killed 150 injured": the number at m is followed by an outcome word of its own (not one that governs a further figure). */
function ownOutcomeAfter(v: EnView, m: number): boolean {
  const np = numberAtEn(v.tok, m, v.n);
  if (!np) return false;
  // "killed 16 others injured": the noun the number counts may stand before its outcome word
  let o = np.i1;
  while (o < np.i1 + 2 && v.popAt(o) && !v.popAt(o)?.outcome) o++;
  // "killed 25 were wounded": an auxiliary between the number and its own outcome
  while (o < np.i1 + 4 && /^(were|was|are|is|have|had|has|been|also)$/.test(v.tok[o]?.t ?? '')) o++;
  if (v.outcomeAt(o) === undefined) return false;
  const nx = v.tok[o + 1];
  return !(nx && !nx.punct && (nx.num || numberAtEn(v.tok, o + 1, v.n) !== null));
}

/** "a suicide terrorist blew himself up", "a gunman opened fire": a person who acts, not a victim. */
export function actsAfter(tok: Token[], j: number): boolean {
  if (/^(blew|detonated|fired|opened|attacked|targeted|stormed|struck|launched|planted|drove|exploded|hurled|threw|rammed)$/.test(tok[j + 1]?.t ?? '')) return true;
  for (let k = j + 1; k <= j + 3 && k < tok.length; k++) if (/^(himself|herself|themselves)$/.test(tok[k].t)) return true;
  return false;
}

/** English outcome words that a counted noun takes after it ("five civilians were wounded", "two soldiers dead"). */
export const PASSIVE_EN = /^(killed|dead|died|wounded|injured|hurt|missing|slain|executed|massacred|murdered|perished|martyred|beheaded|assassinated|slaughtered|disappeared|unaccounted)$/;
/** Words between a noun and its outcome ("were", "have been", "reportedly"). */
export const AUX_EN = /^(were|was|are|is|have|has|had|been|reportedly|also|later|all|both|each|allegedly|being|got|confirmed|shot)$/;
/** Outcome nouns that take "of" and a bare number ("the death of eight", "the wounding of 20"). */
export const DEATH_OF_EN = /^(death|deaths|killing|killings|injury|injuries|wounding)$/;
const NOT_COUNTED_AFTER = /^(years?|months?|days?|weeks?|hours?|percent|%)$/;

/** After "the death of N": nothing that makes N count something else. */
export function ofEnd(tok: Token[], i1: number, counted: Set<string>): boolean {
  const t = tok[i1];
  return !t || t.punct || (!t.num && !counted.has(t.t) && !NOT_COUNTED_AFTER.test(t.t));
}

/** "lost their lives", "claimed the life of", "cost the lives of": `lives` / `life` as an outcome (not "saved lives", "daily life"). */
export function lifeIsDeath(tok: Token[], j: number): boolean {
  const p = tok[j - 1]?.t ?? '';
  // "raids claimed 17 lives"
  if (tok[j - 1]?.num) return /^(claimed|claiming|claim|claims|cost|costing|costs|took|taking|taken)$/.test(tok[j - 2]?.t ?? '');
  if (/^(their|his|her)$/.test(p)) return /^(lost|losing|lose|loses|gave|giving)$/.test(tok[j - 2]?.t ?? '') || tok[j].t === 'lives';
  return p === 'the' && /^(claimed|claiming|claim|claims|cost|costing|costs|took|taking|taken|take|ended|lost)$/.test(tok[j - 2]?.t ?? '');
}

const RISE = /^(rise|rises|rose|risen|rising|climbed|climbs|climb|reached|reaches|increased|increases|jumped|stands|stood|hit|exceeded|topped)$/;
const BRING = /^(brought|bringing|brings|bring|took|taking|takes|raised|raising|raises|pushed|pushing|pushes)$/;
const DEATH_NOUN = /^(deaths|dead|fatalities|toll|victims|killed|martyrs)$/;
const INJURY_NOUN = /^(injured|wounded|injuries|casualties)$/;

/**
 * "the number of civilian deaths rose to three", "the number of people who were killed has risen
 * to four", "the number of wounded reached 20": a bare number that is a toll, and its outcome.
 */
export function tollRiseEn(tok: Token[], i0: number): 'killed' | 'injured' | null {
  const to = tok[i0 - 1]?.t ?? '';
  // "a death toll of 34", "gave a toll of 20": the toll named right before
  if (to === 'of' && tok[i0 - 2]?.t === 'toll') return /^(injury|wounded)$/.test(tok[i0 - 3]?.t ?? '') ? 'injured' : 'killed';
  // "brought to 49 the number killed", "took to 89 the number of civilians killed": the toll named after the number
  if (to === 'to' && BRING.test(tok[i0 - 2]?.t ?? '')) {
    for (let k = i0 + 1; k < tok.length && k <= i0 + 10 && !tok[k].punct; k++) {
      if (tok[k].t !== 'number' && tok[k].t !== 'toll') continue;
      for (let q = k + 1; q < tok.length && q <= k + 6 && !tok[q].punct; q++) {
        if (/^(killed|dead|deaths|died)$/.test(tok[q].t)) return 'killed';
        if (/^(injured|wounded|injuries)$/.test(tok[q].t)) return 'injured';
      }
      return null;
    }
    return null;
  }
  // "rose to 12", "stands at 12", "reached 20"
  const verb = to === 'to' || to === 'at' ? i0 - 2 : /^(reached|reaches|hit|exceeded|topped)$/.test(to) ? i0 - 1 : -1;
  if (verb < 0 || !RISE.test(tok[verb]?.t ?? '')) return null;
  for (let k = verb - 1; k >= 0 && k >= i0 - 14; k--) {
    if (DEATH_NOUN.test(tok[k].t)) return 'killed';
    // "casualties" alone is killed and injured together: not a toll of either
    if (INJURY_NOUN.test(tok[k].t)) return tok[k].t === 'casualties' ? null : 'injured';
  }
  return null;
}

/**
 * "four of the fighters died", "two of those killed": the noun after "of the" is what the number
 * counts. Returns the index to look for that noun from, or i1 unchanged. "one of the …" counts
 * only right after an outcome ("claimed the life of one of the workers"); otherwise it is a
 * superlative or a repeat ("one of the worst attacks", "one of two people killed").
 */
export function ofTheEn(tok: Token[], i1: number, value: number | null, outcomeBefore: boolean, person: (j: number) => boolean): number {
  if (tok[i1]?.t !== 'of' || !/^(the|those|these|its|their|his|her)$/.test(tok[i1 + 1]?.t ?? '')) return i1;
  const j = tok[i1 + 2]?.t === 'own' ? i1 + 3 : i1 + 2;
  // "five of the dead were children", "15 of the wounded are in critical condition": a part of a figure already told
  if (value === null || (value === 1 && !outcomeBefore) || !person(j)) return i1;
  return j;
}

/** "the terrorist commanders were killed", "those civilians": a definite plural refers back to people already counted. */
export function definiteEn(tok: Token[], i: number): boolean {
  // "the number of people killed …", "the toll of civilians who died": a toll told with its own number
  if (tok[i - 1]?.t === 'of' && /^(number|toll|tally|count)$/.test(tok[i - 2]?.t ?? '')) return true;
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const t = tok[k].t;
    // "the fighters", "their children"; "mostly civilians" describes people already counted
    if (/^(the|those|these|their|its|his|her|mostly|mainly|largely|predominantly|mostly)$/.test(t)) return true;
    if (tok[k].punct || tok[k].num || /^(of|and|or|in|on|at|by|with|dozens|hundreds|scores|many|several|some|other|more)$/.test(t)) return false;
  }
  return false;
}

/** Words after which a bare singular noun starts a noun phrase of its own. */
const LIST_START = /^(and|including|among|but|while|plus)$/;

/**
 * "Man and woman killed", "including woman and child", "Child shot dead": a singular noun with no
 * article is one person in headline style when an outcome or another such noun follows, or a
 * breakdown word comes before it. `isPop` tells whether a token is a population noun.
 */
export function bareSingularEn(tok: Token[], i: number, isPop: (j: number) => boolean, isOutcome: (j: number) => boolean): boolean {
  const prev = tok[i - 1]?.t;
  // only at the start of a (headline) sentence or of a list item: "Syrian civilian was killed" follows its own article
  if (prev !== undefined && !tok[i - 1].punct && !LIST_START.test(prev)) return false;
  const next = tok[i + 1];
  if (!next) return prev === 'including' || (prev === 'and' && isPop(i - 2));
  if (next.punct) return prev === 'including' || (prev === 'and' && isPop(i - 2));
  if (next.t === 'and') return isPop(i + 2) || prev === 'including';
  let k = i + 1;
  while (k < tok.length && k <= i + 3 && AUX_EN.test(tok[k].t) && !PASSIVE_EN.test(tok[k].t)) k++;
  // "including woman and child in …": the last of a list of bare nouns
  const listed = prev === 'including' || (prev === 'and' && isPop(i - 2));
  return (PASSIVE_EN.test(tok[k]?.t ?? '') && isOutcome(k)) || (listed && /^(in|were|was|and|who|from|at|on)$/.test(next.t));
}

/** "Of those killed, seven were children", "Among the wounded, 3 …": the outcome of a breakdown opened a few words before. */
export function ofThoseBefore(v: EnView, i0: number): { o: Outcome; k: number } | null {
  for (let k = i0 - 1; k >= 1 && k >= i0 - 5; k--) {
    const o = v.outcomeAt(k);
    if (o && /^(those|the)$/.test(v.tok[k - 1].t) && /^(of|among)$/.test(v.tok[k - 2]?.t ?? '')) return { o, k };
  }
  return null;
}

const KIN = /^(son|daughter|wife|husband|mother|father|brother|sister|child|baby|infant|grandson|granddaughter|nephew|niece|cousin)$/;
const YOUNG = /^(young|little|small|baby|infant|toddler|newborn|teenage|minor)$/;

/** "his young daughter", "her son", "their driver": a possessive followed (after at most one word) by a relative or a person. */
export function kinAfterPossessive(tok: Token[], i: number, person: (j: number) => boolean = () => false): boolean {
  if (!/^(his|her|their)$/.test(tok[i].t)) return false;
  const one = (j: number): boolean => KIN.test(tok[j]?.t ?? '') || person(j);
  return one(i + 1) || (one(i + 2) && !tok[i + 1].punct && !tok[i + 1].num);
}

/** "his young daughter": a word of youth between the determiner at a and the noun at b. */
export function youngBefore(tok: Token[], a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) if (YOUNG.test(tok[k].t)) return true;
  return false;
}

/** A reporting verb at k ("a militia member said", "the brother told"): the noun before it is a source. */
export function reporterAt(tok: Token[], k: number): boolean {
  if (!/^(said|says|told|tells|added|adds|stated|explained|confirmed|reported|recounted)$/.test(tok[k]?.t ?? '')) return false;
  // "… killed a nurse and two soldiers, said Observatory director …": the one who says it comes after the verb
  const who = tok[k + 1]?.t === 'the' ? tok[k + 2]?.t : tok[k + 1]?.t;
  return !/^(observatory|monitor|sohr|sana|ministry|agency|spokesman|spokesperson|statement|source|sources|activists|officials|residents|witnesses|rescuers)$/.test(who ?? '');
}

/**
 * "six of those killed were rebel fighters", "10 of the dead were civilians": the noun after
 * "were" is what the number counts, with the outcome named before it. Returns the noun's index
 * and that outcome, or null.
 */
export function ofThoseWere(v: EnView, i1: number): { j: number; o: Outcome } | null {
  if (v.tok[i1]?.t !== 'of' || !/^(those|the)$/.test(v.tok[i1 + 1]?.t ?? '')) return null;
  const o = v.outcomeAt(i1 + 2) ?? v.popAt(i1 + 2)?.outcome;
  if (!o) return null;
  let k = i1 + 3;
  while (k < v.tok.length && k <= i1 + 6 && !/^(were|was)$/.test(v.tok[k].t)) k++;
  if (!/^(were|was)$/.test(v.tok[k]?.t ?? '')) return null;
  for (let j = k + 1; j <= k + 4 && j < v.tok.length; j++) {
    const w = v.popAt(j);
    if (w && !w.outcome) return { j, o };
    if (v.tok[j].punct || STOP_EN.has(v.tok[j].t)) return null;
  }
  return null;
}

/** What nounFiguresEn needs from figures.ts: the noun search, the figure builder and the outcome windows. */
export interface EnNounKit extends EnView {
  popAfter: (j: number) => { j: number; w: PopWord } | null;
  build: (i0: number, j: number, w: PopWord, np: { min: number | null; max: number | null; qualifier: Qualifier }, prev: Figure | undefined) => Figure | null;
  /** An outcome word right before j ("killed civilians"). */
  outcomeJustBefore: (j: number) => boolean;
  /** An outcome word within three words after j ("civilians were killed"). */
  outcomeSoonAfter: (j: number) => boolean;
  /** The noun at j joins two outcomes ("dead or injured"). */
  combined: (j: number) => boolean;
}

/**
 * Figures an English word at i opens when it is no number: "a woman", "another child", "his
 * young daughter", "Man and boy killed", "wounding another", and vague plurals ("civilians were
 * killed"). Pushes them to `out`; returns the index to continue from.
 */
export function nounFiguresEn(k: EnNounKit, i: number, prev: Figure | undefined, out: Figure[]): number {
  const { tok } = k;
  const t = tok[i];
  const one = (j: number): boolean => k.popAt(j)?.count === 1;
  // "a man and his young daughter": a possessive before a relative is one person too
  if (ONE_EN.has(t.t) || isOrdinalOne(t.t) || kinAfterPossessive(tok, i, (j) => one(j) && !k.popAt(j)?.outcome)) {
    let j = i + 1;
    if (isOrdinalOne(tok[j]?.t ?? '')) j++;
    // "an 11-year-old child", "a 9 years old boy"
    if (tok[j]?.num && /^(years?|year-old|years-old|months?|month-old)$/.test(tok[j + 1]?.t ?? '')) j += tok[j + 2]?.t === 'old' ? 3 : 2;
    const p = k.popAfter(j);
    // "killing one person and seriously wounding another": one more, the noun left out
    if (!p && /^(another|one)$/.test(t.t) && (!tok[i + 1] || tok[i + 1].punct || /^(and|in|on|at|by|with|when|as)$/.test(tok[i + 1].t))) {
      const o = k.outcomeAt(i - 1) ?? (/ly$/.test(tok[i - 1]?.t ?? '') ? k.outcomeAt(i - 2) : undefined);
      if (o) out.push({ t0: i - 1, t1: i + 1, outcome: o, population: 'unknown', min: 1, max: 1, qualifier: 'exact' });
      return i;
    }
    // "a terrorist attack", "a militant website": the noun describes a thing, not a person
    if (p && p.w.count === 1 && !ATTRIBUTIVE_EN.test(tok[p.j + 1]?.t ?? '')) {
      const f = k.build(i, p.j, p.w, { min: 1, max: 1, qualifier: 'exact' }, prev);
      if (f && f.population === 'unknown' && youngBefore(tok, i, p.j)) f.population = 'children';
      if (f) {
        out.push(f);
        return Math.max(i, f.t1 - 1, p.j);
      }
    }
    return i;
  }
  const w = k.popAt(i);
  if (!w) return i;
  if (w.count === 1 && !w.outcome && bareSingularEn(tok, i, one, (j) => k.outcomeAt(j) !== undefined)) {
    // "Man and woman killed", "including woman and child": a bare singular noun in headline style
    const f = k.build(i, i, w, { min: 1, max: 1, qualifier: 'exact' }, prev);
    if (f) {
      // "man and woman were killed": the quote stops before the next noun, which is a figure of its own
      if (tok[i + 1]?.t === 'and' && k.popAt(i + 2)) f.t1 = Math.min(f.t1, i + 1);
      out.push(f);
      return Math.max(i, f.t1 - 1);
    }
    return i;
  }
  // "killed 14 civilians including women and children", "18 people, mostly children": a breakdown with no number is vague
  if (w.plural && !w.outcome && w.pop !== 'unknown' && prev && unnumberedPartEn(tok, i, prev)) {
    out.push({ t0: i, t1: i + 1, outcome: prev.outcome, population: w.pop, min: null, max: null, qualifier: 'vague' });
    return i;
  }
  const before = k.outcomeAt(i - 1);
  // "the fighters were killed", "dead or injured", "the number of people who were killed", "two members of Iranian-backed
  // militiamen": no figure of their own
  const refers = definiteEn(tok, i) || (w.outcome !== undefined && before !== undefined && before !== w.outcome)
    || /^(who|that|whom)$/.test(tok[i + 1]?.t ?? '') || (prev !== undefined && prev.t1 >= i - 3 && tok.slice(prev.t1, i).some((x) => x.t === 'of')) || k.combined(i);
  // "it did not say that any civilians were killed", "no civilians were hurt": no harm told
  const none = /^(any|no)$/.test(tok[i - 1]?.t ?? '');
  if (w.plural && !refers && !none && (k.outcomeJustBefore(i) || (k.outcomeSoonAfter(i) && !agentiveEn(k, i)))) {
    const f = k.build(i, i, w, { min: null, max: null, qualifier: 'vague' }, prev);
    if (f) out.push(f);
  }
  return i;
}

const PART_EN = /^(including|mostly|mainly|among|largely|many|most|predominantly)$/;
/** True when token i is named as an unnumbered part of the figure just before ("including women and children"). */
function unnumberedPartEn(tok: Token[], i: number, prev: Figure): boolean {
  let k = i - 1;
  // "women and children": the second noun of the pair
  if (tok[k]?.t === 'and' && /^(women|children|men|elderly)$/.test(tok[k - 1]?.t ?? '')) {
    // the first noun of the pair is the vague part just pushed ("including women and children")
    const w = tok[k - 2]?.t ?? '';
    return prev.t0 === k - 1 && prev.t1 === k && prev.qualifier === 'vague' && (PART_EN.test(w) || w === 'them' || w === 'whom');
  }
  if (/^(them|whom)$/.test(tok[k]?.t ?? '') && /^(of|among)$/.test(tok[k - 1]?.t ?? '')) k--;
  if (!PART_EN.test(tok[k]?.t ?? '') || tok[i - 1]?.num) return false;
  // only a comma (or nothing) between the figure and the breakdown word
  return k >= prev.t1 && tok.slice(prev.t1, k).every((x) => x.t === ',');
}
