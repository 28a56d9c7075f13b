/**
 * Arabic tallies: a figure told as a total that rose or reached a number ("ارتفع عدد الشهداء إلى
 * 9"), a toll word before the number ("بلغ عدد ضحايا المجزرة 10"), and a list under a header that
 * names the outcome ("والقتلى والشهداء هم: – 46 من المدنيين").
 */
import type { Outcome, Population } from '../model/vocabulary.ts';
import { outcomeAr, popAr } from './figures-ar.ts';
import { POP_AR, lookup } from './lexicon.ts';
import type { Token } from './sentences.ts';

const RAISE = /^[وفل]?(?:ارتفع|ارتفعت|يرتفع|ترتفع|ليرتفع|لترتفع|ارتفاع|وصل|وصلت|يصل|تصل|بلغ|بلغت|يبلغ|تبلغ)$/;
const TO = /^الي$/;

/**
 * "ارتفع عدد المدنيين الذين قتلوا … إلى 6", "وصلت حصيلة الجرحى إلى 4": a tally raised to the number
 * at i. Returns the outcome and the population named between the verb and "إلى", or null.
 */
export function tallyTo(tok: Token[], i: number): { o: Outcome; pop: Population } | null {
  if (!TO.test(tok[i - 1]?.t ?? '')) return null;
  let o: Outcome | undefined;
  let pop: Population | undefined;
  // SOHR-style tallies name the victims, the weapons and the places before "إلى" ("ارتفع عدد الشهداء الذين قضوا جراء … إلى 9")
  for (let k = i - 2; k >= 0 && k >= i - 32; k--) {
    const t = tok[k];
    if (t.t === '؛') return null;
    const w = t.punct ? undefined : popAr(tok, k);
    if (w?.outcome) o ??= w.outcome;
    else if (w && w.pop !== 'unknown') pop = pop === undefined || pop === w.pop ? w.pop : 'unknown';
    const x = t.punct || w ? undefined : outcomeAr(tok, k);
    if (x) o ??= x;
    if (RAISE.test(t.t)) return o ? { o, pop: pop ?? 'unknown' } : (tallyBefore(tok, k) ?? tallyAfter(tok, i));
  }
  return null;
}

/** "عدد الشهداء ارتفع إلى 5": the tally named before the verb at v (a tally word, then its victims). */
function tallyBefore(tok: Token[], v: number): { o: Outcome; pop: Population } | null {
  let o: Outcome | undefined;
  for (let k = v - 1; k >= 0 && k >= v - 4; k--) {
    const t = tok[k];
    if (t.punct || t.num) return null;
    o ??= popAr(tok, k)?.outcome ?? outcomeAr(tok, k);
    if (TOLL.test(t.t)) return o ? { o, pop: 'unknown' } : null;
  }
  return null;
}

/** "يرتفع إلى 124 تعداد العسكريين والمدنيين الذين قتلوا": the tally named after the number at i. */
function tallyAfter(tok: Token[], i: number): { o: Outcome; pop: Population } | null {
  if (!TOLL.test(tok[i + 1]?.t ?? '')) return null;
  let pop: Population | undefined;
  for (let k = i + 2; k < tok.length && k <= i + 10; k++) {
    const t = tok[k];
    if (t.punct || t.num) return null;
    const w = popAr(tok, k);
    if (w?.outcome) return { o: w.outcome, pop: pop ?? 'unknown' };
    if (w) pop = pop === undefined || pop === w.pop ? w.pop : 'unknown';
    const o = outcomeAr(tok, k);
    if (o) return { o, pop: pop ?? 'unknown' };
  }
  return null;
}

/** Words that name a tally: "حصيلة", "عدد", "تعداد", "ارتفاع", "إجمالي". */
const TOLL = /^[وب]?(?:ال)?(?:حصيله|عدد|تعداد|ارتفاع|اجمالي|مجموع)$/;

/**
 * "بلغ عدد ضحايا المجزرة 10 أشخاص", "حصيلة الجرحى 4": a tally word and a victim word within eight
 * tokens before the number at i; returns the victims' outcome, or null.
 */
export function tollAr(tok: Token[], i: number): Outcome | null {
  let toll = false;
  let o: Outcome | undefined;
  for (let k = i - 1; k >= 0 && k >= i - 8; k--) {
    const t = tok[k];
    if (t.punct || t.num) continue;
    if (TOLL.test(t.t)) toll = true;
    o ??= lookup(POP_AR, t.t, true)?.outcome;
  }
  return toll && o ? o : null;
}

/**
 * "والقتلى والشهداء هم: – 46 من المدنيين … – 77 عنصر من قوات النظام": a list under a header that names
 * the outcome. Returns the header's outcome when the figure at i sits in such a list (a dash item).
 */
export function listHeaderAr(tok: Token[], n: string, i: number): Outcome | null {
  // the tokeniser drops dashes: the item's dash sits in the text between the previous token and this one
  if (!tok[i - 1] || !/[–—-]/.test(n.slice(tok[i - 1].e, tok[i].s))) return null;
  for (let k = i - 1; k >= 2 && k >= i - 80; k--) {
    if (tok[k].t === '؛') return null;
    if (tok[k].t === ':' && tok[k - 1].t === 'هم') return popAr(tok, k - 2)?.outcome ?? outcomeAr(tok, k - 2) ?? null;
  }
  return null;
}
