/** The two languages of every page. */
export type Lang = 'en' | 'ar';
export const LANGS: Lang[] = ['en', 'ar'];

const en = {
  'site.title': 'harmwatch',
  'site.tagline': 'Civilian harm from military strikes: every figure traced to its source',
  'nav.home': 'Home',
  'nav.strikes': 'Declared strikes',
  'nav.api': 'API',
  'lang.switch': 'العربية',
  'home.strikesDeclared': 'Strikes declared',
  'home.releaseLines': 'release lines',
  'home.period': 'Period',
  'home.byCountry': 'By country',
  'home.topPlaces': 'Places named most often',
  'home.source': 'Source: CJTF-OIR daily strike releases (US government, public domain), as scraped by Kevin Schaul.',
  'strikes.title': 'Declared strikes',
  'strikes.filter': 'Filter',
  'strikes.from': 'From',
  'strikes.to': 'To',
  'strikes.country': 'Country',
  'strikes.place': 'Place',
  'strikes.any': 'Any',
  'strikes.apply': 'Apply',
  'strikes.reset': 'Reset',
  'strikes.date': 'Release date',
  'strikes.count': 'Strikes',
  'strikes.line': 'Release line (verbatim)',
  'strikes.next': 'Older',
  'strikes.first': 'Newest',
  'strikes.none': 'No declared strikes match these filters.',
  'strikes.matching': 'Matching',
  'strikes.unknown': 'not stated',
  'country.IQ': 'Iraq',
  'country.SY': 'Syria',
  'footer.data': 'Data and licences',
  'nav.incidents': 'Incidents',
  'inc.title': 'Incidents',
  'inc.search': 'Search (English or Arabic)',
  'inc.governorate': 'Governorate',
  'inc.belligerent': 'Belligerent',
  'inc.grade': 'Grade',
  'inc.assessment': 'Assessment status',
  'inc.date': 'Date',
  'inc.place': 'Place',
  'inc.killed': 'Civilians killed',
  'inc.injured': 'Civilians injured',
  'inc.none': 'No incidents match these filters.',
  'inc.total': 'incidents',
  'inc.download': 'Download',
  'inc.figures': 'Figures (low – best – high)',
  'inc.rule': 'rule',
  'inc.unknown': 'unknown',
  'inc.precision': 'precision',
  'inc.radius': 'radius',
  'inc.claims': 'Claims and their sources',
  'inc.quote': 'Quote',
  'inc.source': 'Source',
  'inc.captured': 'captured',
  'inc.assessments': 'Belligerent assessments',
  'inc.reason': 'Reason',
  'inc.noReason': 'no reason given',
  'inc.history': 'History',
  'inc.strikesNearby': 'Declared strikes nearby',
  'inc.noStrikes': 'No declared strike has been matched to this incident.',
  'inc.noClaims': 'No public claims are linked to this incident yet.',
  'inc.noAssessments': 'No belligerent has assessed this incident.',
  'inc.conceded': 'Conceded',
  'inc.status': 'Status',
  'inc.days': 'days',
  'error.title': 'Something went wrong',
  'notfound.title': 'Not found',
} as const;

export type MessageKey = keyof typeof en;

