/** English number words ("seventy-nine", "one hundred eleven", "a") and digit strings ("1,302", "34,573*") to numbers. */
import { normaliseDigits } from './fields.ts';

const UNITS: Record<string, number> = {
  zero: 0, no: 0, a: 1, an: 1, one: 1, single: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/** Regex source matching a number as digits or words (for use inside larger patterns). */
export const NUMBER_PATTERN =
  '(?:[0-9\\u0660-\\u0669]{1,3}(?:,[0-9]{3})+|[0-9\\u0660-\\u0669]+|(?:(?:one|two|three|four|five|six|seven|eight|nine)[ -]hundred(?:(?: and)? [a-z-]+)?)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|an?|single)\\*?';

/** Converts a number in digits or words to a number; null when it is not one. */
export function wordsToNumber(raw: string): number | null {
  const s = normaliseDigits(raw.trim().toLowerCase()).replace(/\*$/, '');
  if (/^\d{1,3}(,\d{3})+$|^\d+$/.test(s)) return Number(s.replace(/,/g, ''));
  const words = s.replace(/-/g, ' ').replace(/\band\b/g, ' ').split(/\s+/).filter(Boolean);
  if (!words.length) return null;
  let total = 0;
  let cur = 0;
  for (const w of words) {
    if (w in UNITS) cur += UNITS[w];
    else if (w in TENS) cur += TENS[w];
    else if (w === 'hundred') cur = (cur || 1) * 100;
    else if (w === 'thousand') {
      total += (cur || 1) * 1000;
      cur = 0;
    } else return null;
  }
  return total + cur;
}
