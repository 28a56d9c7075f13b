/**
 * Arabic word rules of the figure finder that read a word with its neighbours: outcome phrases
 * ("فقد حياته", "راح ضحية"), "another one" after an outcome ("وأصيب آخر"), the group after
 * "N من …" ("3 من عناصر الشرطة", "اثنين من أبنائه") and tallies raised to a number
 * ("ارتفع عدد القتلى إلى 13"). Every rule looks at a bounded window of tokens.
 */
import type { Outcome, Population, Qualifier } from '../model/vocabulary.ts';
import type { Figure } from './figures.ts';
import { OUTCOME_AR, POP_AR, arForms, lookup, type PopWord } from './lexicon.ts';
import { norm } from './normalise.ts';
import { DIED, givenNamesAfter, relativeOutcome } from './names-ar.ts';
import { cardinalAr, definiteCountAr } from './numbers-ar.ts';
import type { Token } from './sentences.ts';

/** "فقد/فقدان … حياته": losing one's life. */
const LOSS = /^[وف]?(?:فقد|فقدت|فقدوا|فقدا|فقدتا|فقدان|يفقد|تفقد|لفقدان|بفقدان)$/;
const LIFE = /^[لب]?(?:ال)?حيا(?:ه|ته|تها|تهم|تهما|تهن)$/;
/** "راح ضحيتها", "ذهب ضحية": the victim noun is the outcome, not a count. */
const WENT = /^[وف]?(?:راح|ذهب|سقط)$/;
const VICTIM = /^(?:ضحيه|ضحايا)$/;
/** "وأصيب آخر", "وإصابة أخرى", "وجرح رابع": one more person, counted after its outcome (another, a third, a fourth …). */
const OTHER_ONE = /^[وف]?(?:اخر|اخري|ثالث|رابع|خامس|سادس|سابع)$/;
const ONE_OTHER: PopWord = { pop: 'unknown', count: 1 };

/** True when the word at j is a life lost ("حياته", "لحياتهم"). */
export const lifeAt = (tok: Token[], j: number): boolean => LIFE.test(tok[j].t);

/** The outcome an Arabic word at j states, read with its neighbours. */
export function outcomeAr(tok: Token[], j: number): Outcome | undefined {
  const t = tok[j].t;
  if (LOSS.test(t)) {
    for (let k = j + 1; k < tok.length && k <= j + 3; k++) if (LIFE.test(tok[k].t)) return 'killed';
    return t.endsWith('فقدان') ? 'missing' : undefined;
  }
  if (VICTIM.test(t) && WENT.test(tok[j - 1]?.t ?? '')) return 'killed';
  // a hashtag glued to the post's first word: "#القنيطرةاستشهاد …", "#درنجإصابة …"
  const glued = tok[j - 1]?.t === '#' ? GLUED.exec(t) : null;
  if (glued) return lookup(OUTCOME_AR, glued[1], false);
  // "جثث 7 أشخاص", "جثامين 3 شهداء": bodies counted by the number after them; "في ذمة الله": died
  if (BODIES.test(t) && (tok[j + 1]?.num || cardinalAr(tok, j + 1))) return 'killed';
  // "انتشال جثة المرأة", "جثتي طفلين": a body of a person named by a population word
  if (BODIES.test(t) && tok[j + 1] && !tok[j + 1].punct && lookup(POP_AR, tok[j + 1].t, true)?.outcome === undefined
    && lookup(POP_AR, tok[j + 1].t, true)?.count !== undefined) return 'killed';
  if (t === 'ذمه' && tok[j + 1]?.t === 'الله') return 'killed';
  // "انتقل إلى رحمة الله": died
  if (t === 'رحمه' && tok[j - 1]?.t === 'الي' && /^[وف]?انتقل(?:ت)?$/.test(tok[j - 2]?.t ?? '')) return 'killed';
  // "سقط أحد عناصر الأسد قتيلاً": the accusative of state says what happened ("25 قتيلاً" counts instead)
  if (STATE.test(t) && j > 0 && !tok[j - 1].num && !cardinalAr(tok, j - 1)) return lookup(POP_AR, t, true)?.outcome;
  return lookup(OUTCOME_AR, t, true);
}

