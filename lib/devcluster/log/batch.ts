import { crc32c } from '@/lib/protocol/records/crc32c';
import { ErrorCode, KafkaError } from '../errors';

/** Byte positions in a magic v2 record batch header. */
export const BATCH = {
  BASE_OFFSET: 0,
  LENGTH: 8,
  LEADER_EPOCH: 12,
  MAGIC: 16,
  CRC: 17,
  ATTRIBUTES: 21,
  LAST_OFFSET_DELTA: 23,
  BASE_TIMESTAMP: 27,
  MAX_TIMESTAMP: 35,
  PRODUCER_ID: 43,
  RECORD_COUNT: 57,
  HEADER_SIZE: 61,
  /** baseOffset + batchLength: the part not counted in batchLength. */
  LOG_OVERHEAD: 12,
} as const;

const TIMESTAMP_TYPE_BIT = 0x08;
const CONTROL_BIT = 0x20;
const TRANSACTIONAL_BIT = 0x10;

export function readInt64(buf: Buffer, at: number): number {
  return buf.readInt32BE(at) * 4294967296 + buf.readUInt32BE(at + 4);
}

export function writeInt64(buf: Buffer, at: number, v: number): void {
  const hi = Math.floor(v / 4294967296);
  buf.writeInt32BE(hi, at);
  buf.writeUInt32BE(v - hi * 4294967296, at + 4);
}

/** One stored batch: a view of its bytes plus what lookups need. */
export interface StoredBatch {
  baseOffset: number;
  lastOffset: number;
  maxTimestamp: number;
  firstTimestamp: number;
  buf: Buffer;
}

/**
 * Splits a produce payload into batches, checking framing, magic and CRC the way Kafka's
 * LogValidator does (only headers are read: records stay compressed and untouched).
 */
export function splitBatches(records: Buffer, maxBatchBytes: number): Buffer[] {
  const out: Buffer[] = [];
  let pos = 0;
  while (pos < records.length) {
    if (records.length - pos < BATCH.HEADER_SIZE) {
      throw new KafkaError(ErrorCode.CORRUPT_MESSAGE, 'Record batch is truncated');
    }
    const size = records.readInt32BE(pos + BATCH.LENGTH) + BATCH.LOG_OVERHEAD;
    if (size < BATCH.HEADER_SIZE || pos + size > records.length) {
      throw new KafkaError(ErrorCode.CORRUPT_MESSAGE, `Record batch size ${size} does not fit the request`);
    }
    const magic = records.readInt8(pos + BATCH.MAGIC);
    if (magic !== 2) {
      throw new KafkaError(ErrorCode.UNSUPPORTED_FOR_MESSAGE_FORMAT, `Record batch magic ${magic} is not supported (only v2)`);
    }
    if (size > maxBatchBytes) {
      throw new KafkaError(ErrorCode.MESSAGE_TOO_LARGE, `Record batch of ${size} bytes exceeds max.message.bytes ${maxBatchBytes}`);
    }
    const batch = records.subarray(pos, pos + size);
    const stored = batch.readUInt32BE(BATCH.CRC);
    if (crc32c(batch.subarray(BATCH.ATTRIBUTES)) !== stored) {
      throw new KafkaError(ErrorCode.CORRUPT_MESSAGE, 'Record batch CRC does not match its contents');
    }
    const count = batch.readInt32BE(BATCH.RECORD_COUNT);
    const lastDelta = batch.readInt32BE(BATCH.LAST_OFFSET_DELTA);
    if (count <= 0 || lastDelta < 0 || lastDelta < count - 1) {
      throw new KafkaError(ErrorCode.INVALID_RECORD, `Record batch has ${count} records and last offset delta ${lastDelta}`);
    }
    if (batch.readInt16BE(BATCH.ATTRIBUTES) & CONTROL_BIT) {
      throw new KafkaError(ErrorCode.INVALID_RECORD, 'Clients may not produce control batches');
    }
    out.push(batch);
    pos += size;
  }
  if (out.length === 0) throw new KafkaError(ErrorCode.INVALID_RECORD, 'Produce request carries no record batch');
  return out;
}

