import { z } from 'zod';
import { refreshParam } from './common';

export const partitionProblem = z.enum(['offline', 'under-min-isr', 'under-replicated']);
export type PartitionProblem = z.infer<typeof partitionProblem>;

export const problemPartition = z.object({
  topic: z.string(),
  partition: z.number().int(),
  leader: z.number().int().nullable(),
  replicas: z.array(z.number().int()),
  isr: z.array(z.number().int()),
  outOfSync: z.array(z.number().int()),
  offlineReplicas: z.array(z.number().int()),
  minInsyncReplicas: z.number().int().nullable(),
  /** Worst first. */
  problems: z.array(partitionProblem),
});
export type ProblemPartition = z.infer<typeof problemPartition>;

export const brokerLoad = z.object({
  id: z.number().int(),
  online: z.boolean(),
  leaders: z.number().int(),
  replicas: z.number().int(),
  /** Partitions whose first (preferred) replica is this broker. */
  preferredLeaders: z.number().int(),
  outOfSync: z.number().int(),
});
export type BrokerLoad = z.infer<typeof brokerLoad>;

/** Problem partitions summed per topic, so a broker outage reads as a few lines, not thousands. */
export const topicProblems = z.object({
  topic: z.string(),
  partitions: z.number().int(),
  offline: z.number().int(),
  underMinIsr: z.number().int(),
  underReplicated: z.number().int(),
  /** Brokers missing from the ISR of at least one of these partitions. */
  outOfSyncBrokers: z.array(z.number().int()),
});
export type TopicProblems = z.infer<typeof topicProblems>;

export const replicasQuery = z.object({
  q: z.string().max(249, 'must be at most 249 characters').default(''),
  broker: z.coerce.number().int('must be a broker id').min(0, 'must be a broker id').optional(),
  limit: z.coerce.number().int('must be a whole number').min(1, 'must be 1 to 5000').max(5000, 'must be 1 to 5000').default(500),
  refresh: refreshParam,
});
export type ReplicasQuery = z.infer<typeof replicasQuery>;

export const replicasResponse = z.object({
  counts: z.object({
    partitions: z.number().int(),
    offline: z.number().int(),
    underMinIsr: z.number().int(),
    underReplicated: z.number().int(),
    /** Partitions with a leader other than their first (preferred) replica. */
    offPreferred: z.number().int(),
  }),
  /** Problem partitions matching the filter, worst first, at most `limit`. */
  problems: z.array(problemPartition),
  /** Problem partitions matching the filter before the limit. */
  matching: z.number().int(),
  /** Every matching problem partition summed per topic, worst first (never limited). */
  byTopic: z.array(topicProblems),
  brokers: z.array(brokerLoad),
  fetchedAt: z.number(),
});
export type ReplicasResponse = z.infer<typeof replicasResponse>;
