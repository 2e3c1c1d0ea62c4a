import 'server-only';
import { invalidate } from '../cache';
import { cacheKeys } from '../cache-keys';

/**
 * Forgets what a write to `topic` made stale: its end offsets and message counts, held by the
 * topic's detail, the topics snapshot and the end offsets it is built from. Metadata, configs, groups and log dirs stay: a write
 * does not change them, or (lag, sizes) only by what their short TTL soon catches up with, and
 * re-reading them for every produced message would cost the whole cluster's requests each time.
 */
export function invalidateAfterWrite(clusterId: string, topic: string): void {
  invalidate(cacheKeys.topicDetail(clusterId, topic));
  invalidate(cacheKeys.topicsSnapshot(clusterId));
  invalidate(cacheKeys.allOffsets(clusterId, 'latest'));
}
