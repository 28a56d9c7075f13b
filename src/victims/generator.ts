/**
 * A generator of realistic victim lists with known truth, for evaluating person matching:
 * families killed together (siblings share father, grandfather, family name, date and place;
 * cousins named after the same grandfather), each person recorded by several lists that write
 * names differently — Arabic script or transliteration variants, dropped name parts, an added or
 * omitted kunya, typos, age ±1, date ±1–2 days. Seeded; the same seed gives the same lists.
 */

/** A seeded PRNG (xorshift128+ folded to 32 bits) returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = (seed ^ 0x9e3779b9) >>> 0 || 1;
  let b = Math.imul(seed, 0x85ebca6b) >>> 0 || 2;
  let c = Math.imul(seed ^ 0xc2b2ae35, 0x27d4eb2f) >>> 0 || 3;
  let d = 0x165667b1;
  return () => {
    const t = a ^ (a << 11);
    a = b; b = c; c = d;
    d = (d ^ (d >>> 19) ^ (t ^ (t >>> 8))) >>> 0;
    return d / 4294967296;
  };
}

/** A name with its Arabic form and Latin spellings seen in real lists. */
type Spellings = [arabic: string, ...latin: string[]];

const MALE: Spellings[] = [
  ['محمد', 'Mohammed', 'Muhammad', 'Mohamed', 'Mohammad', 'Mohamad', 'Muhammed'], ['أحمد', 'Ahmad', 'Ahmed'], ['علي', 'Ali'],
  ['حسن', 'Hasan', 'Hassan'], ['حسين', 'Hussein', 'Husayn', 'Hussain', 'Husain'], ['خالد', 'Khaled', 'Khalid'],
  ['يوسف', 'Yousef', 'Yusuf', 'Youssef', 'Yousif'], ['عمر', 'Omar', 'Umar'], ['عبد الرحمن', 'Abdul Rahman', 'Abd al-Rahman', 'Abdelrahman', 'Abdulrahman'],
  ['عبد الله', 'Abdullah', 'Abdallah', 'Abd Allah'], ['إبراهيم', 'Ibrahim', 'Ebrahim'], ['محمود', 'Mahmoud', 'Mahmud'],
  ['مصطفى', 'Mustafa', 'Mostafa', 'Moustafa'], ['عباس', 'Abbas'], ['جاسم', 'Jasim', 'Jassim', 'Jasem'], ['قاسم', 'Qasim', 'Kassem'],
  ['صالح', 'Saleh', 'Salih'], ['سعيد', 'Said', 'Saeed'], ['كريم', 'Karim', 'Kareem'], ['ماجد', 'Majid', 'Majeed'],
  ['طارق', 'Tariq', 'Tarek'], ['وليد', 'Walid', 'Waleed'], ['ياسر', 'Yasser', 'Yasir'], ['هيثم', 'Haitham', 'Haytham'],
  ['عمار', 'Ammar'], ['فيصل', 'Faisal', 'Faysal'], ['نور الدين', 'Nour al-Din', 'Nureddin', 'Noureddine'], ['زياد', 'Ziad', 'Ziyad'],
  ['رعد', "Ra'ad", 'Raad'], ['سلمان', 'Salman'], ['مهند', 'Muhannad', 'Mohanad'], ['أنس', 'Anas'], ['بلال', 'Bilal'],
  ['حمزة', 'Hamza', 'Hamzah'], ['عثمان', 'Othman', 'Uthman', 'Osman'], ['صدام', 'Saddam'], ['منذر', 'Munther', 'Mundhir'],
  ['غسان', 'Ghassan'], ['عدنان', 'Adnan'], ['فراس', 'Firas', 'Feras'], ['عبد الكريم', 'Abdul Karim', 'Abdelkarim'], ['ثامر', 'Thamer', 'Thamir'],
];
const FEMALE: Spellings[] = [
  ['فاطمة', 'Fatima', 'Fatma', 'Fatimah'], ['زينب', 'Zainab', 'Zaynab', 'Zeinab'], ['مريم', 'Maryam', 'Mariam'], ['عائشة', 'Aisha', 'Aysha'],
  ['خديجة', 'Khadija', 'Khadijah'], ['نور', 'Nour', 'Noor', 'Nur'], ['سارة', 'Sara', 'Sarah'], ['هدى', 'Huda', 'Hoda'], ['أمل', 'Amal'],
  ['رقية', 'Ruqayya', 'Roqaya'], ['حنان', 'Hanan'], ['شيماء', 'Shaimaa', 'Shayma'], ['آية', 'Aya', 'Ayah'], ['ليلى', 'Layla', 'Laila', 'Leila'],
  ['سلمى', 'Salma', 'Selma'], ['رنا', 'Rana'], ['دعاء', "Du'a", 'Duaa', 'Doaa'], ['إسراء', 'Israa', 'Esraa'], ['هبة', 'Heba', 'Hiba'],
];
const FAMILY: Spellings[] = [
  ['الجبوري', 'al-Jubouri', 'Al-Jabouri', 'Jubouri'], ['الدليمي', 'al-Dulaimi', 'Al-Dulaymi'], ['العبيدي', 'al-Obaidi', 'Al-Ubaydi'],
  ['الشمري', 'al-Shammari', 'Al-Shamari'], ['العاني', 'al-Ani', 'Al-Aani'], ['الحديثي', 'al-Hadithi', 'Al-Haditi'],
  ['الراوي', 'al-Rawi', 'Al-Rawy'], ['التكريتي', 'al-Tikriti', 'Al-Takriti'], ['الزوبعي', "al-Zoba'i", 'Al-Zobaie'],
  ['العزاوي', 'al-Azzawi', 'Al-Azawi'], ['الكبيسي', 'al-Kubaisi', 'Al-Kubaysi'], ['الحمداني', 'al-Hamdani', 'Al-Hamadani'],
  ['النعيمي', 'al-Nuaimi', 'Al-Naimi'], ['الموصلي', 'al-Mosuli', 'Al-Mawsili'], ['البياتي', 'al-Bayati', 'Al-Bayaty'],
  ['الحسيني', 'al-Husseini', 'Al-Husaini'], ['المشهداني', 'al-Mashhadani', 'Al-Mashadani'], ['السامرائي', "al-Samarra'i", 'Al-Samarrai'],
  ['الطائي', "al-Ta'i", 'Al-Taee'], ['الخفاجي', 'al-Khafaji', 'Al-Khafagi'], ['العيساوي', 'al-Issawi', 'Al-Eissawi'],
];
const PLACES: Spellings[] = [
  ['الموصل', 'Mosul', 'al-Mawsil'], ['الرقة', 'Raqqa', 'Ar-Raqqah'], ['الفلوجة', 'Fallujah', 'Falluja'], ['الرمادي', 'Ramadi', 'Ar-Ramadi'],
  ['هيت', 'Hit', 'Heet'], ['تلعفر', 'Tal Afar', 'Tel Afar'], ['الباغوز', 'Baghouz', 'al-Baghuz'], ['منبج', 'Manbij', 'Menbij'],
  ['القائم', 'al-Qaim', 'Al Qa’im'], ['حديثة', 'Haditha', 'Hadithah'],
];

