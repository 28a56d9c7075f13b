/**
 * Small, allocation-light string similarity functions used by the comparison builders.
 * Written here rather than taken from a library so that they stay fast on hot loops.
 */

let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

/**
 * Jaro similarity in [0, 1] (1 = identical). Two empty strings are identical.
 *
 * @example jaro('martha', 'marhta') // ≈ 0.944
 */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (flagsA.length < la) flagsA = new Uint8Array(la * 2);
  if (flagsB.length < lb) flagsB = new Uint8Array(lb * 2);
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    const ca = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === ca) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  return (m / la + m / lb + (m - transpositions / 2) / m) / 3;
}

/**
 * Jaro–Winkler similarity in [0, 1]: Jaro boosted by a common prefix of up to 4 characters when
 * Jaro exceeds 0.7 (Winkler's boost threshold).
 *
 * @example jaroWinkler('dwayne', 'duane') // ≈ 0.84
 */
export function jaroWinkler(a: string, b: string, prefixScale = 0.1): number {
  const j = jaro(a, b);
  if (j <= 0.7 || j === 1) return j;
  const max = Math.min(4, a.length, b.length);
  let p = 0;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return j + p * prefixScale * (1 - j);
}

let row = new Int32Array(64);

/**
 * Levenshtein edit distance (insertions, deletions, substitutions). With `max`, stops early and
 * returns `max + 1` once the distance is known to exceed it.
 *
 * @example levenshtein('kitten', 'sitting') // 3
 */
export function levenshtein(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (a.length < b.length) [a, b] = [b, a];
  const la = a.length;
  const lb = b.length;
  if (la - lb > max) return max + 1;
  if (lb === 0) return la;
  if (row.length < lb + 1) row = new Int32Array((lb + 1) * 2);
  for (let j = 0; j <= lb; j++) row[j] = j;
  for (let i = 1; i <= la; i++) {
    let prev = row[0];
    row[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const tmp = row[j];
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      let v = prev + cost;
      const del = tmp + 1;
      const ins = row[j - 1] + 1;
      if (del < v) v = del;
      if (ins < v) v = ins;
      row[j] = v;
      if (v < rowMin) rowMin = v;
      prev = tmp;
    }
    if (rowMin > max) return max + 1;
  }
  return row[lb];
}

/** Lower-cased word tokens (letters and digits, any script). */
export function tokens(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Token-set similarity: |A ∩ B| / min(|A|, |B|) over distinct tokens (1 when one token set holds
 * the other, so "al-Mosul old city" vs "Mosul" scores 1 only if tokens coincide exactly).
 * Use `jaccard: true` for |A ∩ B| / |A ∪ B|.
 */
export function tokenSetSimilarity(a: readonly string[] | string, b: readonly string[] | string, jaccard = false): number {
  const ta = new Set(typeof a === 'string' ? tokens(a) : a);
  const tb = new Set(typeof b === 'string' ? tokens(b) : b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let inter = 0;
  for (const t of ta) if (tb.has(t)) inter++;
  return jaccard ? inter / (ta.size + tb.size - inter) : inter / Math.min(ta.size, tb.size);
}

/** Great-circle distance in km between two WGS84 points (haversine). */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(s)));
}
