import type { LogStorage, SegmentFile } from '../storage/types';
import { compressionOf, stampBatch, type StoredBatch } from './batch';
import { cleanBatches, latestOffsets } from './compaction';
import { decodeStoredRecords } from './read-records';
import { recordTimestamps } from './record-scan';
import { Segment } from './segment';

/** Offsets and timestamps of a batch's records; compressed batches are decompressed (lookups only). */
function recordsOf(batch: Buffer): { offset: number; timestamp: number }[] {
  if (compressionOf(batch) === 0) return recordTimestamps(batch);
  try {
    return decodeStoredRecords(batch);
  } catch {
    return [];
  }
}

export interface RestoredSegment {
  baseOffset: number;
  batches: StoredBatch[];
  file: SegmentFile;
}

export interface AppendOptions {
  leaderEpoch: number;
  /** Set when the topic uses LogAppendTime. */
  logAppendTime: number | null;
  now: number;
  segmentBytes: number;
  segmentMs: number;
}

export interface CleanerPolicy {
  now: number;
  deleteRetentionMs: number;
  minCleanableDirtyRatio: number;
  minCompactionLagMs: number;
}

export interface RetentionPolicy {
  now: number;
  retentionMs: number;
  retentionBytes: number;
}

/**
 * One partition's log: batches kept as received (views of the request bytes), grouped in
 * segments that roll by size and age. Offsets run from logStartOffset to logEndOffset (exclusive).
 */
export class PartitionLog {
  readonly segments: Segment[] = [];
  logStartOffset = 0;
  totalBytes = 0;
  /** Offsets below this were compacted already (Kafka's cleaner checkpoint; in memory only). */
  private cleanedUpTo = 0;

  constructor(
    private readonly storage: LogStorage | null,
    now: number,
    restored?: { segments: RestoredSegment[]; logStartOffset: number },
  ) {
    for (const s of restored?.segments ?? []) {
      const seg = new Segment(s.baseOffset, now, s.file);
      for (const b of s.batches) seg.add(b, false);
      this.segments.push(seg);
      this.totalBytes += seg.bytes;
    }
    const start = restored?.logStartOffset ?? 0;
    if (this.segments.length === 0) this.segments.push(new Segment(start, now, storage?.openSegment(start) ?? null));
    this.logStartOffset = Math.max(start, this.segments[0].baseOffset);
  }

  get logEndOffset(): number {
    return this.activeSegment.nextOffset;
  }

  private get activeSegment(): Segment {
    return this.segments[this.segments.length - 1];
  }

  /** Appends validated batches, assigning offsets; returns the first and last offset written. */
  append(batches: Buffer[], opts: AppendOptions): { baseOffset: number; lastOffset: number } {
    const baseOffset = this.logEndOffset;
    let lastOffset = baseOffset - 1;
    for (const buf of batches) {
      this.maybeRoll(buf.length, opts);
      const stored = stampBatch(buf, lastOffset + 1, opts.leaderEpoch, opts.logAppendTime);
      this.activeSegment.add(stored, true);
      this.totalBytes += buf.length;
      lastOffset = stored.lastOffset;
    }
    return { baseOffset, lastOffset };
  }

  private maybeRoll(incoming: number, opts: AppendOptions): void {
    const seg = this.activeSegment;
    if (seg.batches.length === 0) return;
    const full = seg.bytes + incoming > opts.segmentBytes;
    const old = opts.now - seg.rollBase > opts.segmentMs;
    if (full || old) this.roll(opts.now);
  }

  private roll(now: number): void {
    const active = this.activeSegment;
    active.file?.sync();
    active.file?.close();
    const base = active.nextOffset;
    this.segments.push(new Segment(base, now, this.storage?.openSegment(base) ?? null));
  }

  /** Drops every batch at or past `offset` (unclean leader election makes a shorter log the truth). */
  truncateTo(offset: number): void {
    while (this.segments.length > 1 && this.activeSegment.baseOffset >= offset) {
      const seg = this.segments.pop() as Segment;
      this.totalBytes -= seg.bytes;
      seg.file?.remove();
    }
    const seg = this.activeSegment;
    const keep = seg.indexOf(offset);
    if (keep < seg.batches.length) {
      const removed = seg.batches.splice(keep);
      const bytes = removed.reduce((n, b) => n + b.buf.length, 0);
      seg.bytes -= bytes;
      this.totalBytes -= bytes;
      seg.maxTimestamp = seg.batches.reduce((m, b) => Math.max(m, b.maxTimestamp), -1);
      seg.file?.truncate(seg.bytes);
    }
  }

