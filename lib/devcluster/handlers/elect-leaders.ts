/**
 * ElectLeaders (key 43), v0-2: preferred (type 0, the only one before v1) or unclean (type 1)
 * leader election. Per partition: NONE, ELECTION_NOT_NEEDED (the preferred replica already
 * leads / the partition has a leader), PREFERRED_LEADER_NOT_AVAILABLE (the preferred replica is
 * down or out of sync), ELIGIBLE_LEADERS_NOT_AVAILABLE or UNKNOWN_TOPIC_OR_PARTITION.
 */
import { ElectLeaders } from '@/lib/protocol/generated';
import { ErrorCode, kafkaErrorInfo } from '@/lib/protocol/errors';
import { defineHandler } from './types';

const UNCLEAN = 1;

export const electLeadersHandler = defineHandler({
  codec: ElectLeaders,
  minVersion: 0,
  maxVersion: 2,
  handle({ cluster }, req) {
    const type = req.electionType === UNCLEAN ? 'unclean' : 'preferred';
    const wanted = req.topicPartitions?.map((t) => ({ topic: t.topic, partitions: t.partitions })) ?? null;
    const byTopic = new Map<string, { partitionId: number; errorCode: number; errorMessage: string | null }[]>();
    for (const r of cluster.electLeaders(type, wanted)) {
      let list = byTopic.get(r.topic);
      if (!list) byTopic.set(r.topic, (list = []));
      list.push({ partitionId: r.partition, errorCode: r.errorCode, errorMessage: r.errorCode === ErrorCode.NONE ? null : kafkaErrorInfo(r.errorCode).message });
    }
    return {
      throttleTimeMs: 0,
      errorCode: ErrorCode.NONE,
      replicaElectionResults: [...byTopic].map(([topic, partitionResult]) => ({ topic, partitionResult })),
    };
  },
});
