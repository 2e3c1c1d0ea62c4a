/**
 * Kafka record batches (magic v2): encode, decode, cheap header reads and
 * in-place rewrites. Legacy message sets (magic 0/1) are decoded too, since
 * a fetch from an old topic may return them.
 *
 * Decoded keys, values and header values of uncompressed batches are views
 * of the input buffer (no copy).
 */
import { ProtocolError } from '../errors';
import { Reader } from '../reader';
import { Writer, sizeOfVarInt, sizeOfVarLong } from '../writer';
import { COMPRESSION_CODES, type CompressionType, compress, compressionFromCode, decompress } from './compression';
import { crc32c } from './crc32c';

/** Byte offsets inside a v2 batch header. */
export const BATCH_OFFSETS = {
  BASE_OFFSET: 0,
  BATCH_LENGTH: 8,
  PARTITION_LEADER_EPOCH: 12,
  MAGIC: 16,
  CRC: 17,
  ATTRIBUTES: 21,
  LAST_OFFSET_DELTA: 23,
  BASE_TIMESTAMP: 27,
  MAX_TIMESTAMP: 35,
  PRODUCER_ID: 43,
  PRODUCER_EPOCH: 51,
  BASE_SEQUENCE: 53,
  RECORD_COUNT: 57,
} as const;

export const BATCH_HEADER_SIZE = 61;
/** baseOffset + batchLength: the bytes batchLength does not count. */
export const LOG_OVERHEAD = 12;

/** Bits of the attributes field; see parseAttributes for the decoded form. */
export const COMPRESSION_MASK = 0x07;
export const TIMESTAMP_TYPE_BIT = 0x08;
export const TRANSACTIONAL_BIT = 0x10;
export const CONTROL_BIT = 0x20;
const DELETE_HORIZON_BIT = 0x40;
const TWO_32 = 4294967296;

export type TimestampType = 'CreateTime' | 'LogAppendTime';

export interface RecordHeader {
  key: string;
  value: Buffer | null;
}

export interface BatchAttributes {
  compression: CompressionType;
  timestampType: TimestampType;
  transactional: boolean;
  /** Control batches hold transaction markers, not user data; consumers skip them. */
  control: boolean;
  /** Set by compaction: baseTimestamp is then the delete horizon. */
  deleteHorizon: boolean;
}

export interface BatchHeader {
  baseOffset: number;
  /** Total size of the batch in bytes, including baseOffset and batchLength. */
  sizeInBytes: number;
  batchLength: number;
  partitionLeaderEpoch: number;
  magic: number;
  crc: number;
  rawAttributes: number;
  attributes: BatchAttributes;
  lastOffsetDelta: number;
  baseTimestamp: number;
  maxTimestamp: number;
  producerId: number;
  producerEpoch: number;
  baseSequence: number;
  recordCount: number;
}

export interface DecodedRecord {
  /** Absolute offset (baseOffset + offsetDelta). */
  offset: number;
  timestamp: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: RecordHeader[];
  /** Encoded size of the record inside its (uncompressed) batch. */
  sizeInBytes: number;
}

export type ControlType = 'ABORT' | 'COMMIT' | 'UNKNOWN';

export interface DecodedBatch extends BatchHeader {
  /** Offset of the last record the batch covers (baseOffset + lastOffsetDelta). */
  lastOffset: number;
  records: DecodedRecord[];
  /** For control batches: the transaction marker type of the first record. */
  controlType?: ControlType;
}

/** A big-endian int64 at `at` as a number (exact up to 2^53, which offsets and timestamps stay below). */
export function readInt64(buf: Buffer, at: number): number {
  return buf.readInt32BE(at) * TWO_32 + buf.readUInt32BE(at + 4);
}

function writeInt64(buf: Buffer, at: number, v: number): void {
  const hi = Math.floor(v / TWO_32);
  buf.writeInt32BE(hi, at);
  buf.writeUInt32BE(v - hi * TWO_32, at + 4);
}

function parseAttributes(attrs: number): BatchAttributes {
  return {
    compression: compressionFromCode(attrs & COMPRESSION_MASK),
    timestampType: attrs & TIMESTAMP_TYPE_BIT ? 'LogAppendTime' : 'CreateTime',
    transactional: (attrs & TRANSACTIONAL_BIT) !== 0,
    control: (attrs & CONTROL_BIT) !== 0,
    deleteHorizon: (attrs & DELETE_HORIZON_BIT) !== 0,
  };
}

// ---------------------------------------------------------------- header access

/**
 * Total size of the batch (or legacy message) starting at `offset`, or -1 if
 * the buffer ends before the batch does (a fetch may cut the last one).
 */
export function batchSizeAt(buf: Buffer, offset = 0): number {
  if (buf.length - offset < LOG_OVERHEAD) return -1;
  const len = buf.readInt32BE(offset + BATCH_OFFSETS.BATCH_LENGTH);
  if (len < 0) throw new ProtocolError(`negative batch length ${len} at offset ${offset}`);
  const size = len + LOG_OVERHEAD;
  return buf.length - offset < size ? -1 : size;
}

