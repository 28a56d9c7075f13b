import { html, raw, type SafeHtml } from '../html.ts';
import { formatNumber, type Lang } from '../i18n.ts';
import { vocab } from '../vocabLabels.ts';
import { basemap, MAP_HEIGHT, MAP_WIDTH, pixelsPerMetre } from './basemap.ts';

export interface MapPoint {
  id: string;
  lat: number;
  lon: number;
  radiusM: number | null;
  grade: string | null;
  label: string;
}

/** Grade colours (colour-blind-safe Okabe–Ito), strongest evidence darkest. */
export const GRADE_COLOURS: Record<string, string> = {
  confirmed: '#b2182b',
  fair: '#d55e00',
  weak: '#e69f00',
  contested: '#0072b2',
  discounted: '#777777',
};
const NO_GRADE = '#555555';

/**
 * Incidents on the base map, each drawn as a circle of its place-precision radius (not a pin),
 * so a governorate-level location reads as the wide uncertainty it is. Server-rendered SVG.
 */
export function renderIncidentMap(points: MapPoint[], lang: Lang, title: string): SafeHtml {
  const { projection, countries, governorates } = basemap();
  // Widest circles first, so precise ones stay visible on top.
  const ordered = [...points].sort((a, b) => (b.radiusM ?? 0) - (a.radiusM ?? 0));
  const circles = ordered.map((p) => {
    const xy = projection([p.lon, p.lat]);
    if (!xy) return '';
    const r = Math.max(2, (p.radiusM ?? 1000) * pixelsPerMetre(projection, p.lon, p.lat));
    const colour = (p.grade && GRADE_COLOURS[p.grade]) || NO_GRADE;
    return html`<a href="/incidents/${p.id}?lang=${lang}"><circle cx="${xy[0].toFixed(1)}" cy="${xy[1].toFixed(1)}" r="${r.toFixed(1)}" fill="${colour}" fill-opacity="0.35" stroke="${colour}" stroke-width="0.8"><title>${p.label}</title></circle></a>`.value;
  });
  const legend = Object.entries(GRADE_COLOURS).map(([g, c], i) =>
    html`<g transform="translate(${MAP_WIDTH - 170},${20 + i * 20})"><circle r="6" cx="6" cy="0" fill="${c}" fill-opacity="0.5" stroke="${c}"/><text x="18" y="4">${vocab(g, lang)}</text></g>`.value);
  return html`<svg class="map" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" width="100%" role="img" aria-labelledby="map-title map-desc" xmlns="http://www.w3.org/2000/svg">
<title id="map-title">${title}</title>
<desc id="map-desc">${formatNumber(points.length, lang)} ${lang === 'ar' ? 'حادثة؛ نصف قطر كل دائرة هو دقة الموقع' : 'incidents; each circle’s radius is the precision of its location'}</desc>
<rect width="${MAP_WIDTH}" height="${MAP_HEIGHT}" fill="#eaf1f7"/>
${raw(countries.map((c) => `<path d="${c.d}" fill="${c.focus ? '#ffffff' : '#f4f4f1'}" stroke="#8a8a8a" stroke-width="${c.focus ? 1.2 : 0.6}"><title>${c.name}</title></path>`).join(''))}
${raw(governorates.map((g) => `<path d="${g.d}" fill="none" stroke="#b9b9b9" stroke-width="0.6"/>`).join(''))}
${raw(circles.join(''))}
<g font-size="12" font-family="system-ui, sans-serif">${raw(legend.join(''))}</g>
</svg>`;
}
