/**
 * Loaders of the reference data into place records: the vendored COD-AB boundaries (Iraq adm1–3,
 * Syria adm1), the vendored GeoNames extract, and place-list CSVs (our `name_en, name_ar, lat,
 * lon, precision` shape or the Airwars `place_names.csv` shape). Bad rows become per-row errors.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import { geoCentroid } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { PLACE_PRECISIONS } from '../model/vocabulary.ts';
import type { CountryCode, PlacePrecision } from '../model/vocabulary.ts';
import { vendorPath } from '../shared-data.ts';
import { detectScript, stripInvisible } from './normalise.ts';
import { parsePlace } from './qualifiers.ts';
import { makeBoundary } from './reverse.ts';
import type { Boundary , BoundaryIndex} from './reverse.ts';
import type { FeatureType, PlaceName, PlaceRecord, RowResult } from './types.ts';

/** Vendored file names under vendor/gazetteer/. */
export const VENDOR_FILES = {
  iraq: ['iraq-cod-ab-adm1.geojson', 'iraq-cod-ab-adm2.geojson', 'iraq-cod-ab-adm3.geojson'],
  syria: ['syria-cod-ab-adm1.geojson'],
  geonames: 'geonames-cities500-iq-sy.tsv',
} as const;

type Props = Record<string, string | number | null | undefined>;

/** A spelling with its detected script. */
export function placeName(text: string, lang: string, source: string): PlaceName {
  return { text, script: detectScript(text), lang, source };
}

const LEVEL_TYPE: Record<1 | 2 | 3, FeatureType> = { 1: 'governorate', 2: 'district', 3: 'subdistrict' };

/** COD-AB places (one per polygon, centroid by d3-geo) and the boundaries for reverse geocoding. */
export interface CodAbData {
  places: PlaceRecord[];
  boundaries: Boundary[];
}

/**
 * Reads the vendored COD-AB files: adm1 → governorate, adm2 → district, adm3 → subdistrict
 * precision, plus one country place per country (centroid of its adm1 areas).
 */
export function loadCodAb(dir: string = vendorPath('gazetteer')): CodAbData {
  const places: PlaceRecord[] = [];
  const boundaries: Boundary[] = [];
  const read = (file: string): FeatureCollection<Polygon | MultiPolygon, Props> =>
    JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as FeatureCollection<Polygon | MultiPolygon, Props>;
  const files: [CountryCode, 1 | 2 | 3, string][] = [
    ['IQ', 1, VENDOR_FILES.iraq[0]], ['IQ', 2, VENDOR_FILES.iraq[1]], ['IQ', 3, VENDOR_FILES.iraq[2]],
    ['SY', 1, VENDOR_FILES.syria[0]],
  ];
  const adm1ByCountry: Record<CountryCode, Feature<Polygon | MultiPolygon>[]> = { IQ: [], SY: [] };
  for (const [country, level, file] of files) {
    for (const raw of read(file).features) {
      const p = raw.properties ?? {};
      const str = (k: string): string | null => (typeof p[k] === 'string' && String(p[k]).trim() ? stripInvisible(String(p[k])).trim() : null);
      const name = str(`ADM${level}_EN`);
      const pcode = str(`ADM${level}_PCODE`);
      if (!name || !pcode) continue;
      const nameAr = str(`ADM${level}_AR`);
      const b = makeBoundary({ country, level, name, nameAr, pcode, feature: raw });
      boundaries.push(b);
      if (level === 1) adm1ByCountry[country].push(b.feature);
      const [lon, lat] = geoCentroid(b.feature);
      const names: PlaceName[] = [placeName(name, 'en', 'cod-ab')];
      if (nameAr) names.push(placeName(nameAr, 'ar', 'cod-ab'));
      for (const k of [`ADM${level}ALT1EN`, `ADM${level}ALT2EN`]) { const v = str(k); if (v) names.push(placeName(v, 'en', 'cod-ab')); }
      for (const k of [`ADM${level}ALT1AR`, `ADM${level}ALT2AR`]) { const v = str(k); if (v) names.push(placeName(v, 'ar', 'cod-ab')); }
      const admin = [str('ADM1_EN'), level >= 2 ? str('ADM2_EN') : null, level >= 3 ? str('ADM3_EN') : null].filter((x): x is string => x !== null);
      places.push({
        id: `cod:${pcode}`, name, nameAr, names, featureType: LEVEL_TYPE[level], country, admin, pcode,
        lat, lon, precision: LEVEL_TYPE[level] as PlacePrecision, population: null, source: 'cod-ab', geometry: raw.geometry,
      });
    }
  }
  const countryNames: Record<CountryCode, [string, string[], string[]]> = {
    IQ: ['Iraq', ['Iraq', 'Republic of Iraq'], ['العراق', 'جمهورية العراق']],
    SY: ['Syria', ['Syria', 'Syrian Arab Republic'], ['سوريا', 'سورية', 'الجمهورية العربية السورية']],
  };
  for (const country of ['IQ', 'SY'] as const) {
    const feats = adm1ByCountry[country];
    if (!feats.length) continue;
    const [lon, lat] = geoCentroid({ type: 'FeatureCollection', features: feats });
    const [name, en, ar] = countryNames[country];
    places.push({
      id: `country:${country}`, name, nameAr: ar[0],
      names: [...en.map((t) => placeName(t, 'en', 'cod-ab')), ...ar.map((t) => placeName(t, 'ar', 'cod-ab'))],
      featureType: 'country', country, admin: [], pcode: country, lat, lon, precision: 'country', population: null, source: 'cod-ab',
    });
  }
  return { places, boundaries };
}

