import 'server-only';
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// Two consoles on one machine (`npm start` and `npm run dev`, say) would both write the demo
// cluster's files and corrupt them. The first takes the data dir; the second is told so.

const LOCK_FILE = 'console.lock';

/** Takes `dir` for this process: a release function, or the pid of the live process holding it. */
export function lockDataDir(dir: string): { release: () => void } | { heldBy: number } {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number(readFileSync(file, 'utf8'));
    if (holder !== process.pid && isAlive(holder)) return { heldBy: holder };
    // Left behind by a process that ended without cleaning up.
    writeFileSync(file, String(process.pid));
  }
  const release = () => {
    try {
      if (readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file);
    } catch {
      // already gone
    }
  };
  process.once('exit', release);
  return { release };
}

/** The lock's own file, which a fresh start leaves in place. */
export function isLockFile(name: string): boolean {
  return name === LOCK_FILE;
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
