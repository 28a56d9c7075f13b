import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Gazetteer, vendoredGazetteer } from './gazetteer.ts';
import { checkCoordinate, geocode, reverseGeocode } from './geocode.ts';
import { normaliseArabic, normaliseLatin, normaliseName, skeleton } from './normalise.ts';
import { parsePlace } from './qualifiers.ts';

const ARABIC = 'ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآٱةىؤئ ًٌٍَُِّْـ';
const CONTROL = ['\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200B', '\u200C', '\u200D', '\uFEFF', '\u061C', '\u00AD'];
const PHRASE = ['near ', 'in ', 'the village of ', 'قرية ', 'بلدة ', 'مدينة ', 'ريف ', 'حي ', 'مخيم ', ', Syria', ' countryside', '(', ')', ':', ',', 'al-', 'east of the country'];

const mixed = fc.array(
  fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.string({ unit: 'grapheme', maxLength: 4 }),
    fc.constantFrom(...ARABIC.split('')),
    fc.constantFrom(...CONTROL),
    fc.constantFrom(...PHRASE),
    fc.string({ unit: 'binary', maxLength: 3 }),
  ),
  { maxLength: 12 },
).map((parts) => parts.join(''));

const small = new Gazetteer(vendoredGazetteer().boundaries).add(vendoredGazetteer().places);

test('normalise, skeleton and parsePlace never throw; the Arabic key is idempotent', () => {
  fc.assert(fc.property(mixed, (s) => {
    const a = normaliseArabic(s);
    const l = normaliseLatin(s);
    assert.equal(typeof normaliseName(s), 'string');
    assert.equal(typeof skeleton(s), 'string');
    assert.equal(normaliseArabic(a), a);
    assert.equal(typeof l, 'string');
    assert.equal(/[^a-z0-9 ]/.test(l), false);
    const p = parsePlace(s);
    assert.equal(typeof p.core, 'string');
  }), { numRuns: 600 });
});

test('invisible characters do not change any key', () => {
  fc.assert(fc.property(fc.string({ maxLength: 10 }), fc.constantFrom(...CONTROL), fc.nat(10), (s, c, at) => {
    const i = Math.min(at, s.length);
    const t = s.slice(0, i) + c + s.slice(i);
    assert.equal(normaliseArabic(t), normaliseArabic(s));
    assert.equal(skeleton(t), skeleton(s));
  }), { numRuns: 300 });
});

test('geocode never throws on random, Arabic, bidi-control and zero-width input', () => {
  fc.assert(fc.property(mixed, fc.constantFrom(undefined, 'IQ' as const, 'SY' as const), (s, country) => {
    const cs = geocode(s, { gazetteer: small, country, limit: 3 });
    assert.ok(Array.isArray(cs));
    for (const c of cs) {
      assert.ok(Number.isFinite(c.lat) && Number.isFinite(c.lon));
      assert.ok(c.score >= 0 && c.score <= 1);
      if (country) assert.equal(c.country, country);
    }
  }), { numRuns: 300 });
});

test('reverseGeocode and checkCoordinate never throw on any double', () => {
  fc.assert(fc.property(fc.double(), fc.double(), (lat, lon) => {
    reverseGeocode(lat, lon, small);
    assert.ok(Array.isArray(checkCoordinate(lat, lon, 'SY', small)));
  }), { numRuns: 300 });
});
