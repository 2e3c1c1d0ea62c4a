import { BATCH_HEADER_SIZE, BATCH_OFFSETS, readInt64 } from '@/lib/protocol/records/batch-header';
import { Reader } from '@/lib/protocol/reader';

/**
 * Offsets and timestamps of the records in an uncompressed batch, read without copying.
 * Used only by timestamp lookups, never on the produce or fetch path.
 */
export function recordTimestamps(batch: Buffer): { offset: number; timestamp: number }[] {
  const baseOffset = readInt64(batch, BATCH_OFFSETS.BASE_OFFSET);
  const baseTimestamp = readInt64(batch, BATCH_OFFSETS.BASE_TIMESTAMP);
  const count = batch.readInt32BE(BATCH_OFFSETS.RECORD_COUNT);
  const out: { offset: number; timestamp: number }[] = [];
  const r = new Reader(batch, BATCH_HEADER_SIZE);
  for (let i = 0; i < count; i++) {
    const length = r.readVarInt();
    const next = r.offset + length;
    r.offset += 1; // record attributes: unused
    const timestampDelta = r.readVarLong();
    const offsetDelta = r.readVarInt();
    out.push({ offset: baseOffset + offsetDelta, timestamp: baseTimestamp + timestampDelta });
    r.offset = next;
  }
  return out;
}