/** GeoNames feature code and population → feature type (PPLC/PPLA city; ≥100k city, ≥10k town, else village). */
export function geonamesFeatureType(code: string, population: number | null): FeatureType {
  if (code === 'PPLC' || code === 'PPLA') return 'city';
  if (code === 'PPLX') return 'neighbourhood';
  const pop = population ?? 0;
  if (pop >= 100_000) return 'city';
  if (pop >= 10_000) return 'town';
  return 'village';
}

/**
 * Reads the vendored GeoNames extract (tab-separated, header line). Keeps Latin- and
 * Arabic-script alternate names. Admin names come from the COD-AB polygons when `boundaries` is given.
 */
export function loadGeoNames(path: string = vendorPath('gazetteer', VENDOR_FILES.geonames), boundaries?: BoundaryIndex): RowResult[] {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  const out: RowResult[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim()) continue;
    const c = line.split('\t');
    const row = i + 1;
    const [id, name, ascii, alternates, latS, lonS, , code, cc, , , , , , popS] = c;
    const lat = Number(latS);
    const lon = Number(lonS);
    if (!id || !name) { out.push({ row, ok: false, field: 'name', reason: 'missing name' }); continue; }
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      out.push({ row, ok: false, field: 'latitude', reason: `impossible coordinate ${latS}, ${lonS}` });
      continue;
    }
    if (cc !== 'IQ' && cc !== 'SY') { out.push({ row, ok: false, field: 'country_code', reason: `country ${cc} is not IQ or SY` }); continue; }
    const pop = Number(popS);
    const population = Number.isFinite(pop) && pop > 0 ? pop : null;
    const names: PlaceName[] = [placeName(name, 'en', 'geonames')];
    const seen = new Set([name]);
    for (const alt of [ascii ?? '', ...(alternates ?? '').split(',')]) {
      const t = alt.trim();
      if (!t || seen.has(t) || /\d/.test(t) || t.length > 60) continue;
      const script = detectScript(t);
      if (script === 'other') continue;
      if (script === 'latin' && /[^\p{Script=Latin}\s'’`\-.()ʿʾ]/u.test(t)) continue;
      seen.add(t);
      names.push(placeName(t, script === 'arabic' ? 'ar' : 'und', 'geonames'));
    }
    const nameAr = names.find((n) => n.script === 'arabic')?.text ?? null;
    const featureType = geonamesFeatureType(code ?? '', population);
    const rev = boundaries?.reverse(lat, lon);
    const admin = rev ? [rev.adm1?.name, rev.adm2?.name, rev.adm3?.name].filter((x): x is string => !!x) : [];
    out.push({
      row, ok: true,
      place: {
        id: `gn:${id}`, name, nameAr, names, featureType, country: cc, admin, pcode: rev?.adm3?.pcode ?? rev?.adm2?.pcode ?? rev?.adm1?.pcode ?? null,
        lat, lon, precision: featureType as PlacePrecision, population, source: 'geonames',
      },
    });
  }
  return out;
}

/** Airwars `geoloc_precision` (and our own words) → harmwatch place precision. */
export const PRECISION_ALIASES: Record<string, PlacePrecision> = {
  exact_location: 'exact', exact_location_other: 'exact', exact_location_coalition: 'exact', within_1m: 'exact', exact: 'exact',
  within_100m: 'within_100m', nearby_landmark: 'street', street: 'street',
  neighbourhood_area: 'neighbourhood', neighbourhood: 'neighbourhood', neighborhood: 'neighbourhood',
  village: 'village', town: 'town', city: 'city', subdistrict: 'subdistrict', sub_district: 'subdistrict', district: 'district',
  province_governorate: 'governorate', governorate: 'governorate', province: 'governorate', country: 'country',
};

/** Maps a precision word to PLACE_PRECISIONS, or null when unknown. */
export function mapPrecision(value: string): PlacePrecision | null {
  const v = value.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if ((PLACE_PRECISIONS as string[]).includes(v)) return v as PlacePrecision;
  return PRECISION_ALIASES[v] ?? null;
}

