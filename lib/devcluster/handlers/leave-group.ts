// LeaveGroup v0-5. v0-2 remove one member (its error is the top-level error); v3+ remove a batch,
// static members possibly by group instance id alone, with an error per member.
import { LeaveGroup, type LeaveGroupRequest, type LeaveGroupResponse } from '@/lib/protocol/generated/leave-group';
import { ErrorCode } from '@/lib/protocol/errors';
import { coordinatorError } from '../groups/routing';
import { defineHandler } from './types';

export const leaveGroupHandler = defineHandler<LeaveGroupRequest, LeaveGroupResponse>({
  codec: LeaveGroup,
  minVersion: 0,
  maxVersion: 5,
  handle(ctx, req, version) {
    const groups = ctx.cluster.groups;
    const routing = coordinatorError(groups, req.groupId, ctx.broker.nodeId);
    if (routing !== ErrorCode.NONE) return { throttleTimeMs: 0, errorCode: routing, members: [] };
    if (version < 3) {
      const result = groups.leave(req.groupId, [{ memberId: req.memberId ?? '', groupInstanceId: null }]);
      return { throttleTimeMs: 0, errorCode: result.members[0].errorCode };
    }
    const identities = (req.members ?? []).map((m) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId }));
    const result = groups.leave(req.groupId, identities);
    return { throttleTimeMs: 0, errorCode: result.errorCode, members: result.members };
  },
});
