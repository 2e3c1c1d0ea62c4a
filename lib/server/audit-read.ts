import 'server-only';
import { open } from 'node:fs/promises';
import type { AuditEntry, AuditPage, AuditQuery } from '@/lib/api/audit';
import { auditFiles, type AuditFile } from './audit-files';

// Reads the audit log newest first, a chunk at a time from the end of the current file and then
// on into the rotated ones, so a page of a large log costs what the page needs and not the whole
// log. The cursor is `<generation>:<byte offset>`: the file, and where in it the next (older)
// page starts reading backwards. Generations never change, so the cursor survives a rotation.

const CHUNK = 64 * 1024;
const MAX_SCANNED = 200_000;
/** Entries are appended when they finish; one that started earlier can follow a newer one. */
const ORDER_SLACK_MS = 60 * 60 * 1000;

export interface AuditFilter extends Omit<AuditQuery, 'cursor' | 'limit'> {
  cluster?: string;
}

/** `cursor` comes from a previous page; a bare offset (from before rotation) means the current file. */
export async function readAuditPage(file: string, filter: AuditFilter, cursor: string | undefined, limit: number): Promise<AuditPage> {
  const entries: AuditEntry[] = [];
  const matches = matcher(filter);
  const from = filter.from ? Date.parse(filter.from) : undefined;
  const files = await auditFiles(file);
  const position = parseCursor(cursor, files[0].generation);
  // Files at or below the cursor's generation, newest first; a deleted one is simply not there.
  const queue = files.filter((f) => f.generation <= position.generation);
  let scanned = 0;
  let nextCursor: string | null = null;
  const after = (f: AuditFile, start: number, i: number) => (start > 0 || i + 1 < queue.length ? `${f.generation}:${start}` : null);
  reading: for (const [i, f] of queue.entries()) {
    const end = f.generation === position.generation ? position.offset : undefined;
    for await (const { line, start } of linesBackward(f.path, end)) {
      scanned++;
      const entry = parse(line);
      if (entry && matches(entry, line)) {
        entries.push(entry);
        if (entries.length >= limit) {
          nextCursor = after(f, start, i);
          break reading;
        }
      }
      if (from !== undefined && entry && Date.parse(entry.time) < from - ORDER_SLACK_MS) break reading;
      if (scanned >= MAX_SCANNED) {
        nextCursor = after(f, start, i);
        break reading;
      }
    }
  }
  return { entries, nextCursor, scanned };
}

function parseCursor(cursor: string | undefined, current: number): { generation: number; offset?: number } {
  if (cursor === undefined) return { generation: current };
  const m = /^(?:(\d+):)?(\d+)$/.exec(cursor);
  if (!m) return { generation: current };
  return { generation: m[1] === undefined ? current : Number(m[1]), offset: Number(m[2]) };
}

function matcher(f: AuditFilter): (entry: AuditEntry, line: string) => boolean {
  const from = f.from ? Date.parse(f.from) : -Infinity;
  const to = f.to ? Date.parse(f.to) : Infinity;
  const target = f.target?.toLowerCase();
  const user = f.user?.toLowerCase();
  const text = f.q?.toLowerCase();
  return (e, line) => {
    if (f.cluster && e.cluster !== f.cluster) return false;
    if (f.action && e.action !== f.action && !e.action.startsWith(`${f.action}.`)) return false;
    if (f.outcome && e.outcome !== f.outcome) return false;
    if (target && !e.target.toLowerCase().includes(target)) return false;
    if (user && !`${e.user ?? ''} ${e.clientAddress}`.toLowerCase().includes(user)) return false;
    const time = Date.parse(e.time);
    if (time < from || time > to) return false;
    if (text && !line.toLowerCase().includes(text)) return false;
    return true;
  };
}

function parse(line: string): AuditEntry | undefined {
  try {
    const value = JSON.parse(line) as AuditEntry;
    return value && typeof value === 'object' && typeof value.action === 'string' && typeof value.time === 'string' ? value : undefined;
  } catch {
    // A line cut short by a crash mid-write is skipped, not fatal.
    return undefined;
  }
}

/** Lines of a file from the end (or from byte `end`) backwards, with the byte offset each starts at. */
async function* linesBackward(file: string, end?: number): AsyncGenerator<{ line: string; start: number }> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    const size = (await handle.stat()).size;
    let pos = Math.min(end ?? size, size);
    let carry = Buffer.alloc(0);
    while (pos > 0) {
      const length = Math.min(CHUNK, pos);
      pos -= length;
      const chunk = Buffer.alloc(length);
      await handle.read(chunk, 0, length, pos);
      // Work on bytes, not text, so a multi-byte character split across chunks stays whole.
      const data = carry.length ? Buffer.concat([chunk, carry]) : chunk;
      let lineEnd = data.length;
      for (let i = data.length - 1; i >= 0; i--) {
        if (data[i] !== 0x0a) continue;
        if (i + 1 < lineEnd) yield { line: data.subarray(i + 1, lineEnd).toString('utf8'), start: pos + i + 1 };
        lineEnd = i;
      }
      carry = data.subarray(0, lineEnd);
    }
    if (carry.length) yield { line: carry.toString('utf8'), start: 0 };
  } finally {
    await handle.close();
  }
}
