// OffsetCommit v0-9. Members commit with their generation and member id (checked against the
// group); admin tools and standalone consumers commit with generation -1, allowed only while the
// group has no members. v1 may carry a commit timestamp; otherwise the broker's clock is used.
import { OffsetCommit, type OffsetCommitRequest, type OffsetCommitResponse } from '@/lib/protocol/generated/offset-commit';
import { ErrorCode } from '@/lib/protocol/errors';
import { coordinatorError } from '../groups/routing';
import { defineHandler } from './types';

export const offsetCommitHandler = defineHandler<OffsetCommitRequest, OffsetCommitResponse>({
  codec: OffsetCommit,
  minVersion: 0,
  maxVersion: 9,
  handle(ctx, req) {
    const groups = ctx.cluster.groups;
    const routing = coordinatorError(groups, req.groupId, ctx.broker.nodeId);
    if (routing !== ErrorCode.NONE) {
      return {
        throttleTimeMs: 0,
        topics: req.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex, errorCode: routing })) })),
      };
    }
    const topics = groups.commitOffsets({
      groupId: req.groupId,
      generationId: req.generationIdOrMemberEpoch ?? -1,
      memberId: req.memberId ?? '',
      groupInstanceId: req.groupInstanceId ?? null,
      topics: req.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((p) => ({
          partitionIndex: p.partitionIndex,
          committedOffset: p.committedOffset,
          committedLeaderEpoch: p.committedLeaderEpoch ?? -1,
          committedMetadata: p.committedMetadata,
          commitTimestamp: p.commitTimestamp,
        })),
      })),
    });
    return { throttleTimeMs: 0, topics };
  },
});
