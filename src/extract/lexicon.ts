/**
 * Word lists of the extractor (normalised forms: lower case, Arabic alef / ta marbuta / ya
 * unified, no diacritics). Populations, outcomes, parties, stance words and place nouns.
 */
import type { Outcome, Population } from '../model/vocabulary.ts';
import { norm } from './normalise.ts';

/** What a population word says: the population, its inherent count (singular 1, dual 2), an outcome it carries. */
export interface PopWord {
  pop: Population;
  count?: number;
  outcome?: Outcome;
  plural?: boolean;
  /** A dual spelled like the plural (مدنيين، مقاتلين): two only when a number word confirms it. */
  ambiguous?: boolean;
}

function entries(pop: Population, words: string, extra: Omit<PopWord, 'pop'> = {}): [string, PopWord][] {
  return words.split(/\s+/).filter(Boolean).map((w) => [norm(w), { pop, ...extra }]);
}

/** English population nouns. */
export const POP_EN = new Map<string, PopWord>([
  ...entries('civilians', 'civilian', { count: 1 }),
  ...entries('civilians', 'civilians residents villagers inhabitants farmers shepherds refugees citizens worshippers passengers workers students volunteers rescuers teachers', { plural: true }),
  ...entries('civilians', 'resident villager farmer shepherd citizen student volunteer rescuer driver teacher', { count: 1 }),
  // people named by what they were doing or where they were: non-combatants
  ...entries('civilians', 'tourists visitors guests evacuees pilgrims shoppers protesters demonstrators mourners patients labourers laborers fishermen traders merchants pedestrians bystanders', { plural: true }),
  ...entries('civilians', 'tourist visitor guest evacuee pilgrim shopper protester demonstrator mourner patient labourer laborer fisherman trader merchant pedestrian bystander', { count: 1 }),
  ...entries('unknown', 'people persons individuals others victims syrians iraqis kurds palestinians', { plural: true }),
  ...entries('unknown', 'person individual', { count: 1 }),
  // relatives: their age and sex are not said ("a farmer and his two sons")
  ...entries('unknown', 'sons daughters brothers sisters siblings relatives cousins officials employees', { plural: true }),
  ...entries('unknown', 'son daughter brother sister relative cousin official employee', { count: 1 }),
  ...entries('children', 'children kids infants babies minors boys girls toddlers pupils schoolchildren', { plural: true }),
  ...entries('children', 'child kid infant baby boy girl toddler minor', { count: 1 }),
  ...entries('women', 'women', { plural: true }),
  ...entries('women', 'woman mother wife', { count: 1 }),
  ...entries('men', 'men', { plural: true }),
  ...entries('men', 'man father husband imam sheikh priest mukhtar', { count: 1 }),
  ...entries('combatants', 'fighters militants soldiers members commanders troops jihadists gunmen terrorists insurgents combatants operatives militiamen rebels servicemen officers guards leaders personnel mercenaries comrades crewmen airmen pilots sailors marines policemen recruits conscripts paramilitaries extremists loyalists snipers forces elements troopers jihadis peshmerga', { plural: true }),
  ...entries('combatants', 'fighter militant soldier member commander jihadist gunman terrorist insurgent combatant operative militiaman serviceman officer guard leader mercenary comrade crewman airman pilot sailor marine policeman recruit conscript extremist loyalist sniper trooper jihadi', { count: 1 }),
  // journalists and medical staff are civilians (labelling.md knows six populations; the quote keeps the profession)
  ...entries('civilians', 'journalists reporters photographers doctors nurses medics paramedics', { plural: true }),
  ...entries('civilians', 'journalist reporter photographer doctor nurse medic paramedic', { count: 1 }),
  // a body recovered is a death ("carted away 100 bodies", "the bodies of ten victims")
  ...entries('unknown', 'dead bodies', { plural: true, outcome: 'killed' }),
  ...entries('unknown', 'wounded injured', { plural: true, outcome: 'injured' }),
  // "claiming 4 martyrs and 13 injured" (Syrian state media's word for the dead)
  ...entries('unknown', 'martyrs', { plural: true, outcome: 'killed' }),
  ...entries('unknown', 'martyr', { count: 1, outcome: 'killed' }),
]);

