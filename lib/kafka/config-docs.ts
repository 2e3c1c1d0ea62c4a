// Short descriptions of topic configs, shown on hover when a broker (Kafka < 2.6 or a compatible
// server) does not send its own documentation with DescribeConfigs.

const docs: Record<string, string> = {
  'cleanup.policy': '"delete" removes old segments by time or size; "compact" keeps the latest value per key; both can be combined.',
  'compression.type': 'Final compression of the topic\'s data: producer (keep what the producer sent), uncompressed, gzip, snappy, lz4 or zstd.',
  'delete.retention.ms': 'How long delete markers (tombstones) are kept on a compacted topic, so consumers can see the deletion.',
  'file.delete.delay.ms': 'Wait before a deleted segment file is removed from disk.',
  'flush.messages': 'Force an fsync after this many messages (usually left to the OS and replication).',
  'flush.ms': 'Force an fsync after this much time (usually left to the OS and replication).',
  'index.interval.bytes': 'How often an entry is added to the offset index, in bytes of log.',
  'max.compaction.lag.ms': 'Longest time a message can stay uncompacted.',
  'max.message.bytes': 'Largest record batch the broker accepts for this topic, after compression.',
  'message.timestamp.type': 'CreateTime (producer\'s timestamp) or LogAppendTime (broker\'s time of write).',
  'message.timestamp.difference.max.ms': 'Largest allowed gap between a message\'s timestamp and the broker\'s clock (CreateTime only).',
  'message.timestamp.before.max.ms': 'How far in the past a message timestamp may be (CreateTime only).',
  'message.timestamp.after.max.ms': 'How far in the future a message timestamp may be (CreateTime only).',
  'min.cleanable.dirty.ratio': 'Share of the log that must be uncompacted before the cleaner compacts it.',
  'min.compaction.lag.ms': 'Shortest time a message stays uncompacted.',
  'min.insync.replicas': 'With acks=all, a write fails unless at least this many replicas are in sync. Partitions with fewer in-sync replicas refuse such writes.',
  'preallocate': 'Preallocate segment files on disk.',
  'retention.bytes': 'Largest size of a partition before old segments are deleted (-1: no limit). Applies per partition.',
  'retention.ms': 'How long messages are kept before old segments are deleted (-1: forever).',
  'segment.bytes': 'Size of one log segment file; retention and compaction work on whole segments.',
  'segment.index.bytes': 'Size of the offset index per segment.',
  'segment.jitter.ms': 'Random jitter subtracted from segment.ms so segments do not all roll at once.',
  'segment.ms': 'Roll a new segment after this time even if it is not full, so retention can apply.',
  'unclean.leader.election.enable': 'Allow an out-of-sync replica to become leader when no in-sync one is left: availability over possible data loss.',
  'message.downconversion.enable': 'Convert messages to an older format for old consumers.',
  'local.retention.ms': 'With tiered storage: how long data stays on local disk before only the remote copy remains.',
  'local.retention.bytes': 'With tiered storage: how much data stays on local disk per partition.',
  'remote.storage.enable': 'Move closed segments to tiered (remote) storage.',
  'follower.replication.throttled.replicas': 'Replicas whose replication to followers is throttled (during reassignment).',
  'leader.replication.throttled.replicas': 'Replicas whose replication from the leader is throttled (during reassignment).',
};

export function topicConfigDoc(name: string): string | null {
  return docs[name] ?? null;
}
