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
}

/** A preposition, an optional place noun, then up to three capitalised words; "al"/"el" may join them ("Kuwait al Rahma"). */
const EN_PLACE = /\b(?:in|at|near|on|outside|around|of|from|into|targeting|targeted|hit|struck|shelled|bombed)\s+(?:the\s+)?(?:(?:town|city|village|camp|neighbou?rhood|district|province|governorate|countryside|area|outskirts|vicinity)\s+of\s+)?((?:(?:[Aa][lnrsdtz]|[Ee]l|[Aa]sh)-)?[A-Z][\p{L}'’]+(?:-[\p{L}'’]+)?(?:\s(?:(?:al|el|ad|as|ar|ash)\s)?(?:(?:[Aa][lnrsdtz]|[Ee]l|[Aa]sh)-)?[A-Z][\p{L}'’]+(?:-[\p{L}'’]+)?){0,2})/gu;
const NOT_PLACE_EN = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'the', 'a', 'an', 'this', 'that', 'his', 'her',
  'their', 'its', 'our', 'islamic', 'state', 'international', 'human', 'rights', 'us', 'twitter', 'facebook', 'reuters', 'afp', 'sana',
  'syrian', 'iraqi', 'russian', 'turkish', 'israeli', 'american', 'kurdish', 'senior', 'crisis', 'response', 'adviser', 'general',
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
      if (NOT_PLACE_EN.has(words[w].toLowerCase())) {
        keep = w;
        break;
      }
    }
    if (keep === 0) continue;
    // "Syria’s Qamishli" → "Qamishli"; a lone possessive ("Idlib’s countryside") keeps its name without the ’s
    let from = 0;
    while (from < keep - 1 && /['’]s$/.test(words[from])) from++;
    name = words.slice(from, keep).join(' ');
    if (/['’]s$/.test(name)) name = name.slice(0, -2);
    if (PARTY_WORDS.has(norm(name))) continue;
    const s = m.index + m[0].length - m[1].length + (from ? words.slice(0, from).join(' ').length + 1 : 0);
    out.push({ s, e: s + name.length });
  }
  const fine = out.filter((p) => !COUNTRIES.has(sentence.slice(p.s, p.e).toLowerCase()));
  return fine.length ? fine : out;
}

const COMPOUND_HEAD = new Set(
  'دير جسر خان تل عين راس ابو جبل كفر دار معره ام بير بئر قصر باب سهل بيت حزه سد مركز مدينه مخيم حي ريف'.split(' ').map(norm),
);
const DIR = /^(شرق|غرب|شمال|جنوب|شرقي|غربي|شمالي|جنوبي|وسط|اطراف|محيط|قرب)$/;
const AR_TOKEN = /[^\s،,.:;()"'!?؟#«»|/\-–—]+/g;

/** Arabic places in a normalised sentence. */
export function placesAr(n: string): FoundPlace[] {
  const out: FoundPlace[] = [];
  const toks: { t: string; s: number; e: number }[] = [];
  AR_TOKEN.lastIndex = 0;
  for (let m = AR_TOKEN.exec(n); m; m = AR_TOKEN.exec(n)) toks.push({ t: m[0], s: m.index, e: m.index + m[0].length });
  const bare = (t: string): string => t.replace(/^(وب|ول|و|ب|ل|ف)(?=..)/, '');
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
    // the name must follow directly (no punctuation between but a hashtag sign)
    if (!/^\s*#?$/.test(n.slice(toks[j - 1].e, first.s))) continue;
    let end = first.e;
    const second = toks[j + 1];
    if (second && n.slice(first.e, second.s) === ' ' && !PLACE_STOP_AR.has(second.t)
      && (COMPOUND_HEAD.has(first.t) || (second.t.startsWith('ال') && !/^ال(شرقي|غربي|شمالي|جنوبي|جنوب|شمال|شرق|غرب)/.test(second.t) && !/^ال.*(يه|ي)$/.test(second.t)))) {
      end = second.e;
    }
    out.push({ s: first.s, e: end });
    i = j;
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
    // "قصف على أعزاز", "غارة جوية في الأتارب", "مقتل 3 مدنيين في سرمين": the name after a strike or harm word and a preposition
    if (i >= 1 && /^(علي|في|ب)$/.test(toks[i - 1].t) && n.slice(toks[i - 1].e, t.s) === ' ' && !/\d/.test(t.t) && placeLike(t.t)
      && toks.slice(Math.max(0, i - 4), i - 1).some((x) => STRIKE_WORD.test(x.t) || HARM_WORD.test(x.t)) && !commonNoun(t.t)) {
      const second = toks[i + 1];
      const compound = second && n.slice(t.e, second.s) === ' ' && (COMPOUND_HEAD.has(t.t) || (second.t.startsWith('ال') && !/^ال.*(يه|ي)$/.test(second.t) && !PLACE_STOP_AR.has(second.t)));
      out.push({ s: t.s, e: compound ? second.e : t.e });
    }
  }
  return out.sort((a, b) => a.s - b.s);
}

/** Words after which "على / في X" names where a strike fell. */
const STRIKE_WORD = /^[وب]?(قصف|القصف|غاره|غارات|الغاره|الغارات|ضربه|استهداف|استهدف|استهدفت|انزال|الانزال|مجزره|هجوم)$/;
/** Words of harm after which "في X" may name the place ("مقتل 3 مدنيين في سرمين"). */
const HARM_WORD = /^[وبل]?(مقتل|قتل|قتلي|استشهاد|استشهد|شهداء|شهيد|شهيدا|ضحايا|اصابه|اصيب|جرحي|جريح|مدنيين|مدنيا|مدني|اشخاص|اطفال|طفل|نساء|امراه|مواطنين|انفجار)$/;
/** What a strike falls on, or what follows "في" after harm, that is not a place name. */
const COMMON = new Set((
  'منزل منازل منزله منزلهم بيت سياره سيارات مواقع موقع نقاط نقطه مناطق مدنيين احياء اطراف طريق مقر مقرات مركز مبني مباني مخيمات خيام '
  + 'تجمع تجمعات ورشه سوق مدرسه مشفي مستشفي محطه جسر معبر حاجز دوريه رتل اقل اثرها اثره يد ايدي عناصر قوات مسلحين حدود شمال جنوب شرق غرب '
  + 'ارض اهداف هدف طيران مسيره طائره فور خلفيه ذلك هذا هذه حين اثناء مدار نحو عده عدد صفوف حادث حادثه انفجار اشتباكات هجوم غاره غارات قصف '
  + 'حصيله اطار ظل وقت اعقاب عمليه محاوله مواجهات معارك استهداف اراضي حق ذات نفس يوم ساعه ساعات منطقه مدينه بلده قريه حي ريف محافظه '
  + 'راس صدر بطن قدم جروح جراح حاله حالات مكان موقعها اماكن داخل خارج محيط تلك الهجوم المنطقه اعتداء عدوان كمين تفجير لغم انفجارات '
  + 'ليله صباح مساء فجر ظهر عصر اليوم امس ريفي مختلف عدد مناطقه خطوط خط جبهه جبهات محور محاور').split(' '));
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