/** Arabic population nouns (also nouns that carry an outcome: قتلى، شهداء، جرحى). */
export const POP_AR = new Map<string, PopWord>([
  ...entries('civilians', 'مدني مدنيا مدنيه مواطن مواطنا مواطنه', { count: 1 }),
  ...entries('civilians', 'مدنيان مواطنان مدنيتين', { count: 2 }),
  ...entries('civilians', 'مدنيين مواطنين', { count: 2, plural: true, ambiguous: true }),
  ...entries('civilians', 'مدنيون المدنيين المدنيون مواطنون المواطنين مدنيات نازحين النازحين اهالي الاهالي سكان', { plural: true }),
  ...entries('unknown', 'شخص شخصا', { count: 1 }),
  ...entries('unknown', 'شخصان شخصين', { count: 2 }),
  // "وأصيب اثنان آخران", "مقتل شقيقين": duals of other people
  ...entries('unknown', 'اخران شقيقان شقيقين شقيقتان شقيقتين', { count: 2 }),
  ...entries('unknown', 'اشخاص اشخاصا الاشخاص اخرين اخرون الاخرين افراد', { plural: true }),
  // people named by nationality ("قتل 4 سوريين"): a total with no status
  ...entries('unknown', 'سوريين سوريون عراقيين عراقيون فلسطينيين فلسطينيون لبنانيين اكراد افغان', { plural: true }),
  // "مقتل عائلة كاملة": a whole family, no number (vague)
  ...entries('unknown', 'عائله اسره', { plural: true }),
  // "ضحية" alone is mostly rhetorical ("ضحية للحرب", "ارتقى ضحيةً"): not a count of its own
  ...entries('unknown', 'ضحيتين ضحيتان', { count: 2, outcome: 'killed' }),
  ...entries('unknown', 'ضحايا الضحايا', { plural: true, outcome: 'killed' }),
  ...entries('children', 'طفل طفلا طفله رضيع رضيعه فتاه', { count: 1 }),
  ...entries('children', 'طفلان طفلين طفلتين طفلتان طفلتا', { count: 2 }),
  ...entries('children', 'اطفال الاطفال اطفالا فتيات الفتيات قاصرين القاصرين', { plural: true }),
  ...entries('children', 'فتاتين فتاتان', { count: 2 }),
  ...entries('children', 'قاصر قاصره', { count: 1 }),
  // "أم وأطفالها الثلاثة", "ووالدتهم": family members named by their relation
  ...entries('children', 'اطفاله اطفالها اطفالهم اطفالهما اطفالهن', { plural: true }),
  ...entries('women', 'والدته والدتها والدتهم والدتهما', { count: 1 }),
  // "وإصابة زوجته وابنه": a son, a daughter, a brother or a sister (any age) and a husband
  ...entries('unknown', 'ابن ابنه ابنها ابنته ابنتها بنته بنتها شقيقه شقيقها شقيقته شقيقتها', { count: 1 }),
  ...entries('men', 'زوجها', { count: 1 }),
  // "استشهاد الأب والأم": the father and the mother (with the article: "آب" alone is a month)
  ...entries('men', 'الاب', { count: 1 }),
  ...entries('women', 'الام', { count: 1 }),
  ...entries('men', 'والده والدها والدهم', { count: 1 }),
  ...entries('women', 'امراه المراه سيده ام زوجته', { count: 1 }),
  ...entries('women', 'امراتين امراتان سيدتين سيدتان', { count: 2 }),
  ...entries('women', 'نساء النساء سيدات نسوه', { plural: true }),
  ...entries('men', 'رجل رجلا شاب شابا مسن', { count: 1 }),
  ...entries('men', 'رجلين رجلان شابين شابان', { count: 2 }),
  ...entries('men', 'رجال شبان الرجال الشبان شباب', { plural: true }),
  ...entries('combatants', 'عنصر عنصرا مقاتل مقاتلا جندي جنديا عسكري عسكريا قيادي قياديا مسلح ضابط', { count: 1 }),
  // ranks and roles of fighters, security men and commanders ("مقتل النقيب …", "قائد شرطة", "متزعم خلية")
  ...entries('combatants', 'نقيب ملازم عقيد رقيب عريف مجند شرطي قائد متزعم مرتزق ارهابي داعشي انغماسي مجاهد', { count: 1 }),
  ...entries('combatants', 'عنصرين عنصران مقاتلان جنديين جنديان ضابطين مجندين شرطيين', { count: 2 }),
  ...entries('combatants', 'مقاتلين عسكريين', { count: 2, plural: true, ambiguous: true }),
  ...entries('combatants', 'عناصر العناصر مقاتلي المقاتلين مقاتلون جنود الجنود عسكريون قياديين مسلحين المسلحين ضباط', { plural: true }),
  ...entries('combatants', 'قاده قيادات مجندون ارهابيين ارهابيون مرتزقه دواعش جهاديين انغماسيين عسكريي عناصرها مقاتليها مجاهدين', { plural: true }),
  ...entries('civilians', 'طالب طالبه معلم مدرس استاذ مزارع راعي سائق عامل ناشط فنان شيخ تاجر لاجئ نازح', { count: 1 }),
  ...entries('civilians', 'طلاب عمال مزارعين نازحون', { plural: true }),
  // medical staff and journalists are civilians (labelling.md knows six populations; the quote keeps the profession)
  ...entries('civilians', 'طبيب طبيبه مسعف مسعفه ممرض ممرضه متطوع صحفي صحفيه اعلامي اعلاميه مراسل مصور', { count: 1 }),
  ...entries('civilians', 'اطباء مسعفين المسعفين ممرضين متطوعين صحفيين الصحفيين اعلاميين مراسلين', { plural: true }),
  ...entries('unknown', 'قتيل قتيلا', { count: 1, outcome: 'killed' }),
  ...entries('unknown', 'قتيلين قتيلان', { count: 2, outcome: 'killed' }),
  ...entries('unknown', 'قتلي القتلي', { plural: true, outcome: 'killed' }),
  ...entries('unknown', 'شهيد شهيدا شهيده', { count: 1, outcome: 'killed' }),
  ...entries('unknown', 'شهيدين شهيدان', { count: 2, outcome: 'killed' }),
  ...entries('unknown', 'شهداء الشهداء', { plural: true, outcome: 'killed' }),
  ...entries('unknown', 'جريح جريحا جريحه', { count: 1, outcome: 'injured' }),
  ...entries('unknown', 'جريحين جريحان', { count: 2, outcome: 'injured' }),
  ...entries('unknown', 'جرحي الجرحي مصابين المصابين مصابا اصابات', { plural: true, outcome: 'injured' }),
  ...entries('unknown', 'مصاب', { count: 1, outcome: 'injured' }),
  ...entries('unknown', 'مصابون مصابان', { plural: true, outcome: 'injured' }),
  // a body recovered is a death: "انتشال جثة رجل", "جثمان امرأة"
  ...entries('unknown', 'جثه جثمان', { count: 1, outcome: 'killed' }),
  ...entries('unknown', 'جثث', { plural: true, outcome: 'killed' }),
  ...entries('unknown', 'مفقود', { count: 1, outcome: 'missing' }),
  ...entries('unknown', 'مفقودين المفقودين', { plural: true, outcome: 'missing' }),
]);

