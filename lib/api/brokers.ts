import { z } from 'zod';
import { configEntry } from './common';

export const brokerSummary = z.object({
  id: z.number().int(),
  /** Null only for a broker that is offline and was never seen online by this console. */
  host: z.string().nullable(),
  port: z.number().int().nullable(),
  rack: z.string().nullable(),
  controller: z.boolean(),
  online: z.boolean(),
  /** Partitions this broker currently leads. */
  leaders: z.number().int(),
  /** Partition replicas assigned to this broker. */
  replicas: z.number().int(),
  /** Assigned replicas that are not in their partition's ISR. */
  outOfSync: z.number().int(),
  /** Bytes in the broker's log directories; null when it could not be asked. */
  logDirSize: z.number().nullable(),
});
export type BrokerSummary = z.infer<typeof brokerSummary>;

export const brokersResponse = z.object({
  clusterId: z.string().nullable(),
  controllerId: z.number().int().nullable(),
  brokers: z.array(brokerSummary),
  fetchedAt: z.number(),
});
export type BrokersResponse = z.infer<typeof brokersResponse>;

export const logDirTopic = z.object({ name: z.string(), partitions: z.number().int(), size: z.number() });

export const logDir = z.object({
  path: z.string(),
  error: z.string().nullable(),
  size: z.number(),
  /** Volume capacity and free space (Kafka 3.3+ brokers report them). */
  totalBytes: z.number().nullable(),
  usableBytes: z.number().nullable(),
  partitions: z.number().int(),
  /** The largest topics in this directory, biggest first. */
  topics: z.array(logDirTopic),
});
export type LogDir = z.infer<typeof logDir>;

export const brokerDetail = z.object({
  broker: brokerSummary,
  configs: z.array(configEntry),
  /** Why configs are missing (broker offline, not authorised, ...). */
  configsError: z.string().nullable(),
  logDirs: z.array(logDir),
  logDirsError: z.string().nullable(),
  fetchedAt: z.number(),
});
export type BrokerDetail = z.infer<typeof brokerDetail>;

export const brokerParam = z.coerce
  .number({ message: 'must be a broker id (a whole number)' })
  .int('must be a broker id (a whole number)')
  .min(0, 'must be a broker id (a whole number)');
