/**
 * Validates eval/labels/extract-hand.jsonl against the texts in ../shared/data: schema and
 * vocabularies, ids in the corpus, spans in range, and that each figure's span shows its number
 * (digits, Arabic-Indic digits or a number word; singular and dual nouns for 1 and 2 are accepted
 * with a note). Prints every span's text for review, then the counts.
 *
 *   node --import tsx eval/labels/check-extract-hand.ts [--dev] [--quiet] [--id <id>]
 * (`--dev`: eval/labels/extract-dev.jsonl, the development set)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { labelFile, loadCorpus, selectSample, setFromArgs } from './select-extract-sample.ts';
import { SHARED_DATA_ABSENT } from '../../src/shared-data.ts';
import { OUTCOMES } from '../../src/model/vocabulary.ts';

const POPS = ['civilians', 'children', 'women', 'men', 'combatants', 'unknown'];
const QUALS = ['exact', 'at_least', 'more_than', 'about', 'between', 'vague'];
/** Normalised actor labels used in this set. */
export const ACTORS = [
  'russia', 'syrian-government', 'us-led-coalition', 'united-states', 'turkey', 'israel', 'sdf',
  'isis', 'hts', 'syrian-national-army', 'iran-backed-militias', 'hezbollah', 'opposition-armed-groups',
  'jordan', 'iran', 'al-qaeda', 'unknown',
];

const EN_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, dozen: 12, hundred: 100,
};
/** Arabic number-word stems (without the article), value by stem. */
const AR_WORDS: [RegExp, number][] = [
  [/واحد/, 1], [/(اثن|إثن|أثن)/, 2], [/ثلاث/, 3], [/(أربع|اربع)/, 4], [/خمس/, 5], [/(ست|سته|ستة)/, 6],
  [/سبع/, 7], [/ثمان/, 8], [/تسع/, 9], [/عشر/, 10], [/عشرين|عشرون/, 20], [/ثلاثين|ثلاثون/, 30],
  [/(أربعين|اربعين|أربعون)/, 40], [/خمسين|خمسون/, 50], [/مئة|مائة/, 100],
];

function numbersIn(s: string): number[] {
  const west = s.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)).replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x6f0));
  const out = (west.match(/\d+(?:[.,٬]\d{3})*/g) ?? []).map((x) => Number(x.replace(/[.,٬]/g, '')));
  for (const w of west.toLowerCase().split(/[^a-z]+/)) { const v = EN_WORDS[w]; if (v !== undefined) out.push(v); }
  for (const [re, v] of AR_WORDS) if (re.test(west)) out.push(v);
  if (/نصف مليون|half a million/i.test(west)) out.push(500000);
  for (const m of west.matchAll(/(\d+(?:\.\d+)?)\s*(million|thousand|مليون|ألف)/gi)) {
    out.push(Math.round(Number(m[1]) * (/million|مليون/i.test(m[2] ?? '') ? 1e6 : 1e3)));
  }
  return out;
}

type Span = [number, number];
function isSpan(x: unknown): x is Span {
  return Array.isArray(x) && x.length === 2 && x.every((n) => Number.isInteger(n));
}

