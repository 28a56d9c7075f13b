/**
 * `npm run bench -- extract`: claim extraction throughput on the shared Airwars source texts,
 * in texts per second on one core, beside a baseline measured in the same run (a single regex
 * scan for figures over the same texts). Prints JSON.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { SHARED_DATA_ABSENT, sharedDataPath } from '../src/shared-data.ts';
import { extractClaims, parsePublished } from '../src/extract/index.ts';

const p = sharedDataPath('airwars-syria', 'source_texts.jsonl');
if (!p) {
  console.log(JSON.stringify({ name: 'extract', skipped: SHARED_DATA_ABSENT }));
  process.exit(0);
}
interface Row { text: string; publication_date: string; language: string }
const rows = readFileSync(p, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Row);
const inputs = rows.map((r) => ({ text: r.text, published: parsePublished(r.publication_date), lang: r.language === 'ar' ? 'ar' as const : r.language === 'en' ? 'en' as const : undefined }));
const chars = inputs.reduce((s, r) => s + r.text.length, 0);

function time(run: () => number, rounds: number): { seconds: number; out: number } {
  let best = Infinity;
  let out = 0;
  for (let k = 0; k < rounds; k++) {
    const t0 = performance.now();
    out = run();
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return { seconds: best, out };
}

const FIGURE = /[0-9٠-٩]+(?:[.,٬][0-9٠-٩]{3})*\s+\S+/g;
const baseline = time(() => inputs.reduce((s, r) => s + (r.text.match(FIGURE)?.length ?? 0), 0), 3);
time(() => inputs.reduce((s, r) => s + extractClaims(r.text, { published: r.published, lang: r.lang }).claims.length, 0), 1); // warm-up
const ours = time(() => inputs.reduce((s, r) => s + extractClaims(r.text, { published: r.published, lang: r.lang }).claims.length, 0), 3);

console.log(JSON.stringify({
  name: 'extract',
  texts: inputs.length,
  megabytes: +(chars / 1e6).toFixed(2),
  claims: ours.out,
  texts_per_second_per_core: Math.round(inputs.length / ours.seconds),
  chars_per_second_per_core: Math.round(chars / ours.seconds),
  baseline: {
    what: 'one regex scan for a number and the word after it, same texts',
    texts_per_second_per_core: Math.round(inputs.length / baseline.seconds),
    matches: baseline.out,
  },
  slowdown_vs_baseline: +(baseline.seconds ? ours.seconds / baseline.seconds : 0).toFixed(1),
  cores_available: availableParallelism(),
  note: 'single thread, best of 3 runs',
}, null, 2));
