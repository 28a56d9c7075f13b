/**
 * Probabilistic record linkage (Fellegi–Sunter), generic over record types.
 *
 * - comparisons.ts (generic) and harm-comparisons.ts (place, place name, casualty range, actor):
 *   builders of per-field comparisons `(a, b) => level` (0 = most similar, -1 = missing).
 * - blocking.ts: union of key rules, pair budget checked before any pair is made.
 * - vectors.ts: comparison vectors packed in an Int8Array; the pattern table EM works on.
 * - em.ts / train.ts: u from seeded random pairs, m and λ by EM on pattern tables, term frequencies.
 * - scoring.ts: match weights in a Float64Array, two-threshold decisions, waterfalls.
 * - cluster.ts: union-find clustering; evaluate.ts: pairwise, B-cubed, threshold sweep.
 * - linker.ts: the whole pipeline (`runLinkage`, `predict`, `explainPair`).
 *
 * @example
 *   const run = runLinkage({
 *     comparisons: [dateGap('date', (r) => r.day, [0, 1, 3]), geoDistance('place', (r) => r.point),
 *                   placeName('place name', (r) => r.placeKey)],
 *     blocking: [{ name: 'day+cell', fields: ['date'], key: (r) => `${r.day}|${r.cell}` }],
 *   }, reports);
 *   const { decisions, clusters } = predict(run, { linkProbability: 0.95, reviewProbability: 0.5 });
 *   formatExplanation(explainPair(run, 0));
 */
export * from './types.ts';
export * from './similarity.ts';
export * from './comparisons.ts';
export * from './harm-comparisons.ts';
export * from './blocking.ts';
export * from './vectors.ts';
export * from './em.ts';
export * from './scoring.ts';
export * from './cluster.ts';
export * from './evaluate.ts';
export * from './train.ts';
export * from './linker.ts';
