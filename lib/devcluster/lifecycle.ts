import { ErrorCode } from '@/lib/protocol/errors';
import type { DevCluster } from './cluster';
import { KafkaError } from './errors';
import { BrokerServer } from './server';
import { reconcilePartition } from './state/replication';
import { partitionKey } from './state/waiters';

// Starting and stopping a dev cluster and its brokers (faults included: a stopped broker, a
// follower held back), its retention timer, and the hooks that run before it shuts down.

export class ClusterLifecycle {
  private closed = false;
  private retentionTimer: NodeJS.Timeout | null = null;
  /** One pending ISR check per held follower, due when replica.lag.time.max.ms has passed. */
  private readonly lagTimers = new Map<string, NodeJS.Timeout>();
  private readonly closeHooks: (() => Promise<void> | void)[] = [];

  constructor(private readonly cluster: DevCluster) {}

  async start(): Promise<void> {
    try {
      for (const id of this.cluster.brokers.keys()) await this.startBroker(id);
      this.cluster.ensureOffsetsTopic();
    } catch (err) {
      await this.close();
      throw err;
    }
    this.startRetention();
  }

  async startBroker(id: number): Promise<void> {
    const b = this.cluster.brokers.get(id);
    if (!b) throw new Error(`Unknown broker ${id}`);
    if (b.live || this.closed) return;
    const server = new BrokerServer(this.cluster, b.info);
    const port = await server.listen(b.info.port);
    // Ports are known only after listen.
    b.server = server;
    b.info.port = port;
    b.live = true;
    this.cluster.reconcileAll();
  }

  async stopBroker(id: number): Promise<void> {
    const b = this.cluster.brokers.get(id);
    if (!b) throw new Error(`Unknown broker ${id}`);
    if (!b.live) return;
    // The stopped voter keeps the metadata offset it had caught up to.
    this.cluster.observeQuorum();
    const server = b.server;
    b.live = false;
    b.server = null;
    this.cluster.reconcileAll();
    this.cluster.waiters.notifyAll();
    await server?.close();
  }

  setFollowerLag(topic: string, partition: number, brokerId: number, lagging: boolean): void {
    const p = this.cluster.partition(topic, partition);
    if (!p) throw new KafkaError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `Unknown partition ${topic}-${partition}`);
    if (!p.replicas.includes(brokerId)) throw new KafkaError(ErrorCode.REPLICA_NOT_AVAILABLE, `Broker ${brokerId} holds no replica of ${topic}-${partition}`);
    const key = `${partitionKey(topic, partition)}\u0000${brokerId}`;
    clearTimeout(this.lagTimers.get(key));
    this.lagTimers.delete(key);
    if (!lagging) this.cluster.lagging.delete(key);
    else if (!this.cluster.lagging.has(key)) {
      this.cluster.lagging.set(key, Date.now());
      // Like Kafka's ISR expiration: the follower stays in the ISR (holding the high watermark
      // back) until it has failed to catch up for replica.lag.time.max.ms.
      const timer = setTimeout(() => {
        this.lagTimers.delete(key);
        if (!this.closed) this.reconcile(topic, partition);
      }, this.cluster.replicaLagTimeMaxMs() + 1);
      timer.unref();
      this.lagTimers.set(key, timer);
    }
    this.reconcile(topic, partition);
  }

  private reconcile(topic: string, partition: number): void {
    const t = this.cluster.topics.get(topic);
    const p = t?.partitions[partition];
    if (!t || !p) return;
    if (reconcilePartition(p, this.cluster.replicaView, this.cluster.settings(t).uncleanLeaderElection)) this.cluster.metadataVersion++;
    this.cluster.waiters.notify(partitionKey(topic, partition));
  }

  onClose(hook: () => Promise<void> | void): void {
    this.closeHooks.push(hook);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    for (const hook of this.closeHooks.splice(0)) {
      try {
        await hook();
      } catch (err) {
        console.error('[devcluster] close hook failed', err);
      }
    }
    const servers = [...this.cluster.brokers.values()].map((b) => b.server).filter((s) => s !== null);
    for (const b of this.cluster.brokers.values()) {
      b.live = false;
      b.server = null;
    }
    this.shutdown();
    await Promise.all(servers.map((s) => s.close()));
  }

  startRetention(): void {
    const interval = Number(this.cluster.configs.brokerValue(this.cluster.controllerId(), 'log.retention.check.interval.ms'));
    this.retentionTimer = setInterval(() => {
      try {
        this.cluster.applyRetention();
      } catch (err) {
        console.error('[devcluster] retention check failed', err);
      }
    }, interval);
    this.retentionTimer.unref();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  shutdown(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.retentionTimer) clearInterval(this.retentionTimer);
    for (const timer of this.lagTimers.values()) clearTimeout(timer);
    this.lagTimers.clear();
    this.cluster.waiters.notifyAll();
    this.cluster.groups.close();
    for (const t of this.cluster.topics.values()) for (const p of t.partitions) p.log.close();
  }
}
