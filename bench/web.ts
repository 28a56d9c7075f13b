/**
 * `npm run bench -- web [--incidents N] [--export-incidents M]`
 *
 * 1. With N incidents (default 100,000) in an in-memory PGlite in this process: the p95 of the
 *    incidents list API and of the incident page over loopback HTTP, and the weight of the list
 *    page. Baseline: /api/health in the same run, same process.
 * 2. With M incidents (default 1,000,000; 0 skips it) seeded into a PGlite folder, `harmwatch
 *    serve` runs as a separate child process, so its memory is the server's and the database's
 *    alone; this process streams /api/incidents.csv from it and throws the bytes away while
 *    sampling the child's resident memory (/proc/<pid>/status every 20 ms; VmHWM, the kernel's
 *    own peak, is reset through clear_refs just before the export). Baseline: the same server's
 *    idle RSS after it answered /api/health and a list page.
 *
 * The machine running it may be shared: timings are upper bounds.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { openPglite } from '../src/db/connect.ts';
import type { Database } from '../src/db/types.ts';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/web/app.ts';
import { mb, memoryOf, startServer } from './_server.ts';

const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = arg('--incidents', 100_000);
const M = arg('--export-incidents', 1_000_000);

/** n published incidents spread over five years, six places, four governorates, five grades; one in 50 undated. */
async function generate(k: Kysely<Database>, n: number): Promise<void> {
  await sql`select setval('incident_public_seq', ${n})`.execute(k);
  for (let start = 1; start <= n; start += 100_000) {
    const end = Math.min(n, start + 99_999);
    await sql`insert into incidents (public_id, title, date_start, date_end, date_precision, country, admin1, place_text, place_name_ar, lat, lon, place_precision, belligerents, grade, status)
      select 'HW-' || lpad(g::text, 7, '0'), 'Strike on ' || (array['Mosul','Raqqa','Hajin','Baghuz','Ramadi','Tabqa'])[1 + g % 6],
        case when g % 50 = 0 then null else date '2014-08-08' + (g % 1800) end, case when g % 50 = 0 then null else date '2014-08-08' + (g % 1800) end,
        case when g % 50 = 0 then null else 'day' end,
        case when g % 3 = 0 then 'IQ' else 'SY' end, (array['Ninewa','Ar-Raqqa','Deir-ez-Zor','Anbar'])[1 + g % 4],
        (array['Mosul','Raqqa','Hajin','Baghuz','Ramadi','Tabqa'])[1 + g % 6], (array['الموصل','الرقة','هجين','الباغوز','الرمادي','الطبقة'])[1 + g % 6],
        33 + (g % 500) / 100.0, 39 + (g % 700) / 100.0, (array['village','town','city','neighbourhood'])[1 + g % 4],
        array['coalition'], (array['confirmed','fair','weak','contested','discounted'])[1 + g % 5], 'published'
      from generate_series(${start}::int, ${end}::int) g`.execute(k);
    await sql`insert into incident_figures (incident_id, outcome, population, low, best, high, rule)
      select id, 'killed', 'civilians', id % 7, id % 7 + 1, id % 7 + 3, 'generated' from incidents where id between ${start} and ${end}`.execute(k);
    // One incident in 20 has a belligerent's assessment, so the assessment filter finds something.
    await sql`insert into assessments (incident_id, belligerent, status, reason, reason_given)
      select id, 'coalition', (array['credible','not_credible','open'])[1 + id % 3], 'generated', true
      from incidents where id between ${start} and ${end} and id % 20 = 0`.execute(k);
  }
  await sql`analyze`.execute(k);
}

const p95 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number): number => Number(x.toFixed(1));

/** Times each request (sequential, body read); `label` groups them in `byLabel`. */
async function timeRequests(base: string, paths: Array<string | [label: string, path: string]>) {
  const times: number[] = [];
  const byLabel = new Map<string, number[]>();
  let maxBytes = 0;
  for (const entry of paths) {
    const [label, p] = typeof entry === 'string' ? ['', entry] : entry;
    const t0 = performance.now();
    const r = await fetch(base + p);
    const body = await r.arrayBuffer();
    const t = performance.now() - t0;
    times.push(t);
    byLabel.set(label, [...(byLabel.get(label) ?? []), t]);
    if (r.status !== 200) throw new Error(`${p}: HTTP ${r.status}`);
    maxBytes = Math.max(maxBytes, body.byteLength);
  }
  return {
    p95: ms(p95(times)), median: ms(median(times)), maxBytes,
    byLabel: Object.fromEntries([...byLabel].map(([k, v]) => [k, { n: v.length, median: ms(median(v)), p95: ms(p95(v)) }])),
  };
}

