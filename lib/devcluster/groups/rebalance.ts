// The classic group membership protocol (JoinGroup / SyncGroup / Heartbeat / LeaveGroup and the
// timers around them), following Kafka's ClassicGroup state machine:
//
//   Empty --join--> PreparingRebalance --all rejoined or rebalance timeout--> CompletingRebalance
//   CompletingRebalance --leader's SyncGroup--> Stable
//   Stable / CompletingRebalance --join with new metadata, leave, expiry--> PreparingRebalance
//   PreparingRebalance --nobody rejoined--> Empty
//
// Requests that must wait (JoinGroup until the join phase ends, a follower's SyncGroup until the
// leader's assignment arrives) get a promise that the state machine resolves later.
import { ErrorCode } from './error-codes';
import type { Group, Member } from './group';
import type {
  HeartbeatParams,
  JoinGroupParams,
  JoinGroupResult,
  LeaveGroupResult,
  MemberIdentity,
  SyncGroupParams,
  SyncGroupResult,
} from './types';

export interface RebalanceContext {
  now(): number;
  newMemberId(clientId: string): string;
  /** Kafka's group.initial.rebalance.delay.ms: how long a group that was empty waits for more joiners. */
  initialRebalanceDelayMs: number;
  /** Called whenever a generation completes (to persist the group's protocol type, for instance). */
  onGenerationComplete(group: Group): void;
}

const EMPTY = Buffer.alloc(0);

export function joinError(errorCode: number, memberId = ''): JoinGroupResult {
  return { errorCode, generationId: -1, protocolType: null, protocolName: null, leader: '', memberId, members: [] };
}

function syncError(errorCode: number): SyncGroupResult {
  return { errorCode, protocolType: null, protocolName: null, assignment: EMPTY };
}

export function joinGroup(
  group: Group,
  req: JoinGroupParams,
  ctx: RebalanceContext,
): JoinGroupResult | Promise<JoinGroupResult> {
  group.touchedAt = ctx.now();
  if (group.state === 'Dead') return joinError(ErrorCode.COORDINATOR_NOT_AVAILABLE, req.memberId);
  if (!group.supportsProtocols(req.protocolType, req.protocols)) {
    return joinError(ErrorCode.INCONSISTENT_GROUP_PROTOCOL, req.memberId);
  }

  if (req.memberId === '') {
    const memberId = ctx.newMemberId(req.clientId);
    if (req.groupInstanceId !== null) {
      const previous = group.staticMembers.get(req.groupInstanceId);
      if (previous !== undefined) return replaceStaticMember(group, previous, memberId, req, ctx);
      return addMemberAndRebalance(group, memberId, req, ctx);
    }
    if (req.requireKnownMemberId) {
      // The client must come back with this id; until then it counts as a member that has not
      // joined yet, so an ongoing join phase waits for it (or for its session timeout).
      group.pendingMembers.set(memberId, ctx.now() + req.sessionTimeoutMs);
      return joinError(ErrorCode.MEMBER_ID_REQUIRED, memberId);
    }
    return addMemberAndRebalance(group, memberId, req, ctx);
  }

  if (group.pendingMembers.has(req.memberId)) {
    group.pendingMembers.delete(req.memberId);
    return addMemberAndRebalance(group, req.memberId, req, ctx);
  }

  const fenced = fencingError(group, req);
  if (fenced !== ErrorCode.NONE) return joinError(fenced, req.memberId);
  const member = group.members.get(req.memberId)!;

  switch (group.state) {
    case 'PreparingRebalance':
      return updateMemberAndRebalance(group, member, req, ctx);
    case 'CompletingRebalance':
      // A member that lost the JoinGroup response asks again: same metadata means same answer.
      if (sameProtocols(member, req)) return currentGeneration(group, member);
      return updateMemberAndRebalance(group, member, req, ctx);
    case 'Stable':
      // The leader rejoining is how a client asks for a new assignment (e.g. subscription change).
      if (member.memberId === group.leaderId || !sameProtocols(member, req)) {
        return updateMemberAndRebalance(group, member, req, ctx);
      }
      return currentGeneration(group, member);
    default:
      return joinError(ErrorCode.UNKNOWN_MEMBER_ID, req.memberId);
  }
}

