/** Encoding of v2 record batches (with CRC) and transaction-marker control batches. */
import { ProtocolError } from '../errors';
import { Writer, sizeOfVarInt, sizeOfVarLong } from '../writer';
import type { RecordHeader } from './batch-decode';
import {
  BATCH_HEADER_SIZE,
  BATCH_OFFSETS,
  CONTROL_BIT,
  LOG_OVERHEAD,
  TIMESTAMP_TYPE_BIT,
  TRANSACTIONAL_BIT,
  type TimestampType,
  writeInt64,
} from './batch-header';
import { COMPRESSION_CODES, type CompressionType, compress } from './compression';
import { crc32c } from './crc32c';

export interface RecordInput {
  key?: Buffer | null;
  value?: Buffer | null;
  headers?: RecordHeader[];
  /** Milliseconds since the epoch; defaults to now. */
  timestamp?: number;
  /** Offset relative to the batch's base; defaults to the record's index (a compacted batch has gaps). */
  offsetDelta?: number;
}

export interface RecordBatchInput {
  baseOffset?: number;
  records: RecordInput[];
  compression?: CompressionType;
  partitionLeaderEpoch?: number;
  producerId?: number;
  producerEpoch?: number;
  baseSequence?: number;
  transactional?: boolean;
  control?: boolean;
  timestampType?: TimestampType;
  /** Defaults to the last record's offset delta; a compacted batch keeps its original last offset. */
  lastOffsetDelta?: number;
}

function writeRecord(w: Writer, rec: RecordInput, offsetDelta: number, timestampDelta: number): void {
  const key = rec.key ?? null;
  const value = rec.value ?? null;
  const headers = rec.headers ?? [];
  let size = 1 + sizeOfVarLong(timestampDelta) + sizeOfVarInt(offsetDelta);
  size += key === null ? 1 : sizeOfVarInt(key.length) + key.length;
  size += value === null ? 1 : sizeOfVarInt(value.length) + value.length;
  size += sizeOfVarInt(headers.length);
  const keyLengths = new Array<number>(headers.length);
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i];
    const kl = Buffer.byteLength(h.key, 'utf8');
    keyLengths[i] = kl;
    size += sizeOfVarInt(kl) + kl;
    size += h.value === null ? 1 : sizeOfVarInt(h.value.length) + h.value.length;
  }
  w.writeVarInt(size);
  w.writeInt8(0);
  w.writeVarLong(timestampDelta);
  w.writeVarInt(offsetDelta);
  if (key === null) w.writeVarInt(-1);
  else w.writeVarInt(key.length).writeRaw(key);
  if (value === null) w.writeVarInt(-1);
  else w.writeVarInt(value.length).writeRaw(value);
  w.writeVarInt(headers.length);
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i];
    w.writeVarInt(keyLengths[i]).writeUtf8(h.key, keyLengths[i]);
    if (h.value === null) w.writeVarInt(-1);
    else w.writeVarInt(h.value.length).writeRaw(h.value);
  }
}

function estimateSize(records: readonly RecordInput[]): number {
  let n = BATCH_HEADER_SIZE;
  for (const r of records) n += 24 + (r.key?.length ?? 0) + (r.value?.length ?? 0) + (r.headers?.length ?? 0) * 16;
  return n;
}

/** Encodes one v2 record batch, with CRC, ready to be put in a Produce request. */
export function encodeRecordBatch(input: RecordBatchInput): Buffer {
  const { records } = input;
  if (records.length === 0) throw new ProtocolError('a record batch needs at least one record');
  const compression = input.compression ?? 'none';
  const now = Date.now();
  let baseTimestamp = Infinity;
  let maxTimestamp = -Infinity;
  for (const r of records) {
    const ts = r.timestamp ?? now;
    if (ts < baseTimestamp) baseTimestamp = ts;
    if (ts > maxTimestamp) maxTimestamp = ts;
  }
  const w = new Writer(estimateSize(records));
  w.reserve(BATCH_HEADER_SIZE);
  const body = compression === 'none' ? w : new Writer(estimateSize(records));
  for (let i = 0; i < records.length; i++) {
    writeRecord(body, records[i], records[i].offsetDelta ?? i, (records[i].timestamp ?? now) - baseTimestamp);
  }
  if (body !== w) w.writeRaw(compress(compression, body.toBuffer()));

  const buf = w.toBuffer();
  let attrs = COMPRESSION_CODES[compression];
  if (input.timestampType === 'LogAppendTime') attrs |= TIMESTAMP_TYPE_BIT;
  if (input.transactional) attrs |= TRANSACTIONAL_BIT;
  if (input.control) attrs |= CONTROL_BIT;
  writeInt64(buf, BATCH_OFFSETS.BASE_OFFSET, input.baseOffset ?? 0);
  buf.writeInt32BE(buf.length - LOG_OVERHEAD, BATCH_OFFSETS.BATCH_LENGTH);
  buf.writeInt32BE(input.partitionLeaderEpoch ?? -1, BATCH_OFFSETS.PARTITION_LEADER_EPOCH);
  buf.writeInt8(2, BATCH_OFFSETS.MAGIC);
  buf.writeInt16BE(attrs, BATCH_OFFSETS.ATTRIBUTES);
  buf.writeInt32BE(input.lastOffsetDelta ?? records[records.length - 1].offsetDelta ?? records.length - 1, BATCH_OFFSETS.LAST_OFFSET_DELTA);
  writeInt64(buf, BATCH_OFFSETS.BASE_TIMESTAMP, baseTimestamp);
  writeInt64(buf, BATCH_OFFSETS.MAX_TIMESTAMP, maxTimestamp);
  writeInt64(buf, BATCH_OFFSETS.PRODUCER_ID, input.producerId ?? -1);
  buf.writeInt16BE(input.producerEpoch ?? -1, BATCH_OFFSETS.PRODUCER_EPOCH);
  buf.writeInt32BE(input.baseSequence ?? -1, BATCH_OFFSETS.BASE_SEQUENCE);
  buf.writeInt32BE(records.length, BATCH_OFFSETS.RECORD_COUNT);
  buf.writeUInt32BE(crc32c(buf, BATCH_OFFSETS.ATTRIBUTES, buf.length), BATCH_OFFSETS.CRC);
  return buf;
}

export interface ControlBatchInput {
  baseOffset?: number;
  producerId: number;
  producerEpoch: number;
  type: 'ABORT' | 'COMMIT';
  coordinatorEpoch?: number;
  timestamp?: number;
  partitionLeaderEpoch?: number;
}

/** A transaction marker: a transactional control batch holding one control record. */
export function encodeControlBatch(input: ControlBatchInput): Buffer {
  const key = Buffer.alloc(4);
  key.writeInt16BE(0, 0); // control record key version
  key.writeInt16BE(input.type === 'COMMIT' ? 1 : 0, 2);
  const value = Buffer.alloc(6);
  value.writeInt16BE(0, 0); // end-transaction marker version
  value.writeInt32BE(input.coordinatorEpoch ?? 0, 2);
  return encodeRecordBatch({
    baseOffset: input.baseOffset,
    records: [{ key, value, timestamp: input.timestamp }],
    producerId: input.producerId,
    producerEpoch: input.producerEpoch,
    partitionLeaderEpoch: input.partitionLeaderEpoch,
    transactional: true,
    control: true,
  });
}