/**
 * CreateTime bounds (message.timestamp.before/after.max.ms), checked on the batch's first and max
 * timestamps from the header rather than on every record.
 */
export function checkTimestamps(batch: Buffer, now: number, beforeMaxMs: number, afterMaxMs: number): void {
  const first = readInt64(batch, BATCH.BASE_TIMESTAMP);
  const max = readInt64(batch, BATCH.MAX_TIMESTAMP);
  if (now - first > beforeMaxMs || max - now > afterMaxMs) {
    throw new KafkaError(ErrorCode.INVALID_TIMESTAMP, `Timestamp of a record in the batch is out of range (first ${first}, max ${max}, broker time ${now})`);
  }
}

export function isTransactional(batch: Buffer): boolean {
  return (batch.readInt16BE(BATCH.ATTRIBUTES) & TRANSACTIONAL_BIT) !== 0;
}

export function compressionOf(batch: Buffer): number {
  return batch.readInt16BE(BATCH.ATTRIBUTES) & 0x07;
}

/**
 * Stamps a batch for the log in place: base offset and leader epoch live outside the CRC; with
 * LogAppendTime the timestamp type bit and max timestamp change too, so the CRC is recomputed.
 */
export function stampBatch(batch: Buffer, baseOffset: number, leaderEpoch: number, logAppendTime: number | null): StoredBatch {
  writeInt64(batch, BATCH.BASE_OFFSET, baseOffset);
  batch.writeInt32BE(leaderEpoch, BATCH.LEADER_EPOCH);
  if (logAppendTime !== null) {
    batch.writeInt16BE(batch.readInt16BE(BATCH.ATTRIBUTES) | TIMESTAMP_TYPE_BIT, BATCH.ATTRIBUTES);
    writeInt64(batch, BATCH.MAX_TIMESTAMP, logAppendTime);
    batch.writeUInt32BE(crc32c(batch.subarray(BATCH.ATTRIBUTES)), BATCH.CRC);
  }
  return describeBatch(batch);
}

/** Reads the lookup fields of a stored batch. */
export function describeBatch(batch: Buffer): StoredBatch {
  const baseOffset = readInt64(batch, BATCH.BASE_OFFSET);
  const logAppend = (batch.readInt16BE(BATCH.ATTRIBUTES) & TIMESTAMP_TYPE_BIT) !== 0;
  const maxTimestamp = readInt64(batch, BATCH.MAX_TIMESTAMP);
  return {
    baseOffset,
    lastOffset: baseOffset + batch.readInt32BE(BATCH.LAST_OFFSET_DELTA),
    maxTimestamp,
    firstTimestamp: logAppend ? maxTimestamp : readInt64(batch, BATCH.BASE_TIMESTAMP),
    buf: batch,
  };
}

/** Walks a buffer of stored batches (a segment file); stops at the first torn or corrupt one. */
export function scanStoredBatches(data: Buffer): { batches: StoredBatch[]; validBytes: number } {
  const batches: StoredBatch[] = [];
  let pos = 0;
  while (data.length - pos >= BATCH.HEADER_SIZE) {
    const size = data.readInt32BE(pos + BATCH.LENGTH) + BATCH.LOG_OVERHEAD;
    if (size < BATCH.HEADER_SIZE || pos + size > data.length) break;
    const batch = data.subarray(pos, pos + size);
    if (batch.readInt8(BATCH.MAGIC) !== 2 || crc32c(batch.subarray(BATCH.ATTRIBUTES)) !== batch.readUInt32BE(BATCH.CRC)) break;
    batches.push(describeBatch(batch));
    pos += size;
  }
  return { batches, validBytes: pos };
}
