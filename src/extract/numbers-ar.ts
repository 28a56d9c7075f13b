/**
 * Arabic figures: Arabic-Indic / Persian digits (already turned into ASCII by normalise), number
 * words in both genders and cases (ثلاثة، ثلاث، خمسة عشر، خمسة وعشرين، مئتين), vague quantities
 * (عشرات، مئات، عدة) and qualifiers (ما لا يقل عن، أكثر من، نحو، قرابة، حوالي، بين … و …).
 */
import type { Qualifier } from '../model/vocabulary.ts';
import { norm } from './normalise.ts';
import type { Token } from './sentences.ts';
import { parseDigits, qualifierBefore, rangeOf, type NumPhrase } from './numbers-en.ts';

function table(spec: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const part of spec.split(';')) {
    const [v, words] = part.split(':');
    for (const w of words.trim().split(/\s+/)) m.set(norm(w), Number(v));
  }
  return m;
}

const UNITS = table(
  '1: واحد واحدة; 2: اثنان اثنين اثنتان اثنتين; 3: ثلاث ثلاثة; 4: أربع أربعة; 5: خمس خمسة; 6: ست ستة; 7: سبع سبعة; 8: ثمان ثماني ثمانية; 9: تسع تسعة; 10: عشر عشرة',
);
const TEEN_HEAD = table('1: أحد إحدى; 2: اثنا اثني اثنتا اثنتي');
const TENS = table(
  '20: عشرون عشرين; 30: ثلاثون ثلاثين; 40: أربعون أربعين; 50: خمسون خمسين; 60: ستون ستين; 70: سبعون سبعين; 80: ثمانون ثمانين; 90: تسعون تسعين',
);
const HUNDREDS = table(
  '100: مئة مائة; 200: مئتان مئتين مائتان مائتين; 300: ثلاثمئة ثلاثمائة; 400: أربعمئة أربعمائة; 500: خمسمئة خمسمائة; 600: ستمئة ستمائة; 700: سبعمئة سبعمائة; 800: ثمانمئة ثمانمائة; 900: تسعمئة تسعمائة',
);
const THOUSAND = table('1000: ألف; 2000: ألفين ألفان');
const TEN_WORDS = new Set([norm('عشر'), norm('عشرة')]);
const VAGUE = new Set(['عشرات', 'العشرات', 'مئات', 'المئات', 'مئات', 'الاف', 'عده', 'بضعه', 'بضع', 'العديد', 'عشرات', 'كثير', 'الكثير'].map(norm));
const AND = 'و';

/** Value of one Arabic number word, accepting a leading و. */
function wordAr(t: string): { v: number; kind: 'unit' | 'teenhead' | 'ten' | 'hundred' | 'thousand' } | null {
  const forms = t.startsWith(AND) && t.length > 2 ? [t, t.slice(1)] : [t];
  for (const f of forms) {
    if (UNITS.has(f)) return { v: UNITS.get(f)!, kind: 'unit' };
    if (TEEN_HEAD.has(f)) return { v: TEEN_HEAD.get(f)!, kind: 'teenhead' };
    if (TENS.has(f)) return { v: TENS.get(f)!, kind: 'ten' };
    if (HUNDREDS.has(f)) return { v: HUNDREDS.get(f)!, kind: 'hundred' };
    if (THOUSAND.has(f)) return { v: THOUSAND.get(f)!, kind: 'thousand' };
  }
  return null;
}

/** Value of a definite number word after a noun ("أطفالها الثلاثة" → 3), or null. */
export function definiteUnitAr(t: string | undefined): number | null {
  if (!t || !t.startsWith('ال')) return null;
  const v = UNITS.get(t.slice(2));
  return v !== undefined && v >= 2 ? v : null;
}

/** A definite count after a noun at token j: a word ("الثلاثة") or the article on digits ("الـ3"); its value and the next index. */
export function definiteCountAr(tok: Token[], j: number): { value: number; next: number } | null {
  const w = definiteUnitAr(tok[j]?.t);
  if (w !== null) return { value: w, next: j + 1 };
  const d = tok[j]?.t === 'ال' && tok[j + 1]?.num && tok[j + 1].s === tok[j].e ? parseDigits(tok[j + 1].t) : null;
  return d !== null && Number.isInteger(d) && d >= 2 && d < 100 ? { value: d, next: j + 2 } : null;
}

/** Words after a number that make it count time, distance, money or dates, not people ("خلال 24 ساعة", "(15) سنة", "5 آب"). */
const NOT_PEOPLE = new Set(
  ('عام عاما سنه سنوات سنين اعوام شهر شهرا اشهر ساعه ساعات يوم يوما ايام اسبوع اسابيع دقيقه دقائق ثانيه ثواني '
    + 'كم كيلومتر كيلومترات كيلو متر مترا امتار مره مرات بالمئه بالمائه دولار ليره طن '
    + 'كانون تشرين شباط اذار نيسان ايار حزيران تموز اب ايلول يناير فبراير مارس ابريل مايو يونيو يوليو اغسطس سبتمبر اكتوبر نوفمبر ديسمبر')
    .split(' ').map(norm),
);

