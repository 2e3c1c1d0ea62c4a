// OffsetFetch v0-9. v0-7 ask for one group (topics null = every committed partition, v2+);
// v8+ ask for many groups at once, each answered (or refused with NOT_COORDINATOR) on its own.
// Without transactions there are no unstable offsets, so requireStable changes nothing.
import {
  OffsetFetch,
  type OffsetFetchRequest,
  type OffsetFetchResponse,
  type OffsetFetchResponseGroup,
} from '@/lib/protocol/generated/offset-fetch';
import { ErrorCode } from '@/lib/protocol/errors';
import { coordinatorError } from '../groups/routing';
import { defineHandler, type HandlerContext } from './types';

type Topics = { name: string; partitionIndexes: number[] }[] | null;

function fetchGroup(ctx: HandlerContext, groupId: string, topics: Topics): OffsetFetchResponseGroup {
  const groups = ctx.cluster.groups;
  const errorCode = coordinatorError(groups, groupId, ctx.broker.nodeId);
  if (errorCode !== ErrorCode.NONE) return { groupId, errorCode, topics: [] };
  const result = groups.fetchOffsets(groupId, topics);
  return {
    groupId,
    errorCode: result.errorCode,
    topics: result.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => ({ ...p, committedLeaderEpoch: p.committedLeaderEpoch })),
    })),
  };
}

export const offsetFetchHandler = defineHandler<OffsetFetchRequest, OffsetFetchResponse>({
  codec: OffsetFetch,
  minVersion: 0,
  maxVersion: 9,
  handle(ctx, req, version) {
    if (version >= 8) {
      return { throttleTimeMs: 0, groups: (req.groups ?? []).map((g) => fetchGroup(ctx, g.groupId, g.topics)) };
    }
    const topics = req.topics ?? null;
    const group = fetchGroup(ctx, req.groupId ?? '', topics);
    if (group.errorCode !== ErrorCode.NONE) {
      // v0-1 have no top-level error: the group error goes on every requested partition.
      const failed = (topics ?? []).map((t) => ({
        name: t.name,
        partitions: t.partitionIndexes.map((partitionIndex) => ({ partitionIndex, committedOffset: -1, committedLeaderEpoch: -1, metadata: '', errorCode: group.errorCode })),
      }));
      return { throttleTimeMs: 0, errorCode: group.errorCode, topics: failed };
    }
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, topics: group.topics };
  },
});
