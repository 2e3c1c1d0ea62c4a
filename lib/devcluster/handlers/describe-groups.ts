// DescribeGroups v0-5, many groups per request. Unknown groups come back as state "Dead" without
// an error (as Kafka does up to v5); groups another broker coordinates get NOT_COORDINATOR.
// Member metadata and assignments are shown once the group is Stable.
import {
  DescribeGroups,
  type DescribeGroupsRequest,
  type DescribeGroupsResponse,
} from '@/lib/protocol/generated/describe-groups';
import { ErrorCode } from '@/lib/protocol/errors';
import { coordinatorError } from '../groups/routing';
import { defineHandler } from './types';

/** READ, DELETE and DESCRIBE (AclOperation codes 3, 6, 8): everything a group allows, no ACLs here. */
const GROUP_OPERATIONS = (1 << 3) | (1 << 6) | (1 << 8);
const NOT_REQUESTED = -2147483648;

export const describeGroupsHandler = defineHandler<DescribeGroupsRequest, DescribeGroupsResponse>({
  codec: DescribeGroups,
  minVersion: 0,
  maxVersion: 5,
  handle(ctx, req) {
    const groups = ctx.cluster.groups;
    const authorizedOperations = req.includeAuthorizedOperations ? GROUP_OPERATIONS : NOT_REQUESTED;
    return {
      throttleTimeMs: 0,
      groups: req.groups.map((groupId) => {
        const errorCode = coordinatorError(groups, groupId, ctx.broker.nodeId);
        if (errorCode !== ErrorCode.NONE) {
          return { errorCode, groupId, groupState: '', protocolType: '', protocolData: '', members: [], authorizedOperations };
        }
        return { ...groups.describeGroup(groupId), authorizedOperations };
      }),
    };
  },
});
