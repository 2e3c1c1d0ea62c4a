import { z } from 'zod';

export const healthSeverity = z.enum(['ok', 'warn', 'danger']);

export const healthCheck = z.object({
  id: z.enum(['brokers', 'offline', 'under-min-isr', 'under-replicated', 'groups', 'log-dirs']),
  severity: healthSeverity,
  title: z.string(),
  detail: z.string(),
  /** The console page that shows the problem, relative to the cluster (e.g. "/replicas"). */
  href: z.string(),
});
export type HealthCheck = z.infer<typeof healthCheck>;

/** A consumer group whose health verdict is not OK, as the overview names it. */
export const problemGroup = z.object({
  groupId: z.string(),
  status: z.enum(['WARN', 'STALL', 'STOP']),
  reason: z.string(),
  totalLag: z.number().int().nullable(),
});
export type ProblemGroup = z.infer<typeof problemGroup>;

/** How many topics the overview's traffic names. */
export const BUSIEST_TOPICS_SHOWN = 5;

/** Traffic from the console's sampler (end-offset and log-dir deltas); null until two samples exist. */
export const overviewTraffic = z.object({
  produceMessagesPerSecond: z.number(),
  produceBytesPerSecond: z.number().nullable(),
  consumeMessagesPerSecond: z.number().nullable(),
  /** The topics with the highest produce rate, busiest first (at most BUSIEST_TOPICS_SHOWN, only those > 0). */
  busiestTopics: z.array(z.object({ topic: z.string(), messagesPerSecond: z.number(), bytesPerSecond: z.number().nullable() })),
  /** Time span the rates are measured over (ms). */
  windowMs: z.number(),
});
export type OverviewTraffic = z.infer<typeof overviewTraffic>;

export const overviewResponse = z.object({
  kafkaClusterId: z.string().nullable(),
  controllerId: z.number().int().nullable(),
  brokers: z.object({ online: z.number().int(), total: z.number().int(), offlineIds: z.array(z.number().int()) }),
  topics: z.object({ total: z.number().int(), internal: z.number().int() }),
  partitions: z.object({
    total: z.number().int(),
    replicas: z.number().int(),
    offline: z.number().int(),
    underMinIsr: z.number().int(),
    underReplicated: z.number().int(),
  }),
  /** Bytes on disk over all brokers (every replica); null when no broker reported its log dirs. */
  sizeBytes: z.number().nullable(),
  /** How many brokers' log dirs the size covers (an offline broker's disk cannot be read). */
  sizeBrokersReporting: z.number().int(),
  /** Messages held (latest − earliest over every partition); null when offsets could not be read. */
  messages: z.number().nullable(),
  groups: z.object({
    total: z.number().int(),
    byState: z.array(z.object({ state: z.string(), count: z.number().int() })),
    /** The groups that need attention, worst first (STOP, STALL, WARN; then by lag), at most PROBLEM_GROUPS_SHOWN. */
    problems: z.array(problemGroup),
    /** How many groups need attention in all. */
    problemCount: z.number().int(),
    error: z.string().nullable(),
  }),
  health: z.array(healthCheck),
  traffic: overviewTraffic.nullable(),
  fetchedAt: z.number(),
});
export type OverviewResponse = z.infer<typeof overviewResponse>;
