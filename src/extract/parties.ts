/**
 * Who says it (claimant) and who is said to have done it (actor), from the party lexicon and
 * attribution patterns ("X said", "according to X", "أفاد X", "بحسب X").
 */
import { PARTY_VARIANTS, type PartyEntry } from './lexicon.ts';
import type { Party } from './types.ts';

/** A party mention in a normalised sentence: offsets [s, e) and its lexicon entry. */
export interface Mention {
  s: number;
  e: number;
  entry: PartyEntry;
}

const WORD = /[\p{L}\p{N}]/u;

/** Party mentions in normalised text n[s, e), longest variant first, not overlapping. */
export function findMentions(n: string, s: number, e: number): Mention[] {
  const sub = n.slice(s, e);
  const out: Mention[] = [];
  for (const { v, entry } of PARTY_VARIANTS) {
    for (let i = sub.indexOf(v); i !== -1; i = sub.indexOf(v, i + 1)) {
      const before = sub[i - 1];
      const after = sub[i + v.length];
      const arabic = /[\u0600-\u06ff]/.test(v);
      // Arabic: allow clitic prefixes و ب ل ف before the variant
      const beforeOk = before === undefined || !WORD.test(before) || (arabic && /[وبلف]/.test(before) && (i < 2 || !WORD.test(sub[i - 2])));
      if (!beforeOk || (after !== undefined && WORD.test(after))) continue;
      const a = s + i;
      const b = a + v.length;
      if (out.some((m) => m.s < b && a < m.e)) continue;
      out.push({ s: a, e: b, entry });
    }
  }
  return out.sort((x, y) => x.s - y.s);
}

const SAY = /^[^.!?؟]{0,60}?\b(said|says|reported|reports|announced|stated|added|confirmed|documented|claimed|explained|affirmed|told|acknowledged|admitted|noted|published|referred|described|in a statement|statement)\b/;
const SAY_AR = /^[^.!?؟]{0,40}?(قال|قالت|افاد|افادت|اعلن|اعلنت|ذكر|ذكرت|وثق|وثقت|اكد|اكدت|نشر|نشرت|رصد|اشار|اشارت|بيان)/;
const ACCORDING = /(according to|citing|quoted by|وفق|وفقا ل|بحسب|حسب|نقلا عن|افاد|افادت|ذكر|ذكرت|وثق|وثقت)\s*$/;
/** What may not stand between a party and its verb of saying ("the coalition …; however, it said"). */
const GAP_BREAK = /[;:"]|\b(it|he|she|they|which|who|however|but|while)\b|(لكن|بينما|التي|الذي)/;
/** Words before a party that make it a target, not an actor ("against the Islamic State"). */
const TARGET_BEFORE = /(against|targeting|targeted|on|fighting|ضد|استهداف|استهدف|لاستهداف|مواقع|عناصر|مقاتلي|من)\s*(the\s+)?$/;

/** Picks the actor mention: a belligerent that is not the claimant and not a target; else the claimant when belligerent. */
export function actorMention(n: string, s: number, mentions: Mention[], claimant: Mention | null): Mention | null {
  const candidates = mentions.filter((m) => m.entry.belligerent && m !== claimant);
  const good = candidates.find((m) => !TARGET_BEFORE.test(n.slice(Math.max(s, m.s - 20), m.s)));
  if (good) return good;
  if (claimant?.entry.belligerent) return claimant;
  return candidates[0] ?? null;
}

/** Words that refer back to the previous claimant ("the statement added", "it further explained"). */
export const REFERENCE = /\b(the statement|the report|it said|it added|it further|it stated|he said|she said|they said|he added|she added|added|explained)\b|(واضاف|واضافت|وتابع|وتابعت|واشار|واشارت|البيان|واكد|واكدت)/;

/** Picks the claimant mention of a sentence: attributed ("X said", "according to X") or the subject (a non-belligerent first). */
export function claimantMention(n: string, s: number, mentions: Mention[]): Mention | null {
  for (const m of mentions) {
    const after = n.slice(m.e, m.e + 80);
    const say = SAY.exec(after) ?? SAY_AR.exec(after);
    if (say && !GAP_BREAK.test(after.slice(0, say.index + say[0].length - say[1].length))) return m;
    const before = n.slice(Math.max(s, m.s - 25), m.s);
    if (ACCORDING.test(before)) return m;
  }
  for (const m of mentions) {
    if (!m.entry.belligerent && m.s - s < 30) return m;
  }
  return null;
}

/** A Party from a mention; the text is the original slice. */
export function partyOf(text: string, m: Mention, toOrig: (i: number, end: boolean) => number): Party {
  return { text: text.slice(toOrig(m.s, false), toOrig(m.e, true)), normalised: m.entry.name };
}

const PERSON = /((?:[A-Z][\p{L}'’.-]+\s){1,5})(?:said|told|stated|says)\b/u;

/** A named person as claimant ("Senior Adviser Donatella Rovera said"), from the original sentence. */
export function personClaimant(orig: string): string | null {
  const m = PERSON.exec(orig);
  if (!m) return null;
  const name = m[1].trim();
  if (/^(The|It|He|She|They|This|That|A|An)$/.test(name)) return null;
  return name;
}
