/**
 * English figures: digits with thousands separators, number words ("twenty-one", "a dozen",
 * "three hundred"), vague quantities ("dozens", "several") and the qualifier written before them
 * ("at least", "more than", "about", "between … and …").
 */
import type { Qualifier } from '../model/vocabulary.ts';
import type { Token } from './sentences.ts';

/** A figure found at a token position: tokens [i0, i1) hold qualifier and number. */
export interface NumPhrase {
  i0: number;
  i1: number;
  min: number | null;
  max: number | null;
  qualifier: Qualifier;
  /** The number itself (null for vague quantities). */
  value: number | null;
}

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, dozen: 12, both: 2, single: 1, twin: 2,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };
const ORDINALS = new Set(['another', 'third', 'fourth', 'fifth', 'sixth', 'second']);
const VAGUE = new Set(['dozens', 'scores', 'hundreds', 'thousands', 'several', 'many', 'numerous', 'multiple', 'few', 'some', 'countless', 'tens']);

/** Parses "1,302", "1300", "3.800" (thousands), "2.5" (with a scale word after) to a number. */
export function parseDigits(t: string): number | null {
  if (/^\d{1,3}(?:[.,]\d{3})+$/.test(t)) return Number(t.replace(/[.,]/g, ''));
  if (/^\d+$/.test(t)) return Number(t);
  if (/^\d+[.,]\d{1,2}$/.test(t)) return Number(t.replace(',', '.'));
  return null;
}

function wordValue(t: string): number | null {
  if (t in UNITS) return UNITS[t];
  if (t in TENS) return TENS[t];
  if (!t.includes('-')) return null;
  const m = /^([a-z]+)-([a-z]+)$/.exec(t);
  if (m && m[1] in TENS && m[2] in UNITS && UNITS[m[2]] < 10) return TENS[m[1]] + UNITS[m[2]];
  return null;
}

/** A bare cardinal starting at token i: value and the index after it. With the text `n`, "1 000" (a space between thousands) is one number. */
export function cardinalEn(tok: Token[], i: number, n?: string): { value: number; next: number } | null {
  const t = tok[i];
  if (!t) return null;
  let value: number | null = null;
  let j = i + 1;
  if (t.num) {
    value = parseDigits(t.t);
    if (value === null) return null;
    if (n !== undefined && /^\d{1,3}$/.test(t.t)) {
      for (let g = 0; g < 3 && tok[j]?.num && /^\d{3}$/.test(tok[j].t) && n.slice(tok[j - 1].e, tok[j].s) === ' '; g++) value = value * 1000 + Number(tok[j++].t);
    }
  } else if (t.t === 'half' && tok[i + 1]?.t === 'a' && (tok[i + 2]?.t ?? '') in SCALES) {
    return { value: SCALES[tok[i + 2].t] / 2, next: i + 3 };
  } else if (t.t === 'a' && tok[i + 1]?.t === 'quarter' && tok[i + 2]?.t === 'of' && tok[i + 3]?.t === 'a' && (tok[i + 4]?.t ?? '') in SCALES) {
    return { value: SCALES[tok[i + 4].t] / 4, next: i + 5 };
  } else if (t.t === 'a' || t.t === 'an') {
    const n = tok[i + 1]?.t;
    if (n === 'dozen') return { value: 12, next: i + 2 };
    // "a quarter of a million", "half a million" are not a million
    const before = tok[i - 1]?.t;
    if (n !== undefined && n in SCALES && before !== 'of' && before !== 'half') return { value: SCALES[n], next: i + 2 };
    return null;
  } else {
    value = wordValue(t.t);
    if (value === null) return null;
    // "twenty one"
    if (t.t in TENS && tok[j] && tok[j].t in UNITS && UNITS[tok[j].t] < 10) value += UNITS[tok[j++].t];
  }
  // "two dozen people"
  if (tok[j]?.t === 'dozen' && value < 20) {
    value *= 12;
    j++;
  }
  // scales: "three hundred (and) twenty", "1.5 million", "two thousand"
  for (let guard = 0; guard < 3 && tok[j] && tok[j].t in SCALES; guard++) {
    value *= SCALES[tok[j].t];
    j++;
    const k = tok[j]?.t === 'and' ? j + 1 : j;
    const rest = tok[k] && !tok[k].num ? wordValue(tok[k].t) : null;
    if (rest !== null && rest < 100) {
      value += rest;
      j = k + 1;
    }
  }
  if (!Number.isInteger(value)) return null;
  return { value, next: j };
}

