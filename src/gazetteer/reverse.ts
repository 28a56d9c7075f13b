/**
 * Reverse geocoding on the COD-AB polygons (Iraq adm1–adm3, Syria adm1) and plausibility checks
 * of coordinates (impossible values, swapped latitude/longitude, outside the stated country).
 */
import { geoArea, geoContains } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { COUNTRIES } from '../model/vocabulary.ts';
import type { CountryCode } from '../model/vocabulary.ts';

/** One administrative area with its polygon (wound for d3-geo) and bounding box. */
export interface Boundary {
  country: CountryCode;
  level: 1 | 2 | 3;
  name: string;
  nameAr: string | null;
  pcode: string;
  feature: Feature<Polygon | MultiPolygon>;
  /** [minLon, minLat, maxLon, maxLat] */
  bbox: [number, number, number, number];
}

/** An administrative area a point lies in. */
export interface AdminArea {
  name: string;
  nameAr: string | null;
  pcode: string;
}

/** Where a point lies: country and administrative areas (Syria: governorate only). */
export interface ReverseResult {
  lat: number;
  lon: number;
  country: CountryCode | null;
  adm1: AdminArea | null;
  adm2: AdminArea | null;
  adm3: AdminArea | null;
}

/** A problem with a coordinate pair, with a reason a person can act on. */
export interface CoordinateProblem {
  code: 'not_a_number' | 'impossible' | 'null_island' | 'swapped' | 'outside_country' | 'outside_coverage';
  reason: string;
  /** A corrected pair when one is evident (swapped). */
  suggestion?: { lat: number; lon: number };
  /** The country the point actually lies in, when it is outside the stated one. */
  actualCountry?: CountryCode | null;
}

function ringsOf(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

/**
 * Makes a feature usable by d3-geo: d3 wants exterior rings clockwise, RFC 7946 files wind them
 * counter-clockwise, which d3 reads as "the whole globe minus the area". Such rings are reversed.
 */
export function rewind<T extends Feature<Polygon | MultiPolygon>>(f: T): T {
  if (geoArea(f) <= 2 * Math.PI) return f;
  const g = f.geometry;
  const rev = (poly: Position[][]): Position[][] => poly.map((ring) => [...ring].reverse());
  const geometry: Polygon | MultiPolygon = g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: rev(g.coordinates) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map(rev) };
  return { ...f, geometry };
}

