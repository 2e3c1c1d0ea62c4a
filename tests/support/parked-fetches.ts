import type { DevCluster } from '@/lib/devcluster';
import { partitionKey } from '@/lib/devcluster/state/waiters';
import { waitFor } from './wait';

// Long-poll fetches a devcluster holds parked (waiting for data), counted from the moment this is
// called: a test can wait until a consumer really sits in its long poll instead of guessing how
// long getting there takes.

export interface ParkedFetches {
  /** Fetches parked right now that wait on any partition of `topic` (or on that one partition). */
  count(topic: string, partition?: number): number;
  /**
   * Waits until one long poll per leader of `topic` from each of `clients` is parked. The fetches
   * of an external cluster (TEST_KAFKA_BROKERS) cannot be seen: there the clients get a fixed
   * 300 ms to send them.
   */
  untilEveryLeaderPolled(topic: string, clients: number, timeoutMs?: number): Promise<void>;
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
  const count = (topic: string, partition?: number) => {
    const indexes = partition === undefined ? (cluster.topics.get(topic)?.partitions.map((p) => p.index) ?? []) : [partition];
    const wanted = new Set(indexes.map((i) => partitionKey(topic, i)));
    return [...parked].filter((keys) => keys.some((k) => wanted.has(k))).length;
  };
  return {
    count,
    async untilEveryLeaderPolled(topic, clients, timeoutMs = 5_000) {
      if (process.env.TEST_KAFKA_BROKERS) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return;
      }
      const leaders = new Set(cluster.topics.get(topic)?.partitions.map((p) => p.leader)).size;
      await waitFor(() => leaders > 0 && count(topic) >= clients * leaders, {
        timeoutMs,
        what: () => `${clients} clients to long-poll all ${leaders} leaders of ${topic} (${count(topic)} parked)`,
      });
    },
    stop() {
      waiters.watch = original;
      parked.clear();
    },
  };
}
