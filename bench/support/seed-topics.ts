import type { DevCluster } from '@/lib/devcluster';

/**
 * Creates `topics` topics of `partitions` partitions (RF 3) through the devcluster's in-process
 * API, with uneven data so sorting by size and messages means something. Every tenth topic is
 * compacted.
 */
export function seedTopics(cluster: DevCluster, topics: number, partitions: number): void {
  const value = Buffer.alloc(200, 'x');
  for (let i = 0; i < topics; i++) {
    const name = `bench-${String(i).padStart(5, '0')}`;
    cluster.createTopic({ name, partitions, replicationFactor: 3, configs: i % 10 === 0 ? { 'cleanup.policy': 'compact' } : {} });
    for (let p = 0; p < partitions; p++) {
      const n = (i * 7 + p * 3) % 20;
      if (n) cluster.appendRecords(name, p, Array.from({ length: n }, (_, k) => ({ key: Buffer.from(`k${k}`), value, headers: [] })));
    }
  }
}