/** Even–odd ray casting in the lon/lat plane (holes count as outside). */
export function planarContains(g: Polygon | MultiPolygon, x: number, y: number): boolean {
  let inside = false;
  for (const ring of ringsOf(g)) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Builds a boundary with its bounding box (feature rewound when needed). */
export function makeBoundary(b: Omit<Boundary, 'bbox' | 'feature'> & { feature: Feature<Polygon | MultiPolygon> }): Boundary {
  const feature = rewind(b.feature);
  let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
  for (const ring of ringsOf(feature.geometry)) {
    for (const [x, y] of ring) {
      if (x < minLon) minLon = x!;
      if (x > maxLon) maxLon = x!;
      if (y < minLat) minLat = y!;
      if (y > maxLat) maxLat = y!;
    }
  }
  return { ...b, feature, bbox: [minLon, minLat, maxLon, maxLat] };
}

/** Point-in-polygon lookups over boundaries, with a bounding-box prefilter. */
export class BoundaryIndex {
  readonly boundaries: Boundary[];
  private readonly memo = new Map<string, Boundary[]>();
  constructor(boundaries: Boundary[]) {
    this.boundaries = boundaries;
  }

  /**
   * The boundaries of `level` containing the point (usually one; none off the map). Memoised.
   * `precise` (default) confirms with d3 `geoContains` on the sphere; otherwise planar ray
   * casting alone decides (for bulk loading; differs only within metres of a border).
   */
  containing(lat: number, lon: number, level?: 1 | 2 | 3, country?: CountryCode, precise = true): Boundary[] {
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) return [];
    const key = `${lat},${lon},${level ?? ''},${country ?? ''},${precise}`;
    const hit = this.memo.get(key);
    if (hit) return hit;
    const out = this.scan(lat, lon, level, country, precise);
    if (this.memo.size > 100_000) this.memo.clear();
    this.memo.set(key, out);
    return out;
  }

  private scan(lat: number, lon: number, level: 1 | 2 | 3 | undefined, country: CountryCode | undefined, precise: boolean): Boundary[] {
    const inBox: Boundary[] = [];
    for (const b of this.boundaries) {
      if (level !== undefined && b.level !== level) continue;
      if (country !== undefined && b.country !== country) continue;
      const [x0, y0, x1, y1] = b.bbox;
      if (lon < x0 || lon > x1 || lat < y0 || lat > y1) continue;
      inBox.push(b);
    }
    if (inBox.length === 0) return [];
    // planar ray casting picks the likely polygon cheaply; d3 geoContains (spherical) decides
    const likely = inBox.filter((b) => planarContains(b.feature.geometry, lon, lat));
    if (!precise) return likely;
    const confirmed = likely.filter((b) => geoContains(b.feature, [lon, lat]));
    if (confirmed.length > 0 || likely.length === inBox.length) return confirmed;
    return inBox.filter((b) => !likely.includes(b) && geoContains(b.feature, [lon, lat]));
  }

  /** Country of a point by its adm1 polygons, or null outside Iraq and Syria. */
  countryAt(lat: number, lon: number, precise = true): CountryCode | null {
    return this.containing(lat, lon, 1, undefined, precise)[0]?.country ?? null;
  }

  /** Bounding box of a country's adm1 areas. */
  countryBox(country: CountryCode): [number, number, number, number] | null {
    let box: [number, number, number, number] | null = null;
    for (const b of this.boundaries) {
      if (b.level !== 1 || b.country !== country) continue;
      box = box
        ? [Math.min(box[0], b.bbox[0]), Math.min(box[1], b.bbox[1]), Math.max(box[2], b.bbox[2]), Math.max(box[3], b.bbox[3])]
        : [...b.bbox];
    }
    return box;
  }

  /** Country and administrative areas of a point (Iraq adm1–3, Syria adm1). Never throws. */
  reverse(lat: number, lon: number): ReverseResult {
    const res: ReverseResult = { lat, lon, country: null, adm1: null, adm2: null, adm3: null };
    const area = (b: Boundary | undefined): AdminArea | null => (b ? { name: b.name, nameAr: b.nameAr, pcode: b.pcode } : null);
    const a1 = this.containing(lat, lon, 1)[0];
    if (!a1) return res;
    res.country = a1.country;
    res.adm1 = area(a1);
    res.adm2 = area(this.containing(lat, lon, 2, a1.country)[0]);
    res.adm3 = area(this.containing(lat, lon, 3, a1.country)[0]);
    return res;
  }

  /**
   * Problems with a coordinate pair: not a number, impossible (|lat| > 90, |lon| > 180), 0/0,
   * latitude and longitude swapped (the swapped pair lies in the country), outside the stated
   * country (naming the country it is in), outside Iraq and Syria. Empty when plausible.
   */
  check(lat: number, lon: number, country?: CountryCode, precise = true): CoordinateProblem[] {
    if (typeof lat !== 'number' || typeof lon !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lon)) {
      return [{ code: 'not_a_number', reason: `latitude ${String(lat)} / longitude ${String(lon)} is not a pair of finite numbers` }];
    }
    const problems: CoordinateProblem[] = [];
    const swapFits = (): CountryCode | null => (Math.abs(lon) <= 90 ? this.countryAt(lon, lat, precise) : null);
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      const what = Math.abs(lat) > 90 ? `latitude ${lat} is beyond ±90` : `longitude ${lon} is beyond ±180`;
      problems.push({ code: 'impossible', reason: `${what} (a lost decimal point or a projected coordinate?)` });
      const s = swapFits();
      if (s && Math.abs(lon) <= 90) {
        problems.push({ code: 'swapped', reason: `swapped, the pair lies in ${COUNTRIES[s]}`, suggestion: { lat: lon, lon: lat }, actualCountry: s });
      }
      return problems;
    }
    if (lat === 0 && lon === 0) return [{ code: 'null_island', reason: '0, 0 is the placeholder of a missing coordinate' }];
    const at = this.countryAt(lat, lon, precise);
    if (at === null) {
      const s = swapFits();
      if (s && (country === undefined || s === country)) {
        problems.push({
          code: 'swapped',
          reason: `latitude and longitude look swapped: ${lat}, ${lon} is outside Iraq and Syria but ${lon}, ${lat} lies in ${COUNTRIES[s]}`,
          suggestion: { lat: lon, lon: lat },
          actualCountry: s,
        });
        return problems;
      }
      const where = country ? COUNTRIES[country] : 'Iraq and Syria';
      problems.push({ code: country ? 'outside_country' : 'outside_coverage', reason: `${lat}, ${lon} lies outside ${where}`, actualCountry: null });
      return problems;
    }
    if (country && at !== country) {
      const adm = this.reverse(lat, lon).adm1;
      problems.push({
        code: 'outside_country',
        reason: `stated country is ${COUNTRIES[country]} but ${lat}, ${lon} lies in ${COUNTRIES[at]}${adm ? ` (${adm.name})` : ''}`,
        actualCountry: at,
      });
    }
    return problems;
  }
}