/** English outcome words. */
export const OUTCOME_EN = new Map<string, Outcome>([
  ...'killed kill kills killing dead died die dies death deaths dying slain massacred perished martyred executed murdered beheaded assassinated slaughtered lives life bodies'
    .split(' ').map((w): [string, Outcome] => [w, 'killed']),
  ...'wounded injured injuring wounding injuries injury injures injure wound wounds hurt'.split(' ').map((w): [string, Outcome] => [w, 'injured']),
  ...'missing disappeared unaccounted'.split(' ').map((w): [string, Outcome] => [w, 'missing']),
]);

/** Arabic outcome words (verbs and verbal nouns). */
export const OUTCOME_AR = new Map<string, Outcome>([
  ...'مقتل قتل قتلوا قتلت يقتل تقتل استشهاد استشهد استشهدوا استشهدت ارتقاء ارتقي ارتقت ارتقوا وفاه توفي توفيت مصرع حتفه حتفهم حتفها قضي قضوا قضت قضين قتلو استشهدو ارتقو قتلن استشهدن اعدام قتلا استشهدا ارتقيا قضيا حياه حياته حياتهم حياتها حياتهما حياتهن ارواح ضحيته ضحيتها ضحيتهم ضحاياه ضحاياها ضحاياهم يقتلون قتلتا مصرعه مصرعها مصرعهم مقتله مقتلها مقتلهم اغتيال اغتيل تصفيه اعدم اعدمت اعدموا'
    .split(' ').map((w): [string, Outcome] => [norm(w), 'killed']),
  ...'اصابه اصيب اصيبوا اصيبو اصيبت اصيبا اصيبتا جرح جرحوا جرحت تصيب يصيب يصيبون تصيبان اصابوا اصابت اصابتهم اصابته اصابتها يصاب'.split(' ').map((w): [string, Outcome] => [norm(w), 'injured']),
  ...'فقدان اختفاء'.split(' ').map((w): [string, Outcome] => [norm(w), 'missing']),
]);

