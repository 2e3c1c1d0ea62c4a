// JoinGroup: admitting new members (with the MEMBER_ID_REQUIRED round trip of v4+), static
// members coming back, and existing members rejoining, each of which may start a rebalance.
import { ErrorCode } from '@/lib/protocol/errors';
import type { Group, Member } from './group';
import {
  EMPTY,
  currentGeneration,
  extendInitialDelay,
  fencingError,
  joinError,
  prepareRebalance,
  syncError,
  tryCompleteJoin,
  type RebalanceContext,
} from './rebalance';
import type { JoinGroupParams, JoinGroupResult } from './types';

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

function sameProtocols(member: Member, req: JoinGroupParams): boolean {
  if (member.protocols.length !== req.protocols.length) return false;
  return member.protocols.every(
    (p, i) => p.name === req.protocols[i].name && p.metadata.equals(req.protocols[i].metadata),
  );
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
