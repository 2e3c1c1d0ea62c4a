import {
  BATCH_HEADER_SIZE,
  BATCH_OFFSETS,
  COMPRESSION_MASK,
  CONTROL_BIT,
  TIMESTAMP_TYPE_BIT,
  completeBatchSize,
  readInt64,
} from '@/lib/protocol/records/batch-header';
import { compressionFromCode, decompress, type CompressionType } from '@/lib/protocol/records/compression';
import { ProtocolError } from '@/lib/protocol/errors';
import { VarintCursor } from '@/lib/protocol/records/varint-cursor';

// The scan path's record reader. It walks magic v2 batches in a Fetch response without building
// an object per record: one cursor moves over the bytes and reads a record's fields only when
// the caller asks. Keys, values and header values are views of the fetched (or decompressed)
// bytes. The batch layout and the varint reads are lib/protocol's (records/batch-header.ts,
// records/varint-cursor.ts).

export interface BatchView {
  baseOffset: number;
  lastOffset: number;
  recordCount: number;
  compression: CompressionType;
  logAppendTime: boolean;
  control: boolean;
  baseTimestamp: number;
  maxTimestamp: number;
  /** Bytes of the batch on the wire. */
  size: number;
  /** The records region, decompressed; empty for control batches (never needed). */
  records: Buffer;
}

/**
 * Calls `visit` for each complete batch in a Fetch partition's records (a trailing batch cut
 * by the size limit is left for the next fetch) until it returns false. Returns the offset
 * after the last batch visited, or -1 when there was none.
 */
export function forEachBatch(blob: Buffer | null, visit: (batch: BatchView) => boolean | void): number {
  let next = -1;
  if (!blob) return next;
  let pos = 0;
  for (let size = completeBatchSize(blob, pos); size > 0; size = completeBatchSize(blob, pos)) {
    const magic = blob.readInt8(pos + BATCH_OFFSETS.MAGIC);
    if (magic !== 2) {
      throw new ProtocolError(`This topic holds message format v${magic} batches (from before Kafka 0.11); only v2 can be read`);
    }
    const attributes = blob.readInt16BE(pos + BATCH_OFFSETS.ATTRIBUTES);
    const baseOffset = readInt64(blob, pos + BATCH_OFFSETS.BASE_OFFSET);
    const control = (attributes & CONTROL_BIT) !== 0;
    const compression = compressionFromCode(attributes & COMPRESSION_MASK);
    const body = blob.subarray(pos + BATCH_HEADER_SIZE, pos + size);
    const keepGoing = visit({
      baseOffset,
      lastOffset: baseOffset + blob.readInt32BE(pos + BATCH_OFFSETS.LAST_OFFSET_DELTA),
      recordCount: blob.readInt32BE(pos + BATCH_OFFSETS.RECORD_COUNT),
      compression,
      logAppendTime: (attributes & TIMESTAMP_TYPE_BIT) !== 0,
      control,
      baseTimestamp: readInt64(blob, pos + BATCH_OFFSETS.BASE_TIMESTAMP),
      maxTimestamp: readInt64(blob, pos + BATCH_OFFSETS.MAX_TIMESTAMP),
      size,
      records: control ? body.subarray(0, 0) : compression === 'none' ? body : decompress(compression, body),
    });
    next = baseOffset + blob.readInt32BE(pos + BATCH_OFFSETS.LAST_OFFSET_DELTA) + 1;
    pos += size;
    if (keepGoing === false) break;
  }
  return next;
}

/** The offset after the last complete batch, from the batch headers alone (-1 if none). */
export function offsetAfterBatches(blob: Buffer | null): number {
  let next = -1;
  if (!blob) return next;
  let pos = 0;
  for (let size = completeBatchSize(blob, pos); size > 0; size = completeBatchSize(blob, pos)) {
    next = readInt64(blob, pos + BATCH_OFFSETS.BASE_OFFSET) + blob.readInt32BE(pos + BATCH_OFFSETS.LAST_OFFSET_DELTA) + 1;
    pos += size;
  }
  return next;
}

