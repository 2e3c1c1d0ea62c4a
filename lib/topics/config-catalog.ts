import type { UnitKind } from './units';

// Topic-level configs as Apache Kafka 3.x defines them (LogConfig): type, default, bounds, the
// broker configs that supply the cluster default, and Kafka's documentation text. The one
// catalogue of topic configs: the dev cluster serves it with DescribeConfigs, the server falls
// back on its texts for brokers that send none, and the forms check values against it and offer
// its names when no topic exists yet to describe. Pure data, shared with the browser.

export type ConfigKind = 'boolean' | 'string' | 'int' | 'long' | 'double' | 'list';

export interface TopicConfigInfo {
  name: string;
  kind: ConfigKind;
  /** Kafka's built-in default, as the broker prints it. */
  defaultValue: string;
  /** Kafka's documentation of the config. */
  doc: string;
  /** Inclusive numeric bounds, as Kafka's ConfigDef.Range. */
  min?: number;
  max?: number;
  /** Allowed values (every element for lists), in Kafka's order. */
  validValues?: readonly string[];
  /** Values shown with a unit picker. */
  unit?: UnitKind;
  /** -1 (or Long.MAX) means "no limit" for this config. */
  unlimited?: boolean;
  /**
   * Broker configs that set the cluster-wide default, in Kafka's precedence order, each with the
   * factor into this config's unit (log.retention.hours -> ms).
   */
  brokerSynonyms?: readonly (readonly [string, number])[];
  /** Deprecated by Kafka in favour of these configs (the dev cluster does not offer it). */
  replacedBy?: readonly string[];
}

const LONG_MAX = '9223372036854775807';
/** The values Kafka accepts for compression.type, in its order. */
export const KAFKA_COMPRESSION_TYPES = ['uncompressed', 'zstd', 'lz4', 'snappy', 'gzip', 'producer'] as const;
/** The same values as the forms offer them: Kafka's default first. */
export const COMPRESSION_TYPES: readonly string[] = ['producer', ...KAFKA_COMPRESSION_TYPES.filter((t) => t !== 'producer')];

const c = (
  name: string,
  kind: ConfigKind,
  defaultValue: string,
  doc: string,
  extra: Partial<TopicConfigInfo> = {},
): TopicConfigInfo => ({ name, kind, defaultValue, doc, ...extra });

