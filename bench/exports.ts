/**
 * `npm run bench -- exports [--claims N]`
 *
 * The public claims and assessments collections with N claims (default 200,000) on N/10
 * incidents (one assessment each) and N/5 sources, seeded into a PGlite folder and served by
 * `harmwatch serve` in a child process:
 *
 * 1. p95 and median of /api/claims and /api/assessments pages (filters, and 20 pages deep through
 *    the cursor) over loopback HTTP. Baseline: /api/health in the same run, same server.
 * 2. /api/claims.csv, /api/claims.geojson and /api/assessments.csv streamed in full while the
 *    child's resident memory is sampled every 20 ms (VmHWM reset before each export). Baseline:
 *    the same server's RSS idle after a list page.
 *
 * The machine running it may be shared: timings are upper bounds.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { openPglite } from '../src/db/connect.ts';
import type { Database } from '../src/db/types.ts';
import { mb, memoryOf, startServer } from './_server.ts';

const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = arg('--claims', 200_000);

async function generate(k: Kysely<Database>, n: number): Promise<void> {
  const incidents = Math.max(1, Math.floor(n / 10));
  const sources = Math.max(1, Math.floor(n / 5));
  await sql`select setval('incident_public_seq', ${incidents})`.execute(k);
  await sql`insert into incidents (public_id, title, date_start, date_end, date_precision, country, admin1, place_text, lat, lon, place_precision, belligerents, grade, status)
    select 'HW-' || lpad(g::text, 7, '0'), 'Strike', date '2014-08-08' + (g % 1800), date '2014-08-08' + (g % 1800), 'day',
      case when g % 3 = 0 then 'IQ' else 'SY' end, (array['Ninewa','Ar-Raqqa','Deir-ez-Zor','Anbar'])[1 + g % 4], 'Place ' || g,
      33 + (g % 500) / 100.0, 39 + (g % 700) / 100.0, 'town', array['coalition'], 'fair', case when g % 20 = 0 then 'draft' else 'published' end
    from generate_series(1, ${incidents}::int) g`.execute(k);
  await sql`insert into sources (source_key, type, title, publisher, url, language, captured_at, sha256, visibility, status)
    select 'bench:' || g, case when g % 50 = 0 then 'public_submission' else 'news_article' end, 'Report ' || g, 'Wire', 'https://example.org/' || g,
      case when g % 4 = 0 then 'ar' else 'en' end, now(), md5(g::text) || md5(g::text),
      case when g % 50 = 0 then 'restricted' else 'public' end, case when g % 50 = 0 then 'unverified' else 'accepted' end
    from generate_series(1, ${sources}::int) g`.execute(k);
  for (let start = 1; start <= n; start += 100_000) {
    const end = Math.min(n, start + 99_999);
    await sql`insert into claims (source_id, type, claimant, claimant_norm, outcome, population, min, max, qualifier, period_start, period_end, date_precision,
        place_text, lat, lon, place_precision, quote, span_start, span_end, incident_id)
      select 1 + g % ${sources}::int, 'casualties', 'Civil Defence', 'civil_defence', (array['killed','injured'])[1 + g % 2], (array['civilians','children','women'])[1 + g % 3],
        g % 40, case when g % 3 = 0 then null else g % 40 + 5 end, case when g % 3 = 0 then 'at_least' else 'between' end,
        case when g % 50 = 0 then null else date '2014-08-08' + (g % 1800) end, case when g % 50 = 0 then null else date '2014-08-08' + (g % 1800) end, 'day',
        'Mosul, "al-Jadida"', case when g % 2 = 0 then 36 + (g % 100) / 100.0 end, case when g % 2 = 0 then 43 + (g % 100) / 100.0 end, 'neighbourhood',
        'قال الدفاع المدني، إن ' || (g % 40) || ' مدنياً قتلوا, "many" in Mosul', 0, 40, 1 + g % ${incidents}::int
      from generate_series(${start}::int, ${end}::int) g`.execute(k);
  }
  await sql`insert into assessments (incident_id, belligerent, status, reason, reason_given, assessed_on, conceded_killed_min, conceded_killed_max)
    select id, 'coalition', (array['credible','not_credible','open'])[1 + id % 3], 'generated, with a comma', true,
      case when id % 7 = 0 then null else date '2015-01-01' + (id % 1500)::int end, case when id % 3 = 0 then id % 5 end, case when id % 3 = 0 then id % 5 end
    from incidents`.execute(k);
  await sql`analyze`.execute(k);
}

const p95 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];

async function timeRequests(base: string, paths: string[]): Promise<{ p95: number; median: number; n: number }> {
  const times: number[] = [];
  for (const p of paths) {
    const t0 = performance.now();
    const r = await fetch(base + p);
    await r.arrayBuffer();
    times.push(performance.now() - t0);
    if (r.status !== 200) throw new Error(`${p}: HTTP ${r.status}`);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { p95: Number(p95(times).toFixed(1)), median: Number(sorted[Math.floor(sorted.length / 2)].toFixed(1)), n: times.length };
}


/** Streams one export, sampling the server's memory; returns rows, size, time and peak RSS. */
async function streamExport(base: string, pid: number, path: string) {
  const reset = existsSync(`/proc/${pid}/clear_refs`) && (() => {
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
      return true;
    } catch {
      return false;
    }
  })();
  let sampled = memoryOf(pid)?.rss ?? 0;
  const timer = setInterval(() => {
    sampled = Math.max(sampled, memoryOf(pid)?.rss ?? 0);
  }, 20);
  const t0 = performance.now();
  const res = await fetch(base + path);
  if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
  }
  const ms = performance.now() - t0;
  clearInterval(timer);
  const end = memoryOf(pid);
  return { path, lines, megabytes: Number((bytes / 1e6).toFixed(1)), seconds: Number((ms / 1000).toFixed(1)), peakRssMb: mb(Math.max(sampled, reset && end ? end.hwm : 0)) };
}

