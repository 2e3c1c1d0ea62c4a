import 'server-only';
import type { ApiCodec } from '@/lib/protocol/api-codec';
import { BrokerConnectionError, ClusterClient, UnsupportedVersionError, type ClusterClientOptions, type SaslMechanism } from '@/lib/protocol/client';
import type { MetadataResponse } from '@/lib/protocol/generated';
import type { ClusterConfig } from '@/lib/config/schema';
import { getCluster } from './clusters';

// Protocol clients per cluster, reused by every request: connections per broker stay open, and
// each connection negotiated its API versions once (ApiVersions), so Kafka 2.x to 4.x all work.
// Kafka answers the requests on one connection strictly in order, so message reading has clients
// of its own: a search's large fetches or a tail's long polls on the shared connection would hold
// every Metadata and ListOffsets of the other pages behind them.

const CONNECT_TIMEOUT_MS = 3_000;
const REQUEST_TIMEOUT_MS = 10_000;

interface PoolEntry {
  client: ClusterClient;
  ready: Promise<ClusterClient>;
}

type Pool = Map<string, PoolEntry>;
const poolKey = Symbol.for('kafka-console.protocol-pool');
const streamingKey = Symbol.for('kafka-console.protocol-pool.streaming');
const dedicatedKey = Symbol.for('kafka-console.protocol-pool.dedicated');
type GlobalWithPool = typeof globalThis & { [poolKey]?: Pool; [streamingKey]?: Pool; [dedicatedKey]?: Map<string, Set<ClusterClient>> };
const pool = ((globalThis as GlobalWithPool)[poolKey] ??= new Map());
const streamingPool = ((globalThis as GlobalWithPool)[streamingKey] ??= new Map());
const dedicated = ((globalThis as GlobalWithPool)[dedicatedKey] ??= new Map());

/** The cluster's connected protocol client (SASL/TLS as configured), created on first use. */
export function getProtocolClient(clusterId: string): Promise<ClusterClient> {
  return pooledClient(pool, clusterId);
}

/** The client for bulk message reads (browse, search), apart from the one the other pages use. */
export function getStreamingClient(clusterId: string): Promise<ClusterClient> {
  return pooledClient(streamingPool, clusterId);
}

export interface DedicatedClient {
  client: ClusterClient;
  close(): Promise<void>;
}

/**
 * A client of its own for a long-running stream (a live tail, whose long polls would otherwise
 * hold back searches and browsing too). Whoever opens it closes it; closeProtocolClient also does.
 */
export async function openDedicatedClient(clusterId: string): Promise<DedicatedClient> {
  const cluster = await getCluster(clusterId);
  const client = new ClusterClient(clientOptions(cluster));
  // The shared client knows the brokers already: the stream connects only to the leaders it reads.
  client.seedBrokers(pool.get(clusterId)?.client.knownBrokers ?? []);
  const open = dedicated.get(clusterId) ?? new Set<ClusterClient>();
  dedicated.set(clusterId, open);
  open.add(client);
  return {
    client,
    close: async () => {
      open.delete(client);
      await client.close().catch(() => undefined);
    },
  };
}

async function pooledClient(from: Pool, clusterId: string): Promise<ClusterClient> {
  const existing = from.get(clusterId);
  if (existing) return existing.ready;
  const cluster = await getCluster(clusterId);
  const again = from.get(clusterId);
  if (again) return again.ready;
  const client = new ClusterClient(clientOptions(cluster));
  const entry: PoolEntry = {
    client,
    ready: client.anyBroker().then(
      () => client,
      async (error) => {
        // Not reachable now: the next request starts from scratch instead of reusing a dead client.
        if (from.get(clusterId) === entry) from.delete(clusterId);
        await client.close().catch(() => undefined);
        throw error;
      },
    ),
  };
  from.set(clusterId, entry);
  return entry.ready;
}

/** Closes all of a cluster's protocol connections (tests, shutdown, or after a configuration change). */
export async function closeProtocolClient(clusterId: string): Promise<void> {
  const clients = [pool, streamingPool].flatMap((from) => {
    const entry = from.get(clusterId);
    from.delete(clusterId);
    return entry ? [entry.client] : [];
  });
  clients.push(...(dedicated.get(clusterId) ?? []));
  dedicated.delete(clusterId);
  await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
}

/** What the console's reads need from the protocol client. */
export interface ClusterRpc {
  /** Metadata for every topic; also refreshes the client's broker addresses. */
  metadata(): Promise<MetadataResponse>;
  /** A request any broker can answer. */
  any<Req, Res>(codec: ApiCodec<Req, Res>, request: Req): Promise<Res>;
  /** A request for one broker (a partition leader, or broker-local state). */
  broker<Req, Res>(nodeId: number, codec: ApiCodec<Req, Res>, request: Req): Promise<Res>;
  /** Whether the brokers advertise a version of the API the console can use (ApiVersions). */
  supports(codec: ApiCodec<unknown, unknown>): Promise<boolean>;
}

export async function clusterRpc(clusterId: string): Promise<ClusterRpc> {
  const client = await getProtocolClient(clusterId);
  return {
    metadata: () => retryOnce(() => client.metadata(null)),
    // A connection that died under us (a broker stopped) is dropped by the client; one more try
    // goes to another broker.
    any: (codec, request) => retryOnce(async () => (await client.anyBroker()).send(codec, request)),
    broker: async (nodeId, codec, request) => (await client.broker(nodeId)).send(codec, request),
    supports: async (codec) => {
      const connection = await retryOnce(() => client.anyBroker());
      try {
        connection.versionFor(codec);
        return true;
      } catch (error) {
        if (error instanceof UnsupportedVersionError) return false;
        throw error;
      }
    },
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