const GLUED = /^[\u0621-\u064a]{3,}?(استشهاد|مقتل|اصابه|وفاه|ارتقاء)$/;
const BODIES = /^[وب]?(?:ال)?(?:جثث|جثامين|جثه|جثتي|جثتا|جثمان|رفات)$/;
const STATE = /^(?:قتيلا|شهيدا|جريحا|مصابا|صريعا)$/;

/** "ما أدى لمقتله", "أسفر عن إصابتها": the harm of one person already named (his, her). */
const HIS_HARM = /^[لب]?(?:مقتل|مصرع|وفا[ت]|استشهاد|اصابت|اعدام|اغتيال)(?:ه|ها)$/;
const CAUSE = /^(?:ادي|ادت|يودي|تودي|اسفر|اسفرت|يسفر|تسفر|تسبب|تسببت|عن|الي)$/;

/** The outcome of "ما أدى لمقتله" at j (one person), or undefined. */
export function causedHarmOfOne(tok: Token[], j: number): Outcome | undefined {
  const t = tok[j].t;
  if (!HIS_HARM.test(t) || !CAUSE.test(tok[j - 1]?.t ?? '')) return undefined;
  return /اصابت(?:ه|ها)$/.test(t) ? 'injured' : 'killed';
}

/** Nouns a number counts when it counts no people: attacks, strikes, shells, buildings ("34 هجوماً", "5 غارات"). */
const THINGS = new Set(
  'هجوم هجوما هجمات غاره غارات ضربه ضربات قذيفه قذائف صاروخ صواريخ استهداف استهدافا استهدافات عمليه عمليات خرق خرقا خروقات برميل براميل منزل منازل مبني مباني سياره سيارات مسيره مسيرات طائره طائرات حادث حوادث حادثه نقطه نقاط موقع مواقع'
    .split(' ').map(norm),
);

/** True when the word at i (after a number) names things, not people. */
export function thingsAt(tok: Token[], i: number): boolean {
  const t = tok[i];
  return !!t && !t.num && !t.punct && arForms(t.t).some((f) => THINGS.has(f));
}

/** The population word at j, read with its neighbours (undefined when the word is not a count there). */
export function popAr(tok: Token[], j: number): PopWord | undefined {
  const t = tok[j].t;
  if (OTHER_ONE.test(t)) {
    const p = tok[j - 1];
    return p && !p.num && !p.punct && outcomeAr(tok, j - 1) ? ONE_OTHER : undefined;
  }
  if (VICTIM.test(t) && WENT.test(tok[j - 1]?.t ?? '')) return undefined;
  // "جثة 13 شخصاً": the body noun is the outcome of the figure after it
  if (BODIES.test(t) && (tok[j + 1]?.num || cardinalAr(tok, j + 1))) return undefined;
  return lookup(POP_AR, t, true);
}

const words = (list: string): Set<string> => new Set(list.split(/\s+/).filter(Boolean).map(norm));
/** Fighting and security bodies: "N من عناصر/قوات/الشرطة …" counts combatants. */
const UNIT = words('قوات قوة جيش فرقة فوج كتيبة كتائب لواء فيلق حركة جبهة الجبهة شرطة أمن ميليشيا مليشيا ميليشيات مليشيات فصيل فصائل حرس قسد هيئة حزب تنظيم مرتزقة رفاق رفاقنا رفاقهم أعضاء أعضائها أعضائه حشد جنود مقاتلي عناصر عناصره عناصرهم عناصرها مقاتليه مقاتليهم');
/** People named by their relation or by what they were doing: "اثنين من أبنائه", "3 من المارة". */
const PEOPLE = words(`أبناء أبنائه أبناءه أبنائها أبنائهم أولاد أولاده أولادها أقارب أقاربه أقاربها أفراد أشقاء أشقائه إخوة إخوته إخوتها
  زملاء زملائه أصدقاء أصدقائه مار مارة عاملين موظفين متطوعي كوادر عائلة أسرة أهل ذوي`);
const isIn = (set: Set<string>, t: string | undefined): boolean => t !== undefined && arForms(t).some((f) => set.has(f));

