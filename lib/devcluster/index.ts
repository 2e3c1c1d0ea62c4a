import { DevCluster } from './cluster';
import type { DevClusterOptions } from './options';

export { DevCluster } from './cluster';
export type { DevClusterOptions } from './options';
export { KafkaError } from './errors';
export type { SchemaRegistryOptions } from './schema-registry';

/**
 * Starts an embedded Kafka-compatible cluster: N brokers on 127.0.0.1, each on its own port,
 * speaking the Kafka wire protocol. Resolves once every broker listens (and the Schema Registry,
 * when asked for).
 */
export async function startDevCluster(options: DevClusterOptions = {}): Promise<DevCluster> {
  const cluster = new DevCluster(options);
  await cluster.start();
  let registry: import('./schema-registry').SchemaRegistry | undefined;
  if (options.schemaRegistry) {
    try {
      const { startSchemaRegistry } = await import('./schema-registry');
      const handle = await startSchemaRegistry(cluster, { host: options.host, ...options.schemaRegistry });
      cluster.schemaRegistryUrl = handle.url;
      registry = handle.registry;
      cluster.onClose(() => handle.close());
    } catch (err) {
      await cluster.close();
      throw err;
    }
  }
  if (options.demo) {
    // Loaded only when asked for, so plain clusters do not pay for the demo generators.
    const { startDemo } = await import('./demo');
    const demo = startDemo(cluster, { registry });
    cluster.onClose(() => demo.stop());
  }
  return cluster;
}
