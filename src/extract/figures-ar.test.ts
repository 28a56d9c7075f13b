import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractClaims } from './extract.ts';
import { extendOverMarks, normalise } from './normalise.ts';
import type { Claim } from './types.ts';

const casualties = (text: string): Claim[] => extractClaims(text, { lang: 'ar' }).claims.filter((c) => c.type === 'casualties');
const canonical = (text: string): string[] => casualties(text).filter((c) => c.duplicateOf === null).map(brief);
const brief = (c: Claim): string => `${c.outcome}/${c.population}/${c.min}/${c.max}/${c.qualifier}`;

test('a dot between two whole Arabic words ends a sentence; a dot inside a word is filter-breaking', () => {
  assert.equal(normalise('قـ.ـتل وا.ستشهد').text, 'قتل واستشهد');
  assert.equal(normalise('في الريف.وقالت المصادر').text, 'في الريف.وقالت المصادر');
  assert.deepEqual(canonical('أسفر القصف عن مقتل عنصر وإصابة ثلاثة آخرين.وأضاف المصدر أن القصف مستمر'), [
    'killed/combatants/1/1/exact', 'injured/combatants/3/3/exact',
  ]);
});

test('losing one\'s life is a death, also after فقدان; a named pair after an outcome counts two', () => {
  assert.deepEqual(canonical('فقدان شابين حياتهما بانفجار لغم'), ['killed/men/2/2/exact']);
  assert.deepEqual(canonical('فقد رجل حياته وأصيب 4 آخرون بقصف على القرية'), ['killed/men/1/1/exact', 'injured/unknown/4/4/exact']);
  assert.deepEqual(canonical('أدى القصف إلى وفاة الطفلين أحمد ومحمد'), ['killed/children/2/2/exact']);
  assert.deepEqual(canonical('فقدان الاتصال بثلاثة صيادين'), []);
});

test('"another one" after an outcome, duals of others and relatives', () => {
  assert.deepEqual(canonical('قتل مدني وأصيب آخر بقصف مدفعي'), ['killed/civilians/1/1/exact', 'injured/unknown/1/1/exact']);
  assert.deepEqual(canonical('قتل 5 أشخاص وأصيب اثنان آخران'), ['killed/unknown/5/5/exact', 'injured/unknown/2/2/exact']);
  assert.deepEqual(canonical('أطلق مسلحون النار على شيخ العشيرة ما أدى لمقتله وإصابة زوجته وابنه'), [
    'killed/unknown/1/1/exact', 'injured/women/1/1/exact', 'injured/unknown/1/1/exact',
  ]);
  assert.deepEqual(canonical('وفي آخر تحديث قصفت المدفعية البلدة'), []);
});

test('the others after a count of fighters are fighters too', () => {
  assert.deepEqual(canonical('أسفر الهجوم عن مقتل عنصرين من الفصيل وإصابة ثلاثة آخرين'), ['killed/combatants/2/2/exact', 'injured/combatants/3/3/exact']);
  assert.deepEqual(canonical('قتل عدد من العناصر وجرح آخرون'), ['killed/combatants/null/null/vague', 'injured/combatants/null/null/vague']);
});

test('ranks, roles and "one of" a group', () => {
  assert.deepEqual(canonical('مقتل النقيب في الأمن العسكري بعبوة ناسفة'), ['killed/combatants/1/1/exact']);
  assert.deepEqual(canonical('سقط أحد عناصر الحاجز قتيلاً'), ['killed/combatants/1/1/exact']);
  assert.deepEqual(canonical('أدى القصف إلى إصابة أحد المدنيين بجروح'), ['injured/civilians/1/1/exact']);
  // medical staff and journalists are civilians (six populations in labelling.md)
  assert.deepEqual(canonical('استشهاد مسعف وإصابة صحفي'), ['killed/civilians/1/1/exact', 'injured/civilians/1/1/exact']);
});

test('"N من X": the group after من decides the population', () => {
  assert.deepEqual(canonical('أعلنت القوى الأمنية إصابة 3 من أعضائها'), ['injured/combatants/3/3/exact']);
  assert.deepEqual(canonical('مقتل رجل واثنين من أبنائه بغارة'), ['killed/men/1/1/exact', 'killed/unknown/2/2/exact']);
  assert.deepEqual(canonical('إصابة 4 من عناصر الدفاع المدني'), ['injured/civilians/4/4/exact']);
  assert.deepEqual(canonical('مقتل طفل وسقوط 3 من القذائف قرب المدرسة'), ['killed/children/1/1/exact']);
});