/** Arabic clitic prefixes, longest first, tried when a word is not found as written. */
const AR_PREFIXES = ['وبال', 'وال', 'بال', 'لل', 'فال', 'كال', 'ال', 'و', 'ف', 'ب', 'ل', 'ك'];

/** The forms of an Arabic token to try in a lexicon: as written, without clitics, without the article. */
export function arForms(t: string): string[] {
  const out = [t];
  for (const p of AR_PREFIXES) {
    if (t.length - p.length >= 2 && t.startsWith(p)) {
      const rest = t.slice(p.length);
      out.push(rest);
      if (p.endsWith('ال') || p === 'لل') out.push(`ال${rest}`);
    }
  }
  return out;
}

/** Looks a token up in a map, trying Arabic clitic-free forms. */
export function lookup<V>(map: Map<string, V>, t: string, arabic: boolean): V | undefined {
  const v = map.get(t);
  if (v !== undefined || !arabic) return v;
  for (const f of arForms(t)) {
    const w = map.get(f);
    if (w !== undefined) return w;
  }
  return undefined;
}

/** A known party: its normalised name, its written variants, and whether it takes part in fighting. */
export interface PartyEntry {
  name: string;
  variants: string[];
  belligerent: boolean;
}

/** Parties the extractor recognises as claimants or actors. Variants are matched on normalised text. */
export const PARTIES: PartyEntry[] = [
  { name: 'US-led Coalition', belligerent: true, variants: ['us-led coalition', 'us-led international coalition', 'international coalition', 'the coalition', 'coalition', 'cjtf-oir', 'operation inherent resolve', 'التحالف الدولي', 'التحالف', 'طيران التحالف', 'قوات التحالف'] },
  { name: 'United States', belligerent: true, variants: ['us forces', 'american forces', 'u.s. forces', 'pentagon', 'centcom', 'us military', 'القوات الامريكيه', 'الطيران الامريكي', 'الولايات المتحده', 'امريكي'] },
  { name: 'Russian forces', belligerent: true, variants: ['russian forces', 'russian jets', 'russian warplanes', 'russian aircraft', 'russian air force', 'russian', 'russia', 'الطيران الروسي', 'الطائرات الروسيه', 'القوات الروسيه', 'الروسي', 'الروسيه', 'روسي', 'روسيه', 'روسيه', 'روسيا', 'الاحتلال الروسي'] },
  { name: 'Syrian regime', belligerent: true, variants: ['regime forces', 'syrian regime', 'the regime', 'regime', 'government forces', 'syrian army', 'assad forces', 'قوات النظام', 'النظام السوري', 'النظام', 'قوات الاسد', 'نظام الاسد', 'الاسد', 'ميليشيات الاسد', 'عصابات الاسد', 'جيش النظام'] },
  { name: 'Turkish forces', belligerent: true, variants: ['turkish forces', 'turkish army', 'turkish drone', 'turkey', 'turkish', 'الجيش التركي', 'الاحتلال التركي', 'القوات التركيه', 'الطيران التركي', 'المسيره التركيه', 'التركي', 'التركيه', 'تركي', 'تركيه', 'تركيا', 'الجندرمه'] },
  { name: 'SDF', belligerent: true, variants: ['syrian democratic forces', 'sdf', 'ypg', 'pkk', 'قوات سوريا الديمقراطيه', 'قسد', 'الوحدات الكرديه'] },
  { name: 'Israel', belligerent: true, variants: ['israeli forces', 'israeli military', 'israel defense forces', 'idf', 'israeli', 'israel', 'الاحتلال الاسرائيلي', 'الجيش الاسرائيلي', 'اسرائيل', 'الاسرائيلي', 'الاسرائيليه', 'اسرائيلي', 'اسرائيليه'] },
  { name: 'Islamic State', belligerent: true, variants: ['islamic state', 'isis', 'isil', 'daesh', 'تنظيم الدوله', 'داعش'] },
  { name: 'Iraqi forces', belligerent: true, variants: ['iraqi forces', 'iraqi security forces', 'القوات العراقيه'] },
  { name: 'SOHR', belligerent: false, variants: ['syrian observatory for human rights', 'syrian observatory', 'sohr', 'المرصد السوري لحقوق الانسان', 'المرصد السوري'] },
  { name: 'SNHR', belligerent: false, variants: ['syrian network for human rights', 'snhr', 'الشبكه السوريه لحقوق الانسان'] },
  { name: 'Amnesty International', belligerent: false, variants: ['amnesty international', 'amnesty', 'منظمه العفو الدوليه', 'العفو الدوليه'] },
  { name: 'Human Rights Watch', belligerent: false, variants: ['human rights watch', 'hrw', 'هيومن رايتس ووتش'] },
  { name: 'Airwars', belligerent: false, variants: ['airwars'] },
  { name: 'United Nations', belligerent: false, variants: ['united nations', 'un office', 'ocha', 'الامم المتحده'] },
  { name: 'Syria Civil Defence', belligerent: false, variants: ['white helmets', 'syria civil defence', 'syrian civil defence', 'civil defence', 'civil defense', 'الخوذ البيضاء', 'الخوذ_البيضاء', 'الدفاع المدني السوري', 'الدفاع المدني'] },
  { name: 'Ministry of Health', belligerent: false, variants: ['health ministry', 'ministry of health', 'health directorate', 'وزاره الصحه', 'مديريه الصحه'] },
  { name: 'SANA', belligerent: false, variants: ['sana', 'state tv', 'state media', 'سانا'] },
];

