import 'server-only';
import type { ApiCodec } from '@/lib/protocol/api-codec';
import { BrokerConnectionError, ClusterClient, type ClusterClientOptions, type SaslMechanism } from '@/lib/protocol/client';
import type { MetadataResponse } from '@/lib/protocol/generated';
import type { ClusterConfig } from '@/lib/config/schema';
import { getCluster } from './clusters';

// One protocol client per cluster, reused by every request: connections per broker stay open, and
// each connection negotiated its API versions once (ApiVersions), so Kafka 2.x to 4.x all work.

const CONNECT_TIMEOUT_MS = 3_000;
const REQUEST_TIMEOUT_MS = 10_000;

interface PoolEntry {
  client: ClusterClient;
  ready: Promise<ClusterClient>;
}

const poolKey = Symbol.for('kafka-console.protocol-pool');
type GlobalWithPool = typeof globalThis & { [poolKey]?: Map<string, PoolEntry> };
const pool = ((globalThis as GlobalWithPool)[poolKey] ??= new Map());

/** The cluster's connected protocol client (SASL/TLS as configured), created on first use. */
export async function getProtocolClient(clusterId: string): Promise<ClusterClient> {
  const existing = pool.get(clusterId);
  if (existing) return existing.ready;
  const cluster = await getCluster(clusterId);
  const again = pool.get(clusterId);
  if (again) return again.ready;
  const client = new ClusterClient(clientOptions(cluster));
  const entry: PoolEntry = {
    client,
    ready: client.anyBroker().then(
      () => client,
      async (error) => {
        // Not reachable now: the next request starts from scratch instead of reusing a dead client.
        if (pool.get(clusterId) === entry) pool.delete(clusterId);
        await client.close().catch(() => undefined);
        throw error;
      },
    ),
  };
  pool.set(clusterId, entry);
  return entry.ready;
}

/** Closes a cluster's protocol connections (tests, shutdown, or after a configuration change). */
export async function closeProtocolClient(clusterId: string): Promise<void> {
  const entry = pool.get(clusterId);
  pool.delete(clusterId);
  await entry?.client.close().catch(() => undefined);
}

/** What the console's reads need from the protocol client. */
export interface ClusterRpc {
  /** Metadata for every topic; also refreshes the client's broker addresses. */
  metadata(): Promise<MetadataResponse>;
  /** A request any broker can answer. */
  any<Req, Res>(codec: ApiCodec<Req, Res>, request: Req): Promise<Res>;
  /** A request for one broker (a partition leader, or broker-local state). */
  broker<Req, Res>(nodeId: number, codec: ApiCodec<Req, Res>, request: Req): Promise<Res>;
}

export async function clusterRpc(clusterId: string): Promise<ClusterRpc> {
  const client = await getProtocolClient(clusterId);
  return {
    metadata: () => retryOnce(() => client.metadata(null)),
    // A connection that died under us (a broker stopped) is dropped by the client; one more try
    // goes to another broker.
    any: (codec, request) => retryOnce(async () => (await client.anyBroker()).send(codec, request)),
    broker: async (nodeId, codec, request) => (await client.broker(nodeId)).send(codec, request),
  };
}

async function retryOnce<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof BrokerConnectionError) || error.name === 'SaslAuthenticationError') throw error;
    return action();
  }
}

function clientOptions(cluster: ClusterConfig): ClusterClientOptions {
  return {
    bootstrapServers: cluster.bootstrapServers,
    clientId: 'kafka-console',
    connectTimeoutMs: CONNECT_TIMEOUT_MS,
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
    tls: cluster.tls
      ? {
          ca: cluster.tlsFiles?.ca,
          cert: cluster.tlsFiles?.cert,
          key: cluster.tlsFiles?.key,
          rejectUnauthorized: !cluster.tls.skipVerify,
        }
      : undefined,
    sasl: cluster.sasl
      ? { mechanism: cluster.sasl.mechanism.toUpperCase() as SaslMechanism, username: cluster.sasl.username, password: cluster.sasl.password }
      : undefined,
  };
}
