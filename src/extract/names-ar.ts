/**
 * Arabic people told by name or by a relative clause rather than by a number: given names after an
 * outcome ("استشهاد محمد الأحمد وأحمد العلي") and "الذي قتل" / "اللذين قتلا" after a named person.
 * Every rule looks at a bounded window of tokens.
 */
import type { Outcome } from '../model/vocabulary.ts';
import { norm } from './normalise.ts';
import type { Token } from './sentences.ts';

const words = (list: string): Set<string> => new Set(list.split(/\s+/).filter(Boolean).map(norm));

/** Intransitive verbs of dying that take a name as subject: "استشهد محمد …", "توفيت فاطمة …". */
export const DIED = /^[وف]?(?:استشهد|استشهدت|توفي|توفيت)$/;
/** Common given names (a name right after an outcome is a person, not a count word); not "علي", which is also "on". */
const GIVEN = words(`محمد أحمد محمود مصطفى حسن حسين خالد عمر عثمان إبراهيم يوسف يحيى عبدالله عبدالرحمن عبدالكريم عبدالقادر عبدالرزاق
  ياسر ياسين سعد سامر سليمان صالح فادي ماهر مازن وليد هاني رامي جمال عمار أسامة حمزة بلال طارق زياد زكريا فراس فيصل
  قاسم مراد نبيل هشام حسام معاذ مهند أنس أيمن عادل عامر عدنان عيسى موسى داود إسماعيل منصور ناصر جاسم حامد فواز
  فاطمة عائشة مريم زينب خديجة هدى سعاد رشا سلمى هبة أسماء رنا آمنة حليمة`);
const GIVEN_COMPOUND = /^(?:عبد|ابو|ام)$/;

/**
 * Given names from j on ("محمد الأحمد وأحمد العلي"): how many people and the index after the
 * last name, or null when no given name stands at j. Looks at most eight tokens on.
 */
export function givenNamesAfter(tok: Token[], j: number, countsSomeone: (j: number) => boolean): { n: number; t1: number } | null {
  if (!GIVEN.has(tok[j]?.t ?? '') && !(tok[j]?.t === 'عبد' && tok[j + 1] && !tok[j + 1].punct && !tok[j + 1].num)) return null;
  let n = 1;
  let t1 = surname(tok, j + 1, countsSomeone);
  for (let k = j + 1; k < tok.length && k <= j + 8; k++) {
    const x = tok[k];
    if (x.punct || x.num) break;
    if (x.t.startsWith('و') && GIVEN.has(x.t.slice(1)) && !GIVEN_COMPOUND.test(tok[k - 1].t)) {
      n++;
      t1 = surname(tok, k + 1, countsSomeone);
    }
  }
  return { n, t1 };
}

/** The index after the name words from j ("الرحمن السالم"): up to three words with the article that count nobody. */
function surname(tok: Token[], j: number, countsSomeone: (j: number) => boolean): number {
  const end = j + 3;
  while (j < end && tok[j] && !tok[j].punct && tok[j].t.startsWith('ال') && !countsSomeone(j)) j++;
  return j;
}

const RELATIVE = /^(?:الذي|التي)$/;
const RELATIVE_HARM = /^(?:قتل|قتلت|قتلته|قتلتها|قتلها|قتله|استشهد|استشهدت|قضي|قضت|توفي|توفيت|اغتيل|اغتيلت|اعدم|اعدمت|اصيب|اصيبت|جرح|جرحت)$/;
/** Dual relatives and verbs: "الشابين اللذين قتلا", "الطفلتين اللتين أصيبتا". */
const RELATIVE_2 = /^(?:اللذين|اللذان|اللتين|اللتان)$/;
const RELATIVE_HARM_2 = /^(?:قتلا|قتلتا|قتلتهما|قتلهما|استشهدا|استشهدتا|قضيا|قضتا|توفيا|توفيتا|اغتيلا|اغتيلتا|اعدما|اعدمتا|اصيبا|اصيبتا|جرحا|جرحتا)$/;

/** A relative with a possessive ("أخوه", "ابنها", "والدهم"): someone else's harm. */
const KIN = /^(?:اخو|اخ|اب|ابن|ابنت|بنت|ام|والد|والدت|شقيق|شقيقت|زوج|زوجت|عم|خال|اطفال|اولاد|ابناء)(?:ه|ها|هم|هما|هن)$/;

/** "الشاب مدلول العدس الذي قتلته …": the outcome of a relative clause within six tokens after i (a dual one for count 2). */
export function relativeOutcome(tok: Token[], i: number, count = 1): Outcome | undefined {
  const [rel, harm] = count === 2 ? [RELATIVE_2, RELATIVE_HARM_2] : [RELATIVE, RELATIVE_HARM];
  for (let k = i + 1; k < tok.length && k <= i + 6; k++) {
    if (tok[k].punct) return undefined;
    if (rel.test(tok[k].t)) {
      const v = tok[k + 1]?.t ?? '';
      // "الذي قُتل أخوه": whose brother was killed, not he
      if (KIN.test(tok[k + 2]?.t ?? '')) return undefined;
      return harm.test(v) ? (/^(?:اصيب|جرح)/.test(v) ? 'injured' : 'killed') : undefined;
    }
  }
  return undefined;
}
