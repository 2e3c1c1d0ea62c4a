// The cluster's group coordinator. Kafka spreads groups over brokers by hashing the group id onto
// a __consumer_offsets partition whose leader coordinates it; the dev cluster passes that rule in
// (`coordinatorFor`), standalone use hashes onto the sorted live broker ids. The state itself is
// shared by all brokers of the process, which is what Kafka achieves by replaying
// __consumer_offsets on failover: when a broker stops, its groups move to another broker with
// members, generations and offsets intact. Changes go to a store (the topic, or a JSON-lines file).
import { randomUUID } from 'node:crypto';
import { ErrorCode } from '@/lib/protocol/errors';
import { Group } from './group';
import { OffsetLog, commitEntry, type OffsetLogEntry, type OffsetStore, type PersistedGroup } from './offset-log';
import { commitOffsets, deleteOffset, fetchOffsets, validateCommit, type OffsetChange } from './offsets';
import { joinGroup } from './join';
import { heartbeat, leaveGroup, syncGroup } from './membership';
import { abortWaiters, expireGroup, joinError, type RebalanceContext } from './rebalance';
import { describeGroup, listedGroup } from './summary';
import { subscribedTopics } from './consumer-protocol';
import type {
  DescribedGroup,
  GroupCoordinatorHost,
  HeartbeatParams,
  JoinGroupParams,
  JoinGroupResult,
  LeaveGroupResult,
  ListedGroup,
  MemberIdentity,
  OffsetCommitParams,
  OffsetDeleteResult,
  OffsetFetchResult,
  SyncGroupParams,
  SyncGroupResult,
  TopicPartitionErrors,
} from './types';

export interface GroupCoordinatorOptions {
  /** When set, committed offsets survive restarts in `${dataDir}/groups/`. */
  dataDir?: string | null;
  /** Where changes go instead (the dev cluster's __consumer_offsets topic); wins over dataDir. */
  store?: OffsetStore;
  /** Broker coordinating a key (leader of its __consumer_offsets partition), null when none. */
  coordinatorFor?: (key: string) => number | null;
  /** group.initial.rebalance.delay.ms; Kafka's default is 3000, a dev cluster wants fast joins. */
  initialRebalanceDelayMs?: number;
  /** group.min.session.timeout.ms / group.max.session.timeout.ms. */
  minSessionTimeoutMs?: number;
  maxSessionTimeoutMs?: number;
  /** How often timers are checked; 0 leaves it to the caller (`tick()`), as unit tests do. */
  tickIntervalMs?: number;
}

export interface ListGroupsFilter {
  states?: string[];
  types?: string[];
  /** Only groups this broker coordinates (ListGroups is answered per broker). */
  coordinatorId?: number;
}

/** Forget empty groups without offsets after this long, like Kafka's offsets cleanup does. */
const IDLE_GROUP_MS = 10 * 60_000;

export class GroupCoordinator {
  private readonly groups = new Map<string, Group>();
  private readonly log: OffsetStore | null;
  private readonly coordinatorRule: ((key: string) => number | null) | null;
  private readonly persistedType = new Map<string, string>();
  private readonly timer: NodeJS.Timeout | null;
  private readonly minSessionTimeoutMs: number;
  private readonly maxSessionTimeoutMs: number;
  private readonly ctx: RebalanceContext;
  private closed = false;

  constructor(
    private readonly host: GroupCoordinatorHost,
    private readonly options: GroupCoordinatorOptions = {},
  ) {
    this.minSessionTimeoutMs = options.minSessionTimeoutMs ?? 6_000;
    this.maxSessionTimeoutMs = options.maxSessionTimeoutMs ?? 1_800_000;
    this.ctx = {
      now: () => host.now(),
      newMemberId: (clientId) => `${clientId}-${randomUUID()}`,
      initialRebalanceDelayMs: options.initialRebalanceDelayMs ?? 0,
      onGenerationComplete: (group) => this.persistProtocolType(group),
    };
    this.log = options.store ?? (options.dataDir ? new OffsetLog(options.dataDir) : null);
    this.coordinatorRule = options.coordinatorFor ?? null;
    if (this.log) this.restore(this.log.load());
    const interval = options.tickIntervalMs ?? 100;
    this.timer = interval > 0 ? setInterval(() => this.tick(), interval) : null;
    this.timer?.unref();
  }

  /** Broker id coordinating `key` (a group id or transactional id), or null with no live broker. */
  coordinatorFor(key: string): number | null {
    if (this.coordinatorRule) return this.coordinatorRule(key);
    const live = [...this.host.liveBrokerIds()].sort((a, b) => a - b);
    if (live.length === 0) return null;
    return live[javaHashCode(key) % live.length];
  }

