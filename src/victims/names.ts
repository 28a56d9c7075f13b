/**
 * Arabic person names as written, parsed into their parts: given name (ism), the nasab chain
 * (father, grandfather, … with or without بن/ابن/bin/ibn), family or tribal name (ال… / Al-…,
 * آل …), kunya (أبو/Abu …, أم/Umm …) and laqab (titles, nicknames in brackets). Works on Arabic
 * script and on Latin transliterations; every part carries a cross-script key (nameKeys.ts).
 */
import { foldArabic, foldLatin, isLatinArticle, scriptOf, stripArticleAr, wordKey, wordNorm, wordSkeleton } from './nameKeys.ts';

/** One part of a name: as written, same-script normal form, cross-script key, skeleton. */
export interface NamePart {
  written: string;
  norm: string;
  key: string;
  skel: string;
}

/** A parsed person name. */
export interface ParsedName {
  written: string;
  script: 'arabic' | 'latin' | 'other';
  given: NamePart | null;
  father: NamePart | null;
  grandfather: NamePart | null;
  /** The whole nasab after the given name (father, grandfather, great-grandfather …), in order. */
  chain: NamePart[];
  family: NamePart | null;
  kunya: NamePart | null;
  /** Nicknames and epithets (bracketed or quoted), and honorifics/titles (Hajj, Sheikh, Dr, الشهيد). */
  laqab: NamePart[];
  /** Gender implied by the name itself (bint/بنت, Umm/أم): null when the name does not say. */
  genderHint: 'female' | 'male' | null;
}

const TITLES = new Set([
  'hajj', 'haj', 'haji', 'hajji', 'hajja', 'hajjah', 'sheikh', 'shaykh', 'sheik', 'shaikh', 'dr', 'doctor', 'eng', 'engineer',
  'mr', 'mrs', 'ms', 'ustadh', 'ustaz', 'shahid', 'shaheed', 'martyr', 'imam', 'mulla', 'mullah', 'child', 'the',
  'حاج', 'الحاج', 'الحاجه', 'حاجه', 'الشيخ', 'شيخ', 'الدكتور', 'دكتور', 'د', 'المهندس', 'م', 'الاستاذ', 'استاذ', 'الشهيد', 'الشهيده',
  'شهيد', 'المرحوم', 'المرحومه', 'الطفل', 'الطفله', 'السيد', 'السيده', 'الامام', 'الملا', 'ملا',
]);
const NASAB = new Set(['bin', 'ibn', 'ben', 'bint', 'binti', 'بن', 'ابن', 'بنت']);
const ABU = new Set(['abu', 'abou', 'abo', 'aboo', 'abi', 'aba', 'ابو', 'ابي', 'ابا']);
const UMM = new Set(['umm', 'um', 'om', 'oum', 'omm', 'ام']);
const ABD = new Set(['abd', 'abdul', 'abdel', 'abdal', 'abdol', 'abdil', 'abdu', 'abdur', 'abdus', 'abdun', 'عبد']);
const ABD_GLUED = ['abdul', 'abdel', 'abdal', 'abdol', 'abdil', 'abdur', 'abdus', 'abdun', 'abduz', 'abdud', 'abdu', 'abd'];
const DIN = new Set(['din', 'deen', 'dine', 'الدين', 'دين']);
const ALLAH = new Set(['allah', 'ullah', 'illah', 'الله']);
const DIN_GLUED = /^([a-z]{2,}?)(?:[aeiu]d{1,2}|[ae]ld|ud|ed)(?:din|dine|deen|in|ine|een)$/;

interface Token {
  raw: string;
  /** Folded (Arabic) or lower-case ASCII (Latin), no separators. */
  f: string;
  ar: boolean;
}

interface Unit {
  parts: Token[];
  /** Key override for compounds (abd_…, …_din, abu_…). */
  key?: string;
  article: boolean;
  kunya?: boolean;
  given?: boolean;
}

function tokenize(text: string): Token[] {
  return text.split(/[\s\-–_,;:./|]+/).map((raw) => raw.trim()).filter((r) => r.length > 0).map((raw) => {
    const ar = scriptOf(raw) === 'arabic';
    return { raw, f: ar ? foldArabic(raw).replace(/ /g, '') : foldLatin(raw).replace(/ /g, ''), ar };
  }).filter((t) => t.f.length > 0);
}

const joinWritten = (ts: Token[]): string => ts.map((t) => t.raw).join(' ');

function part(u: Unit): NamePart {
  const core = u.parts.filter((t, i) => !(i < u.parts.length - 1 && (isLatinArticle(t.f, u.parts[i + 1]?.f) || t.f === 'ال')));
  const key = u.key ?? core.map((t) => wordKey(t.raw)).filter(Boolean).join('_');
  return {
    written: joinWritten(u.parts),
    norm: core.map((t) => wordNorm(t.raw)).filter(Boolean).join(' '),
    key,
    skel: core.map((t) => wordSkeleton(t.raw)).join(''),
  };
}

/** Key of a name word that may be an article + word pair already split. */
const keyOf = (t: Token): string => wordKey(t.raw);