/** Reads the 61-byte v2 header at `offset` without touching the records. */
export function readBatchHeader(buf: Buffer, offset = 0): BatchHeader {
  if (buf.length - offset < BATCH_HEADER_SIZE) {
    throw new ProtocolError(`truncated record batch header at offset ${offset}: ${buf.length - offset} bytes`);
  }
  const magic = buf.readInt8(offset + BATCH_OFFSETS.MAGIC);
  if (magic !== 2) throw new ProtocolError(`record batch at offset ${offset} has magic ${magic}, expected 2`);
  const batchLength = buf.readInt32BE(offset + BATCH_OFFSETS.BATCH_LENGTH);
  if (batchLength < BATCH_HEADER_SIZE - LOG_OVERHEAD) {
    throw new ProtocolError(`record batch at offset ${offset} has invalid length ${batchLength}`);
  }
  const rawAttributes = buf.readInt16BE(offset + BATCH_OFFSETS.ATTRIBUTES);
  return {
    baseOffset: readInt64(buf, offset),
    sizeInBytes: batchLength + LOG_OVERHEAD,
    batchLength,
    partitionLeaderEpoch: buf.readInt32BE(offset + BATCH_OFFSETS.PARTITION_LEADER_EPOCH),
    magic,
    crc: buf.readUInt32BE(offset + BATCH_OFFSETS.CRC),
    rawAttributes,
    attributes: parseAttributes(rawAttributes),
    lastOffsetDelta: buf.readInt32BE(offset + BATCH_OFFSETS.LAST_OFFSET_DELTA),
    baseTimestamp: readInt64(buf, offset + BATCH_OFFSETS.BASE_TIMESTAMP),
    maxTimestamp: readInt64(buf, offset + BATCH_OFFSETS.MAX_TIMESTAMP),
    producerId: readInt64(buf, offset + BATCH_OFFSETS.PRODUCER_ID),
    producerEpoch: buf.readInt16BE(offset + BATCH_OFFSETS.PRODUCER_EPOCH),
    baseSequence: buf.readInt32BE(offset + BATCH_OFFSETS.BASE_SEQUENCE),
    recordCount: buf.readInt32BE(offset + BATCH_OFFSETS.RECORD_COUNT),
  };
}

/** Whether the stored CRC matches CRC-32C of the batch from its attributes to its end. */
export function verifyBatchCrc(buf: Buffer, offset = 0): boolean {
  const size = batchSizeAt(buf, offset);
  if (size < BATCH_HEADER_SIZE) return false;
  return crc32c(buf, offset + BATCH_OFFSETS.ATTRIBUTES, offset + size) === buf.readUInt32BE(offset + BATCH_OFFSETS.CRC);
}

export interface BatchRewrite {
  baseOffset?: number;
  partitionLeaderEpoch?: number;
  /** Switches the batch to LogAppendTime with this broker timestamp as maxTimestamp. */
  logAppendTime?: number;
}

/**
 * Rewrites header fields in place, as a broker does when appending.
 * baseOffset and partitionLeaderEpoch sit before the CRC-covered range, so
 * changing them needs no CRC work; switching to LogAppendTime changes
 * attributes and maxTimestamp, so the CRC is recomputed then.
 */
export function rewriteBatch(buf: Buffer, offset: number, change: BatchRewrite): void {
  if (buf.length - offset < BATCH_HEADER_SIZE) throw new ProtocolError(`truncated record batch header at offset ${offset}`);
  if (change.baseOffset !== undefined) writeInt64(buf, offset + BATCH_OFFSETS.BASE_OFFSET, change.baseOffset);
  if (change.partitionLeaderEpoch !== undefined) buf.writeInt32BE(change.partitionLeaderEpoch, offset + BATCH_OFFSETS.PARTITION_LEADER_EPOCH);
  if (change.logAppendTime !== undefined) {
    const size = batchSizeAt(buf, offset);
    if (size < 0) throw new ProtocolError(`truncated record batch at offset ${offset}`);
    const attrs = buf.readInt16BE(offset + BATCH_OFFSETS.ATTRIBUTES);
    buf.writeInt16BE(attrs | TIMESTAMP_TYPE_BIT, offset + BATCH_OFFSETS.ATTRIBUTES);
    writeInt64(buf, offset + BATCH_OFFSETS.MAX_TIMESTAMP, change.logAppendTime);
    buf.writeUInt32BE(crc32c(buf, offset + BATCH_OFFSETS.ATTRIBUTES, offset + size), offset + BATCH_OFFSETS.CRC);
  }
}

// ---------------------------------------------------------------- encode

