// Durable committed offsets for a coordinator used on its own (the dev cluster keeps them in its
// __consumer_offsets topic, see offsets-topic.ts): an append-only JSON-lines file under `${dataDir}/groups/`.
// Each OffsetCommit becomes one write (one line per partition) so a crash loses at most the
// request in flight; a torn last line is skipped on load. On open the live state is rewritten as a
// compact snapshot (tmp file + rename) so the log does not grow across restarts, and it is
// compacted again whenever it holds many more lines than live entries.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { CommittedOffset } from './types';

export type OffsetLogEntry =
  | { t: 'c'; g: string; tp: string; p: number; o: number; e: number; m: string | null; ts: number }
  | { t: 'd'; g: string; tp: string; p: number }
  | { t: 'x'; g: string }
  | { t: 'g'; g: string; pt: string; generation?: number; protocol?: string | null; leader?: string | null };

export interface PersistedGroup {
  protocolType: string | null;
  offsets: Map<string, Map<number, CommittedOffset>>;
}

/** Where the coordinator keeps its changes: this JSON-lines file, or the __consumer_offsets topic. */
export interface OffsetStore {
  load(): Map<string, PersistedGroup>;
  append(entries: OffsetLogEntry[]): void;
  maybeCompact(snapshot: () => Map<string, PersistedGroup>): void;
  close(): void;
}

const COMPACT_MIN_LINES = 50_000;

export class OffsetLog implements OffsetStore {
  private fd: number | null = null;
  private lines = 0;
  private compactAt = COMPACT_MIN_LINES;
  private readonly file: string;

  constructor(dataDir: string) {
    const dir = join(dataDir, 'groups');
    mkdirSync(dir, { recursive: true });
    this.file = join(dir, 'offsets.log');
  }

  /** Reads the log, then replaces it with a snapshot of what it describes. */
  load(): Map<string, PersistedGroup> {
    const groups = new Map<string, PersistedGroup>();
    if (existsSync(this.file)) {
      for (const line of readFileSync(this.file, 'utf8').split('\n')) {
        if (line === '') continue;
        let entry: OffsetLogEntry;
        try {
          entry = JSON.parse(line) as OffsetLogEntry;
        } catch {
          continue;
        }
        apply(groups, entry);
      }
    }
    this.rewrite(groups);
    return groups;
  }

  append(entries: OffsetLogEntry[]): void {
    if (entries.length === 0 || this.fd === null) return;
    writeSync(this.fd, entries.map((e) => JSON.stringify(e)).join('\n') + '\n');
    this.lines += entries.length;
  }

  /** Compacts when the log is mostly superseded entries; checked rarely since a snapshot costs O(state). */
  maybeCompact(snapshot: () => Map<string, PersistedGroup>): void {
    if (this.lines < this.compactAt) return;
    const groups = snapshot();
    const live = countEntries(groups);
    if (this.lines > 4 * live) this.rewrite(groups);
    this.compactAt = Math.max(COMPACT_MIN_LINES, 4 * live + 1);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private rewrite(groups: Map<string, PersistedGroup>): void {
    this.close();
    const tmp = `${this.file}.tmp`;
    const fd = openSync(tmp, 'w');
    let lines = 0;
    for (const [g, group] of groups) {
      const chunk: OffsetLogEntry[] = [];
      if (group.protocolType !== null) chunk.push({ t: 'g', g, pt: group.protocolType });
      for (const [tp, partitions] of group.offsets) {
        for (const [p, c] of partitions) chunk.push(commitEntry(g, tp, p, c));
      }
      if (chunk.length > 0) writeSync(fd, chunk.map((e) => JSON.stringify(e)).join('\n') + '\n');
      lines += chunk.length;
    }
    closeSync(fd);
    renameSync(tmp, this.file);
    this.fd = openSync(this.file, 'a');
    this.lines = lines;
  }
}

function countEntries(groups: Map<string, PersistedGroup>): number {
  let n = 0;
  for (const g of groups.values()) {
    if (g.protocolType !== null) n++;
    for (const partitions of g.offsets.values()) n += partitions.size;
  }
  return n;
}

export function commitEntry(g: string, tp: string, p: number, c: CommittedOffset): OffsetLogEntry {
  return { t: 'c', g, tp, p, o: c.offset, e: c.leaderEpoch, m: c.metadata, ts: c.commitTimestamp };
}

export function apply(groups: Map<string, PersistedGroup>, entry: OffsetLogEntry): void {
  if (entry.t === 'x') {
    groups.delete(entry.g);
    return;
  }
  let group = groups.get(entry.g);
  if (!group) groups.set(entry.g, (group = { protocolType: null, offsets: new Map() }));
  switch (entry.t) {
    case 'g':
      group.protocolType = entry.pt;
      break;
    case 'c': {
      let partitions = group.offsets.get(entry.tp);
      if (!partitions) group.offsets.set(entry.tp, (partitions = new Map()));
      partitions.set(entry.p, { offset: entry.o, leaderEpoch: entry.e, metadata: entry.m, commitTimestamp: entry.ts });
      break;
    }
    case 'd': {
      const partitions = group.offsets.get(entry.tp);
      partitions?.delete(entry.p);
      if (partitions?.size === 0) group.offsets.delete(entry.tp);
      break;
    }
  }
}