export const topicConfigCatalog: readonly TopicConfigInfo[] = [
  c('cleanup.policy', 'list', 'delete', 'A string that is either "delete" or "compact" or both. This string designates the retention policy to use on old log segments.', { validValues: ['compact', 'delete'], brokerSynonyms: [['log.cleanup.policy', 1]] }),
  c('compression.type', 'string', 'producer', "Specify the final compression type for a given topic. 'producer' means retain the original compression codec set by the producer.", { validValues: KAFKA_COMPRESSION_TYPES, brokerSynonyms: [['compression.type', 1]] }),
  c('delete.retention.ms', 'long', '86400000', 'The amount of time to retain delete tombstone markers for log compacted topics.', { min: 0, unit: 'duration', brokerSynonyms: [['log.cleaner.delete.retention.ms', 1]] }),
  c('file.delete.delay.ms', 'long', '60000', 'The time to wait before deleting a file from the filesystem.', { min: 0, unit: 'duration', brokerSynonyms: [['log.segment.delete.delay.ms', 1]] }),
  c('flush.messages', 'long', LONG_MAX, 'Force an fsync of data written to the log after this many messages.', { min: 1, unlimited: true, brokerSynonyms: [['log.flush.interval.messages', 1]] }),
  c('flush.ms', 'long', LONG_MAX, 'Force an fsync of data written to the log after this time interval.', { min: 0, unit: 'duration', unlimited: true, brokerSynonyms: [['log.flush.interval.ms', 1]] }),
  c('follower.replication.throttled.replicas', 'list', '', 'A list of replicas for which log replication should be throttled on the follower side.', { brokerSynonyms: [['follower.replication.throttled.replicas', 1]] }),
  c('index.interval.bytes', 'int', '4096', 'How frequently Kafka adds an index entry to its offset index.', { min: 0, unit: 'bytes', brokerSynonyms: [['log.index.interval.bytes', 1]] }),
  c('leader.replication.throttled.replicas', 'list', '', 'A list of replicas for which log replication should be throttled on the leader side.', { brokerSynonyms: [['leader.replication.throttled.replicas', 1]] }),
  c('local.retention.bytes', 'long', '-2', 'The maximum size of local log segments that can grow for a partition before it deletes the old segments (-2 means retention.bytes).', { min: -2, unit: 'bytes', brokerSynonyms: [['log.local.retention.bytes', 1]] }),
  c('local.retention.ms', 'long', '-2', 'The number of milliseconds to keep the local log segment before it gets deleted (-2 means retention.ms).', { min: -2, unit: 'duration', brokerSynonyms: [['log.local.retention.ms', 1]] }),
  c('max.compaction.lag.ms', 'long', LONG_MAX, 'The maximum time a message will remain ineligible for compaction in the log.', { min: 1, unit: 'duration', unlimited: true, brokerSynonyms: [['log.cleaner.max.compaction.lag.ms', 1]] }),
  c('max.message.bytes', 'int', '1048588', 'The largest record batch size allowed by Kafka (after compression if compression is enabled).', { min: 0, unit: 'bytes', brokerSynonyms: [['message.max.bytes', 1]] }),
  c('message.downconversion.enable', 'boolean', 'true', 'Whether down-conversion of message formats is enabled to satisfy consume requests.', { brokerSynonyms: [['log.message.downconversion.enable', 1]] }),
  c('message.timestamp.after.max.ms', 'long', LONG_MAX, 'The maximum allowed timestamp difference when the message timestamp is later than the broker timestamp.', { min: 0, unit: 'duration', unlimited: true, brokerSynonyms: [['log.message.timestamp.after.max.ms', 1]] }),
  c('message.timestamp.before.max.ms', 'long', LONG_MAX, 'The maximum allowed timestamp difference when the message timestamp is earlier than the broker timestamp.', { min: 0, unit: 'duration', unlimited: true, brokerSynonyms: [['log.message.timestamp.before.max.ms', 1]] }),
  c('message.timestamp.difference.max.ms', 'long', LONG_MAX, 'The maximum difference allowed between the timestamp when a broker receives a message and the timestamp specified in the message.', { min: 0, unit: 'duration', unlimited: true, brokerSynonyms: [['log.message.timestamp.difference.max.ms', 1]], replacedBy: ['message.timestamp.before.max.ms', 'message.timestamp.after.max.ms'] }),
  c('message.timestamp.type', 'string', 'CreateTime', 'Define whether the timestamp in the message is message create time or log append time.', { validValues: ['CreateTime', 'LogAppendTime'], brokerSynonyms: [['log.message.timestamp.type', 1]] }),
  c('min.cleanable.dirty.ratio', 'double', '0.5', 'How frequently the log compactor will attempt to clean the log.', { min: 0, max: 1, brokerSynonyms: [['log.cleaner.min.cleanable.ratio', 1]] }),
  c('min.compaction.lag.ms', 'long', '0', 'The minimum time a message will remain uncompacted in the log.', { min: 0, unit: 'duration', brokerSynonyms: [['log.cleaner.min.compaction.lag.ms', 1]] }),
  c('min.insync.replicas', 'int', '1', 'When a producer sets acks to "all" (or "-1"), the minimum number of replicas that must acknowledge a write for the write to be considered successful.', { min: 1, brokerSynonyms: [['min.insync.replicas', 1]] }),
  c('preallocate', 'boolean', 'false', 'True if we should preallocate the file on disk when creating a new log segment.', { brokerSynonyms: [['log.preallocate', 1]] }),
  c('remote.storage.enable', 'boolean', 'false', 'To enable tiered storage for a topic, set this configuration as true.', { brokerSynonyms: [['remote.log.storage.system.enable', 1]] }),
  c('retention.bytes', 'long', '-1', 'The maximum size a partition can grow to before old log segments are discarded (-1: no size limit).', { unit: 'bytes', unlimited: true, brokerSynonyms: [['log.retention.bytes', 1]] }),
  c('retention.ms', 'long', '604800000', 'The maximum time a log segment is retained before old segments are discarded (-1: no time limit).', { min: -1, unit: 'duration', unlimited: true, brokerSynonyms: [['log.retention.ms', 1], ['log.retention.minutes', 60_000], ['log.retention.hours', 3_600_000]] }),
  c('segment.bytes', 'int', '1073741824', 'The segment file size for the log. Retention and cleaning is always done a file at a time.', { min: 14, unit: 'bytes', brokerSynonyms: [['log.segment.bytes', 1]] }),
  c('segment.index.bytes', 'int', '10485760', 'The size of the index that maps offsets to file positions.', { min: 4, unit: 'bytes', brokerSynonyms: [['log.index.size.max.bytes', 1]] }),
  c('segment.jitter.ms', 'long', '0', 'The maximum random jitter subtracted from the scheduled segment roll time.', { min: 0, unit: 'duration', brokerSynonyms: [['log.roll.jitter.ms', 1], ['log.roll.jitter.hours', 3_600_000]] }),
  c('segment.ms', 'long', '604800000', 'The period of time after which Kafka will force the log to roll even if the segment file is not full.', { min: 1, unit: 'duration', brokerSynonyms: [['log.roll.ms', 1], ['log.roll.hours', 3_600_000]] }),
  c('unclean.leader.election.enable', 'boolean', 'false', 'Indicates whether to enable replicas not in the ISR set to be elected as leader as a last resort.', { brokerSynonyms: [['unclean.leader.election.enable', 1]] }),
];

