/**
 * The population of a figure, refined by the words around it: relatives and staff are no fighters,
 * rescuers are civilians, people in a force's ranks and recruited children are fighters, and
 * "others" after fighters are fighters.
 */
import type { Population } from '../model/vocabulary.ts';
import { INCLUDING_EN } from './figures-en.ts';
import type { Figure } from './figures.ts';
import type { PopWord } from './lexicon.ts';
import type { Token } from './sentences.ts';

/** What the rules read: the sentence's tokens, its language and its population words. */
export interface PopView {
  tok: Token[];
  ar: boolean;
  popAt: (j: number) => PopWord | undefined;
}

/**
 * The population of the figure whose number starts at i0 and whose noun is at j (its words end at
 * `end`), given the population its noun says and the figure before it.
 */
export function refinePopulation(c: PopView, said: Population, i0: number, j: number, end: number, prev: Figure | undefined): Population {
  let population = said;
  // "five family members", "members of one family": relatives, not fighters
  if (population === 'combatants' && /^members?$/.test(c.tok[j]?.t ?? '') && (/^(family|staff|crew|team)$/.test(c.tok[j - 1]?.t ?? '')
    || c.tok.slice(j + 1, j + 5).some((t) => /^(famil(y|ies)|tribes?|clans?|medical|staff|crew|team|rescue|relief|media|press)$/.test(t.t)) || c.tok.slice(Math.max(0, i0 - 3), i0).some((t) => /^famil(y|ies)$/.test(t.t)))) population = 'unknown';
  // "مقتل عنصر وإصابة ثلاثة آخرين": the others are of the group just counted
  // "four soldiers were killed and five others wounded": likewise in English
  // (the head figure's group, not a part of a breakdown: "eight people, including … a fighter, and injured 21 others")
  if (population === 'unknown' && prev?.population === 'combatants' && (c.ar ? /^[وف]?(?:ال)?اخر(?:ين|ون|ان|ي)?$/ : /^others$/).test(c.tok[j]?.t ?? '')
    && (c.ar || !c.tok.slice(Math.max(0, prev.t0 - 8), prev.t0).some((x) => INCLUDING_EN.has(x.t)))) population = 'combatants';
  // "عناصر من الدفاع المدني", "members of the civil defence": rescuers are civilians
  if (population === 'combatants' && civilDefenceAfter(c, end)) population = 'civilians';
  // "مقتل 9 أطفال في صفوف قسد", "15 dead among the ranks of Jaish al-Islam": people counted in a force's ranks are fighters
  if (population !== 'combatants' && inRanksAfter(c, end)) population = 'combatants';
  // "طفل مجند", "قاصرين مجندين", "child soldiers": recruited children are fighters
  if (population === 'children' && (c.ar ? /^(?:ال)?مجند(?:ه|ين|ون|ات|تين|ان)?$/ : /^(soldiers?|fighters?|recruits?|conscripts?)$/).test(c.tok[end + 1]?.t ?? '')) population = 'combatants';
  // "three women SDF fighters", "two women fighters": the noun after says they fought
  if (!c.ar && ['women', 'men', 'children'].includes(population)) {
    const fighterAt = (q: number): boolean => c.popAt(q)?.pop === 'combatants' && !/^(members?|leaders?|officials?)$/.test(c.tok[q].t);
    const nx = c.tok[end + 1];
    if (nx && !nx.punct && (fighterAt(end + 1) || (fighterAt(end + 2) && !/^(and|or|with|as|among|including|of|were|was)$/.test(nx.t)))) population = 'combatants';
  }
  // "قُتل شاب يبلغ من العمر 15 عاماً", "رجل (16 عاماً)": one person under 18 is a child
  if (c.ar && ['men', 'women', 'unknown', 'civilians'].includes(population) && minorAgeAfter(c, end)) population = 'children';
  return population;
}

/** An age under 18 written within a few tokens after index j: "يبلغ من العمر 15 عاماً", "(16 عاماً)". */
function minorAgeAfter(c: PopView, j: number): boolean {
  for (let k = j + 1; k < c.tok.length && k <= j + 5; k++) {
    const t = c.tok[k];
    if (t.num) return Number(t.t) < 18 && /^(?:عاما|عام|سنه|سنوات|اعوام|سنين)$/.test(c.tok[k + 1]?.t ?? '');
    if (c.popAt(k) || (t.punct && t.t !== '(')) return false;
  }
  return false;
}

/** True when a civil-defence or rescue body is named within a few tokens after index j. */
function civilDefenceAfter(c: PopView, j: number): boolean {
  for (let k = j + 1; k < c.tok.length && k <= j + 4; k++) {
    const t = c.tok[k].t;
    const nx = c.tok[k + 1]?.t ?? '';
    if (/^(?:[وبل]|لل)?(?:ال)?دفاع$/.test(t) && /^(?:ال)?مدني$/.test(nx)) return true;
    if (/^(?:ال)?خوذ$/.test(t) || ((t === 'civil' || t === 'white') && /^(defen[cs]e|helmets)$/.test(nx))) return true;
  }
  return false;
}

/** True when "in the ranks of" (في صفوف، ضمن صفوف، من صفوف) follows within a few tokens after index j. */
function inRanksAfter(c: PopView, j: number): boolean {
  for (let k = j + 1; k < c.tok.length && k <= j + (c.ar ? 3 : 5); k++) {
    const t = c.tok[k].t;
    if (c.tok[k].punct || c.tok[k].num) return false;
    // "3 إصابات في صفوف المدنيين": the ranks of civilians are no force
    if (c.ar ? /^[وبل]?(?:ال)?صفوف$/.test(t) : t === 'ranks') {
      const of = c.tok[k + 1]?.t === 'of' ? k + 2 : k + 1;
      return c.popAt(of)?.pop !== 'civilians';
    }
  }
  return false;
}

