import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { compress as rawSnappy } from 'snappyjs';
import { ProtocolError } from '@/lib/protocol/errors';
import {
  BATCH_HEADER_SIZE,
  type RecordInput,
  batchSizeAt,
  decodeRecordBatches,
  encodeControlBatch,
  encodeRecordBatch,
  readBatchHeader,
  rewriteBatch,
  verifyBatchCrc,
} from '@/lib/protocol/records/batch';
import { type CompressionType, compress } from '@/lib/protocol/records/compression';
import { crc32c } from '@/lib/protocol/records/crc32c';

const T0 = 1_700_000_000_000;

function sampleRecords(n: number): RecordInput[] {
  return Array.from({ length: n }, (_, i) => ({
    key: i % 4 === 0 ? null : Buffer.from(`key-${i}`),
    value: i % 5 === 0 ? null : Buffer.from(`value ${i} `.repeat(1 + (i % 9))),
    headers: i % 3 === 0 ? [] : [{ key: 'trace', value: Buffer.from([i & 0xff]) }, { key: 'ümlaut', value: null }],
    timestamp: T0 + i * 3,
  }));
}

function assertRecords(got: ReturnType<typeof decodeRecordBatches>[number]['records'], want: RecordInput[], base: number): void {
  assert.equal(got.length, want.length);
  got.forEach((r, i) => {
    assert.equal(r.offset, base + i);
    assert.equal(r.timestamp, want[i].timestamp);
    assert.deepEqual(r.key, want[i].key ?? null);
    assert.deepEqual(r.value, want[i].value ?? null);
    assert.deepEqual(r.headers, want[i].headers ?? []);
  });
}

/** Assembles a v2 batch around an already-compressed records section (for codecs we cannot write). */
function batchAround(records: Buffer, count: number, codec: number, baseTimestamp: number): Buffer {
  const b = Buffer.alloc(BATCH_HEADER_SIZE + records.length);
  b.writeInt32BE(0, 0);
  b.writeInt32BE(5, 4); // base offset 5
  b.writeInt32BE(b.length - 12, 8);
  b.writeInt32BE(-1, 12);
  b.writeInt8(2, 16);
  b.writeInt16BE(codec, 21);
  b.writeInt32BE(count - 1, 23);
  b.writeBigInt64BE(BigInt(baseTimestamp), 27);
  b.writeBigInt64BE(BigInt(baseTimestamp + 9), 35);
  b.writeBigInt64BE(-1n, 43);
  b.writeInt16BE(-1, 51);
  b.writeInt32BE(-1, 53);
  b.writeInt32BE(count, 57);
  records.copy(b, BATCH_HEADER_SIZE);
  b.writeUInt32BE(crc32c(b, 21), 17);
  return b;
}

// Records section of three records (see FIXTURE_RECORDS), compressed by the
// reference zstd (v1.5.4, -19) and lz4 (v1.9.4) command-line tools.
const ZSTD_RECORDS = '28b52ffd2446b5010012830b11a0ed6c32f83f1381235beddbe587ec52a60b99f7b86ef1f105a362322c8313ca8db9ac296b89efb1868cebff290100fd9530ec8e9249';
const LZ4_CLI_RECORDS =
  '04224d186440a738000000ff0458000000046b314068656c6c6f207a737464200b0002f00f020268027618000a02010c7365636f6e640016001204046b330102026e01000000009a2868d1';
const FIXTURE_RECORDS: RecordInput[] = [
  { key: Buffer.from('k1'), value: Buffer.from('hello zstd hello zstd hello zstd'), headers: [{ key: 'h', value: Buffer.from('v') }], timestamp: T0 },
  { key: null, value: Buffer.from('second'), headers: [], timestamp: T0 + 5 },
  { key: Buffer.from('k3'), value: null, headers: [{ key: 'n', value: null }], timestamp: T0 + 9 },
];

