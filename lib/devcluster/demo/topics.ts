// The demo's topics: a spread of partition counts, cleanup policies, retention settings and
// payload kinds, each with the rate (messages per second) at which it keeps receiving data.
import type { GeneratorName } from './generators';

export interface DemoTopic {
  name: string;
  partitions: number;
  configs: Record<string, string>;
  generator: GeneratorName;
  /** Average messages per second while the demo runs. */
  rate: number;
  /** Records written when the topic is first created, spread over the past `backfillMs`. */
  backfill: number;
}

const DAY = 86_400_000;

export const BACKFILL_MS = 2 * 60 * 60_000;

const MIB = 1024 * 1024;

/**
 * The demo runs for days in memory: every topic also keeps at most a few MiB per partition, in
 * small segments so size-based retention really deletes (and log start offsets visibly move).
 */
const sizeBounded = (topic: DemoTopic): DemoTopic => ({
  ...topic,
  configs: { 'retention.bytes': String(4 * MIB), 'segment.bytes': String(MIB), ...topic.configs },
});

const TOPICS: DemoTopic[] = [
  { name: 'orders', partitions: 6, generator: 'orders', rate: 6, backfill: 900, configs: { 'retention.ms': String(7 * DAY), 'min.insync.replicas': '2' } },
  { name: 'payments', partitions: 3, generator: 'payments', rate: 4, backfill: 600, configs: { 'retention.ms': String(DAY), 'min.insync.replicas': '2' } },
  { name: 'clickstream', partitions: 12, generator: 'clickstream', rate: 14, backfill: 1500, configs: { 'retention.ms': String(3 * DAY), 'segment.bytes': String(2 * MIB), 'retention.bytes': String(8 * MIB) } },
  { name: 'sensor-readings', partitions: 4, generator: 'sensorReadings', rate: 8, backfill: 800, configs: { 'cleanup.policy': 'compact,delete', 'retention.ms': String(DAY / 4) } },
  { name: 'user-profiles', partitions: 3, generator: 'userProfiles', rate: 1, backfill: 400, configs: { 'cleanup.policy': 'compact', 'min.compaction.lag.ms': '60000', 'segment.ms': '3600000' } },
  { name: 'audit-log', partitions: 1, generator: 'auditLog', rate: 1, backfill: 300, configs: { 'retention.ms': String(365 * DAY), 'max.message.bytes': '262144' } },
  { name: 'inventory.stock-levels', partitions: 24, generator: 'inventory', rate: 3, backfill: 480, configs: { 'cleanup.policy': 'compact' } },
  { name: 'telemetry.raw', partitions: 48, generator: 'telemetry', rate: 6, backfill: 960, configs: { 'retention.ms': String(DAY / 2), 'compression.type': 'lz4' } },
  { name: 'orders.dlq', partitions: 1, generator: 'deadLetters', rate: 0.05, backfill: 12, configs: { 'retention.ms': String(30 * DAY) } },
];

export const DEMO_TOPICS: readonly DemoTopic[] = TOPICS.map(sizeBounded);
