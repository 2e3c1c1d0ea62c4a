/**
 * DescribeQuorum (key 55), v0-2: the KRaft metadata quorum of partition __cluster_metadata-0 —
 * leader, epoch, high watermark, and each voter's log end offset and fetch times (see
 * state/quorum.ts). Any other partition gets UNKNOWN_TOPIC_OR_PARTITION. v2 adds the voters'
 * listeners (the dev cluster's controllers share the brokers' listener).
 */
import { DescribeQuorum } from '@/lib/protocol/generated';
import { ErrorCode } from '@/lib/protocol/errors';
import { METADATA_TOPIC } from '../state/quorum';
import { defineHandler } from './types';

export const describeQuorumHandler = defineHandler({
  codec: DescribeQuorum,
  minVersion: 0,
  maxVersion: 2,
  handle({ cluster }, req) {
    cluster.observeQuorum();
    const now = Date.now();
    const voterIds = [...cluster.brokers.keys()].sort((a, b) => a - b);
    const { quorum } = cluster;
    return {
      errorCode: ErrorCode.NONE,
      errorMessage: null,
      topics: req.topics.map((t) => ({
        topicName: t.topicName,
        partitions: t.partitions.map((p) =>
          t.topicName === METADATA_TOPIC && p.partitionIndex === 0
            ? {
                partitionIndex: 0,
                errorCode: ErrorCode.NONE,
                errorMessage: null,
                leaderId: quorum.leaderId,
                leaderEpoch: quorum.leaderEpoch,
                highWatermark: cluster.metadataVersion,
                currentVoters: quorum.describe(voterIds, now).map((v) => ({ ...v, replicaDirectoryId: 'AAAAAAAAAAAAAAAAAAAAAA' })),
                observers: [],
              }
            : { partitionIndex: p.partitionIndex, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: null, leaderId: -1, leaderEpoch: -1, highWatermark: -1, currentVoters: [], observers: [] },
        ),
      })),
      nodes: voterIds.map((id) => {
        const info = cluster.brokerInfo(id)!;
        return { nodeId: id, listeners: [{ name: 'CONTROLLER', host: info.host, port: info.port }] };
      }),
    };
  },
});
