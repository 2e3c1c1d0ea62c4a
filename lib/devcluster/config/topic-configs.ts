import type { ConfigDef } from './types';

/**
 * A topic config and the broker configs that supply its default, in Kafka's precedence order.
 * `factor` converts the broker value into the topic's unit (log.retention.hours -> ms).
 */
export interface TopicConfigDef extends ConfigDef {
  brokerSynonyms: { name: string; factor: number }[];
}

const LONG_MAX = '9223372036854775807';
const COMPRESSION = ['uncompressed', 'zstd', 'lz4', 'snappy', 'gzip', 'producer'] as const;

function def(
  name: string,
  kind: ConfigDef['kind'],
  defaultValue: string,
  doc: string,
  brokerSynonyms: (string | [string, number])[],
  extra: Partial<ConfigDef> = {},
): TopicConfigDef {
  return {
    name,
    kind,
    defaultValue,
    doc,
    brokerSynonyms: brokerSynonyms.map((s) => (typeof s === 'string' ? { name: s, factor: 1 } : { name: s[0], factor: s[1] })),
    ...extra,
  };
}

/** Kafka 3.x topic-level configs with their real defaults, types and bounds. */
export const topicConfigDefs: readonly TopicConfigDef[] = [
  def('cleanup.policy', 'list', 'delete', 'A string that is either "delete" or "compact" or both. This string designates the retention policy to use on old log segments.', ['log.cleanup.policy'], { validValues: ['compact', 'delete'] }),
  def('compression.type', 'string', 'producer', "Specify the final compression type for a given topic. 'producer' means retain the original compression codec set by the producer.", ['compression.type'], { validValues: COMPRESSION }),
  def('delete.retention.ms', 'long', '86400000', 'The amount of time to retain delete tombstone markers for log compacted topics.', ['log.cleaner.delete.retention.ms'], { min: 0 }),
  def('file.delete.delay.ms', 'long', '60000', 'The time to wait before deleting a file from the filesystem.', ['log.segment.delete.delay.ms'], { min: 0 }),
  def('flush.messages', 'long', LONG_MAX, 'Force an fsync of data written to the log after this many messages.', ['log.flush.interval.messages'], { min: 1 }),
  def('flush.ms', 'long', LONG_MAX, 'Force an fsync of data written to the log after this time interval.', ['log.flush.interval.ms'], { min: 0 }),
  def('follower.replication.throttled.replicas', 'list', '', 'A list of replicas for which log replication should be throttled on the follower side.', ['follower.replication.throttled.replicas']),
  def('index.interval.bytes', 'int', '4096', 'How frequently Kafka adds an index entry to its offset index.', ['log.index.interval.bytes'], { min: 0 }),
  def('leader.replication.throttled.replicas', 'list', '', 'A list of replicas for which log replication should be throttled on the leader side.', ['leader.replication.throttled.replicas']),
  def('local.retention.bytes', 'long', '-2', 'The maximum size of local log segments that can grow for a partition before it deletes the old segments (-2 means retention.bytes).', ['log.local.retention.bytes'], { min: -2 }),
  def('local.retention.ms', 'long', '-2', 'The number of milliseconds to keep the local log segment before it gets deleted (-2 means retention.ms).', ['log.local.retention.ms'], { min: -2 }),
  def('max.compaction.lag.ms', 'long', LONG_MAX, 'The maximum time a message will remain ineligible for compaction in the log.', ['log.cleaner.max.compaction.lag.ms'], { min: 1 }),
  def('max.message.bytes', 'int', '1048588', 'The largest record batch size allowed by Kafka (after compression if compression is enabled).', ['message.max.bytes'], { min: 0 }),
  def('message.downconversion.enable', 'boolean', 'true', 'Whether down-conversion of message formats is enabled to satisfy consume requests.', ['log.message.downconversion.enable']),
  def('message.timestamp.after.max.ms', 'long', LONG_MAX, 'The maximum allowed timestamp difference when the message timestamp is later than the broker timestamp.', ['log.message.timestamp.after.max.ms'], { min: 0 }),
  def('message.timestamp.before.max.ms', 'long', LONG_MAX, 'The maximum allowed timestamp difference when the message timestamp is earlier than the broker timestamp.', ['log.message.timestamp.before.max.ms'], { min: 0 }),
  def('message.timestamp.type', 'string', 'CreateTime', 'Define whether the timestamp in the message is message create time or log append time.', ['log.message.timestamp.type'], { validValues: ['CreateTime', 'LogAppendTime'] }),
  def('min.cleanable.dirty.ratio', 'double', '0.5', 'How frequently the log compactor will attempt to clean the log.', ['log.cleaner.min.cleanable.ratio'], { min: 0, max: 1 }),
  def('min.compaction.lag.ms', 'long', '0', 'The minimum time a message will remain uncompacted in the log.', ['log.cleaner.min.compaction.lag.ms'], { min: 0 }),
  def('min.insync.replicas', 'int', '1', 'When a producer sets acks to "all" (or "-1"), the minimum number of replicas that must acknowledge a write for the write to be considered successful.', ['min.insync.replicas'], { min: 1 }),
  def('preallocate', 'boolean', 'false', 'True if we should preallocate the file on disk when creating a new log segment.', ['log.preallocate']),
  def('remote.storage.enable', 'boolean', 'false', 'To enable tiered storage for a topic, set this configuration as true.', ['remote.log.storage.system.enable']),
  def('retention.bytes', 'long', '-1', 'The maximum size a partition can grow to before old log segments are discarded (-1: no size limit).', ['log.retention.bytes']),
  def('retention.ms', 'long', '604800000', 'The maximum time a log segment is retained before old segments are discarded (-1: no time limit).', ['log.retention.ms', ['log.retention.minutes', 60000], ['log.retention.hours', 3600000]], { min: -1 }),
  def('segment.bytes', 'int', '1073741824', 'The segment file size for the log. Retention and cleaning is always done a file at a time.', ['log.segment.bytes'], { min: 14 }),
  def('segment.index.bytes', 'int', '10485760', 'The size of the index that maps offsets to file positions.', ['log.index.size.max.bytes'], { min: 4 }),
  def('segment.jitter.ms', 'long', '0', 'The maximum random jitter subtracted from the scheduled segment roll time.', ['log.roll.jitter.ms', ['log.roll.jitter.hours', 3600000]], { min: 0 }),
  def('segment.ms', 'long', '604800000', 'The period of time after which Kafka will force the log to roll even if the segment file is not full.', ['log.roll.ms', ['log.roll.hours', 3600000]], { min: 1 }),
  def('unclean.leader.election.enable', 'boolean', 'false', 'Indicates whether to enable replicas not in the ISR set to be elected as leader as a last resort.', ['unclean.leader.election.enable']),
];

export const topicConfigByName: ReadonlyMap<string, TopicConfigDef> = new Map(topicConfigDefs.map((d) => [d.name, d]));