  join(req: JoinGroupParams): Promise<JoinGroupResult> {
    if (this.closed) return Promise.resolve(joinError(ErrorCode.COORDINATOR_NOT_AVAILABLE, req.memberId));
    if (req.groupId === '') return Promise.resolve(joinError(ErrorCode.INVALID_GROUP_ID, req.memberId));
    if (req.sessionTimeoutMs < this.minSessionTimeoutMs || req.sessionTimeoutMs > this.maxSessionTimeoutMs) {
      return Promise.resolve(joinError(ErrorCode.INVALID_SESSION_TIMEOUT, req.memberId));
    }
    let group = this.groups.get(req.groupId);
    if (!group) {
      if (req.memberId !== '') return Promise.resolve(joinError(ErrorCode.UNKNOWN_MEMBER_ID, req.memberId));
      group = this.createGroup(req.groupId);
    }
    return Promise.resolve(joinGroup(group, req, this.ctx));
  }

  sync(req: SyncGroupParams): Promise<SyncGroupResult> {
    return Promise.resolve(syncGroup(this.groups.get(req.groupId), req, this.ctx));
  }

  heartbeat(req: HeartbeatParams): number {
    return heartbeat(this.groups.get(req.groupId), req, this.ctx);
  }

  leave(groupId: string, members: MemberIdentity[]): LeaveGroupResult {
    return leaveGroup(this.groups.get(groupId), members, this.ctx);
  }

