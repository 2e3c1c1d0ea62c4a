import 'server-only';
import { notFound } from '@/lib/api/errors';
import { ErrorCode } from '@/lib/protocol/errors';
import { cached } from './cache';
import { cacheKeys, METADATA_TTL_MS } from './cache-keys';
import { clusterRpc } from './protocol-pool';
import { ensureSampler } from './traffic/sampler';

// One Metadata request for every topic, normalised to the console's own shape and cached briefly.
// Kafka lists only live brokers, so brokers still named as replicas but missing are reported as
// offline rather than silently disappearing.

export interface BrokerNode {
  id: number;
  host: string | null;
  port: number | null;
  rack: string | null;
  online: boolean;
}

export interface PartitionMeta {
  partition: number;
  /** -1 when the partition has no leader. */
  leader: number;
  leaderEpoch: number | null;
  replicas: number[];
  isr: number[];
  offlineReplicas: number[];
  errorCode: number;
}

export interface TopicMeta {
  name: string;
  topicId: string | null;
  internal: boolean;
  partitions: PartitionMeta[];
}

export interface ClusterMetadata {
  kafkaClusterId: string | null;
  controllerId: number | null;
  /** Every broker the console knows of, online or not, by id. */
  brokers: BrokerNode[];
  onlineBrokerIds: Set<number>;
  topics: TopicMeta[];
  topicsByName: Map<string, TopicMeta>;
  fetchedAt: number;
}

const ZERO_UUID = 'AAAAAAAAAAAAAAAAAAAAAA';
// Topic error codes that still come with a usable (possibly partial) description.
const USABLE_TOPIC_ERRORS = new Set<number>([ErrorCode.NONE, ErrorCode.LEADER_NOT_AVAILABLE, ErrorCode.REPLICA_NOT_AVAILABLE]);

/** Partition errors after which the leader may have moved: fresh metadata and one more try. */
export const LEADER_MOVED_ERRORS: ReadonlySet<number> = new Set<number>([
  ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
  ErrorCode.LEADER_NOT_AVAILABLE,
  ErrorCode.NOT_LEADER_OR_FOLLOWER,
  ErrorCode.FENCED_LEADER_EPOCH,
  ErrorCode.UNKNOWN_LEADER_EPOCH,
]);

const seenKey = Symbol.for('kafka-console.seen-brokers');
type GlobalWithSeen = typeof globalThis & { [seenKey]?: Map<string, Map<number, BrokerNode>> };
const seenBrokers = ((globalThis as GlobalWithSeen)[seenKey] ??= new Map());

export async function getMetadata(clusterId: string, force = false): Promise<ClusterMetadata> {
  const { value } = await cached(cacheKeys.metadata(clusterId), METADATA_TTL_MS, () => readMetadata(clusterId), force);
  // A cluster that answered is a configured one: from now on it is sampled (lib/kafka/traffic).
  ensureSampler(clusterId);
  return value;
}

/** A miss in metadata older than this is checked against a fresh read before it becomes a 404. */
const MISS_RECHECK_MS = 1_000;

/** The topic's metadata, or a 404 naming it. */
export async function getTopicMeta(clusterId: string, topic: string, force = false): Promise<TopicMeta> {
  let meta = await getMetadata(clusterId, force);
  // A topic another client created a moment ago is missing from metadata cached before it.
  if (!meta.topicsByName.has(topic) && Date.now() - meta.fetchedAt > MISS_RECHECK_MS) meta = await getMetadata(clusterId, true);
  const found = meta.topicsByName.get(topic);
  if (!found) throw notFound(`Topic "${topic}" does not exist in this cluster.`);
  return found;
}

async function readMetadata(clusterId: string): Promise<ClusterMetadata> {
  const rpc = await clusterRpc(clusterId);
  const response = await rpc.metadata();
  const topics: TopicMeta[] = [];
  for (const t of response.topics) {
    if (!t.name || !USABLE_TOPIC_ERRORS.has(t.errorCode)) continue;
    topics.push({
      name: t.name,
      topicId: t.topicId && t.topicId !== ZERO_UUID ? t.topicId : null,
      internal: t.isInternal ?? t.name.startsWith('__'),
      partitions: t.partitions
        .map((p) => ({
          partition: p.partitionIndex,
          leader: p.leaderId,
          leaderEpoch: p.leaderEpoch !== undefined && p.leaderEpoch >= 0 ? p.leaderEpoch : null,
          replicas: p.replicaNodes,
          isr: p.isrNodes,
          offlineReplicas: p.offlineReplicas ?? [],
          errorCode: p.errorCode,
        }))
        .sort((a, b) => a.partition - b.partition),
    });
  }
  topics.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const live = response.brokers.map((b) => ({ id: b.nodeId, host: b.host, port: b.port, rack: b.rack ?? null, online: true }));
  const controllerId = response.controllerId !== undefined && response.controllerId >= 0 ? response.controllerId : null;
  return {
    kafkaClusterId: response.clusterId ?? null,
    controllerId,
    brokers: withOfflineBrokers(clusterId, live, topics),
    onlineBrokerIds: new Set(live.map((b) => b.id)),
    topics,
    topicsByName: new Map(topics.map((t) => [t.name, t])),
    fetchedAt: Date.now(),
  };
}

/**
 * Live brokers plus offline ones: a missing broker still named as a replica is an outage, so it is
 * listed offline (with its last known address). One no partition names was decommissioned, and is
 * forgotten rather than reported down forever.
 */
export function withOfflineBrokers(clusterId: string, live: BrokerNode[], topics: TopicMeta[]): BrokerNode[] {
  let seen = seenBrokers.get(clusterId);
  if (!seen) seenBrokers.set(clusterId, (seen = new Map()));
  for (const b of live) seen.set(b.id, b);
  const all = new Map<number, BrokerNode>(live.map((b) => [b.id, b]));
  const replicaIds = new Set<number>();
  for (const t of topics) for (const p of t.partitions) for (const r of p.replicas) if (r >= 0) replicaIds.add(r);
  for (const id of seen.keys()) if (!all.has(id) && !replicaIds.has(id)) seen.delete(id);
  for (const id of replicaIds) {
    if (all.has(id)) continue;
    const last = seen.get(id);
    all.set(id, { id, host: last?.host ?? null, port: last?.port ?? null, rack: last?.rack ?? null, online: false });
  }
  return [...all.values()].sort((a, b) => a.id - b.id);
}

/** Live broker ids, for requests that go to every broker. */
export function liveBrokerIds(meta: ClusterMetadata): number[] {
  return [...meta.onlineBrokerIds].sort((a, b) => a - b);
}

/** No leader, or a leader the cluster no longer lists (metadata can lag a crash briefly). */
export function isLeaderless(p: PartitionMeta, meta: ClusterMetadata): boolean {
  return p.leader < 0 || !meta.onlineBrokerIds.has(p.leader);
}
