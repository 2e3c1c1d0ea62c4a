import 'server-only';
import { type Admin, Kafka, logLevel, type SASLOptions } from 'kafkajs';
import type { ClusterConfig } from '@/lib/config/schema';
import { getCluster } from './clusters';

// One kafkajs client and one connected admin per cluster, reused across requests.

interface PoolEntry {
  kafka: Kafka;
  admin?: Promise<Admin>;
}

const poolKey = Symbol.for('kafka-console.pool');
type GlobalWithPool = typeof globalThis & { [poolKey]?: Map<string, PoolEntry> };
const pool = ((globalThis as GlobalWithPool)[poolKey] ??= new Map());

export async function getKafka(clusterId: string): Promise<Kafka> {
  return entry(await getCluster(clusterId)).kafka;
}

export async function getAdmin(clusterId: string): Promise<Admin> {
  const e = entry(await getCluster(clusterId));
  e.admin ??= connectAdmin(e.kafka).catch((error) => {
    e.admin = undefined;
    throw error;
  });
  return e.admin;
}

/** Forget a cluster's connections, e.g. after the cluster became unreachable. */
export async function resetCluster(clusterId: string): Promise<void> {
  const e = pool.get(clusterId);
  pool.delete(clusterId);
  const admin = await e?.admin?.catch(() => undefined);
  await admin?.disconnect().catch(() => undefined);
}

async function connectAdmin(kafka: Kafka): Promise<Admin> {
  const admin = kafka.admin({ retry: { retries: 1, initialRetryTime: 100, maxRetryTime: 1000 } });
  await admin.connect();
  return admin;
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
