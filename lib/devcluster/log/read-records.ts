import { decodeRecordBatches } from '@/lib/protocol/records/batch';

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
