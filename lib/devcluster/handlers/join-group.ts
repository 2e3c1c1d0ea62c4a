// JoinGroup v0-9 (classic protocol). The response is held back until the group's join phase ends
// (all members rejoined, or the rebalance timeout passed). v4+ clients without a member id first
// get MEMBER_ID_REQUIRED with an id to rejoin with. v0 has no rebalance timeout: the session
// timeout stands in, as in Kafka.
import { JoinGroup, type JoinGroupRequest, type JoinGroupResponse } from '@/lib/protocol/generated/join-group';
import { ErrorCode } from '@/lib/protocol/errors';
import { clientHost, coordinatorError } from '../groups/routing';
import type { JoinGroupResult } from '../groups/types';
import { defineHandler } from './types';

function toResponse(r: JoinGroupResult, version: number): JoinGroupResponse {
  return {
    throttleTimeMs: 0,
    errorCode: r.errorCode,
    generationId: r.generationId,
    protocolType: r.protocolType,
    // Before v7 the protocol name is a non-nullable string.
    protocolName: version >= 7 ? r.protocolName : (r.protocolName ?? ''),
    leader: r.leader,
    skipAssignment: false,
    memberId: r.memberId,
    members: r.members.map((m) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId, metadata: m.metadata })),
  };
}

export const joinGroupHandler = defineHandler<JoinGroupRequest, JoinGroupResponse>({
  codec: JoinGroup,
  minVersion: 0,
  maxVersion: 9,
  async handle(ctx, req, version) {
    const groups = ctx.cluster.groups;
    const routing = coordinatorError(groups, req.groupId, ctx.broker.nodeId);
    if (routing !== ErrorCode.NONE) {
      return toResponse({ errorCode: routing, generationId: -1, protocolType: null, protocolName: null, leader: '', memberId: req.memberId, members: [] }, version);
    }
    const result = await groups.join({
      groupId: req.groupId,
      memberId: req.memberId,
      groupInstanceId: req.groupInstanceId ?? null,
      requireKnownMemberId: version >= 4,
      clientId: ctx.connection.clientId ?? '',
      clientHost: clientHost(ctx.connection.remoteAddress),
      sessionTimeoutMs: req.sessionTimeoutMs,
      rebalanceTimeoutMs: version >= 1 && (req.rebalanceTimeoutMs ?? -1) > 0 ? req.rebalanceTimeoutMs! : req.sessionTimeoutMs,
      protocolType: req.protocolType,
      // Decoded bytes are views into the request frame; the group keeps them for its lifetime.
      protocols: req.protocols.map((p) => ({ name: p.name, metadata: Buffer.from(p.metadata) })),
    });
    return toResponse(result, version);
  },
});