  commitOffsets(req: OffsetCommitParams): TopicPartitionErrors[] {
    const allFail = (errorCode: number) =>
      req.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex, errorCode })) }));
    if (this.closed) return allFail(ErrorCode.COORDINATOR_NOT_AVAILABLE);
    if (req.groupId === '') return allFail(ErrorCode.INVALID_GROUP_ID);
    let group = this.groups.get(req.groupId);
    if (!group) {
      // Only standalone commits (no generation) may create a group; anything else is stale.
      if (req.generationId >= 0) return allFail(ErrorCode.ILLEGAL_GENERATION);
      group = this.createGroup(req.groupId);
    }
    const error = validateCommit(group, req);
    if (error !== ErrorCode.NONE) return allFail(error);
    const changes: OffsetChange[] = [];
    const result = commitOffsets(group, req, this.host, changes);
    this.persist(changes.map((c) => commitEntry(req.groupId, c.topic, c.partition, c.committed!)));
    return result;
  }

  fetchOffsets(groupId: string, topics: { name: string; partitionIndexes: number[] }[] | null): OffsetFetchResult {
    return { groupId, errorCode: ErrorCode.NONE, topics: fetchOffsets(this.groups.get(groupId), topics, this.host) };
  }

  listGroups(filter: ListGroupsFilter = {}): ListedGroup[] {
    const states = filter.states?.length ? new Set(filter.states.map((s) => s.toLowerCase())) : null;
    const types = filter.types?.length ? new Set(filter.types.map((s) => s.toLowerCase())) : null;
    const out: ListedGroup[] = [];
    for (const group of this.groups.values()) {
      if (filter.coordinatorId !== undefined && this.coordinatorFor(group.groupId) !== filter.coordinatorId) continue;
      const listed = listedGroup(group);
      if (states && !states.has(listed.groupState.toLowerCase())) continue;
      if (types && !types.has(listed.groupType)) continue;
      out.push(listed);
    }
    return out;
  }

  describeGroup(groupId: string): DescribedGroup {
    return describeGroup(groupId, this.groups.get(groupId));
  }

  /** DeleteGroups semantics: only groups without members can go, taking their offsets along. */
  deleteGroup(groupId: string): number {
    const group = this.groups.get(groupId);
    if (!group || group.state === 'Dead') return ErrorCode.GROUP_ID_NOT_FOUND;
    if (group.state !== 'Empty' || group.members.size > 0) return ErrorCode.NON_EMPTY_GROUP;
    group.state = 'Dead';
    abortWaiters(group, ErrorCode.COORDINATOR_NOT_AVAILABLE);
    this.groups.delete(groupId);
    this.persistedType.delete(groupId);
    // As Kafka: a tombstone per committed offset, then one for the group, so compaction forgets it all.
    const entries: OffsetLogEntry[] = [];
    for (const [tp, partitions] of group.offsets) for (const p of partitions.keys()) entries.push({ t: 'd', g: groupId, tp, p });
    entries.push({ t: 'x', g: groupId });
    this.persist(entries);
    return ErrorCode.NONE;
  }

  /**
   * OffsetDelete: an empty group may drop any offset; a live consumer group only offsets of topics
   * none of its members subscribes to.
   */
  deleteOffsets(groupId: string, topics: { name: string; partitions: { partitionIndex: number }[] }[]): OffsetDeleteResult {
    const group = this.groups.get(groupId);
    if (!group || group.state === 'Dead') return { errorCode: ErrorCode.GROUP_ID_NOT_FOUND, topics: [] };
    let subscribed = new Set<string>();
    if (group.state !== 'Empty') {
      if (group.protocolType !== 'consumer') return { errorCode: ErrorCode.NON_EMPTY_GROUP, topics: [] };
      subscribed = this.subscribedTopics(group);
    }
    const entries: OffsetLogEntry[] = [];
    const result = topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map(({ partitionIndex }) => {
        let errorCode: number = ErrorCode.NONE;
        if (subscribed.has(t.name)) errorCode = ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC;
        else if (!this.host.partitionExists(t.name, partitionIndex)) errorCode = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
        else if (deleteOffset(group, t.name, partitionIndex)) {
          entries.push({ t: 'd', g: groupId, tp: t.name, p: partitionIndex });
        }
        return { partitionIndex, errorCode };
      }),
    }));
    this.persist(entries);
    return { errorCode: ErrorCode.NONE, topics: result };
  }

  /** Kafka drops the committed offsets of a deleted topic from every group. */
  onTopicDeleted(topic: string): void {
    const entries: OffsetLogEntry[] = [];
    for (const group of this.groups.values()) {
      const partitions = group.offsets.get(topic);
      if (!partitions) continue;
      for (const p of partitions.keys()) entries.push({ t: 'd', g: group.groupId, tp: topic, p });
      group.offsets.delete(topic);
    }
    this.persist(entries);
  }

  groupIds(): string[] {
    return [...this.groups.keys()];
  }

  /** Runs the timers: session expiry, join/sync deadlines, cleanup of idle empty groups. */
  tick(): void {
    const now = this.host.now();
    for (const group of [...this.groups.values()]) {
      if (group.members.size > 0 || group.pendingMembers.size > 0 || group.state !== 'Empty') {
        expireGroup(group, this.ctx);
      } else if (!group.hasOffsets() && now - group.touchedAt >= IDLE_GROUP_MS) {
        group.state = 'Dead';
        this.groups.delete(group.groupId);
      }
    }
  }

  /** Stops the timers, answers every waiting request and closes the offsets log. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    for (const group of this.groups.values()) abortWaiters(group, ErrorCode.COORDINATOR_NOT_AVAILABLE);
    this.log?.close();
  }

  private createGroup(groupId: string): Group {
    const group = new Group(groupId, this.host.now());
    this.groups.set(groupId, group);
    return group;
  }

  private subscribedTopics(group: Group): Set<string> {
    const topics = new Set<string>();
    for (const m of group.members.values()) {
      for (const t of subscribedTopics(group.memberMetadata(m, group.protocolName ?? m.protocols[0]?.name ?? null))) {
        topics.add(t);
      }
    }
    return topics;
  }

  private restore(persisted: Map<string, PersistedGroup>): void {
    for (const [groupId, p] of persisted) {
      const group = this.createGroup(groupId);
      group.protocolType = p.protocolType;
      if (p.protocolType !== null) this.persistedType.set(groupId, p.protocolType);
      for (const [topic, partitions] of p.offsets) group.offsets.set(topic, new Map(partitions));
    }
  }

  /** Kafka writes the group's metadata at every completed generation; the JSON file only on a type change. */
  private persistProtocolType(group: Group): void {
    if (group.protocolType === null) return;
    if (!this.options.store && this.persistedType.get(group.groupId) === group.protocolType) return;
    this.persistedType.set(group.groupId, group.protocolType);
    this.persist([{ t: 'g', g: group.groupId, pt: group.protocolType, generation: group.generationId, protocol: group.protocolName, leader: group.leaderId }]);
  }

  private persist(entries: OffsetLogEntry[]): void {
    if (!this.log || entries.length === 0) return;
    this.log.append(entries);
    this.log.maybeCompact(() => this.snapshot());
  }

  private snapshot(): Map<string, PersistedGroup> {
    const out = new Map<string, PersistedGroup>();
    for (const g of this.groups.values()) {
      const protocolType = this.persistedType.get(g.groupId) ?? null;
      if (protocolType !== null || g.hasOffsets()) out.set(g.groupId, { protocolType, offsets: g.offsets });
    }
    return out;
  }
}

/** Java's String.hashCode, made non-negative the way Kafka's Utils.abs does. */
function javaHashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h & 0x7fffffff;
}
