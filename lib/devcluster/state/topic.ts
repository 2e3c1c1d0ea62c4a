import type { ConfigStore } from '../config/store';
import type { Partition } from './partition';

/** Topic config values the data path reads on every request, resolved once per config change. */
export interface TopicSettings {
  maxMessageBytes: number;
  minInsyncReplicas: number;
  logAppendTime: boolean;
  segmentBytes: number;
  segmentMs: number;
  retentionMs: number;
  retentionBytes: number;
  uncleanLeaderElection: boolean;
  deletePolicy: boolean;
  compactPolicy: boolean;
  deleteRetentionMs: number;
  minCleanableDirtyRatio: number;
  minCompactionLagMs: number;
  timestampBeforeMaxMs: number;
  timestampAfterMaxMs: number;
}

export class Topic {
  private cached: TopicSettings | null = null;
  private cachedVersion = -1;

  constructor(
    readonly name: string,
    readonly topicId: string,
    public configs: Map<string, string>,
    readonly partitions: Partition[],
  ) {}

  /** Kafka's internal topics (Topic.isInternal); this cluster has only the offsets topic. */
  get internal(): boolean {
    return this.name === '__consumer_offsets';
  }

  /** Drops cached settings after the topic's own configs change. */
  configsChanged(): void {
    this.cached = null;
  }

  settings(store: ConfigStore, brokerId: number): TopicSettings {
    if (this.cached && this.cachedVersion === store.version) return this.cached;
    const v = (name: string) => store.topicValue(brokerId, this.configs, name);
    this.cached = {
      maxMessageBytes: Number(v('max.message.bytes')),
      minInsyncReplicas: Number(v('min.insync.replicas')),
      logAppendTime: v('message.timestamp.type') === 'LogAppendTime',
      segmentBytes: Number(v('segment.bytes')),
      segmentMs: Number(v('segment.ms')),
      retentionMs: Number(v('retention.ms')),
      retentionBytes: Number(v('retention.bytes')),
      uncleanLeaderElection: v('unclean.leader.election.enable') === 'true',
      deletePolicy: v('cleanup.policy').split(',').includes('delete'),
      compactPolicy: v('cleanup.policy').split(',').includes('compact'),
      deleteRetentionMs: Number(v('delete.retention.ms')),
      minCleanableDirtyRatio: Number(v('min.cleanable.dirty.ratio')),
      minCompactionLagMs: Number(v('min.compaction.lag.ms')),
      timestampBeforeMaxMs: Number(v('message.timestamp.before.max.ms')),
      timestampAfterMaxMs: Number(v('message.timestamp.after.max.ms')),
    };
    this.cachedVersion = store.version;
    return this.cached;
  }
}
