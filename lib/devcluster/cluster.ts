import os from 'node:os';
import path from 'node:path';
import { BATCH_OFFSETS } from '@/lib/protocol/records/batch';
import { brokerIdentityConfigs, DEV_STATIC_CONFIGS, restoreDynamicConfigs, storedDynamicConfigs } from './config/dev-broker-configs';
import { ConfigStore } from './config/store';
import { KafkaError } from './errors';
import { ErrorCode } from '@/lib/protocol/errors';
import { GroupCoordinator } from './groups/coordinator';
import { offsetsPartitionFor, type OffsetsRecord } from './groups/offsets-records';
import { OFFSETS_TOPIC, OffsetsTopicStore } from './groups/offsets-topic';
import type { BrokerInfo } from './handlers/types';
import { buildBatch, type PlainRecord } from './log/build-batch';
import { PartitionLog } from './log/partition-log';
import { acceptedBatches, type ProduceResult } from './log/produce-rules';
import { decodeStoredRecords, readPartitionRecords, type DecodedRecord } from './log/read-records';
import { normaliseUsers, type DevClusterOptions } from './options';
import { ClusterLifecycle } from './lifecycle';
import type { BrokerServer } from './server';
import { Partition } from './state/partition';
import { electPreferred, electUnclean, reconcilePartition, replicateFollowers, type ReplicaView } from './state/replication';
import { QuorumState } from './state/quorum';
import { Topic, type TopicSettings } from './state/topic';
import { collisionKey } from './state/topic-name';
import { newUuid, planNewTopic, planPartitionGrowth, type CreateTopicInput } from './state/topic-plan';
import { DataWaiters, partitionKey } from './state/waiters';
import { ClusterDisk } from './storage/cluster-disk';
import type { LogStorage } from './storage/types';