test('breakdowns: brackets, later parts, definite numbers and outcome nouns after a population', () => {
  assert.deepEqual(canonical('قتل ثلاثة أشخاص (طفلان ورجل) بقصف صاروخي'), ['killed/unknown/3/3/exact', 'killed/children/2/2/exact', 'killed/men/1/1/exact']);
  assert.deepEqual(canonical('راح ضحية القصف 20 شخصاً بينهم 5 أطفال و3 نساء وأصيب 40 آخرون'), [
    'killed/unknown/20/20/exact', 'killed/children/5/5/exact', 'killed/women/3/3/exact', 'injured/unknown/40/40/exact',
  ]);
  assert.deepEqual(canonical('مقتل 4 مدنيين بينهم أم وأطفالها الـ3'), ['killed/civilians/4/4/exact', 'killed/women/1/1/exact', 'killed/children/3/3/exact']);
  assert.deepEqual(canonical('سقوط طفل شهيد و6 إصابات'), ['killed/children/1/1/exact', 'injured/unknown/6/6/exact']);
});

test('victims with no number are vague; negated harm and titles are not claims', () => {
  assert.deepEqual(canonical('قتلى وجرحى بقصف على بلدة في الريف الغربي'), ['killed/unknown/null/null/vague', 'injured/unknown/null/null/vague']);
  assert.deepEqual(canonical('أصيب 8 مدنيين بينهم أطفال ونساء'), ['injured/civilians/8/8/exact', 'injured/children/null/null/vague', 'injured/women/null/null/vague']);
  assert.deepEqual(canonical('أدى القصف لسقوط عدد من القتلى والجرحى'), ['killed/unknown/null/null/vague', 'injured/unknown/null/null/vague']);
  assert.deepEqual(canonical('سقطت قذائف على الحي دون وقوع إصابات بشرية'), []);
  assert.deepEqual(canonical('لم ترد معلومات عن سقوط ضحايا'), []);
  assert.deepEqual(canonical('الرحمة للشهداء والشفاء للجرحى'), []);
});

test('tallies raised to a number, and numbers that count hours, attacks or dates', () => {
  assert.deepEqual(canonical('وارتفع عدد ضحايا القصف خلال 48 ساعة إلى 9 مدنيين'), ['killed/civilians/9/9/exact']);
  assert.deepEqual(canonical('ليرتفع عدد المدنيين الذين قتلوا في المنطقة منذ بداية الشهر إلى 14'), ['killed/civilians/14/14/exact']);
  assert.deepEqual(canonical('ارتفاع حصيلة الضحايا بعد 12 هجوماً إلى 7 قتلى'), ['killed/unknown/7/7/exact']);
  assert.deepEqual(canonical('مقتل طفل (12) سنة بقصف'), ['killed/children/1/1/exact']);
});

test('a headline repeating a small body figure is one claim; two figures of one sentence stay two', () => {
  const text = 'مقتل مدني بقصف على ريف المدينة\n\nقتل رجل مدني اليوم بقصف مدفعي استهدف قرية في الريف الجنوبي للمدينة، وفق مصادر محلية أفادت بأن القصف تركز على الأحياء السكنية وأدى إلى أضرار كبيرة في المنازل والممتلكات.';
  assert.deepEqual(canonical(text), ['killed/men/1/1/exact']);
  const two = 'وكان قد قتل أمس ضابط في قوات النظام متأثراً بجراحه، كذلك قتل عنصر في قوات النظام بقصف على المحاور.\n\nوقتل عنصر في القوات ذاتها بقصف آخر.';
  assert.equal(canonical(two).length, 2);
});

test('a Facebook footer with its comments and a site language menu with its headline links are chrome', () => {
  const post = 'قتل مدني بقصف على القرية.All reactions:12 commentsLikeCommentMost relevantفلان الفلانيالله يرحم الشهداء 5 شهداء';
  assert.deepEqual(canonical(post), ['killed/civilians/1/1/exact']);
  const links = 'السبت 1 آب, 2026\n\nمقتل 5 أشخاص بحادث سير على الطريق الدولي\n\nإصابة 3 عناصر بانفجار لغم\n\nاللغة/Language\n\nعربي\n\nENGLISH';
  assert.deepEqual(canonical(links), []);
});