export interface RecordInput {
  key?: Buffer | null;
  value?: Buffer | null;
  headers?: RecordHeader[];
  /** Milliseconds since the epoch; defaults to now. */
  timestamp?: number;
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
    writeRecord(body, records[i], i, (records[i].timestamp ?? now) - baseTimestamp);
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
  buf.writeInt32BE(records.length - 1, BATCH_OFFSETS.LAST_OFFSET_DELTA);
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

// ---------------------------------------------------------------- decode

export interface DecodeOptions {
  /** Check each v2 batch's CRC-32C and throw ProtocolError on mismatch (default false, like most consumers). */
  verifyCrc?: boolean;
}

function readHeaderValue(r: Reader): Buffer | null {
  const len = r.readVarInt();
  if (len < 0) return null;
  return r.readRaw(len);
}

function decodeRecords(data: Buffer, header: BatchHeader, logAppend: boolean): DecodedRecord[] {
  const r = new Reader(data);
  const { recordCount, baseOffset, baseTimestamp, maxTimestamp } = header;
  if (recordCount < 0) throw new ProtocolError(`negative record count ${recordCount}`);
  const out: DecodedRecord[] = [];
  for (let i = 0; i < recordCount; i++) {
    const len = r.readVarInt();
    const start = r.offset;
    if (len < 0 || len > r.remaining) throw new ProtocolError(`record length ${len} overruns the batch at offset ${start}`);
    r.offset += 1; // record attributes: unused
    const timestampDelta = r.readVarLong();
    const offsetDelta = r.readVarInt();
    const keyLen = r.readVarInt();
    const key = keyLen < 0 ? null : r.readRaw(keyLen);
    const valueLen = r.readVarInt();
    const value = valueLen < 0 ? null : r.readRaw(valueLen);
    const headerCount = r.readVarInt();
    if (headerCount < 0 || headerCount > r.remaining) throw new ProtocolError(`invalid header count ${headerCount}`);
    const headers: RecordHeader[] = new Array(headerCount);
    for (let h = 0; h < headerCount; h++) {
      const kl = r.readVarInt();
      if (kl < 0) throw new ProtocolError('record header key is null');
      r.need(kl, 'header key');
      const hk = r.buf.toString('utf8', r.offset, r.offset + kl);
      r.offset += kl;
      headers[h] = { key: hk, value: readHeaderValue(r) };
    }
    if (r.offset !== start + len) {
      throw new ProtocolError(`record at offset ${start} declares ${len} bytes but holds ${r.offset - start}`);
    }
    out.push({
      offset: baseOffset + offsetDelta,
      timestamp: logAppend ? maxTimestamp : baseTimestamp + timestampDelta,
      key,
      value,
      headers,
      sizeInBytes: len + sizeOfVarInt(len),
    });
  }
  return out;
}

function controlTypeOf(rec: DecodedRecord | undefined): ControlType {
  if (!rec || rec.key === null || rec.key.length < 4) return 'UNKNOWN';
  const type = rec.key.readInt16BE(2);
  return type === 0 ? 'ABORT' : type === 1 ? 'COMMIT' : 'UNKNOWN';
}

function decodeV2(buf: Buffer, offset: number, options: DecodeOptions): DecodedBatch {
  const header = readBatchHeader(buf, offset);
  const end = offset + header.sizeInBytes;
  if (options.verifyCrc && crc32c(buf, offset + BATCH_OFFSETS.ATTRIBUTES, end) !== header.crc) {
    throw new ProtocolError(`record batch at offset ${header.baseOffset} failed its CRC check`);
  }
  const payload = buf.subarray(offset + BATCH_HEADER_SIZE, end);
  const data = decompress(header.attributes.compression, payload);
  const records = decodeRecords(data, header, header.attributes.timestampType === 'LogAppendTime');
  const batch: DecodedBatch = { ...header, lastOffset: header.baseOffset + header.lastOffsetDelta, records };
  if (header.attributes.control) batch.controlType = controlTypeOf(records[0]);
  return batch;
}

/**
 * Legacy message (magic 0/1) at `offset`, as a batch. A compressed wrapper
 * message expands to its inner messages.
 */
function decodeLegacy(buf: Buffer, offset: number, size: number): DecodedBatch {
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

/**
 * Decodes every complete batch in `buf` (a Fetch response's records field or
 * a produce payload). A trailing partial batch is ignored, as Fetch may cut
 * one at its size limit.
 */
export function decodeRecordBatches(buf: Buffer | null, options: DecodeOptions = {}): DecodedBatch[] {
  const out: DecodedBatch[] = [];
  if (buf === null) return out;
  let pos = 0;
  while (pos < buf.length) {
    const size = batchSizeAt(buf, pos);
    if (size < 0 || buf.length - pos < BATCH_OFFSETS.MAGIC + 1) break;
    const magic = buf.readInt8(pos + BATCH_OFFSETS.MAGIC);
    if (magic === 2) out.push(decodeV2(buf, pos, options));
    else if (magic === 0 || magic === 1) out.push(decodeLegacy(buf, pos, size));
    else throw new ProtocolError(`unknown record batch magic ${magic} at offset ${pos}`);
    pos += size;
  }
  return out;
}
