import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { jaro, jaroWinkler, levenshtein, tokenSetSimilarity, haversineKm } from './similarity.ts';
import { custom, dateGap, exact, numericDistance, stringSimilarity, tokenSet, toEpochDay } from './comparisons.ts';
import { actorCompatibility, casualtyRange, geoDistance, normalisePlaceName, placeName, precisionRadiusKm } from './harm-comparisons.ts';
import type { GeoPoint } from './harm-comparisons.ts';

const require = createRequire(import.meta.url);
const talismanJw = require('talisman/metrics/jaro-winkler') as (a: string, b: string) => number;

/**
 * Textbook Jaro, written plainly as an independent reference: t is half the number of matched
 * characters out of order (talisman floors it, which differs when that number is odd).
 */
function referenceJaro(a: string, b: string): number {
  if (a === b) return 1;
  const w = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const ma = new Array<boolean>(a.length).fill(false);
  const mb = new Array<boolean>(b.length).fill(false);
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - w); j <= Math.min(b.length - 1, i + w); j++) {
      if (!mb[j] && a[i] === b[j]) { ma[i] = true; mb[j] = true; m++; break; }
    }
  }
  if (m === 0) return 0;
  const sa = [...a].filter((_, i) => ma[i]);
  const sb = [...b].filter((_, j) => mb[j]);
  const t = sa.filter((c, i) => c !== sb[i]).length / 2;
  return (m / a.length + m / b.length + (m - t) / m) / 3;
}
const talismanLev = require('talisman/metrics/levenshtein') as (a: string, b: string) => number;

test('jaro and jaro-winkler match textbook values and talisman', () => {
  assert.ok(Math.abs(jaro('martha', 'marhta') - 0.9444) < 1e-4);
  assert.ok(Math.abs(jaroWinkler('martha', 'marhta') - 0.9611) < 1e-4);
  assert.equal(jaroWinkler('', ''), 1);
  assert.equal(jaroWinkler('abc', ''), 0);
  assert.ok(Math.abs(jaro('  rn  ', ' n r') - 0.7638888888888888) < 1e-12, 'odd count of out-of-order matches: t = 1.5, not floored');
  fc.assert(fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
    if (a.length === 0 || b.length === 0) return;
    assert.ok(Math.abs(jaro(a, b) - referenceJaro(a, b)) < 1e-9, `${a} / ${b}`);
  }), { numRuns: 500 });
  // Where the two conventions agree (an even count), the Winkler boost matches talisman too.
  for (const [a, b] of [['martha', 'marhta'], ['dwayne', 'duane'], ['dixon', 'dicksonx'], ['baghuz', 'baghouz']] as const) {
    assert.ok(Math.abs(jaroWinkler(a, b) - talismanJw(a, b)) < 1e-9, `${a} / ${b}`);
  }
});

test('levenshtein matches talisman, and the bounded form stops early', () => {
  assert.equal(levenshtein('kitten', 'sitting'), 3);
  fc.assert(fc.property(fc.string({ maxLength: 15 }), fc.string({ maxLength: 15 }), fc.integer({ min: 0, max: 4 }), (a, b, max) => {
    const d = talismanLev(a, b);
    assert.equal(levenshtein(a, b), d);
    assert.equal(levenshtein(a, b, max), d <= max ? d : max + 1);
  }), { numRuns: 500 });
});

test('token-set similarity and haversine', () => {
  assert.equal(tokenSetSimilarity('Old City, Mosul', 'mosul old city'), 1);
  assert.equal(tokenSetSimilarity('a b c d', 'a b x y', true), 2 / 6);
  assert.equal(tokenSetSimilarity('', 'a'), 0);
  assert.ok(Math.abs(haversineKm(36.34, 43.13, 36.34, 43.13 + 1) - 89.6) < 0.5);
});