/** UNKNOWN_MEMBER_ID / FENCED_INSTANCE_ID checks shared by every member request. */
function fencingError(group: Group, req: MemberIdentity): number {
  if (req.groupInstanceId !== null) {
    const owner = group.staticMembers.get(req.groupInstanceId);
    if (owner !== undefined && owner !== req.memberId) return ErrorCode.FENCED_INSTANCE_ID;
  }
  return group.members.has(req.memberId) ? ErrorCode.NONE : ErrorCode.UNKNOWN_MEMBER_ID;
}

function sameProtocols(member: Member, req: JoinGroupParams): boolean {
  if (member.protocols.length !== req.protocols.length) return false;
  return member.protocols.every(
    (p, i) => p.name === req.protocols[i].name && p.metadata.equals(req.protocols[i].metadata),
  );
}

function currentGeneration(group: Group, member: Member): JoinGroupResult {
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

function awaitJoin(member: Member): Promise<JoinGroupResult> {
  return new Promise((resolve) => member.joinWaiters.push(resolve));
}

function addMemberAndRebalance(
  group: Group,
  memberId: string,
  req: JoinGroupParams,
  ctx: RebalanceContext,
): Promise<JoinGroupResult> {
  const member: Member = {
    memberId,
    groupInstanceId: req.groupInstanceId,
    clientId: req.clientId,
    clientHost: req.clientHost,
    sessionTimeoutMs: req.sessionTimeoutMs,
    rebalanceTimeoutMs: req.rebalanceTimeoutMs,
    protocolType: req.protocolType,
    protocols: req.protocols,
    assignment: EMPTY,
    lastHeartbeat: ctx.now(),
    joinWaiters: [],
    syncWaiters: [],
  };
  if (group.members.size === 0) group.protocolType = req.protocolType;
  group.members.set(memberId, member);
  if (req.groupInstanceId !== null) group.staticMembers.set(req.groupInstanceId, memberId);
  if (group.leaderId === null) group.leaderId = memberId;
  const joined = awaitJoin(member);
  if (group.state === 'PreparingRebalance') extendInitialDelay(group, ctx);
  else prepareRebalance(group, ctx);
  tryCompleteJoin(group, ctx);
  return joined;
}

function updateMemberAndRebalance(
  group: Group,
  member: Member,
  req: JoinGroupParams,
  ctx: RebalanceContext,
): Promise<JoinGroupResult> {
  member.protocols = req.protocols;
  member.sessionTimeoutMs = req.sessionTimeoutMs;
  member.rebalanceTimeoutMs = req.rebalanceTimeoutMs;
  member.clientId = req.clientId;
  member.clientHost = req.clientHost;
  member.lastHeartbeat = ctx.now();
  const joined = awaitJoin(member);
  if (group.state !== 'PreparingRebalance') prepareRebalance(group, ctx);
  tryCompleteJoin(group, ctx);
  return joined;
}

/**
 * A static member (same groupInstanceId) coming back with no member id takes over its old
 * identity under a new member id; the old id is fenced. Kafka can skip the rebalance when nothing
 * changed; here it always rebalances, which clients handle the same way.
 */
function replaceStaticMember(
  group: Group,
  oldId: string,
  newId: string,
  req: JoinGroupParams,
  ctx: RebalanceContext,
): Promise<JoinGroupResult> {
  const old = group.members.get(oldId);
  if (old) {
    for (const w of old.joinWaiters.splice(0)) w(joinError(ErrorCode.FENCED_INSTANCE_ID, oldId));
    for (const w of old.syncWaiters.splice(0)) w(syncError(ErrorCode.FENCED_INSTANCE_ID));
    group.members.delete(oldId);
    group.pendingSync.delete(oldId);
    old.memberId = newId;
    group.members.set(newId, old);
    if (group.leaderId === oldId) group.leaderId = newId;
  }
  group.staticMembers.delete(req.groupInstanceId!);
  if (!old) return addMemberAndRebalance(group, newId, req, ctx);
  group.staticMembers.set(req.groupInstanceId!, newId);
  return updateMemberAndRebalance(group, old, req, ctx);
}

function prepareRebalance(group: Group, ctx: RebalanceContext): void {
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
function extendInitialDelay(group: Group, ctx: RebalanceContext): void {
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

export function syncGroup(
  group: Group | undefined,
  req: SyncGroupParams,
  ctx: RebalanceContext,
): SyncGroupResult | Promise<SyncGroupResult> {
  if (!group) return syncError(ErrorCode.UNKNOWN_MEMBER_ID);
  const fenced = fencingError(group, req);
  if (fenced !== ErrorCode.NONE) return syncError(fenced);
  if (req.generationId !== group.generationId) return syncError(ErrorCode.ILLEGAL_GENERATION);
  if (
    (req.protocolType !== null && req.protocolType !== group.protocolType) ||
    (req.protocolName !== null && req.protocolName !== group.protocolName)
  ) {
    return syncError(ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
  }
  const member = group.members.get(req.memberId)!;
  member.lastHeartbeat = ctx.now();
  switch (group.state) {
    case 'PreparingRebalance':
      return syncError(ErrorCode.REBALANCE_IN_PROGRESS);
    case 'Stable':
      return syncResult(group, member);
    case 'CompletingRebalance': {
      group.pendingSync.delete(member.memberId);
      const synced = new Promise<SyncGroupResult>((resolve) => member.syncWaiters.push(resolve));
      if (member.memberId === group.leaderId) applyAssignment(group, req, ctx);
      return synced;
    }
    default:
      return syncError(ErrorCode.UNKNOWN_MEMBER_ID);
  }
}

function syncResult(group: Group, member: Member): SyncGroupResult {
  return {
    errorCode: ErrorCode.NONE,
    protocolType: group.protocolType,
    protocolName: group.protocolName,
    assignment: member.assignment,
  };
}

function applyAssignment(group: Group, req: SyncGroupParams, ctx: RebalanceContext): void {
  const byMember = new Map(req.assignments.map((a) => [a.memberId, a.assignment]));
  const now = ctx.now();
  group.state = 'Stable';
  group.touchedAt = now;
  for (const m of group.members.values()) {
    m.assignment = byMember.get(m.memberId) ?? EMPTY;
    m.lastHeartbeat = now;
    const result = syncResult(group, m);
    for (const w of m.syncWaiters.splice(0)) w(result);
  }
}

export function heartbeat(group: Group | undefined, req: HeartbeatParams, ctx: RebalanceContext): number {
  if (!group) return ErrorCode.UNKNOWN_MEMBER_ID;
  const fenced = fencingError(group, req);
  if (fenced !== ErrorCode.NONE) return fenced;
  if (req.generationId !== group.generationId) return ErrorCode.ILLEGAL_GENERATION;
  const member = group.members.get(req.memberId)!;
  switch (group.state) {
    case 'Stable':
    case 'CompletingRebalance':
      member.lastHeartbeat = ctx.now();
      return ErrorCode.NONE;
    case 'PreparingRebalance':
      member.lastHeartbeat = ctx.now();
      return ErrorCode.REBALANCE_IN_PROGRESS;
    default:
      return ErrorCode.UNKNOWN_MEMBER_ID;
  }
}

export function leaveGroup(
  group: Group | undefined,
  identities: MemberIdentity[],
  ctx: RebalanceContext,
): LeaveGroupResult {
  const members = identities.map((identity) => ({
    ...identity,
    errorCode: group ? leaveOne(group, identity, ctx) : ErrorCode.UNKNOWN_MEMBER_ID,
  }));
  return { errorCode: ErrorCode.NONE, members };
}

function leaveOne(group: Group, identity: MemberIdentity, ctx: RebalanceContext): number {
  let memberId = identity.memberId;
  if (identity.groupInstanceId !== null) {
    const owner = group.staticMembers.get(identity.groupInstanceId);
    if (owner === undefined) return ErrorCode.UNKNOWN_MEMBER_ID;
    // KIP-345: an admin may remove a static member by instance id alone.
    if (memberId !== '' && memberId !== owner) return ErrorCode.FENCED_INSTANCE_ID;
    memberId = owner;
  }
  if (group.pendingMembers.delete(memberId)) {
    tryCompleteJoin(group, ctx);
    return ErrorCode.NONE;
  }
  const member = group.members.get(memberId);
  if (!member) return ErrorCode.UNKNOWN_MEMBER_ID;
  removeMemberAndRebalance(group, member, ctx);
  return ErrorCode.NONE;
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
