// A Schema-Registry-compatible REST server for the dev cluster. Like Confluent's, it keeps its
// state in a compacted `_schemas` topic and rebuilds it by reading that topic on start, so with
// a dataDir the schemas survive restarts.
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { KafkaError } from '../errors';
import { createRegistryServer } from './http';
import { SchemaRegistry } from './registry';

export { SchemaRegistry } from './registry';
export { RegistryError } from './errors';

export const SCHEMAS_TOPIC = '_schemas';

export interface SchemaRegistryOptions {
  /** Port to listen on; 0 picks a random free port. Default 0. */
  port?: number;
  /** Address to bind. Default: the cluster's host. */
  host?: string;
  /** Basic-auth users (username → password); none means no authentication. */
  users?: Record<string, string>;
}

/** What the registry needs of the cluster: a topic to create, append to and read back. */
export interface RegistryCluster {
  topicNames(): string[];
  liveBrokerIds(): number[];
  createTopic(input: { name: string; partitions: number; replicationFactor: number; configs?: Record<string, string> }): unknown;
  appendRecords(topic: string, partition: number, records: { key: Buffer | null; value: Buffer | null; headers: { key: string; value: Buffer | null }[] }[]): { baseOffset: number };
  readRecords(topic: string, partition: number, fromOffset: number, maxRecords: number): { offset: number; key: Buffer | null; value: Buffer | null }[];
}

export interface SchemaRegistryHandle {
  readonly url: string;
  readonly registry: SchemaRegistry;
  close(): Promise<void>;
}

export async function startSchemaRegistry(cluster: RegistryCluster, options: SchemaRegistryOptions = {}): Promise<SchemaRegistryHandle> {
  if (!cluster.topicNames().includes(SCHEMAS_TOPIC)) {
    const replicationFactor = Math.min(3, Math.max(1, cluster.liveBrokerIds().length));
    cluster.createTopic({ name: SCHEMAS_TOPIC, partitions: 1, replicationFactor, configs: { 'cleanup.policy': 'compact' } });
  }
  const registry = new SchemaRegistry({
    append: (key, value) => {
      cluster.appendRecords(SCHEMAS_TOPIC, 0, [{ key, value, headers: [] }]);
    },
  });
  replay(cluster, registry);
  const server = createRegistryServer(registry, { users: options.users });
  const host = options.host ?? '127.0.0.1';
  const port = await listen(server, options.port ?? 0, host);
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    registry,
    close: () => closeServer(server),
  };
}

function replay(cluster: RegistryCluster, registry: SchemaRegistry): void {
  let from = 0;
  for (;;) {
    let batch: { offset: number; key: Buffer | null; value: Buffer | null }[];
    try {
      batch = cluster.readRecords(SCHEMAS_TOPIC, 0, from, 1000);
    } catch (err) {
      if (err instanceof KafkaError) throw new Error(`Cannot read ${SCHEMAS_TOPIC}: ${err.message}`);
      throw err;
    }
    if (batch.length === 0) return;
    for (const r of batch) registry.replay(r.key, r.value);
    from = batch[batch.length - 1].offset + 1;
  }
}

function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, exclusive: true }, () => {
      server.off('error', reject);
      server.on('error', (err) => console.error('[devcluster] schema registry listener error', err));
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
