import { encodeRecordBatch } from '@/lib/protocol/records/batch';

export interface PlainRecord {
  key: Buffer | null;
  value: Buffer | null;
  headers: { key: string; value: Buffer | null }[];
  timestamp?: number;
}

/** Builds an uncompressed magic v2 batch (base offset 0) for in-process producers, timed by the cluster's clock. */
export function buildBatch(records: readonly PlainRecord[], now: number): Buffer {
  const batch = encodeRecordBatch({ records: records.map((r) => ({ ...r, timestamp: r.timestamp ?? now })) });
  // The encoder returns a view of its working buffer; the log keeps the batch, so it gets its own bytes.
  return Buffer.from(batch);
}
