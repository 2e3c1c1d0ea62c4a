// Demo mode: realistic topics with history, steady traffic and consumer groups in every state a
// console should be able to show. Everything runs in-process through the cluster's own APIs.
import { DemoGroups, DEMO_GROUPS, type DemoGroup } from './groups';
import { DemoProducer } from './producer';
import { Random } from './random';
import { BACKFILL_MS, DEMO_TOPICS, type DemoTopic } from './topics';
import type { DemoCluster } from './types';
import type { SchemaRegistry } from '../schema-registry/registry';

export { DEMO_GROUPS, DEMO_TOPICS, type DemoGroup, type DemoTopic, type DemoCluster };

export interface DemoOptions {
  /** Seed for the generated data (default: random per run). */
  seed?: number;
  /** How often producers write (ms). */
  tickMs?: number;
  /** Range (ms) of the pause between membership changes of the rebalancing group. */
  rebalanceEveryMs?: readonly [number, number];
  /** The cluster's Schema Registry: when there is one, the schema-encoded demo topics are seeded too. */
  registry?: SchemaRegistry;
}

export interface DemoHandle {
  stop(): Promise<void>;
}

export function startDemo(cluster: DemoCluster, options: DemoOptions = {}): DemoHandle {
  const rnd = new Random(options.seed ?? Date.now());
  const producer = new DemoProducer(cluster, DEMO_TOPICS, rnd);
  seedTopics(cluster, producer);
  const groups = new DemoGroups(cluster, rnd, options.rebalanceEveryMs);
  groups.start();
  // Unref'd: the brokers' listeners keep a CLI process alive, a forgotten demo must not.
  const timer = setInterval(() => producer.tick(), options.tickMs ?? 200);
  timer.unref();
  let stopping: Promise<void> | null = null;
  return {
    stop() {
      stopping ??= (async () => {
        clearInterval(timer);
        await groups.stop();
      })();
      return stopping;
    },
  };
}

/** Creates the topics that do not exist yet and gives each new one some history. */
function seedTopics(cluster: DemoCluster, producer: DemoProducer): void {
  const existing = new Set(cluster.topicNames());
  const replicationFactor = Math.min(3, Math.max(1, cluster.liveBrokerIds().length));
  const now = cluster.now();
  for (const topic of DEMO_TOPICS) {
    if (existing.has(topic.name)) continue;
    const configs = { ...topic.configs };
    if (Number(configs['min.insync.replicas'] ?? 1) > replicationFactor) delete configs['min.insync.replicas'];
    cluster.createTopic({ name: topic.name, partitions: topic.partitions, replicationFactor, configs });
    producer.backfill(topic, topic.backfill, now - BACKFILL_MS, now);
  }
}
