import { z } from 'zod';

// The KRaft metadata quorum (DescribeQuorum), or why the cluster has none to show.

const int = z.number().int();

export const quorumReplica = z.object({
  id: int,
  /** Offset of the metadata log the replica has; null when unknown. */
  logEndOffset: int.nullable(),
  /** High watermark − log end offset; 0 for the leader. */
  lag: int.nullable(),
  /** Leader's clock at the replica's last fetch, ms; null for the leader or when unknown. */
  lastFetchAt: z.number().nullable(),
  /** Leader's clock when the replica was last caught up, ms; null when unknown. */
  lastCaughtUpAt: z.number().nullable(),
  /** Also a broker the cluster metadata lists as online. */
  brokerOnline: z.boolean().nullable(),
});
export type QuorumReplica = z.infer<typeof quorumReplica>;

export const quorumResponse = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('kraft'),
    leaderId: int,
    leaderEpoch: int,
    highWatermark: int,
    voters: z.array(quorumReplica),
    observers: z.array(quorumReplica),
    fetchedAt: z.number(),
  }),
  z.object({
    /** DescribeQuorum is not offered: a ZooKeeper-based cluster, or KRaft before 3.3. */
    mode: z.literal('no-quorum-api'),
    controllerId: int.nullable(),
    needsKafka: z.string(),
    fetchedAt: z.number(),
  }),
]);
export type QuorumResponse = z.infer<typeof quorumResponse>;
