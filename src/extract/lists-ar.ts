/**
 * Victims listed by name with no number written (labelling.md: count the names): "أسماء الشهداء:"
 * and one name a line, "المصابون هم: فلان، فلان", or "الشهيد البطل فلان" on consecutive lines.
 * Each scan reads a bounded number of lines after the sentence.
 */
import type { Outcome } from '../model/vocabulary.ts';
import type { Figure } from './figures.ts';
import { POP_AR, lookup } from './lexicon.ts';
import type { Token } from './sentences.ts';

/** A list of victims' names follows: "أسماء الشهداء:", "الشهداء هم:", "#المصابين:". */
const LIST_NOUN = /^[#و]?(?:ال)?(?:شهداء|ضحايا|قتلي|مصابين|مصابون|جرحي)$/;
/** A list line's bullet or number ("1-", "٢_", "–", "•"). */
const BULLET = /^[\s\-–—_•*▪◾🔹🔸🔳]*(?:\d{1,3}\s*[-_.)]\s*)?/u;

/** True when a line (or a comma-separated part) reads as one person's name, maybe with an age or relation. */
function nameLike(line: string): boolean {
  const s = line.replace(BULLET, '').replace(/\([^)]{0,30}\)/g, ' ').replace(/\.{2,}|…/g, ' ').trim();
  if (s.length < 3 || s.length > 70 || /[:.!؟?]/.test(s)) return false;
  const words = s.split(/\s+/).filter((w) => /[\u0621-\u064a]/.test(w));
  return words.length >= 1 && words.length <= 7 && /^[\u0621-\u064a]/.test(s);
}

/**
 * Victims listed by name with no number written (labelling.md: count the names): a sentence whose
 * victim noun opens a list ("أسماء الشهداء:" then one name a line, or "المصابون هم: فلان، فلان").
 * `end` is the sentence's end in `n`; `stated(o)` says the text already gave a figure for that outcome.
 */
export function namedListAr(tok: Token[], n: string, end: number, stated: (o: Outcome) => boolean): Figure | null {
  const martyrs = martyrLines(tok, n, end);
  if (martyrs) return stated('killed') ? null : martyrs;
  // "الشهداء من قرية … وهم:": the heading may name the place before "وهم:"
  const heads = (i: number): boolean => tok.slice(i + 1, i + 8).some((x, q) => x.t === 'وهم' && tok[i + 2 + q]?.t === ':');
  const h = tok.findIndex((t, i) => LIST_NOUN.test(t.t) && (i === 0 || tok[i - 1].t === 'اسماء' || tok[i - 1].t === '#' || tok[i + 1]?.t === ':' || tok[i + 1]?.t === 'هم' || tok[i + 1]?.t === 'هي' || heads(i)));
  if (h < 0) return null;
  const o = lookup(POP_AR, tok[h].t.replace(/^[#و]/, ''), true)?.outcome;
  if (!o || stated(o)) return null;
  const colon = tok.findIndex((t, i) => i > h && t.t === ':');
  let count = 0;
  if (colon > 0 && colon < tok.length - 1) {
    // inline: "المصابون هم: فلان 3 سنوات، فلان، فلان"
    const rest = n.slice(tok[colon].e, end);
    const parts = rest.split(/[،,]/);
    // or numbered on one line: "1_ فلان 28 سنة 2_ فلان 30 سنة"
    const numbered = rest.split(/(?:^|\s)\d{1,2}\s*[-_.)]\s*/).filter((p) => p.trim());
    if (parts.length >= 2 && parts.every((p) => nameLike(p.replace(/^\s*و/, '')))) count = parts.length;
    else if (numbered.length >= 2 && numbered.every((p) => nameLike(p.replace(/\d+\s*(?:سنه|سنوات|عاما|عام)/g, ' ')))) count = numbered.length;
  } else if (colon > 0 || tok[h - 1]?.t === 'اسماء') {
    // one name a line after the heading
    let pos = end;
    let cut = false;
    for (let lines = 0; lines < 60 && pos < n.length; lines++) {
      const nl = n.indexOf('\n', pos + 1);
      const line = n.slice(pos, nl < 0 ? n.length : nl).trim();
      pos = nl < 0 ? n.length : nl;
      if (!line) continue;
      if (!nameLike(line)) break;
      count++;
      cut = /(?:\.{2,}|…)$/.test(line);
    }
    // a post's preview cut short ("4-ريماس بنت...") before the post repeats the whole list
    if (cut && n.indexOf(tok[h].t, pos) >= 0) count = 0;
  }
  return count >= 2 ? { t0: h, t1: h + 1, outcome: o, population: 'unknown', min: count, max: count, qualifier: 'exact' } : null;
}

/** A line naming one martyr: "الشهيد البطل فلان", "- الشهيدة الطفلة فلانة". */
const MARTYR_LINE = /^[\s\-–—_•*▪◾🔹🔸]*(?:ال)?شهيد(?:ه)?\s/u;

/** "الشهيد البطل فلان" on two lines or more, starting at this sentence (its first line): the martyrs counted. */
function martyrLines(tok: Token[], n: string, end: number): Figure | null {
  const start = tok[0]?.s ?? end;
  const lineStart = n.lastIndexOf('\n', start - 1) + 1;
  if (!MARTYR_LINE.test(n.slice(lineStart, end + 1))) return null;
  // not the second line of such a list
  const prevStart = n.lastIndexOf('\n', lineStart - 2) + 1;
  if (lineStart > 0 && MARTYR_LINE.test(n.slice(prevStart, lineStart))) return null;
  let count = 0;
  let pos = lineStart;
  for (let lines = 0; lines < 60 && pos < n.length; lines++) {
    const nl = n.indexOf('\n', pos);
    const line = n.slice(pos, nl < 0 ? n.length : nl);
    pos = nl < 0 ? n.length : nl + 1;
    if (!line.trim()) continue;
    if (!MARTYR_LINE.test(line)) break;
    count++;
  }
  const h = tok.findIndex((t) => /^(?:ال)?شهيد(?:ه)?$/.test(t.t));
  // one line is one martyr when a name follows ("الشهيد بإذن الله (فلان)")
  if (count === 1 && tok.filter((t) => !t.punct && !t.num).length < 3) count = 0;
  return count >= 1 && h >= 0 ? { t0: h, t1: h + 1, outcome: 'killed', population: 'unknown', min: count, max: count, qualifier: 'exact' } : null;
}
