import type { PartitionRef } from '@/lib/api/groups';
import { ConsumerProtocolAssignmentCodec } from '@/lib/protocol/generated';
import { Reader } from '@/lib/protocol/reader';

/**
 * The partitions in a member's assignment (DescribeGroups MemberAssignment, "consumer" protocol):
 * int16 version, then the ConsumerProtocolAssignment fields. Newer versions only append fields,
 * so anything above what we know is read as the newest known version. Empty or undecodable
 * bytes (a member mid-rebalance, a non-consumer protocol) give no partitions.
 */
export function decodeAssignment(bytes: Buffer | null | undefined): PartitionRef[] {
  if (!bytes || bytes.length < 2) return [];
  try {
    const r = new Reader(bytes);
    const version = Math.min(r.readInt16(), ConsumerProtocolAssignmentCodec.maxVersion);
    if (version < 0) return [];
    const { assignedPartitions } = ConsumerProtocolAssignmentCodec.decode(r, version);
    return assignedPartitions
      .flatMap((t) => t.partitions.map((partition) => ({ topic: t.topic, partition })))
      .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  } catch {
    return [];
  }
}
