import 'server-only';
import { Kafka, logLevel, type SASLOptions } from 'kafkajs';
import type { ClusterConfig } from '@/lib/config/schema';
import { getCluster } from './clusters';

// One kafkajs client per cluster, reused across requests (the audit producer is built from it).

interface PoolEntry {
  kafka: Kafka;
}

const poolKey = Symbol.for('kafka-console.pool');
type GlobalWithPool = typeof globalThis & { [poolKey]?: Map<string, PoolEntry> };
const pool = ((globalThis as GlobalWithPool)[poolKey] ??= new Map());

export async function getKafka(clusterId: string): Promise<Kafka> {
  return entry(await getCluster(clusterId)).kafka;
}

/**
 * Forget a cluster's client so the next use builds it from current configuration. A kafkajs client
 * holds no connections itself; producers made from it are closed by their owners.
 */
export function resetCluster(clusterId: string): void {
  pool.delete(clusterId);
}

function entry(cluster: ClusterConfig): PoolEntry {
  let e = pool.get(cluster.id);
  if (!e) {
    e = { kafka: createKafka(cluster) };
    pool.set(cluster.id, e);
  }
  return e;
}

function createKafka(cluster: ClusterConfig): Kafka {
  return new Kafka({
    clientId: 'kafka-console',
    brokers: cluster.bootstrapServers,
    connectionTimeout: 3000,
    requestTimeout: 15000,
    // Fail fast: the browser polls again, and a page must show "unreachable" quickly.
    retry: { retries: 1, initialRetryTime: 100, maxRetryTime: 1000 },
    ssl: cluster.tls
      ? {
          rejectUnauthorized: !cluster.tls.skipVerify,
          ca: cluster.tlsFiles?.ca ? [cluster.tlsFiles.ca] : undefined,
          cert: cluster.tlsFiles?.cert,
          key: cluster.tlsFiles?.key,
        }
      : undefined,
    sasl: cluster.sasl ? saslOptions(cluster.sasl) : undefined,
    // kafkajs logs connection noise for every poll of a down cluster; errors reach the API instead.
    logLevel: logLevel.NOTHING,
  });
}

function saslOptions(sasl: NonNullable<ClusterConfig['sasl']>): SASLOptions {
  return { mechanism: sasl.mechanism, username: sasl.username, password: sasl.password } as SASLOptions;
}
