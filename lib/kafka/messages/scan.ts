import 'server-only';
import { ProtocolError } from '@/lib/protocol/errors';
import { LIST_PAYLOAD_LIMIT, type Message, type PartitionRange, type SearchEvent, type SearchQuery } from '@/lib/api/messages';
import type { Masker } from '@/lib/messages/masking';
import { encodeCursor, hasMore, remaining, type ReadPosition } from '@/lib/messages/cursor';
import { compileRequestedSearch, type CompiledSearch } from './matcher';
import { resolvePositions } from './positions';
import { readForward } from './read-range';
import { NewestKept } from './newest';
import { forEachBatch, offsetAfterBatches, RecordCursor, type BatchView } from './record-cursor';
import { toMessage } from './to-message';
import { afterEmptyFetch, TopicReader, type FetchedPartition } from './topic-reader';

// Search: scans a range of a topic for matches and streams them with progress.
// Forward scans fetch every partition from its leader at once with large fetches, ask for the
// next response before matching the current one, and skip whole batches whose bytes lack a
// "contains" needle. Backward scans read slices from the end down, newest matches first.
// Progress counts offsets covered, so "scanned" reaches "total" when the range is done.
// A reader that falls behind pauses the scan: before each next fetch it awaits `room`, so every
// match and the done line reach it, however slowly it reads.

const SCAN_PARTITION_BYTES = 8 * 1024 * 1024;
const SCAN_RESPONSE_BYTES = 48 * 1024 * 1024;
const BACKWARD_SLICE = 50_000;
const PROGRESS_MS = 250;

export interface PreparedSearch {
  total: number;
  ranges: PartitionRange[];
  /** `room` resolves when the reader can take more; the scan awaits it before each next read. */
  run(emit: (event: SearchEvent) => void, signal: AbortSignal, room?: () => Promise<void>): Promise<void>;
}

/**
 * Checks the query (400/404 before any streaming starts) and returns the scan to run. With a
 * masker, terms are tested against the masked messages, which are what is sent.
 */
export async function prepareSearch(clusterId: string, topic: string, q: SearchQuery, masker?: Masker): Promise<PreparedSearch> {
  compileRequestedSearch(q, masker);
  const reader = await TopicReader.open(clusterId, topic);
  const search = compileRequestedSearch(q, masker, reader.schemas);
  const { read, ranges } = await resolvePositions(reader, q);
  const total = ranges.reduce((n, r) => n + remaining(read.direction, read.positions.get(r.partition)!, r), 0);
  return {
    total,
    ranges,
    run: (emit, signal, room = noWait) => new Scan(reader, search, read, ranges, q, total, emit, signal, room).run(),
  };
}

interface PartitionState {
  range: PartitionRange;
  /** Forward: next offset to test. Backward: exclusive bound of what is left. */
  position: number;
  /** Forward only: where the next fetch starts (ahead of `position` while a fetch is in flight). */
  fetchFrom: number;
  emptyFetches: number;
  done: boolean;
}

class Scan {
  private scanned = 0;
  private matched = 0;
  private stopped: 'limit' | 'scan-cap' | undefined;
  private readonly started = Date.now();
  private lastProgress = 0;
  private pausedForReader = 0;
  private readonly cursor = new RecordCursor();
  private readonly states: PartitionState[];

  constructor(
    private readonly reader: TopicReader,
    private readonly search: CompiledSearch,
    private readonly read: ReadPosition,
    private readonly ranges: PartitionRange[],
    private readonly q: SearchQuery,
    private readonly total: number,
    private readonly emit: (event: SearchEvent) => void,
    private readonly signal: AbortSignal,
    private readonly room: () => Promise<void>,
  ) {
    this.states = ranges.map((range) => {
      const p = read.positions.get(range.partition)!;
      const position = read.direction === 'forward' ? Math.max(p, range.start) : Math.min(p, range.end);
      return { range, position, fetchFrom: position, emptyFetches: 0, done: remaining(read.direction, position, range) === 0 };
    });
  }