/** Splits a glued Latin "Abdulrahman"/"Abdullah" into its Abd- prefix and the rest. */
function splitGluedAbd(t: Token): string | null {
  if (t.ar) {
    const m = /^عبد(?:ال)?(.{2,})$/.exec(t.f);
    return m ? `abd_${wordKey(m[1])}` : null;
  }
  let fallback: string | null = null;
  for (const p of ABD_GLUED) {
    if (!t.f.startsWith(p) || t.f.length - p.length < 3) continue;
    const rest = t.f.slice(p.length);
    const k = wordKey(rest);
    if (!k.startsWith('~')) return `abd_${k}`;
    fallback ??= `abd_${k}`;
  }
  return fallback;
}

/** Groups tokens into name units (compounds, kunyas, articles) and sets titles/markers aside. */
function units(tokens: Token[], laqab: NamePart[], hint: { gender: 'female' | 'male' | null }): Unit[] {
  const out: Unit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (TITLES.has(t.f) && out.length === 0 && next) {
      laqab.push(part({ parts: [t], article: false }));
      continue;
    }
    if (NASAB.has(t.f)) {
      if (t.f === 'bint' || t.f === 'binti' || t.f === 'بنت') hint.gender = 'female';
      else hint.gender ??= 'male';
      continue;
    }
    // Abd + (article) + name, detached.
    if (ABD.has(t.f) && next) {
      const art = isLatinArticle(next.f, tokens[i + 2]?.f) || next.f === 'ال';
      const name = art ? tokens[i + 2] : next;
      if (name) {
        const used = art ? [t, next, name] : [t, next];
        out.push({ parts: used, key: `abd_${keyOf(name)}`, article: false });
        i += used.length - 1;
        continue;
      }
    }
    // Abu/Umm + (article) + name: a kunya (Abu Bakr is a given name). Abu Abd al-Rahman too.
    if ((ABU.has(t.f) || UMM.has(t.f)) && next) {
      const inner = ABD.has(next.f) && tokens[i + 2] ? units(tokens.slice(i + 1, i + 5), [], { gender: null })[0] : null;
      const art = !inner && (isLatinArticle(next.f, tokens[i + 2]?.f) || next.f === 'ال');
      const name = art ? tokens[i + 2] : next;
      if (name) {
        const used = inner ? [t, ...inner.parts] : art ? [t, next, name] : [t, next];
        const umm = UMM.has(t.f);
        if (umm) hint.gender = 'female';
        const k = inner?.key ?? keyOf(name);
        out.push({ parts: used, key: `${umm ? 'umm' : 'abu'}_${k}`, article: false, ...(k === 'bakr' ? { given: true } : { kunya: true }) });
        i += used.length - 1;
        continue;
      }
    }
    // X al-Din / X Allah: joined to the previous unit.
    const prev = out.at(-1);
    if (prev && !prev.kunya && (DIN.has(t.f) || ALLAH.has(t.f) || ((t.f === 'al' || t.f === 'el' || /^[ae][dnrstz]$/.test(t.f) || t.f === 'ud') && next && (DIN.has(next.f) || ALLAH.has(next.f))))) {
      const tail = DIN.has(t.f) || ALLAH.has(t.f) ? [t] : [t, next];
      const word = tail[tail.length - 1];
      prev.parts.push(...tail);
      prev.key = `${prev.key ?? part({ ...prev, parts: prev.parts.slice(0, -tail.length) }).key}_${DIN.has(word.f) ? 'din' : 'allah'}`;
      i += tail.length - 1;
      continue;
    }
    // Detached article (al-, el-, ar-, آل): belongs to the next word.
    if (next && (isLatinArticle(t.f, next.f) || t.f === 'ال')) {
      out.push({ parts: [t, next], key: keyOf(next), article: true });
      i++;
      continue;
    }
    const glued = ABD_GLUED.some((p) => t.f.startsWith(p)) || t.f.startsWith('عبد') ? splitGluedAbd(t) : null;
    if (glued) {
      out.push({ parts: [t], key: glued, article: false });
      continue;
    }
    const din = t.ar ? /^(.{2,})الدين$/.exec(t.f) : DIN_GLUED.exec(t.f);
    if (din) {
      out.push({ parts: [t], key: `${wordKey(din[1])}_din`, article: false });
      continue;
    }
    const allah = t.ar ? /^(.{2,})الله$/.exec(t.f) : /^([a-z]{3,}?)[aiu]l{1,2}ah?$/.exec(t.f);
    if (allah && !t.f.startsWith('abd')) {
      out.push({ parts: [t], key: `${wordKey(allah[1])}_allah`, article: false });
      continue;
    }
    const article = t.ar ? t.f.length > 3 && t.f.startsWith('ال') && stripArticleAr(t.f) !== t.f : /^(?:al|el)[a-z]{4,}$/.test(t.f) && wordNorm(t.raw) !== t.f;
    out.push({ parts: [t], article });
  }
  return out;
}

