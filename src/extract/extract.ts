/**
 * The claim extractor: page chrome cut, sentences, figures, counts and assessments, each with
 * claimant, actor, period, places, stance and the exact span in the original text. Pure: no
 * database, no network; the gazetteer comes in as a callback.
 */
import type { ClaimType, Outcome } from '../model/vocabulary.ts';
import { chromeRanges, mainTextRange } from './chrome.ts';
import { findArabicDates, parseIso, parsePublished } from './dates-ar.ts';
import { findEnglishPeriod, leadingDatelineEn } from './dates-en.ts';
import { markDuplicates } from './dedupe.ts';
import { findFigures } from './figures.ts';
import { namedListAr } from './lists-ar.ts';
import { ASSESSMENT_TRIGGERS, OUTCOME_AR, POP_AR, lookup } from './lexicon.ts';
import { extendOverMarks, normalise, origEnd, origStart, type Normalised } from './normalise.ts';
import { findCounts, findStance } from './other-claims.ts';
import { REFERENCE, actorMention, claimantMention, findMentions, partyOf, personClaimant } from './parties.ts';
import { placesAr, placesEn } from './places.ts';
import { splitSentences, tokenize, type Sentence } from './sentences.ts';
import type { Claim, ExtractOptions, ExtractResult, Party, Period, PlaceRef } from './types.ts';

/** Most claims kept from one text (a 10 MB page still finishes; duplicates are checked among these). */
export const MAX_CLAIMS = 2000;

/** Index of the first normalised unit whose original offset is >= o. */
function toNorm(nz: Normalised, o: number): number {
  let lo = 0;
  let hi = nz.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (nz.map[mid] < o) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const MON = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*';
/** Timestamps social-media pages print beside a post: X "12:50 PM · Nov 30, 2024", Facebook "November 30, 2024 · Shared", "@user Dec 2, 2024". */
const POST_STAMPS = [
  new RegExp(`\\d{1,2}:\\d{2}\\s?[AP]M\\s·\\s(${MON}\\s\\d{1,2},\\s\\d{4})`),
  new RegExp(`(${MON}\\s\\d{1,2},\\s\\d{4})\\s·`),
  new RegExp(`@\\w+?(${MON}\\s\\d{1,2},\\s\\d{4})`),
  // Telegram: "8.88K viewsDec 18, 2025 at 16:11"
  new RegExp(`(${MON}\\s\\d{1,2},\\s\\d{4})\\sat\\s\\d{1,2}:\\d{2}`),
];
/** A line near the top that is only a date ("الاثنين, ٩ ديسمبر ٢٠٢٤, ١١:١٠", "2021/10/16"): the page's dateline. */
const DATELINE = /^[\s\u0600-\u06ff,،]*(\d{1,2}|[٠-٩]{1,2})\s+[\u0600-\u06ff ]{2,14}\s+(\d{4}|[٠-٩]{4})[\s,،:\d٠-٩]*$|^\s*(\d{4})[/-](\d{1,2})[/-](\d{1,2})\s*$/;
/** Day-first numeric ("22/01/2023") and English ("25 August، 2022") datelines. */
const DATELINE_DMY = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/;
/** "20 August 2022", "Saturday, 20 August 2022, 15:36": a line that is only a date (a weekday before, a time after). */
const DATELINE_EN = /^\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})[,،]?\s+(\d{4})(?:,?\s+\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?)?\s*$/;
/** "August 20, 2022", "Saturday, August 20, 2022 3:36 PM": the same, month first. */
const DATELINE_EN_MDY = /^\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?)?\s*$/;

/** The date of a social-media post's own timestamp, or undefined. */
function postStamp(text: string): string | undefined {
  const head = text.length > 200_000 ? text.slice(0, 200_000) : text;
  for (const re of POST_STAMPS) {
    const m = re.exec(head);
    const d = m ? parsePublished(m[1]) : undefined;
    if (d) return d;
  }
  return undefined;
}