describe('record batch v2 encoding', () => {
  it('writes the header layout by hand-checkable bytes for one record', () => {
    const b = encodeRecordBatch({ baseOffset: 7, records: [{ key: null, value: Buffer.from('v'), timestamp: 1000 }] });
    const record = '0e' + '00' + '00' + '00' + '01' + '02' + '76' + '00'; // len 7, attrs, tsDelta, offDelta, key null, value "v", 0 headers
    const afterCrc =
      '0000' + '00000000' + '00000000000003e8' + '00000000000003e8' + 'ffffffffffffffff' + 'ffff' + 'ffffffff' + '00000001' + record;
    const crc = crc32c(Buffer.from(afterCrc, 'hex')).toString(16).padStart(8, '0');
    const expected = '0000000000000007' + (49 + 8).toString(16).padStart(8, '0') + 'ffffffff' + '02' + crc + afterCrc;
    assert.equal(b.toString('hex'), expected);
  });

  for (const compression of ['none', 'gzip', 'snappy', 'lz4'] as CompressionType[]) {
    it(`round-trips headers, null keys/values and timestamps with ${compression}`, () => {
      const records = sampleRecords(500);
      const b = encodeRecordBatch({ baseOffset: 1000, records, compression, producerId: 42, producerEpoch: 3, baseSequence: 10, partitionLeaderEpoch: 4 });
      assert.ok(verifyBatchCrc(b));
      const [batch, ...rest] = decodeRecordBatches(b, { verifyCrc: true });
      assert.equal(rest.length, 0);
      assert.equal(batch.attributes.compression, compression);
      assert.equal(batch.baseOffset, 1000);
      assert.equal(batch.lastOffsetDelta, 499);
      assert.equal(batch.lastOffset, 1499);
      assert.equal(batch.producerId, 42);
      assert.equal(batch.producerEpoch, 3);
      assert.equal(batch.baseSequence, 10);
      assert.equal(batch.partitionLeaderEpoch, 4);
      assert.equal(batch.baseTimestamp, T0);
      assert.equal(batch.maxTimestamp, T0 + 499 * 3);
      assert.equal(batch.sizeInBytes, b.length);
      assertRecords(batch.records, records, 1000);
      if (compression !== 'none') assert.ok(b.length < encodeRecordBatch({ records }).length, 'compressed batch should be smaller');
    });
  }

  it('sizeInBytes of each record adds up to the uncompressed records section', () => {
    const b = encodeRecordBatch({ records: sampleRecords(50) });
    const [batch] = decodeRecordBatches(b);
    assert.equal(batch.records.reduce((n, r) => n + r.sizeInBytes, 0), b.length - BATCH_HEADER_SIZE);
  });

  it('keeps values as views of an uncompressed input', () => {
    const b = encodeRecordBatch({ records: [{ key: Buffer.from('k'), value: Buffer.from('v') }] });
    assert.equal(decodeRecordBatches(b)[0].records[0].value?.buffer, b.buffer);
  });

  it('defaults timestamps to now', () => {
    const before = Date.now();
    const [batch] = decodeRecordBatches(encodeRecordBatch({ records: [{ value: Buffer.from('x') }] }));
    assert.ok(batch.records[0].timestamp >= before && batch.records[0].timestamp <= Date.now());
  });
});

