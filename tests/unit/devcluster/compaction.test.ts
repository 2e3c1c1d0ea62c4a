import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeRecordBatch, decodeRecordBatches } from '@/lib/protocol/records/batch';
import { PartitionLog } from '@/lib/devcluster/log/partition-log';

const NOW = 1_700_000_000_000;
const rec = (key: string | null, value: string | null, timestamp = NOW) => ({ key: key === null ? null : Buffer.from(key), value: value === null ? null : Buffer.from(value), headers: [], timestamp });

function logWith(batches: ReturnType<typeof rec>[][], compression: 'none' | 'gzip' = 'none'): PartitionLog {
  const log = new PartitionLog(null, NOW);
  // segment.bytes 1: every batch closes the segment before it, so all but the last are cleanable.
  for (const records of batches) log.append([Buffer.from(encodeRecordBatch({ records, compression }))], { leaderEpoch: 0, logAppendTime: null, now: NOW, segmentBytes: 1, segmentMs: 1e12 });
  return log;
}

function survivors(log: PartitionLog): [number, string | null, string | null][] {
  const out: [number, string | null, string | null][] = [];
  for (const s of log.segments) for (const b of s.batches) for (const d of decodeRecordBatches(b.buf)) for (const r of d.records) out.push([r.offset, r.key?.toString() ?? null, r.value?.toString() ?? null]);
  return out;
}

const policy = { now: NOW, deleteRetentionMs: 60_000, minCleanableDirtyRatio: 0, minCompactionLagMs: 0 };

describe('log compaction', () => {
  it('keeps the latest record per key at its original offset, never touching the active segment', () => {
    const log = logWith([[rec('a', '1'), rec('b', '1')], [rec('a', '2'), rec(null, 'nokey')], [rec('b', '2'), rec('c', '1')], [rec('a', '3')]]);
    const before = log.totalBytes;
    const removed = log.compact(policy);
    assert.ok(removed > 0);
    assert.equal(log.totalBytes, before - removed);
    // a@2 is superseded only by a@6 in the active segment, so it stays; a@0 and b@1 go.
    assert.deepEqual(survivors(log), [[2, 'a', '2'], [3, null, 'nokey'], [4, 'b', '2'], [5, 'c', '1'], [6, 'a', '3']]);
    assert.equal(log.logStartOffset, 0);
    assert.equal(log.logEndOffset, 7);
    assert.equal(log.segments[0].baseOffset, 0);
  });

  it('removes tombstones older than delete.retention.ms, keeps newer ones, and keeps compressed batches compressed', () => {
    const log = logWith([[rec('old', 'v'), rec('new', 'v')], [rec('old', null, NOW - 120_000), rec('new', null)], [rec('x', 'y')]], 'gzip');
    log.compact(policy);
    assert.deepEqual(survivors(log), [[3, 'new', null], [4, 'x', 'y']]);
    const [batch] = log.segments.flatMap((s) => s.batches);
    assert.equal(decodeRecordBatches(batch.buf)[0].attributes.compression, 'gzip');
    // The rewritten batch keeps its last offset: offsets of the log do not move.
    assert.equal(batch.lastOffset, 3);
  });

  it('waits for min.cleanable.dirty.ratio and does nothing when cleaned already', () => {
    const log = logWith([[rec('a', '1')], [rec('a', '2')], [rec('z', '1')]]);
    assert.equal(log.compact({ ...policy, minCleanableDirtyRatio: 1.1 }), 0);
    assert.ok(log.compact(policy) > 0);
    assert.equal(log.compact(policy), 0);
  });
});
