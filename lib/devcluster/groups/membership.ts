// SyncGroup, Heartbeat and LeaveGroup for members of a classic group.
import { ErrorCode } from '@/lib/protocol/errors';
import type { Group, Member } from './group';
import { EMPTY, fencingError, removeMemberAndRebalance, syncError, tryCompleteJoin, type RebalanceContext } from './rebalance';
import type { HeartbeatParams, LeaveGroupResult, MemberIdentity, SyncGroupParams, SyncGroupResult } from './types';

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
