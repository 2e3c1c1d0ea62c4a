import 'server-only';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

// The audit log's files: the current one (`audit.log`) and the rotated ones beside it
// (`audit.log.1`, `audit.log.2`, …, the highest number the most recent). Numbers only grow, so a
// reader's position in a file stays valid while newer entries rotate the files along: the current
// file is generation "highest + 1", the number it gets when it is rotated.

export interface AuditFile {
  generation: number;
  path: string;
}

/** The rotated files, newest first. */
export async function rotatedFiles(file: string): Promise<AuditFile[]> {
  const dir = dirname(file);
  const prefix = `${basename(file)}.`;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .filter((n) => n.startsWith(prefix) && /^\d{1,15}$/.test(n.slice(prefix.length)))
    .map((n) => ({ generation: Number(n.slice(prefix.length)), path: join(dir, n) }))
    .sort((a, b) => b.generation - a.generation);
}

/** Every file, newest first: the current one, then the rotated ones. */
export async function auditFiles(file: string): Promise<AuditFile[]> {
  const rotated = await rotatedFiles(file);
  return [{ generation: (rotated[0]?.generation ?? 0) + 1, path: file }, ...rotated];
}

/**
 * Rotates the current file when `incoming` more bytes would take it past `maxBytes` (a file never
 * starts empty: one entry larger than the limit still gets written), then deletes rotated files
 * beyond the newest `keepFiles`.
 */
export async function rotateIfNeeded(file: string, incoming: number, { maxBytes, keepFiles }: { maxBytes: number; keepFiles: number }): Promise<boolean> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  if (size === 0 || size + incoming <= maxBytes) return false;
  const rotated = await rotatedFiles(file);
  const generation = (rotated[0]?.generation ?? 0) + 1;
  await rename(file, `${file}.${generation}`);
  const kept = [{ generation, path: `${file}.${generation}` }, ...rotated];
  await Promise.all(kept.slice(keepFiles).map((f) => rm(f.path, { force: true })));
  return true;
}
