import { crc32c } from '@/lib/protocol/records/crc32c';
import { Writer } from '@/lib/protocol/writer';
import { BATCH } from './batch';

export interface PlainRecord {
  key: Buffer | null;
  value: Buffer | null;
  headers: { key: string; value: Buffer | null }[];
  timestamp?: number;
}

function encodeRecord(write: (w: Writer) => void): Buffer {
  const inner = new Writer(64);
  write(inner);
  return inner.toBuffer();
}

/** Builds an uncompressed magic v2 batch (base offset 0) for in-process producers. */
export function buildBatch(records: readonly PlainRecord[], now: number): Buffer {
  const baseTimestamp = records.reduce((m, r) => Math.min(m, r.timestamp ?? now), Number.MAX_SAFE_INTEGER);
  let maxTimestamp = baseTimestamp;
  const body = new Writer(256);
  records.forEach((r, i) => {
    const ts = r.timestamp ?? now;
    if (ts > maxTimestamp) maxTimestamp = ts;
    const rec = encodeRecord((w) => {
      w.writeInt8(0);
      w.writeVarLong(ts - baseTimestamp);
      w.writeVarInt(i);
      if (r.key === null) w.writeVarInt(-1);
      else w.writeVarInt(r.key.length).writeRaw(r.key);
      if (r.value === null) w.writeVarInt(-1);
      else w.writeVarInt(r.value.length).writeRaw(r.value);
      w.writeVarInt(r.headers.length);
      for (const h of r.headers) {
        const k = Buffer.from(h.key, 'utf8');
        w.writeVarInt(k.length).writeRaw(k);
        if (h.value === null) w.writeVarInt(-1);
        else w.writeVarInt(h.value.length).writeRaw(h.value);
      }
    });
    body.writeVarInt(rec.length).writeRaw(rec);
  });
  const recordsBytes = body.toBuffer();
  const w = new Writer(BATCH.HEADER_SIZE + recordsBytes.length);
  w.writeInt64(0);
  w.writeInt32(BATCH.HEADER_SIZE - BATCH.LOG_OVERHEAD + recordsBytes.length);
  w.writeInt32(-1);
  w.writeInt8(2);
  w.writeUInt32(0);
  w.writeInt16(0);
  w.writeInt32(records.length - 1);
  w.writeInt64(baseTimestamp);
  w.writeInt64(maxTimestamp);
  w.writeInt64(-1);
  w.writeInt16(-1);
  w.writeInt32(-1);
  w.writeInt32(records.length);
  w.writeRaw(recordsBytes);
  const batch = Buffer.from(w.toBuffer());
  batch.writeUInt32BE(crc32c(batch.subarray(BATCH.ATTRIBUTES)), BATCH.CRC);
  return batch;
}
