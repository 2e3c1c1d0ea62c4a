/** Legacy message sets (magic 0/1), which a fetch from a topic written before Kafka 0.11 may return. */
import { Reader } from '../reader';
import type { DecodedBatch, DecodedRecord } from './batch-decode';
import { COMPRESSION_MASK, LOG_OVERHEAD, TIMESTAMP_TYPE_BIT, type TimestampType, batchSizeAt } from './batch-header';
import { compressionFromCode, decompress } from './compression';

/**
 * Legacy message (magic 0/1) at `offset`, as a batch. A compressed wrapper
 * message expands to its inner messages.
 */
export function decodeLegacy(buf: Buffer, offset: number, size: number): DecodedBatch {
  const r = new Reader(buf, offset, offset + size);
  const wrapperOffset = r.readInt64();
  r.readInt32(); // message size
  const crc = r.readUInt32();
  const magic = r.readInt8();
  const attrs = r.readInt8();
  const timestamp = magic >= 1 ? r.readInt64() : -1;
  const key = r.readNullableBytes();
  const value = r.readNullableBytes();
  const compression = compressionFromCode(attrs & COMPRESSION_MASK);
  const timestampType: TimestampType = magic >= 1 && attrs & TIMESTAMP_TYPE_BIT ? 'LogAppendTime' : 'CreateTime';
  let records: DecodedRecord[];
  if (compression === 'none') {
    records = [{ offset: wrapperOffset, timestamp, key, value, headers: [], sizeInBytes: size }];
  } else {
    const inner = decompress(compression, value ?? Buffer.alloc(0));
    records = [];
    for (let pos = 0; pos < inner.length; ) {
      const innerSize = batchSizeAt(inner, pos);
      if (innerSize < 0) break;
      const nested = decodeLegacy(inner, pos, innerSize);
      for (const rec of nested.records) records.push(rec);
      pos += innerSize;
    }
    // Magic 1 wrappers carry relative inner offsets; the wrapper holds the last absolute one.
    if (magic >= 1 && records.length > 0) {
      const shift = wrapperOffset - records[records.length - 1].offset;
      for (const rec of records) {
        rec.offset += shift;
        if (timestampType === 'LogAppendTime') rec.timestamp = timestamp;
      }
    }
  }
  const first = records.length > 0 ? records[0].offset : wrapperOffset;
  const last = records.length > 0 ? records[records.length - 1].offset : wrapperOffset;
  let maxTimestamp = timestamp;
  for (const rec of records) if (rec.timestamp > maxTimestamp) maxTimestamp = rec.timestamp;
  return {
    baseOffset: first,
    sizeInBytes: size,
    batchLength: size - LOG_OVERHEAD,
    partitionLeaderEpoch: -1,
    magic,
    crc,
    rawAttributes: attrs,
    attributes: { compression, timestampType, transactional: false, control: false, deleteHorizon: false },
    lastOffsetDelta: last - first,
    baseTimestamp: records.length > 0 ? records[0].timestamp : timestamp,
    maxTimestamp,
    producerId: -1,
    producerEpoch: -1,
    baseSequence: -1,
    recordCount: records.length,
    lastOffset: last,
    records,
  };
}
