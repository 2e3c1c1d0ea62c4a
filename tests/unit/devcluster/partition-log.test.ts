import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { KafkaError } from '@/lib/devcluster/errors';
import { ErrorCode } from '@/lib/protocol/errors';
import { splitBatches } from '@/lib/devcluster/log/batch';
import { buildBatch } from '@/lib/devcluster/log/build-batch';
import { PartitionLog, type AppendOptions } from '@/lib/devcluster/log/partition-log';
import { PartitionDir } from '@/lib/devcluster/storage/disk-store';
import { decodeRecordBatches } from '@/lib/protocol/records/batch';

const opts = (over: Partial<AppendOptions> = {}): AppendOptions => ({ leaderEpoch: 0, logAppendTime: null, now: 1_000_000, segmentBytes: 1 << 30, segmentMs: 7 * 86_400_000, ...over });
const batch = (n: number, ts = 1_000_000, size = 10) => buildBatch(Array.from({ length: n }, (_, i) => ({ key: null, value: Buffer.alloc(size, 97 + (i % 26)), headers: [], timestamp: ts + i })), ts);

describe('partition log', () => {
  it('assigns offsets by rewriting base offsets, without touching records', () => {
    const log = new PartitionLog(null, 0);
    assert.deepEqual(log.append([batch(3)], opts()), { baseOffset: 0, lastOffset: 2 });
    assert.deepEqual(log.append([batch(2), batch(4)], opts()), { baseOffset: 3, lastOffset: 8 });
    assert.equal(log.logEndOffset, 9);
    const { buffers } = log.read(0, 9, 1 << 20, true);
    const decoded = decodeRecordBatches(Buffer.concat(buffers), { verifyCrc: true });
    assert.deepEqual(decoded.map((b) => b.baseOffset), [0, 3, 5]);
    assert.deepEqual(decoded.flatMap((b) => b.records.map((r) => r.offset)), [0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('sets LogAppendTime and keeps the CRC valid', () => {
    const log = new PartitionLog(null, 0);
    log.append([batch(2, 5)], opts({ logAppendTime: 42_000 }));
    const [b] = decodeRecordBatches(log.read(0, 2, 1 << 20, true).buffers[0], { verifyCrc: true });
    assert.equal(b.attributes.timestampType, 'LogAppendTime');
    assert.deepEqual(b.records.map((r) => r.timestamp), [42_000, 42_000]);
  });

  it('reads from the batch holding the offset, below the high watermark, within max bytes', () => {
    const log = new PartitionLog(null, 0);
    for (let i = 0; i < 10; i++) log.append([batch(10)], opts());
    const size = log.segments[0].batches[0].buf.length;
    const r = log.read(35, 100, size * 2, false);
    assert.equal(r.buffers.length, 2);
    assert.equal(decodeRecordBatches(r.buffers[0])[0].baseOffset, 30);
    assert.equal(log.read(35, 50, 1 << 20, false).buffers.length, 2, 'stops at the high watermark');
    assert.equal(log.read(0, 100, 1, false).buffers.length, 0);
    assert.equal(log.read(0, 100, 1, true).buffers.length, 1, 'first batch whole even when larger than max bytes');
  });

  it('rolls segments by segment.bytes and segment.ms, and retention deletes whole segments', () => {
    const log = new PartitionLog(null, 0);
    const one = batch(10).length;
    for (let i = 0; i < 10; i++) log.append([batch(10)], opts({ segmentBytes: one * 3 }));
    assert.deepEqual(log.segments.map((s) => s.baseOffset), [0, 30, 60, 90]);
    log.append([batch(1, 10_000_000)], opts({ now: 10_000_000, segmentMs: 1000 }));
    assert.equal(log.segments.length, 5, 'rolled because the active segment was older than segment.ms');

    assert.equal(log.applyRetention({ now: 10_000_000, retentionMs: -1, retentionBytes: one * 5 }), true);
    // Kafka deletes a segment only while what remains is still at least retention.bytes.
    assert.equal(log.logStartOffset, 30);
    assert.deepEqual(log.segments.map((s) => s.baseOffset), [30, 60, 90, 100]);
    assert.equal(log.applyRetention({ now: 10_000_000, retentionMs: 5_000_000, retentionBytes: -1 }), true);
    assert.equal(log.logStartOffset, 100, 'segments whose newest record is older than retention.ms go');
    assert.equal(log.logEndOffset, 101);
  });

  it('moves the log start offset for DeleteRecords and finds offsets by timestamp', () => {
    const log = new PartitionLog(null, 0);
    log.append([batch(10, 1000)], opts());
    log.append([batch(10, 2000)], opts());
    assert.deepEqual(log.offsetForTimestamp(1005, 20), { offset: 5, timestamp: 1005 });
    assert.deepEqual(log.offsetForTimestamp(1500, 20), { offset: 10, timestamp: 2000 });
    assert.equal(log.offsetForTimestamp(99_999, 20), null);
    assert.deepEqual(log.maxTimestampOffset(20), { offset: 19, timestamp: 2009 });
    log.advanceLogStart(13, 0);
    assert.equal(log.logStartOffset, 13);
    assert.equal(log.offsetForTimestamp(0, 20)?.offset, 13);
  });

  it('reports replica sizes and truncates', () => {
    const log = new PartitionLog(null, 0);
    log.append([batch(5)], opts());
    log.append([batch(5)], opts());
    const first = log.segments[0].batches[0].buf.length;
    assert.equal(log.sizeUpTo(5), first);
    assert.equal(log.sizeUpTo(10), log.totalBytes);
    log.truncateTo(5);
    assert.equal(log.logEndOffset, 5);
    assert.equal(log.totalBytes, first);
  });

  it('validates produce payloads: CRC, magic, size, framing', () => {
    const good = batch(3);
    assert.equal(splitBatches(Buffer.concat([good, batch(2)]), 1 << 20).length, 2);
    const corrupt = Buffer.from(good);
    corrupt[corrupt.length - 1] ^= 0xff;
    assert.throws(() => splitBatches(corrupt, 1 << 20), (e: unknown) => e instanceof KafkaError && e.code === ErrorCode.CORRUPT_MESSAGE);
    assert.throws(() => splitBatches(good, 10), (e: unknown) => e instanceof KafkaError && e.code === ErrorCode.MESSAGE_TOO_LARGE);
    assert.throws(() => splitBatches(good.subarray(0, 40), 1 << 20), (e: unknown) => e instanceof KafkaError && e.code === ErrorCode.CORRUPT_MESSAGE);
    const v1 = Buffer.from(good);
    v1[16] = 1;
    assert.throws(() => splitBatches(v1, 1 << 20), (e: unknown) => e instanceof KafkaError && e.code === ErrorCode.UNSUPPORTED_FOR_MESSAGE_FORMAT);
  });

  it('persists to segment files and recovers after a torn write', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devcluster-log-'));
    try {
      const storage = new PartitionDir(dir);
      const log = new PartitionLog(storage, 0);
      log.append([batch(4)], opts());
      log.append([batch(4)], opts());
      log.advanceLogStart(2, 0);
      log.close();
      const active = path.join(dir, fs.readdirSync(dir).filter((f) => f.endsWith('.log')).sort().pop()!);
      fs.appendFileSync(active, Buffer.from([0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 1]));
      const restored = new PartitionDir(dir).load();
      const back = new PartitionLog(storage, 0, restored);
      assert.equal(back.logEndOffset, 8);
      assert.equal(back.logStartOffset, 2);
      assert.equal(fs.statSync(active).size, back.segments.at(-1)!.bytes, 'the torn tail is cut off');
      back.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