/** A bare Arabic cardinal (digits or words) starting at token i. */
export function cardinalAr(tok: Token[], i: number): { value: number; next: number } | null {
  const t = tok[i];
  if (!t) return null;
  if (t.num) {
    const v = parseDigits(t.t);
    if (v === null || !Number.isInteger(v)) return null;
    const nx = tok[i + 1]?.t;
    if (nx === 'الف' || nx === 'الاف') return { value: v * 1000, next: i + 2 };
    return { value: v, next: i + 1 };
  }
  const w = wordAr(t.t);
  if (!w) return null;
  let value = w.v;
  let j = i + 1;
  if (w.kind === 'unit' || w.kind === 'teenhead') {
    const nx = tok[j]?.t;
    if (nx !== undefined && TEN_WORDS.has(nx) && w.v < 10) return { value: 10 + w.v, next: j + 1 };
    if (w.kind === 'teenhead') return null;
    if (nx !== undefined && nx.startsWith(AND)) {
      const ten = wordAr(nx);
      if (ten && ten.kind === 'ten' && w.v < 10) {
        value += ten.v;
        j++;
      }
    }
    const sc = tok[j]?.t;
    if (sc === 'الاف' || sc === 'الف') return { value: value * 1000, next: j + 1 };
    if (sc === 'مئه' || sc === 'مائه') return { value: value * 100, next: j + 1 };
  }
  if (w.kind === 'hundred' || w.kind === 'thousand') {
    const nx = tok[j]?.t;
    const rest = nx !== undefined && nx.startsWith(AND) ? wordAr(nx) : null;
    if (rest && rest.v < w.v) {
      value += rest.v;
      j++;
    }
  }
  return { value, next: j };
}

const BEFORE: [string[], Qualifier][] = ([
  ['ما لا يقل عن', 'at_least'], ['ما لا يقل علي', 'at_least'], ['لا يقل عن', 'at_least'], ['لا يقل عدد', 'at_least'],
  ['ما لا يزيد عن', 'at_most'], ['لا يزيد عن', 'at_most'], ['حتي', 'at_most'],
  ['ما يزيد عن', 'more_than'], ['ما يزيد علي', 'more_than'], ['يزيد عن', 'more_than'], ['يزيد علي', 'more_than'],
  ['اكثر من', 'more_than'], ['ازيد من', 'more_than'], ['ما يربو علي', 'more_than'],
  ['اقل من', 'fewer_than'], ['ما يقارب', 'about'], ['يقارب', 'about'], ['ما يناهز', 'about'], ['يناهز', 'about'],
  ['نحو', 'about'], ['قرابه', 'about'], ['حوالي', 'about'], ['زهاء', 'about'], ['قرابة', 'about'], ['تقريبا', 'about'],
] as [string, Qualifier][]).map(([w, q]): [string[], Qualifier] => [norm(w).split(' '), q]);

/**
 * The Arabic figure starting at token i, with its qualifier.
 *
 * @example
 *   numberAtAr(tokenize(n, 0, n.length), 3) // "ما لا يقل عن ١٢" → { min: 12, max: null, qualifier: 'at_least' }
 */
export function numberAtAr(tok: Token[], i: number, n: string): NumPhrase | null {
  const t = tok[i];
  const bare = t.t.startsWith(AND) && t.t.length > 3 ? t.t.slice(1) : t.t;
  if (VAGUE.has(bare)) {
    let i1 = i + 1;
    if (tok[i1]?.t === 'من') i1++;
    return { i0: i, i1, min: null, max: null, qualifier: 'vague', value: null };
  }
  // "عدد من", "عدداً من": an unstated number
  if ((bare === 'عدد' || bare === 'عددا') && tok[i + 1]?.t === 'من') return { i0: i, i1: i + 2, min: null, max: null, qualifier: 'vague', value: null };
  const c = cardinalAr(tok, i);
  if (!c) return null;
  if (t.num && /^(19|20)\d\d$/.test(t.t)) return null;
  if (t.num && (n[t.e] === ':' || n[t.s - 1] === ':')) return null;
  // a list item's number ("1- الشهيدة …", "2_ أبو …") at the start of a line
  if (t.num && /^\s?[-_.)]/.test(n.slice(t.e, t.e + 2)) && /(^|\n)[\s\u200f\u200e]*$/.test(n.slice(Math.max(0, t.s - 4), t.s))) return null;
  if (tok[c.next]?.t === '%') return null;
  // an age ("64 عاماً", "عمره 9 سنوات"), a duration, a distance or a date is not a head count
  const unit = tok[c.next]?.t === ')' ? tok[c.next + 1]?.t : tok[c.next]?.t;
  if (unit !== undefined && NOT_PEOPLE.has(unit.replace(/^ال/, ''))) return null;
  if (tok[i - 1]?.t === 'بين' || tok[i - 1]?.t === 'من') {
    let k = c.next;
    if (tok[k]?.t === AND || tok[k]?.t === 'الي') k++;
    const d = tok[k] ? cardinalAr(tok, k) : null;
    if (d && d.value > c.value && k > c.next) return { i0: i - 1, i1: d.next, min: c.value, max: d.value, qualifier: 'between', value: c.value };
  }
  // "مقتل (3) أشخاص": a number in brackets
  if (tok[i - 1]?.t === '(' && tok[c.next]?.t === ')') return { i0: i - 1, i1: c.next + 1, ...rangeOf('exact', c.value), qualifier: 'exact', value: c.value };
  const q = qualifierBefore(tok, i, BEFORE);
  let qualifier: Qualifier = q?.q ?? 'exact';
  let i1 = c.next;
  if (!q && tok[i1]?.t === 'تقريبا') {
    qualifier = 'about';
    i1++;
  }
  return { i0: q?.i0 ?? i, i1, ...rangeOf(qualifier, c.value), qualifier, value: c.value };
}
