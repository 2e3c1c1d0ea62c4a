import { BATCH_HEADER_SIZE, BATCH_OFFSETS, readInt64 } from '@/lib/protocol/records/batch';

function readVarint(buf: Buffer, pos: number): [number, number] {
  let value = 0;
  let mul = 1;
  for (let i = 0; i < 10; i++) {
    const b = buf[pos++];
    if (b === undefined) throw new RangeError('truncated varint');
    value += (b & 0x7f) * mul;
    if (b < 0x80) return [value % 2 === 0 ? value / 2 : -(value + 1) / 2, pos];
    mul *= 0x80;
  }
  throw new RangeError('varint too long');
}

/**
 * Offsets and timestamps of the records in an uncompressed batch, read without copying.
 * Used only by timestamp lookups, never on the produce or fetch path.
 */
export function recordTimestamps(batch: Buffer): { offset: number; timestamp: number }[] {
  const baseOffset = readInt64(batch, BATCH_OFFSETS.BASE_OFFSET);
  const baseTimestamp = readInt64(batch, BATCH_OFFSETS.BASE_TIMESTAMP);
  const count = batch.readInt32BE(BATCH_OFFSETS.RECORD_COUNT);
  const out: { offset: number; timestamp: number }[] = [];
  let pos = BATCH_HEADER_SIZE;
  for (let i = 0; i < count; i++) {
    const [length, afterLen] = readVarint(batch, pos);
    const [tsDelta, afterTs] = readVarint(batch, afterLen + 1);
    const [offDelta] = readVarint(batch, afterTs);
    out.push({ offset: baseOffset + offDelta, timestamp: baseTimestamp + tsDelta });
    pos = afterLen + length;
  }
  return out;
}