test('relative clauses, relatives written with و, colloquial spellings and bodies counted by a number', () => {
  assert.deepEqual(canonical('صورة الشاب فلان الفلاني الذي قتلته دورية مسلحة'), ['killed/men/1/1/exact']);
  assert.deepEqual(canonical('نجا الطفل لكن والدها قتل فيما أصيب ابن عمها'), ['killed/men/1/1/exact', 'injured/unknown/1/1/exact']);
  assert.deepEqual(canonical('ثلاثة مدنيين من أهالي القرية قتلو في القصف'), ['killed/civilians/3/3/exact']);
  assert.deepEqual(canonical('عثر الأهالي على جثث 6 أشخاص في البئر'), ['killed/unknown/6/6/exact']);
  assert.deepEqual(canonical('مقتل (4) أشخاص بقصف مدفعي'), ['killed/unknown/4/4/exact']);
  assert.deepEqual(canonical('مجزرة ضحاياها 7 مدنيين'), ['killed/civilians/7/7/exact']);
  assert.deepEqual(canonical('قناصة الحاجز يصيبون 3 مدنيين'), ['injured/civilians/3/3/exact']);
  assert.deepEqual(canonical('وبذلك بلغ عدد ضحايا المجزرة 11 شخصاً'), ['killed/unknown/11/11/exact']);
});

test('killed and injured together with no split, and list numbers, are no figures', () => {
  assert.deepEqual(canonical('أسفر القصف عن سقوط 12 مدنياً بين قتيل وجريح'), []);
  assert.deepEqual(canonical('حصيلة اليوم 7 شهداء:\n1- فلان الفلاني\n2- علان العلاني'), ['killed/unknown/7/7/exact']);
});

test('victims listed by name with no number written are counted', () => {
  const text = 'قصف مدفعي على البلدة صباح اليوم\nأسماء الشهداء:\n1- فلان بن فلان\n2- علان بن علان\n3- زيد بن عمرو\nنسأل الله الرحمة لهم جميعاً وللمصابين الشفاء العاجل من كل سوء';
  assert.deepEqual(canonical(text), ['killed/unknown/3/3/exact']);
  assert.deepEqual(canonical('استهدف القصف سيارة مدنية، والمصابون هم: فلان 20 عاماً، علان 35 عاماً، زيد 8 سنوات'), ['injured/unknown/3/3/exact']);
  // a number written for the same outcome: the list only names them
  assert.deepEqual(canonical('استشهد مدنيان بقصف على البلدة\nأسماء الشهداء:\nفلان الفلاني\nعلان العلاني'), ['killed/civilians/2/2/exact']);
});

test('a small figure far from another with a finer population is a claim of its own', () => {
  const filler = ' وتشهد المنطقة تصعيداً مستمراً منذ أسابيع في ظل غياب أي تحرك دولي لحماية المدنيين من الهجمات المتكررة على الأحياء السكنية والأسواق الشعبية.'.repeat(4);
  const text = `قتل 3 مدنيين بينهم طفل بقصف على السوق.${filler}\n\nوفي بلدة أخرى قتل شخص بقصف مدفعي.`;
  assert.deepEqual(canonical(text), ['killed/civilians/3/3/exact', 'killed/children/1/1/exact', 'killed/unknown/1/1/exact']);
});

test('people named in quotes, funerals and martyr lines are one each', () => {
  assert.deepEqual(canonical('أسفرت الغارة عن مقتل "فلان الفلاني" في منزله'), ['killed/unknown/1/1/exact']);
  assert.deepEqual(canonical('أكد المرصد مقتل "أربع فتيات" في القصف'), ['killed/children/4/4/exact']);
  assert.deepEqual(canonical('تشييع الشهيد الطفل فلان في مقبرة القرية'), ['killed/children/1/1/exact']);
  assert.deepEqual(canonical('ودعت القرية أبناءها\nالشهيد البطل فلان الفلاني\nالشهيد البطل علان العلاني'), ['killed/unknown/2/2/exact']);
  assert.deepEqual(canonical('الشهيد بإذن الله ( فلان الفلاني )\nإثر القصف على أطراف المدينة'), ['killed/unknown/1/1/exact']);
});