const ar: Record<MessageKey, string> = {
  'site.title': 'harmwatch',
  'site.tagline': 'الأذى المدني الناجم عن الضربات العسكرية: كل رقم مع مصدره',
  'nav.home': 'الرئيسية',
  'nav.strikes': 'الضربات المعلنة',
  'nav.api': 'واجهة البرمجة',
  'lang.switch': 'English',
  'home.strikesDeclared': 'الضربات المعلنة',
  'home.releaseLines': 'سطرًا في البيانات',
  'home.period': 'الفترة',
  'home.byCountry': 'حسب البلد',
  'home.topPlaces': 'الأماكن الأكثر ذكرًا',
  'home.source': 'المصدر: البيانات اليومية لقوة المهام المشتركة (عملية العزم الصلب)، ملك عام للحكومة الأمريكية، كما جمعها كيفن شاول.',
  'strikes.title': 'الضربات المعلنة',
  'strikes.filter': 'تصفية',
  'strikes.from': 'من',
  'strikes.to': 'إلى',
  'strikes.country': 'البلد',
  'strikes.place': 'المكان',
  'strikes.any': 'الكل',
  'strikes.apply': 'تطبيق',
  'strikes.reset': 'إعادة ضبط',
  'strikes.date': 'تاريخ البيان',
  'strikes.count': 'عدد الضربات',
  'strikes.line': 'نص البيان (حرفيًا)',
  'strikes.next': 'الأقدم',
  'strikes.first': 'الأحدث',
  'strikes.none': 'لا توجد ضربات معلنة تطابق هذه المعايير.',
  'strikes.matching': 'المطابق',
  'strikes.unknown': 'غير مذكور',
  'country.IQ': 'العراق',
  'country.SY': 'سوريا',
  'footer.data': 'البيانات والتراخيص',
  'nav.incidents': 'الحوادث',
  'inc.title': 'الحوادث',
  'inc.search': 'بحث (بالعربية أو الإنجليزية)',
  'inc.governorate': 'المحافظة',
  'inc.belligerent': 'الطرف المحارب',
  'inc.grade': 'التصنيف',
  'inc.assessment': 'حالة التقييم',
  'inc.date': 'التاريخ',
  'inc.place': 'المكان',
  'inc.killed': 'قتلى مدنيون',
  'inc.injured': 'جرحى مدنيون',
  'inc.none': 'لا توجد حوادث تطابق هذه المعايير.',
  'inc.total': 'حادثة',
  'inc.download': 'تنزيل',
  'inc.figures': 'الأرقام (الأدنى – الأرجح – الأعلى)',
  'inc.rule': 'القاعدة',
  'inc.unknown': 'غير معروف',
  'inc.precision': 'الدقة',
  'inc.radius': 'نصف القطر',
  'inc.claims': 'الادعاءات ومصادرها',
  'inc.quote': 'الاقتباس',
  'inc.source': 'المصدر',
  'inc.captured': 'تاريخ الحفظ',
  'inc.assessments': 'تقييمات الأطراف المحاربة',
  'inc.reason': 'السبب',
  'inc.noReason': 'لم يُذكر سبب',
  'inc.history': 'السجل',
  'inc.strikesNearby': 'ضربات معلنة قريبة',
  'inc.noStrikes': 'لم تُربط أي ضربة معلنة بهذه الحادثة.',
  'inc.noClaims': 'لا توجد ادعاءات علنية مرتبطة بهذه الحادثة بعد.',
  'inc.noAssessments': 'لم يقيّم أي طرف محارب هذه الحادثة.',
  'inc.conceded': 'المعترف به',
  'inc.status': 'الحالة',
  'inc.days': 'أيام',
  'error.title': 'حدث خطأ',
  'notfound.title': 'غير موجود',
};

const MESSAGES: Record<Lang, Record<MessageKey, string>> = { en, ar };

/** A translator for one language. */
export function translator(lang: Lang): (key: MessageKey) => string {
  return (key) => MESSAGES[lang][key];
}

/** Numbers in the page's language (Arabic-Indic digits for Arabic). */
export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'ar' ? 'ar-EG' : 'en-GB').format(n);
}

/** A calendar date ('YYYY-MM-DD') in the page's language, e.g. "17 Oct 2016" / "١٧ أكتوبر ٢٠١٦". */
export function formatDate(iso: string, lang: Lang): string {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'ar' ? 'ar-EG' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** Picks the language from ?lang=, then the cookie, then English. */
export function pickLang(query: unknown, cookie: string | undefined): Lang {
  const q = (query as { lang?: unknown } | undefined)?.lang;
  if (q === 'ar' || q === 'en') return q;
  if (cookie === 'ar' || cookie === 'en') return cookie;
  return 'en';
}