test('exact, string, date, numeric and token comparisons give ordered levels and -1 for missing', () => {
  type R = { s: string | null; d: string | null; n: number | null };
  const e = exact<R>('s', (r) => r.s, { tf: true });
  assert.equal(e.compare({ s: 'a', d: null, n: null }, { s: 'a', d: null, n: null }), 0);
  assert.equal(e.compare({ s: 'a', d: null, n: null }, { s: 'b', d: null, n: null }), 1);
  assert.equal(e.compare({ s: null, d: null, n: null }, { s: 'b', d: null, n: null }), -1);
  assert.equal(e.tf?.value({ s: 'a', d: null, n: null }), 'a');
  const s = stringSimilarity<R>('s', (r) => r.s, [{ jaroWinkler: 0.92 }, { levenshtein: 2 }]);
  const r = (v: string | null, d: string | null = null, n: number | null = null): R => ({ s: v, d, n });
  assert.deepEqual(s.levels, ['exact', 'jaro-winkler ≥ 0.92', 'levenshtein ≤ 2', 'else']);
  assert.equal(s.compare(r('johnson'), r('johnson')), 0);
  assert.equal(s.compare(r('johnson'), r('jonhson')), 1);
  assert.equal(s.compare(r('abcdef'), r('xbcdey')), 2);
  assert.equal(s.compare(r('smith'), r('jones')), 3);
  const dg = dateGap<R>('d', (x) => x.d, [0, 3, 30]);
  assert.equal(dg.compare(r(null, '2017-03-17'), r(null, '2017-03-17')), 0);
  assert.equal(dg.compare(r(null, '2017-03-17'), r(null, '2017-03-19')), 1);
  assert.equal(dg.compare(r(null, '2017-03-17'), r(null, '2017-05-19')), 3);
  assert.equal(dg.compare(r(null, '2017-03-17'), r(null, null)), -1);
  assert.equal(toEpochDay('19700102'), 1);
  const nd = numericDistance<R>('n', (x) => x.n, [0, 5]);
  assert.deepEqual([nd.compare(r(null, null, 3), r(null, null, 3)), nd.compare(r(null, null, 3), r(null, null, 7)), nd.compare(r(null, null, 3), r(null, null, 30)), nd.compare(r(null, null, 3), r(null))], [0, 1, 2, -1]);
  const ts = tokenSet<R>('s', (x) => x.s, [1, 0.5]);
  assert.deepEqual([ts.compare(r('old city mosul'), r('Mosul old city')), ts.compare(r('west mosul'), r('mosul')), ts.compare(r('raqqa'), r('mosul'))], [0, 0, 2]);
  assert.throws(() => custom('x', ['only'], () => 0), RangeError);
});

test('geographic distance is scaled by the precision radii', () => {
  const g = geoDistance<GeoPoint | null>('place', (x) => x);
  const village = precisionRadiusKm('village');
  const gov = precisionRadiusKm('governorate');
  const at = (lat: number, lon: number, radiusKm: number): GeoPoint => ({ lat, lon, radiusKm });
  const dLon = 3 / 89.6; // about 3 km at 36°N
  assert.equal(g.compare(at(36, 43, village), at(36, 43 + dLon, village)), 0, 'villages 3 km apart: same place');
  assert.equal(g.compare(at(36, 43, precisionRadiusKm('exact')), at(36, 43 + dLon, precisionRadiusKm('exact'))), 3, 'exact points 3 km apart: far');
  assert.equal(g.compare(at(36, 43, gov), at(36, 43 + dLon, gov)), -1, 'governorate points: unknown');
  assert.equal(g.compare(at(36, 43, gov), at(33, 40, gov)), 3, 'governorate points whose areas cannot overlap: far');
  assert.equal(g.compare(at(36, 43, village), null), -1);
  assert.equal(g.compare(at(36, 43, village), at(36, 43 + 3 * dLon, village)), 1, 'villages 9 km apart: within 3× radii');
});

test('place names, casualty ranges and actors', () => {
  assert.equal(normalisePlaceName('Al-Mayadeen'), normalisePlaceName('Mayadin'));
  assert.equal(normalisePlaceName('Deir ez-Zour'), normalisePlaceName('Deir ez Zor'));
  const p = placeName<string>('place', (x) => normalisePlaceName(x));
  assert.equal(p.compare('al-Bab', 'Al Bab'), 0);
  assert.equal(p.compare('Raqqah', 'Raqa'), 0);
  assert.equal(p.compare('Hajin', 'Hajeen'), 0);
  assert.equal(p.compare('Mosul', 'Tikrit'), 2);
  const c = casualtyRange<{ min: number | null; max: number | null }>('killed', (x) => x);
  assert.equal(c.compare({ min: 3, max: 5 }, { min: 3, max: 5 }), 0);
  assert.equal(c.compare({ min: 3, max: null }, { min: 10, max: 12 }), 1, 'at least 3 overlaps 10–12');
  assert.equal(c.compare({ min: 3, max: 5 }, { min: 7, max: 9 }), 2);
  assert.equal(c.compare({ min: 3, max: 5 }, { min: 40, max: 50 }), 3);
  assert.equal(c.compare({ min: null, max: null }, { min: 4, max: 4 }), -1);
  const a = actorCompatibility<string[]>('actor', (x) => x, { groups: { US: 'coalition', UK: 'coalition', France: 'coalition' } });
  assert.equal(a.compare(['US'], ['us', 'Russia']), 0);
  assert.equal(a.compare(['US'], ['UK']), 1);
  assert.equal(a.compare(['US'], ['Russia']), 2);
  assert.equal(a.compare(['unknown'], ['Russia']), -1);
});