test('hashtags glued to the first word, and two-dot or dot-space breaks inside a word', () => {
  assert.deepEqual(canonical('#القريةاستشهاد شاب برصاص قناص'), ['killed/men/1/1/exact']);
  assert.equal(normalise('مقـ. ـتله والشـ..هيد').text, 'مقتله والشهيد');
  assert.deepEqual(canonical('أطلق مسلحون النار على رجل ما أدى إلى مقـ. ـتله'), ['killed/unknown/1/1/exact']);
});

test('abductions and arrests are no casualties, not even as parts of a breakdown', () => {
  assert.deepEqual(canonical('أدى القصف إلى استشهاد مدنيين اثنين إضافة إلى خطف عدد من الأشخاص بينهم امرأة'), ['killed/civilians/2/2/exact']);
});

test('"N من X" right after an outcome, tallies named after the number, and a second outcome with its own figure', () => {
  assert.deepEqual(canonical('أسفرت العملية عن مقتل 2 من المطلوبين'), ['killed/unknown/2/2/exact']);
  assert.deepEqual(canonical('وبذلك يرتفع إلى 124 تعداد العسكريين والمدنيين الذين قتلوا منذ مطلع العام'), ['killed/unknown/124/124/exact']);
  assert.deepEqual(canonical('أدى القصف إلى فقدان 23 مدنياً لحياتهم وإصابة أكثر من 200 آخرين'), ['killed/civilians/23/23/exact', 'injured/unknown/200/null/more_than']);
  assert.deepEqual(canonical('أسفر القصف عن 12 قتيلاً وجريحاً'), []);
});

test('victims reported without a number after "سقط" or "هناك"', () => {
  assert.deepEqual(canonical('سقط شهداء وجرحى بقصف على البلدة'), ['killed/unknown/null/null/vague', 'injured/unknown/null/null/vague']);
  assert.deepEqual(canonical('سقطت قذائف على الحي وهناك إصابات في صفوف المدنيين'), ['injured/civilians/null/null/vague']);
});

test('a quote keeps the diacritics and tatweel that close its last word, not marks after a space', () => {
  const text = 'قتل ما لا يقل عن ١٢ مدنياً في قصف على القرية';
  const [c] = casualties(text);
  assert.equal(c.quote, 'قتل ما لا يقل عن ١٢ مدنياً');
  assert.equal(text.slice(c.span[0], c.span[1]), c.quote);
  assert.equal(casualties('استشهد ثلاثةُ أطفالٍّ في غارة')[0].quote, 'استشهد ثلاثةُ أطفالٍّ');
  assert.equal(casualties('أصيب 5 مدنيينـــ بجروح')[0].quote, 'أصيب 5 مدنيينـــ');
  assert.equal(extendOverMarks('مدني ً', 4), 4);
  assert.equal(extendOverMarks('مدنياً', 5), 6);
});

test('a comma held by tatweel inside a word is filter-breaking, not punctuation', () => {
  assert.equal(normalise('مقـــ,تله').text, 'مقتله');
  assert.equal(normalise('حلب,إدلب').text, 'حلب,ادلب');
  assert.deepEqual(canonical('أطلق مجهولون النار على سائق ما أدى إلى مقـــ,تله'), ['killed/unknown/1/1/exact']);
});

test('a long tally raised "إلى" a number names its victims up to thirty tokens before', () => {
  assert.deepEqual(canonical('وارتفع عدد الشهداء المدنيين الذين قضوا جراء الغارات الجوية والقصف الصاروخي على القرى والبلدات في ريف المحافظة الشرقي منذ فجر يوم أمس إلى 14'), [
    'killed/civilians/14/14/exact',
  ]);
});

test('people named without quotes after an outcome are counted by their given names', () => {
  assert.deepEqual(canonical('استشهاد خالد السالم وعمر الحسن بغارة على الحي'), ['killed/unknown/2/2/exact']);
  assert.equal(casualties('استشهد عبد الكريم الأحمد في القصف')[0].quote, 'استشهد عبد الكريم الأحمد');
  assert.deepEqual(canonical('إصابة يوسف العلي برصاص قناص'), ['injured/unknown/1/1/exact']);
  // "على" is no name
  assert.deepEqual(canonical('مقتل على الطريق'), []);
});