const BEFORE: [string[], Qualifier][] = [
  [['at', 'least'], 'at_least'], [['no', 'fewer', 'than'], 'at_least'], [['not', 'less', 'than'], 'at_least'],
  [['no', 'less', 'than'], 'at_least'], [['a', 'minimum', 'of'], 'at_least'],
  [['more', 'than'], 'more_than'], [['over'], 'more_than'], [['upwards', 'of'], 'more_than'], [['in', 'excess', 'of'], 'more_than'],
  [['above'], 'more_than'], [['exceeding'], 'more_than'],
  [['at', 'most'], 'at_most'], [['up', 'to'], 'at_most'], [['as', 'many', 'as'], 'at_most'], [['no', 'more', 'than'], 'at_most'],
  [['fewer', 'than'], 'fewer_than'], [['less', 'than'], 'fewer_than'], [['under'], 'fewer_than'],
  [['about'], 'about'], [['around'], 'about'], [['approximately'], 'about'], [['roughly'], 'about'], [['some'], 'about'],
  [['nearly'], 'about'], [['almost'], 'about'], [['close', 'to'], 'about'], [['an', 'estimated'], 'about'], [['estimated'], 'about'],
  [['approx'], 'about'], [['circa'], 'about'],
];

/** Looks left of token i for a qualifier phrase; returns it and its first token. */
export function qualifierBefore(tok: Token[], i: number, table: [string[], Qualifier][] = BEFORE): { q: Qualifier; i0: number } | null {
  for (const [words, q] of table) {
    const k = i - words.length;
    if (k < 0) continue;
    let ok = true;
    // an Arabic phrase may take the conjunction و on its first word ("وأكثر من 15")
    for (let w = 0; w < words.length && ok; w++) ok = tok[k + w].t === words[w] || (w === 0 && tok[k].t === `و${words[0]}`);
    if (ok) return { q, i0: k };
  }
  return null;
}

/** Fills min and max from a qualifier and a value (unknown stays null, never 0). */
export function rangeOf(q: Qualifier, v: number | null): { min: number | null; max: number | null } {
  switch (q) {
    case 'exact': case 'about': case 'between': return { min: v, max: v };
    case 'at_least': case 'more_than': return { min: v, max: null };
    case 'at_most': case 'fewer_than': return { min: null, max: v };
    case 'vague': return { min: null, max: null };
  }
}

/**
 * The English figure starting at token i (a number, a number word or a vague quantity), with
 * the qualifier before it. Returns null when token i starts no figure.
 *
 * @example
 *   numberAtEn(tokenize(n, 0, n.length), 2) // "at least 1,302" → { min: 1302, max: null, qualifier: 'at_least' }
 */
const MONTH_WORDS = new Set('january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '));

/** True when the digits at token t sit in a numeric date ("05-07-2015", "2016/10/3", "3.8.2016"). */
function inNumericDate(t: Token, n: string): boolean {
  let a = t.s;
  let b = t.e;
  while (a > 0 && t.s - a < 12 && /[\d/.-]/.test(n[a - 1])) a--;
  while (b < n.length && b - t.e < 12 && /[\d/.-]/.test(n[b])) b++;
  return /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$/.test(n.slice(a, b).replace(/[.-]+$/, ''));
}

