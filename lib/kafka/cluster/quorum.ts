import 'server-only';
import type { QuorumReplica, QuorumResponse } from '@/lib/api/quorum';
import { KAFKA_VERSION_INTRODUCING } from '@/lib/protocol/api-requirements';
import { ErrorCode, KafkaProtocolError } from '@/lib/protocol/errors';
import { DescribeQuorum } from '@/lib/protocol/generated';
import { getMetadata } from '../metadata';
import { clusterRpc } from '../protocol-pool';

// The KRaft quorum as kafka-metadata-quorum.sh describe --status/--replication shows it. Brokers
// of Kafka 3.3+ forward DescribeQuorum to the active controller; a cluster whose brokers do not
// offer it runs on ZooKeeper (or an early KRaft), and the page shows its controller instead.

const METADATA_PARTITION = { topicName: '__cluster_metadata', partitions: [{ partitionIndex: 0 }] };

export async function describeQuorum(clusterId: string, refresh = false): Promise<QuorumResponse> {
  const rpc = await clusterRpc(clusterId);
  const meta = await getMetadata(clusterId, refresh);
  if (!(await rpc.supports(DescribeQuorum))) {
    return { mode: 'no-quorum-api', controllerId: meta.controllerId, needsKafka: KAFKA_VERSION_INTRODUCING.DescribeQuorum, fetchedAt: Date.now() };
  }
  const response = await rpc.any(DescribeQuorum, { topics: [METADATA_PARTITION] });
  if (response.errorCode !== ErrorCode.NONE) throw new KafkaProtocolError(response.errorCode, response.errorMessage ?? undefined);
  const p = response.topics[0]?.partitions[0];
  if (!p) throw new KafkaProtocolError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, 'DescribeQuorum answered without the metadata partition');
  if (p.errorCode !== ErrorCode.NONE) throw new KafkaProtocolError(p.errorCode, p.errorMessage ?? undefined);
  // Fetch times came with v1; a v0 answer leaves them undefined (unknown, like -1).
  const time = (t: number | bigint | undefined) => (t !== undefined && t >= 0 ? Number(t) : null);
  const replica = (r: (typeof p.currentVoters)[number]): QuorumReplica => ({
    id: r.replicaId,
    logEndOffset: r.logEndOffset >= 0 ? Number(r.logEndOffset) : null,
    lag: r.replicaId === p.leaderId ? 0 : r.logEndOffset >= 0 ? Math.max(0, Number(p.highWatermark) - Number(r.logEndOffset)) : null,
    lastFetchAt: time(r.lastFetchTimestamp),
    lastCaughtUpAt: time(r.lastCaughtUpTimestamp),
    // Dedicated controllers are not brokers: the metadata knows nothing of them.
    brokerOnline: meta.brokers.some((b) => b.id === r.replicaId) ? meta.onlineBrokerIds.has(r.replicaId) : null,
  });
  return {
    mode: 'kraft',
    leaderId: p.leaderId,
    leaderEpoch: p.leaderEpoch,
    highWatermark: Number(p.highWatermark),
    voters: p.currentVoters.map(replica),
    observers: p.observers.map(replica),
    fetchedAt: Date.now(),
  };
}
