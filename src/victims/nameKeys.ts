/**
 * Person-name keys across Arabic script and Latin transliterations: same-script folding, a
 * consonant skeleton shared by both scripts, and a table of common names with their spellings,
 * so that محمد, Mohammed, Muhammad and Mohamed all key to `muhammad`.
 *
 * All functions are total: any string in, never throws.
 */

/** Bidi controls, zero-width characters, soft hyphen, BOM. */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
/** Harakat, Quranic marks, superscript alef, tatweel. */
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3]/;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/;

/** Alef and hamza forms, ta marbuta, alef maqsura, Persian/Kurdish letters. */
const ARABIC_FOLD: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا',
  'ة': 'ه', 'ۀ': 'ه', 'ە': 'ه', 'ھ': 'ه', 'ہ': 'ه',
  'ى': 'ي', 'ی': 'ي', 'ې': 'ي', 'ئ': 'ي',
  'ؤ': 'و', 'ۆ': 'و', 'ء': '',
  'ک': 'ك', 'گ': 'ك', 'پ': 'ب', 'چ': 'ج', 'ڤ': 'ف', 'ژ': 'ز',
};

/** The dominant script of a text. */
export function scriptOf(text: string): 'arabic' | 'latin' | 'other' {
  let ar = 0;
  let la = 0;
  for (const ch of text) {
    if (ARABIC_LETTER.test(ch)) ar++;
    else if (LATIN_LETTER.test(ch)) la++;
  }
  if (ar === 0 && la === 0) return 'other';
  return ar >= la ? 'arabic' : 'latin';
}

/**
 * Arabic-script folding: NFKC, no diacritics or tatweel, one alef, ة→ه, ى→ي, hamza seats folded,
 * non-letters to spaces, words by single spaces. Articles are kept (see {@link stripArticleAr}).
 *
 * @example foldArabic('مُحَمَّـد') === 'محمد'; foldArabic('فاطمة الزهراء') === 'فاطمه الزهرا'
 */
