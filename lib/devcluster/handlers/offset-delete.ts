// OffsetDelete v0: drops committed offsets of a group. Refused per partition with
// GROUP_SUBSCRIBED_TO_TOPIC while a live member of the group subscribes to the topic.
import { OffsetDelete, type OffsetDeleteRequest, type OffsetDeleteResponse } from '@/lib/protocol/generated/offset-delete';
import { ErrorCode } from '@/lib/protocol/errors';
import { coordinatorError } from '../groups/routing';
import { defineHandler } from './types';

export const offsetDeleteHandler = defineHandler<OffsetDeleteRequest, OffsetDeleteResponse>({
  codec: OffsetDelete,
  minVersion: 0,
  maxVersion: 0,
  handle(ctx, req) {
    const groups = ctx.cluster.groups;
    const routing = coordinatorError(groups, req.groupId, ctx.broker.nodeId);
    if (routing !== ErrorCode.NONE) return { errorCode: routing, throttleTimeMs: 0, topics: [] };
    const result = groups.deleteOffsets(req.groupId, req.topics);
    return { errorCode: result.errorCode, throttleTimeMs: 0, topics: result.topics };
  },
});
