import 'server-only';
import { ErrorCode } from '@/lib/protocol/errors';
import { ListOffsets } from '@/lib/protocol/generated';
import { cached, type Cached } from './cache';
import { ALL_OFFSETS_TTL_MS, cacheKeys } from './cache-keys';
import { getMetadata, type ClusterMetadata, type PartitionMeta } from './metadata';
import { clusterRpc, type ClusterRpc } from './protocol-pool';

// Log offsets for many partitions at once: ONE ListOffsets request per partition leader, all
// leaders in parallel. Partitions whose leader moved are retried once against fresh metadata.

export interface PartitionRef {
  topic: string;
  partition: number;
}

/** 'earliest' (log start), 'latest' (high watermark) or a timestamp in ms (first offset at or after it). */
export type OffsetSpec = 'earliest' | 'latest' | number;

/**
 * topic -> partition -> offset. A partition that has no leader, or whose leader could not answer,
 * is absent (unknown, never guessed). For a timestamp with no later record Kafka answers -1.
 */
export type OffsetsByTopic = Map<string, Map<number, number>>;

const EARLIEST = -2;
const LATEST = -1;
// Errors after which the leader may have moved; fresh metadata and one more try usually succeed.
const RETRIABLE = new Set<number>([
  ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
  ErrorCode.LEADER_NOT_AVAILABLE,
  ErrorCode.NOT_LEADER_OR_FOLLOWER,
  ErrorCode.REQUEST_TIMED_OUT,
  ErrorCode.NETWORK_EXCEPTION,
  ErrorCode.FENCED_LEADER_EPOCH,
  ErrorCode.UNKNOWN_LEADER_EPOCH,
  ErrorCode.OFFSET_NOT_AVAILABLE,
]);

export async function listPartitionOffsets(
  clusterId: string,
  partitions: PartitionRef[] | 'all',
  which: OffsetSpec,
): Promise<OffsetsByTopic> {
  const timestamp = which === 'earliest' ? EARLIEST : which === 'latest' ? LATEST : which;
  if (!Number.isFinite(timestamp)) throw new TypeError(`Invalid offset spec: ${String(which)}`);
  const rpc = await clusterRpc(clusterId);
  const result: OffsetsByTopic = new Map();
  let meta = await getMetadata(clusterId);
  const first = await listOnce(rpc, meta, resolve(meta, partitions), timestamp, result);
  if (first.retry.length === 0) return result;
  meta = await getMetadata(clusterId, true);
  const second = await listOnce(rpc, meta, resolve(meta, first.retry), timestamp, result);
  // Nothing answered at all: the caller gets the failure rather than an empty table.
  if (result.size === 0 && second.errors.length > 0) throw second.errors[0];
  return result;
}

/**
 * Log start or end offsets of every partition, cached: the topic list and the sampler share one
 * round of ListOffsets. `fetchedAt` is when they were read, which rates are measured with.
 */
export function allPartitionOffsets(clusterId: string, which: 'earliest' | 'latest', force = false): Promise<Cached<OffsetsByTopic>> {
  return cached(cacheKeys.allOffsets(clusterId, which), ALL_OFFSETS_TTL_MS, () => listPartitionOffsets(clusterId, 'all', which), force);
}

interface Located {
  topic: string;
  meta: PartitionMeta;
}

function resolve(meta: ClusterMetadata, partitions: PartitionRef[] | 'all'): Located[] {
  if (partitions === 'all') {
    return meta.topics.flatMap((t) => t.partitions.map((p) => ({ topic: t.name, meta: p })));
  }
  const out: Located[] = [];
  for (const ref of partitions) {
    const topic = meta.topicsByName.get(ref.topic);
    if (!topic) continue;
    const p = topic.partitions[ref.partition]?.partition === ref.partition
      ? topic.partitions[ref.partition]
      : topic.partitions.find((x) => x.partition === ref.partition);
    if (p) out.push({ topic: ref.topic, meta: p });
  }
  return out;
}

async function listOnce(
  rpc: ClusterRpc,
  meta: ClusterMetadata,
  located: Located[],
  timestamp: number,
  result: OffsetsByTopic,
): Promise<{ retry: PartitionRef[]; errors: unknown[] }> {
  const byLeader = new Map<number, Map<string, number[]>>();
  const retry: PartitionRef[] = [];
  for (const { topic, meta: p } of located) {
    if (p.leader < 0) continue;
    if (!meta.onlineBrokerIds.has(p.leader)) {
      retry.push({ topic, partition: p.partition });
      continue;
    }
    let topics = byLeader.get(p.leader);
    if (!topics) byLeader.set(p.leader, (topics = new Map()));
    let list = topics.get(topic);
    if (!list) topics.set(topic, (list = []));
    list.push(p.partition);
  }
  const errors: unknown[] = [];
  await Promise.all(
    [...byLeader].map(async ([leader, topics]) => {
      try {
        const response = await rpc.broker(leader, ListOffsets, {
          replicaId: -1,
          isolationLevel: 0,
          timeoutMs: 10_000,
          topics: [...topics].map(([name, parts]) => ({
            name,
            partitions: parts.map((partitionIndex) => ({ partitionIndex, timestamp, currentLeaderEpoch: -1, maxNumOffsets: 1 })),
          })),
        });
        for (const t of response.topics) {
          for (const p of t.partitions) {
            if (p.errorCode === ErrorCode.NONE) {
              const offset = p.offset !== undefined && p.offset !== -1 ? p.offset : (p.oldStyleOffsets?.[0] ?? -1);
              let map = result.get(t.name);
              if (!map) result.set(t.name, (map = new Map()));
              map.set(p.partitionIndex, offset);
            } else if (RETRIABLE.has(p.errorCode)) {
              retry.push({ topic: t.name, partition: p.partitionIndex });
            }
          }
        }
      } catch (error) {
        errors.push(error);
        for (const [topic, parts] of topics) for (const partition of parts) retry.push({ topic, partition });
      }
    }),
  );
  return { retry, errors };
}
