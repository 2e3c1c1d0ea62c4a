// SyncGroup v0-5. The leader sends every member's assignment; followers' requests wait until it
// arrives (or a new rebalance voids it with REBALANCE_IN_PROGRESS).
import { SyncGroup, type SyncGroupRequest, type SyncGroupResponse } from '@/lib/protocol/generated/sync-group';
import { ErrorCode } from '@/lib/protocol/errors';
import { coordinatorError } from '../groups/routing';
import { defineHandler } from './types';

export const syncGroupHandler = defineHandler<SyncGroupRequest, SyncGroupResponse>({
  codec: SyncGroup,
  minVersion: 0,
  maxVersion: 5,
  async handle(ctx, req) {
    const groups = ctx.cluster.groups;
    const routing = coordinatorError(groups, req.groupId, ctx.broker.nodeId);
    if (routing !== ErrorCode.NONE) {
      return { throttleTimeMs: 0, errorCode: routing, protocolType: null, protocolName: null, assignment: Buffer.alloc(0) };
    }
    const result = await groups.sync({
      groupId: req.groupId,
      generationId: req.generationId,
      memberId: req.memberId,
      groupInstanceId: req.groupInstanceId ?? null,
      protocolType: req.protocolType ?? null,
      protocolName: req.protocolName ?? null,
      assignments: req.assignments.map((a) => ({ memberId: a.memberId, assignment: Buffer.from(a.assignment) })),
    });
    return { throttleTimeMs: 0, ...result };
  },
});