describe('record batch v2 decoding', () => {
  it('decodes several batches and ignores a partial trailing one', () => {
    const a = encodeRecordBatch({ baseOffset: 0, records: sampleRecords(3) });
    const b = encodeRecordBatch({ baseOffset: 3, records: sampleRecords(2), compression: 'gzip' });
    const c = encodeRecordBatch({ baseOffset: 5, records: sampleRecords(4) });
    for (const cut of [1, 11, 12, 60, c.length - 1]) {
      const batches = decodeRecordBatches(Buffer.concat([a, b, c.subarray(0, cut)]));
      assert.deepEqual(batches.map((x) => x.baseOffset), [0, 3]);
    }
    assert.deepEqual(decodeRecordBatches(Buffer.concat([a, b, c])).flatMap((x) => x.records.map((r) => r.offset)), [0, 1, 2, 3, 4, 5, 6, 7, 8]);
    assert.deepEqual(decodeRecordBatches(null), []);
    assert.deepEqual(decodeRecordBatches(Buffer.alloc(0)), []);
  });

  it('applies LogAppendTime to every record', () => {
    const b = encodeRecordBatch({ records: sampleRecords(3) });
    rewriteBatch(b, 0, { logAppendTime: T0 + 1_000_000 });
    assert.ok(verifyBatchCrc(b));
    const [batch] = decodeRecordBatches(b, { verifyCrc: true });
    assert.equal(batch.attributes.timestampType, 'LogAppendTime');
    assert.deepEqual(batch.records.map((r) => r.timestamp), [T0 + 1_000_000, T0 + 1_000_000, T0 + 1_000_000]);
  });

  it('flags control batches (transaction markers) with their type', () => {
    const commit = encodeControlBatch({ baseOffset: 9, producerId: 77, producerEpoch: 2, type: 'COMMIT', coordinatorEpoch: 3 });
    const abort = encodeControlBatch({ baseOffset: 10, producerId: 77, producerEpoch: 2, type: 'ABORT' });
    const data = encodeRecordBatch({ baseOffset: 11, records: sampleRecords(1), transactional: true, producerId: 77 });
    const batches = decodeRecordBatches(Buffer.concat([commit, abort, data]));
    assert.deepEqual(batches.map((x) => [x.attributes.control, x.attributes.transactional, x.controlType]), [
      [true, true, 'COMMIT'],
      [true, true, 'ABORT'],
      [false, true, undefined],
    ]);
    assert.equal(batches[0].records[0].value?.readInt32BE(2), 3);
    assert.equal(batches.filter((x) => !x.attributes.control).flatMap((x) => x.records).length, 1);
  });

  it('rejects corrupt input with ProtocolError', () => {
    const b = encodeRecordBatch({ records: sampleRecords(5) });
    const flipped = Buffer.from(b);
    flipped[flipped.length - 3] ^= 0xff;
    assert.throws(() => decodeRecordBatches(flipped, { verifyCrc: true }), /CRC/);
    assert.equal(verifyBatchCrc(flipped), false);
    const badMagic = Buffer.from(b);
    badMagic[16] = 7;
    assert.throws(() => decodeRecordBatches(badMagic), /magic 7/);
    const badCount = Buffer.from(b);
    badCount.writeInt32BE(6, 57);
    assert.throws(() => decodeRecordBatches(badCount), ProtocolError);
    const badLength = Buffer.from(b);
    badLength.writeInt32BE(-5, 8);
    assert.throws(() => decodeRecordBatches(badLength), ProtocolError);
    const badRecordLength = Buffer.from(b);
    badRecordLength[BATCH_HEADER_SIZE] = 0x7e; // first record claims 63 bytes
    assert.throws(() => decodeRecordBatches(badRecordLength), ProtocolError);
  });

  it('decodes zstd, raw snappy and third-party lz4 batches', () => {
    const zstd = batchAround(Buffer.from(ZSTD_RECORDS, 'hex'), 3, 4, T0);
    assertRecords(decodeRecordBatches(zstd, { verifyCrc: true })[0].records, FIXTURE_RECORDS, 5);
    const lz4 = batchAround(Buffer.from(LZ4_CLI_RECORDS, 'hex'), 3, 3, T0);
    assertRecords(decodeRecordBatches(lz4)[0].records, FIXTURE_RECORDS, 5);
    const plain = encodeRecordBatch({ records: FIXTURE_RECORDS }).subarray(BATCH_HEADER_SIZE);
    const raw = batchAround(Buffer.from(rawSnappy(plain)), 3, 2, T0);
    assertRecords(decodeRecordBatches(raw)[0].records, FIXTURE_RECORDS, 5);
    const xerial = batchAround(compress('snappy', plain), 3, 2, T0);
    assertRecords(decodeRecordBatches(xerial)[0].records, FIXTURE_RECORDS, 5);
  });
});