/** Moves over the records of one batch; field positions are read only by `parseFields`. */
export class RecordCursor extends VarintCursor {
  private left = 0;
  private baseOffset = 0;
  private baseTimestamp = 0;
  private logAppend = false;
  private maxTimestamp = 0;

  /** The current record: its byte range in `data`, offset and timestamp. */
  start = 0;
  end = 0;
  offset = 0;
  timestamp = 0;
  keyStart = 0;
  /** -1 for a null key. */
  keyLength = -1;
  valueStart = 0;
  valueLength = -1;
  headersStart = 0;
  headerCount = 0;

  reset(batch: BatchView): this {
    this.data = batch.records;
    this.pos = 0;
    this.left = batch.control ? 0 : batch.recordCount;
    this.baseOffset = batch.baseOffset;
    this.baseTimestamp = batch.baseTimestamp;
    this.logAppend = batch.logAppendTime;
    this.maxTimestamp = batch.maxTimestamp;
    return this;
  }

  /** Steps to the next record, reading its length, timestamp and offset only. */
  next(): boolean {
    if (this.left <= 0 || this.pos >= this.data.length) return false;
    this.left--;
    const length = this.varint();
    this.start = this.pos;
    this.end = this.pos + length;
    if (length < 0 || this.end > this.data.length) throw new ProtocolError(`record length ${length} overruns its batch`);
    this.pos++; // attributes
    const timestampDelta = this.varlong();
    this.offset = this.baseOffset + this.varint();
    this.timestamp = this.logAppend ? this.maxTimestamp : this.baseTimestamp + timestampDelta;
    this.keyStart = this.pos;
    this.pos = this.end;
    this.keyLength = -2;
    return true;
  }

  /** Reads where the current record's key, value and headers are. */
  parseFields(): void {
    if (this.keyLength !== -2) return;
    this.pos = this.keyStart;
    this.keyLength = this.varint();
    this.keyStart = this.pos;
    if (this.keyLength > 0) this.pos += this.keyLength;
    this.valueLength = this.varint();
    this.valueStart = this.pos;
    if (this.valueLength > 0) this.pos += this.valueLength;
    this.headerCount = this.varint();
    this.headersStart = this.pos;
    if (this.pos > this.end || this.headerCount < 0) throw new ProtocolError('record fields overrun the record');
    this.pos = this.end;
  }

  key(): Buffer | null {
    this.parseFields();
    return this.keyLength < 0 ? null : this.data.subarray(this.keyStart, this.keyStart + this.keyLength);
  }

  value(): Buffer | null {
    this.parseFields();
    return this.valueLength < 0 ? null : this.data.subarray(this.valueStart, this.valueStart + this.valueLength);
  }

  /** Calls `visit` with each header's name and value range; stops when it returns true. */
  forEachHeader(visit: (name: string, valueStart: number, valueLength: number) => boolean | void): void {
    this.parseFields();
    const saved = this.pos;
    this.pos = this.headersStart;
    for (let i = 0; i < this.headerCount; i++) {
      const nameLength = this.varint();
      const name = this.data.toString('utf8', this.pos, this.pos + nameLength);
      this.pos += nameLength;
      const valueLength = this.varint();
      const valueStart = this.pos;
      if (valueLength > 0) this.pos += valueLength;
      if (this.pos > this.end) throw new ProtocolError('record headers overrun the record');
      if (visit(name, valueStart, valueLength)) break;
    }
    this.pos = saved;
  }

  headers(): { key: string; value: Buffer | null }[] {
    const out: { key: string; value: Buffer | null }[] = [];
    this.forEachHeader((key, start, length) => {
      out.push({ key, value: length < 0 ? null : this.data.subarray(start, start + length) });
    });
    return out;
  }

  /** Bytes of key, value and headers (names and values). */
  payloadSize(): number {
    this.parseFields();
    let size = Math.max(0, this.keyLength) + Math.max(0, this.valueLength);
    this.forEachHeader((name, _start, length) => {
      size += Buffer.byteLength(name) + Math.max(0, length);
    });
    return size;
  }
}
