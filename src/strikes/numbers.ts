/**
 * English number words as military releases write them: "one", "twenty-one", "a dozen",
 * "an", "a", digits with thousands separators, and Arabic-Indic digits.
 */
const UNITS: Record<string, number> = {
  zero: 0, a: 1, an: 1, one: 1, single: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, dozen: 12,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** Converts Arabic-Indic (٠-٩) and Extended Arabic-Indic (۰-۹) digits to ASCII digits. */
export function asciiDigits(s: string): string {
  return s.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}

/**
 * Reads a number written as digits or English words; null when it is not one.
 *
 * @example parseNumberWords('twenty-one') // 21
 * @example parseNumberWords('1,302') // 1302
 */
export function parseNumberWords(text: string): number | null {
  const t = asciiDigits(text).trim().toLowerCase();
  if (/^\d{1,3}(,\d{3})+$/.test(t)) return Number(t.replace(/,/g, ''));
  if (/^\d+$/.test(t)) return Number(t);
  if (t === 'a dozen') return 12;
  const parts = t.split(/[\s-]+/).filter((p) => p && p !== 'and');
  if (parts.length === 0 || parts.length > 3) return null;
  let total = 0;
  let seen = false;
  for (const p of parts) {
    if (p in TENS) {
      total += TENS[p];
      seen = true;
    } else if (p in UNITS) {
      total += UNITS[p];
      seen = true;
    } else if (p === 'hundred' && seen) {
      total *= 100;
    } else {
      return null;
    }
  }
  return seen ? total : null;
}

/** A regex source matching one number (digits or words), for building patterns. */
export const NUMBER_PATTERN =
  String.raw`(?:\d{1,3}(?:,\d{3})+|\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|a dozen|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|an?|single)`;
