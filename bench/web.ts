/**
 * `npm run bench -- web [--incidents N] [--export-incidents M]`: with N incidents (default 100,000)
 * in embedded PGlite, the p95 of the incidents list API and of the incident page over loopback
 * HTTP, the weight of the list page, and the peak RSS while streaming a CSV export of M incidents
 * (default: the same N; the issue's target is 1,000,000). Baseline: /api/health in the same run.
 */
import { sql } from 'kysely';
import { openPglite } from '../src/db/connect.ts';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/web/app.ts';

const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = arg('--incidents', 100_000);
const M = arg('--export-incidents', N);

async function generate(db: Awaited<ReturnType<typeof openPglite>>, n: number): Promise<void> {
  const k = db.kysely;
  await sql`select setval('incident_public_seq', ${n})`.execute(k);
  for (let start = 1; start <= n; start += 100_000) {
    const end = Math.min(n, start + 99_999);
    await sql`insert into incidents (public_id, title, date_start, date_end, date_precision, country, admin1, place_text, place_name_ar, lat, lon, place_precision, belligerents, grade, status)
      select 'HW-' || lpad(g::text, 7, '0'), 'Strike on ' || (array['Mosul','Raqqa','Hajin','Baghuz','Ramadi','Tabqa'])[1 + g % 6],
        date '2014-08-08' + (g % 1800), date '2014-08-08' + (g % 1800), 'day',
        case when g % 3 = 0 then 'IQ' else 'SY' end, (array['Ninewa','Ar-Raqqa','Deir-ez-Zor','Anbar'])[1 + g % 4],
        (array['Mosul','Raqqa','Hajin','Baghuz','Ramadi','Tabqa'])[1 + g % 6], (array['الموصل','الرقة','هجين','الباغوز','الرمادي','الطبقة'])[1 + g % 6],
        33 + (g % 500) / 100.0, 39 + (g % 700) / 100.0, (array['village','town','city','neighbourhood'])[1 + g % 4],
        array['coalition'], (array['confirmed','fair','weak','contested','discounted'])[1 + g % 5], 'published'
      from generate_series(${start}::int, ${end}::int) g`.execute(k);
    await sql`insert into incident_figures (incident_id, outcome, population, low, best, high, rule)
      select id, 'killed', 'civilians', id % 7, id % 7 + 1, id % 7 + 3, 'generated' from incidents where id between ${start} and ${end}`.execute(k);
  }
  await sql`analyze`.execute(k);
}

const p95 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];

async function timeRequests(base: string, paths: string[]): Promise<{ p95: number; median: number; maxBytes: number }> {
  const times: number[] = [];
  let maxBytes = 0;
  for (const p of paths) {
    const t0 = performance.now();
    const r = await fetch(base + p);
    const body = await r.arrayBuffer();
    times.push(performance.now() - t0);
    if (r.status !== 200) throw new Error(`${p}: HTTP ${r.status}`);
    maxBytes = Math.max(maxBytes, body.byteLength);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { p95: Number(p95(times).toFixed(1)), median: Number(sorted[Math.floor(sorted.length / 2)].toFixed(1)), maxBytes };
}

const db = await openPglite(null);
try {
  const t0 = performance.now();
  await generate(db, Math.max(N, M));
  const genMs = performance.now() - t0;
  const app = await buildApp({ db, config: { ...loadConfig({}), apiRatePerMinute: 1_000_000 }, startedAt: new Date() });
  const base = (await app.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '');
  const filters = ['', '&country=SY', '&grade=fair', '&from=2016-01-01&to=2016-12-31', '&q=%D8%A7%D9%84%D8%A8%D8%A7%D8%BA%D9%88%D8%B2', '&q=mosul', '&governorate=Anbar', '&assessment=credible'];
  const listPaths: string[] = [];
  for (let i = 0; i < 200; i++) listPaths.push(`/api/incidents?limit=50${filters[i % filters.length]}`);
  // Deep pages through the cursor.
  let cursor: string | null = null;
  for (let i = 0; i < 20; i++) {
    const r = (await (await fetch(`${base}/api/incidents?limit=50${cursor ? `&cursor=${cursor}` : ''}`)).json()) as { next: string | null };
    cursor = r.next;
    if (cursor) listPaths.push(`/api/incidents?limit=50&cursor=${cursor}`);
  }
  const health = await timeRequests(base, Array.from({ length: 200 }, () => '/api/health'));
  const list = await timeRequests(base, listPaths);
  const pages = await timeRequests(base, Array.from({ length: 200 }, (_, i) => `/incidents/HW-${String(1 + ((i * 7919) % N)).padStart(7, '0')}`));
  const listPage = await timeRequests(base, ['/incidents', '/incidents?lang=ar', '/incidents?country=SY&grade=fair']);

  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
  const tExport = performance.now();
  const res = await fetch(`${base}/api/incidents.csv`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    for (const b of chunk) if (b === 10) lines++;
  }
  clearInterval(timer);
  const exportMs = performance.now() - tExport;
  await app.close();
  console.log(JSON.stringify({
    bench: 'web',
    incidents: Math.max(N, M),
    generateSeconds: Number((genMs / 1000).toFixed(1)),
    listApi: { ...list, target: 'p95 < 50 ms' },
    incidentPage: { ...pages, target: 'p95 < 100 ms' },
    listPageBytes: { max: listPage.maxBytes, target: '< 200 KB' },
    baseline: { what: '/api/health over the same loopback HTTP', ...health },
    csvExport: {
      rows: lines - 1, megabytes: Number((bytes / 1e6).toFixed(1)), seconds: Number((exportMs / 1000).toFixed(1)),
      rssBeforeMb: Math.round(rssBefore / 1e6), peakRssMb: Math.round(peak / 1e6), target: 'RSS < 300 MB for 1,000,000 incidents',
    },
  }, null, 2));
} finally {
  await db.close();
}
