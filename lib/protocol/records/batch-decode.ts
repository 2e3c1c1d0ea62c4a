/**
 * Decoding of record batches in a Fetch response or a produce payload: v2 batches record by
 * record, legacy message sets (magic 0/1) through ./legacy-messages. Keys, values and header
 * values of uncompressed batches are views of the input buffer (no copy).
 */
import { ProtocolError } from '../errors';
import { Reader } from '../reader';
import { sizeOfVarInt } from '../writer';
import { BATCH_HEADER_SIZE, BATCH_OFFSETS, type BatchHeader, batchSizeAt, readBatchHeader } from './batch-header';
import { decompress } from './compression';
import { crc32c } from './crc32c';
import { decodeLegacy } from './legacy-messages';

export interface RecordHeader {
  key: string;
  value: Buffer | null;
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