  /** Flushes the active segment to stable storage (acks=-1 with a data dir). */
  sync(): void {
    this.activeSegment.file?.sync();
  }

  /**
   * Batches from `offset` whose records are all below `upTo`, up to `maxBytes` (the first batch is
   * returned whole even when larger, as KIP-74 requires so consumers never get stuck).
   */
  read(offset: number, upTo: number, maxBytes: number, minOneBatch: boolean): { buffers: Buffer[]; bytes: number } {
    const buffers: Buffer[] = [];
    let bytes = 0;
    let si = this.segmentIndexFor(offset);
    if (si < 0) return { buffers, bytes };
    let bi = this.segments[si].indexOf(offset);
    for (; si < this.segments.length; si++, bi = 0) {
      const batches = this.segments[si].batches;
      for (; bi < batches.length; bi++) {
        const b = batches[bi];
        if (b.lastOffset >= upTo) return { buffers, bytes };
        if (bytes + b.buf.length > maxBytes && !(minOneBatch && buffers.length === 0)) return { buffers, bytes };
        buffers.push(b.buf);
        bytes += b.buf.length;
      }
    }
    return { buffers, bytes };
  }

  /** Index of the segment holding `offset`, or -1 when before the first segment. */
  private segmentIndexFor(offset: number): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    if (offset < this.segments[0].baseOffset) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.segments[mid].baseOffset <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Bytes a replica holds when it has replicated up to `offset` (exclusive). */
  sizeUpTo(offset: number): number {
    if (offset >= this.logEndOffset) return this.totalBytes;
    let size = this.totalBytes;
    for (let si = this.segments.length - 1; si >= 0; si--) {
      const batches = this.segments[si].batches;
      for (let bi = batches.length - 1; bi >= 0; bi--) {
        if (batches[bi].lastOffset < offset) return size;
        size -= batches[bi].buf.length;
      }
    }
    return size;
  }

  /** Moves the log start forward (DeleteRecords or retention), dropping segments wholly below it. */
  advanceLogStart(offset: number, now: number): void {
    if (offset <= this.logStartOffset) return;
    this.logStartOffset = offset;
    while (this.segments.length > 1 && this.segments[1].baseOffset <= offset) this.dropOldest();
    if (this.segments.length === 1 && this.segments[0].nextOffset <= offset && this.segments[0].batches.length > 0) {
      this.roll(now);
      this.dropOldest();
    }
    this.storage?.saveLogStartOffset(offset);
  }

  private dropOldest(): void {
    const seg = this.segments.shift() as Segment;
    this.totalBytes -= seg.bytes;
    seg.file?.close();
    seg.file?.remove();
  }

  /**
   * Deletes whole segments past retention.ms (by their newest timestamp) or beyond retention.bytes,
   * oldest first, moving the log start offset. Returns true when anything was deleted.
   */
  applyRetention(p: RetentionPolicy): boolean {
    let changed = false;
    while (this.segments.length > 0) {
      const oldest = this.segments[0];
      if (oldest.batches.length === 0) {
        // Emptied by compaction: nothing in it to expire, the next segment decides.
        if (this.segments.length < 3) break;
        this.dropOldest();
        continue;
      }
      const expired = p.retentionMs >= 0 && oldest.maxTimestamp >= 0 && p.now - oldest.maxTimestamp > p.retentionMs;
      const oversize = p.retentionBytes >= 0 && this.segments.length > 1 && this.totalBytes - oldest.bytes >= p.retentionBytes;
      if (!expired && !oversize) break;
      if (this.segments.length === 1) this.roll(p.now);
      const next = this.segments[1].baseOffset;
      this.dropOldest();
      this.logStartOffset = Math.max(this.logStartOffset, next);
      changed = true;
    }
    if (changed) this.storage?.saveLogStartOffset(this.logStartOffset);
    return changed;
  }

