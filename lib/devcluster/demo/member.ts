// A simulated consumer-group member living in the process. It speaks to the group coordinator
// the way a real consumer does (JoinGroup with MEMBER_ID_REQUIRED, range assignment by the
// leader, SyncGroup, heartbeats, commits, LeaveGroup), so it shows up in DescribeGroups with a
// client id, a host and real ConsumerProtocol subscription/assignment bytes. It reads records
// through the cluster's in-process API instead of Fetch.
import { ErrorCode } from '@/lib/protocol/errors';
import {
  decodeAssignment,
  decodeSubscription,
  encodeAssignment,
  encodeSubscription,
  type TopicPartitions,
} from '../groups/consumer-protocol';
import { rangeAssign } from './assignor';
import { partitionCount, type DemoCluster } from './types';

export interface MemberSpec {
  groupId: string;
  clientId: string;
  clientHost: string;
  topics: string[];
  /** Records consumed per poll across all assigned partitions: a small budget makes the group lag. */
  maxRecordsPerPoll: number;
  pollIntervalMs: number;
  heartbeatIntervalMs?: number;
  sessionTimeoutMs?: number;
  rebalanceTimeoutMs?: number;
}

const REJOIN_ERRORS = new Set<number>([ErrorCode.REBALANCE_IN_PROGRESS, ErrorCode.ILLEGAL_GENERATION, ErrorCode.UNKNOWN_MEMBER_ID, ErrorCode.FENCED_INSTANCE_ID]);

const key = (topic: string, partition: number) => `${topic}\u0000${partition}`;

export class SimulatedMember {
  private memberId = '';
  private generationId = -1;
  private assignment: TopicPartitions[] = [];
  private readonly positions = new Map<string, number>();
  private readonly dirty = new Set<string>();
  private stopped = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private nextHeartbeat = 0;
  private nextPoll = 0;
  private rotation = 0;

  constructor(
    private readonly cluster: DemoCluster,
    readonly spec: MemberSpec,
  ) {}

  get joined(): boolean {
    return this.generationId >= 0;
  }

  get assignedPartitions(): TopicPartitions[] {
    return this.assignment;
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Commits what it consumed and leaves the group, like a consumer's close(). */
  async stop(): Promise<void> {
    if (this.stopped) return this.loop ?? undefined;
    this.stopped = true;
    if (this.generationId >= 0) this.commit();
    if (this.memberId !== '') {
      this.cluster.groups.leave(this.spec.groupId, [{ memberId: this.memberId, groupInstanceId: null }]);
    }
    this.wake?.();
    await this.loop;
  }

  /** Joins and gets an assignment without starting the poll loop (one-shot use). */
  async joinOnce(): Promise<boolean> {
    await this.joinAndSync();
    return this.joined;
  }

  /** Moves every assigned partition to `fraction` of the way from log start to high watermark and commits. */
  commitFraction(fraction: number): void {
    for (const { topic, partitions } of this.assignment) {
      for (const p of partitions) {
        const o = this.cluster.partitionOffsets(topic, p);
        if (!o) continue;
        this.positions.set(key(topic, p), Math.floor(o.logStartOffset + (o.highWatermark - o.logStartOffset) * fraction));
        this.dirty.add(key(topic, p));
      }
    }
    this.commit();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      if (this.generationId < 0) {
        await this.joinAndSync();
        continue;
      }
      const now = Date.now();
      if (now >= this.nextHeartbeat) {
        this.nextHeartbeat = now + (this.spec.heartbeatIntervalMs ?? 1_000);
        const error = this.cluster.groups.heartbeat({ groupId: this.spec.groupId, generationId: this.generationId, memberId: this.memberId, groupInstanceId: null });
        if (error !== ErrorCode.NONE) {
          this.rejoin(error);
          continue;
        }
      }
      if (now >= this.nextPoll) {
        this.nextPoll = now + this.spec.pollIntervalMs;
        this.poll();
        this.commit();
      }
      await this.sleep(Math.max(10, Math.min(this.nextHeartbeat, this.nextPoll) - Date.now()));
    }
  }

  private rejoin(error: number): void {
    // Consumers commit what they processed before giving partitions up (onPartitionsRevoked).
    if (error === ErrorCode.REBALANCE_IN_PROGRESS) this.commit();
    if (error === ErrorCode.UNKNOWN_MEMBER_ID || error === ErrorCode.FENCED_INSTANCE_ID) this.memberId = '';
    this.generationId = -1;
  }