async function pageChain(base: string, path: string, pages: number): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < pages; i++) {
    const r = (await (await fetch(`${base}${path}${cursor ? `&cursor=${cursor}` : ''}`)).json()) as { next: string | null };
    cursor = r.next;
    if (!cursor) break;
    out.push(`${path}&cursor=${cursor}`);
  }
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'harmwatch-bench-exports-'));
try {
  const seed = await openPglite(dir);
  const t0 = performance.now();
  try {
    await generate(seed.kysely, N);
  } finally {
    await seed.close();
  }
  const seedSeconds = Number(((performance.now() - t0) / 1000).toFixed(1));
  const { child, base } = await startServer(dir);
  try {
    const pid = child.pid!;
    const claimFilters = ['', '&outcome=injured', '&population=children', '&language=ar', '&from=2016-01-01&to=2016-01-31', '&country=IQ', '&incident=HW-0000042', '&claimant=defence', '&claimant=airwars', '&to=2015-01-31'];
    const assessmentFilters = ['', '&status=credible', '&belligerent=coalition', '&from=2016-01-01&to=2016-03-31', '&incidentFrom=2016-01-01&incidentTo=2016-01-31', '&country=SY'];
    const claimPaths = [...Array.from({ length: 80 }, (_, i) => `/api/claims?limit=50${claimFilters[i % claimFilters.length]}`), ...(await pageChain(base, '/api/claims?limit=50', 20))];
    const assessmentPaths = [...Array.from({ length: 60 }, (_, i) => `/api/assessments?limit=50${assessmentFilters[i % assessmentFilters.length]}`), ...(await pageChain(base, '/api/assessments?limit=50', 20))];
    const health = await timeRequests(base, Array.from({ length: 100 }, () => '/api/health'));
    const claims = await timeRequests(base, claimPaths);
    const assessments = await timeRequests(base, assessmentPaths);
    await new Promise((r) => setTimeout(r, 500));
    const idle = memoryOf(pid);
    const exports = [];
    for (const path of ['/api/claims.csv', '/api/claims.geojson', '/api/assessments.csv']) exports.push(await streamExport(base, pid, path));
    console.log(JSON.stringify({
      claims: N, incidents: Math.floor(N / 10), sources: Math.floor(N / 5), seedSeconds,
      listMs: { baseline: { what: '/api/health, same server', ...health }, claims, assessments },
      exports,
      memory: { what: 'RSS of the `harmwatch serve` child (node + embedded PGlite)', idleRssMb: idle ? mb(idle.rss) : null },
      note: 'shared machine: timings are upper bounds',
    }, null, 2));
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
