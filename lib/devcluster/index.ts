import { DevCluster } from './cluster';
import type { DevClusterOptions } from './options';

export { DevCluster } from './cluster';
export type { DevClusterOptions } from './options';
export { KafkaError } from './errors';

/**
 * Starts an embedded Kafka-compatible cluster: N brokers on 127.0.0.1, each on its own port,
 * speaking the Kafka wire protocol. Resolves once every broker listens.
 */
export async function startDevCluster(options: DevClusterOptions = {}): Promise<DevCluster> {
  const cluster = new DevCluster(options);
  await cluster.start();
  if (options.demo) {
    // Loaded only when asked for, so plain clusters do not pay for the demo generators.
    const { startDemo } = await import('./demo');
    const demo = startDemo(cluster);
    cluster.onClose(() => demo.stop());
  }
  return cluster;
}
