// The classic group protocol's state transitions, following Kafka's ClassicGroup:
//
//   Empty --join--> PreparingRebalance --all rejoined or rebalance timeout--> CompletingRebalance
//   CompletingRebalance --leader's SyncGroup--> Stable
//   Stable / CompletingRebalance --join with new metadata, leave, expiry--> PreparingRebalance
//   PreparingRebalance --nobody rejoined--> Empty
//
// Requests that must wait (JoinGroup until the join phase ends, a follower's SyncGroup until the
// leader's assignment arrives) hold callbacks on their member that these transitions resolve.
// The request entry points live in join.ts and membership.ts.
import { ErrorCode } from '@/lib/protocol/errors';
import type { Group, Member } from './group';
import type { JoinGroupResult, MemberIdentity, SyncGroupResult } from './types';

export interface RebalanceContext {
  now(): number;
  newMemberId(clientId: string): string;
  /** Kafka's group.initial.rebalance.delay.ms: how long a group that was empty waits for more joiners. */
  initialRebalanceDelayMs: number;
  /** Called whenever a generation completes (to persist the group's protocol type, for instance). */
  onGenerationComplete(group: Group): void;
}

export const EMPTY = Buffer.alloc(0);

export function joinError(errorCode: number, memberId = ''): JoinGroupResult {
  return { errorCode, generationId: -1, protocolType: null, protocolName: null, leader: '', memberId, members: [] };
}

export function syncError(errorCode: number): SyncGroupResult {
  return { errorCode, protocolType: null, protocolName: null, assignment: EMPTY };
}

/** UNKNOWN_MEMBER_ID / FENCED_INSTANCE_ID checks shared by every member request. */
export function fencingError(group: Group, req: MemberIdentity): number {
  if (req.groupInstanceId !== null) {
    const owner = group.staticMembers.get(req.groupInstanceId);
    if (owner !== undefined && owner !== req.memberId) return ErrorCode.FENCED_INSTANCE_ID;
  }
  return group.members.has(req.memberId) ? ErrorCode.NONE : ErrorCode.UNKNOWN_MEMBER_ID;
}

export function currentGeneration(group: Group, member: Member): JoinGroupResult {
  const isLeader = member.memberId === group.leaderId;
  return {
    errorCode: ErrorCode.NONE,
    generationId: group.generationId,
    protocolType: group.protocolType,
    protocolName: group.protocolName,
    leader: group.leaderId ?? '',
    memberId: member.memberId,
    members: isLeader ? memberList(group) : [],
  };
}

function memberList(group: Group): JoinGroupResult['members'] {
  return [...group.members.values()].map((m) => ({
    memberId: m.memberId,
    groupInstanceId: m.groupInstanceId,
    metadata: group.memberMetadata(m, group.protocolName),
  }));
}

export function prepareRebalance(group: Group, ctx: RebalanceContext): void {
  if (group.state === 'CompletingRebalance') {
    // The assignment being handed out is void: everyone waiting for it must rejoin.
    for (const m of group.members.values()) {
      m.assignment = EMPTY;
      for (const w of m.syncWaiters.splice(0)) w(syncError(ErrorCode.REBALANCE_IN_PROGRESS));
    }
  }
  const wasEmpty = group.state === 'Empty';
  group.state = 'PreparingRebalance';
  group.pendingSync.clear();
  const now = ctx.now();
  group.joinDeadline = now + group.rebalanceTimeoutMs();
  group.delayedUntil = wasEmpty ? Math.min(now + ctx.initialRebalanceDelayMs, group.joinDeadline) : 0;
}

/** Kafka's InitialDelayedJoin: each newcomer during the initial delay extends it, up to the deadline. */
export function extendInitialDelay(group: Group, ctx: RebalanceContext): void {
  const now = ctx.now();
  group.joinDeadline = Math.max(group.joinDeadline, now + group.rebalanceTimeoutMs());
  if (group.delayedUntil > now) {
    group.delayedUntil = Math.min(now + ctx.initialRebalanceDelayMs, group.joinDeadline);
  }
}

export function tryCompleteJoin(group: Group, ctx: RebalanceContext): void {
  if (group.state !== 'PreparingRebalance') return;
  if (ctx.now() < group.delayedUntil) return;
  if (group.allMembersJoined()) completeJoin(group, ctx);
}