/** One generated list record, with the person it truly is. */
export interface GeneratedRecord {
  person: number;
  list: string;
  name: string;
  script: 'arabic' | 'latin';
  gender: 'female' | 'male';
  age: number | null;
  dateOfDeath: string | null;
  place: string | null;
}

/** Options: persons to generate, seed, lists and how often each documents a person. */
export interface GeneratorOptions {
  persons?: number;
  seed?: number;
  lists?: Array<{ slug: string; coverage: number; script: 'arabic' | 'latin' | 'mixed'; parts: 2 | 3 | 4 }>;
}

const DEFAULT_LISTS: NonNullable<GeneratorOptions['lists']> = [
  { slug: 'ministry', coverage: 0.75, script: 'arabic', parts: 4 },
  { slug: 'hospital', coverage: 0.5, script: 'mixed', parts: 3 },
  { slug: 'monitor', coverage: 0.55, script: 'latin', parts: 3 },
];

interface Person {
  id: number;
  given: Spellings;
  father: Spellings;
  grandfather: Spellings;
  family: Spellings;
  kunya: Spellings | null;
  gender: 'female' | 'male';
  age: number;
  day: number;
  place: Spellings;
}

/** Generates persons in families and the records several lists hold of them. */
export function generateLists(opts: GeneratorOptions = {}): GeneratedRecord[] {
  const rnd = seededRandom(opts.seed ?? 12);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const chance = (p: number): boolean => rnd() < p;
  const persons: Person[] = [];
  const target = opts.persons ?? 600;
  const day0 = Date.UTC(2016, 9, 17) / 86_400_000;
  while (persons.length < target) {
    // A family hit together: same strike day and place; siblings and a cousin or two.
    const grandfather = pick(MALE);
    const family = pick(FAMILY);
    const day = day0 + Math.floor(rnd() * 400);
    const place = pick(PLACES);
    const fathers = [pick(MALE), pick(MALE)];
    const size = 1 + Math.floor(rnd() * 4);
    const used = new Set<string>();
    for (let k = 0; k < size && persons.length < target; k++) {
      const father = k > 0 && chance(0.25) ? fathers[1] : fathers[0];
      const gender: 'female' | 'male' = chance(0.5) ? 'male' : 'female';
      let given = gender === 'male' && chance(0.15) ? grandfather : pick(gender === 'male' ? MALE : FEMALE);
      while (used.has(`${given[0]}|${father[0]}`)) given = pick(gender === 'male' ? MALE : FEMALE);
      used.add(`${given[0]}|${father[0]}`);
      const age = Math.floor(rnd() * 70) + 1;
      const kunya = gender === 'male' && age > 25 && chance(0.5) ? pick(MALE) : null;
      persons.push({ id: persons.length, given, father, grandfather, family, kunya, gender, age, day, place });
    }
  }
  const out: GeneratedRecord[] = [];
  const lists = opts.lists ?? DEFAULT_LISTS;
  for (const p of persons) {
    let inAny = false;
    lists.forEach((l, li) => {
      const last = li === lists.length - 1;
      if (!chance(l.coverage) && !(last && !inAny)) return;
      inAny = true;
      out.push(record(p, l, rnd));
    });
  }
  return out;
}

