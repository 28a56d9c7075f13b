/**
 * `npm run bench -- geocode`: gazetteer load time and geocode look-ups per second (target
 * ≥ 20,000/s, load < 2 s), with a baseline measured in the same run: a plain Map lookup of the
 * exact query strings. Queries: every vendored spelling, misspelt copies, qualified phrases,
 * and (when ../shared/data is present) the Airwars place names against a gazetteer that includes them.
 */
import { loadGazetteer } from '../src/gazetteer/gazetteer.ts';
import type { Gazetteer } from '../src/gazetteer/gazetteer.ts';
import { geocode } from '../src/gazetteer/geocode.ts';
import { sharedDataPath } from '../src/shared-data.ts';

function misspell(s: string, i: number): string {
  if (s.length < 4) return s;
  const at = 1 + (i % (s.length - 2));
  return i % 2 === 0 ? s.slice(0, at) + s.slice(at + 1) : s.slice(0, at) + s[at + 1] + s[at] + s.slice(at + 2);
}

function queriesOf(g: Gazetteer, max: number): string[] {
  const names = g.places.flatMap((p) => p.names.map((n) => n.text));
  const out: string[] = [];
  const prefixes = ['', '', '', 'near ', 'the village of ', 'قرية ', 'ريف '];
  for (let i = 0; out.length < max && i < names.length * 3; i++) {
    const n = names[(i * 7919) % names.length];
    const v = i % 3 === 1 ? misspell(n, i) : n;
    out.push(prefixes[i % prefixes.length] + v);
  }
  return out;
}

function run(g: Gazetteer, queries: string[], minMs = 1500): { perSecond: number; perCpuSecond: number; ms: number; n: number; answered: number } {
  let n = 0;
  let answered = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let ms = 0;
  while (ms < minMs) {
    for (const q of queries) {
      if (geocode(q, { gazetteer: g, limit: 5 }).length > 0) answered++;
      n++;
    }
    ms = performance.now() - t0;
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { perSecond: Math.round((n / ms) * 1000), perCpuSecond: Math.round((n / cpuMs) * 1000), ms: Math.round(ms), n, answered: answered / n };
}

function baseline(queries: string[], map: Map<string, unknown>, minMs = 500): number {
  let n = 0;
  let hits = 0;
  const t0 = performance.now();
  let ms = 0;
  while (ms < minMs) {
    for (const q of queries) { if (map.get(q) !== undefined) hits++; n++; }
    ms = performance.now() - t0;
  }
  if (hits < 0) console.log(hits);
  return Math.round((n / ms) * 1000);
}

const cpuLoad0 = process.cpuUsage();
const t0 = performance.now();
const { gazetteer, report } = loadGazetteer();
const loadMs = performance.now() - t0;
const loadCpu = process.cpuUsage(cpuLoad0);
const queries = queriesOf(gazetteer, 3000);
const exactMap = new Map<string, unknown>();
for (const p of gazetteer.places) for (const n of p.names) exactMap.set(n.text, p);
// warm-up (JIT, admin memo) outside the measurement
for (const q of queries) geocode(q, { gazetteer, limit: 5 });
const vendored = run(gazetteer, queries);

const result: Record<string, unknown> = {
  bench: 'geocode',
  note: 'wall-clock figures depend on machine load; lookupsPerCpuSecond counts this process\'s CPU time only',
  target: { lookupsPerSecond: 20_000, loadMs: 2_000 },
  vendored: {
    loadMs: Math.round(loadMs), loadCpuMs: Math.round((loadCpu.user + loadCpu.system) / 1000), places: report.places, spellings: report.names,
    queries: queries.length, lookupsPerSecond: vendored.perSecond, lookupsPerCpuSecond: vendored.perCpuSecond, answeredShare: Math.round(vendored.answered * 1000) / 1000,
  },
  baseline: { what: 'Map.get of the exact query string over all spellings', lookupsPerSecond: baseline(queries, exactMap) },
};

const csv = sharedDataPath('airwars-syria', 'place_names.csv');
if (csv) {
  const cpu1 = process.cpuUsage();
  const t1 = performance.now();
  const withList = loadGazetteer({ placeLists: [csv] });
  const listLoadMs = performance.now() - t1;
  const listCpu = process.cpuUsage(cpu1);
  const listQueries = withList.gazetteer.places
    .filter((p) => p.id.startsWith('list:'))
    .flatMap((p) => [p.names[0].text, ...(p.nameAr ? [p.nameAr] : [])]);
  for (const q of listQueries) geocode(q, { gazetteer: withList.gazetteer, limit: 5 });
  const r = run(withList.gazetteer, listQueries);
  result.withPlaceNames = {
    loadMs: Math.round(listLoadMs), loadCpuMs: Math.round((listCpu.user + listCpu.system) / 1000), places: withList.report.places, spellings: withList.report.names,
    queries: listQueries.length, lookupsPerSecond: r.perSecond, lookupsPerCpuSecond: r.perCpuSecond, answeredShare: Math.round(r.answered * 1000) / 1000,
  };
} else {
  result.withPlaceNames = 'skipped: ../shared/data absent';
}
console.log(JSON.stringify(result, null, 2));
