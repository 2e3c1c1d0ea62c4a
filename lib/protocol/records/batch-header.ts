/**
 * The layout of a v2 record batch header, and the reads and in-place rewrites that need only
 * the header: field offsets, attribute bits, int64 fields as numbers, batch sizes, CRC checks.
 * Everything that walks batches without decoding them (the message scan, the devcluster's log)
 * reads the header through these.
 */
import { ProtocolError } from '../errors';
import { type CompressionType, compressionFromCode } from './compression';
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

/** A big-endian int64 at `at` as a number (exact up to 2^53, which offsets and timestamps stay below). */
export function readInt64(buf: Buffer, at: number): number {
  return buf.readInt32BE(at) * TWO_32 + buf.readUInt32BE(at + 4);
}

export function writeInt64(buf: Buffer, at: number, v: number): void {
  const hi = Math.floor(v / TWO_32);
  buf.writeInt32BE(hi, at);
  buf.writeUInt32BE(v - hi * TWO_32, at + 4);
}

export function parseAttributes(attrs: number): BatchAttributes {
  return {
    compression: compressionFromCode(attrs & COMPRESSION_MASK),
    timestampType: attrs & TIMESTAMP_TYPE_BIT ? 'LogAppendTime' : 'CreateTime',
    transactional: (attrs & TRANSACTIONAL_BIT) !== 0,
    control: (attrs & CONTROL_BIT) !== 0,
    deleteHorizon: (attrs & DELETE_HORIZON_BIT) !== 0,
  };
}

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

/**
 * Size of the v2 batch at `offset` when `buf` holds all of it, else -1: fewer bytes than a
 * header remain, the buffer ends before the batch does, or the length is too small for a
 * header. Never throws, so a walk over fetched or stored bytes simply stops there.
 */
export function completeBatchSize(buf: Buffer, offset: number): number {
  if (buf.length - offset < BATCH_HEADER_SIZE) return -1;
  const size = buf.readInt32BE(offset + BATCH_OFFSETS.BATCH_LENGTH) + LOG_OVERHEAD;
  return size < BATCH_HEADER_SIZE || buf.length - offset < size ? -1 : size;
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