test('a dual relative clause and a body named by a population word state deaths', () => {
  assert.deepEqual(canonical('نعت البلدة الشابين اللذين قتلا في الغارة'), ['killed/men/2/2/exact']);
  assert.deepEqual(canonical('عثرت فرق الإنقاذ على جثة الطفل تحت الركام'), ['killed/children/1/1/exact']);
  assert.deepEqual(canonical('نقلت جثث المدنيين إلى المشفى'), []);
});

test('a tally named before its verb ("عدد الشهداء ارتفع إلى 5"), and the next tally joined by و', () => {
  assert.deepEqual(canonical('قال مصدر طبي إن عدد الشهداء ارتفع إلى 5 والجرحى إلى 15 جراء القصف'), [
    'killed/unknown/5/5/exact', 'injured/unknown/15/15/exact',
  ]);
});

test('people counted in a force\'s ranks are combatants; the ranks of civilians are not', () => {
  assert.deepEqual(canonical('قتل 9 أطفال مجندين في صفوف الفصيل خلال الشهر الماضي'), ['killed/combatants/9/9/exact']);
  assert.deepEqual(canonical('أدى القصف إلى وقوع 3 إصابات في صفوف المدنيين'), ['injured/civilians/3/3/exact']);
  // the group after an outcome noun says who: "5 إصابات من المدنيين", "3 قتلى بصفوف المدنيين"
  assert.deepEqual(canonical('ما أدى لسقوط 3 قتلى بصفوف المدنيين'), ['killed/civilians/3/3/exact']);
});

test('recruited children are fighters', () => {
  assert.deepEqual(canonical('مقتل طفلين مجندين لدى الفصيل بقصف'), ['killed/combatants/2/2/exact']);
  assert.deepEqual(canonical('مقتل طفلين بقصف على المدرسة'), ['killed/children/2/2/exact']);
});

test('a list under a header that names the outcome; "وجرح رابع" is one more, not a combined figure', () => {
  assert.deepEqual(canonical('وأصيب 14 من المدنيين بجراح متفاوتة، والقتلى والشهداء هم: – 6 من المدنيين بينهم طفلان – 7 عناصر من قوات النظام'), [
    'injured/civilians/14/14/exact', 'killed/civilians/6/6/exact', 'killed/children/2/2/exact', 'killed/combatants/7/7/exact',
  ]);
  assert.deepEqual(canonical('ما أدى لسقوط ثلاث شهداء وجرح رابع'), ['killed/unknown/3/3/exact', 'injured/unknown/1/1/exact']);
  assert.deepEqual(canonical('سقط 12 قتيلا وجريحا في القصف'), []);
});

test('a name in brackets, youths, a dual verb after "من …", a numbered list of names on one line', () => {
  assert.deepEqual(canonical('استشهاد (أحمد العلي) جراء القصف على المدينة'), ['killed/unknown/1/1/exact']);
  assert.deepEqual(canonical('استشهد شباب من البلدة بقصف الطيران'), ['killed/men/null/null/vague']);
  assert.deepEqual(canonical('وقال نشطاء إن مدنيان من أبناء القرى المجاورة استشهدا بقصف جوي'), ['killed/civilians/2/2/exact']);
  assert.deepEqual(canonical('شابان من أبناء القرية اعتقلتهم قوات الأمن'), []);
  assert.deepEqual(canonical('الشهداء من قرية الحلوة وهم: 1_ فاطمة حسين 28 سنة 2_ محمد علي 30 سنة'), ['killed/unknown/2/2/exact']);
});

test('"أكثر من 20 إصابة", a verb then its actor then the victim, children of two parents', () => {
  assert.deepEqual(canonical('ثلاث شهداء وأكثر من 20 إصابة من المدنيين بقصف على المدينة'), ['killed/unknown/3/3/exact', 'injured/civilians/20/null/more_than']);
  assert.deepEqual(canonical('قتلت قوات النظام الشاب أحمد العلي أمس'), ['killed/men/1/1/exact']);
  assert.deepEqual(canonical('مقتل قوات النظام الشاب'), []);
  assert.deepEqual(canonical('قتل 5 مدنيين (رجل وزوجته و3 من أطفالهما)'), [
    'killed/civilians/5/5/exact', 'killed/men/1/1/exact', 'killed/women/1/1/exact', 'killed/children/3/3/exact',
  ]);
});

