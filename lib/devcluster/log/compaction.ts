// Log compaction (cleanup.policy=compact): keeps the last record of every key in the closed
// segments, as Kafka's log cleaner does.
//  - Only closed segments are cleaned, never the active one; a record superseded only by one in
//    the active segment stays until that segment closes too (Kafka's "first uncleanable offset").
//  - Segments younger than min.compaction.lag.ms (by their newest timestamp) are not cleaned.
//  - A tombstone (null value) that is the latest for its key is kept until its timestamp is
//    older than delete.retention.ms (Kafka counts from when it was first cleaned; this is close).
//  - Offsets never change: a rewritten batch keeps its base offset, last offset delta, producer
//    fields, epoch, timestamp type and compression, each record its offset; a batch left with no
//    record is dropped. Gaps are then left in the offsets, as in Kafka.
//  - Records without a key, transactional and control batches are kept untouched.
import { decodeRecordBatches, encodeRecordBatch, type DecodedBatch } from '@/lib/protocol/records/batch';
import { describeBatch, type StoredBatch } from './batch';

export interface CompactionPolicy {
  now: number;
  deleteRetentionMs: number;
}

function decodable(b: DecodedBatch): boolean {
  return !b.attributes.control && !b.attributes.transactional;
}

/** Latest offset of every key in `batches` (hex of the key bytes). */
export function latestOffsets(batches: Iterable<StoredBatch>): Map<string, number> {
  const latest = new Map<string, number>();
  for (const stored of batches) {
    for (const b of decodeRecordBatches(stored.buf)) {
      if (!decodable(b)) continue;
      for (const r of b.records) if (r.key !== null) latest.set(r.key.toString('hex'), r.offset);
    }
  }
  return latest;
}

/**
 * Cleans one segment's batches against the latest offsets of the whole cleanable range.
 * Returns null when nothing would change (so untouched segments are not rewritten).
 */
export function cleanBatches(batches: readonly StoredBatch[], latest: Map<string, number>, policy: CompactionPolicy): StoredBatch[] | null {
  const out: StoredBatch[] = [];
  let changed = false;
  for (const stored of batches) {
    const [b] = decodeRecordBatches(stored.buf);
    if (!b || !decodable(b)) {
      out.push(stored);
      continue;
    }
    const kept = b.records.filter((r) => {
      if (r.key === null) return true;
      if (latest.get(r.key.toString('hex')) !== r.offset) return false;
      return r.value !== null || policy.now - r.timestamp <= policy.deleteRetentionMs;
    });
    if (kept.length === b.records.length) {
      out.push(stored);
      continue;
    }
    changed = true;
    if (kept.length === 0) continue;
    const buf = encodeRecordBatch({
      baseOffset: b.baseOffset,
      lastOffsetDelta: b.lastOffsetDelta,
      partitionLeaderEpoch: b.partitionLeaderEpoch,
      producerId: b.producerId,
      producerEpoch: b.producerEpoch,
      baseSequence: b.baseSequence,
      compression: b.attributes.compression,
      timestampType: b.attributes.timestampType,
      records: kept.map((r) => ({ key: r.key, value: r.value, headers: r.headers, timestamp: r.timestamp, offsetDelta: r.offset - b.baseOffset })),
    });
    out.push(describeBatch(Buffer.from(buf)));
  }
  return changed ? out : null;
}