function featureTypeOf(p: PlacePrecision): FeatureType {
  switch (p) {
    case 'exact': case 'within_100m': case 'street': return 'site';
    case 'neighbourhood': return 'neighbourhood';
    case 'village': case 'town': case 'city': case 'subdistrict': case 'district': case 'governorate': case 'country': return p;
  }
}

/** Options of a place-list load. */
export interface PlaceListOptions {
  /** Country for rows whose point lies in neither Iraq nor Syria (default: the row is an error). */
  country?: CountryCode;
  /** Fills country (and checks points) from the COD-AB polygons. */
  boundaries?: BoundaryIndex;
  /** Precision for rows with an empty precision column (default `town`, 5 km). */
  defaultPrecision?: PlacePrecision;
}

/**
 * Reads a place-list CSV with columns `name_en, name_ar, lat, lon, precision[, governorate_en,
 * governorate_ar, uses]` or the Airwars shape `location_en, location_ar, latitude, longitude,
 * geoloc_precision, governorate_en, governorate_ar, incident_count`. One result per data row
 * (row numbers count the header as row 1).
 */
export function loadPlaceListCsv(path: string, opts: PlaceListOptions = {}): RowResult[] {
  const text = readFileSync(path, 'utf8');
  return parsePlaceList(text, basename(path), opts);
}

/** {@link loadPlaceListCsv} on CSV text; `source` names the list in ids and names. */
export function parsePlaceList(text: string, source: string, opts: PlaceListOptions = {}): RowResult[] {
  const rows = parse<Record<string, string>>(text, { columns: true, skip_empty_lines: true, relax_column_count: true, bom: true, trim: true });
  return rows.map((r, i) => placeFromRow(r, i + 2, source, opts));
}

/** First non-empty value among `keys`, invisible characters stripped and trimmed. */
export function pickColumn(r: Record<string, string>, ...keys: string[]): string {
  for (const k of keys) {
    const v = r[k];
    if (v !== undefined && v.trim() !== '') return stripInvisible(v).trim();
  }
  return '';
}

/**
 * One place-list row (values keyed by header) → a place record or the row's error. `row` is the
 * line number (header = 1). Used by {@link parsePlaceList} and the streaming database importer.
 */
export function placeFromRow(r: Record<string, string>, row: number, source: string, opts: PlaceListOptions = {}): RowResult {
  const pick = (...keys: string[]): string => pickColumn(r, ...keys);
  const en = pick('name_en', 'location_en', 'name');
  const ar = pick('name_ar', 'location_ar');
  if (!en && !ar) return { row, ok: false, field: 'name_en', reason: 'no name in either script' };
  const latS = pick('lat', 'latitude');
  const lonS = pick('lon', 'longitude', 'lng');
  if (!latS || !lonS) return { row, ok: false, field: latS ? 'longitude' : 'latitude', reason: 'missing coordinate' };
  const lat = Number(latS);
  const lon = Number(lonS);
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return { row, ok: false, field: Number.isFinite(lat) ? 'longitude' : 'latitude', reason: `not a number: ${latS}, ${lonS}` };
  let country: CountryCode | null = null;
  if (opts.boundaries) {
    const problems = opts.boundaries.check(lat, lon, undefined, false);
    const bad = problems.find((p) => p.code !== 'outside_coverage');
    if (bad) return { row, ok: false, field: bad.code === 'impossible' && Math.abs(lat) <= 90 ? 'longitude' : 'latitude', reason: bad.reason };
    country = opts.boundaries.countryAt(lat, lon, false);
  } else if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    return { row, ok: false, field: Math.abs(lat) > 90 ? 'latitude' : 'longitude', reason: `impossible coordinate ${lat}, ${lon}` };
  }
  country ??= opts.country ?? null;
  if (!country) return { row, ok: false, field: 'latitude', reason: `${lat}, ${lon} lies outside Iraq and Syria` };
  const precS = pick('precision', 'geoloc_precision');
  const precision = precS ? mapPrecision(precS) : (opts.defaultPrecision ?? 'town');
  if (!precision) return { row, ok: false, field: 'precision', reason: `unknown precision "${precS}"` };
  const names: PlaceName[] = [];
  const add = (t: string, lang: string): void => {
    if (t && !names.some((n) => n.text === t)) names.push(placeName(t, lang, source));
  };
  add(en, 'en');
  add(ar, 'ar');
  for (const [t, lang] of [[en, 'en'], [ar, 'ar']] as const) {
    if (t) add(parsePlace(t).core, lang);
  }
  const gov = pick('governorate_en');
  const usesS = pick('uses', 'incident_count');
  const uses = usesS && Number.isFinite(Number(usesS)) ? Number(usesS) : null;
  return {
    row, ok: true,
    place: {
      id: `list:${source}:${row}`, name: en || ar, nameAr: ar || null, names, featureType: featureTypeOf(precision), country,
      admin: gov ? [gov] : [], pcode: null, lat, lon, precision, population: null, source, uses,
    },
  };
}
