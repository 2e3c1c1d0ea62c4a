import 'server-only';
import { open } from 'node:fs/promises';
import type { AuditEntry, AuditPage, AuditQuery } from '@/lib/api/audit';

// Reads the audit file newest first, a chunk at a time from the end, so a page of a large log
// costs what the page needs and not the whole file. The cursor is the byte offset where the
// next (older) page starts reading backwards.

const CHUNK = 64 * 1024;
const MAX_SCANNED = 200_000;
/** Entries are appended when they finish; one that started earlier can follow a newer one. */
const ORDER_SLACK_MS = 60 * 60 * 1000;

export interface AuditFilter extends Omit<AuditQuery, 'cursor' | 'limit'> {
  cluster?: string;
}

export async function readAuditPage(file: string, filter: AuditFilter, cursor: number | undefined, limit: number): Promise<AuditPage> {
  const entries: AuditEntry[] = [];
  const matches = matcher(filter);
  const from = filter.from ? Date.parse(filter.from) : undefined;
  let scanned = 0;
  let nextCursor: string | null = null;
  for await (const { line, start } of linesBackward(file, cursor)) {
    scanned++;
    const entry = parse(line);
    if (entry && matches(entry, line)) {
      entries.push(entry);
      if (entries.length >= limit) {
        nextCursor = start > 0 ? String(start) : null;
        break;
      }
    }
    if (from !== undefined && entry && Date.parse(entry.time) < from - ORDER_SLACK_MS) break;
    if (scanned >= MAX_SCANNED) {
      nextCursor = start > 0 ? String(start) : null;
      break;
    }
  }
  return { entries, nextCursor, scanned };
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
