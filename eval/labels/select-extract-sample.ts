/**
 * Reproducible selection of the texts in the hand-labelled casualty-claim extraction set
 * (eval/labels/extract-hand.jsonl). Reads the shared data at run time; stores nothing from it.
 *
 *   node --import tsx eval/labels/select-extract-sample.ts          # prints the selected ids
 *   node --import tsx eval/labels/select-extract-sample.ts --json   # ids with stratum and length
 *   … --dev                                                          # the development set instead
 *
 * Rule: every candidate text is put into one stratum; within a stratum, candidates are ordered
 * by SHA-256 of `${SEED}:${id}` (hex, ascending) and the first `take` are kept. Candidates are
 * restricted by text length (characters, JavaScript string length) so that page-sized dumps and
 * near-empty captures are left out; Arabic candidates must also hold at least 30 Arabic letters
 * (this drops bare Facebook/X page chrome captured instead of a post). Strata:
 *   ar-social  Airwars source_texts, language ar, social-media post types, 60..2500 chars → 46
 *   ar-web     Airwars source_texts, language ar, any other type (news, web, NGO, …), 60..3500 → 28
 *   en-airwars Airwars source_texts, language en, any type, 60..3500 → 16
 *   en-fakes   FA-KES dev rows (article_content decoded as latin-1), 60..2000 → 32
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { sharedDataPath, SHARED_DATA_ABSENT } from '../../src/shared-data.ts';

export const SEED = 'harmwatch-extract-hand-v1';
/**
 * The development set (eval/labels/extract-dev.jsonl) is drawn the same way with its own seed and
 * smaller strata, from the texts the test set did not take. Extraction rules are tuned by reading
 * the development texts and their labels; the test set (extract-hand.jsonl) is only scored.
 */
export const DEV_SEED = 'harmwatch-extract-dev-v1';
export type SampleSet = 'test' | 'dev';
const DEV_TAKE: Record<string, number> = { 'ar-social': 110, 'ar-web': 90, 'en-airwars': 20, 'en-fakes': 30 };
/** `--dev` on a label tool's command line selects the development set. */
export const setFromArgs = (args: string[]): SampleSet => (args.includes('--dev') ? 'dev' : 'test');
/** The label file of a set. */
export const labelFile = (set: SampleSet): string => (set === 'dev' ? 'extract-dev.jsonl' : 'extract-hand.jsonl');

/** One text that can be labelled, keyed by its evaluation id. */
export interface CorpusText {
  id: string;
  language: 'ar' | 'en';
  sourceType: string;
  publicationDate: string;
  title: string;
  text: string;
  /** FA-KES only: the recorded location (a governorate or city). */
  location?: string;
}

interface AirwarsRow {
  source_id: string;
  source_type: string;
  publication_date: string;
  language: string;
  title: string;
  text: string;
}

const ARABIC_LETTER = /[\u0621-\u064A]/g;

/** True when the text holds enough Arabic letters to be more than page chrome. */
export function hasArabicContent(text: string): boolean {
  return (text.match(ARABIC_LETTER) ?? []).length >= 30;
}

const SOCIAL = new Set([
  'public_facebook_post', 'public_x_post', 'public_telegram_post', 'public_instagram_post',
]);

/** Airwars source texts (ar and en only), or null when the shared data is absent. */
export function loadAirwars(): CorpusText[] | null {
  const p = sharedDataPath('airwars-syria', 'source_texts.jsonl');
  if (!p) return null;
  const out: CorpusText[] = [];
  for (const line of readFileSync(p, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as AirwarsRow;
    if (r.language !== 'ar' && r.language !== 'en') continue;
    out.push({
      id: r.source_id, language: r.language, sourceType: r.source_type,
      publicationDate: r.publication_date, title: r.title, text: r.text,
    });
  }
  return out;
}

/** FA-KES dev rows as texts with id `fakes:<unit_id>:<0-based data row index>`, or null. */
export function loadFakes(): CorpusText[] | null {
  const p = sharedDataPath('fakes', 'fa-kes-dev.csv');
  if (!p) return null;
  const rows = parse<Record<string, string>>(readFileSync(p).toString('latin1'), { columns: true, skip_empty_lines: true });
  return rows.map((r, i) => ({
    id: `fakes:${r.unit_id}:${i}`, language: 'en' as const, sourceType: `fakes:${r.source}`,
    publicationDate: r.date ?? '', title: r.article_title ?? '', text: r.article_content ?? '', location: r.location ?? '',
  }));
}

/** Every labellable text by id (Airwars and FA-KES), or null when the shared data is absent. */
export function loadCorpus(): Map<string, CorpusText> | null {
  const a = loadAirwars();
  const f = loadFakes();
  if (!a || !f) return null;
  return new Map([...a, ...f].map((t) => [t.id, t]));
}

interface Stratum { name: string; take: number; min: number; max: number; keep: (t: CorpusText) => boolean; from: 'airwars' | 'fakes' }

export const STRATA: Stratum[] = [
  { name: 'ar-social', take: 46, min: 60, max: 2500, from: 'airwars', keep: (t) => t.language === 'ar' && SOCIAL.has(t.sourceType) && hasArabicContent(t.text) },
  { name: 'ar-web', take: 28, min: 60, max: 3500, from: 'airwars', keep: (t) => t.language === 'ar' && !SOCIAL.has(t.sourceType) && hasArabicContent(t.text) },
  { name: 'en-airwars', take: 16, min: 60, max: 3500, from: 'airwars', keep: (t) => t.language === 'en' },
  { name: 'en-fakes', take: 32, min: 60, max: 2000, from: 'fakes', keep: () => true },
];

function rank(id: string, seed = SEED): string {
  return createHash('sha256').update(`${seed}:${id}`).digest('hex');
}

/** The selected texts of a set in stratum order, each stratum in seeded order. */
export function selectSample(set: SampleSet = 'test'): { stratum: string; text: CorpusText }[] | null {
  const a = loadAirwars();
  const f = loadFakes();
  if (!a || !f) return null;
  const pick = (seed: string, take: (s: Stratum) => number, skip: Set<string>): { stratum: string; text: CorpusText }[] => {
    const out: { stratum: string; text: CorpusText }[] = [];
    for (const s of STRATA) {
      const pool = (s.from === 'airwars' ? a : f)
        .filter((t) => !skip.has(t.id) && s.keep(t) && t.text.length >= s.min && t.text.length <= s.max)
        .map((t) => ({ t, r: rank(t.id, seed) }))
        .sort((x, y) => (x.r < y.r ? -1 : x.r > y.r ? 1 : 0));
      for (const { t } of pool.slice(0, take(s))) out.push({ stratum: s.name, text: t });
    }
    return out;
  };
  const test = pick(SEED, (s) => s.take, new Set());
  if (set === 'test') return test;
  return pick(DEV_SEED, (s) => DEV_TAKE[s.name] ?? 0, new Set(test.map((x) => x.text.id)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sample = selectSample(setFromArgs(process.argv));
  if (!sample) {
    console.log(SHARED_DATA_ABSENT);
  } else if (process.argv.includes('--json')) {
    for (const s of sample) {
      console.log(JSON.stringify({ id: s.text.id, stratum: s.stratum, sourceType: s.text.sourceType, length: s.text.text.length }));
    }
  } else {
    for (const s of sample) console.log(s.text.id);
  }
}
