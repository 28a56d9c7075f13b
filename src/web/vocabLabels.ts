import type { Lang } from './i18n.ts';

const LABELS: Record<string, { en: string; ar: string }> = {
  // grades
  confirmed: { en: 'Confirmed', ar: 'مؤكد' },
  fair: { en: 'Fair', ar: 'مقبول' },
  weak: { en: 'Weak', ar: 'ضعيف' },
  contested: { en: 'Contested', ar: 'متنازع عليه' },
  discounted: { en: 'Discounted', ar: 'مستبعد' },
  // assessment statuses
  not_yet_assessed: { en: 'Not yet assessed', ar: 'لم يُقيّم بعد' },
  open: { en: 'Open', ar: 'قيد النظر' },
  credible: { en: 'Credible', ar: 'ذو مصداقية' },
  not_credible: { en: 'Not credible', ar: 'غير ذي مصداقية' },
  duplicate: { en: 'Duplicate', ar: 'مكرر' },
  insufficient_information: { en: 'Insufficient information', ar: 'معلومات غير كافية' },
  reopened: { en: 'Reopened', ar: 'أعيد فتحه' },
  // outcomes and populations
  killed: { en: 'killed', ar: 'قتلى' },
  injured: { en: 'injured', ar: 'جرحى' },
  missing: { en: 'missing', ar: 'مفقودون' },
  civilians: { en: 'civilians', ar: 'مدنيون' },
  children: { en: 'children', ar: 'أطفال' },
  women: { en: 'women', ar: 'نساء' },
  men: { en: 'men', ar: 'رجال' },
  combatants: { en: 'combatants', ar: 'مقاتلون' },
  unknown: { en: 'status unknown', ar: 'صفة غير معروفة' },
  // claim types and qualifiers ("exact" is shared with the place precisions below)
  casualties: { en: 'casualties', ar: 'ضحايا' },
  strikes: { en: 'strikes', ar: 'ضربات' },
  reports: { en: 'reports', ar: 'بلاغات' },
  assessment: { en: 'assessment', ar: 'تقييم' },
  at_least: { en: 'at least', ar: 'على الأقل' },
  more_than: { en: 'more than', ar: 'أكثر من' },
  at_most: { en: 'at most', ar: 'على الأكثر' },
  fewer_than: { en: 'fewer than', ar: 'أقل من' },
  about: { en: 'about', ar: 'نحو' },
  between: { en: 'between', ar: 'بين' },
  vague: { en: 'vague', ar: 'غير محدد' },
  // precisions
  exact: { en: 'exact', ar: 'دقيق' },
  within_100m: { en: 'within 100 m', ar: 'ضمن ١٠٠ م' },
  street: { en: 'street', ar: 'شارع' },
  neighbourhood: { en: 'neighbourhood', ar: 'حي' },
  village: { en: 'village', ar: 'قرية' },
  town: { en: 'town', ar: 'بلدة' },
  city: { en: 'city', ar: 'مدينة' },
  subdistrict: { en: 'subdistrict', ar: 'ناحية' },
  district: { en: 'district', ar: 'قضاء/منطقة' },
  governorate: { en: 'governorate', ar: 'محافظة' },
  country: { en: 'country', ar: 'بلد' },
  day: { en: 'day', ar: 'يوم' },
  span: { en: '2–6 day span', ar: 'فترة ٢–٦ أيام' },
  week: { en: 'week', ar: 'أسبوع' },
  month: { en: 'month', ar: 'شهر' },
  year: { en: 'year', ar: 'سنة' },
  coalition: { en: 'US-led coalition', ar: 'التحالف بقيادة الولايات المتحدة' },
};

/** A controlled-vocabulary word as a person reads it, in the page's language. */
export function vocab(word: string | null | undefined, lang: Lang): string {
  if (!word) return '';
  return LABELS[word]?.[lang] ?? word.replace(/_/g, ' ');
}