export const topicConfigInfo: ReadonlyMap<string, TopicConfigInfo> = new Map(topicConfigCatalog.map((i) => [i.name, i]));

const INT_RANGE = [-2147483648n, 2147483647n] as const;
const LONG_RANGE = [-9223372036854775808n, 9223372036854775807n] as const;

/** Checks a value the way Kafka's ConfigDef would; null when fine, else why not. */
export function configValueError(name: string, value: string): string | null {
  const info = topicConfigInfo.get(name);
  if (!info) return null;
  const v = value.trim();
  switch (info.kind) {
    case 'boolean':
      return /^(true|false)$/i.test(v) ? null : 'Must be true or false.';
    case 'int':
    case 'long': {
      if (!/^-?\d+$/.test(v)) return 'Must be a whole number.';
      const n = BigInt(v);
      const [lo, hi] = info.kind === 'int' ? INT_RANGE : LONG_RANGE;
      if (n < lo || n > hi) return `Out of range for a ${info.kind === 'int' ? '32' : '64'}-bit number (at most ${hi}).`;
      if (info.min !== undefined && n < BigInt(info.min) && !(info.unlimited && n === -1n)) return `Must be at least ${info.min}.`;
      if (info.max !== undefined && n > BigInt(info.max)) return `Must be at most ${info.max}.`;
      return null;
    }
    case 'double': {
      const n = Number(v);
      if (v === '' || !Number.isFinite(n)) return 'Must be a number.';
      if (info.min !== undefined && n < info.min) return `Must be at least ${info.min}.`;
      if (info.max !== undefined && n > info.max) return `Must be at most ${info.max}.`;
      return null;
    }
    case 'list': {
      if (!info.validValues) return null;
      const items = v.split(',').map((s) => s.trim()).filter(Boolean);
      if (items.length === 0) return `Choose at least one of: ${info.validValues.join(', ')}.`;
      const bad = items.filter((i) => !info.validValues!.includes(i));
      return bad.length ? `Unknown value ${bad.join(', ')}; allowed: ${info.validValues.join(', ')}.` : null;
    }
    default:
      return info.validValues && !info.validValues.includes(v) ? `Must be one of: ${info.validValues.join(', ')}.` : null;
  }
}

/** Closest known name, for "did you mean" on a misspelt config. */
export function suggestConfigName(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(name.toLowerCase(), k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 4)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Cluster defaults of topic configs from a broker's own configs, the way Kafka derives them:
 * the first broker synonym that has a value, scaled into the topic config's unit.
 */
export function topicDefaultsFromBroker(brokerConfigs: ReadonlyMap<string, string | null>): Map<string, string> {
  const out = new Map<string, string>();
  for (const info of topicConfigCatalog) {
    let value: string | undefined;
    for (const [name, factor] of info.brokerSynonyms ?? []) {
      const raw = brokerConfigs.get(name);
      if (raw === null || raw === undefined || raw === '') continue;
      value = factor === 1 || !/^-?\d+$/.test(raw) || raw.startsWith('-') ? raw : (BigInt(raw) * BigInt(factor)).toString();
      break;
    }
    out.set(info.name, value ?? info.defaultValue);
  }
  return out;
}
