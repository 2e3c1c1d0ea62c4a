import 'server-only';
import { CLUSTER_CACHE_MS } from '@/lib/queries/constants';

// Every key of the result cache (lib/kafka/cache.ts) and how long its entry lives, in one place:
// the readers build their keys here and so do the invalidations, so a write cannot forget (or
// misspell) what it made stale. Every key of a cluster starts with cacheKeys.cluster(id), which
// is what a change to the cluster invalidates.

export const cacheKeys = {
  /** The prefix of every key of the cluster. */
  cluster: (clusterId: string) => `${clusterId}:`,
  metadata: (clusterId: string) => `${cacheKeys.cluster(clusterId)}metadata`,
  logDirs: (clusterId: string) => `${cacheKeys.cluster(clusterId)}log-dirs`,
  /** Log start or end offsets of every partition (shared by the topic list and the sampler). */
  allOffsets: (clusterId: string, which: 'earliest' | 'latest') => `${cacheKeys.cluster(clusterId)}offsets:all:${which}`,
  topicsSnapshot: (clusterId: string) => `${cacheKeys.cluster(clusterId)}topics:snapshot`,
  topicDetail: (clusterId: string, topic: string) => `${cacheKeys.cluster(clusterId)}topic:${topic}:detail`,
  topicConfigs: (clusterId: string, topic: string) => `${cacheKeys.cluster(clusterId)}topic:${topic}:configs`,
  topicConfigSummaries: (clusterId: string) => `${cacheKeys.cluster(clusterId)}topic-config-summary`,
  groups: (clusterId: string) => `${cacheKeys.cluster(clusterId)}groups:all`,
  group: (clusterId: string, groupId: string) => `${cacheKeys.cluster(clusterId)}groups:one:${groupId}`,
};

export const METADATA_TTL_MS = 3_000;
/** Sizes change slowly compared to leadership, so log dirs live a little longer than metadata. */
export const LOG_DIRS_TTL_MS = 5_000;
/** Every partition's log start or end offsets: as long as the topics snapshot they feed. */
export const ALL_OFFSETS_TTL_MS = 3_000;
/** The topics snapshot and a topic's detail. */
export const TOPICS_TTL_MS = 3_000;
export const TOPIC_CONFIGS_TTL_MS = 3_000;
/** Two configs of every topic, for the list: they change only when someone edits a topic (which invalidates the cluster). */
export const TOPIC_SUMMARY_TTL_MS = 15_000;
/** The groups, all or one: as long as the browser's idea of the server cache, so a poll never reads them twice. */
export const GROUPS_TTL_MS = CLUSTER_CACHE_MS;
