import { ErrorCode } from '@/lib/protocol/errors';
import type { Partition } from './partition';

/** What replica decisions need to know about the brokers. */
export interface ReplicaView {
  isLive(brokerId: number): boolean;
  /** The follower is held back: it stops copying at once. */
  isHeld(p: Partition, brokerId: number): boolean;
  /** Held back for longer than replica.lag.time.max.ms: the leader drops it from the ISR. */
  isLagging(p: Partition, brokerId: number): boolean;
  /** auto.leader.rebalance.enable: leadership returns to the preferred replica by itself. */
  autoLeaderRebalance(): boolean;
}

/** Followers that are live and not held back copy everything the leader has (logical replication). */
export function replicateFollowers(p: Partition, view: ReplicaView): void {
  if (p.offline) return;
  const end = p.log.logEndOffset;
  for (const r of p.replicas) {
    if (r === p.leader || copies(p, view, r)) p.replicaEnd.set(r, end);
  }
}

const copies = (p: Partition, view: ReplicaView, r: number) => view.isLive(r) && !view.isHeld(p, r);

/**
 * Brings one partition in line with broker liveness and lag: shrinks the ISR, elects a leader
 * when needed (ISR first; out-of-sync only with unclean election), lets caught-up replicas
 * rejoin and, with auto.leader.rebalance.enable, returns leadership to the preferred replica
 * (Kafka checks every leader.imbalance.check.interval.seconds; here it happens at once).
 * Returns true if leader or ISR changed.
 */
export function reconcilePartition(p: Partition, view: ReplicaView, unclean: boolean): boolean {
  const before = `${p.leader}|${p.isr.join(',')}`;
  replicateFollowers(p, view);

  const inSync = (r: number) => view.isLive(r) && !view.isLagging(p, r);
  const keep = p.isr.filter(inSync);
  // Like Kafka, the last member stays in the ISR when it dies, so it can lead again without loss.
  p.isr = keep.length > 0 ? keep : p.isr.filter((r) => r === p.leader || p.isr.length === 1).slice(0, 1);

  if (p.offline || !view.isLive(p.leader) || !p.isr.includes(p.leader)) {
    const candidate = p.replicas.find((r) => view.isLive(r) && p.isr.includes(r));
    const uncleanPick = unclean ? p.replicas.find((r) => view.isLive(r)) : undefined;
    const next = candidate ?? uncleanPick ?? -1;
    if (next !== p.leader) {
      p.leader = next;
      p.leaderEpoch++;
    }
    if (next >= 0 && candidate === undefined) {
      // Unclean election: the new leader's log is the truth; anything past it is lost.
      const end = p.replicaEnd.get(next) ?? 0;
      p.log.truncateTo(end);
      p.isr = [next];
      if (p.highWatermark > end) p.highWatermark = end;
    }
  }

  if (!p.offline) {
    const end = p.log.logEndOffset;
    for (const r of p.replicas) {
      if (r !== p.leader && copies(p, view, r)) p.replicaEnd.set(r, end);
    }
    p.isr = p.replicas.filter((r) => r === p.leader || (p.isr.includes(r) && inSync(r)) || (inSync(r) && (p.replicaEnd.get(r) ?? -1) >= end));
    if (view.autoLeaderRebalance()) electPreferred(p, view);
  }
  p.updateHighWatermark();
  return before !== `${p.leader}|${p.isr.join(',')}`;
}

/** Preferred leader election for one partition (ElectLeaders, type PREFERRED): Kafka's answers. */
export function electPreferred(p: Partition, view: ReplicaView): number {
  const preferred = p.replicas[0];
  if (p.leader === preferred) return ErrorCode.ELECTION_NOT_NEEDED;
  if (!view.isLive(preferred) || !p.isr.includes(preferred)) return ErrorCode.PREFERRED_LEADER_NOT_AVAILABLE;
  p.leader = preferred;
  p.leaderEpoch++;
  p.updateHighWatermark();
  return ErrorCode.NONE;
}

/**
 * Unclean election (ElectLeaders, type UNCLEAN): only for a partition without a live leader; an
 * in-sync replica if one is live, else any live replica, losing what it never copied.
 */
export function electUnclean(p: Partition, view: ReplicaView): number {
  if (!p.offline && view.isLive(p.leader)) return ErrorCode.ELECTION_NOT_NEEDED;
  if (!p.replicas.some((r) => view.isLive(r))) return ErrorCode.ELIGIBLE_LEADERS_NOT_AVAILABLE;
  reconcilePartition(p, view, true);
  return p.offline ? ErrorCode.ELIGIBLE_LEADERS_NOT_AVAILABLE : ErrorCode.NONE;
}
