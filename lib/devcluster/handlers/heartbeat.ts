// Heartbeat v0-4: keeps a member's session alive; REBALANCE_IN_PROGRESS tells it to rejoin.
import { Heartbeat, type HeartbeatRequest, type HeartbeatResponse } from '@/lib/protocol/generated/heartbeat';
import { ErrorCode } from '@/lib/protocol/errors';
import { coordinatorError } from '../groups/routing';
import { defineHandler } from './types';

export const heartbeatHandler = defineHandler<HeartbeatRequest, HeartbeatResponse>({
  codec: Heartbeat,
  minVersion: 0,
  maxVersion: 4,
  handle(ctx, req) {
    const groups = ctx.cluster.groups;
    const routing = coordinatorError(groups, req.groupId, ctx.broker.nodeId);
    if (routing !== ErrorCode.NONE) return { throttleTimeMs: 0, errorCode: routing };
    const errorCode = groups.heartbeat({
      groupId: req.groupId,
      generationId: req.generationId,
      memberId: req.memberId,
      groupInstanceId: req.groupInstanceId ?? null,
    });
    return { throttleTimeMs: 0, errorCode };
  },
});
