import {
  BATCH_HEADER_SIZE,
  BATCH_OFFSETS,
  COMPRESSION_MASK,
  CONTROL_BIT,
  LOG_OVERHEAD,
  TIMESTAMP_TYPE_BIT,
  TRANSACTIONAL_BIT,
  completeBatchSize,
  readInt64,
  rewriteBatch,
  verifyBatchCrc,
} from '@/lib/protocol/records/batch-header';
import { KafkaError } from '../errors';
import { ErrorCode } from '@/lib/protocol/errors';

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
    if (records.length - pos < BATCH_HEADER_SIZE) {
      throw new KafkaError(ErrorCode.CORRUPT_MESSAGE, 'Record batch is truncated');
    }
    const size = records.readInt32BE(pos + BATCH_OFFSETS.BATCH_LENGTH) + LOG_OVERHEAD;
    if (size < BATCH_HEADER_SIZE || pos + size > records.length) {
      throw new KafkaError(ErrorCode.CORRUPT_MESSAGE, `Record batch size ${size} does not fit the request`);
    }
    const magic = records.readInt8(pos + BATCH_OFFSETS.MAGIC);
    if (magic !== 2) {
      throw new KafkaError(ErrorCode.UNSUPPORTED_FOR_MESSAGE_FORMAT, `Record batch magic ${magic} is not supported (only v2)`);
    }
    if (size > maxBatchBytes) {
      throw new KafkaError(ErrorCode.MESSAGE_TOO_LARGE, `Record batch of ${size} bytes exceeds max.message.bytes ${maxBatchBytes}`);
    }
    const batch = records.subarray(pos, pos + size);
    if (!verifyBatchCrc(batch)) {
      throw new KafkaError(ErrorCode.CORRUPT_MESSAGE, 'Record batch CRC does not match its contents');
    }
    const count = batch.readInt32BE(BATCH_OFFSETS.RECORD_COUNT);
    const lastDelta = batch.readInt32BE(BATCH_OFFSETS.LAST_OFFSET_DELTA);
    if (count <= 0 || lastDelta < 0 || lastDelta < count - 1) {
      throw new KafkaError(ErrorCode.INVALID_RECORD, `Record batch has ${count} records and last offset delta ${lastDelta}`);
    }
    if (batch.readInt16BE(BATCH_OFFSETS.ATTRIBUTES) & CONTROL_BIT) {
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
  const first = readInt64(batch, BATCH_OFFSETS.BASE_TIMESTAMP);
  const max = readInt64(batch, BATCH_OFFSETS.MAX_TIMESTAMP);
  if (now - first > beforeMaxMs || max - now > afterMaxMs) {
    throw new KafkaError(ErrorCode.INVALID_TIMESTAMP, `Timestamp of a record in the batch is out of range (first ${first}, max ${max}, broker time ${now})`);
  }
}

export function isTransactional(batch: Buffer): boolean {
  return (batch.readInt16BE(BATCH_OFFSETS.ATTRIBUTES) & TRANSACTIONAL_BIT) !== 0;
}

export function compressionOf(batch: Buffer): number {
  return batch.readInt16BE(BATCH_OFFSETS.ATTRIBUTES) & COMPRESSION_MASK;
}

/** Stamps a batch for the log in place: base offset, leader epoch and, with LogAppendTime, the broker's time. */
export function stampBatch(batch: Buffer, baseOffset: number, leaderEpoch: number, logAppendTime: number | null): StoredBatch {
  rewriteBatch(batch, 0, { baseOffset, partitionLeaderEpoch: leaderEpoch, logAppendTime: logAppendTime ?? undefined });
  return describeBatch(batch);
}

/** Reads the lookup fields of a stored batch. */
export function describeBatch(batch: Buffer): StoredBatch {
  const baseOffset = readInt64(batch, BATCH_OFFSETS.BASE_OFFSET);
  const logAppend = (batch.readInt16BE(BATCH_OFFSETS.ATTRIBUTES) & TIMESTAMP_TYPE_BIT) !== 0;
  const maxTimestamp = readInt64(batch, BATCH_OFFSETS.MAX_TIMESTAMP);
  return {
    baseOffset,
    lastOffset: baseOffset + batch.readInt32BE(BATCH_OFFSETS.LAST_OFFSET_DELTA),
    maxTimestamp,
    firstTimestamp: logAppend ? maxTimestamp : readInt64(batch, BATCH_OFFSETS.BASE_TIMESTAMP),
    buf: batch,
  };
}

/** Walks a buffer of stored batches (a segment file); stops at the first torn or corrupt one. */
export function scanStoredBatches(data: Buffer): { batches: StoredBatch[]; validBytes: number } {
  const batches: StoredBatch[] = [];
  let pos = 0;
  for (let size = completeBatchSize(data, pos); size > 0; size = completeBatchSize(data, pos)) {
    const batch = data.subarray(pos, pos + size);
    if (batch.readInt8(BATCH_OFFSETS.MAGIC) !== 2 || !verifyBatchCrc(batch)) break;
    batches.push(describeBatch(batch));
    pos += size;
  }
  return { batches, validBytes: pos };
}
