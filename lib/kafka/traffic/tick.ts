import 'server-only';
import type { ClusterSample } from '@/lib/history/traffic';
import { getClusterLogDirs, replicaKey } from '../cluster/log-dirs';
import { groupViews } from '../groups/service';
import { getMetadata } from '../metadata';
import { allPartitionOffsets } from '../offsets';
import { trafficHistory } from './history';
import { sampleIntervalMs } from './interval';

// One tick of a cluster's sampler: metadata, every partition's log start and end offsets, the log
// dirs and the groups, all through the cached readers the pages use, so a tick right after a poll
// (or a poll right after a tick) sends no request twice. A cached value older than half an
// interval is read again, so each tick measures a fresh interval.

/** Reads through the cache, again with `force` when what it holds is too old to measure a rate with. */
async function fresh<T>(read: (force: boolean) => Promise<T>, fetchedAt: (value: T) => number): Promise<T> {
  const value = await read(false);
  return Date.now() - fetchedAt(value) > sampleIntervalMs() / 2 ? read(true) : value;
}

export async function sampleCluster(clusterId: string): Promise<void> {
  const history = trafficHistory(clusterId);
  const t = Date.now();
  const sample = await readSample(clusterId).catch(() => null);
  history.record(t, sample);
}

async function readSample(clusterId: string): Promise<ClusterSample> {
  const meta = await fresh((force) => getMetadata(clusterId, force), (m) => m.fetchedAt);
  const [end, start, dirs, groups] = await Promise.all([
    fresh((force) => allPartitionOffsets(clusterId, 'latest', force), (c) => c.fetchedAt).catch(() => null),
    allPartitionOffsets(clusterId, 'earliest').catch(() => null),
    fresh((force) => getClusterLogDirs(clusterId, force), (d) => d.fetchedAt).catch(() => null),
    // The groups read also feeds the lag history (lib/kafka/groups/snapshot.ts).
    fresh((force) => groupViews(clusterId, force), (g) => g.snapshot.fetchedAt).catch(() => null),
  ]);
  return {
    topics: meta.topics,
    brokers: meta.brokers,
    endOffsets: end && { at: end.fetchedAt, offsets: end.value },
    startOffsets: start?.value ?? null,
    sizes: dirs && {
      at: dirs.fetchedAt,
      sizeOf: (topic, partition, broker) => dirs.replicaSizes.get(replicaKey(topic, partition))?.get(broker),
    },
    groups: groups && { at: groups.snapshot.fetchedAt, groups: groups.snapshot.groups },
    consumerProblems: groups ? groups.views.filter((v) => v.summary.health.status !== 'OK').length : null,
  };
}
