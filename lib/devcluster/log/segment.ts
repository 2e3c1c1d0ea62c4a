import type { SegmentFile } from '../storage/types';
import type { StoredBatch } from './batch';

/** A run of consecutive batches; retention removes whole segments, as Kafka does. */
export class Segment {
  readonly batches: StoredBatch[] = [];
  bytes = 0;
  maxTimestamp = -1;
  /** Timestamp the roll timer counts from: the first batch's max timestamp (Kafka's rule) or creation time. */
  rollBase: number;

  constructor(
    readonly baseOffset: number,
    createdAt: number,
    readonly file: SegmentFile | null,
  ) {
    this.rollBase = createdAt;
  }

  get nextOffset(): number {
    const last = this.batches[this.batches.length - 1];
    return last ? last.lastOffset + 1 : this.baseOffset;
  }

  add(batch: StoredBatch, persist: boolean): void {
    if (this.batches.length === 0 && batch.maxTimestamp >= 0) this.rollBase = batch.maxTimestamp;
    this.batches.push(batch);
    this.bytes += batch.buf.length;
    if (batch.maxTimestamp > this.maxTimestamp) this.maxTimestamp = batch.maxTimestamp;
    if (persist && this.file) this.file.append(batch.buf);
  }

  /** Index of the first batch whose last offset is >= offset (batches.length if none). */
  indexOf(offset: number): number {
    let lo = 0;
    let hi = this.batches.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.batches[mid].lastOffset < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
