import 'server-only';
import { kafkaErrorInfo } from '@/lib/protocol/errors';
import { DescribeLogDirs } from '@/lib/protocol/generated';
import { cached } from '../cache';
import { cacheKeys, LOG_DIRS_TTL_MS } from '../cache-keys';
import { getMetadata, liveBrokerIds } from '../metadata';
import { clusterRpc } from '../protocol-pool';

// Log directories of every live broker: one DescribeLogDirs per broker, in parallel. Sizes change
// slowly compared to leadership, so this is cached a little longer than metadata.

export interface ReplicaLog {
  topic: string;
  partition: number;
  size: number;
  offsetLag: number;
  isFuture: boolean;
}

export interface LogDirInfo {
  path: string;
  error: string | null;
  totalBytes: number | null;
  usableBytes: number | null;
  replicas: ReplicaLog[];
}

export interface BrokerLogDirs {
  brokerId: number;
  /** Null when the broker answered; otherwise why it could not be read. */
  error: string | null;
  dirs: LogDirInfo[];
  /** Sum of current (not future) replica sizes. */
  size: number;
}

export interface ClusterLogDirs {
  brokers: Map<number, BrokerLogDirs>;
  /** `${topic}\u0000${partition}` -> broker id -> bytes of that replica. */
  replicaSizes: Map<string, Map<number, number>>;
  fetchedAt: number;
}

export const replicaKey = (topic: string, partition: number) => `${topic}\u0000${partition}`;

export async function getClusterLogDirs(clusterId: string, force = false): Promise<ClusterLogDirs> {
  const { value } = await cached(cacheKeys.logDirs(clusterId), LOG_DIRS_TTL_MS, () => readLogDirs(clusterId), force);
  return value;
}

/** Bytes of one copy of a partition: the leader's replica, else the largest replica known. */
export function partitionSize(dirs: ClusterLogDirs, topic: string, partition: number, leader: number): number | null {
  const replicas = dirs.replicaSizes.get(replicaKey(topic, partition));
  if (!replicas || replicas.size === 0) return null;
  const fromLeader = replicas.get(leader);
  if (fromLeader !== undefined) return fromLeader;
  let max = 0;
  for (const size of replicas.values()) max = Math.max(max, size);
  return max;
}

async function readLogDirs(clusterId: string): Promise<ClusterLogDirs> {
  const [rpc, meta] = await Promise.all([clusterRpc(clusterId), getMetadata(clusterId)]);
  const brokers = new Map<number, BrokerLogDirs>();
  const replicaSizes = new Map<string, Map<number, number>>();
  await Promise.all(
    liveBrokerIds(meta).map(async (brokerId) => {
      try {
        const response = await rpc.broker(brokerId, DescribeLogDirs, { topics: null });
        if (response.errorCode) throw new Error(kafkaErrorInfo(response.errorCode).message);
        const dirs = response.results.map((d) => ({
          path: d.logDir,
          error: d.errorCode ? kafkaErrorInfo(d.errorCode).name : null,
          totalBytes: d.totalBytes !== undefined && d.totalBytes >= 0 ? d.totalBytes : null,
          usableBytes: d.usableBytes !== undefined && d.usableBytes >= 0 ? d.usableBytes : null,
          replicas: d.topics.flatMap((t) =>
            t.partitions.map((p) => ({
              topic: t.name,
              partition: p.partitionIndex,
              size: p.partitionSize,
              offsetLag: p.offsetLag,
              isFuture: p.isFutureKey,
            })),
          ),
        }));
        let size = 0;
        for (const dir of dirs) {
          for (const r of dir.replicas) {
            if (r.isFuture) continue;
            size += r.size;
            const key = replicaKey(r.topic, r.partition);
            let sizes = replicaSizes.get(key);
            if (!sizes) replicaSizes.set(key, (sizes = new Map()));
            sizes.set(brokerId, (sizes.get(brokerId) ?? 0) + r.size);
          }
        }
        brokers.set(brokerId, { brokerId, error: null, dirs, size });
      } catch (error) {
        brokers.set(brokerId, { brokerId, error: describeError(error), dirs: [], size: 0 });
      }
    }),
  );
  return { brokers, replicaSizes, fetchedAt: Date.now() };
}

function describeError(error: unknown): string {
  const e = error as { name?: string; message?: string };
  if (e?.name === 'UNSUPPORTED_VERSION' || e?.name === 'UnsupportedVersionError') {
    return 'This broker does not support DescribeLogDirs.';
  }
  return e?.message || String(error);
}
