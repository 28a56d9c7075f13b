/**
 * Place names mentioned inside longer descriptions ("wood saw mill on the outskirts of Idlib
 * City", "1KM from Al Darbasiyah city centre", "Karlak neighbourhood, Aleppo"): every run of one
 * to four words is looked up by exact key; generic words (mosque, road, قرية, مسجد …) never
 * count as a place on their own.
 */
import type { Gazetteer, NameMatch } from './gazetteer.ts';
import { stripInvisible } from './normalise.ts';

const GENERIC = new Set([
  'the', 'of', 'in', 'at', 'on', 'near', 'and', 'or', 'from', 'to', 'between', 'by', 'with', 'km', 'west', 'east', 'north', 'south',
  'city', 'town', 'village', 'villages', 'neighbourhood', 'neighborhood', 'area', 'district', 'countryside', 'camp', 'road', 'street',
  'mosque', 'school', 'hospital', 'market', 'bridge', 'station', 'factory', 'farm', 'farms', 'house', 'building', 'centre', 'center',
  'outskirts', 'vicinity', 'airport', 'base', 'checkpoint', 'field', 'fields', 'oil', 'gas', 'water', 'plant', 'dam', 'entrance',
  'في', 'من', 'الى', 'إلى', 'على', 'قرب', 'بين', 'و', 'مدينة', 'قرية', 'بلدة', 'حي', 'مخيم', 'منطقة', 'ريف', 'طريق', 'شارع', 'مسجد',
  'جامع', 'مدرسة', 'مشفى', 'مستشفى', 'سوق', 'جسر', 'محطة', 'معمل', 'مزرعة', 'مزارع', 'مركز', 'شرق', 'غرب', 'شمال', 'جنوب', 'اطراف',
  'أطراف', 'محيط', 'بالقرب', 'حقل', 'مطار', 'دوار', 'سد', 'كم',
]);

/** Exact-key matches of the word runs of `text`, longest runs first, each scored 0.8 × match. */
export function mentionMatches(g: Gazetteer, text: string, exclude?: ReadonlySet<string>): NameMatch[] {
  const words = stripInvisible(text).split(/[\s,،:;.!?()（）/"“”«»\-–—]+/).filter((w) => w.length > 0);
  const found = new Map<string, NameMatch>();
  const covered = new Array<boolean>(words.length).fill(false);
  for (let n = Math.min(4, words.length); n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      if (covered.slice(i, i + n).every(Boolean)) continue;
      const run = words.slice(i, i + n);
      if (GENERIC.has(run[0].toLowerCase()) && n === 1) continue;
      if (run.every((w) => GENERIC.has(w.toLowerCase()) || /^\d+$/.test(w))) continue;
      const phrase = run.join(' ');
      if (phrase.replace(/\s/g, '').length < 3) continue;
      const ms = g.exact(phrase, exclude);
      if (ms.length === 0) continue;
      for (let k = i; k < i + n; k++) covered[k] = true;
      for (const m of ms) {
        const s = 0.8 * m.nameScore;
        const cur = found.get(m.place.id);
        if (!cur || cur.nameScore < s) found.set(m.place.id, { ...m, nameScore: s });
      }
    }
  }
  return [...found.values()];
}
