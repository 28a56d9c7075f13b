/**
 * Place names as written: English capitalised names after a preposition or a place noun
 * ("on Baguoz", "the town of Al-Bab"); Arabic names after a place noun or a direction
 * ("قرية جفتلك", "شرق دير الزور"). Resolution is left to the caller's geocode callback.
 */
import { PLACE_NOUNS_AR, PLACE_STOP_AR, PARTY_VARIANTS } from './lexicon.ts';
import { norm } from './normalise.ts';

/** A place found in a sentence: offsets [s, e) in the string searched. */
export interface FoundPlace {
  s: number;
  e: number;
  /** A governorate, a countryside or a direction from a city ("ريف إدلب", "شرق دير الزور", "Idlib province"): where, but not the very place. */
  coarse?: boolean;
}

/** A preposition, an optional place noun, then up to three capitalised words; "al"/"el" may join them ("Kuwait al Rahma"). */
const EN_PLACE = /\b(?:in|at|near|on|outside|around|of|from|into|targeting|targeted|hit|struck|shelled|bombed)\s+(?:the\s+)?(?:(?:town|city|village|camp|neighbou?rhood|district|province|governorate|countryside|area|outskirts|vicinity)\s+of\s+)?((?:(?:[Aa][lnrsdtz]|[Ee]l|[Aa]sh)-)?[A-Z][\p{L}'’]+(?:-[\p{L}'’]+)?(?:\s(?:(?:al|el|ad|as|ar|ash)\s)?(?:(?:[Aa][lnrsdtz]|[Ee]l|[Aa]sh)-)?[A-Z][\p{L}'’]+(?:-[\p{L}'’]+)?){0,2})/gu;
/** The next name of a list after a place: ", X", " and X", ", and X". */
const EN_LIST_NEXT = /^(?:,\s*(?:and\s+)?|\s+and\s+)((?:(?:[Aa][lnrsdtz]|[Ee]l|[Aa]sh)-)?[A-Z][\p{L}'’]+(?:-[\p{L}'’]+)?(?:\s(?:(?:al|el|ad|as|ar|ash)\s)?(?:(?:[Aa][lnrsdtz]|[Ee]l|[Aa]sh)-)?[A-Z][\p{L}'’]+(?:-[\p{L}'’]+)?){0,2})/u;
const NOT_PLACE_EN = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'the', 'a', 'an', 'this', 'that', 'his', 'her',
  'their', 'its', 'our', 'islamic', 'state', 'international', 'human', 'rights', 'us', 'twitter', 'facebook', 'reuters', 'afp', 'sana',
  'syrian', 'iraqi', 'russian', 'turkish', 'israeli', 'american', 'kurdish', 'senior', 'crisis', 'response', 'adviser', 'general',
  // words a title-case headline capitalises ("58 Killed in Suspected Gas Attack in Syrias Idlib Dozens …")
  'attack', 'attacks', 'fighting', 'clashes', 'suspected', 'gas', 'chemical', 'dozens', 'scores', 'monitor', 'killed', 'kills', 'kill', 'dead',
  'wounded', 'injured', 'says', 'said', 'air', 'airstrike', 'airstrikes', 'strike', 'strikes', 'raid', 'raids', 'bomb', 'bombs', 'bombing',
  'blast', 'shelling', 'regime', 'rebels', 'forces', 'army', 'troops', 'government', 'opposition', 'civilians', 'children', 'people', 'defies',
  'world', 'president', 'amid', 'after', 'over', 'report', 'reports', 'news', 'agency', 'tv', 'today', 'print', 'tweet', 'views', 'related',
  'institute', 'front', 'militants', 'terrorists', 'daesh', 'isis', 'isil', 'is', 'nusra', 'qaeda', 'al-qaeda', 'al-nusra',
]);
const COUNTRIES = new Set(['syria', 'iraq', 'turkey', 'israel', 'lebanon', 'jordan', 'russia', 'iran']);
const PARTY_WORDS = new Set(PARTY_VARIANTS.map((p) => p.v));