  async run(): Promise<void> {
    this.emit({ type: 'start', total: this.total, partitions: this.ranges });
    const timer = setInterval(() => this.progress(), PROGRESS_MS);
    try {
      if (this.read.direction === 'forward') await this.forward();
      else {
        await Promise.all(this.states.map((s) => this.backward(s)));
        if (this.capReached && !this.stopped) this.stopped = 'scan-cap';
      }
    } finally {
      clearInterval(timer);
    }
    if (this.signal.aborted) return;
    const positions = new Map(this.states.map((s) => [s.range.partition, s.position]));
    const next: ReadPosition = { direction: this.read.direction, positions };
    const elapsedMs = Date.now() - this.started;
    this.emit({
      type: 'done',
      scanned: this.scanned,
      total: this.total,
      matched: this.matched,
      elapsedMs,
      ratePerSec: rate(this.scanned, elapsedMs),
      reason: this.stopped ?? 'complete',
      cursor: hasMore(next, this.ranges) ? encodeCursor(next) : null,
    });
  }

  private get finished(): boolean {
    return this.stopped !== undefined || this.signal.aborted;
  }

  private progress(): void {
    const elapsedMs = Date.now() - this.started;
    if (elapsedMs - this.lastProgress < PROGRESS_MS / 2) return;
    // A scan paused for a slow reader has nothing new to say, and would only add to its queue.
    if (this.pausedForReader > 0) return;
    this.lastProgress = elapsedMs;
    this.emit({ type: 'progress', scanned: this.scanned, total: this.total, matched: this.matched, ratePerSec: rate(this.scanned, elapsedMs), elapsedMs });
  }

  private async waitForReader(): Promise<void> {
    this.pausedForReader++;
    try {
      await this.room();
    } finally {
      this.pausedForReader--;
    }
  }

  private match(message: Message): void {
    this.matched++;
    this.emit({ type: 'message', message });
    if (this.matched >= this.q.limit) this.stopped = 'limit';
  }

  // ---------------------------------------------------------------- forward

  private async forward(): Promise<void> {
    const open = new Map(this.states.filter((s) => !s.done).map((s) => [s.range.partition, s]));
    // Each leader is read at its own pace: one loop per leader.
    const groups = this.reader.byLeader([...open.keys()]).map((g) => g.map((p) => open.get(p)!));
    await Promise.all(groups.map((g) => this.forwardFrom(g)));
  }

  private async forwardFrom(group: PartitionState[]): Promise<void> {
    const byPartition = new Map(group.map((s) => [s.range.partition, s]));
    let inFlight: Promise<FetchedPartition[]> | undefined = this.fetchAhead(group);
    try {
      while (inFlight && !this.finished) {
        const fetched = await inFlight;
        // The reader is behind: wait for it before asking Kafka for more.
        await this.waitForReader();
        if (this.finished) break;
        // Ask for the next slice before matching this one, so the broker works while we do.
        for (const f of fetched) {
          const s = byPartition.get(f.partition)!;
          const after = offsetAfterBatches(f.records);
          if (after > s.fetchFrom) {
            s.fetchFrom = Math.min(after, s.range.end);
            s.emptyFetches = 0;
          } else {
            const resume = afterEmptyFetch(f, s.fetchFrom);
            if (resume !== 'retry') s.fetchFrom = resume === 'end' ? s.range.end : resume;
            else if (++s.emptyFetches > 4) {
              throw new ProtocolError(`partition ${f.partition} returned no data at offset ${s.fetchFrom} below its high watermark`);
            }
          }
        }
        const wanted = group.filter((s) => s.fetchFrom < s.range.end);
        inFlight = wanted.length > 0 && !this.finished ? this.fetchAhead(wanted) : undefined;
        for (const f of fetched) {
          if (this.finished) break;
          this.scanFetched(byPartition.get(f.partition)!, f);
        }
        this.progress();
      }
    } finally {
      // A fetch still in flight when the scan stopped is not needed; its failure is of no interest.
      inFlight?.catch(() => undefined);
    }
  }

  private fetchAhead(states: PartitionState[]): Promise<FetchedPartition[]> {
    return this.reader.fetch(
      states.map((s) => ({ partition: s.range.partition, offset: s.fetchFrom, maxBytes: SCAN_PARTITION_BYTES })),
      { responseMaxBytes: SCAN_RESPONSE_BYTES },
    );
  }

