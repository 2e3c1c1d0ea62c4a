import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildBatch } from '@/lib/devcluster/log/build-batch';
import { PartitionLog } from '@/lib/devcluster/log/partition-log';
import { Partition } from '@/lib/devcluster/state/partition';
import { electPreferred, electUnclean, reconcilePartition, replicateFollowers, type ReplicaView } from '@/lib/devcluster/state/replication';
import { ErrorCode } from '@/lib/protocol/errors';

function setup() {
  const live = new Set([1, 2, 3]);
  // held: stopped copying; lagging: held for longer than replica.lag.time.max.ms.
  const rebalance = { on: true };
  const held = new Set<number>();
  const lagging = new Set<number>();
  const view: ReplicaView = { isLive: (id) => live.has(id), isHeld: (_p, id) => held.has(id) || lagging.has(id), isLagging: (_p, id) => lagging.has(id), autoLeaderRebalance: () => rebalance.on };
  const p = new Partition('t', 0, [1, 2, 3], new PartitionLog(null, 0));
  const append = (n: number) => {
    p.log.append([buildBatch(Array.from({ length: n }, () => ({ key: null, value: Buffer.from('v'), headers: [] })), 0)], { leaderEpoch: p.leaderEpoch, logAppendTime: null, now: 0, segmentBytes: 1 << 30, segmentMs: 1e12 });
    replicateFollowers(p, view);
    p.updateHighWatermark();
  };
  return { live, held, lagging, rebalance, view, p, append };
}

describe('replication: leader, ISR and high watermark', () => {
  it('moves leadership to an in-sync replica when the leader stops, and back when it returns', () => {
    const { live, view, p, append } = setup();
    append(5);
    assert.equal(p.highWatermark, 5);
    live.delete(1);
    assert.equal(reconcilePartition(p, view, false), true);
    assert.equal(p.leader, 2);
    assert.equal(p.leaderEpoch, 1);
    assert.deepEqual(p.isr, [2, 3]);
    append(5);
    assert.equal(p.replicaOffset(1), 5, "a stopped broker's replica stops advancing");
    assert.equal(p.highWatermark, 10);
    live.add(1);
    reconcilePartition(p, view, false);
    assert.equal(p.replicaOffset(1), 10, 'it catches up on restart');
    assert.deepEqual(p.isr, [1, 2, 3]);
    assert.equal(p.leader, 1, 'the preferred leader is restored');
    assert.equal(p.leaderEpoch, 2);
  });

  it('goes offline when no in-sync replica is live and recovers with the last ISR member', () => {
    const { live, view, p } = setup();
    live.delete(2);
    live.delete(3);
    reconcilePartition(p, view, false);
    assert.deepEqual(p.isr, [1]);
    live.delete(1);
    reconcilePartition(p, view, false);
    assert.equal(p.leader, -1);
    assert.deepEqual(p.isr, [1], 'the last member stays in the ISR');
    live.add(2);
    reconcilePartition(p, view, false);
    assert.equal(p.leader, -1, 'an out-of-sync replica is not elected without unclean election');
    live.add(1);
    reconcilePartition(p, view, false);
    assert.equal(p.leader, 1);
  });

  it('elects an out-of-sync replica only with unclean election, truncating to its log', () => {
    const { live, view, p, append } = setup();
    live.delete(3);
    reconcilePartition(p, view, false);
    append(4);
    live.delete(1);
    live.delete(2);
    reconcilePartition(p, view, false);
    live.add(3);
    reconcilePartition(p, view, true);
    assert.equal(p.leader, 3);
    assert.equal(p.logEndOffset, 0, 'records the new leader never had are lost, as in Kafka');
  });

  it('a lagging follower leaves the ISR; the high watermark only needs the ISR', () => {
    const { lagging, view, p, append } = setup();
    append(3);
    lagging.add(3);
    reconcilePartition(p, view, false);
    assert.deepEqual(p.isr, [1, 2]);
    append(7);
    assert.equal(p.replicaOffset(3), 3);
    assert.equal(p.highWatermark, 10);
    lagging.delete(3);
    reconcilePartition(p, view, false);
    assert.deepEqual(p.isr, [1, 2, 3]);
    assert.equal(p.replicaOffset(3), 10);
  });

  it('a held follower stays in the ISR, holding the high watermark, until it counts as lagging', () => {
    const { held, lagging, view, p, append } = setup();
    append(3);
    held.add(3);
    reconcilePartition(p, view, false);
    append(4);
    assert.deepEqual(p.isr, [1, 2, 3], 'still in sync before replica.lag.time.max.ms');
    assert.equal(p.replicaOffset(3), 3, 'but it no longer copies');
    assert.equal(p.highWatermark, 3, 'so the high watermark waits for it');
    lagging.add(3);
    reconcilePartition(p, view, false);
    assert.deepEqual(p.isr, [1, 2]);
    assert.equal(p.highWatermark, 7, 'the shrunk ISR lets the high watermark advance');
  });

  it('with auto.leader.rebalance.enable=false the leader stays until a preferred election', () => {
    const { live, rebalance, view, p } = setup();
    rebalance.on = false;
    live.delete(1);
    reconcilePartition(p, view, false);
    assert.equal(p.leader, 2);
    assert.equal(electPreferred(p, view), ErrorCode.PREFERRED_LEADER_NOT_AVAILABLE, 'the preferred replica is down');
    live.add(1);
    reconcilePartition(p, view, false);
    assert.deepEqual(p.isr, [1, 2, 3]);
    assert.equal(p.leader, 2, 'no automatic return');
    assert.equal(electPreferred(p, view), ErrorCode.NONE);
    assert.equal(p.leader, 1);
    assert.equal(p.leaderEpoch, 2);
    assert.equal(electPreferred(p, view), ErrorCode.ELECTION_NOT_NEEDED);
  });

  it('unclean election only for a partition without a leader', () => {
    const { live, view, p } = setup();
    assert.equal(electUnclean(p, view), ErrorCode.ELECTION_NOT_NEEDED);
    for (const id of [1, 2, 3]) live.delete(id);
    reconcilePartition(p, view, false);
    assert.equal(p.leader, -1);
    assert.equal(electUnclean(p, view), ErrorCode.ELIGIBLE_LEADERS_NOT_AVAILABLE);
    live.add(3);
    assert.equal(electUnclean(p, view), ErrorCode.NONE);
    assert.equal(p.leader, 3);
  });
});