/** English places in an original-text sentence. Countries only when nothing finer is named. */
export function placesEn(sentence: string): FoundPlace[] {
  const out: FoundPlace[] = [];
  EN_PLACE.lastIndex = 0;
  for (let m = EN_PLACE.exec(sentence); m; m = EN_PLACE.exec(sentence)) {
    let name = m[1];
    const words = name.split(/\s/);
    // cut at the first word that is not a name part (months, parties, adjectives of nationality)
    let keep = words.length;
    for (let w = 0; w < words.length; w++) {
      // title-case headlines capitalise verbs and adverbs too ("in Intensified Airstrikes", "Continued Attacks")
      if (NOT_PLACE_EN.has(words[w].toLowerCase()) || /^[A-Z][a-z]{3,}(ed|ing|ly)$/.test(words[w])) {
        keep = w;
        break;
      }
    }
    if (keep === 0) continue;
    // "Syria’s Qamishli" → "Qamishli"; a lone possessive ("Idlib’s countryside") keeps its name without the ’s
    let from = 0;
    // "Syrias Idlib" (a possessive whose apostrophe was lost) is "Idlib"
    while (from < keep - 1 && (/['’]s$/.test(words[from]) || COUNTRIES.has(words[from].toLowerCase().replace(/s$/, '')))) from++;
    name = words.slice(from, keep).join(' ');
    if (/['’]s$/.test(name)) name = name.slice(0, -2);
    if (PARTY_WORDS.has(norm(name))) continue;
    const s = m.index + m[0].length - m[1].length + (from ? words.slice(0, from).join(' ').length + 1 : 0);
    const coarse = /^\s*(province|governorate|countryside|region|suburbs)\b/i.test(sentence.slice(s + name.length, s + name.length + 14))
      || /\b(province|governorate|countryside|outskirts|suburbs|vicinity|area|region) of\s+$/i.test(m[0].slice(0, m[0].length - m[1].length));
    out.push({ s, e: s + name.length, coarse });
    // "in al-Qusor and Hrabesh", "the villages of Tel Shenan, Bab al-Khair and Asfouriyah": the rest of a list
    for (let end = s + name.length, guard = 0; guard < 6; guard++) {
      const more = EN_LIST_NEXT.exec(sentence.slice(end, end + 120));
      if (!more) break;
      const next = more[1].split(/\s/);
      const k = next.findIndex((w) => NOT_PLACE_EN.has(w.toLowerCase()) || /^[A-Z][a-z]{3,}(ed|ing|ly)$/.test(w) || COUNTRIES.has(w.toLowerCase()));
      const item = (k === -1 ? next : next.slice(0, k)).join(' ');
      if (!item || PARTY_WORDS.has(norm(item))) break;
      const at = end + more[0].length - more[1].length;
      out.push({ s: at, e: at + item.length, coarse });
      end = at + item.length;
    }
  }
  const fine = out.filter((p) => !COUNTRIES.has(sentence.slice(p.s, p.e).toLowerCase().replace(/s$/, '')));
  return fine.length ? fine : out;
}

const COMPOUND_HEAD = new Set(
  'دير جسر خان تل عين راس ابو جبل كفر دار معره ام بير بئر قصر باب سهل بيت حزه سد مركز مدينه مخيم حي ريف شيخ حرش'.split(' ').map(norm),
);
const DIR = /^(شرق|غرب|شمال|جنوب|شرقي|غربي|شمالي|جنوبي|وسط|اطراف|محيط|قرب)$/;
/** A run of Arabic letters (a hashtag's underscores included), or a run of anything else but spaces and punctuation: "عفرينpic" is two tokens. */
const AR_TOKEN = /[\u0620-\u065f\u066e-\u06ff_]+|[^\s،,.:;()"'!?؟#«»|/\-–—\u0620-\u065f\u066e-\u06ff]+/g;

/** Arabic places in a normalised sentence. */
export function placesAr(n: string): FoundPlace[] {
  const out: FoundPlace[] = [];
  const toks: { t: string; s: number; e: number }[] = [];
  AR_TOKEN.lastIndex = 0;
  for (let m = AR_TOKEN.exec(n); m; m = AR_TOKEN.exec(n)) toks.push({ t: m[0], s: m.index, e: m.index + m[0].length });
  // a clitic before a place noun or a direction ("وبلدات", "بريف", "لمدينة"): the longest reading the lexicon knows
  const bare = (t: string): string => {
    for (const p of ['', 'و', 'ب', 'ل', 'ف', 'وب', 'ول']) {
      const r = t.slice(p.length);
      if (t.startsWith(p) && r.length >= 2 && (PLACE_NOUNS_AR.has(r) || DIR.test(r))) return r;
    }
    return t.replace(/^(وب|ول|و|ب|ل|ف)(?=..)/, '');
  };
  for (let i = 0; i < toks.length - 1; i++) {
    const raw = toks[i].t;
    const head = PLACE_NOUNS_AR.has(raw) || DIR.test(raw) ? raw : bare(raw);
    const isNoun = PLACE_NOUNS_AR.has(head);
    const isDir = DIR.test(head);
    if (!isNoun && !isDir) continue;
    let j = i + 1;
    // "ريف إدلب", "ريف مدينة حلب": skip a second place noun
    if ((PLACE_NOUNS_AR.has(toks[j].t) || PLACE_NOUNS_AR.has(bare(toks[j].t))) && j + 1 < toks.length) j++;
    const first = toks[j];
    if (PLACE_STOP_AR.has(first.t) || /\d/.test(first.t) || first.t.length < 2 || notName(first.t)) continue;
    // the name must follow directly (no punctuation between but a hashtag sign, an opening quote or bracket)
    const gap = n.slice(toks[j - 1].e, first.s);
    if (!/^\s*[#"(\-–—]?\s*$/.test(gap) || (/[-–—]/.test(gap) && !/\s$/.test(gap))) continue;
    let end = first.e;
    const second = toks[j + 1];
    const closeAt = gap.trim() === '"' || gap.trim() === '(' ? closing(n, toks, j, gap.trim() === '"' ? '"' : ')') : -1;
    if (closeAt >= 0) {
      // 'بلدة "أورم الجوز"', 'قرية (كنصفرة)': the quoted or bracketed name, up to three words
      out.push({ s: first.s, e: toks[closeAt].e });
      i = closeAt;
      continue;
    }
    if (second && n.slice(first.e, second.s) === ' ' && !PLACE_STOP_AR.has(second.t)
      && (COMPOUND_HEAD.has(first.t) || (second.t.startsWith('ال') && !/^ال(شرقي|غربي|شمالي|جنوبي|جنوب|شمال|شرق|غرب)/.test(second.t) && !/^ال.*(يه|ي)$/.test(second.t)))) {
      end = second.e;
    }
    // "أطراف قرية X", "محيط X", "قرب X": the place itself, not a region around it
    out.push({ s: first.s, e: end, coarse: (isDir && !/^(اطراف|محيط|قرب)$/.test(head)) || COARSE_AR.has(bare(toks[j - 1].t)) });
    i = j;
    // "قريتي أبديتا وبزابور", "قرى كنصفرة وقوقفين وسرجة": a dual or plural place noun names a list
    if (LIST_HEAD.has(bare(toks[j - 1].t))) i = listed(n, toks, out, i);
  }
  // "في #إدلب", "على #كنصفرة", "على "سرمدا"": a hashtag or a quoted name after a preposition names a place
  for (let i = 1; i < toks.length; i++) {
    const prev = toks[i - 1].t;
    if (!/^(في|على|علي|ب|من|قرب|لمدينه|لبلده|لقريه)$/.test(prev)) continue;
    const t = toks[i];
    let e = t.e;
    if (n[t.s - 1] === '"') {
      // a quoted name of one or two words, closed right after
      const t2 = toks[i + 1];
      if (n[t.e] !== '"' && !(t2 && n[t2.e] === '"' && n.slice(t.e, t2.s) === ' ')) continue;
      if (n[t.e] !== '"') e = t2.e;
      if (prev === 'من') continue;
    } else if (n[t.s - 1] !== '#') continue;
    if (PLACE_STOP_AR.has(t.t) || /\d/.test(t.t)) continue;
    if (!out.some((p) => p.s === t.s)) out.push({ s: t.s, e });
  }
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (out.some((p) => p.s <= t.s && t.s < p.e)) continue;
    // "#أريحا", "#سرمدا شمال #إدلب": a one-word hashtag that is no topic, party or adjective
    if (n[t.s - 1] === '#' && !t.t.includes('_') && placeLike(t.t)) {
      out.push({ s: t.s, e: t.e });
      continue;
    }
    // "#مجزرة_الباب", "#قصف_أريحا": a hashtag naming a massacre or a strike after its place
    const tagged = n[t.s - 1] === '#' ? /^(مجزره|قصف|غاره|غارات|استهداف|مجازر)_([^_]+(?:_[^_]+)?)$/.exec(t.t) : null;
    const tag1 = tagged?.[2].split('_') ?? [];
    if (tagged && placeLike(tag1[0]) && (!commonNoun(tag1[0]) || (COMPOUND_HEAD.has(tag1[0]) && tag1.length === 2)) && !MASSACRE_WORD.has(tag1[0])) {
      out.push({ s: t.e - tagged[2].length, e: t.e });
      continue;
    }
    // "قصف على أعزاز", "غارة جوية في الأتارب", "مقتل 3 مدنيين في سرمين": the name after a strike or harm word and a preposition
    // "في مورك بريف حماة": a name between a preposition and "بريف" / "في ريف" is where it happened
    const nx = toks[i + 1]?.t;
    const beforeRif = (nx === 'بريف' || (nx === 'في' && toks[i + 2]?.t === 'ريف')) && n.slice(t.e, toks[i + 1].s) === ' ';
    // "في جرابلس شرقي حلب": a name before a direction from a place is a place
    const beforeDir = !!nx && /^(شرق|غرب|شمال|جنوب|شرقي|غربي|شمالي|جنوبي)$/.test(nx) && n.slice(t.e, toks[i + 1].s) === ' ' && !!toks[i + 2] && placeLike(toks[i + 2].t);
    // "على طريق أورم الجوز", "على طريق المحسنلي الحلونجي": a road named after the places it joins, after a strike or harm word
    if (/^[وبل]?طريق$/.test(t.t) && i + 1 < toks.length && toks.slice(Math.max(0, i - 6), i).some((x) => STRIKE_WORD.test(x.t) || HARM_WORD.test(x.t) || STRIKE_VERB.test(x.t))) {
      const k = roadName(n, toks, i + 1);
      if (k > i) {
        out.push({ s: toks[i + 1].s, e: toks[k].e });
        i = k;
      }
      continue;
    }
    // "مجزرة الباب", "في مجزرة أريحا": a massacre named after its place
    if (i >= 1 && /^[وبل]?مجزره$/.test(toks[i - 1].t) && n.slice(toks[i - 1].e, t.s) === ' ' && !/\d/.test(t.t) && placeLike(t.t)
      && !commonNoun(t.t) && !MASSACRE_WORD.has(t.t) && !PLACE_NOUNS_AR.has(t.t) && !DIR.test(t.t) && !/^(بحق|في|علي|ب|من)/.test(t.t)) {
      out.push({ s: t.s, e: t.e });
      continue;
    }
    // "استهدف كفرجنة بريف عفرين", "في كل من سفيرة بريف حلب": a name after a strike verb or "كل من" and before "بريف"
    const lead = i >= 1 && (STRIKE_VERB.test(toks[i - 1].t) || (i >= 2 && toks[i - 1].t === 'من' && toks[i - 2].t === 'كل'));
    if (i >= 1 && (/^(علي|في|ب)$/.test(toks[i - 1].t) || (lead && beforeRif)) && n.slice(toks[i - 1].e, t.s) === ' ' && !/\d/.test(t.t) && placeLike(t.t)
      && (beforeRif || beforeDir || toks.slice(Math.max(0, i - 6), i - 1).some((x) => STRIKE_WORD.test(x.t) || HARM_WORD.test(x.t) || STRIKE_VERB.test(x.t))) && (!commonNoun(t.t) || namedBridge(toks, i)) && !PLACE_NOUNS_AR.has(t.t)) {
      const second = toks[i + 1];
      const compound = second && n.slice(t.e, second.s) === ' ' && (COMPOUND_HEAD.has(t.t) || (second.t.startsWith('ال') && !/^ال.*(يه|ي)$/.test(second.t) && !PLACE_STOP_AR.has(second.t)));
      out.push({ s: t.s, e: compound ? second.e : t.e });
    }
  }
  return out.sort((a, b) => a.s - b.s);
}

/** Place nouns that name a region rather than the place itself. */
const COARSE_AR = new Set('ريف محافظه باديه ناحيه منطقه'.split(' ').map(norm));

/** Place nouns in the dual or plural: the names after them are a list joined by و. */
const LIST_HEAD = new Set('قريتي بلدتي مدينتي قري بلدات مدن احياء مخيمات بلدتين قريتين'.split(' ').map(norm));

/**
 * The names of a list after a dual or plural place noun, each joined by و ("وبزابور", "وتل زيوان",
 * "وعين دقنة"): pushes them to `out` and returns the index of the last token used.
 */
function listed(n: string, toks: { t: string; s: number; e: number }[], out: FoundPlace[], i: number): number {
  const last = out[out.length - 1];
  let k = i + 1;
  while (k < toks.length && toks[k].s < last.e) k++;
  // "قريتي خالد كلو وتل زيوان": the first name runs on to the word before the first و
  const w2 = toks[k + 1];
  if (toks[k] && !toks[k].t.startsWith('و') && w2?.t.startsWith('و') && n.slice(last.e, w2.s).trim() === toks[k].t && placeLike(toks[k].t) && !commonNoun(toks[k].t)) {
    last.e = toks[k].e;
    k++;
  }
  for (let guard = 0; guard < 8; guard++) {
    // "قريتي أبديتا و بزابور": a و written apart joins the next name too
    if (toks[k]?.t === 'و' && toks[k + 1] && n.slice(toks[k - 1].e, toks[k].s).trim() === '' && n.slice(toks[k].e, toks[k + 1].s) === ' ') k++;
    const t = toks[k];
    // "بلدات عين لاروز، بينين، كنصفرة": names separated by commas
    const comma = t && /^\s*[،,]\s*$/.test(n.slice(toks[k - 1].e, t.s)) && !t.t.startsWith('و');
    const apart = t && toks[k - 1].t === 'و';
    if (!t || (!comma && n.slice(toks[k - 1].e, t.s).trim() !== '') || (!apart && !comma && !t.t.startsWith('و')) || t.t.length < (apart || comma ? 2 : 3)) break;
    const name = apart || comma ? t.t : t.t.slice(1);
    const next = toks[k + 1];
    const two = next && n.slice(t.e, next.s) === ' ' && COMPOUND_HEAD.has(name) && !PLACE_STOP_AR.has(next.t);
    // "وجسر الشغور": a common noun heading a two-word name is a name
    if (!placeLike(name) || (commonNoun(name) && !(two && next.t.startsWith('ال'))) || PLACE_NOUNS_AR.has(name) || DIR.test(name) || HARM_WORD.test(t.t) || STRIKE_WORD.test(t.t)) break;
    out.push({ s: apart || comma ? t.s : t.s + 1, e: two ? next.e : t.e });
    i = two ? k + 1 : k;
    k = i + 1;
  }
  return i;
}

/** Index of the last token of a name opened before token j and closed by `close` within three words, or -1. */
function closing(n: string, toks: { t: string; s: number; e: number }[], j: number, close: string): number {
  for (let k = j; k < toks.length && k < j + 3; k++) {
    const after = n.slice(toks[k].e, toks[k + 1]?.s ?? n.length);
    if (after.trimStart().startsWith(close)) return k;
    if (after !== ' ') return -1;
  }
  return -1;
}

/** "جسر الشغور", "خان العسل": a common noun heading a name with the article ("جسر" alone is a bridge). */
function namedBridge(toks: { t: string }[], i: number): boolean {
  const nx = toks[i + 1]?.t;
  return COMPOUND_HEAD.has(toks[i].t) && !!nx && nx.startsWith('ال') && placeLike(nx) && !commonNoun(nx);
}

/** Words after "مجزرة" that qualify it rather than name its place. */
const MASSACRE_WORD = new Set((
  'جديده اخري مروعه بشعه دمويه مزدوجه كبيره رهيبه ثانيه مريعه فظيعه جماعيه حقيقيه ارتكبها ارتكبتها ارتكبته راح وقعت جديد '
  + 'مجزره مجازر حصيله ضحايا شهداء').split(' '));

/** Verbs of striking that a place name may follow directly ("استهدف كفرجنة بريف عفرين"). */
const STRIKE_VERB = /^[و]?(استهدف|استهدفت|تستهدف|يستهدف|قصف|قصفت|تقصف|يقصف|ضربت|طال|طالت)$/;

/** Index of the last token of a road's name starting at token j (up to three name words), or j - 1 when there is none. */
function roadName(n: string, toks: { t: string; s: number; e: number }[], j: number): number {
  let k = j - 1;
  for (let q = j; q < toks.length && q < j + 3; q++) {
    const w = toks[q].t;
    if (n.slice(toks[q - 1].e, toks[q].s) !== ' ' || /\d/.test(w) || !placeLike(w) || commonNoun(w) || PLACE_NOUNS_AR.has(w) || DIR.test(w)
      || /^(من|الي|عن|بين|قرب|عند|حيث|ما|كما|اثر|جراء|قبل|بعد|صباحا|مساء|ظهرا|عصرا|ليلا|فجرا|يوم|الليله|البارحه|منذ|ما|مما|ادي|اسفر|اسفرت)$/.test(w) || /^[وبلف]/.test(w) && (PLACE_NOUNS_AR.has(w.slice(1)) || DIR.test(w.slice(1))) || STRIKE_WORD.test(w) || HARM_WORD.test(w)) break;
    k = q;
  }
  return k;
}

/** Words after which "على / في X" names where a strike fell. */
const STRIKE_WORD = /^[وبل]?(قصف|القصف|غاره|غارات|الغاره|الغارات|ضربه|استهداف|استهدف|استهدفت|انزال|الانزال|مجزره|هجوم|قذيفه|قذايف|صاروخ|صاروخا|صواريخ|برميل|براميل|سقوط|سقطت|سقط|انفجار|تفجير|قنابل|القذايف|الصواريخ|البراميل)$/;
/** Words of harm after which "في X" may name the place ("مقتل 3 مدنيين في سرمين"). */
const HARM_WORD = /^[وبل]?(مقتل|قتل|قتلي|استشهاد|استشهد|شهداء|شهيد|شهيدا|ضحايا|اصابه|اصيب|جرحي|جريح|مدنيين|مدنيا|مدني|اشخاص|اطفال|طفل|نساء|امراه|مواطنين|انفجار)$/;
/** What a strike falls on, or what follows "في" after harm, that is not a place name. */
const COMMON = new Set((
  'منزل منازل منزله منزلهم بيت سياره سيارات مواقع موقع نقاط نقطه مناطق مدنيين احياء اطراف طريق مقر مقرات مركز مبني مباني مخيمات خيام '
  + 'تجمع تجمعات ورشه سوق مدرسه مشفي مستشفي محطه جسر معبر حاجز دوريه رتل اقل اثرها اثره يد ايدي عناصر قوات مسلحين حدود شمال جنوب شرق غرب '
  + 'ارض اهداف هدف طيران مسيره طائره فور خلفيه ذلك هذا هذه حين اثناء مدار نحو عده عدد صفوف حادث حادثه انفجار اشتباكات هجوم غاره غارات قصف '
  + 'حصيله اطار ظل وقت اعقاب عمليه محاوله مواجهات معارك استهداف اراضي حق ذات نفس يوم ساعه ساعات منطقه مدينه بلده قريه حي ريف محافظه '
  + 'راس صدر بطن قدم جروح جراح حاله حالات مكان موقعها اماكن داخل خارج محيط تلك الهجوم المنطقه اعتداء عدوان كمين تفجير لغم انفجارات '
  + 'ليله صباح مساء فجر ظهر عصر اليوم امس ريفي مختلف عدد مناطقه خطوط خط جبهه جبهات محور محاور كل').split(' '));
/** True for a common noun (with or without the article) that follows "على / في" without naming a place. */
function commonNoun(t: string): boolean {
  const b = t.startsWith('ال') ? t.slice(2) : t;
  return COMMON.has(t) || COMMON.has(b);
}
/** Hashtags that are topics, not places (عاجل، شهيد، سوريا …). */
const TAG_STOP = /^(عاج+ل+|عاجـ*ل|خبر|متابعات|متداول|شهيد|شهداء|الشهداء|مجزره|سوريا|سوريه|سورية|بلدي|شام|حصري|فيديو|صور|مباشر|الان|تحديث|ادلب_الان|المرصد|الخوذ)$/;

/** Words that follow a place noun or a direction without being a name ("شمال وشرق سوريا", "مخيم للنازحين", "على أكثر من"). */
const NOT_NAME = new Set((
  'اكثر اقل البلاد المدينه العاصمه المشفي المستشفي البلده القريه اخري اخرين قري ناحيه تصعيد عدوان معلومات استهدافات قصف قرب سكنيه '
  + 'المنطقه مناطق عده عدد بلدات مدن احياء مخيمات الحدود الحدوديه مختلف متفرقه عدد ذاته نفسها نفسه').split(' '));

/** True when a token cannot start a place name: a clause word after و, a common noun, Latin script, "للنازحين". */
function notName(t: string): boolean {
  const b = t.startsWith('و') && t.length > 3 ? t.slice(1) : t;
  return NOT_NAME.has(t) || NOT_NAME.has(b) || (b !== t && (PLACE_STOP_AR.has(b) || DIR.test(b) || PLACE_NOUNS_AR.has(b)))
    || /^لل|^لت/.test(t) || /[a-z]/.test(t);
}

/** A token that may be a place name: no party, topic word or nationality adjective. */
function placeLike(t: string): boolean {
  if (t.length < 2 || PLACE_STOP_AR.has(t) || TAG_STOP.test(t) || PARTY_WORDS.has(t) || notName(t)) return false;
  if (/^ال.{2,}(يه|ي)$/.test(t) || /^عاج/.test(t)) return false;
  return true;
}
