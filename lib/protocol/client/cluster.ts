/**
 * A small cluster view: bootstrap, Metadata, and one lazily opened
 * connection per broker id.
 */
import { Metadata, type MetadataResponse } from '../generated/metadata';
import { type ConnectionOptions, BrokerConnection } from './connection';
import { BrokerConnectionError, ConnectionRefusedError } from './errors';

export interface ClusterClientOptions extends Omit<ConnectionOptions, 'host' | 'port'> {
  /** "host:port" entries; IPv6 hosts in brackets ("[::1]:9092"). */
  bootstrapServers: string[];
}

export interface BrokerAddress {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
}

export function parseHostPort(server: string): { host: string; port: number } {
  const m = /^\[([^\]]+)\]:(\d+)$/.exec(server.trim()) ?? /^([^:]+):(\d+)$/.exec(server.trim());
  const port = m ? Number(m[2]) : NaN;
  if (!m || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`invalid broker address "${server}": expected host:port`);
  }
  return { host: m[1], port };
}

export class ClusterClient {
  private readonly options: ClusterClientOptions;
  private readonly bootstrap: { host: string; port: number }[];
  private readonly connections = new Map<number, Promise<BrokerConnection>>();
  private bootstrapConnection: Promise<BrokerConnection> | null = null;
  private brokers = new Map<number, BrokerAddress>();
  private lastMetadata: MetadataResponse | null = null;
  private closed = false;

  constructor(options: ClusterClientOptions) {
    if (options.bootstrapServers.length === 0) throw new Error('at least one bootstrap server is required');
    this.options = options;
    this.bootstrap = options.bootstrapServers.map(parseHostPort);
  }

  /** Brokers from the last Metadata response. */
  get knownBrokers(): BrokerAddress[] {
    return [...this.brokers.values()];
  }

  get cachedMetadata(): MetadataResponse | null {
    return this.lastMetadata;
  }

  /**
   * Broker addresses known from another client of the same cluster, so that connecting to a
   * broker by id needs no Metadata round trip (and no bootstrap connection) first.
   */
  seedBrokers(brokers: readonly BrokerAddress[]): void {
    for (const b of brokers) if (!this.brokers.has(b.nodeId)) this.brokers.set(b.nodeId, { ...b });
  }

  private connect(host: string, port: number): Promise<BrokerConnection> {
    const { bootstrapServers: _bootstrapServers, ...rest } = this.options;
    return BrokerConnection.connect({ ...rest, host, port });
  }

  /** Keeps a connection promise only while it is alive. */
  private track(promise: Promise<BrokerConnection>, forget: () => void): Promise<BrokerConnection> {
    promise.then(
      (conn) => conn.onClose(forget),
      () => forget(),
    );
    return promise;
  }

  private async connectBootstrap(): Promise<BrokerConnection> {
    const failures: string[] = [];
    for (const { host, port } of this.bootstrap) {
      try {
        return await this.connect(host, port);
      } catch (err) {
        if (!(err instanceof BrokerConnectionError)) throw err;
        failures.push(err.message);
      }
    }
    throw new ConnectionRefusedError(
      this.bootstrap.map((b) => `${b.host}:${b.port}`).join(','),
      `no bootstrap server reachable (${failures.join('; ')})`,
    );
  }

  /** Any live connection, opening one to a bootstrap server if needed. */
  async anyBroker(): Promise<BrokerConnection> {
    this.assertOpen();
    for (const p of this.connections.values()) {
      const conn = await p.catch(() => null);
      if (conn && !conn.closed) return conn;
    }
    if (!this.bootstrapConnection) {
      const p = this.connectBootstrap();
      this.bootstrapConnection = this.track(p, () => {
        if (this.bootstrapConnection === p) this.bootstrapConnection = null;
      });
    }
    return this.bootstrapConnection;
  }

  /**
   * Fetches Metadata (all topics when `topics` is null/omitted) and refreshes
   * the broker list.
   */
  async metadata(topics: string[] | null = null): Promise<MetadataResponse> {
    const conn = await this.anyBroker();
    const version = conn.versionFor(Metadata);
    // v0 has no null topic list: an empty one means "all topics" there.
    const all = version === 0 ? [] : null;
    const res = await conn.send(Metadata, {
      topics: topics === null ? all : topics.map((name) => ({ name })),
      allowAutoTopicCreation: false,
      includeTopicAuthorizedOperations: false,
    });
    this.brokers = new Map(res.brokers.map((b) => [b.nodeId, { nodeId: b.nodeId, host: b.host, port: b.port, rack: b.rack ?? null }]));
    this.lastMetadata = res;
    return res;
  }

  /** The connection to broker `nodeId`, opened on first use. */
  async broker(nodeId: number): Promise<BrokerConnection> {
    this.assertOpen();
    const existing = this.connections.get(nodeId);
    if (existing) return existing;
    if (!this.brokers.has(nodeId)) await this.metadata([]);
    const addr = this.brokers.get(nodeId);
    // A transport-level error, not a plain one: a broker missing from metadata is usually one that
    // went down, and callers map connection errors to "cluster unreachable" rather than a crash.
    if (!addr) throw new BrokerConnectionError(`broker ${nodeId}`, `broker ${nodeId} is not in the cluster metadata`);
    const again = this.connections.get(nodeId);
    if (again) return again;
    const p = this.connect(addr.host, addr.port);
    this.connections.set(
      nodeId,
      this.track(p, () => {
        if (this.connections.get(nodeId) === p) this.connections.delete(nodeId);
      }),
    );
    return p;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('cluster client is closed');
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.connections.values()];
    if (this.bootstrapConnection) all.push(this.bootstrapConnection);
    this.connections.clear();
    this.bootstrapConnection = null;
    await Promise.all(all.map((p) => p.then((c) => c.close(), () => undefined)));
  }
}