export function foldArabic(text: string): string {
  const s = text.normalize('NFKC').replace(INVISIBLE, '').replace(ARABIC_MARKS, '');
  let out = '';
  for (const ch of s) {
    const f = ARABIC_FOLD[ch];
    if (f !== undefined) out += f;
    else if (/[\u0621-\u064A]/.test(ch)) out += ch;
    else out += ' ';
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** A folded Arabic word without its article ال (and و/ب/ف/ك + ال). */
export function stripArticleAr(word: string): string {
  if (word.length > 3 && word.startsWith('ال')) return word.slice(2);
  if (word.length > 4 && /^[وبفك]ال/.test(word)) return word.slice(3);
  return word;
}

/**
 * Latin folding: lower case, no accents, no ʿayn/hamza apostrophes, non-letters to spaces.
 *
 * @example foldLatin("Ḥusayn ʿAlī") === 'husayn ali'
 */
export function foldLatin(text: string): string {
  return text.normalize('NFKD').replace(INVISIBLE, '').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[ʿʾʼ’‘`'´ʻ]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Latin articles, with the sun-letter assimilations ("ar-Rahman", "ad-Din"). */
const LATIN_ARTICLE = /^(?:al|el|il|ul|a[dnrstz]|ash|adh|ath|e[dnrstz]|esh)$/;

/** A folded Latin word without a glued article: "alhassan" → "hassan", "eljubouri" → "jubouri". */
export function stripArticleLatin(word: string): string {
  const m = /^(?:al|el)(.{4,})$/.exec(word);
  return m && !NOT_ARTICLE.has(word) ? m[1] : word;
}
/** Words that begin like an article but are names (Ali, Alaa, Elias, Alwan …). */
const NOT_ARTICLE = new Set(['alaa', 'alaaeddin', 'alaeddin', 'alia', 'aliya', 'aliyah', 'alwan', 'elias', 'elia', 'eliyas', 'alam', 'alan', 'alawi', 'elham', 'alma']);

/** Whether a folded Latin word is a detached article ("al", "el", "ar" before "Rahman"). */
export function isLatinArticle(word: string, next?: string): boolean {
  if (word === 'al' || word === 'el' || word === 'il' || word === 'ul') return true;
  if (!LATIN_ARTICLE.test(word) || next === undefined) return false;
  const cons = word.slice(1);
  return next.startsWith(cons);
}

const AR_CLASS: Record<string, string> = {
  'ب': 'B', 'ت': 'T', 'ث': 'D', 'ج': 'J', 'ح': 'H', 'خ': 'H', 'د': 'D', 'ذ': 'D', 'ر': 'R', 'ز': 'Z',
  'س': 'S', 'ش': 'X', 'ص': 'S', 'ض': 'D', 'ط': 'T', 'ظ': 'D', 'غ': 'K', 'ف': 'F', 'ق': 'K', 'ك': 'K',
  'ل': 'L', 'م': 'M', 'ن': 'N', 'ه': 'H',
};
const LA_CLASS: Record<string, string> = {
  b: 'B', p: 'B', t: 'T', j: 'J', g: 'J', h: 'H', d: 'D', r: 'R', z: 'Z', s: 'S', f: 'F', v: 'F',
  k: 'K', q: 'K', c: 'K', l: 'L', m: 'M', n: 'N', x: 'X',
};

/**
 * Consonant skeleton of one name word, the same for both scripts: vowels, semivowels (و ي w y),
 * ʿayn, hamza and alef dropped, final ه/ة and a final Latin h after a vowel dropped, consonants
 * to shared classes (ح خ ه h kh → H; ق ك غ q k gh → K; ث ذ ظ th dh → D; …), repeats collapsed.
 *
 * @example wordSkeleton('محمد') === wordSkeleton('Mohammed') // 'MHMD'
 */
export function wordSkeleton(word: string): string {
  let out = '';
  if (scriptOf(word) === 'arabic') {
    const w = stripArticleAr(foldArabic(word).replace(/ /g, ''));
    const last = w.length - 1;
    for (let i = 0; i <= last; i++) {
      if (w[i] === 'ه' && i === last && i > 0) continue;
      out += AR_CLASS[w[i]] ?? '';
    }
  } else {
    let w = stripArticleLatin(foldLatin(word).replace(/ /g, ''));
    w = w.replace(/(?<=[aeiouy])h$/, '').replace(/kh/g, 'h').replace(/gh/g, 'k').replace(/sh|ch/g, 'x')
      .replace(/th|dh/g, 'd').replace(/ph/g, 'f').replace(/dj/g, 'j').replace(/ck/g, 'k');
    for (const ch of w) out += LA_CLASS[ch] ?? '';
  }
  return out.replace(/(.)\1+/g, '$1');
}

/**
 * Common names: canonical key → Latin spellings and Arabic forms (folded). A spelling not listed
 * still meets its Arabic form through the skeleton; the table catches what the skeleton cannot
 * (Mohd, Taha, Gamal, Abdo …) and makes the common ones exact.
 */
const COMMON: Record<string, [latin: string, arabic: string]> = {
  muhammad: ['muhammad mohammed mohamed mohammad mohamad muhammed mohamud mohd mhd muhamad mouhamad mohammed mohammet muhamed mehmed', 'محمد'],
  ahmad: ['ahmad ahmed ahmet achmed ahmd', 'احمد'],
  mahmud: ['mahmud mahmoud mahmood mahmut', 'محمود'],
  mustafa: ['mustafa mustapha mostafa moustafa mustafah', 'مصطفي مصطفى'],
  ali: ['ali aly alee', 'علي'],
  hasan: ['hasan hassan hassen hasson', 'حسن'],
  husayn: ['husayn hussein hussain husain hussien hosein hossein husein housein hussin', 'حسين'],
  khalid: ['khalid khaled khalit', 'خالد'],
  yusuf: ['yusuf yousef yousif youssef yusef yosef yousuf yussuf jusuf yousaf', 'يوسف'],
  umar: ['umar omar omer umer', 'عمر'],
  uthman: ['uthman othman osman usman othmane', 'عثمان'],
  ibrahim: ['ibrahim ebrahim brahim ibraheem ebraheem', 'ابراهيم'],
  ismail: ['ismail ismael esmail ismaeel ismayil', 'اسماعيل'],
  abbas: ['abbas abas', 'عباس'],
  jasim: ['jasim jassim jasem jassem', 'جاسم'],
  qasim: ['qasim kassem kasim qassim qassem kasem', 'قاسم'],
  salih: ['salih saleh', 'صالح'],
  salah: ['salah salaheddine', 'صلاح'],
  said: ['said saeed saied saeid', 'سعيد'],
  sayyid: ['sayyid sayed sayyed seyed', 'سيد'],
  abd: ['abd abdul abdel abdal abdol abdil', 'عبد'],
  allah: ['allah ullah alla illah ulla', 'الله له لله'],
  rahman: ['rahman rahmane rehman', 'رحمن'],
  rahim: ['rahim raheem', 'رحيم'],
  aziz: ['aziz azeez', 'عزيز'],
  karim: ['karim kareem kerim', 'كريم'],
  majid: ['majid majeed maged magid', 'ماجد'],
  hamid: ['hamid hameed hamed', 'حامد حميد'],
  jabbar: ['jabbar jabar', 'جبار'],
  sattar: ['sattar satar', 'ستار'],
  latif: ['latif lateef', 'لطيف'],
  jamal: ['jamal gamal jamaal', 'جمال'],
  kamal: ['kamal kamaal', 'كمال'],
  nur: ['nur nour noor nor', 'نور'],
  din: ['din deen dine', 'دين'],
  fatima: ['fatima fatma fatimah fatemeh fatme fatmeh', 'فاطمه'],
  aisha: ['aisha aysha aicha ayesha aishah aisheh', 'عايشه'],
  khadija: ['khadija khadijah khadiga khadeeja khadeejah', 'خديجه'],
  zaynab: ['zaynab zainab zeinab zeynab zenab', 'زينب'],
  maryam: ['maryam mariam meryem mariyam', 'مريم'],
  amina: ['amina aminah ameena emine ameenah', 'امينه'],
  hamza: ['hamza hamzah hamze hamzeh', 'حمزه'],
  taha: ['taha taaha', 'طه'],
  yasin: ['yasin yassin yaseen yassine', 'ياسين'],
  idris: ['idris idrees edris', 'ادريس'],
  yahya: ['yahya yehia yahia yehya', 'يحيي'],
  isa: ['isa issa eissa', 'عيسي'],
  musa: ['musa mousa moussa mosa', 'موسي'],
  abdo: ['abdo abdu abdou abduh', 'عبده'],
  hadi: ['hadi hady', 'هادي'],
  mahdi: ['mahdi mehdi mahdy', 'مهدي'],
  jafar: ['jafar jaafar jaffar', 'جعفر'],
  kazim: ['kazim kadhim kathim kazem kadim', 'كاظم'],
  tariq: ['tariq tarek tareq tarik', 'طارق'],
  walid: ['walid waleed', 'وليد'],
  khalil: ['khalil khaleel halil', 'خليل'],
  yasir: ['yasir yasser yaser', 'ياسر'],
  amir: ['amir ameer emir', 'امير'],
  amar: ['ammar amar', 'عمار'],
  hashim: ['hashim hashem hachem', 'هاشم'],
  nasir: ['nasir nasser naser nassir', 'ناصر'],
  mansur: ['mansur mansour mansoor', 'منصور'],
  ayman: ['ayman aiman eyman', 'ايمن'],
  usama: ['usama osama osame usamah osamah', 'اسامه'],
  raid: ['raid raed', 'رايد راد'],
  subhi: ['subhi sobhi sobhy', 'صبحي'],
  ghazi: ['ghazi gazi', 'غازي'],
  faysal: ['faysal faisal feisal', 'فيصل'],
  haytham: ['haytham haitham haisam', 'هيثم'],
  muhsin: ['muhsin mohsen mohsin', 'محسن'],
  nabil: ['nabil nabeel', 'نبيل'],
  jamil: ['jamil jameel gamil', 'جميل'],
  rashid: ['rashid rashed rasheed', 'راشد رشيد'],
  sulayman: ['sulayman suleiman sulaiman soliman sleiman suleyman', 'سليمان'],
  dawud: ['dawud daoud dawood daud', 'داود'],
  zakariya: ['zakariya zakaria zakariyya zakarya zakariyah', 'زكريا'],
  ayyub: ['ayyub ayoub ayub ayoob', 'ايوب'],
  rasul: ['rasul rasoul rasool', 'رسول'],
  hamad: ['hamad hammad', 'حمد'],
  nuri: ['nuri nouri noori', 'نوري'],
  sabri: ['sabri sabry', 'صبري'],
  bakr: ['bakr bakir bakar', 'بكر'],
  aya: ['aya ayah aja', 'ايه اءيه'],
  wail: ['wail wael', 'وايل'],
  fathi: ['fathi fathy fethi', 'فتحي'],
  abu: ['abu abou abo aboo abi aba', 'ابو ابي ابا'],
  umm: ['umm um om oum omm', 'ام'],
};

/** Folded spelling (Latin or Arabic) → canonical key. */
const CANONICAL = new Map<string, string>();
for (const [key, [latin, arabic]] of Object.entries(COMMON)) {
  for (const v of latin.split(' ')) CANONICAL.set(foldLatinVariant(v), key);
  for (const v of arabic.split(' ')) CANONICAL.set(stripArticleAr(foldArabic(v)), key);
}

/** Latin spelling folded for the table: accents off, article off, doubled letters once. */
function foldLatinVariant(word: string): string {
  return stripArticleLatin(foldLatin(word).replace(/ /g, '')).replace(/(.)\1+/g, '$1');
}

/** Canonical key of one common name word, or null. */
export function commonName(word: string): string | null {
  if (scriptOf(word) === 'arabic') {
    const f = foldArabic(word).replace(/ /g, '');
    return CANONICAL.get(f) ?? CANONICAL.get(stripArticleAr(f)) ?? null;
  }
  return CANONICAL.get(foldLatinVariant(word)) ?? null;
}

/**
 * Cross-script key of one name word: its common-name key, else `~` + its consonant skeleton.
 *
 * @example wordKey('Mohammed') === wordKey('محمد') // 'muhammad'
 * @example wordKey('al-Jubouri') === wordKey('الجبوري') // '~JBR'
 */
export function wordKey(word: string): string {
  const c = commonName(word);
  if (c) return c;
  const s = wordSkeleton(word);
  return s ? `~${s}` : '';
}

/** Same-script normal form of a word: folded, article removed. */
export function wordNorm(word: string): string {
  return scriptOf(word) === 'arabic' ? stripArticleAr(foldArabic(word).replace(/ /g, '')) : foldLatinVariant(word);
}