/**
 * The group counted by "N من X" when X is no population word of its own: combatants for fighting
 * and security bodies (but "الدفاع المدني" is civilians), unknown for relatives and bystanders, and
 * unknown for anyone when an outcome word stands right before the number (`outcomeBefore`).
 * `j` is the index of من; returns the group's last token index and word, or null.
 */
export function groupAfterMin(tok: Token[], j: number, outcomeBefore = false): { j: number; w: PopWord } | null {
  // "51 من “هيئة تحرير الشام”": a quote mark may open the group's name
  if (tok[j + 1]?.punct && /^["“”«]$/.test(tok[j + 1].t) && isIn(UNIT, tok[j + 2]?.t)) return { j: j + 2, w: { pop: 'combatants', plural: true } };
  const x = tok[j + 1];
  if (!x || x.num || x.punct) return null;
  if (/^(?:[وبل]|لل)?(?:ال)?(?:دفاع)$/.test(x.t)) {
    return /^(?:ال)?مدني$/.test(tok[j + 2]?.t ?? '') ? { j: j + 2, w: { pop: 'civilians', plural: true } } : { j: j + 1, w: { pop: 'combatants', plural: true } };
  }
  if (/^(?:ال)?(?:صفوف|افراد)$/.test(x.t) && isIn(UNIT, tok[j + 2]?.t)) return { j: j + 2, w: { pop: 'combatants', plural: true } };
  if (isIn(UNIT, x.t)) return { j: j + 1, w: { pop: 'combatants', plural: true } };
  if (isIn(PEOPLE, x.t)) return { j: j + 1, w: { pop: 'unknown', plural: true } };
  // "مقتل 2 من المتهمين …": right after an outcome word the number counts people, whoever they are
  if (outcomeBefore && /^[\u0621-\u064a]{3,}$/.test(x.t)) return { j: j + 1, w: { pop: 'unknown', plural: true } };
  return null;
}

/** Words after which a bare plural victim noun reports harm: "سقوط قتلى", "أسفر عن جرحى", "أوقع ضحايا". */
const REPORTS_HARM = /^[وف]?(?:سقوط|وقوع|عن|الي|لسقوط|لوقوع|بسقوط|بوقوع|سقط|سقطت|وقع|وقعت|خلف|خلفت|اوقع|اوقعت|يوقع|توقع|ادي|ادت|تسبب|تسببت|يسفر|تسفر|اسفر|اسفرت|هناك|وجود|بوجود)$/;
/** Clitics that make a victim noun the object of a preposition ("للشهداء", "بالجرحى", "كشهداء"). */
const PREPOSED = /^(?:[وف]?[لبك])/;

/**
 * A plural victim noun with no number that states harm (vague): "جرحى مدنيون بقصف …" opening a
 * headline, "سقوط قتلى وجرحى", not "الرحمة للشهداء" or "حصيلة شهداء إدلب" (a title).
 */
export function barePluralHarm(tok: Token[], i: number): boolean {
  const t = tok[i];
  const w = lookup(POP_AR, t.t, true);
  if (!w?.outcome || !w.plural || /^(?:[وف])?(?:ال|لل)/.test(t.t) || (PREPOSED.test(t.t) && !POP_AR.has(t.t) && !POP_AR.has(t.t.slice(1)))) return false;
  if (negated(tok, i)) return false;
  const p = tok[i - 1];
  // a post glued to its author's name ("@Sy24riaضحايا مدنيون …") opens at the Arabic word
  if (p && !p.punct && /[\u0621-\u064a]/.test(p.t)) return REPORTS_HARM.test(p.t);
  // opening a headline or a clause: what follows says where or how ("جرحى مدنيون بقصف …", "قتلى وجرحى في …"), not "ضحايا الحرائق"
  const nx = tok[i + 1];
  return !nx || nx.punct || HARM_NEXT.test(nx.t) || (nx.t.startsWith('و') && lookup(POP_AR, nx.t, true)?.outcome !== undefined)
    || (lookup(POP_AR, nx.t, true) !== undefined && !/^(?:ال|لل)/.test(nx.t));
}

/** Words after a victim noun that open the circumstances: "بقصف", "جراء", "في", "من", "بينهم". */
const HARM_NEXT = /^(?:ب\S{3,}|جراء|اثر|نتيجه|في|من|بينهم|منهم|خلال|عقب|علي)$/;
/** "دون وقوع إصابات", "لم ترد معلومات عن ضحايا", "عدم وجود إصابات": no harm. */
const NEGATION = /^[وف]?(?:دون|بدون|عدم|لم|لا|ليس|دونما|انعدام|نفي|نفت|ينفي|تنفي)$/;

/** True when a negation sits within seven tokens before i (not across punctuation): "ولم تعلن أي جهة عن وقوع قتلى". */
export function negated(tok: Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 7; k--) {
    if (tok[k].punct) return false;
    if (NEGATION.test(tok[k].t)) return true;
  }
  return false;
}

/** "6 مدنيين بين قتيل وجريح" (or "ما بين …"): killed and injured together, a combined figure (tokens from j). */
export function betweenKilledAndInjured(tok: Token[], j: number): boolean {
  const k = tok[j]?.t === 'ما' ? j + 1 : j;
  if (tok[k]?.t !== 'بين' || !tok[k + 2]) return false;
  const a = lookup(POP_AR, tok[k + 1]?.t ?? '', true)?.outcome;
  const b = tok[k + 2].t.startsWith('و') ? lookup(POP_AR, tok[k + 2].t, true)?.outcome : undefined;
  return a !== undefined && b !== undefined && a !== b;
}

/** Outcome nouns that may take a quoted name: "مقتل "فلان"", "استشهاد "فلان"". */
const NAMED_HARM = /^[وبل]?(?:مقتل|استشهاد|اغتيال|مصرع|وفاه|اعدام|تصفيه|اصابه)$/;
/** A funeral or burial: "تشييع الشهيد …", "دفن الشهيد …". */
const FUNERAL = /^[وبل]?(?:تشييع|دفن|جنازه|مراسم)$/;

/** The population of "في صفوف المدنيين", "بين المدنيين", "من العسكريين" starting at j, if any. */
export function amongAr(k: Pick<NounKit, 'tok' | 'popAt'>, j: number): Population | undefined {
  const t = k.tok[j]?.t;
  const at = t === 'في' && k.tok[j + 1]?.t === 'صفوف' ? j + 2 : t === 'بين' || t === 'من' || t === 'بصفوف' ? j + 1 : -1;
  const w = at > 0 ? k.popAt(at) : undefined;
  return w && !w.outcome && w.pop !== 'unknown' ? w.pop : undefined;
}

/** An exact figure of v. */
function exact(v: number): { min: number; max: number; qualifier: Qualifier } {
  return { min: v, max: v, qualifier: 'exact' };
}

/** Pushes a figure found at token i (if any); the index of the last token it used. */
function pushFigure(out: Figure[], f: Figure | null, i: number): number {
  if (f) out.push(f);
  return f ? Math.max(i, f.t1 - 1) : i;
}

/** "الشاب النازح", "الشهيد المصور الصحفي": definite nouns from j on that describe the same person; the index after them. */
function sameOne(k: NounKit, j: number, count = 1): number {
  while (k.tok[j] && DEFINITE.test(k.tok[j].t) && !k.tok[j].t.startsWith('و') && k.popAt(j)?.count === count && !k.popAt(j)?.outcome) j++;
  return j;
}

/** An Arabic word with the article, after an optional clitic (الطفل، والطفل، للطفل). */
const DEFINITE = /^(?:[وفبلك]|وب|ول|فب|فل)?ال|^[وف]?لل/;

/** What the figure finder lends the Arabic noun rules (its context bound in). */
export interface NounKit {
  tok: Token[];
  /** The normalised text the tokens index (dashes between tokens are read from it). */
  n: string;
  popAt: (j: number) => PopWord | undefined;
  outcomeAt: (j: number) => Outcome | undefined;
  /** An outcome word right before j. */
  outcomeJustBefore: (j: number) => boolean;
  /** j sits in the breakdown of `prev` ("بينهم …", "( …"). */
  including: (j: number, prev: Figure | undefined) => boolean;
  build: (i0: number, j: number, w: PopWord, np: { min: number | null; max: number | null; qualifier: Qualifier }, prev: Figure | undefined, tight?: boolean) => Figure | null;
}

/**
 * Figures an Arabic word at i opens when it is no number: "ما أدى لمقتله", "أحد المدنيين",
 * "مقتل الطفل", singular and dual nouns ("طفل", "مدنيين اثنين"), "أطفالها الثلاثة", plural victims
 * with no number ("قتلى وجرحى") and the groups of a breakdown ("بينهم أطفال"). Pushes them to
 * `out`; returns the index of the last token used.
 */
export function nounFiguresAr(k: NounKit, i: number, prev: Figure | undefined, out: Figure[]): number {
  const { tok } = k;
  const t = tok[i];
  const one = !t.num && !t.punct ? causedHarmOfOne(tok, i) : undefined;
  // "ما أدى لمقتله": one person, named before
  if (one) return pushFigure(out, { t0: i, t1: i + 1, outcome: one, population: 'unknown', ...exact(1) }, i);
  if (/^[وف]?(?:احد|احدي)$/.test(t.t)) {
    // "إصابة أحد المدنيين", "مقتل أحد عناصر …": one of a group
    const pw = k.popAt(i + 1);
    if (pw?.plural && !pw.outcome) return pushFigure(out, k.build(i, i + 1, { pop: pw.pop, count: 1 }, exact(1), prev, true), i);
  }
  // "مقتل "فلان الفلاني"": one person named in quotes
  const q = tok[i + 2];
  // (or in brackets: "استشهاد (فلان) جراء القصف")
  const named = !t.num && !t.punct && (tok[i + 1]?.t === '"' || tok[i + 1]?.t === '(') && NAMED_HARM.test(t.t) && q && !q.num && !q.punct && !cardinalAr(tok, i + 2) && !k.popAt(i + 2)
    ? k.outcomeAt(i) : undefined;
  if (named) return pushFigure(out, { t0: i, t1: i + 1, outcome: named, population: 'unknown', ...exact(1) }, i);
  // "استشهاد محمد الأحمد وأحمد العلي": people named without quotes, counted by their given names
  const given = !t.num && !t.punct && (NAMED_HARM.test(t.t) || DIED.test(t.t)) ? givenNamesAfter(tok, i + 1, (m) => !!popAr(tok, m) || !!outcomeAr(tok, m)) : null;
  if (given) {
    const o = k.outcomeAt(i);
    if (o) return pushFigure(out, { t0: i, t1: given.t1, outcome: o, population: 'unknown', ...exact(given.n) }, i);
  }
  // "عزاء محمود علي الشاهر الذي قُتل …": a person named by a given name, then a relative clause of harm
  if (!t.num && !t.punct && !k.outcomeAt(i - 1) && !k.popAt(i - 1)) {
    const named1 = givenNamesAfter(tok, i, (m) => !!popAr(tok, m) || !!outcomeAr(tok, m));
    const o = named1?.n === 1 ? relativeOutcome(tok, i) : undefined;
    if (o) return pushFigure(out, { t0: i, t1: i + 1, outcome: o, population: 'unknown', ...exact(1) }, i + 1);
  }
  const w = k.popAt(i);
  // "#شهيد_الحقيقة": a hashtag's word is no count
  if (!w || tok[i - 1]?.t === '#') return i;
  // "ارتقاء الشهيد …", "تشييع الشهيد …": one named martyr
  if (w.outcome && w.count === 1 && /^(?:ال)(?:شهيد|شهيده|قتيل)$/.test(t.t) && (k.outcomeAt(i - 1) || FUNERAL.test(tok[i - 1]?.t ?? ''))) {
    const t1 = sameOne(k, i + 1);
    // "الشهيد المجاهد", "الشهيد الطفل": the noun after says who
    const who = t1 > i + 1 ? k.popAt(i + 1)?.pop ?? w.pop : w.pop;
    return pushFigure(out, { t0: i - 1, t1, outcome: w.outcome, population: who, ...exact(1) }, i);
  }
  // "والدها" is a word of its own, not "و" + "ال" + …
  const definite = DEFINITE.test(t.t) && !(POP_AR.has(t.t) && !t.t.startsWith('ال'));
  // "الشاب … الذي قتلته ميليشيا": the outcome in a relative clause after a named person
  // ("تشييع الإعلامي …": a funeral tells a death)
  const before = k.outcomeAt(i - 1) ?? (definite && (w.count === 1 || (w.count === 2 && !w.ambiguous))
    ? relativeOutcome(tok, i, w.count) ?? verbActorBefore(k, i) ?? (FUNERAL.test(tok[i - 1]?.t ?? '') ? 'killed' : undefined) : undefined);
  // "مقتل الطفل …", "وفاة الطفلين …": one or two named people
  if ((w.count === 1 || (w.count === 2 && !w.ambiguous)) && !w.outcome && definite && before) {
    return pushFigure(out, { t0: k.outcomeAt(i - 1) ? i - 1 : i, t1: sameOne(k, i + 1, w.count), outcome: before, population: w.pop, ...exact(w.count) }, i);
  }
  // "استشهاد الأب والأم": a definite person joined by و to the one just counted shares its outcome
  if ((w.count === 1 || (w.count === 2 && !w.ambiguous)) && !w.outcome && definite && t.t.startsWith('و') && prev && prev.t1 === i && prev.min !== null && prev.min <= 2) {
    return pushFigure(out, { t0: i, t1: sameOne(k, i + 1, w.count), outcome: prev.outcome, population: w.pop, ...exact(w.count) }, i);
  }
  // "مدنيين اثنين": a number word after the noun counts it ("رجل واثنين" is a second figure)
  // (not across a dash: "بينهم طفلان – 7 عناصر" is a list of two items)
  const after = tok[i + 1] && !tok[i + 1].t.startsWith('و') && !/[–—-]/.test(k.n.slice(t.e, tok[i + 1].s)) ? cardinalAr(tok, i + 1) : null;
  // "مقتل مدنيين" is plural (vague) unless a number word makes it a dual ("مدنيين اثنين")
  // ("مدنيين أصيبا بجروح": a dual verb after it makes it two)
  const dual = !w.ambiguous || after?.value === 2 || (!!tok[i + 1] && /ا$/.test(tok[i + 1].t) && k.outcomeAt(i + 1) !== undefined);
  // "بين قتيل وجريح": some killed, some injured, no number
  const between = tok[i - 1]?.t === 'بين' || (tok[i - 2]?.t === 'بين' && t.t.startsWith('و'));
  if (dual && w.count !== undefined && !definite && !between) {
    // "مقتل طفل", "إصابة طفلين", "مدنيين اثنين": singular and dual nouns count themselves
    const count = after && (after.value === w.count || (w.count === 2 && after.value > 2)) ? after.value : w.count;
    const f = k.build(i, after ? after.next - 1 : i, w, exact(count), prev, true);
    // "رجل مسن", "رجل مدني": a second singular noun describes the same person
    while (f && !after && f.t1 === i + 1 && tok[f.t1] && !tok[f.t1].t.startsWith('و') && k.popAt(f.t1)?.count === w.count && !k.popAt(f.t1)?.outcome) f.t1++;
    return pushFigure(out, f, i);
  }
  // "وأطفالها الثلاثة", "أطفالها الـ3": a definite number after the noun counts it
  const def = w.plural && !definite ? definiteCountAr(tok, i + 1) : null;
  const f = def ? k.build(i, def.next - 1, w, exact(def.value), prev, true) : null;
  if (f) return pushFigure(out, f, i);
  if (!w.plural) return i;
  const conj = prev?.qualifier === 'vague' && prev.t1 === i && t.t.startsWith('و');
  // "جرحى مدنيون بقصف …", "سقوط قتلى وجرحى": victims with no number
  if (barePluralHarm(tok, i) || (conj && w.outcome !== undefined && w.outcome !== prev.outcome)) {
    // "إصابات في صفوف المدنيين", "جرحى بين المدنيين", "قتلى من العسكريين": the group after says who
    const among = w.pop === 'unknown' ? amongAr(k, i + 1) : undefined;
    return pushFigure(out, k.build(i, i, among ? { ...w, pop: among } : w, { min: null, max: null, qualifier: 'vague' }, prev), i);
  }
  // "بينهم أطفال ونساء", "جلهم من الأطفال والنساء": the groups of a breakdown, with no number
  if (!w.outcome && w.pop !== 'unknown' && prev && (k.including(i, prev) || conj) && (!definite || tok[i - 1]?.t === 'من' || t.t.startsWith('و'))) {
    return pushFigure(out, { t0: i, t1: i + 1, outcome: prev.outcome, population: w.pop, min: null, max: null, qualifier: 'vague' }, i);
  }
  // "مقتل مدنيين", "إصابة عشرات": a plural right after an outcome
  if (!definite && k.outcomeJustBefore(i)) {
    const g = k.build(i, i, w, { min: null, max: null, qualifier: 'vague' }, prev);
    if (g) out.push(g);
  }
  return i;
}

/** Words that open a breakdown: "بينهم", "منهم", "جلهم", "معظمهم". */
const INCLUDING = new Set(['بينهم', 'منهم', 'بينهن', 'منهن', 'بينها', 'جلهم', 'معظمهم', 'غالبيتهم', 'اغلبهم']);
const CLAUSE_END = new Set(['لكن', 'بينما', 'فيما', '؛']);

/** The breakdown word at k parts `prev`: no other number stands between them ("595 مدنياً بينهم …" breaks down no casualty). */
function brokenDown(tok: Token[], prev: Figure, k: number): boolean {
  if (prev.t1 >= k) return true;
  if (k - prev.t1 > 8) return false;
  // "من عائلة واحدة" is no number
  for (let m = prev.t1; m < k; m++) if (tok[m].num || (cardinalAr(tok, m)?.value ?? 0) >= 2 || OTHER_FATE.test(tok[m].t)) return false;
  return true;
}

/**
 * True when the figure at i0 is part of a breakdown of `prev`: after "(" ("(9 أطفال و4 نساء)") or a
 * breakdown word up to eight tokens back, not across an outcome word ("بينهم 6 أطفال و4 نساء").
 */
export function breakdownAr(tok: Token[], i0: number, prev: Figure | undefined, isOutcome: (k: number) => boolean): boolean {
  if (tok[i0 - 1]?.t === '(') return !prev || brokenDown(tok, prev, i0 - 1);
  for (let k = i0 - 1; k >= 0 && k >= i0 - 8; k--) {
    const t = tok[k].t;
    if (INCLUDING.has(t) || INCLUDING.has(t.replace(/^[وم]ن?/, ''))) return !prev || brokenDown(tok, prev, k);
    if (isOutcome(k) || CLAUSE_END.has(t)) return false;
  }
  return false;
}

/** Arrests, abductions and displacement: "خطف", "اعتقال", "نزوح" (people harmed otherwise, not counted here). */
const OTHER_FATE = /^[وبل]?(?:خطف|اختطاف|اعتقال|اعتقل|اعتقلت|احتجاز|احتجزت|اسر|اسرت|نزوح|تهجير|اختطفت|خطفت|القبض)$/;

/** True when the word stops an outcome search: another fate starts there. */
export const otherFateAr = (t: string): boolean => OTHER_FATE.test(t);

/** Who may stand between a verb and its object: "قتلت قوات النظام الشاب", "أعدمت قسد السيدة". */
const ACTOR_WORDS = words('قسد داعش النظام الاسد الاحتلال قوات ميليشيا ميليشيات مليشيا مليشيات عناصر مسلحون مسلحين مجهولون مجهولين الجيش الطيران طائرة مسيرة التركي الروسي التحالف الفصائل الامن الشرطة');
/** An outcome verb (not a verbal noun) one or two actor words before the definite noun at i. */
function verbActorBefore(k: NounKit, i: number): Outcome | undefined {
  for (let v = i - 2; v >= i - 3 && v >= 0; v--) {
    if (!k.tok.slice(v + 1, i).every((x) => ACTOR_WORDS.has(x.t))) return undefined;
    const o = k.outcomeAt(v);
    // a verb: "قتلت", "أعدم", not "مقتل" or "استشهاد" (those take the actor after the victim)
    if (o && !/^[وفل]?(?:م|است|اعدام|اغتيال|تصفيه|اصابه)/.test(k.tok[v].t)) return o;
  }
  return undefined;
}
