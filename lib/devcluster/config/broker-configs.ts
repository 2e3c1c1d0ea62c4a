import { KAFKA_COMPRESSION_TYPES } from '@/lib/topics/config-catalog';
import type { ConfigDef } from './types';

const b = (name: string, kind: ConfigDef['kind'], defaultValue: string | null, doc: string, extra: Partial<ConfigDef> = {}): ConfigDef => ({
  name,
  kind,
  defaultValue,
  doc,
  ...extra,
});
const dyn = { dynamic: true };

/**
 * Broker configs the dev cluster knows. `dynamic` ones may be changed with AlterConfigs
 * (per broker or cluster-wide default), as in Kafka; the rest are read-only.
 */
export const brokerConfigDefs: readonly ConfigDef[] = [
  b('broker.id', 'int', '-1', 'The broker id for this server.'),
  b('node.id', 'int', '-1', 'The node ID associated with the roles this process is playing.'),
  b('broker.rack', 'string', null, 'Rack of the broker.'),
  b('listeners', 'list', 'PLAINTEXT://:9092', 'Listener List - Comma-separated list of URIs we will listen on and the listener names.'),
  b('advertised.listeners', 'list', null, 'Listeners to publish to ZooKeeper/clients if different than the listeners config property.', dyn),
  b('auto.create.topics.enable', 'boolean', 'false', 'Enable auto creation of topic on the server.'),
  b('auto.leader.rebalance.enable', 'boolean', 'true', 'Enables auto leader balancing.'),
  b('delete.topic.enable', 'boolean', 'true', 'Enables delete topic.'),
  b('num.partitions', 'int', '1', 'The default number of log partitions per topic.', { min: 1, ...dyn }),
  b('default.replication.factor', 'int', '1', 'The default replication factors for automatically created topics.', { min: 1 }),
  b('offsets.topic.num.partitions', 'int', '50', 'The number of partitions for the offset commit topic (should not change after deployment).', { min: 1 }),
  b('offsets.topic.replication.factor', 'short', '3', 'The replication factor for the offsets topic.', { min: 1 }),
  b('offsets.retention.minutes', 'int', '10080', 'For subscribed consumers, committed offset of a specific partition will be expired after this period.', { min: 1 }),
  b('group.initial.rebalance.delay.ms', 'int', '3000', 'The amount of time the group coordinator will wait for more consumers to join a new group.'),
  b('group.min.session.timeout.ms', 'int', '6000', 'The minimum allowed session timeout for registered consumers.'),
  b('group.max.session.timeout.ms', 'int', '1800000', 'The maximum allowed session timeout for registered consumers.'),
  b('replica.lag.time.max.ms', 'long', '30000', 'If a follower has not caught up to the leader for at least this time, the leader will remove the follower from isr.'),
  b('num.network.threads', 'int', '3', 'The number of threads that the server uses for receiving requests from the network.', { min: 1, ...dyn }),
  b('num.io.threads', 'int', '8', 'The number of threads that the server uses for processing requests.', { min: 1, ...dyn }),
  b('socket.request.max.bytes', 'int', '104857600', 'The maximum number of bytes in a socket request.', { min: 1 }),
  b('log.dirs', 'list', null, 'A comma-separated list of the directories where the log data is stored.'),
  b('log.cleanup.policy', 'list', 'delete', 'The default cleanup policy for segments beyond the retention window.', { validValues: ['compact', 'delete'], ...dyn }),
  b('log.cleaner.delete.retention.ms', 'long', '86400000', 'The amount of time to retain tombstone message markers for log compacted topics.', { min: 0, ...dyn }),
  b('log.cleaner.max.compaction.lag.ms', 'long', '9223372036854775807', 'The maximum time a message will remain ineligible for compaction in the log.', { min: 1, ...dyn }),
  b('log.cleaner.min.cleanable.ratio', 'double', '0.5', 'The minimum ratio of dirty log to total log for a log to eligible for cleaning.', { min: 0, max: 1, ...dyn }),
  b('log.cleaner.min.compaction.lag.ms', 'long', '0', 'The minimum time a message will remain uncompacted in the log.', { min: 0, ...dyn }),
  b('log.flush.interval.messages', 'long', '9223372036854775807', 'The number of messages accumulated on a log partition before messages are flushed to disk.', { min: 1, ...dyn }),
  b('log.flush.interval.ms', 'long', null, 'The maximum time in ms that a message in any topic is kept in memory before flushed to disk.', dyn),
  b('log.index.interval.bytes', 'int', '4096', 'The interval with which we add an entry to the offset index.', { min: 0, ...dyn }),
  b('log.index.size.max.bytes', 'int', '10485760', 'The maximum size in bytes of the offset index.', { min: 4, ...dyn }),
  b('log.local.retention.bytes', 'long', '-2', 'The maximum size of local log segments that can grow for a partition before it gets eligible for deletion.', { min: -2, ...dyn }),
  b('log.local.retention.ms', 'long', '-2', 'The number of milliseconds to keep the local log segments before it gets eligible for deletion.', { min: -2, ...dyn }),
  b('log.message.downconversion.enable', 'boolean', 'true', 'This configuration controls whether down-conversion of message formats is enabled.', dyn),
  b('log.message.timestamp.after.max.ms', 'long', '9223372036854775807', 'The maximum allowed difference when the message timestamp is later than the broker timestamp.', { min: 0, ...dyn }),
  b('log.message.timestamp.before.max.ms', 'long', '9223372036854775807', 'The maximum allowed difference when the message timestamp is earlier than the broker timestamp.', { min: 0, ...dyn }),
  b('log.message.timestamp.type', 'string', 'CreateTime', 'Define whether the timestamp in the message is message create time or log append time.', { validValues: ['CreateTime', 'LogAppendTime'], ...dyn }),
  b('log.preallocate', 'boolean', 'false', 'Should pre allocate file when create new segment?', dyn),
  b('log.retention.bytes', 'long', '-1', 'The maximum size of the log before deleting it.', dyn),
  b('log.retention.check.interval.ms', 'long', '300000', 'The frequency in milliseconds that the log cleaner checks whether any log is eligible for deletion.', { min: 1 }),
  b('log.retention.hours', 'int', '168', 'The number of hours to keep a log file before deleting it (in hours), tertiary to log.retention.ms property.'),
  b('log.retention.minutes', 'int', null, 'The number of minutes to keep a log file before deleting it, secondary to log.retention.ms property.'),
  b('log.retention.ms', 'long', null, 'The number of milliseconds to keep a log file before deleting it.', { min: -1, ...dyn }),
  b('log.roll.hours', 'int', '168', 'The maximum time before a new log segment is rolled out (in hours), secondary to log.roll.ms property.', { min: 1 }),
  b('log.roll.jitter.hours', 'int', '0', 'The maximum jitter to subtract from logRollTimeMillis (in hours).', { min: 0 }),
  b('log.roll.jitter.ms', 'long', null, 'The maximum jitter to subtract from logRollTimeMillis (in milliseconds).', dyn),
  b('log.roll.ms', 'long', null, 'The maximum time before a new log segment is rolled out (in milliseconds).', { min: 1, ...dyn }),
  b('log.segment.bytes', 'int', '1073741824', 'The maximum size of a single log file.', { min: 14, ...dyn }),
  b('log.segment.delete.delay.ms', 'long', '60000', 'The amount of time to wait before deleting a file from the filesystem.', { min: 0, ...dyn }),
  b('compression.type', 'string', 'producer', "Specify the final compression type for a given topic. 'producer' means retain the original compression codec set by the producer.", { validValues: KAFKA_COMPRESSION_TYPES, ...dyn }),
  b('message.max.bytes', 'int', '1048588', 'The largest record batch size allowed by Kafka (after compression if compression is enabled).', { min: 0, ...dyn }),
  b('min.insync.replicas', 'int', '1', 'The minimum number of replicas that must acknowledge a write for it to be considered successful when acks=all.', { min: 1, ...dyn }),
  b('unclean.leader.election.enable', 'boolean', 'false', 'Indicates whether to enable replicas not in the ISR set to be elected as leader as a last resort.', dyn),
  b('follower.replication.throttled.replicas', 'list', '', 'A list of replicas for which log replication should be throttled on the follower side.'),
  b('leader.replication.throttled.replicas', 'list', '', 'A list of replicas for which log replication should be throttled on the leader side.'),
  b('remote.log.storage.system.enable', 'boolean', 'false', 'Whether to enable tiered storage functionality in a broker or not.'),
  b('sasl.enabled.mechanisms', 'list', 'GSSAPI', 'The list of SASL mechanisms enabled in the Kafka server.', dyn),
  b('sasl.jaas.config', 'password', null, 'JAAS login context parameters for SASL connections.', dyn),
  b('ssl.keystore.password', 'password', null, 'The store password for the key store file.', dyn),
  b('transactional.id.expiration.ms', 'int', '604800000', 'The time in ms that the transaction coordinator will wait without receiving any transaction status updates.', { min: 1 }),
];

export const brokerConfigByName: ReadonlyMap<string, ConfigDef> = new Map(brokerConfigDefs.map((d) => [d.name, d]));
