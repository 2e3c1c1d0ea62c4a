// The demo's consumer groups, one per situation a console must show: groups that keep up,
// one that falls further behind every second, groups that sit empty with committed offsets, and
// one whose membership changes from time to time (an autoscaled member joins and leaves).
import { SimulatedMember, type MemberSpec } from './member';
import type { Random } from './random';
import type { DemoCluster } from './types';

export type GroupBehaviour = 'keeps-up' | 'lagging' | 'empty' | 'rebalancing';

export interface DemoGroup {
  groupId: string;
  topics: string[];
  behaviour: GroupBehaviour;
  members: number;
  /** For empty groups: how far through the log (0..1) the offsets were committed. */
  committedFraction?: number;
}

export const DEMO_GROUPS: readonly DemoGroup[] = [
  { groupId: 'order-fulfillment', topics: ['orders'], behaviour: 'keeps-up', members: 3 },
  { groupId: 'payment-ledger', topics: ['payments'], behaviour: 'keeps-up', members: 2 },
  { groupId: 'profile-indexer', topics: ['user-profiles'], behaviour: 'keeps-up', members: 1 },
  { groupId: 'telemetry-ingest', topics: ['telemetry.raw'], behaviour: 'keeps-up', members: 4 },
  { groupId: 'clickstream-analytics', topics: ['clickstream'], behaviour: 'lagging', members: 2 },
  { groupId: 'sensor-aggregator', topics: ['sensor-readings'], behaviour: 'rebalancing', members: 2 },
  { groupId: 'audit-archiver', topics: ['audit-log'], behaviour: 'empty', members: 1, committedFraction: 0.8 },
  { groupId: 'legacy-reporting', topics: ['orders', 'payments'], behaviour: 'empty', members: 1, committedFraction: 0.5 },
];

/** How often the rebalancing group's extra member joins or leaves (ms), by default. */
export const DEFAULT_TOGGLE_MS: readonly [number, number] = [20_000, 40_000];

export class DemoGroups {
  private readonly members = new Set<SimulatedMember>();
  private readonly pending = new Set<Promise<unknown>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;
  private podSeq = 0;

  constructor(
    private readonly cluster: DemoCluster,
    private readonly rnd: Random,
    private readonly toggleMs: readonly [number, number] = DEFAULT_TOGGLE_MS,
    private readonly groups: readonly DemoGroup[] = DEMO_GROUPS,
  ) {}

  start(): void {
    this.groups.forEach((group, index) => {
      if (group.behaviour === 'empty') {
        this.track(this.seedEmptyGroup(group, index));
        return;
      }
      for (let i = 0; i < group.members; i++) this.launch(group, index);
      if (group.behaviour === 'rebalancing') this.scheduleToggle(group, index, null);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await Promise.all([...this.members].map((m) => m.stop()));
    await Promise.all(this.pending);
  }

  private spec(group: DemoGroup, index: number): MemberSpec {
    const slow = group.behaviour === 'lagging';
    const pod = `${this.rnd.hex(9)}-${this.rnd.hex(5)}`;
    return {
      groupId: group.groupId,
      clientId: `${group.groupId}-${pod}`,
      clientHost: `/10.42.${index + 1}.${10 + (this.podSeq++ % 200)}`,
      topics: group.topics,
      // The lagging group reads four records a second while its topic receives about fourteen.
      maxRecordsPerPoll: slow ? 2 : 1_000,
      pollIntervalMs: slow ? 1_000 : 500,
    };
  }

  private launch(group: DemoGroup, index: number): SimulatedMember {
    const member = new SimulatedMember(this.cluster, this.spec(group, index));
    this.members.add(member);
    member.start();
    return member;
  }

  /** Alternately adds an extra member and removes it again, each change a rebalance. */
  private scheduleToggle(group: DemoGroup, index: number, extra: SimulatedMember | null): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.stopped) return;
      if (extra) {
        this.members.delete(extra);
        this.track(extra.stop());
        this.scheduleToggle(group, index, null);
      } else {
        this.scheduleToggle(group, index, this.launch(group, index));
      }
    }, this.rnd.int(this.toggleMs[0], this.toggleMs[1]));
    timer.unref();
    this.timers.add(timer);
  }

  /** A consumer that ran once, committed part of the way through and went away. */
  private async seedEmptyGroup(group: DemoGroup, index: number): Promise<void> {
    const existing = this.cluster.groups.fetchOffsets(group.groupId, null).topics;
    if (existing.length > 0) return; // kept from an earlier run (data directory)
    const member = new SimulatedMember(this.cluster, this.spec(group, index));
    this.members.add(member);
    if (await member.joinOnce()) member.commitFraction(group.committedFraction ?? 0.5);
    this.members.delete(member);
    await member.stop();
  }

  private track(p: Promise<unknown>): void {
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
  }
}
