import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { partitionLag, totalLag, worstPartition } from '@/lib/lag/partition-lag';

describe('partitionLag', () => {
  it('is end minus committed in the normal case', () => {
    assert.deepEqual(partitionLag({ committed: 40, logStart: 0, logEnd: 100 }), { lag: 60, note: null, lost: 0 });
  });

  it('is unknown (not zero) without a committed offset', () => {
    assert.deepEqual(partitionLag({ committed: null, logStart: 0, logEnd: 100 }), { lag: null, note: 'no-commit', lost: 0 });
    assert.equal(partitionLag({ committed: -1, logStart: 0, logEnd: 100 }).note, 'no-commit');
  });

  it('is end minus committed when retention deleted unread messages, as kafka-consumer-groups.sh says', () => {
    assert.deepEqual(partitionLag({ committed: 10, logStart: 50, logEnd: 80 }), { lag: 70, note: 'below-log-start', lost: 40 });
    // The case seen on a Kafka 2.4 cluster: the tool printed LAG 350 with 150 of it deleted.
    assert.deepEqual(partitionLag({ committed: 100, logStart: 250, logEnd: 450 }), { lag: 350, note: 'below-log-start', lost: 150 });
  });

  it('is zero when the committed offset is past the end', () => {
    assert.deepEqual(partitionLag({ committed: 120, logStart: 0, logEnd: 100 }), { lag: 0, note: 'above-log-end', lost: 0 });
  });

  it('is zero at the end and on empty partitions', () => {
    assert.deepEqual(partitionLag({ committed: 100, logStart: 0, logEnd: 100 }), { lag: 0, note: null, lost: 0 });
    assert.deepEqual(partitionLag({ committed: 0, logStart: 0, logEnd: 0 }), { lag: 0, note: null, lost: 0 });
    // An emptied (fully deleted) partition: start == end, committed before both.
    assert.deepEqual(partitionLag({ committed: 5, logStart: 30, logEnd: 30 }), { lag: 25, note: 'below-log-start', lost: 25 });
  });

  it('never goes negative when the end is reported below the start', () => {
    assert.equal(partitionLag({ committed: 30, logStart: 30, logEnd: 20 }).lag, 0);
  });
});

describe('totalLag and worstPartition', () => {
  it('sums known lags and stays null when none is known', () => {
    assert.equal(totalLag([{ lag: 3 }, { lag: null }, { lag: 4 }]), 7);
    assert.equal(totalLag([{ lag: null }]), null);
    assert.equal(totalLag([]), null);
    assert.equal(totalLag([{ lag: 0 }]), 0);
  });

  it('picks the partition furthest behind, first one on ties', () => {
    const rows = [{ p: 0, lag: 5 }, { p: 1, lag: null }, { p: 2, lag: 9 }, { p: 3, lag: 9 }];
    assert.equal(worstPartition(rows)?.p, 2);
    assert.equal(worstPartition([{ lag: null }]), null);
  });
});
