/**
 * `npm run eval -- geocode [--country] [--json]`: leave-one-out geocoding of the Airwars Syria place names
 * (../shared/data/airwars-syria/place_names.csv, read at run time, never copied).
 *
 * Gazetteer = vendored COD-AB + GeoNames + every place_names row except the one under test. For
 * each row with a usable coordinate, its English and its Arabic name are geocoded; a name counts
 * as a hit when the top candidate lies within max(precision radius, 5 km) of the row's point.
 * Accuracy is over the names whose place exists in the gazetteer in another form (another entry
 * within that distance); coverage is that share of all names. Data: Airwars, airwars.org.
 */
import { sharedDataPath, SHARED_DATA_ABSENT } from '../src/shared-data.ts';
import { keysOf, loadGazetteer } from '../src/gazetteer/gazetteer.ts';
import { keySimilarity, stripInvisible } from '../src/gazetteer/normalise.ts';
import { geocode } from '../src/gazetteer/geocode.ts';
import { distanceM, radiusOf } from '../src/gazetteer/types.ts';
import type { PlaceRecord } from '../src/gazetteer/types.ts';

const TARGET = 0.85;
const csv = sharedDataPath('airwars-syria', 'place_names.csv');
if (!csv) {
  console.log(`eval geocode: ${SHARED_DATA_ABSENT}`);
} else {
  const useContext = process.argv.includes('--context');
  const useCountry = useContext || process.argv.includes('--country');
  const started = performance.now();
  const { gazetteer, report } = loadGazetteer({ placeLists: [csv] });
  const loadMs = performance.now() - started;
  const listPlaces = gazetteer.places.filter((p) => p.id.startsWith('list:'));

  // spatial grid for "another entry within distance"
  const cell = (lat: number, lon: number): string => `${Math.floor(lat * 10)},${Math.floor(lon * 10)}`;
  const grid = new Map<string, PlaceRecord[]>();
  for (const p of gazetteer.places) {
    const k = cell(p.lat, p.lon);
    const a = grid.get(k);
    if (a) a.push(p); else grid.set(k, [p]);
  }
  const near = (p: PlaceRecord, tol: number): PlaceRecord[] => {
    const d = Math.ceil(tol / 11_000);
    const [cy, cx] = [Math.floor(p.lat * 10), Math.floor(p.lon * 10)];
    const out: PlaceRecord[] = [];
    for (let y = cy - d; y <= cy + d; y++) {
      for (let x = cx - d; x <= cx + d; x++) {
        for (const o of grid.get(`${y},${x}`) ?? []) {
          if (o.id !== p.id && o.featureType !== 'country' && distanceM(p.lat, p.lon, o.lat, o.lon) <= tol) out.push(o);
        }
      }
    }
    return out;
  };
  /** Another entry nearby carries a related name (same skeleton, or same-script keys ≥ 0.75 similar). */
  const keyCache = new Map<string, ReturnType<typeof keysOf>>();
  const keys = (t: string): ReturnType<typeof keysOf> => {
    let k = keyCache.get(t);
    if (!k) { k = keysOf(t); keyCache.set(t, k); }
    return k;
  };
  const namedNearby = (name: string, others: PlaceRecord[]): boolean => {
    const q = keys(name);
    return others.some((o) => o.names.some((n) => {
      const k = keys(n.text);
      if (k.skel.length >= 3 && k.skel === q.skel) return true;
      return k.script === q.script && k.key.length > 0 && keySimilarity(k.key, q.key) >= 0.75;
    }));
  };

  interface Tally { names: number; evaluable: number; hits: number; answered: number; named: number; namedHits: number; linked: number; linkedHits: number }
  const tally = (): Tally => ({ names: 0, evaluable: 0, hits: 0, answered: 0, named: 0, namedHits: 0, linked: 0, linkedHits: 0 });
  /** Normaliser-free link: another nearby entry shares one of this row's spellings verbatim (case-folded). */
  const raw = (t: string): string => stripInvisible(t).trim().toLowerCase();
  const linkedNearby = (p: PlaceRecord, others: PlaceRecord[]): boolean => {
    const mine = new Set(p.names.map((n) => raw(n.text)));
    return others.some((o) => o.names.some((n) => mine.has(raw(n.text))));
  };
  const byScript: Record<'en' | 'ar', Tally> = { en: tally(), ar: tally() };
  const misses: { named: boolean; name: string; script: string; expected: string; got: string; km: number }[] = [];
  let geocodeMs = 0;
  let queries = 0;
  for (const p of listPlaces) {
    const tol = Math.max(radiusOf(p.precision), 5_000);
    const others = near(p, tol);
    const evaluable = others.length > 0;
    const linked = linkedNearby(p, others);
    const exclude = new Set([p.id]);
    const names: ['en' | 'ar', string | null][] = [['en', p.names.find((n) => n.lang === 'en')?.text ?? null], ['ar', p.nameAr]];
    for (const [script, name] of names) {
      if (!name) continue;
      const t = byScript[script];
      t.names++;
      if (!evaluable) continue;
      t.evaluable++;
      queries++;
      const g0 = performance.now();
      const top = geocode(name, { gazetteer, exclude, limit: 1, country: useCountry ? p.country : undefined, context: useContext ? p.admin.slice(0, 1) : undefined })[0];
      geocodeMs += performance.now() - g0;
      if (top) t.answered++;
      const km = top ? distanceM(p.lat, p.lon, top.lat, top.lon) / 1000 : Infinity;
      const named = namedNearby(name, others);
      if (named) t.named++;
      if (linked) t.linked++;
      if (top && km * 1000 <= tol) { t.hits++; if (named) t.namedHits++; if (linked) t.linkedHits++; }
      else {misses.push({ named,
        name, script, expected: `${p.lat.toFixed(4)},${p.lon.toFixed(4)} (${p.precision})`,
        got: top ? `${top.name} ${top.lat.toFixed(4)},${top.lon.toFixed(4)} score ${top.score}` : '(none)', km,
      });}
    }
  }
  const all = tally();
  for (const t of Object.values(byScript)) for (const k of Object.keys(all) as (keyof Tally)[]) all[k] += t[k];
  const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');
  const rowsBad = report.errors.filter((e) => e.file === csv).length;
  console.log('eval geocode: leave-one-out on airwars-syria/place_names.csv (Data: Airwars, airwars.org)');
  console.log(`gazetteer: ${report.places} places, ${report.names} spellings, loaded in ${loadMs.toFixed(0)} ms; ${listPlaces.length} list rows used, ${rowsBad} rows without a usable coordinate/precision`);
  console.log(`mode: ${useContext ? 'name + row governorate + country' : useCountry ? 'name + country' : 'name only'} (flags --country, --context); ${queries} geocodes in ${geocodeMs.toFixed(0)} ms`);
  console.log('');
  console.log('evaluable = another entry within max(radius, 5 km) (the brief\'s literal test)');
  console.log('named     = … that has a related name (same skeleton, or same-script keys ≥ 0.75 similar) — "the place exists in another form"');
  console.log('linked    = … that shares one of the row\'s spellings verbatim in either script (uses no normaliser of ours)');
  console.log('script  names  evaluable  coverage  answered  hits   accuracy |  named  coverage  hits   accuracy | linked  coverage  hits   accuracy');
  for (const [k, t] of [['en', byScript.en], ['ar', byScript.ar], ['all', all]] as const) {
    console.log(`${k.padEnd(6)}  ${String(t.names).padStart(5)}  ${String(t.evaluable).padStart(9)}  ${pct(t.evaluable, t.names).padStart(8)}  ${pct(t.answered, t.evaluable).padStart(8)}  ${String(t.hits).padStart(5)}  ${pct(t.hits, t.evaluable).padStart(8)} | ${String(t.named).padStart(6)}  ${pct(t.named, t.names).padStart(8)}  ${String(t.namedHits).padStart(5)}  ${pct(t.namedHits, t.named).padStart(8)} | ${String(t.linked).padStart(6)}  ${pct(t.linked, t.names).padStart(8)}  ${String(t.linkedHits).padStart(5)}  ${pct(t.linkedHits, t.linked).padStart(8)}`);
  }
  const verdict = (h: number, n: number): string => `${pct(h, n)} ${n && h / n >= TARGET ? 'PASS' : 'FAIL'}`;
  console.log(`\ntarget ≥ ${TARGET * 100}%: named ${verdict(all.namedHits, all.named)}; linked ${verdict(all.linkedHits, all.linked)}; literal (any entry nearby) ${verdict(all.hits, all.evaluable)}`);
  const namedMisses = misses.filter((x) => x.named).sort((a, b) => b.km - a.km);
  const wrong = namedMisses.filter((m) => Number.isFinite(m.km));
  const none = namedMisses.filter((m) => !Number.isFinite(m.km));
  console.log(`\nmisses among the "named" names: ${wrong.length} wrong place, ${none.length} no candidate (e.g. ${none.slice(0, 5).map((m) => m.name).join('; ')})`);
  console.log('15 worst misses (wrong place, by distance):');
  for (const m of wrong.slice(0, 15)) {
    console.log(`  [${m.script}] ${m.name} — expected ${m.expected}, got ${m.got}, ${m.km.toFixed(1)} km`);
  }
  if (process.argv.includes('--misses')) for (const m of misses) if (m.named) console.log(`  MISS [${m.script}] ${m.name} | ${m.expected} | ${m.got} | ${m.km.toFixed(1)}`);
}
