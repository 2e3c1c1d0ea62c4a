import { decodeRecordBatches } from '@/lib/protocol/records/batch';
import type { Partition } from '../state/partition';

export interface DecodedRecord {
  offset: number;
  timestamp: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: { key: string; value: Buffer | null }[];
}

/** Records of one stored batch, decompressed (in-process readers and timestamp lookups only). */
export function decodeStoredRecords(batch: Buffer): DecodedRecord[] {
  const out: DecodedRecord[] = [];
  for (const b of decodeRecordBatches(batch)) {
    if (b.attributes.control) continue;
    for (const r of b.records) out.push({ offset: r.offset, timestamp: r.timestamp, key: r.key, value: r.value, headers: r.headers });
  }
  return out;
}

/** Up to `maxRecords` committed records of a partition from `fromOffset` (clamped to the log start). */
export function readPartitionRecords(p: Partition, fromOffset: number, maxRecords: number): DecodedRecord[] {
  const from = Math.max(fromOffset, p.logStartOffset);
  const out: DecodedRecord[] = [];
  for (const b of p.log.batchesFrom(from, p.highWatermark, Math.max(1, maxRecords))) {
    for (const r of decodeStoredRecords(b.buf)) {
      if (r.offset >= from && out.length < maxRecords) out.push(r);
    }
    if (out.length >= maxRecords) break;
  }
  return out;
}
