import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { BATCH_OFFSETS } from '@/lib/protocol/records/batch';
import { ConfigStore, validateTopicConfigs } from './config/store';
import { KafkaError } from './errors';
import { ErrorCode } from '@/lib/protocol/errors';
import { GroupCoordinator } from './groups/coordinator';
import type { BrokerInfo } from './handlers/types';
import { checkTimestamps, isTransactional, splitBatches, type StoredBatch } from './log/batch';
import { buildBatch, type PlainRecord } from './log/build-batch';
import { PartitionLog } from './log/partition-log';
import { decodeStoredRecords, type DecodedRecord } from './log/read-records';
import { normaliseUsers, type DevClusterOptions } from './options';
import { BrokerServer } from './server';
import { assignReplicas } from './state/assignment';
import { Partition } from './state/partition';
import { reconcilePartition, replicateFollowers, type ReplicaView } from './state/replication';
import { Topic, type TopicSettings } from './state/topic';
import { checkAssignments, checkPartitionLimit } from './state/topic-rules';
import { collisionKey, validateTopicName } from './state/topic-name';
import { DataWaiters, partitionKey } from './state/waiters';
import { ClusterDisk } from './storage/cluster-disk';
import type { LogStorage } from './storage/types';

export interface BrokerNode {
  info: BrokerInfo;
  live: boolean;
  server: BrokerServer | null;
  logDir: string;
}

export interface CreateTopicInput {
  name: string;
  partitions: number;
  replicationFactor: number;
  configs?: Record<string, string | null> | Map<string, string | null>;
  assignments?: number[][];
}

export interface ProduceResult {
  baseOffset: number;
  logAppendTimeMs: number;
  logStartOffset: number;
}

/** Static broker configs the dev cluster runs with (reported as STATIC_BROKER_CONFIG). */
const DEV_STATIC_CONFIGS: Record<string, string> = {
  'log.retention.check.interval.ms': '5000',
  'offsets.topic.replication.factor': '1',
  'group.initial.rebalance.delay.ms': '0',
  'log.message.downconversion.enable': 'false',
};

/**
 * Stored batches stay views of the request bytes, unless the view would pin a much larger socket
 * buffer for the life of the log; then the batch alone is copied.
 */
function ownBytes(batch: Buffer): Buffer {
  return batch.buffer.byteLength > batch.length * 2 ? Buffer.from(batch) : batch;
}