test('nationalities count people; a word split by tatweel and a space; "الشهداء و الجرحى" with و apart', () => {
  assert.deepEqual(canonical('قتل 4 سوريين، بينهم أم وطفلتان، في قصف على البلدة'), ['killed/unknown/4/4/exact', 'killed/women/1/1/exact', 'killed/children/2/2/exact']);
  assert.deepEqual(canonical('مقـ تل شقيقين ووالدتهما برصاص مسلحين'), ['killed/unknown/2/2/exact', 'killed/women/1/1/exact']);
  assert.deepEqual(canonical('أوقع القصف عدداً من الشهداء و الجرحى'), ['killed/unknown/null/null/vague', 'injured/unknown/null/null/vague']);
});

test('a tally under a header a line each: the header\'s outcome holds for every dash item', () => {
  const text = 'وأصيب أكثر من 14 من العسكريين، والقتلى والشهداء هم:\n\n– 20 من المدنيين بينهم 4 سيدات\n\n– عنصر من ميليشيا فاطميون\n\n– 51 من “هيئة تحرير الشام”\n\n– 1 من حركة أحرار الشام.\n\nالسابق\n\n– 7 آلاف ليرة ثمن الخبز';
  assert.deepEqual(canonical(text), [
    'injured/combatants/14/null/more_than', 'killed/civilians/20/20/exact', 'killed/women/4/4/exact',
    'killed/combatants/1/1/exact', 'killed/combatants/51/51/exact', 'killed/combatants/1/1/exact',
  ]);
});

test('"at least" after the figure; a dual verb makes an ambiguous plural two', () => {
  assert.deepEqual(canonical('قتل 9 أشخاص على الأقل في غارة على مبنى'), ['killed/unknown/9/null/at_least']);
  assert.deepEqual(canonical('وأفاد المراسل أن مدنيين أصيبا بجروح إثر القصف'), ['injured/civilians/2/2/exact']);
  assert.deepEqual(canonical('مقتل مدنيين بقصف'), ['killed/civilians/null/null/vague']);
});

test('father and mother, alongside their children; an age under 18 makes a child; a combined "35 إصابة … بين شهيد وجريح"', () => {
  assert.deepEqual(canonical('أدى القصف إلى استشهاد الأب والأم إلى جانب أطفالهما السبعة'), ['killed/men/1/1/exact', 'killed/women/1/1/exact', 'killed/children/7/7/exact']);
  assert.deepEqual(canonical('قُتل شاب يبلغ من العمر 15 عاماً وأصيب والده'), ['killed/children/1/1/exact', 'injured/men/1/1/exact']);
  assert.deepEqual(canonical('قتل رجل يبلغ من العمر 45 عاماً'), ['killed/men/1/1/exact']);
  assert.deepEqual(canonical('35 إصابة من المدنيين بين شهيد وجريح بالقصف'), []);
  assert.deepEqual(canonical('في 3 آب قتل رجل'), ['killed/men/1/1/exact']);
});

test('an unnumbered figure near a numbered one of the same outcome repeats it', () => {
  const all = casualties('قتلى وجرحى مدنيون بقصف على المدينة. وقال الدفاع المدني إن القصف أدى لمقتل 3 مدنيين وإصابة 5 آخرين.');
  assert.deepEqual(all.filter((c) => c.duplicateOf === null).map(brief), ['killed/civilians/3/3/exact', 'injured/unknown/5/5/exact']);
  assert.equal(all.length, 4);
});

test('a person named by a given name, then "الذي قتل"; not when the relative clause names someone else', () => {
  assert.deepEqual(canonical('المشاركة في عزاء محمود علي الشاهر الذي قُتل دفاعاً عن بيته'), ['killed/unknown/1/1/exact']);
  assert.deepEqual(canonical('التقى محمد الأحمد الذي قتل أخوه'), []);
});

test('a funeral tells a death', () => {
  assert.deepEqual(canonical('تشييع الإعلامي أنس خربطلي في مدينة إدلب'), ['killed/civilians/1/1/exact']);
  assert.deepEqual(canonical('تشييع الطفلين في البلدة'), ['killed/children/2/2/exact']);
});
