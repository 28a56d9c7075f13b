/** Shared by the benches that measure a separate `harmwatch serve` process (web, exports). */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from '../src/shared-data.ts';

/** VmRSS and VmHWM of a process, bytes (Linux); null elsewhere. */
export function memoryOf(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return null;
  }
}

export const mb = (bytes: number): number => Math.round(bytes / 1e6);

/** Starts `harmwatch serve` on a PGlite folder; resolves with its URL once it listens. */
export async function startServer(dir: string): Promise<{ child: ChildProcess; base: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, HARMWATCH_DATA_DIR: dir, HARMWATCH_DEMO: '0', HARMWATCH_API_RATE: '1000000' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'harmwatch.mjs'), 'serve', '--no-demo', '--port', '0', '--host', '127.0.0.1', '--json'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout });
    rl.once('line', (l) => {
      rl.close();
      resolve(l);
    });
    child.once('exit', (code) => reject(new Error(`harmwatch serve exited with ${code} before listening`)));
  });
  return { child, base: (JSON.parse(line) as { url: string }).url.replace(/\/$/, '') };
}
