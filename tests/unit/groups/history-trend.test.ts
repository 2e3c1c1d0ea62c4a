import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LagHistory } from '@/lib/lag/history';
import { catchUp, lagTrend, slope } from '@/lib/lag/trend';

const obs = (lag: number, consumed: number, produced: number, committed = consumed) => ({
  groupId: 'g',
  topics: [{ topic: 't', lag, consumed, produced, partitions: [{ partition: 0, committed }] }],
});

describe('LagHistory', () => {
  it('keeps points per topic, merges polls closer than the gap and drops what is older than retention', () => {
    const h = new LagHistory(60_000, 5_000);
    h.record(0, [obs(10, 0, 10)]);
    h.record(1_000, [obs(11, 0, 11)]);
    h.record(6_000, [obs(12, 0, 12)]);
    assert.deepEqual(h.groupSeries('g').get('t')?.map((p) => p.t), [0, 6_000]);
    h.record(65_000, [obs(1, 70, 71)]);
    assert.deepEqual(h.groupSeries('g').get('t')?.map((p) => p.t), [6_000, 65_000]);
  });

  it('tracks when a committed offset last moved, even between chart points', () => {
    const h = new LagHistory(60_000, 5_000);
    h.record(0, [obs(10, 5, 15)]);
    assert.deepEqual(h.partitionMove('g', 't', 0), { committed: 5, lastMovedAt: null, observedSince: 0, seenAt: 0 });
    h.record(1_000, [obs(10, 7, 17)]);
    h.record(2_000, [obs(10, 7, 17)]);
    assert.equal(h.partitionMove('g', 't', 0)?.lastMovedAt, 1_000);
  });

  it('forgets groups without topics once they are older than retention', () => {
    const h = new LagHistory(60_000, 5_000);
    h.record(0, Array.from({ length: 100 }, (_, i) => ({ groupId: `empty-${i}`, topics: [] })));
    h.record(61_000, [obs(1, 0, 1)]);
    const held = (h as unknown as { lastPointAt: Map<string, number> }).lastPointAt;
    assert.deepEqual([...held.keys()], ['g']);
  });

  it('sums topics into the group total at each time', () => {
    const h = new LagHistory(60_000, 1);
    h.record(0, [{ groupId: 'g', topics: [{ topic: 'a', lag: 1, consumed: 0, produced: 0, partitions: [] }, { topic: 'b', lag: 2, consumed: 0, produced: 0, partitions: [] }] }]);
    h.record(10, [{ groupId: 'g', topics: [{ topic: 'a', lag: 5, consumed: 0, produced: 0, partitions: [] }] }]);
    assert.deepEqual(h.totalLag('g'), [{ t: 0, lag: 3 }, { t: 10, lag: 5 }]);
    assert.deepEqual(h.totalLag('missing'), []);
  });
});

describe('lagTrend', () => {
  it('derives rates and the time to catch up', () => {
    const points = [
      { t: 0, lag: 1000, consumed: 0, produced: 1000 },
      { t: 10_000, lag: 800, consumed: 300, produced: 1100 },
    ];
    const trend = lagTrend(points, 10_000, 60_000);
    assert.equal(trend.consumePerSecond, 30);
    assert.equal(trend.producePerSecond, 10);
    assert.equal(trend.lagPerSecond, -20);
    assert.equal(trend.catchUpSeconds, 40);
  });

  it('has no estimate when production outpaces consumption or with one point', () => {
    const points = [
      { t: 0, lag: 100, consumed: 0, produced: 100 },
      { t: 10_000, lag: 200, consumed: 0, produced: 200 },
    ];
    assert.equal(lagTrend(points, 10_000, 60_000).catchUpSeconds, null);
    assert.equal(lagTrend(points.slice(0, 1), 0, 60_000).lagPerSecond, null);
    assert.equal(lagTrend([], 0, 60_000).lag, null);
  });

  it('catchUp and slope edge cases', () => {
    assert.equal(catchUp(0, -5), 0);
    assert.equal(catchUp(10, 0), null);
    assert.equal(slope([{ t: 5, lag: 1 }, { t: 5, lag: 2 }]), null);
    assert.equal(slope([{ t: 0, lag: 0 }, { t: 1000, lag: 2 }, { t: 2000, lag: 4 }]), 2);
  });
});

describe('lagTrend with the current lag', () => {
  it('estimates from the lag read now, not the older series point', () => {
    const points = [
      { t: 0, lag: 0, consumed: 0, produced: 0 },
      { t: 10_000, lag: 0, consumed: 100, produced: 100 },
    ];
    assert.equal(lagTrend(points, 10_000, 60_000, 19).catchUpSeconds, null);
    assert.equal(lagTrend(points.slice(0, 1), 0, 60_000, 19).catchUpSeconds, null);
    assert.equal(lagTrend(points.slice(0, 1), 0, 60_000, 0).catchUpSeconds, 0);
    const consuming = [
      { t: 0, lag: 100, consumed: 0, produced: 100 },
      { t: 10_000, lag: 50, consumed: 50, produced: 100 },
    ];
    assert.equal(lagTrend(consuming, 10_000, 60_000, 20).catchUpSeconds, 4);
  });
});