describe('batch header access and rewrites', () => {
  it('readBatchHeader reads the 61-byte header without the records', () => {
    const b = encodeRecordBatch({ baseOffset: 0, records: sampleRecords(20), compression: 'gzip', transactional: true, producerId: 9 });
    const h = readBatchHeader(b.subarray(0, BATCH_HEADER_SIZE));
    assert.equal(h.recordCount, 20);
    assert.equal(h.lastOffsetDelta, 19);
    assert.equal(h.sizeInBytes, b.length);
    assert.deepEqual(h.attributes, { compression: 'gzip', timestampType: 'CreateTime', transactional: true, control: false, deleteHorizon: false });
    assert.equal(h.producerId, 9);
    assert.throws(() => readBatchHeader(b.subarray(0, 60)), ProtocolError);
    assert.equal(batchSizeAt(b), b.length);
    assert.equal(batchSizeAt(b.subarray(0, b.length - 1)), -1);
  });

  it('rewrites baseOffset and leader epoch in place without touching the CRC', () => {
    const b = encodeRecordBatch({ baseOffset: 0, records: sampleRecords(4) });
    const crc = b.readUInt32BE(17);
    const inLog = Buffer.concat([Buffer.alloc(10), b]);
    rewriteBatch(inLog, 10, { baseOffset: 123_456_789_012, partitionLeaderEpoch: 6 });
    const moved = inLog.subarray(10);
    assert.equal(moved.readUInt32BE(17), crc);
    assert.ok(verifyBatchCrc(moved));
    const [batch] = decodeRecordBatches(moved, { verifyCrc: true });
    assert.equal(batch.partitionLeaderEpoch, 6);
    assert.deepEqual(batch.records.map((r) => r.offset), [123_456_789_012, 123_456_789_013, 123_456_789_014, 123_456_789_015]);
  });
});

describe('legacy message sets (magic 0/1)', () => {
  function legacyMessage(offset: number, magic: 0 | 1, attrs: number, timestamp: number, key: Buffer | null, value: Buffer | null): Buffer {
    const parts: Buffer[] = [];
    const head = Buffer.alloc(magic === 1 ? 14 : 6);
    head.writeInt8(magic, 4);
    head.writeInt8(attrs, 5);
    if (magic === 1) head.writeBigInt64BE(BigInt(timestamp), 6);
    parts.push(head);
    for (const b of [key, value]) {
      const len = Buffer.alloc(4);
      len.writeInt32BE(b === null ? -1 : b.length);
      parts.push(len);
      if (b) parts.push(b);
    }
    const msg = Buffer.concat(parts);
    const prefix = Buffer.alloc(12);
    prefix.writeBigInt64BE(BigInt(offset));
    prefix.writeInt32BE(msg.length, 8);
    return Buffer.concat([prefix, msg]);
  }

  it('decodes plain v0 and v1 messages', () => {
    const set = Buffer.concat([
      legacyMessage(0, 0, 0, -1, Buffer.from('a'), Buffer.from('one')),
      legacyMessage(1, 1, 0, T0, null, Buffer.from('two')),
    ]);
    const batches = decodeRecordBatches(set);
    assert.deepEqual(
      batches.map((b) => [b.magic, b.records[0].offset, b.records[0].timestamp, b.records[0].key?.toString() ?? null, b.records[0].value?.toString()]),
      [
        [0, 0, -1, 'a', 'one'],
        [1, 1, T0, null, 'two'],
      ],
    );
  });

  it('expands a gzip-compressed v1 wrapper with relative inner offsets', () => {
    const inner = Buffer.concat([
      legacyMessage(0, 1, 0, T0, null, Buffer.from('x')),
      legacyMessage(1, 1, 0, T0 + 1, null, Buffer.from('y')),
      legacyMessage(2, 1, 0, T0 + 2, null, Buffer.from('z')),
    ]);
    const wrapper = legacyMessage(52, 1, 1, T0 + 2, null, gzipSync(inner));
    const [batch] = decodeRecordBatches(Buffer.concat([wrapper, wrapper.subarray(0, 20)]));
    assert.equal(batch.attributes.compression, 'gzip');
    assert.deepEqual(batch.records.map((r) => [r.offset, r.value?.toString()]), [[50, 'x'], [51, 'y'], [52, 'z']]);
    assert.equal(batch.baseOffset, 50);
    assert.equal(batch.lastOffset, 52);
  });
});