export function newUuid(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * The cluster: brokers, topics and partitions, configs, faults and persistence. Broker servers
 * and API handlers call into it; nothing here knows about the wire format.
 */
export class DevCluster {
  readonly clusterId: string;
  readonly brokers = new Map<number, BrokerNode>();
  readonly topics = new Map<string, Topic>();
  readonly topicsById = new Map<string, Topic>();
  readonly configs: ConfigStore;
  readonly users: Map<string, { password: string; mechanisms: string[] }>;
  readonly groups: GroupCoordinator;
  readonly waiters = new DataWaiters();
  readonly disk: ClusterDisk | null;
  readonly autoCreateTopics: boolean;
  readonly maxFrameBytes: number;
  /** Bumped whenever anything a Metadata response shows changes (topics, leaders, ISR, brokers). */
  metadataVersion = 0;
  private readonly lagging = new Set<string>();
  private readonly collisions = new Map<string, string>();
  private retentionTimer: NodeJS.Timeout | null = null;
  private producerIdSeq = 1000;
  private closed = false;
  private readonly closeHooks: (() => Promise<void> | void)[] = [];

  constructor(readonly options: DevClusterOptions) {
    const count = options.brokers ?? 3;
    if (!Number.isInteger(count) || count < 1) throw new Error(`brokers must be a positive integer, got ${count}`);
    this.disk = options.dataDir ? new ClusterDisk(path.resolve(options.dataDir)) : null;
    const stored = this.disk?.loadCluster() ?? null;
    this.clusterId = stored?.clusterId ?? options.clusterId ?? newUuid();
    this.users = normaliseUsers(options.users);
    this.autoCreateTopics = options.autoCreateTopics ?? options.brokerConfigs?.['auto.create.topics.enable'] === 'true';
    this.maxFrameBytes = options.maxFrameBytes ?? 100 * 1024 * 1024;
    const host = options.host ?? '127.0.0.1';
    const base = this.disk?.dir ?? path.join(os.tmpdir(), `devcluster-${this.clusterId}`);
    for (let id = 1; id <= count; id++) {
      const port = options.basePort ? options.basePort + id - 1 : 0;
      this.brokers.set(id, { info: { nodeId: id, host, port, rack: null }, live: false, server: null, logDir: path.join(base, `broker-${id}`) });
    }
    this.configs = new ConfigStore({ ...DEV_STATIC_CONFIGS, ...(options.brokerConfigs ?? {}) }, (id) => {
      const b = this.brokers.get(id);
      return {
        'broker.id': String(id),
        'node.id': String(id),
        listeners: b ? `PLAINTEXT://${b.info.host}:${b.info.port}` : null,
        'advertised.listeners': b ? `PLAINTEXT://${b.info.host}:${b.info.port}` : null,
        'log.dirs': b?.logDir ?? null,
        'auto.create.topics.enable': String(this.autoCreateTopics),
        ...(this.users.size > 0 ? { 'sasl.enabled.mechanisms': 'PLAIN,SCRAM-SHA-256,SCRAM-SHA-512' } : {}),
      };
    });
    if (stored) {
      this.configs.setDynamic(null, new Map(Object.entries(stored.brokerConfigs.default)));
      for (const [id, cfg] of Object.entries(stored.brokerConfigs.perBroker)) this.configs.setDynamic(Number(id), new Map(Object.entries(cfg)));
    }
    this.loadTopics();
    this.saveClusterMeta();
    this.groups = new GroupCoordinator(this, { dataDir: this.disk?.dir ?? null });
  }

  now(): number {
    return Date.now();
  }

  // ---- brokers -------------------------------------------------------------------------------

  liveBrokerIds(): number[] {
    return [...this.brokers.values()].filter((b) => b.live).map((b) => b.info.nodeId);
  }

  brokerInfo(id: number): BrokerInfo | undefined {
    return this.brokers.get(id)?.info;
  }

  isLive(id: number): boolean {
    return this.brokers.get(id)?.live ?? false;
  }

  /** The active controller: the lowest live broker id (-1 when every broker is down). */
  controllerId(): number {
    return this.liveBrokerIds().sort((a, b) => a - b)[0] ?? -1;
  }

  get bootstrapServers(): string[] {
    return [...this.brokers.values()].map((b) => `${b.info.host}:${b.info.port}`);
  }

  /** Registers a broker's server as listening (ports are known only after listen). */
  markStarted(id: number, server: BrokerServer, port: number): void {
    const b = this.brokers.get(id);
    if (!b) throw new Error(`unknown broker ${id}`);
    b.server = server;
    b.info.port = port;
    b.live = true;
    this.reconcileAll();
  }

  markStopped(id: number): void {
    const b = this.brokers.get(id);
    if (!b) return;
    b.live = false;
    b.server = null;
    this.reconcileAll();
    this.waiters.notifyAll();
  }

  /** Holds a follower back so it drops out of the ISR (under-replicated), or lets it catch up. */
  setFollowerLag(topic: string, partition: number, brokerId: number, lagging: boolean): void {
    const p = this.partition(topic, partition);
    if (!p) throw new KafkaError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `Unknown partition ${topic}-${partition}`);
    if (!p.replicas.includes(brokerId)) throw new KafkaError(ErrorCode.REPLICA_NOT_AVAILABLE, `Broker ${brokerId} holds no replica of ${topic}-${partition}`);
    const key = `${partitionKey(topic, partition)}\u0000${brokerId}`;
    if (lagging) this.lagging.add(key);
    else this.lagging.delete(key);
    const t = this.topics.get(topic) as Topic;
    if (reconcilePartition(p, this.replicaView, this.settings(t).uncleanLeaderElection)) this.metadataVersion++;
    this.waiters.notify(partitionKey(topic, partition));
  }

  private readonly replicaView: ReplicaView = {
    isLive: (id) => this.isLive(id),
    isLagging: (p, id) => this.lagging.has(`${partitionKey(p.topic, p.index)}\u0000${id}`),
  };

  private reconcileAll(): void {
    let changed = false;
    for (const t of this.topics.values()) {
      const unclean = this.settings(t).uncleanLeaderElection;
      for (const p of t.partitions) if (reconcilePartition(p, this.replicaView, unclean)) changed = true;
    }
    this.metadataVersion++;
    if (changed) this.waiters.notifyAll();
  }

  // ---- topics --------------------------------------------------------------------------------

  topicNames(): string[] {
    return [...this.topics.keys()];
  }

  partition(topic: string, index: number): Partition | undefined {
    return this.topics.get(topic)?.partitions[index];
  }

  partitionExists(topic: string, partition: number): boolean {
    return this.partition(topic, partition) !== undefined;
  }

  partitionOffsets(topic: string, partition: number): { logStartOffset: number; highWatermark: number; logEndOffset: number } | null {
    const p = this.partition(topic, partition);
    return p ? { logStartOffset: p.logStartOffset, highWatermark: p.highWatermark, logEndOffset: p.logEndOffset } : null;
  }

  settings(topic: Topic): TopicSettings {
    return topic.settings(this.configs, this.controllerId() < 0 ? 1 : this.controllerId());
  }

  /** Checks a topic creation and returns the assignment it would get, without creating anything. */
  planTopic(input: CreateTopicInput): { assignments: number[][]; configs: Map<string, string> } {
    validateTopicName(input.name);
    if (this.topics.has(input.name)) throw new KafkaError(ErrorCode.TOPIC_ALREADY_EXISTS, `Topic '${input.name}' already exists.`);
    const clash = this.collisions.get(collisionKey(input.name));
    if (clash) throw new KafkaError(ErrorCode.INVALID_TOPIC_EXCEPTION, `Topic '${input.name}' collides with existing topic: ${clash}`);
    const entries = input.configs instanceof Map ? [...input.configs] : Object.entries(input.configs ?? {});
    const configs = validateTopicConfigs(entries);
    if (input.assignments && input.assignments.length > 0) {
      if (input.partitions !== -1 || input.replicationFactor !== -1) {
        throw new KafkaError(ErrorCode.INVALID_REQUEST, 'Both numPartitions or replicationFactor and replicasAssignments were set. Both cannot be used at the same time.');
      }
      checkAssignments(input.assignments, 0, (id) => this.brokers.has(id));
      checkPartitionLimit(input.assignments.length, 0, this.totalPartitions());
      return { assignments: input.assignments, configs };
    }
    const partitions = input.partitions === -1 ? Number(this.configs.brokerValue(this.controllerId(), 'num.partitions')) : input.partitions;
    const rf = input.replicationFactor === -1 ? Number(this.configs.brokerValue(this.controllerId(), 'default.replication.factor')) : input.replicationFactor;
    if (partitions <= 0) throw new KafkaError(ErrorCode.INVALID_PARTITIONS, 'Number of partitions was set to an invalid non-positive value.');
    if (rf <= 0) throw new KafkaError(ErrorCode.INVALID_REPLICATION_FACTOR, 'Replication factor was set to an invalid non-positive value.');
    checkPartitionLimit(partitions, 0, this.totalPartitions());
    const minIsr = Number(configs.get('min.insync.replicas') ?? 1);
    if (minIsr > rf) {
      throw new KafkaError(ErrorCode.INVALID_CONFIG, `Invalid value ${minIsr} for configuration min.insync.replicas: min.insync.replicas cannot be greater than the replication factor ${rf}`);
    }
    return { assignments: assignReplicas(this.liveBrokerIds(), partitions, rf), configs };
  }

  private totalPartitions(): number {
    let total = 0;
    for (const t of this.topics.values()) total += t.partitions.length;
    return total;
  }

  createTopic(input: CreateTopicInput): Topic {
    const plan = this.planTopic(input);
    const topicId = newUuid();
    const partitions = plan.assignments.map((replicas, i) => this.newPartition(input.name, i, replicas, this.disk?.partitionDir(input.name, i) ?? null));
    const topic = new Topic(input.name, topicId, plan.configs, partitions);
    this.disk?.saveTopic({ name: topic.name, topicId, configs: Object.fromEntries(plan.configs), replicas: plan.assignments });
    this.register(topic);
    return topic;
  }

  private newPartition(topic: string, index: number, replicas: number[], storage: LogStorage | null, restored?: ConstructorParameters<typeof PartitionLog>[2]): Partition {
    const p = new Partition(topic, index, replicas, new PartitionLog(storage, this.now(), restored));
    reconcilePartition(p, this.replicaView, false);
    return p;
  }

  private register(topic: Topic): void {
    this.topics.set(topic.name, topic);
    this.topicsById.set(topic.topicId, topic);
    this.collisions.set(collisionKey(topic.name), topic.name);
    for (const p of topic.partitions) reconcilePartition(p, this.replicaView, this.settings(topic).uncleanLeaderElection);
    this.metadataVersion++;
  }

  deleteTopic(name: string): void {
    const topic = this.topics.get(name);
    if (!topic) throw new KafkaError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, 'This server does not host this topic-partition.');
    this.topics.delete(name);
    this.topicsById.delete(topic.topicId);
    this.collisions.delete(collisionKey(name));
    for (const p of topic.partitions) p.log.destroy();
    this.disk?.removeTopic(name);
    this.groups.onTopicDeleted(name);
    this.metadataVersion++;
    this.waiters.notifyAll();
  }

  /** CreatePartitions: grows a topic to `count` partitions (never shrinks). */
  createPartitions(name: string, count: number, assignments: number[][] | null, validateOnly: boolean): void {
    const topic = this.topics.get(name);
    if (!topic) throw new KafkaError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `The topic '${name}' does not exist.`);
    const current = topic.partitions.length;
    if (count < current) throw new KafkaError(ErrorCode.INVALID_PARTITIONS, `Topic currently has ${current} partitions, which is higher than the requested ${count}.`);
    if (count === current) throw new KafkaError(ErrorCode.INVALID_PARTITIONS, `Topic already has ${current} partitions.`);
    checkPartitionLimit(count, current, this.totalPartitions());
    const rf = topic.partitions[0].replicas.length;
    let plan: number[][];
    if (assignments) {
      if (assignments.length !== count - current) {
        throw new KafkaError(ErrorCode.INVALID_REPLICA_ASSIGNMENT, `Increasing the number of partitions by ${count - current} but ${assignments.length} assignments provided.`);
      }
      checkAssignments(assignments, current, (id) => this.brokers.has(id));
      if (assignments[0].length !== rf) throw new KafkaError(ErrorCode.INVALID_REPLICA_ASSIGNMENT, `Inconsistent replication factor between partitions, partition 0 has ${rf} while partitions [${current}] have replication factors [${assignments[0].length}], respectively.`);
      plan = assignments;
    } else {
      const live = this.liveBrokerIds().sort((a, b) => a - b);
      const firstIndex = Math.max(0, live.indexOf(topic.partitions[0].replicas[0]));
      plan = assignReplicas(live, count - current, rf, { startPartition: current, firstIndex });
    }
    if (validateOnly) return;
    plan.forEach((replicas, i) => topic.partitions.push(this.newPartition(name, current + i, replicas, this.disk?.partitionDir(name, current + i) ?? null)));
    this.disk?.saveTopic({ name, topicId: topic.topicId, configs: Object.fromEntries(topic.configs), replicas: topic.partitions.map((p) => p.replicas) });
    this.metadataVersion++;
  }

  /** Replaces a topic's config overrides (already validated). */
  setTopicConfigs(name: string, configs: Map<string, string>): void {
    const topic = this.topics.get(name);
    if (!topic) throw new KafkaError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `Topic ${name} does not exist.`);
    topic.configs = configs;
    topic.configsChanged();
    this.disk?.saveTopic({ name, topicId: topic.topicId, configs: Object.fromEntries(configs), replicas: topic.partitions.map((p) => p.replicas) });
    this.applyRetention();
  }

  /** Replaces the dynamic configs of one broker, or the cluster-wide default when brokerId is null. */
  setBrokerConfigs(brokerId: number | null, configs: Map<string, string>): void {
    this.configs.setDynamic(brokerId, configs);
    this.saveClusterMeta();
    this.applyRetention();
  }

  private saveClusterMeta(): void {
    if (!this.disk) return;
    const perBroker: Record<string, Record<string, string>> = {};
    for (const id of this.brokers.keys()) {
      const m = this.configs.dynamicConfigs(id);
      if (m.size > 0) perBroker[id] = Object.fromEntries(m);
    }
    this.disk.saveCluster({ clusterId: this.clusterId, brokerConfigs: { default: Object.fromEntries(this.configs.dynamicConfigs(null)), perBroker } });
  }

  private loadTopics(): void {
    if (!this.disk) return;
    for (const { meta, partitions } of this.disk.loadTopics()) {
      const parts = meta.replicas.map((replicas, i) =>
        this.newPartition(meta.name, i, replicas, partitions[i].dir, { segments: partitions[i].segments, logStartOffset: partitions[i].logStartOffset }),
      );
      this.register(new Topic(meta.name, meta.topicId, new Map(Object.entries(meta.configs)), parts));
    }
  }

  /** Creates a topic with broker defaults when auto-creation is on; returns whether it now exists. */
  autoCreate(name: string): boolean {
    if (this.topics.has(name)) return true;
    if (!this.autoCreateTopics) return false;
    try {
      const rf = Math.min(Number(this.configs.brokerValue(this.controllerId(), 'default.replication.factor')), this.liveBrokerIds().length);
      this.createTopic({ name, partitions: -1, replicationFactor: rf });
      return true;
    } catch {
      return false;
    }
  }

  // ---- data path -----------------------------------------------------------------------------

  /** The partition if `brokerId` leads it, else the Kafka error a client should see. */
  leaderPartition(topic: string, index: number, brokerId: number): Partition {
    const p = this.partition(topic, index);
    if (!p) throw new KafkaError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, 'This server does not host this topic-partition.');
    if (p.leader !== brokerId) throw new KafkaError(ErrorCode.NOT_LEADER_OR_FOLLOWER, `Broker ${brokerId} is not the leader of ${topic}-${index} (leader: ${p.leader}).`);
    return p;
  }

  /** Appends a produce payload on the leader; acks=-1 requires min.insync.replicas in the ISR. */
  produce(topic: string, index: number, brokerId: number, records: Buffer | null, acks: number): ProduceResult {
    const p = this.leaderPartition(topic, index, brokerId);
    const t = this.topics.get(topic) as Topic;
    const s = this.settings(t);
    if (acks !== 0 && acks !== 1 && acks !== -1) throw new KafkaError(ErrorCode.INVALID_REQUIRED_ACKS, `Invalid required acks ${acks}`);
    if (acks === -1 && p.isr.length < s.minInsyncReplicas) {
      throw new KafkaError(ErrorCode.NOT_ENOUGH_REPLICAS, `The size of the current ISR [${p.isr.join(', ')}] is insufficient to satisfy the min.isr requirement of ${s.minInsyncReplicas} for partition ${topic}-${index}`);
    }
    if (!records || records.length === 0) throw new KafkaError(ErrorCode.CORRUPT_MESSAGE, 'Produce request carries no records');
    const batches = splitBatches(records, s.maxMessageBytes).map(ownBytes);
    if (batches.some(isTransactional)) throw new KafkaError(ErrorCode.INVALID_TXN_STATE, 'Transactions are not supported by the dev cluster');
    if (!s.logAppendTime) for (const b of batches) checkTimestamps(b, this.now(), s.timestampBeforeMaxMs, s.timestampAfterMaxMs);
    if (batches.length === 1) {
      const dup = p.producers.duplicateOf(batches[0]);
      if (dup !== null) return { baseOffset: dup, logAppendTimeMs: -1, logStartOffset: p.logStartOffset };
    }
    const result = this.appendBatches(p, t, batches, acks === -1);
    let offset = result.baseOffset;
    for (const b of batches) {
      p.producers.record(b, offset);
      offset += b.readInt32BE(BATCH_OFFSETS.LAST_OFFSET_DELTA) + 1;
    }
    return result;
  }

  private appendBatches(p: Partition, t: Topic, batches: Buffer[], durable: boolean): ProduceResult {
    const s = this.settings(t);
    const now = this.now();
    const { baseOffset } = p.log.append(batches, {
      leaderEpoch: p.leaderEpoch,
      logAppendTime: s.logAppendTime ? now : null,
      now,
      segmentBytes: s.segmentBytes,
      segmentMs: s.segmentMs,
    });
    if (durable) p.log.sync();
    replicateFollowers(p, this.replicaView);
    p.updateHighWatermark();
    this.waiters.notify(partitionKey(p.topic, p.index));
    return { baseOffset, logAppendTimeMs: s.logAppendTime ? now : -1, logStartOffset: p.logStartOffset };
  }

  /** DeleteRecords: moves the log start offset (-1 means the high watermark). */
  deleteRecords(topic: string, index: number, brokerId: number, offset: number): number {
    const p = this.leaderPartition(topic, index, brokerId);
    const target = offset === -1 ? p.highWatermark : offset;
    if (target < 0 || target > p.highWatermark) {
      throw new KafkaError(ErrorCode.OFFSET_OUT_OF_RANGE, `Cannot increment the log start offset to ${target} of partition ${topic}-${index} since it is larger than the high watermark ${p.highWatermark}`);
    }
    p.log.advanceLogStart(target, this.now());
    return p.logStartOffset;
  }

  /** Runs time and size retention on every partition of delete-policy topics. */
  applyRetention(): void {
    const now = this.now();
    for (const t of this.topics.values()) {
      const s = this.settings(t);
      if (!s.deletePolicy) continue;
      for (const p of t.partitions) {
        if (p.log.applyRetention({ now, retentionMs: s.retentionMs, retentionBytes: s.retentionBytes })) p.updateHighWatermark();
      }
    }
  }

  nextProducerId(): number {
    return this.producerIdSeq++;
  }

  // ---- in-process access (demo mode) ---------------------------------------------------------

  appendRecords(topic: string, partition: number, records: PlainRecord[]): { baseOffset: number } {
    const t = this.topics.get(topic);
    const p = t?.partitions[partition];
    if (!t || !p) throw new KafkaError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `Unknown partition ${topic}-${partition}`);
    if (p.offline) throw new KafkaError(ErrorCode.LEADER_NOT_AVAILABLE, `Partition ${topic}-${partition} has no leader`);
    if (records.length === 0) return { baseOffset: p.logEndOffset };
    return { baseOffset: this.appendBatches(p, t, [buildBatch(records, this.now())], false).baseOffset };
  }

  readRecords(topic: string, partition: number, fromOffset: number, maxRecords: number): DecodedRecord[] {
    const p = this.partition(topic, partition);
    if (!p) throw new KafkaError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `Unknown partition ${topic}-${partition}`);
    const from = Math.max(fromOffset, p.logStartOffset);
    const out: DecodedRecord[] = [];
    const batches: StoredBatch[] = p.log.batchesFrom(from, p.highWatermark, Math.max(1, maxRecords));
    for (const b of batches) {
      for (const r of decodeStoredRecords(b.buf)) {
        if (r.offset >= from && out.length < maxRecords) out.push(r);
      }
      if (out.length >= maxRecords) break;
    }
    return out;
  }

  // ---- lifecycle -----------------------------------------------------------------------------

  /** Opens every broker's port; on failure closes what was opened and rethrows. */
  async start(): Promise<void> {
    try {
      for (const id of this.brokers.keys()) await this.startBroker(id);
    } catch (err) {
      await this.close();
      throw err;
    }
    this.startRetention();
  }

  /** Starts (or restarts) a broker on its port; its replicas catch up and rejoin the ISR. */
  async startBroker(id: number): Promise<void> {
    const b = this.brokers.get(id);
    if (!b) throw new Error(`Unknown broker ${id}`);
    if (b.live || this.closed) return;
    const server = new BrokerServer(this, b.info);
    const port = await server.listen(b.info.port);
    this.markStarted(id, server, port);
  }

  /** Stops a broker: its port closes, leadership moves to other in-sync replicas, it leaves the ISR. */
  async stopBroker(id: number): Promise<void> {
    const b = this.brokers.get(id);
    if (!b) throw new Error(`Unknown broker ${id}`);
    if (!b.live) return;
    const server = b.server;
    this.markStopped(id);
    await server?.close();
  }

  /** Runs before the cluster shuts down (demo producers, for instance). */
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
    const servers = [...this.brokers.values()].map((b) => b.server).filter((s) => s !== null);
    for (const b of this.brokers.values()) {
      b.live = false;
      b.server = null;
    }
    this.shutdown();
    await Promise.all(servers.map((s) => s.close()));
  }

  startRetention(): void {
    const interval = Number(this.configs.brokerValue(this.controllerId(), 'log.retention.check.interval.ms'));
    this.retentionTimer = setInterval(() => {
      try {
        this.applyRetention();
      } catch (err) {
        console.error('[devcluster] retention check failed', err);
      }
    }, interval);
    this.retentionTimer.unref();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Stops timers and closes logs; servers are closed by the caller first. */
  shutdown(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.retentionTimer) clearInterval(this.retentionTimer);
    this.waiters.notifyAll();
    this.groups.close();
    for (const t of this.topics.values()) for (const p of t.partitions) p.log.close();
  }
}