/** True when a day number stands beside a month name ("May 27", "27 February"): a date, not a head count. */
function besideMonth(tok: Token[], i: number, value: number): boolean {
  if (value < 1 || value > 31) return false;
  const prev = tok[i - 1]?.t;
  const next = tok[i + 1]?.t;
  if (prev !== undefined && MONTH_WORDS.has(prev)) return true;
  // "5 may have died": "may" after a number is a month only when a year follows
  return next !== undefined && MONTH_WORDS.has(next) && (next !== 'may' || /^(19|20)\d\d$/.test(tok[i + 2]?.t ?? ''));
}

const NAMED_BY_NUMBER = /^(division|brigade|regiment|battalion|base|route|highway|road|resolution|article|flight|unit|corps|camp|checkpoint|sector|gate|building|block|no)$/;

export function numberAtEn(tok: Token[], i: number, n: string): NumPhrase | null {
  const t = tok[i];
  if (t.num && (inNumericDate(t, n) || besideMonth(tok, i, Number(t.t)))) return null;
  // "Division 30", "Resolution 2254", "Route 4": a number that names a unit, a text or a road
  if (t.num && NAMED_BY_NUMBER.test(tok[i - 1]?.t ?? '')) return null;
  if (VAGUE.has(t.t)) {
    if (t.t === 'some' || t.t === 'few' || t.t === 'many') {
      const nx = tok[i + 1];
      if (nx && (nx.num || cardinalEn(tok, i + 1))) return null;
    }
    let i1 = i + 1;
    if (tok[i1]?.t === 'of' && (t.t === 'dozens' || t.t === 'hundreds' || t.t === 'thousands' || t.t === 'scores' || t.t === 'tens')) i1++;
    const i0 = i > 0 && (tok[i - 1].t === 'a' || tok[i - 1].t === 'several') ? i - 1 : i;
    return { i0, i1, min: null, max: null, qualifier: 'vague', value: null };
  }
  if (t.t === 'a' && tok[i + 1]?.t === 'number' && tok[i + 2]?.t === 'of') return { i0: i, i1: i + 3, min: null, max: null, qualifier: 'vague', value: null };
  const c = cardinalEn(tok, i, n);
  if (!c) return null;
  // a year or a time is not a head count
  if (t.num && /^(19|20)\d\d$/.test(t.t) && c.next === i + 1) return null;
  if (t.num && n[t.e] === ':') return null;
  if (tok[c.next]?.t === '%' || tok[i - 1]?.t === '$') return null;
  // a time of day ("at 330 am", "at 19 hrs")
  if (t.num && /^(am|pm|hrs|gmt|utc)$/.test(tok[c.next]?.t ?? '')) return null;
  // an age ("an 11-year-old child", "9 years old") is not a head count
  if (/^(years?|year-old|years-old|yrs?|months?|month-old)/.test(tok[c.next]?.t ?? '')) return null;
  // between N and M, N to M, N-M
  const before = tok[i - 1]?.t;
  if (before === 'between' || before === 'from') {
    const conj = tok[c.next]?.t;
    if (conj === 'and' || conj === 'to') {
      const d = cardinalEn(tok, c.next + 1);
      if (d) return { i0: i - 1, i1: d.next, min: c.value, max: d.value, qualifier: 'between', value: c.value };
    }
  }
  const nx = tok[c.next];
  if (nx && nx.num && c.next === i + 1 && n.slice(t.e, nx.s) === '-') {
    const d = cardinalEn(tok, c.next);
    if (d && d.value > c.value) return { i0: i, i1: d.next, min: c.value, max: d.value, qualifier: 'between', value: c.value };
  }
  if (nx?.t === 'to' && tok[c.next + 1]?.num) {
    const d = cardinalEn(tok, c.next + 1);
    if (d && d.value > c.value) return { i0: i, i1: d.next, min: c.value, max: d.value, qualifier: 'between', value: c.value };
  }
  const q = qualifierBefore(tok, i);
  const qualifier = q?.q ?? 'exact';
  return { i0: q?.i0 ?? i, i1: c.next, ...rangeOf(qualifier, c.value), qualifier, value: c.value };
}

/** "another", "a third" before a singular noun: one more person. */
export function isOrdinalOne(t: string): boolean {
  return ORDINALS.has(t);
}