/** Normalised party variants, longest first, with their entry. */
export const PARTY_VARIANTS: { v: string; entry: PartyEntry }[] = PARTIES
  .flatMap((entry) => entry.variants.map((v) => ({ v: norm(v), entry })))
  .sort((a, b) => b.v.length - a.v.length);

/** Stance phrases worth keeping for assessment (normalised). */
export const STANCE: string[] = [
  'unintentionally', 'inadvertently', 'not credible', 'non-credible', 'credible', 'unreliable', 'still being considered',
  'being considered', 'under review', 'being assessed', 'denied', 'denies', 'deny', 'in denial', 'rejected', 'dismissed',
  'failed to carry out investigations', 'failed to investigate', 'failed to', 'admitted', 'acknowledged', 'conceded',
  'regrets', 'insufficient information', 'no evidence', 'duplicate', 'condemned', 'condemns',
  'عن غير قصد', 'غير موثوقه', 'غير موثوق', 'موثوقه', 'نفي', 'نفت', 'تنفي', 'اعترف', 'اعترفت', 'ادان', 'ادانت', 'تدين', 'لم يتم التحقق',
].map(norm).sort((a, b) => b.length - a.length);

/** Stance phrases that make a sentence an assessment claim even without a figure. */
export const ASSESSMENT_TRIGGERS = new Set([
  'not credible', 'non-credible', 'credible', 'unreliable', 'denied', 'denies', 'in denial', 'rejected', 'dismissed',
  'failed to carry out investigations', 'failed to investigate', 'failed to', 'insufficient information', 'no evidence',
  'غير موثوقه', 'غير موثوق', 'نفي', 'نفت', 'تنفي',
].map(norm));

/** Words before a name that say it is a place (Arabic), normalised. */
export const PLACE_NOUNS_AR = new Set(
  'قريه بلده مدينه مخيم حي ريف منطقه ناحيه محافظه باديه جبل سهل مزرعه مزارع بلدتي قريتي مدينتي بلدات قري مدن مخيمات احياء سد دوار محور'.split(' ').map(norm),
);

/** Words that end an Arabic place name. */
export const PLACE_STOP_AR = new Set(
  'في من علي الي عن مع بعد قبل اثر جراء بسبب و او ما الذي التي الذين حيث ضمن عند بين خلال اليوم امس صباح مساء فجر شرق غرب شمال جنوب شرقي غربي شمالي جنوبي الشرقي الغربي الشمالي الجنوبي الشرقيه الغربيه الشماليه الجنوبيه'
    .split(' ').map(norm),
);

/** Arabic direction words that introduce a place ("شرق دير الزور"). */
export const DIRECTIONS_AR = new Set('شرق غرب شمال جنوب شرقي غربي شمالي جنوبي وسط اطراف محيط'.split(' ').map(norm));