/** A publication date written in the text itself (a post's timestamp, a dateline near the top), or undefined. */
export function inferPublished(text: string): string | undefined {
  const head = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const stamp = postStamp(head);
  if (stamp) return stamp;
  const lines = head.slice(0, 1500).split('\n').slice(0, 12);
  for (const line of lines) {
    if (line.length >= 60) continue;
    const dmy = DATELINE_DMY.exec(line);
    const dd = dmy ? parsePublished(`${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}`) : undefined;
    if (dd) return dd;
    const en = DATELINE_EN.exec(line);
    const de = en ? parsePublished(`${en[1]} ${en[2]} ${en[3]}`) : undefined;
    if (de) return de;
    const md = DATELINE_EN_MDY.exec(line);
    const dm = md ? parsePublished(`${md[2]} ${md[1]} ${md[3]}`) : undefined;
    if (dm) return dm;
    const m = DATELINE.exec(line);
    if (!m) continue;
    const d = m[3] !== undefined ? parsePublished(`${m[3]}-${m[4].padStart(2, '0')}-${m[5].padStart(2, '0')}`) : parsePublished(line);
    if (d) return d;
  }
  return undefined;
}

/** End (original offset) of the headline block: short leading paragraphs before the first body paragraph. */
function headlineEnd(text: string, start: number, end: number): number {
  let pos = start;
  let last = start;
  for (let guard = 0; guard < 6 && pos < end; guard++) {
    let next = text.indexOf('\n\n', pos);
    if (next === -1 || next > end) next = end;
    const para = text.slice(pos, next).trim();
    if (para.length >= 150) return last;
    if (para.length > 0) last = next;
    pos = next + 2;
  }
  return start;
}

/** Arabic and Latin letter counts of a (normalised, lower-case) sentence. */
function scripts(s: string): { ar: number; la: number } {
  let ar = 0;
  let la = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x0600 && c <= 0x06ff) ar++;
    else if (c >= 97 && c <= 122) la++;
  }
  return { ar, la };
}

/** Texts shorter than this (characters) are posts: a date anywhere before a claim is its date. */
const SHORT_TEXT = 1500;

/** Cheap test: a sentence without any of these stems holds no claim the extractor can read. */
const MAY_HOLD_CLAIM = /kill|dead|die|death|wound|injur|hurt|missing|slain|massacr|perish|martyr|execut|murder|lives|disappear|unaccounted|toll|strike|raid|sortie|shelling|shelled|bombed|bodies|bombard|bombing|attack|ستهدف|قصف|استهداف|انزال|هجوم|قذيف|قذايف|صاروخ|تشييع|صواريخ|مداهم|rocket|missile|shells|جثه|جثمان|جثث|جثامين|رفات|ذمه الله|اغتيل|اغتيال|تصفيه|اعدم|report|allegation|complaint|claim|credib|reliab|deni|deny|rejected|dismissed|fail|evidence|قتل|قتي|شه|جرح|جري|صاب|صيب|مفقود|فقد|ضحي|ضحا|حتف|مصرع|ارتق|وفا|توفي|غار|ضرب|طلع|تقرير|بلاغ|موثوق|نفي|نفت|حصيله|اعدام|قضي|قضو|قضا/;

/** A tally's header at the end of a sentence: "والقتلى والشهداء هم:", "الجرحى هم:". */
const TALLY_HEADER = /([^\s]+)\s+(?:هم|هي)\s*:\s*$/;
/** "وتوزع الشهداء على النحو الآتي:", "The dead are distributed as follows:": a header naming its victims before "as follows". */
const AS_FOLLOWS = /(?:(?:علي|عل)\s+النحو\s+(?:التالي|الاتي)|كالتالي|كالاتي|as follows|are the following|were as follows)\s*:\s*$/;
const HEADER_OUTCOME_EN: [RegExp, Outcome][] = [[/\b(dead|killed|deaths|fatalities|martyrs|victims)\b/, 'killed'], [/\b(wounded|injured|injuries)\b/, 'injured']];

