import type { DevCluster } from '@/lib/devcluster';
import { partitionKey } from '@/lib/devcluster/state/waiters';

// Long-poll fetches a devcluster holds parked (waiting for data), counted from the moment this is
// called: a test can wait until a consumer really sits in its long poll instead of guessing how
// long getting there takes.

export interface ParkedFetches {
  /** Fetches parked right now that wait on any partition of `topic` (or on that one partition). */
  count(topic: string, partition?: number): number;
  /** Stops counting. */
  stop(): void;
}

export function watchParkedFetches(cluster: DevCluster): ParkedFetches {
  const waiters = cluster.waiters;
  const original = waiters.watch;
  const parked = new Set<readonly string[]>();
  waiters.watch = function (keys, wake) {
    const unregister = original.call(this, keys, wake);
    const entry = [...keys];
    parked.add(entry);
    return () => {
      parked.delete(entry);
      unregister();
    };
  };
  return {
    count(topic, partition) {
      const indexes = partition === undefined ? (cluster.topics.get(topic)?.partitions.map((p) => p.index) ?? []) : [partition];
      const wanted = new Set(indexes.map((i) => partitionKey(topic, i)));
      return [...parked].filter((keys) => keys.some((k) => wanted.has(k))).length;
    },
    stop() {
      waiters.watch = original;
      parked.clear();
    },
  };
}
