import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoMercator, geoPath, type GeoProjection, type GeoStream } from 'd3-geo';
import { feature } from 'topojson-client';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { rewind } from '../../gazetteer/reverse.ts';
import { vendorPath } from '../../shared-data.ts';

const require = createRequire(import.meta.url);

export const MAP_WIDTH = 900;
export const MAP_HEIGHT = 620;
/** Iraq and Syria with a margin: [west, south], [east, north]. */
const EXTENT: [[number, number], [number, number]] = [[35.3, 28.8], [48.9, 37.6]];

export interface Basemap {
  projection: GeoProjection;
  /** Neighbouring countries and Iraq/Syria outlines, as SVG path data. */
  countries: Array<{ name: string; d: string; focus: boolean }>;
  /** Governorates of Iraq and Syria (COD-AB adm1). */
  governorates: Array<{ name: string; nameAr: string | null; pcode: string; d: string }>;
}

/** A projection stream that drops points closer than `tolerance` pixels to the last kept one. */
function decimate(tolerance: number): { stream: (s: GeoStream) => GeoStream } {
  return {
    stream(s: GeoStream): GeoStream {
      let lx = NaN;
      let ly = NaN;
      let first = true;
      return {
        point(x: number, y: number) {
          if (first || Math.abs(x - lx) >= tolerance || Math.abs(y - ly) >= tolerance) {
            s.point(x, y);
            lx = x;
            ly = y;
            first = false;
          }
        },
        lineStart() { first = true; s.lineStart(); },
        lineEnd() { s.lineEnd(); },
        polygonStart() { s.polygonStart(); },
        polygonEnd() { s.polygonEnd(); },
        sphere() { s.sphere?.(); },
      };
    },
  };
}

let cached: Basemap | null = null;

/**
 * The base map, built once per process: world-atlas country outlines (package data) and the
 * vendored COD-AB governorates, projected with d3-geo and thinned to whole pixels.
 */
export function basemap(): Basemap {
  if (cached) return cached;
  const projection = geoMercator().fitExtent([[8, 8], [MAP_WIDTH - 8, MAP_HEIGHT - 8]], {
    type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: EXTENT },
  });
  const thin = decimate(0.8);
  const path = geoPath({ stream: (s: GeoStream) => projection.stream(thin.stream(s)) }).digits(1);
  const world = require('world-atlas/countries-50m.json') as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const all = feature(world, world.objects.countries) as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  const near = new Set(['Iraq', 'Syria', 'Turkey', 'Iran', 'Jordan', 'Saudi Arabia', 'Lebanon', 'Israel', 'Kuwait', 'Palestine', 'Cyprus']);
  const countries = all.features
    .filter((f) => near.has(f.properties.name))
    .map((f) => ({ name: f.properties.name, d: path(f) ?? '', focus: f.properties.name === 'Iraq' || f.properties.name === 'Syria' }));
  const governorates: Basemap['governorates'] = [];
  for (const file of ['iraq-cod-ab-adm1.geojson', 'syria-cod-ab-adm1.geojson']) {
    const fc = JSON.parse(readFileSync(vendorPath('gazetteer', file), 'utf8')) as FeatureCollection<Polygon | MultiPolygon, Record<string, string | null>>;
    for (const f of fc.features) {
      const fixed = rewind(f);
      governorates.push({ name: f.properties.ADM1_EN ?? '', nameAr: f.properties.ADM1_AR ?? null, pcode: f.properties.ADM1_PCODE ?? '', d: path(fixed) ?? '' });
    }
  }
  cached = { projection, countries, governorates };
  return cached;
}

/** Pixels per metre at a latitude, for drawing a precision radius to scale. */
export function pixelsPerMetre(projection: GeoProjection, lon: number, lat: number): number {
  const a = projection([lon, lat]);
  const b = projection([lon + 0.1, lat]);
  if (!a || !b) return 0;
  const metres = 0.1 * 111_320 * Math.cos((lat * Math.PI) / 180);
  return Math.abs(b[0] - a[0]) / metres;
}