/**
 * Parses a name as written into its parts.
 *
 * @example
 *   parseName('محمد بن أحمد بن علي الجبوري (أبو خالد)')
 *   // given محمد, father أحمد, grandfather علي, family الجبوري, kunya أبو خالد
 *   parseName('Abu Khalid Mohammed Ahmed Al-Jubouri') // kunya Abu Khalid, given Mohammed, father Ahmed, family Al-Jubouri
 */
export function parseName(text: string): ParsedName {
  const written = text.replace(/\s+/g, ' ').trim();
  const laqab: NamePart[] = [];
  let kunya: NamePart | null = null;
  const hint: { gender: 'female' | 'male' | null } = { gender: null };
  // Bracketed or quoted asides: a kunya, or else a laqab (nickname).
  const main = written.replace(/\(([^)]*)\)|\[([^\]]*)\]|"([^"]*)"|«([^»]*)»|“([^”]*)”/g, (_m, ...groups: unknown[]) => {
    const inner = groups.slice(0, 5).find((g): g is string => typeof g === 'string') ?? '';
    const us = units(tokenize(inner), laqab, hint);
    for (const u of us) {
      if (u.kunya && !kunya) kunya = part(u);
      else laqab.push(part(u));
    }
    return ' ';
  });
  const us = units(tokenize(main), laqab, hint);
  const chainUnits: Unit[] = [];
  let family: Unit | null = null;
  us.forEach((u, i) => {
    const last = i === us.length - 1;
    if (u.kunya) {
      // Abu X at the end of a long name is a family name (Abu Zaid); elsewhere a kunya.
      if (last && chainUnits.length >= 2 && !u.key?.startsWith('umm_')) family = u;
      else if (!kunya) kunya = part(u);
      else laqab.push(part(u));
      return;
    }
    if (last && u.article && chainUnits.length >= 1) {
      family = u;
      return;
    }
    chainUnits.push(u);
  });
  const chain = chainUnits.map(part);
  return {
    written,
    script: scriptOf(written),
    given: chain[0] ?? null,
    father: chain[1] ?? null,
    grandfather: chain[2] ?? null,
    chain: chain.slice(1),
    family: family ? part(family) : null,
    kunya,
    laqab,
    genderHint: hint.gender,
  };
}

/**
 * Builds a name from separate columns (as victim lists often give them): given, father,
 * grandfather, family, kunya. Each column may itself hold a compound ("Abdul Rahman").
 */
export function nameFromParts(p: { given?: string | null; father?: string | null; grandfather?: string | null; family?: string | null; kunya?: string | null }): ParsedName {
  const one = (s: string | null | undefined): NamePart | null => {
    if (!s || !s.trim()) return null;
    const parsed = parseName(s);
    const u = parsed.given ?? parsed.family ?? parsed.kunya;
    if (!u) return null;
    // A column holds one name: join what the parser split.
    const all = [parsed.given, ...parsed.chain, parsed.family].filter((x): x is NamePart => x != null);
    if (all.length <= 1) return u;
    return { written: s.trim(), norm: all.map((x) => x.norm).join(' '), key: all.map((x) => x.key).join('_'), skel: all.map((x) => x.skel).join('') };
  };
  const given = one(p.given);
  const father = one(p.father);
  const grandfather = one(p.grandfather);
  const family = one(p.family);
  const kunyaText = p.kunya?.trim() ? parseName(p.kunya) : null;
  const kunya = kunyaText ? (kunyaText.kunya ?? kunyaText.given) : null;
  const written = [p.given, p.father, p.grandfather, p.family].filter((x) => x && x.trim()).join(' ') + (p.kunya?.trim() ? ` (${p.kunya.trim()})` : '');
  return {
    written: written.trim(),
    script: scriptOf(written),
    given, father, grandfather,
    chain: [father, grandfather].filter((x): x is NamePart => x != null),
    family, kunya, laqab: [], genderHint: null,
  };
}

/**
 * The cross-script key of a whole name: given|father|grandfather|family (empty where absent).
 *
 * @example nameKey('محمد أحمد علي') === nameKey('Mohammed Ahmad Ali') // 'muhammad|ahmad|ali|'
 */
export function nameKey(name: ParsedName | string): string {
  const p = typeof name === 'string' ? parseName(name) : name;
  return [p.given, p.father, p.grandfather, p.family].map((x) => x?.key ?? '').join('|');
}

/** Same-script normal form of a whole name: its parts' norms in order. */
export function nameNorm(name: ParsedName): string {
  return [name.given, ...name.chain, name.family].filter((x): x is NamePart => x != null).map((x) => x.norm).join(' ');
}

/** The parts of a parsed name as stored in `victim_names.parts` (keys and the words as written). */
export function partsJson(p: ParsedName): Record<string, unknown> {
  const w = (x: NamePart | null): { written: string; key: string } | null => (x ? { written: x.written, key: x.key } : null);
  return {
    given: w(p.given), father: w(p.father), grandfather: w(p.grandfather), chain: p.chain.map(w), family: w(p.family), kunya: w(p.kunya),
    laqab: p.laqab.map(w), genderHint: p.genderHint,
  };
}
