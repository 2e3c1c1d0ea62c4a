// Committed offsets of a group: validation of commits (Kafka's ClassicGroup.validateOffsetCommit),
// fetches and deletes. The group object owns the data; the coordinator persists the changes.
import { ErrorCode } from '@/lib/protocol/errors';
import type { Group } from './group';
import type {
  CommittedOffset,
  FetchedOffset,
  GroupCoordinatorHost,
  OffsetCommitParams,
  TopicPartitionErrors,
} from './types';

/** Kafka's offset.metadata.max.bytes default. */
export const MAX_METADATA_BYTES = 4096;

export interface OffsetChange {
  topic: string;
  partition: number;
  /** null: the committed offset was deleted. */
  committed: CommittedOffset | null;
}

/** Group-level check of a commit; NONE means the partitions may be written. */
export function validateCommit(group: Group, req: OffsetCommitParams): number {
  if (group.state === 'Dead') return ErrorCode.COORDINATOR_NOT_AVAILABLE;
  const fromMember = req.generationId >= 0 || req.memberId !== '' || req.groupInstanceId !== null;
  if (fromMember) {
    if (req.groupInstanceId !== null) {
      const owner = group.staticMembers.get(req.groupInstanceId);
      if (owner !== undefined && owner !== req.memberId) return ErrorCode.FENCED_INSTANCE_ID;
    }
    if (!group.members.has(req.memberId)) return ErrorCode.UNKNOWN_MEMBER_ID;
    if (req.generationId !== group.generationId) return ErrorCode.ILLEGAL_GENERATION;
  } else if (group.state !== 'Empty') {
    // A standalone (admin/simple consumer) commit would overwrite what live members track.
    return ErrorCode.UNKNOWN_MEMBER_ID;
  }
  // The member has the new generation but no assignment yet: it must finish SyncGroup first.
  if (group.state === 'CompletingRebalance') return ErrorCode.REBALANCE_IN_PROGRESS;
  return ErrorCode.NONE;
}

export function commitOffsets(
  group: Group,
  req: OffsetCommitParams,
  host: GroupCoordinatorHost,
  changes: OffsetChange[],
): TopicPartitionErrors[] {
  const now = host.now();
  const member = group.members.get(req.memberId);
  // Kafka counts a commit from a live member as a sign of life.
  if (member && group.state !== 'Empty') member.lastHeartbeat = now;
  group.touchedAt = now;
  return req.topics.map((topic) => ({
    name: topic.name,
    partitions: topic.partitions.map((p) => {
      let errorCode: number = ErrorCode.NONE;
      if (!host.partitionExists(topic.name, p.partitionIndex)) errorCode = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
      else if (p.committedMetadata !== null && Buffer.byteLength(p.committedMetadata) > MAX_METADATA_BYTES) {
        errorCode = ErrorCode.OFFSET_METADATA_TOO_LARGE;
      } else {
        const committed: CommittedOffset = {
          offset: p.committedOffset,
          leaderEpoch: p.committedLeaderEpoch,
          metadata: p.committedMetadata,
          commitTimestamp: p.commitTimestamp !== undefined && p.commitTimestamp >= 0 ? p.commitTimestamp : now,
        };
        setOffset(group, topic.name, p.partitionIndex, committed);
        changes.push({ topic: topic.name, partition: p.partitionIndex, committed });
      }
      return { partitionIndex: p.partitionIndex, errorCode };
    }),
  }));
}

export function setOffset(group: Group, topic: string, partition: number, committed: CommittedOffset): void {
  let partitions = group.offsets.get(topic);
  if (!partitions) group.offsets.set(topic, (partitions = new Map()));
  partitions.set(partition, committed);
}

export function deleteOffset(group: Group, topic: string, partition: number): boolean {
  const partitions = group.offsets.get(topic);
  if (!partitions?.delete(partition)) return false;
  if (partitions.size === 0) group.offsets.delete(topic);
  return true;
}

function fetched(partitionIndex: number, c: CommittedOffset | undefined): FetchedOffset {
  return {
    partitionIndex,
    committedOffset: c?.offset ?? -1,
    committedLeaderEpoch: c?.leaderEpoch ?? -1,
    // Kafka answers "" (not null) for partitions without a commit.
    metadata: c ? c.metadata : '',
    errorCode: ErrorCode.NONE,
  };
}

/**
 * Offsets of the requested partitions (-1 where nothing is committed), or, when topics is null,
 * of every partition the group has committed to that still exists.
 */
export function fetchOffsets(
  group: Group | undefined,
  topics: { name: string; partitionIndexes: number[] }[] | null,
  host: GroupCoordinatorHost,
): { name: string; partitions: FetchedOffset[] }[] {
  if (topics !== null) {
    return topics.map((t) => ({
      name: t.name,
      partitions: t.partitionIndexes.map((p) => fetched(p, group?.offsets.get(t.name)?.get(p))),
    }));
  }
  if (!group) return [];
  const result: { name: string; partitions: FetchedOffset[] }[] = [];
  for (const [name, partitions] of group.offsets) {
    const rows = [...partitions]
      .filter(([p]) => host.partitionExists(name, p))
      .sort(([a], [b]) => a - b)
      .map(([p, c]) => fetched(p, c));
    if (rows.length > 0) result.push({ name, partitions: rows });
  }
  return result;
}
