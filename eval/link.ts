/**
 * `npm run eval -- link [--json]`: clusters the Airwars Syria source texts
 * (../shared/data/airwars-syria/source_texts.jsonl, read at run time, never copied) into incidents
 * through their extracted claims, publication dates and geocoded places (`link cluster`'s pipeline),
 * and compares the clusters with the recorded source-to-incident links (`incident_codes`).
 *
 * Texts linked to several incidents (about 4%): pairwise, two texts truly match when they share
 * **any** incident code (no transitivity); B-cubed needs a partition, so the true clusters are the
 * connected components of texts over shared codes. Figures are also given on the texts with
 * exactly one incident code. Baseline in the same run: every text alone (precision 1, recall 0)
 * and "same day and same place name". The linker uses p ≥ 0.9 to link (as `link run`); a looser
 * p ≥ 0.5 line shows the trade-off. Data: Airwars, airwars.org.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { bcubed, pairwiseClusterMetrics, UnionFind } from '../src/linkage/engine/index.ts';
import type { Prf } from '../src/linkage/engine/index.ts';
import { readLine } from '../src/extract/jsonl.ts';
import { clusterRecords, gazetteerGeocoder, textRecord } from '../src/linkage/textClusterer.ts';
import type { HarmRecord } from '../src/linkage/harmConfig.ts';
import { SHARED_DATA_ABSENT, sharedDataPath } from '../src/shared-data.ts';

const round = (x: number): number => Math.round(x * 10_000) / 10_000;
const prf = (x: Prf): Prf => ({ precision: round(x.precision), recall: round(x.recall), f1: round(x.f1) });

/** Pairwise P/R/F1 where truth is "shares any code" (not transitive). */
function pairwiseAnyShared(pred: ArrayLike<number>, codes: readonly string[][]): Prf & { predictedPairs: number; truePairs: number } {
  let tp = 0, predicted = 0, truth = 0;
  const n = codes.length;
  const sets = codes.map((c) => new Set(c));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const same = pred[i] === pred[j];
      let t = false;
      for (const c of codes[j]) if (sets[i].has(c)) { t = true; break; }
      if (same) predicted++;
      if (t) truth++;
      if (same && t) tp++;
    }
  }
  const p = predicted ? tp / predicted : 1;
  const r = truth ? tp / truth : 1;
  return { precision: p, recall: r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0, predictedPairs: predicted, truePairs: truth };
}

/** Connected components of texts over shared codes. */
function components(codes: readonly string[][]): number[] {
  const uf = new UnionFind(codes.length);
  const first = new Map<string, number>();
  codes.forEach((cs, i) => cs.forEach((c) => { const f = first.get(c); if (f == null) first.set(c, i); else uf.union(f, i); }));
  return Array.from(uf.clusterIds());
}

function score(name: string, pred: ArrayLike<number>, codes: string[][]) {
  const truth = components(codes);
  const single = codes.map((c, i) => (c.length === 1 ? i : -1)).filter((i) => i >= 0);
  const sp = single.map((i) => pred[i]);
  const st = single.map((i) => codes[i][0]);
  const any = pairwiseAnyShared(pred, codes);
  return {
    name, clusters: new Set(Array.from(pred)).size,
    pairwise: { ...prf(any), predictedPairs: any.predictedPairs, truePairs: any.truePairs },
    bcubed: prf(bcubed(pred, truth)),
    singleIncidentTexts: { texts: single.length, pairwise: prf(pairwiseClusterMetrics(sp, st)), bcubed: prf(bcubed(sp, st)) },
  };
}

const file = sharedDataPath('airwars-syria', 'source_texts.jsonl');
if (!file) {
  console.log(`eval link: ${SHARED_DATA_ABSENT}`);
} else {
  const t0 = performance.now();
  const geocode = await gazetteerGeocoder('SY');
  const records: HarmRecord[] = [];
  const codes: string[][] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = readLine(line);
    const raw = JSON.parse(line) as { incident_codes?: string[] };
    if (typeof r === 'string' || !raw.incident_codes?.length) continue;
    records.push(textRecord(r, geocode));
    codes.push(raw.incident_codes);
  }
  const extractMs = performance.now() - t0;
  const em = clusterRecords(records, { usePriors: false });
  const prior = clusterRecords(records, { usePriors: true });
  const loose = clusterRecords(records, { usePriors: true, thresholds: { linkProbability: 0.5, reviewProbability: 0.2 } });
  // Baseline: same day and same normalised place name.
  const key = new Map<string, number>();
  const baseline = records.map((r, i) => (r.day != null && r.place ? (key.get(`${r.day}|${r.place}`) ?? key.set(`${r.day}|${r.place}`, i).get(`${r.day}|${r.place}`)!) : i));
  const result = {
    eval: 'link', texts: records.length, incidents: new Set(codes.flat()).size, multiIncidentTexts: codes.filter((c) => c.length > 1).length,
    geocoder: geocode ? 'gazetteer' : 'none (place names only)',
    coverage: { dated: records.filter((r) => r.day != null).length, located: records.filter((r) => r.point).length, named: records.filter((r) => r.place).length, killed: records.filter((r) => r.killed).length },
    extractAndGeocodeMs: Math.round(extractMs),
    linker: { ...score('linker (EM parameters)', em.clusters, codes), candidatePairs: em.pairs, links: em.links },
    linkerPriors: { ...score('linker (prior parameters)', prior.clusters, codes), candidatePairs: prior.pairs, links: prior.links },
    linkerPriorsLoose: { ...score('linker (priors, link p ≥ 0.5)', loose.clusters, codes), candidatePairs: loose.pairs, links: loose.links },
    baselineSameDayAndName: score('same day + same place name', baseline, codes),
    baselineSingletons: score('every text alone', records.map((_, i) => i), codes),
  };
  if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
  else {
    console.log(`eval link: ${result.texts} Airwars texts, ${result.incidents} incidents (${result.multiIncidentTexts} texts linked to several); geocoder: ${result.geocoder}`);
    console.log(`coverage: dated ${result.coverage.dated}, located ${result.coverage.located}, place named ${result.coverage.named}, killed figure ${result.coverage.killed}`);
    for (const s of [result.linker, result.linkerPriors, result.linkerPriorsLoose, result.baselineSameDayAndName, result.baselineSingletons]) {
      console.log(`${s.name.padEnd(30)} clusters ${String(s.clusters).padStart(5)} | pairwise P ${s.pairwise.precision} R ${s.pairwise.recall} F1 ${s.pairwise.f1} | B-cubed P ${s.bcubed.precision} R ${s.bcubed.recall} F1 ${s.bcubed.f1} | single-incident texts pairwise F1 ${s.singleIncidentTexts.pairwise.f1}, B-cubed F1 ${s.singleIncidentTexts.bcubed.f1}`);
    }
  }
}
