import type { TargetCount } from '../db/types.ts';
import { NUMBER_PATTERN, parseNumberWords } from './numbers.ts';

/** What one release line says: where, how many strikes, what was engaged, destroyed or damaged. */
export interface ParsedReleaseLine {
  /** Places named with "near X" / "in X", in order. */
  places: string[];
  /** Strikes stated in the line, summed over its clauses; null when the line states none. */
  strikes: number | null;
  /** Each "Near X, N strikes …" clause on its own. */
  clauses: Array<{ place: string | null; strikes: number | null }>;
  engaged: TargetCount[];
  destroyed: TargetCount[];
  damaged: TargetCount[];
}

const STRIKE_RE = new RegExp(String.raw`\b(${NUMBER_PATTERN})\s+(?:(?:separate|additional|coalition|more|other)\s+)?(?:air\s*)?str?ikes?\b`, 'gi');
const NEAR_RE = /\b(?:[Nn]ear|[Ii]n the vicinity of|[Vv]icinity of)\s+(?:[Nn]ear\s+)?([A-Z][\w'’-]*(?:[\s-]+(?:al|as|ash|ad|ar|az|el|bin|of|[A-Z][\w'’-]*))*)/g;
const VERB_RE = /\b(engaged|engaging|struck|striking|hit|targeted|destroyed|destroying|damaged|damaging|suppressed|denied)\b/gi;

/** Splits an object list "three ISIL tactical units, an ISIL vehicle and six tunnel entrances". */
function splitTargets(list: string): TargetCount[] {
  const cleaned = list
    .replace(/\.\s*$/, '')
    .replace(/\b(?:and also|also)\b/gi, ' ')
    .trim();
  if (!cleaned) return [];
  const pieces = cleaned.split(/[,;]\s*(?:and\s+)?|\s+and\s+(?=(?:\d|a\b|an\b|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|multiple|numerous|[a-z]+ty\b))/i);
  const out: TargetCount[] = [];
  const numRe = new RegExp(String.raw`^(${NUMBER_PATTERN})\s+(.+)$`, 'i');
  for (const raw of pieces) {
    const piece = raw.trim().replace(/^(?:and|another)\s+/i, '');
    if (!piece) continue;
    const m = numRe.exec(piece);
    if (m) out.push({ count: parseNumberWords(m[1]), what: m[2].trim() });
    else out.push({ count: null, what: piece });
  }
  return out;
}

/**
 * Parses one CJTF-OIR release line.
 *
 * @example
 *   parseReleaseLine('- Near Mosul, four strikes engaged three ISIL tactical units and destroyed six tunnel entrances.')
 *   // { strikes: 4, places: ['Mosul'], engaged: [{ count: 3, what: 'ISIL tactical units' }],
 *   //   destroyed: [{ count: 6, what: 'tunnel entrances' }], … }
 */
export function parseReleaseLine(line: string): ParsedReleaseLine {
  const text = line.replace(/^\s*[-–•*]\s*/, '').replace(/\s+/g, ' ').trim();
  const sentences = text.split(/(?<=\.)\s+(?=[A-Z])/);
  const places: string[] = [];
  const clauses: ParsedReleaseLine['clauses'] = [];
  const engaged: TargetCount[] = [];
  const destroyed: TargetCount[] = [];
  const damaged: TargetCount[] = [];
  let strikes: number | null = null;

  for (const sentence of sentences) {
    const placeHere: string[] = [];
    for (const m of sentence.matchAll(NEAR_RE)) {
      const p = m[1].replace(/[,.;]+$/, '').trim();
      placeHere.push(p);
      if (!places.includes(p)) places.push(p);
    }
    let clauseStrikes: number | null = null;
    // Only the opening sentence and sentences that name a place count strikes: asides such as
    // "One strike is currently under investigation" or a definition of "strike" do not.
    const counts = placeHere.length > 0 || clauses.length === 0;
    const sm = counts ? STRIKE_RE.exec(sentence) : null;
    STRIKE_RE.lastIndex = 0;
    if (sm) clauseStrikes = parseNumberWords(sm[1]);
    if (clauseStrikes != null) strikes = (strikes ?? 0) + clauseStrikes;
    clauses.push({ place: placeHere[0] ?? null, strikes: clauseStrikes });

    const verbs = [...sentence.matchAll(VERB_RE)];
    verbs.forEach((v, i) => {
      const start = v.index + v[0].length;
      const end = i + 1 < verbs.length ? verbs[i + 1].index : sentence.length;
      const objectText = sentence.slice(start, end).replace(/\b(?:and|as well as)\s*$/i, '').replace(/,\s*$/, '');
      const targets = splitTargets(objectText);
      const verb = v[1].toLowerCase();
      if (verb.startsWith('destroy')) destroyed.push(...targets);
      else if (verb.startsWith('damag')) damaged.push(...targets);
      else if (verb === 'suppressed' || verb === 'denied') return;
      else engaged.push(...targets);
    });
  }
  return { places, strikes, clauses, engaged, destroyed, damaged };
}