/** The outcome a sentence names as the header of the dash items after it, or null. */
function tallyHeader(sNorm: string, ar: boolean): Outcome | null {
  const hm = ar ? TALLY_HEADER.exec(sNorm) : null;
  if (hm) return lookup(POP_AR, hm[1], true)?.outcome ?? null;
  if (!AS_FOLLOWS.test(sNorm)) return null;
  const tail = sNorm.slice(-120);
  if (ar) {
    for (const w of tail.split(/\s+/)) {
      const o = lookup(POP_AR, w, true)?.outcome ?? lookup(OUTCOME_AR, w, true);
      if (o) return o;
    }
    return null;
  }
  return HEADER_OUTCOME_EN.find(([re]) => re.test(tail))?.[1] ?? null;
}

/** The publication day and the day before: when a post or a dated page that names no day of its own reports something. */
function aroundPublication(pubT: number): Period {
  const day = new Date(pubT).toISOString().slice(0, 10);
  return { start: new Date(pubT - 86_400_000).toISOString().slice(0, 10), end: day, precision: 'span', text: day };
}

/** Texts shorter than this (characters) lend their first date and place to claims that state none. */
const DOC_SCENE_TEXT = 6000;

/** Cheap test: a sentence that may name a date or a place (digits, month or weekday words, place nouns, prepositions). */
const SCENE_CUE = /\d|\b(in|at|near|on|outside|around|of|from|into|today|yesterday|tonight|last|ago|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|اليوم|امس|البارحه|الليله|يوم|شهر|قريه|بلده|مدينه|مخيم|حي |ريف|منطقه|ناحيه|محافظه|شرق|غرب|شمال|جنوب|#|كانون|تشرين|شباط|اذار|نيسان|ايار|حزيران|تموز|اب |ايلول|يناير|فبراير|مارس|ابريل|مايو|يونيو|يوليو|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر/;

const THIS_PERIOD = /\b(this period|the same period|that period|during that time)\b|(هذه الفتره|نفس الفتره|الفتره ذاتها)/;
const REFERS_BACK_REPORTS = /\b(the|these|those) (reports|allegations)\b|التقارير|البلاغات/;

interface State {
  claimant: Party | null;
  actor: Party | null;
  period: Period | null;
  places: PlaceRef[];
  paragraph: number;
  periodParagraph: number;
  placesParagraph: number;
  /** The outcome a tally's header names ("والقتلى والشهداء هم:"), for the dash items that follow it. */
  list: Outcome | null;
}

/**
 * Extracts the claims a careful reader finds in `text`.
 *
 * @example
 *   extractClaims('The coalition said at least 1,302 civilians were killed.', { published: '2019-06-01' }).claims[0]
 *   // → { type: 'casualties', outcome: 'killed', population: 'civilians', min: 1302, max: null, qualifier: 'at_least', … }
 */
export function extractClaims(text: string, opts: ExtractOptions = {}): ExtractResult {
  if (typeof text !== 'string' || text.trim().length === 0) return { claims: [] };
  const given = opts.published && parseIso(opts.published) !== null ? opts.published.slice(0, 10) : undefined;
  // a dateline the page prints at its start wins over a recorded date that disagrees with it (labelling.md)
  // (a post's rendered timestamp is not: it shows the capturing browser's time zone, a day off as often as not)
  const printed = leadingDatelineEn(text);
  const published = printed && (!given || Math.abs(parseIso(printed)! - parseIso(given)!) <= 400 * 86_400_000) ? printed : given ?? inferPublished(text);
  const pubT = parseIso(published);
  const chrome = chromeRanges(text);
  const [ms, me] = mainTextRange(text, chrome);
  const nz = normalise(text);
  const n = nz.text;
  const orig = (i: number, end: boolean): number => (end ? origEnd(nz, i) : origStart(nz, i));
  let hEnd = headlineEnd(text, ms, me);
  let ci = 0;
  const inChrome = (o: number): boolean => {
    while (ci < chrome.length && chrome[ci][1] <= o) ci++;
    return ci < chrome.length && chrome[ci][0] <= o;
  };
  const sentences = splitSentences(n, toNorm(nz, ms), toNorm(nz, me)).filter((s) => !inChrome(orig(s.s, false)));
  // an English page whose line breaks were lost starts with its title as a short first sentence
  if (hEnd <= ms && sentences.length > 1) {
    const oe = orig(sentences[0].e, true);
    const head = text.slice(ms, oe);
    if (oe - ms <= 200 && !head.includes('\n') && !/[\u0600-\u06ff]/.test(head)) hEnd = oe;
  }
  // a post's author named at its start or end ("المرصد السوري@syriahr", "#الخوذ_البيضاء | الدفاع المدني")
  const nms = toNorm(nz, ms);
  const nme = toNorm(nz, me);
  const docMention = [...findMentions(n, nms, Math.min(nme, nms + 120)), ...findMentions(n, Math.max(nms, nme - 120), nme)].find((m) => !m.entry.belligerent);
  const docClaimant = docMention ? partyOf(text, docMention, orig) : null;
  const claims: Claim[] = [];
  const st: State = { claimant: null, actor: null, period: null, places: [], paragraph: 0, periodParagraph: -1, placesParagraph: -1, list: null };
  let prevEnd = -1;
  let lastReports = -1;
  let firstPeriod: Period | null = null;
  let firstPlaces: PlaceRef[] = [];
  // the first places of a sentence naming something finer than a region, and the region-only names seen
  let firstFine: PlaceRef[] = [];
  const coarseNames = new Set<string>();
  for (const s of sentences) {
    if (claims.length >= MAX_CLAIMS) break;
    if (prevEnd >= 0 && /\n\s*\n/.test(n.slice(prevEnd, s.s))) st.paragraph++;
    prevEnd = s.e;
    sentence(s);
  }
  // a claim that states no date or place of its own takes the text's first one (its dateline, its headline);
  // a short text that writes no date at all is news of its publication day or the night before
  if (me - ms < DOC_SCENE_TEXT) {
    const around = !firstPeriod && pubT !== null ? aroundPublication(pubT) : null;
    for (const c of claims) {
      if (!c.period) c.period = firstPeriod ?? around;
      if (c.places.length === 0 && firstPlaces.length) c.places = firstPlaces;
      // "تشييع شهيد … بريف حماة" then "غارات على مدينة مورك": a claim placed only in a region takes the text's first finer place
      if (firstFine.length && c.places.length && c.places.every((p) => coarseNames.has(p.text))) c.places = [...firstFine, ...c.places];
    }
  }
  return { claims: markDuplicates(claims, text) };

  /** When and where a sentence says (its own, else inherited), also for sentences without a claim: they set the scene. */
  function scene(s: Sentence, sNorm: string, ar: boolean, origSentence: string): { period: Period | null; places: PlaceRef[] } {
    let period: Period | null = null;
    if (ar) {
      const d = findArabicDates(sNorm, published)[0];
      if (d) period = { ...d.period, text: text.slice(orig(s.s + d.s, false), orig(s.s + d.e, true)) };
    } else {
      const found = findEnglishPeriod(origSentence, published);
      // "killed since March 2011": that span is this sentence's alone
      if (found?.background) return { period: found.period, places: scenePlaces(s, sNorm, ar, origSentence) };
      period = found?.period ?? null;
      // the page's own dateline opening its first sentence ("Sun 16 Apr 2017 Death toll …") dates the news, not the event
      if (found && found.index <= 3 && orig(s.s, false) - ms <= 3 && pubT !== null && found.period.precision === 'day' && parseIso(found.period.start) === pubT) {
        period = { ...aroundPublication(pubT), text: found.period.text };
      }
    }
    // a date after the publication is the page's own (a crawl-time date bar), not the event's
    if (period && pubT !== null && parseIso(period.start)! > pubT + 2 * 86_400_000) period = null;
    // a line that is only the publication date (a dateline) dates the news, not the event: that day or the one before
    if (period && pubT !== null && period.precision === 'day' && parseIso(period.start) === pubT && period.text.length >= 0.6 * origSentence.trim().length) {
      period = { ...aroundPublication(pubT), text: period.text };
    }
    if (!period && THIS_PERIOD.test(sNorm)) period = st.period;
    // inherit the last date of the same paragraph, or of the whole text when it is a short post
    if (!period && (st.periodParagraph === st.paragraph || me - ms < SHORT_TEXT)) period = st.period;
    if (period) {
      if (!st.period) firstPeriod = period;
      st.period = period;
      st.periodParagraph = st.paragraph;
    }
    return { period, places: scenePlaces(s, sNorm, ar, origSentence) };
  }

  /** Where a sentence says (its own places, else those of its paragraph); its own also set the scene for later ones. */
  function scenePlaces(s: Sentence, sNorm: string, ar: boolean, origSentence: string): PlaceRef[] {
    const at = ar ? placesAr(sNorm) : placesEn(origSentence);
    // a hashtag's underscores are its spaces ("#خان_شيخون" → "خان شيخون")
    const found = at.map((p) => (ar ? text.slice(orig(s.s + p.s, false), orig(s.s + p.e, true)).replace(/_/g, ' ') : origSentence.slice(p.s, p.e)));
    // "قصف على قرية كنصفرة … مقتل طفل في ريف إدلب": a sentence naming only a region keeps the finer place told before it
    const finer = at.length > 0 && at.every((p) => p.coarse) && me - ms < DOC_SCENE_TEXT ? st.places.map((p) => p.text) : [];
    let places: PlaceRef[] = [...new Set([...finer, ...found])].map((t) => place(t));
    at.forEach((p, k) => p.coarse && coarseNames.add(found[k]));
    if (!firstFine.length && at.some((p) => !p.coarse)) firstFine = found.filter((_, k) => !at[k].coarse).map((t) => place(t));
    if (places.length) {
      if (!st.places.length) firstPlaces = places;
      st.places = places;
      st.placesParagraph = st.paragraph;
    } else if (st.placesParagraph === st.paragraph) places = st.places;
    return places;
  }

  function sentence(s: Sentence): void {
    const sNorm = n.slice(s.s, s.e);
    const sc = scripts(sNorm);
    const ar = sc.ar === sc.la ? opts.lang === 'ar' : sc.ar > sc.la;
    const os = orig(s.s, false);
    const oe = orig(s.e, true);
    const origSentence = text.slice(os, oe);
    // "والقتلى والشهداء هم:" then "– 20 من المدنيين …", "– عنصر من …" a line each: the header's outcome holds for the items
    const item = /^\s*[–—-]/.test(sNorm);
    const listOutcome = item ? st.list : null;
    st.list = tallyHeader(sNorm, ar) ?? listOutcome;
    const mayHold = listOutcome !== null || MAY_HOLD_CLAIM.test(sNorm);
    // a sentence with neither a claim stem nor a date or place cue is skipped cheaply
    if (!mayHold && !SCENE_CUE.test(sNorm)) return;
    const { period, places } = scene(s, sNorm, ar, origSentence);
    if (!mayHold) return;
    const tok = tokenize(n, s.s, s.e);
    let figures = findFigures(tok, n, ar, listOutcome);
    // "أسماء الشهداء:" and a name a line, with no number written: the names are counted
    const list = ar ? namedListAr(tok, n, s.e, (o) => claims.some((c) => c.type === 'casualties' && c.outcome === o && c.min !== null)) : null;
    if (list && !figures.some((f) => f.outcome === list.outcome && f.min !== null)) figures = [...figures, list].sort((a, b) => a.t0 - b.t0);
    if (Math.min(sc.ar, sc.la) >= 5) {
      // mixed script: read the sentence in the other language too and keep what does not overlap
      const other = findFigures(tok, n, !ar).filter((f) => !figures.some((g) => f.t0 < g.t1 && g.t0 < f.t1));
      figures = [...figures, ...other].sort((a, b) => a.t0 - b.t0);
    }
    const counts = findCounts(tok, n, ar, (i) => figures.some((f) => i >= f.t0 && i < f.t1))
      // a strike told without a count stands alone only where nothing else is counted (it carries the date and place)
      .filter((c) => c.min !== null || c.qualifier !== 'vague' || (figures.length === 0 && !claims.some((x) => x.type === 'strikes' && x.min !== null)));
    const stanceAt = findStance(n, s.s, s.e);
    const stance = stanceAt.map((x) => text.slice(orig(x.s, false), orig(x.e, true)));
    const assess = figures.length === 0 && counts.length === 0 && stanceAt.some((x) => ASSESSMENT_TRIGGERS.has(n.slice(x.s, x.e)));
    if (figures.length === 0 && counts.length === 0 && !assess) return;
    // who says it, who did it
    const mentions = findMentions(n, s.s, s.e);
    const cm = claimantMention(n, s.s, mentions);
    let claimant: Party | null = cm ? partyOf(text, cm, orig) : null;
    const person = ar ? null : personClaimant(origSentence);
    if (person) {
      const ps = origSentence.indexOf(person) + os;
      if (claimant && cm && orig(cm.s, false) <= ps && ps - orig(cm.s, false) < 100) {
        claimant = { text: text.slice(orig(cm.s, false), ps + person.length), normalised: claimant.normalised };
      } else if (!claimant) claimant = { text: person, normalised: null };
    }
    if (claimant) st.claimant = claimant;
    else if (REFERENCE.test(sNorm)) claimant = st.claimant;
    if (!claimant) claimant = docClaimant;
    const am = actorMention(n, s.s, mentions, cm);
    let actor: Party | null = am ? partyOf(text, am, orig) : null;
    if (actor) st.actor = actor;
    else actor = st.actor;
    const headline = os < hEnd;
    const base = { claimant, actor, period, places, stance, sentence: [os, oe] as [number, number], headline, duplicateOf: null };
    const spanOf = (t0: number, t1: number): { quote: string; span: [number, number] } => {
      const a = orig(tok[t0].s, false);
      // "مدنياً": the quote keeps the marks that close its last word
      const b = extendOverMarks(text, orig(tok[t1 - 1].e, true));
      return { quote: text.slice(a, b), span: [a, b] };
    };
    for (const f of figures) {
      claims.push({ type: 'casualties', outcome: f.outcome, population: f.population, min: f.min, max: f.max, qualifier: f.qualifier, ...spanOf(f.t0, f.t1), ...base });
    }
    for (const c of counts) {
      const type: ClaimType = c.type;
      if (type === 'reports') lastReports = claims.length;
      claims.push({ type, outcome: null, population: null, min: c.min, max: c.max, qualifier: c.qualifier, ...spanOf(c.t0, c.t1), ...base });
    }
    if (assess) {
      const ref = lastReports >= 0 && REFERS_BACK_REPORTS.test(sNorm) ? claims[lastReports] : null;
      if (ref) ref.stance = [...new Set([...ref.stance, ...stance])];
      claims.push({
        type: 'assessment', outcome: null, population: null, min: null, max: null, qualifier: null, quote: origSentence, span: [os, oe],
        ...base, period: period ?? ref?.period ?? null, places: places.length ? places : ref?.places ?? [],
      });
    }
  }

  function place(t: string): PlaceRef {
    if (!opts.geocode) return { text: t };
    try {
      const m = opts.geocode(t);
      return m ? { text: t, match: m } : { text: t };
    } catch {
      return { text: t };
    }
  }
}