function typo(s: string, rnd: () => number): string {
  const chars = [...s];
  if (chars.length < 4) return s;
  const i = 1 + Math.floor(rnd() * (chars.length - 2));
  const op = rnd();
  if (op < 0.4) chars.splice(i, 1);
  else if (op < 0.7) [chars[i], chars[i + 1]] = [chars[i + 1] ?? chars[i], chars[i]];
  else chars.splice(i, 0, chars[i]);
  return chars.join('');
}

function record(p: Person, l: NonNullable<GeneratorOptions['lists']>[number], rnd: () => number): GeneratedRecord {
  const chance = (x: number): boolean => rnd() < x;
  const script: 'arabic' | 'latin' = l.script === 'mixed' ? (chance(0.5) ? 'arabic' : 'latin') : l.script;
  const spell = (s: Spellings): string => (script === 'arabic' ? s[0] : s[1 + Math.floor(rnd() * (s.length - 1))]);
  const parts: string[] = [spell(p.given)];
  const nasab = script === 'arabic' && p.gender === 'female' && chance(0.2) ? 'بنت ' : script === 'latin' && chance(0.1) ? (p.gender === 'female' ? 'bint ' : 'bin ') : '';
  parts.push(nasab + spell(p.father));
  const wantParts = l.parts - (chance(0.3) ? 1 : 0);
  if (wantParts >= 3) parts.push(spell(p.grandfather));
  if (wantParts >= 4 || (wantParts === 3 && chance(0.6)) || chance(0.5)) parts.push(spell(p.family));
  if (chance(0.12)) {
    const i = Math.floor(rnd() * parts.length);
    parts[i] = typo(parts[i], rnd);
  }
  let name = parts.join(' ');
  if (p.kunya && chance(0.4)) {
    const k = script === 'arabic' ? `أبو ${p.kunya[0]}` : `Abu ${spell(p.kunya)}`;
    name = chance(0.5) ? `${k} ${name}` : `${name} (${k})`;
  }
  const age = chance(0.1) ? null : p.age + (chance(0.25) ? (chance(0.5) ? 1 : -1) : 0);
  const day = p.day + (chance(0.25) ? (chance(0.5) ? 1 : -1) * (1 + Math.floor(rnd() * 2)) : 0);
  return {
    person: p.id, list: l.slug, name, script, gender: p.gender, age: age == null ? null : Math.max(0, age),
    dateOfDeath: chance(0.05) ? null : new Date(day * 86_400_000).toISOString().slice(0, 10),
    place: chance(0.1) ? null : spell(p.place),
  };
}