  /**
   * Compacts the closed segments (compaction.ts) when the part not yet cleaned is at least
   * min.cleanable.dirty.ratio of them. The log start offset and every offset stay as they are.
   * Returns the bytes removed.
   */
  compact(p: CleanerPolicy): number {
    let end = this.segments.length - 1;
    while (end > 0 && p.now - this.segments[end - 1].maxTimestamp < p.minCompactionLagMs) end--;
    const closed = this.segments.slice(0, end);
    if (closed.length === 0) return 0;
    let total = 0;
    let dirty = 0;
    for (const seg of closed) {
      total += seg.bytes;
      for (const b of seg.batches) if (b.baseOffset >= this.cleanedUpTo) dirty += b.buf.length;
    }
    if (total === 0 || dirty === 0 || dirty / total < p.minCleanableDirtyRatio) return 0;
    const latest = latestOffsets(closed.flatMap((s) => s.batches));
    let removed = 0;
    for (let i = closed.length - 1; i >= 0; i--) {
      const seg = closed[i];
      let cleaned: StoredBatch[] | null;
      try {
        cleaned = cleanBatches(seg.batches, latest, p);
      } catch {
        continue; // A batch this cluster cannot decode (an unknown codec): the segment stays as it is.
      }
      if (!cleaned) continue;
      const bytes = cleaned.reduce((n, b) => n + b.buf.length, 0);
      seg.file?.replace(cleaned.map((b) => b.buf));
      removed += seg.bytes - bytes;
      this.totalBytes -= seg.bytes - bytes;
      seg.batches.splice(0, seg.batches.length, ...cleaned);
      seg.bytes = bytes;
      seg.maxTimestamp = cleaned.reduce((m, b) => Math.max(m, b.maxTimestamp), -1);
      // An emptied segment goes, except the first: its base offset is where the log starts.
      if (cleaned.length === 0 && i > 0) {
        seg.file?.remove();
        this.segments.splice(i, 1);
      }
    }
    this.cleanedUpTo = this.segments[this.segments.length - 1].baseOffset;
    return removed;
  }

  /** Offset of the first record with timestamp >= ts, or null when none (ListOffsets by time). */
  offsetForTimestamp(ts: number, upTo: number): { offset: number; timestamp: number } | null {
    for (const seg of this.segments) {
      if (seg.maxTimestamp < ts) continue;
      for (const b of seg.batches) {
        if (b.lastOffset >= upTo) return null;
        if (b.maxTimestamp < ts || b.lastOffset < this.logStartOffset) continue;
        if (b.firstTimestamp >= ts && b.baseOffset >= this.logStartOffset) return { offset: b.baseOffset, timestamp: b.firstTimestamp };
        for (const r of recordsOf(b.buf)) {
          if (r.timestamp >= ts && r.offset >= this.logStartOffset) return r;
        }
      }
    }
    return null;
  }

  /** Offset and value of the largest timestamp below `upTo` (ListOffsets -3). */
  maxTimestampOffset(upTo: number): { offset: number; timestamp: number } | null {
    let best: StoredBatch | null = null;
    for (const seg of this.segments) {
      for (const b of seg.batches) {
        if (b.lastOffset >= upTo) break;
        if (!best || b.maxTimestamp > best.maxTimestamp) best = b;
      }
    }
    if (!best) return null;
    const max = best.maxTimestamp;
    const hit = recordsOf(best.buf).find((r) => r.timestamp === max);
    if (hit) return hit;
    return { offset: best.lastOffset, timestamp: best.maxTimestamp };
  }

  /** In-process reads (demo consumers): the stored batches overlapping [from, upTo). */
  batchesFrom(from: number, upTo: number, maxBatches: number): StoredBatch[] {
    const out: StoredBatch[] = [];
    for (const seg of this.segments) {
      if (seg.nextOffset <= from) continue;
      for (let i = seg.indexOf(from); i < seg.batches.length && out.length < maxBatches; i++) {
        if (seg.batches[i].lastOffset >= upTo) return out;
        out.push(seg.batches[i]);
      }
    }
    return out;
  }

  close(): void {
    for (const s of this.segments) s.file?.close();
    this.storage?.close();
  }

  /** Deletes the log and its files (DeleteTopics). */
  destroy(): void {
    for (const s of this.segments) s.file?.close();
    this.storage?.removeAll();
  }
}