const args = process.argv.slice(2);
const SET = setFromArgs(args);
const LABELS = fileURLToPath(new URL(labelFile(SET), import.meta.url));
const quiet = args.includes('--quiet');
const only = args.includes('--id') ? args[args.indexOf('--id') + 1] : undefined;
const corpus = loadCorpus();
if (!corpus) {
  console.log(SHARED_DATA_ABSENT);
} else {
  const sample = new Set((selectSample(SET) ?? []).map((s) => s.text.id));
  let errors = 0;
  let warnings = 0;
  const err = (id: string, m: string): void => { errors++; console.log(`ERROR ${id}: ${m}`); };
  const warn = (id: string, m: string): void => { warnings++; console.log(`warn  ${id}: ${m}`); };
  const seen = new Set<string>();
  const byPop = new Map<string, number>();
  let ar = 0; let en = 0; let dated = 0; let noFigure = 0; let claims = 0;
  const lines = readFileSync(LABELS, 'utf8').split('\n').filter((l) => l.trim());
  for (const [n, line] of lines.entries()) {
    let r: Record<string, unknown>;
    try { r = JSON.parse(line) as Record<string, unknown>; } catch { err(`line ${n + 1}`, 'not JSON'); continue; }
    const id = String(r.id);
    if (only && id !== only) continue;
    const t = corpus.get(id);
    if (!t) { err(id, 'id not in corpus'); continue; }
    if (!sample.has(id)) warn(id, 'id not in the seeded selection');
    if (seen.has(id)) err(id, 'duplicate id');
    seen.add(id);
    const keys = ['id', 'language', 'casualties', 'event_date', 'event_date_text', 'places', 'actor', 'claimant', 'notes'];
    for (const k of Object.keys(r)) if (!keys.includes(k)) err(id, `unknown key ${k}`);
    for (const k of keys) if (!(k in r)) err(id, `missing key ${k}`);
    if (r.language !== t.language) err(id, `language ${String(r.language)} ≠ corpus ${t.language}`);
    if (r.language === 'ar') ar++; else en++;
    const text = t.text;
    const showSpan = (what: string, s: unknown): void => {
      if (!isSpan(s)) { err(id, `${what}: bad span ${JSON.stringify(s)}`); return; }
      if (s[0] < 0 || s[1] > text.length || s[0] >= s[1]) { err(id, `${what}: span out of range ${JSON.stringify(s)}`); return; }
      if (text.slice(s[0], s[1]) !== text.slice(s[0], s[1]).trim()) warn(id, `${what}: span has outer whitespace`);
      if (!quiet) console.log(`  ${what} ${JSON.stringify(s)} «${text.slice(s[0], s[1]).replace(/\s+/g, ' ')}»`);
    };
    if (!quiet) console.log(`# ${id} (${t.language})`);
    const cas = Array.isArray(r.casualties) ? (r.casualties as Record<string, unknown>[]) : [];
    if (!Array.isArray(r.casualties)) err(id, 'casualties not an array');
    if (cas.length === 0) noFigure++;
    for (const c of cas) {
      claims++;
      const { outcome, population, min, max, qualifier, span } = c;
      if (!(OUTCOMES as readonly unknown[]).includes(outcome)) err(id, `outcome ${String(outcome)}`);
      if (!POPS.includes(String(population))) err(id, `population ${String(population)}`);
      if (!QUALS.includes(String(qualifier))) err(id, `qualifier ${String(qualifier)}`);
      byPop.set(`${String(outcome)}/${String(population)}`, (byPop.get(`${String(outcome)}/${String(population)}`) ?? 0) + 1);
      const okNum = (x: unknown): boolean => x === null || (typeof x === 'number' && Number.isInteger(x) && x > 0);
      if (!okNum(min) || !okNum(max)) err(id, `min/max must be positive integers or null (${String(min)}, ${String(max)})`);
      const lo = min as number | null; const hi = max as number | null;
      switch (qualifier) {
        case 'vague': if (lo !== null || hi !== null) err(id, 'vague needs null min and max'); break;
        case 'exact': case 'about': if (lo === null || lo !== hi) err(id, `${String(qualifier)} needs min = max`); break;
        case 'at_least': case 'more_than': if (lo === null || hi !== null) err(id, `${String(qualifier)} needs min and null max`); break;
        case 'between': if (lo === null || hi === null || lo >= hi) err(id, 'between needs min < max'); break;
        default: break;
      }
      showSpan(`${String(outcome)} ${String(population)} ${String(lo)}-${String(hi)} ${String(qualifier)}`, span);
      if (isSpan(span) && (lo !== null || hi !== null)) {
        const nums = numbersIn(text.slice(span[0], span[1]));
        const want = [lo, hi].filter((x): x is number => x !== null);
        if (!want.some((w) => nums.includes(w))) {
          if (want.some((w) => w <= 2)) { if (!quiet) console.log('    (singular/dual noun: no number written)'); } else warn(id, `span does not show ${want.join('/')}`);
        }
      }
    }
    if (r.event_date !== null) {
      if (typeof r.event_date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(r.event_date) || Number.isNaN(Date.parse(r.event_date))) err(id, `event_date ${JSON.stringify(r.event_date)}`);
      else dated++;
    }
    if (r.event_date_text !== null && typeof r.event_date_text !== 'string') err(id, 'event_date_text');
    if (typeof r.event_date_text === 'string' && !text.includes(r.event_date_text)) err(id, `event_date_text not in text: ${r.event_date_text}`);
    if (!quiet) console.log(`  date ${String(r.event_date)} «${String(r.event_date_text)}»`);
    for (const p of Array.isArray(r.places) ? (r.places as Record<string, unknown>[]) : []) {
      if (typeof p.romanised !== 'string' || !p.romanised) err(id, 'place without romanised name');
      showSpan(`place ${String(p.romanised)}`, p.span);
    }
    const actor = r.actor as { span?: unknown; normalised?: unknown } | null;
    if (!actor || typeof actor !== 'object') err(id, 'actor');
    else {
      if (actor.span !== null) showSpan(`actor ${String(actor.normalised)}`, actor.span);
      if (actor.normalised !== null && (typeof actor.normalised !== 'string' || !ACTORS.includes(actor.normalised))) err(id, `actor label ${JSON.stringify(actor.normalised)}`);
      if ((actor.span === null) !== (actor.normalised === null)) warn(id, 'actor span and label: one is null');
    }
    const cl = r.claimant as { span?: unknown } | null;
    if (!cl || typeof cl !== 'object') err(id, 'claimant');
    else if (cl.span !== null) showSpan('claimant', cl.span);
    if (typeof r.notes !== 'string') err(id, 'notes');
    else if (!quiet && r.notes) console.log(`  notes: ${r.notes}`);
  }
  if (!only) {
    const missing = [...sample].filter((id) => !seen.has(id));
    if (missing.length) warn('selection', `${missing.length} selected texts have no label line: ${missing.join(', ')}`);
  }
  console.log(`\ntexts ${seen.size} (ar ${ar}, en ${en}); casualty labels ${claims}; texts without a figure ${noFigure}; with event_date ${dated}`);
  console.log(`labels by outcome/population: ${[...byPop].sort().map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`${errors} errors, ${warnings} warnings`);
  process.exitCode = errors ? 1 : 0;
}
