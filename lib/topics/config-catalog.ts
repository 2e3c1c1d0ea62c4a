import type { UnitKind } from './units';

// Topic-level configs as Apache Kafka 3.x defines them (LogConfig): type, bounds and the broker
// config that supplies the cluster default. The form uses this to check values before asking the
// broker, and to offer names when no topic exists yet to describe.

export type ConfigKind = 'boolean' | 'string' | 'int' | 'long' | 'double' | 'list';

export interface TopicConfigInfo {
  name: string;
  kind: ConfigKind;
  /** Kafka's built-in default, as the broker prints it. */
  defaultValue: string;
  doc: string;
  min?: number;
  max?: number;
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
}

const LONG_MAX = '9223372036854775807';
export const COMPRESSION_TYPES = ['producer', 'uncompressed', 'zstd', 'lz4', 'snappy', 'gzip'] as const;

const c = (
  name: string,
  kind: ConfigKind,
  defaultValue: string,
  doc: string,
  extra: Partial<TopicConfigInfo> = {},
): TopicConfigInfo => ({ name, kind, defaultValue, doc, ...extra });

export const topicConfigCatalog: readonly TopicConfigInfo[] = [
  c('cleanup.policy', 'list', 'delete', 'What happens to old segments: "delete" drops them after retention, "compact" keeps the latest record per key.', { validValues: ['delete', 'compact'], brokerSynonyms: [['log.cleanup.policy', 1]] }),
  c('compression.type', 'string', 'producer', "Compression of data stored by the broker; 'producer' keeps what the producer sent.", { validValues: COMPRESSION_TYPES, brokerSynonyms: [['compression.type', 1]] }),
  c('delete.retention.ms', 'long', '86400000', 'How long delete tombstones stay in a compacted topic.', { min: 0, unit: 'duration', brokerSynonyms: [['log.cleaner.delete.retention.ms', 1]] }),
  c('file.delete.delay.ms', 'long', '60000', 'Delay before a deleted segment file is removed from disk.', { min: 0, unit: 'duration', brokerSynonyms: [['log.segment.delete.delay.ms', 1]] }),
  c('flush.messages', 'long', LONG_MAX, 'Force an fsync after this many messages (normally left to the OS).', { min: 1, unlimited: true, brokerSynonyms: [['log.flush.interval.messages', 1]] }),
  c('flush.ms', 'long', LONG_MAX, 'Force an fsync after this much time (normally left to the OS).', { min: 0, unit: 'duration', unlimited: true, brokerSynonyms: [['log.flush.interval.ms', 1]] }),
  c('follower.replication.throttled.replicas', 'list', '', 'Replicas throttled on the follower side during reassignment.'),
  c('index.interval.bytes', 'int', '4096', 'How often an offset index entry is added.', { min: 0, unit: 'bytes', brokerSynonyms: [['log.index.interval.bytes', 1]] }),
  c('leader.replication.throttled.replicas', 'list', '', 'Replicas throttled on the leader side during reassignment.'),
  c('local.retention.bytes', 'long', '-2', 'Tiered storage: local size limit per partition (-2: same as retention.bytes).', { min: -2, unit: 'bytes', brokerSynonyms: [['log.local.retention.bytes', 1]] }),
  c('local.retention.ms', 'long', '-2', 'Tiered storage: local time limit (-2: same as retention.ms).', { min: -2, unit: 'duration', brokerSynonyms: [['log.local.retention.ms', 1]] }),
  c('max.compaction.lag.ms', 'long', LONG_MAX, 'Longest time a record may stay uncompacted.', { min: 1, unit: 'duration', unlimited: true, brokerSynonyms: [['log.cleaner.max.compaction.lag.ms', 1]] }),
  c('max.message.bytes', 'int', '1048588', 'Largest record batch the broker accepts (after compression).', { min: 0, unit: 'bytes', brokerSynonyms: [['message.max.bytes', 1]] }),
  c('message.downconversion.enable', 'boolean', 'true', 'Down-convert message formats for old consumers.', { brokerSynonyms: [['log.message.downconversion.enable', 1]] }),
  c('message.timestamp.after.max.ms', 'long', LONG_MAX, 'How far in the future a record timestamp may be.', { min: 0, unit: 'duration', unlimited: true, brokerSynonyms: [['log.message.timestamp.after.max.ms', 1]] }),
  c('message.timestamp.before.max.ms', 'long', LONG_MAX, 'How far in the past a record timestamp may be.', { min: 0, unit: 'duration', unlimited: true, brokerSynonyms: [['log.message.timestamp.before.max.ms', 1]] }),
  c('message.timestamp.difference.max.ms', 'long', LONG_MAX, 'Largest allowed difference between record and broker time (older brokers).', { min: 0, unit: 'duration', unlimited: true, brokerSynonyms: [['log.message.timestamp.difference.max.ms', 1]] }),
  c('message.timestamp.type', 'string', 'CreateTime', 'Record timestamps: set by the producer (CreateTime) or by the broker (LogAppendTime).', { validValues: ['CreateTime', 'LogAppendTime'], brokerSynonyms: [['log.message.timestamp.type', 1]] }),
  c('min.cleanable.dirty.ratio', 'double', '0.5', 'Share of uncompacted log that triggers compaction.', { min: 0, max: 1, brokerSynonyms: [['log.cleaner.min.cleanable.ratio', 1]] }),
  c('min.compaction.lag.ms', 'long', '0', 'Shortest time a record stays uncompacted.', { min: 0, unit: 'duration', brokerSynonyms: [['log.cleaner.min.compaction.lag.ms', 1]] }),
  c('min.insync.replicas', 'int', '1', 'Replicas that must acknowledge a write from a producer using acks=all.', { min: 1, brokerSynonyms: [['min.insync.replicas', 1]] }),
  c('preallocate', 'boolean', 'false', 'Preallocate segment files on disk.', { brokerSynonyms: [['log.preallocate', 1]] }),
  c('remote.storage.enable', 'boolean', 'false', 'Enable tiered storage for this topic.', { brokerSynonyms: [['remote.log.storage.system.enable', 1]] }),
  c('retention.bytes', 'long', '-1', 'Size limit per partition before old segments are deleted (-1: no limit).', { unit: 'bytes', unlimited: true, brokerSynonyms: [['log.retention.bytes', 1]] }),
  c('retention.ms', 'long', '604800000', 'How long records are kept before their segment is deleted (-1: forever).', { min: -1, unit: 'duration', unlimited: true, brokerSynonyms: [['log.retention.ms', 1], ['log.retention.minutes', 60_000], ['log.retention.hours', 3_600_000]] }),
  c('segment.bytes', 'int', '1073741824', 'Segment file size; retention and compaction work a segment at a time.', { min: 14, unit: 'bytes', brokerSynonyms: [['log.segment.bytes', 1]] }),
  c('segment.index.bytes', 'int', '10485760', 'Size of the offset index per segment.', { min: 4, unit: 'bytes', brokerSynonyms: [['log.index.size.max.bytes', 1]] }),
  c('segment.jitter.ms', 'long', '0', 'Random jitter subtracted from the segment roll time.', { min: 0, unit: 'duration', brokerSynonyms: [['log.roll.jitter.ms', 1], ['log.roll.jitter.hours', 3_600_000]] }),
  c('segment.ms', 'long', '604800000', 'Roll a new segment after this time even if it is not full.', { min: 1, unit: 'duration', brokerSynonyms: [['log.roll.ms', 1], ['log.roll.hours', 3_600_000]] }),
  c('unclean.leader.election.enable', 'boolean', 'false', 'Let an out-of-sync replica become leader (can lose data).', { brokerSynonyms: [['unclean.leader.election.enable', 1]] }),
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
