import { z } from 'zod';
import { configEntry, refreshParam } from './common';

export const topicSortKeys = [
  'name',
  'partitions',
  'replicationFactor',
  'underReplicated',
  'size',
  'messages',
  'cleanupPolicy',
  'lag',
] as const;
export const topicSortKey = z.enum(topicSortKeys);
export type TopicSortKey = z.infer<typeof topicSortKey>;

export const TOPIC_PAGE_SIZE = 50;

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

/** The topic list's query string; the page's URL carries the same parameters. */
export const topicListQuery = z.object({
  q: z.string().max(249, 'must be at most 249 characters').default(''),
  sort: topicSortKey.default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int('must be a whole number').min(1, 'must be 1 or more').max(1_000_000).default(1),
  pageSize: z.coerce.number().int('must be a whole number').min(10, 'must be 10 to 500').max(500, 'must be 10 to 500').default(TOPIC_PAGE_SIZE),
  internal: flag.default(false),
  refresh: refreshParam,
});
export type TopicListQuery = z.infer<typeof topicListQuery>;

export const topicRow = z.object({
  name: z.string(),
  internal: z.boolean(),
  partitions: z.number().int(),
  replicationFactor: z.number().int(),
  underReplicated: z.number().int(),
  underMinIsr: z.number().int(),
  /** Partitions without a leader. */
  offline: z.number().int(),
  /** One copy of the data (the leader replicas); null when log dirs could not be read. */
  size: z.number().nullable(),
  /** Sum over partitions of latest − earliest offset; null when offsets could not be read. */
  messages: z.number().nullable(),
  cleanupPolicy: z.string().nullable(),
  /** The consumer group furthest behind on this topic. */
  worstLag: z.object({ group: z.string(), lag: z.number() }).nullable(),
  /** Messages written per second between the console's last two samples; null before two samples. */
  messagesPerSecond: z.number().nullable(),
});
export type TopicRow = z.infer<typeof topicRow>;

export const topicListResponse = z.object({
  items: z.array(topicRow),
  /** Topics matching the filter, before pagination. */
  total: z.number().int(),
  /** All topics in the cluster, internal ones included. */
  totalAll: z.number().int(),
  internalCount: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  pageCount: z.number().int(),
  /** False when consumer-group lag could not be read; the lag column then says so. */
  lagAvailable: z.boolean(),
  fetchedAt: z.number(),
});
export type TopicListResponse = z.infer<typeof topicListResponse>;

export const partitionDetail = z.object({
  partition: z.number().int(),
  /** Null when the partition has no leader. */
  leader: z.number().int().nullable(),
  leaderEpoch: z.number().int().nullable(),
  replicas: z.array(z.number().int()),
  isr: z.array(z.number().int()),
  /** Replicas not in the ISR, highlighted in the UI. */
  outOfSync: z.array(z.number().int()),
  offlineReplicas: z.array(z.number().int()),
  earliest: z.number().nullable(),
  latest: z.number().nullable(),
  messages: z.number().nullable(),
  size: z.number().nullable(),
  /** Messages written per second between the console's last two samples; null before two samples. */
  messagesPerSecond: z.number().nullable(),
  underReplicated: z.boolean(),
  underMinIsr: z.boolean(),
  offline: z.boolean(),
});
export type PartitionDetail = z.infer<typeof partitionDetail>;

export const topicDetail = z.object({
  name: z.string(),
  topicId: z.string().nullable(),
  internal: z.boolean(),
  replicationFactor: z.number().int(),
  minInsyncReplicas: z.number().int().nullable(),
  cleanupPolicy: z.string().nullable(),
  partitions: z.array(partitionDetail),
  totals: z.object({
    size: z.number().nullable(),
    messages: z.number().nullable(),
    underReplicated: z.number().int(),
    underMinIsr: z.number().int(),
    offline: z.number().int(),
  }),
  fetchedAt: z.number(),
});
export type TopicDetail = z.infer<typeof topicDetail>;

export const topicConfigsResponse = z.object({
  topic: z.string(),
  configs: z.array(configEntry),
  fetchedAt: z.number(),
});
export type TopicConfigsResponse = z.infer<typeof topicConfigsResponse>;