function completeJoin(group: Group, ctx: RebalanceContext): void {
  // Dynamic members that did not rejoin in time are out; static ones keep their place (Kafka does
  // the same: they are expected back under the same instance id).
  for (const m of [...group.members.values()]) {
    if (m.joinWaiters.length === 0 && !group.isStatic(m)) dropMember(group, m);
  }
  const now = ctx.now();
  group.generationId++;
  group.touchedAt = now;
  if (group.members.size === 0) {
    group.state = 'Empty';
    group.protocolName = null;
    group.leaderId = null;
    ctx.onGenerationComplete(group);
    return;
  }
  group.protocolName = group.selectProtocol();
  const leader = group.leaderId !== null ? group.members.get(group.leaderId) : undefined;
  if (!leader || leader.joinWaiters.length === 0) {
    const joined = [...group.members.values()].find((m) => m.joinWaiters.length > 0);
    group.leaderId = (joined ?? group.members.values().next().value!).memberId;
  }
  group.state = 'CompletingRebalance';
  group.syncDeadline = now + group.rebalanceTimeoutMs();
  for (const m of group.members.values()) {
    m.assignment = EMPTY;
    m.lastHeartbeat = now;
    group.pendingSync.add(m.memberId);
  }
  for (const m of group.members.values()) {
    const result = currentGeneration(group, m);
    for (const w of m.joinWaiters.splice(0)) w(result);
  }
  ctx.onGenerationComplete(group);
}

/** Removes a member without touching the group state (callers decide whether to rebalance). */
function dropMember(group: Group, member: Member, errorCode: number = ErrorCode.UNKNOWN_MEMBER_ID): void {
  for (const w of member.joinWaiters.splice(0)) w(joinError(errorCode, member.memberId));
  for (const w of member.syncWaiters.splice(0)) w(syncError(errorCode));
  group.members.delete(member.memberId);
  group.pendingSync.delete(member.memberId);
  if (member.groupInstanceId !== null && group.staticMembers.get(member.groupInstanceId) === member.memberId) {
    group.staticMembers.delete(member.groupInstanceId);
  }
  if (group.leaderId === member.memberId) {
    group.leaderId = group.members.size > 0 ? group.members.keys().next().value! : null;
  }
}

/** Leave, session expiry and missed syncs all end here: the member goes and the group rebalances. */
export function removeMemberAndRebalance(group: Group, member: Member, ctx: RebalanceContext): void {
  dropMember(group, member);
  group.touchedAt = ctx.now();
  if (group.state === 'Stable' || group.state === 'CompletingRebalance') prepareRebalance(group, ctx);
  tryCompleteJoin(group, ctx);
}

/**
 * Time-driven transitions: session expiry, pending member ids that were never used, the end of the
 * join phase (rebalance timeout or initial delay) and members that never sent SyncGroup.
 */
export function expireGroup(group: Group, ctx: RebalanceContext): void {
  const now = ctx.now();
  for (const [id, deadline] of group.pendingMembers) {
    if (now >= deadline) group.pendingMembers.delete(id);
  }
  for (const m of [...group.members.values()]) {
    // A member blocked in JoinGroup/SyncGroup cannot heartbeat; the rebalance timeout covers it.
    if (m.joinWaiters.length > 0 || m.syncWaiters.length > 0) continue;
    if (now - m.lastHeartbeat >= m.sessionTimeoutMs && group.members.has(m.memberId)) {
      removeMemberAndRebalance(group, m, ctx);
    }
  }
  if (group.state === 'PreparingRebalance') {
    if (now >= group.joinDeadline) completeJoin(group, ctx);
    else tryCompleteJoin(group, ctx);
  } else if (group.state === 'CompletingRebalance' && now >= group.syncDeadline && group.pendingSync.size > 0) {
    for (const id of [...group.pendingSync]) {
      const m = group.members.get(id);
      if (m) dropMember(group, m);
    }
    group.pendingSync.clear();
    prepareRebalance(group, ctx);
    tryCompleteJoin(group, ctx);
  }
}

/** Every waiting request gets an answer when the coordinator shuts down. */
export function abortWaiters(group: Group, errorCode: number): void {
  for (const m of group.members.values()) {
    for (const w of m.joinWaiters.splice(0)) w(joinError(errorCode, m.memberId));
    for (const w of m.syncWaiters.splice(0)) w(syncError(errorCode));
  }
}
