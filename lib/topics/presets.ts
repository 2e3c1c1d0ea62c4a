// Starting points for the create form. A preset sets the common settings it names and leaves the
// rest to the cluster default; durable presets ask for min.insync.replicas = 2 when the
// replication factor allows a broker to fail without stopping acks=all producers.

export interface TopicPreset {
  id: string;
  label: string;
  description: string;
  partitions?: number;
  configs: Readonly<Record<string, string>>;
  /** Sets min.insync.replicas to 2 when the replication factor is 3 or more. */
  durable?: boolean;
}

const DAY = 86_400_000;
const MiB = 1024 * 1024;

export const topicPresets: readonly TopicPreset[] = [
  {
    id: 'defaults',
    label: 'Cluster defaults',
    description: 'No overrides: the topic follows the broker settings, now and when they change.',
    configs: {},
  },
  {
    id: 'events',
    label: 'Event stream',
    description: 'Delete after 7 days; 2 in-sync replicas for acks=all producers.',
    partitions: 6,
    configs: { 'cleanup.policy': 'delete', 'retention.ms': String(7 * DAY) },
    durable: true,
  },
  {
    id: 'compacted',
    label: 'Compacted (latest per key)',
    description: 'Keeps the latest record for each key forever: changelogs, state, reference data.',
    partitions: 3,
    configs: { 'cleanup.policy': 'compact', 'min.compaction.lag.ms': '0', 'delete.retention.ms': String(DAY) },
    durable: true,
  },
  {
    id: 'long-term',
    label: 'Long-term (30 days, zstd)',
    description: 'Kept 30 days, compressed with zstd on the broker to save disk.',
    partitions: 6,
    configs: { 'cleanup.policy': 'delete', 'retention.ms': String(30 * DAY), 'compression.type': 'zstd' },
    durable: true,
  },
  {
    id: 'short-lived',
    label: 'Short-lived (1 hour)',
    description: 'Scratch data deleted after an hour; small segments so it really goes.',
    partitions: 1,
    configs: { 'cleanup.policy': 'delete', 'retention.ms': String(DAY / 24), 'segment.bytes': String(64 * MiB), 'segment.ms': String(DAY / 24) },
  },
  {
    id: 'large-messages',
    label: 'Large messages (8 MiB)',
    description: 'Accepts batches up to 8 MiB; consumers need max.partition.fetch.bytes at least as large.',
    partitions: 3,
    configs: { 'max.message.bytes': String(8 * MiB), 'compression.type': 'zstd' },
    durable: true,
  },
];

export function findPreset(id: string): TopicPreset | undefined {
  return topicPresets.find((p) => p.id === id);
}

/** The config overrides a preset asks for at a given replication factor. */
export function presetConfigs(preset: TopicPreset, replicationFactor: number): Record<string, string> {
  const configs: Record<string, string> = { ...preset.configs };
  if (preset.durable && replicationFactor >= 3) configs['min.insync.replicas'] = '2';
  return configs;
}
