import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { dataDirLocked } from '../errors.ts';

/** Name of the lock file inside the data folder. */
export const LOCK_FILE = 'harmwatch.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

/**
 * Takes the data folder for this process. Two processes writing one PGlite folder silently lose
 * writes, so a second process gets DATA_DIR_LOCKED naming the pid that holds it. A lock left by a
 * process that no longer runs (a crash, SIGKILL) is taken over.
 */
export function lockDataDir(dir: string): DataDirLock {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(path, 'utf8').trim() === String(process.pid)) unlinkSync(path);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return { path, release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
      if (Number.isFinite(holder) && holder !== process.pid && isAlive(holder)) throw dataDirLocked(dir, holder);
      if (holder === process.pid) throw dataDirLocked(dir, holder);
      try {
        unlinkSync(path); // stale: its process is gone
      } catch {
        // another process removed it first; try again
      }
    }
  }
  throw dataDirLocked(dir, -1);
}
