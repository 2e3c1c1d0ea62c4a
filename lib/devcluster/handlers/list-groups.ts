// ListGroups v0-5: the groups this broker coordinates (clients ask every broker and merge), with
// the state filter of v4+ and the type filter of v5 (every group here is a "classic" group).
import { ListGroups, type ListGroupsRequest, type ListGroupsResponse } from '@/lib/protocol/generated/list-groups';
import { ErrorCode } from '@/lib/protocol/errors';
import { defineHandler } from './types';

export const listGroupsHandler = defineHandler<ListGroupsRequest, ListGroupsResponse>({
  codec: ListGroups,
  minVersion: 0,
  maxVersion: 5,
  handle(ctx, req) {
    const groups = ctx.cluster.groups.listGroups({
      states: req.statesFilter,
      types: req.typesFilter,
      coordinatorId: ctx.broker.nodeId,
    });
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, groups };
  },
});