export interface BrokerNode {
  info: BrokerInfo;
  live: boolean;
  server: BrokerServer | null;
  logDir: string;
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
  /** The Schema Registry's base URL when the cluster serves one (options.schemaRegistry). */
  schemaRegistryUrl: string | undefined = undefined;
  /** Bumped whenever anything a Metadata response shows changes (topics, leaders, ISR, brokers). */
  metadataVersion = 0;
  /** The KRaft quorum DescribeQuorum reports (every broker a voter, the controller its leader). */
  readonly quorum = new QuorumState();
  private readonly collisions = new Map<string, string>();
  private producerIdSeq = 1000;
  private readonly lifecycle = new ClusterLifecycle(this);

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
    this.configs = new ConfigStore({ ...DEV_STATIC_CONFIGS, ...(options.brokerConfigs ?? {}) }, (id) =>
      brokerIdentityConfigs(id, this.brokers.get(id), { autoCreateTopics: this.autoCreateTopics, sasl: this.users.size > 0 }),
    );
    if (stored) restoreDynamicConfigs(this.configs, stored.brokerConfigs);
    this.loadTopics();
    this.saveClusterMeta();
    this.groups = new GroupCoordinator(this, {
      store: new OffsetsTopicStore({
        offsetsPartitions: () => this.topics.get(OFFSETS_TOPIC)?.partitions.length ?? 0,
        appendOffsetsRecords: (partition, records) => this.appendOffsetsRecords(partition, records),
        readOffsetsRecords: (partition) => this.readAllRecords(OFFSETS_TOPIC, partition),
        now: () => this.now(),
      }),
      coordinatorFor: (key) => this.coordinatorFor(key),
    });
  }

  // ---- __consumer_offsets ---------------------------------------------------------------------

  /**
   * Creates the internal offsets topic as Kafka does on first use: offsets.topic.num.partitions
   * partitions, replication min(offsets.topic.replication.factor, brokers), compacted.
   */
  ensureOffsetsTopic(): void {
    if (this.topics.has(OFFSETS_TOPIC)) return;
    const controller = this.controllerId();
    const partitions = Number(this.configs.brokerValue(controller, 'offsets.topic.num.partitions'));
    const rf = Math.min(Number(this.configs.brokerValue(controller, 'offsets.topic.replication.factor')), this.liveBrokerIds().length);
    this.createTopic({
      name: OFFSETS_TOPIC,
      partitions,
      replicationFactor: rf,
      configs: { 'cleanup.policy': 'compact', 'compression.type': 'producer', 'segment.bytes': '104857600' },
    });
  }

  /** The broker coordinating a group: the leader of its __consumer_offsets partition (Kafka's rule). */
  private coordinatorFor(key: string): number | null {
    const t = this.topics.get(OFFSETS_TOPIC);
    if (!t) {
      const live = this.liveBrokerIds().sort((a, b) => a - b);
      return live.length === 0 ? null : live[offsetsPartitionFor(key, live.length)];
    }
    const p = t.partitions[offsetsPartitionFor(key, t.partitions.length)];
    return p.offline || !this.isLive(p.leader) ? null : p.leader;
  }

  private appendOffsetsRecords(partition: number, records: OffsetsRecord[]): void {
    this.appendRecords(OFFSETS_TOPIC, partition, records.map((r) => ({ key: r.key, value: r.value, headers: [] })));
  }

  /** Every record of a partition, in offset order (replaying the offsets topic on start). */
  private *readAllRecords(topic: string, partition: number): Generator<DecodedRecord> {
    const p = this.partition(topic, partition);
    if (!p) return;
    for (const b of p.log.batchesFrom(p.logStartOffset, p.logEndOffset, Number.MAX_SAFE_INTEGER)) {
      yield* decodeStoredRecords(b.buf);
    }
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

  /** Holds a follower back so it drops out of the ISR (under-replicated), or lets it catch up. */
  setFollowerLag(topic: string, partition: number, brokerId: number, lagging: boolean): void {
    this.lifecycle.setFollowerLag(topic, partition, brokerId, lagging);
  }

  /** Followers held back by setFollowerLag, as `topic/partition\u0000broker` → when the hold began (ms). */
  readonly lagging = new Map<string, number>();

  /**
   * Changes a static broker config (null removes it) as if every broker had been restarted with
   * it in server.properties — for faults and tests, e.g. auto.leader.rebalance.enable=false.
   */
  setStaticBrokerConfig(name: string, value: string | null): void {
    if (value === null) this.configs.staticConfigs.delete(name);
    else this.configs.staticConfigs.set(name, value);
    this.configs.version++;
  }

  /** replica.lag.time.max.ms: how long a follower may fail to catch up before it leaves the ISR. */
  replicaLagTimeMaxMs(): number {
    return Number(this.configs.brokerValue(this.controllerId(), 'replica.lag.time.max.ms'));
  }

  /** How replication sees the brokers: live, and whether a follower is held back (and for how long). */
  readonly replicaView: ReplicaView = {
    isLive: (id) => this.isLive(id),
    isHeld: (p, id) => this.lagging.has(`${partitionKey(p.topic, p.index)}\u0000${id}`),
    isLagging: (p, id) => {
      const since = this.lagging.get(`${partitionKey(p.topic, p.index)}\u0000${id}`);
      return since !== undefined && Date.now() - since >= this.replicaLagTimeMaxMs();
    },
    autoLeaderRebalance: () => this.configs.brokerValue(this.controllerId(), 'auto.leader.rebalance.enable') !== 'false',
  };

  /**
   * ElectLeaders: preferred or unclean election for the given partitions (null: every partition,
   * answering only for those where an election ran or failed for another reason than not being needed).
   */
  electLeaders(type: 'preferred' | 'unclean', partitions: { topic: string; partitions: number[] }[] | null): { topic: string; partition: number; errorCode: number }[] {
    const all = partitions === null;
    const wanted = partitions ?? [...this.topics.values()].map((t) => ({ topic: t.name, partitions: t.partitions.map((p) => p.index) }));
    const results: { topic: string; partition: number; errorCode: number }[] = [];
    for (const { topic, partitions: indexes } of wanted) {
      for (const index of indexes) {
        const p = this.partition(topic, index);
        const errorCode = !p ? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION : type === 'preferred' ? electPreferred(p, this.replicaView) : electUnclean(p, this.replicaView);
        if (errorCode === ErrorCode.NONE) this.waiters.notify(partitionKey(topic, index));
        if (!(all && errorCode === ErrorCode.ELECTION_NOT_NEEDED)) results.push({ topic, partition: index, errorCode });
      }
    }
    this.metadataVersion++;
    return results;
  }

  /** Re-elects leaders and recomputes every ISR after a broker came or went. */
  reconcileAll(): void {
    let changed = false;
    for (const t of this.topics.values()) {
      const unclean = this.settings(t).uncleanLeaderElection;
      for (const p of t.partitions) if (reconcilePartition(p, this.replicaView, unclean)) changed = true;
    }
    this.metadataVersion++;
    this.observeQuorum();
    if (changed) this.waiters.notifyAll();
  }

  /** Records every live voter as caught up to the current metadata offset. */
  observeQuorum(): void {
    this.quorum.observe(this.controllerId(), [...this.brokers.keys()], (id) => this.isLive(id), this.metadataVersion, Date.now());
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
    return planNewTopic(input, {
      exists: (name) => this.topics.has(name),
      collidesWith: (name) => this.collisions.get(collisionKey(name)),
      knownBroker: (id) => this.brokers.has(id),
      liveBrokerIds: this.liveBrokerIds(),
      totalPartitions: this.totalPartitions(),
      brokerDefault: (name) => Number(this.configs.brokerValue(this.controllerId(), name)),
    });
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
    this.persist(topic);
    this.register(topic);
    return topic;
  }

  private persist(topic: Topic): void {
    this.disk?.saveTopic({ name: topic.name, topicId: topic.topicId, configs: Object.fromEntries(topic.configs), replicas: topic.partitions.map((p) => p.replicas) });
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
    if (topic.internal) throw new KafkaError(ErrorCode.INVALID_REQUEST, `Topic ${name} is an internal topic and cannot be deleted.`);
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
    const plan = planPartitionGrowth(topic, count, assignments, { knownBroker: (id) => this.brokers.has(id), liveBrokerIds: this.liveBrokerIds(), totalPartitions: this.totalPartitions() });
    if (validateOnly) return;
    plan.forEach((replicas, i) => topic.partitions.push(this.newPartition(name, current + i, replicas, this.disk?.partitionDir(name, current + i) ?? null)));
    this.persist(topic);
    this.metadataVersion++;
  }

  /** Replaces a topic's config overrides (already validated). */
  setTopicConfigs(name: string, configs: Map<string, string>): void {
    const topic = this.topics.get(name);
    if (!topic) throw new KafkaError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `Topic ${name} does not exist.`);
    topic.configs = configs;
    topic.configsChanged();
    this.persist(topic);
    this.applyRetention();
  }

  /** Replaces the dynamic configs of one broker, or the cluster-wide default when brokerId is null. */
  setBrokerConfigs(brokerId: number | null, configs: Map<string, string>): void {
    this.configs.setDynamic(brokerId, configs);
    this.saveClusterMeta();
    this.applyRetention();
  }

  private saveClusterMeta(): void {
    this.disk?.saveCluster({ clusterId: this.clusterId, brokerConfigs: storedDynamicConfigs(this.configs, this.brokers.keys()) });
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
    const batches = acceptedBatches(p, s, records, acks, this.now());
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

  /** The log cleaner's round: compacts compact-policy topics, then runs time and size retention on delete-policy ones. */
  applyRetention(): void {
    const now = this.now();
    for (const t of this.topics.values()) {
      const s = this.settings(t);
      for (const p of t.partitions) {
        if (s.compactPolicy) {
          p.log.compact({ now, deleteRetentionMs: s.deleteRetentionMs, minCleanableDirtyRatio: s.minCleanableDirtyRatio, minCompactionLagMs: s.minCompactionLagMs });
        }
        if (s.deletePolicy && p.log.applyRetention({ now, retentionMs: s.retentionMs, retentionBytes: s.retentionBytes })) p.updateHighWatermark();
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
    return readPartitionRecords(p, fromOffset, maxRecords);
  }

  // ---- lifecycle (ClusterLifecycle) ---------------------------------------------------------

  /** Opens every broker's port; on failure closes what was opened and rethrows. */
  start(): Promise<void> {
    return this.lifecycle.start();
  }

  /** Starts (or restarts) a broker on its port; its replicas catch up and rejoin the ISR. */
  startBroker(id: number): Promise<void> {
    return this.lifecycle.startBroker(id);
  }

  /** Stops a broker: its port closes, leadership moves to other in-sync replicas, it leaves the ISR. */
  stopBroker(id: number): Promise<void> {
    return this.lifecycle.stopBroker(id);
  }

  /** Runs before the cluster shuts down (demo producers, for instance). */
  onClose(hook: () => Promise<void> | void): void {
    this.lifecycle.onClose(hook);
  }

  close(): Promise<void> {
    return this.lifecycle.close();
  }

  startRetention(): void {
    this.lifecycle.startRetention();
  }

  get isClosed(): boolean {
    return this.lifecycle.isClosed;
  }

  /** Stops timers and closes logs; servers are closed by the caller first. */
  shutdown(): void {
    this.lifecycle.shutdown();
  }
}
