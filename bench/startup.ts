/**
 * `npm run bench -- startup`: time from process start to the first 200 from /api/health on an
 * existing data folder (target under 3 s), beside a bare node http server started the same way.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/harmwatch.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hw-bench-startup-'));
const env: NodeJS.ProcessEnv = { ...process.env, HARMWATCH_DATA_DIR: dir };
delete env.DATABASE_URL;

async function timeToHealthy(args: string[], path: string): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /"url":"([^"]+)"/.exec(out) ?? /(http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}`)));
  });
  for (;;) {
    try {
      const r = await fetch(new URL(path, url));
      if (r.status === 200) break;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const ms = performance.now() - t0;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return ms;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  // First start creates the folder, migrates and loads the demo data; not what is measured.
  const first = await timeToHealthy([BIN, 'serve', '--port', '0', '--json'], '/api/health');
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) runs.push(await timeToHealthy([BIN, 'serve', '--port', '0', '--json', '--no-demo'], '/api/health'));
  const bare: number[] = [];
  const script = `require('http').createServer((q,s)=>s.end('ok')).listen(0,'127.0.0.1',function(){console.log(JSON.stringify({url:'http://127.0.0.1:'+this.address().port+'/'}))})`;
  for (let i = 0; i < 5; i++) bare.push(await timeToHealthy(['-e', script], '/'));
  console.log(JSON.stringify({
    bench: 'startup',
    firstStartWithDemoLoadMs: Math.round(first),
    startToFirstHealth200Ms: { median: Math.round(median(runs)), runs: runs.map(Math.round) },
    baseline: { what: 'bare node http server, spawned the same way', medianMs: Math.round(median(bare)) },
    target: 'median < 3000 ms',
  }, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
