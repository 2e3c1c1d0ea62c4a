// DeleteGroups v0-2: removes empty groups with their committed offsets. Groups with members get
// NON_EMPTY_GROUP, unknown ones GROUP_ID_NOT_FOUND.
import { DeleteGroups, type DeleteGroupsRequest, type DeleteGroupsResponse } from '@/lib/protocol/generated/delete-groups';
import { ErrorCode } from '@/lib/protocol/errors';
import { coordinatorError } from '../groups/routing';
import { defineHandler } from './types';

export const deleteGroupsHandler = defineHandler<DeleteGroupsRequest, DeleteGroupsResponse>({
  codec: DeleteGroups,
  minVersion: 0,
  maxVersion: 2,
  handle(ctx, req) {
    const groups = ctx.cluster.groups;
    return {
      throttleTimeMs: 0,
      results: req.groupsNames.map((groupId) => {
        const routing = coordinatorError(groups, groupId, ctx.broker.nodeId);
        return { groupId, errorCode: routing !== ErrorCode.NONE ? routing : groups.deleteGroup(groupId) };
      }),
    };
  },
});