  private async joinAndSync(): Promise<void> {
    const groups = this.cluster.groups;
    const metadata = encodeSubscription({ version: 1, topics: this.spec.topics, userData: null, ownedPartitions: this.assignment, generationId: -1, rackId: null });
    const request = () =>
      groups.join({
        groupId: this.spec.groupId,
        memberId: this.memberId,
        groupInstanceId: null,
        requireKnownMemberId: true,
        clientId: this.spec.clientId,
        clientHost: this.spec.clientHost,
        sessionTimeoutMs: this.spec.sessionTimeoutMs ?? 10_000,
        rebalanceTimeoutMs: this.spec.rebalanceTimeoutMs ?? 15_000,
        protocolType: 'consumer',
        protocols: [{ name: 'range', metadata }],
      });
    let joined = await request();
    if (joined.errorCode === ErrorCode.MEMBER_ID_REQUIRED && !this.stopped) {
      this.memberId = joined.memberId;
      joined = await request();
    }
    if (this.stopped) return;
    if (joined.errorCode !== ErrorCode.NONE) {
      if (joined.errorCode === ErrorCode.UNKNOWN_MEMBER_ID) this.memberId = '';
      await this.sleep(500);
      return;
    }
    this.memberId = joined.memberId;
    const assignments = joined.leader === joined.memberId ? this.assign(joined.members) : [];
    const synced = await groups.sync({
      groupId: this.spec.groupId,
      generationId: joined.generationId,
      memberId: this.memberId,
      groupInstanceId: null,
      protocolType: 'consumer',
      protocolName: joined.protocolName,
      assignments,
    });
    if (this.stopped) return;
    if (synced.errorCode !== ErrorCode.NONE) {
      this.rejoin(synced.errorCode);
      return;
    }
    this.assignment = synced.assignment.length > 0 ? decodeAssignment(synced.assignment).assignedPartitions : [];
    this.generationId = joined.generationId;
    this.loadPositions();
    this.nextHeartbeat = Date.now() + (this.spec.heartbeatIntervalMs ?? 1_000);
    this.nextPoll = Date.now();
  }

  private assign(members: { memberId: string; metadata: Buffer }[]): { memberId: string; assignment: Buffer }[] {
    const subscriptions = new Map(members.map((m) => [m.memberId, decodeSubscription(m.metadata).topics]));
    const plan = rangeAssign(subscriptions, (topic) => partitionCount(this.cluster, topic));
    return [...plan].map(([memberId, assignedPartitions]) => ({
      memberId,
      assignment: encodeAssignment({ version: 1, assignedPartitions, userData: null }),
    }));
  }

  /** Committed offsets where there are some, the log start otherwise (auto.offset.reset=earliest). */
  private loadPositions(): void {
    this.positions.clear();
    this.dirty.clear();
    const topics = this.assignment.map((a) => ({ name: a.topic, partitionIndexes: a.partitions }));
    for (const t of this.cluster.groups.fetchOffsets(this.spec.groupId, topics).topics) {
      for (const p of t.partitions) {
        const start = this.cluster.partitionOffsets(t.name, p.partitionIndex)?.logStartOffset ?? 0;
        this.positions.set(key(t.name, p.partitionIndex), p.committedOffset >= 0 ? p.committedOffset : start);
      }
    }
  }

  private poll(): void {
    const all = this.assignment.flatMap(({ topic, partitions }) => partitions.map((p) => [topic, p] as const));
    if (all.length === 0) return;
    let budget = this.spec.maxRecordsPerPoll;
    // Start at a different partition each poll so a small budget is shared fairly.
    this.rotation = (this.rotation + 1) % all.length;
    for (let i = 0; i < all.length && budget > 0; i++) {
      const [topic, p] = all[(this.rotation + i) % all.length];
      const k = key(topic, p);
      const offsets = this.cluster.partitionOffsets(topic, p);
      let position = this.positions.get(k) ?? 0;
      if (!offsets || position >= offsets.highWatermark) continue;
      position = Math.max(position, offsets.logStartOffset);
      let records: { offset: number }[];
      try {
        records = this.cluster.readRecords(topic, p, position, Math.min(budget, 500));
      } catch {
        continue; // partition offline (a broker was stopped): try again next poll
      }
      // Compaction can leave gaps; with nothing readable below the high watermark, skip to it.
      const next = records.length > 0 ? records[records.length - 1].offset + 1 : offsets.highWatermark;
      budget -= Math.max(1, records.length);
      this.positions.set(k, next);
      this.dirty.add(k);
    }
  }

  private commit(): void {
    if (this.dirty.size === 0 || this.generationId < 0) return;
    const byTopic = new Map<string, { partitionIndex: number; committedOffset: number; committedLeaderEpoch: number; committedMetadata: string }[]>();
    for (const k of this.dirty) {
      const [topic, p] = k.split('\u0000');
      if (!byTopic.has(topic)) byTopic.set(topic, []);
      byTopic.get(topic)!.push({ partitionIndex: Number(p), committedOffset: this.positions.get(k)!, committedLeaderEpoch: -1, committedMetadata: '' });
    }
    this.dirty.clear();
    const result = this.cluster.groups.commitOffsets({
      groupId: this.spec.groupId,
      generationId: this.generationId,
      memberId: this.memberId,
      groupInstanceId: null,
      topics: [...byTopic].map(([name, partitions]) => ({ name, partitions })),
    });
    const error = result.flatMap((t) => t.partitions).find((p) => REJOIN_ERRORS.has(p.errorCode))?.errorCode;
    if (error !== undefined && !this.stopped) this.rejoin(error);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