  private scanFetched(s: PartitionState, f: FetchedPartition): void {
    if (f.outOfRange || f.records === null || f.records.length === 0) {
      // Below the log start: retention removed those offsets. Past the end: nothing left.
      const resume = afterEmptyFetch(f, s.position);
      if (resume !== 'retry') this.cover(s, resume === 'end' ? s.range.end : resume);
    } else {
      forEachBatch(f.records, (batch) => {
        if (batch.lastOffset < s.position) return true;
        this.scanBatch(s, batch);
        return !this.finished && s.position < s.range.end;
      });
    }
    if (s.position >= s.range.end) s.done = true;
  }

  /** Counts offsets up to `to` as scanned. */
  private cover(s: PartitionState, to: number): void {
    if (to > s.position) {
      this.scanned += to - s.position;
      s.position = to;
    }
  }

  private scanBatch(s: PartitionState, batch: BatchView): void {
    const end = Math.min(batch.lastOffset + 1, s.range.end);
    const capLeft = this.q.scanCap - this.scanned;
    if (capLeft <= 0) {
      this.stopped = 'scan-cap';
      return;
    }
    const needles = this.search.needles;
    const data = batch.records;
    const fits = end - s.position <= capLeft;
    if (batch.control || (fits && needles.length > 0 && needles.some((n) => data.indexOf(n) === -1))) {
      if (fits) this.cover(s, end);
      else this.cover(s, s.position + capLeft);
      if (!fits) this.stopped = 'scan-cap';
      return;
    }
    const c = this.cursor.reset(batch);
    const needle = needles[0];
    let hit = needle ? data.indexOf(needle) : 0;
    while (c.next()) {
      if (c.offset < s.position) continue;
      if (c.offset >= end) break;
      if (this.scanned >= this.q.scanCap) {
        this.stopped = 'scan-cap';
        return;
      }
      this.cover(s, c.offset + 1);
      if (hit === -1) {
        if (end - s.position <= this.q.scanCap - this.scanned) break;
        continue;
      }
      if (c.end <= hit) continue;
      if (this.search.test(c, s.range.partition)) {
        this.match(toMessage(c, batch, s.range.partition, LIST_PAYLOAD_LIMIT, this.search.masker, this.search.schemas));
        if (this.finished) return;
      }
      if (needle) hit = data.indexOf(needle, c.end);
    }
    this.cover(s, end);
  }

  // ---------------------------------------------------------------- backward

  private async backward(s: PartitionState): Promise<void> {
    while (!s.done && !this.finished) {
      await this.waitForReader();
      if (this.finished) break;
      // Slices read at the same time by other partitions count against the cap already.
      const capLeft = this.q.scanCap - this.scanned - this.reserved;
      if (capLeft <= 0) {
        this.capReached = true;
        return;
      }
      const lo = Math.max(s.range.start, s.position - Math.min(BACKWARD_SLICE, capLeft));
      const hi = s.position;
      this.reserved += hi - lo;
      // Other partitions may match meanwhile, so the room left only shrinks: this is enough.
      const found = new NewestKept<Message>(this.q.limit - this.matched);
      try {
        await readForward(
          this.reader,
          s.range.partition,
          lo,
          hi,
          (c, batch) => {
            if (this.search.test(c, s.range.partition)) found.push(toMessage(c, batch, s.range.partition, LIST_PAYLOAD_LIMIT, this.search.masker, this.search.schemas));
          },
          { maxBytes: SCAN_PARTITION_BYTES, signal: this.signal, skipBatch: this.lacksNeedle },
        );
      } finally {
        this.reserved -= hi - lo;
      }
      // The whole slice was read, whatever part of it the matches below end up covering.
      this.scanned += hi - lo;
      if (this.finished) return;
      const room = this.q.limit - this.matched;
      const newest = found.newestFirst();
      if (newest.length >= room) {
        // Only the newest `room` matches fit: the cursor continues just below the oldest of them.
        const taken = newest.slice(0, room);
        for (const m of taken) this.match(m);
        s.position = taken[taken.length - 1].offset;
        s.done = s.position <= s.range.start;
        return;
      }
      for (const m of newest) this.match(m);
      s.position = lo;
      s.done = lo <= s.range.start;
    }
  }

  private reserved = 0;
  private capReached = false;

  private readonly lacksNeedle = (batch: BatchView): boolean => this.search.needles.some((n) => batch.records.indexOf(n) === -1);
}

const noWait = () => Promise.resolve();

function rate(scanned: number, elapsedMs: number): number {
  return elapsedMs > 0 ? Math.round((scanned / elapsedMs) * 1000) : 0;
}