/** Part 1: list API, incident page and list page weight, in this process. */
async function pages(n: number) {
  const db = await openPglite(null);
  try {
    const t0 = performance.now();
    await generate(db.kysely, n);
    const genMs = performance.now() - t0;
    const app = await buildApp({ db, config: { ...loadConfig({}), apiRatePerMinute: 1_000_000 }, startedAt: new Date() });
    const base = (await app.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '');
    const filters: Array<[string, string]> = [
      ['no filter', ''], ['country', '&country=SY'], ['grade', '&grade=fair'], ['dates', '&from=2016-01-01&to=2016-12-31'],
      ['words (Arabic)', '&q=%D8%A7%D9%84%D8%A8%D8%A7%D8%BA%D9%88%D8%B2'], ['words (Latin)', '&q=mosul'], ['governorate', '&governorate=Anbar'], ['assessment', '&assessment=credible'],
    ];
    const listPaths: Array<[string, string]> = [];
    for (let i = 0; i < 200; i++) listPaths.push([filters[i % filters.length][0], `/api/incidents?limit=50${filters[i % filters.length][1]}`]);
    // Deep pages through the cursor.
    let cursor: string | null = null;
    for (let i = 0; i < 20; i++) {
      const r = (await (await fetch(`${base}/api/incidents?limit=50${cursor ? `&cursor=${cursor}` : ''}`)).json()) as { next: string | null };
      cursor = r.next;
      if (cursor) listPaths.push(['cursor page', `/api/incidents?limit=50&cursor=${cursor}`]);
    }
    const health = await timeRequests(base, Array.from({ length: 200 }, () => '/api/health'));
    const list = await timeRequests(base, listPaths);
    const page = await timeRequests(base, Array.from({ length: 200 }, (_, i) => `/incidents/HW-${String(1 + ((i * 7919) % n)).padStart(7, '0')}`));
    const listPage = await timeRequests(base, ['/incidents', '/incidents?lang=ar', '/incidents?country=SY&grade=fair']);
    await app.close();
    return { genMs, health, list, page, listPage };
  } finally {
    await db.close();
  }
}


/** Part 2: the CSV export of m incidents from a separate server process, its memory sampled. */
async function exportInChild(m: number) {
  const dir = mkdtempSync(join(tmpdir(), 'harmwatch-bench-web-'));
  try {
    const seed = await openPglite(dir);
    const t0 = performance.now();
    try {
      await generate(seed.kysely, m);
    } finally {
      await seed.close();
    }
    const seedMs = performance.now() - t0;
    const { child, base } = await startServer(dir);
    try {
      const pid = child.pid!;
      await (await fetch(`${base}/api/health`)).arrayBuffer();
      await (await fetch(`${base}/api/incidents?limit=50`)).arrayBuffer();
      await new Promise((r) => setTimeout(r, 1000));
      const idle = memoryOf(pid);
      // Reset the kernel's peak (VmHWM) to the current RSS, so it measures the export alone.
      const hwmReset = existsSync(`/proc/${pid}/clear_refs`) && (() => {
        try {
          writeFileSync(`/proc/${pid}/clear_refs`, '5');
          return true;
        } catch {
          return false;
        }
      })();
      let sampled = idle?.rss ?? 0;
      const timer = setInterval(() => {
        sampled = Math.max(sampled, memoryOf(pid)?.rss ?? 0);
      }, 20);
      const tExport = performance.now();
      const res = await fetch(`${base}/api/incidents.csv`);
      if (res.status !== 200) throw new Error(`/api/incidents.csv: HTTP ${res.status}`);
      let bytes = 0;
      let lines = 0;
      // The server's RSS each time another tenth of the rows has arrived: flat if memory is constant.
      const atTenths: number[] = [];
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.byteLength;
        for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
        if (lines - 1 >= ((atTenths.length + 1) * m) / 10) atTenths.push(mb(memoryOf(pid)?.rss ?? 0));
      }
      const exportMs = performance.now() - tExport;
      clearInterval(timer);
      const end = memoryOf(pid);
      const peak = Math.max(sampled, hwmReset && end ? end.hwm : 0);
      return {
        incidents: m,
        seedSeconds: Number((seedMs / 1000).toFixed(1)),
        rows: lines - 1,
        megabytes: Number((bytes / 1e6).toFixed(1)),
        seconds: Number((exportMs / 1000).toFixed(1)),
        server: {
          what: 'RSS of the `harmwatch serve` child process (node + embedded PGlite on a folder)',
          idleRssMb: idle ? mb(idle.rss) : null,
          peakRssMb: idle ? mb(peak) : null,
          growthMb: idle ? mb(peak - idle.rss) : null,
          rssMbAtEachTenthOfRows: atTenths,
          peakFrom: hwmReset ? 'VmHWM reset before the export, and 20 ms VmRSS samples' : '20 ms VmRSS samples',
        },
        baseline: { what: 'the same server idle, after /api/health and one list page', rssMb: idle ? mb(idle.rss) : null },
        target: 'server RSS < 300 MB while streaming 1,000,000 incidents',
        meets: idle ? peak < 300e6 && m >= 1_000_000 : null,
      };
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const part1 = await pages(N);
const csvExport = M > 0 ? await exportInChild(M) : null;
const { byLabel: byFilter, ...list } = part1.list;
const listApi = { ...list, target: 'p95 < 50 ms', meets: list.p95 < 50, byFilter };
const { byLabel: _p, ...page } = part1.page;
const incidentPage = { ...page, target: 'p95 < 100 ms', meets: page.p95 < 100 };
const { byLabel: _h, ...health } = part1.health;
const listPageBytes = { max: part1.listPage.maxBytes, target: '< 200 KB', meets: part1.listPage.maxBytes < 200_000 };
const verdicts = { listApi: listApi.meets, incidentPage: incidentPage.meets, listPageBytes: listPageBytes.meets, csvExport: csvExport?.meets ?? null };
console.log(JSON.stringify({
  bench: 'web',
  incidents: N,
  generateSeconds: Number((part1.genMs / 1000).toFixed(1)),
  listApi,
  incidentPage,
  listPageBytes,
  baseline: { what: '/api/health over the same loopback HTTP', ...health },
  csvExport,
  meets: Object.entries(verdicts).filter(([, v]) => v === true).map(([k]) => k),
  misses: Object.entries(verdicts).filter(([, v]) => v === false).map(([k]) => k),
  note: 'on a shared machine timings are upper bounds (compare the baseline); the targets are set for 100,000 incidents (list, page) and 1,000,000 (export)',
}, null, 2));
