import 'server-only';
import type { TopicDetail, TopicListQuery, TopicListResponse, TopicRow, TopicSortKey } from '@/lib/api/topics';
import { cached } from '../cache';
import { cacheKeys, TOPICS_TTL_MS } from '../cache-keys';
import { withDeadline } from '../deadline';
import { topicConfigSummaries, topicConfigSummary, type TopicConfigSummary } from './configs';
import { worstLagByTopic } from '../groups/worst-lag';
import { getClusterLogDirs, partitionSize, type ClusterLogDirs } from '../cluster/log-dirs';
import { getMetadata, getTopicMeta, isLeaderless, type ClusterMetadata, type TopicMeta } from '../metadata';
import { allPartitionOffsets, listPartitionOffsets, type OffsetsByTopic } from '../offsets';
import type { Visibility } from '../visibility';

// The topic list is served from one cached snapshot of the whole cluster (one Metadata, one
// ListOffsets per leader and side, one DescribeLogDirs per broker, batched DescribeConfigs), then
// filtered, sorted and paginated on the server so the browser only ever receives one page.

const LAG_WAIT_MS = 1_500;

export type SnapshotRow = Omit<TopicRow, 'worstLag'>;

export interface TopicsSnapshot {
  rows: SnapshotRow[];
  internalCount: number;
  fetchedAt: number;
  /** Sorted copies by `${key}:${dir}`, built on first use and kept for the snapshot's life. */
  sorted: Map<string, SnapshotRow[]>;
}

export async function topicsSnapshot(clusterId: string, force = false): Promise<TopicsSnapshot> {
  const { value } = await cached(cacheKeys.topicsSnapshot(clusterId), TOPICS_TTL_MS, () => readSnapshot(clusterId, force), force);
  return value;
}

/**
 * `lagWaitMs`: how long consumer lag may hold the answer up; it is filled in by a later poll
 * otherwise. With a `visibility`, hidden topics are left out of the page and of every count, and
 * a topic's worst lag is that of the worst group the caller may see.
 */
export async function listTopics(clusterId: string, query: TopicListQuery, lagWaitMs = LAG_WAIT_MS, visibility?: Visibility): Promise<TopicListResponse> {
  const groupVisible = visibility?.group;
  const lag = withDeadline(worstLagByTopic(clusterId, groupVisible && ((group, topic) => groupVisible(group, [topic]))), lagWaitMs);
  const snapshot = await topicsSnapshot(clusterId, query.refresh);
  const worst = await lag;
  const visible = visibility?.topic;
  const page = queryTopics(snapshot, query, worst ?? undefined, visible);
  const rows = visible ? snapshot.rows.filter((r) => visible(r.name)) : snapshot.rows;
  return {
    ...page,
    totalAll: rows.length,
    internalCount: visible ? rows.filter((r) => r.internal).length : snapshot.internalCount,
    lagAvailable: worst !== null,
    fetchedAt: snapshot.fetchedAt,
  };
}

type LagMap = Map<string, { group: string; lag: number }>;

/** Filter, sort and paginate (pure; exported for tests). `visible` leaves out the topics the caller may not see. */
export function queryTopics(
  snapshot: TopicsSnapshot,
  query: Pick<TopicListQuery, 'q' | 'sort' | 'dir' | 'page' | 'pageSize' | 'internal'>,
  lag?: LagMap,
  visible?: (topic: string) => boolean,
): Pick<TopicListResponse, 'items' | 'total' | 'page' | 'pageSize' | 'pageCount'> {
  const terms = query.q.trim().toLowerCase().split(/\s+/).filter(Boolean);
  // Filtering the shared sorted copy keeps its cache: a limited caller costs one pass, not a sort.
  const sorted = sortedRows(snapshot, query.sort, query.dir, lag);
  const matches = sorted.filter(
    (row) => (query.internal || !row.internal) && (!visible || visible(row.name)) && terms.every((t) => row.name.toLowerCase().includes(t)),
  );
  const pageCount = Math.max(1, Math.ceil(matches.length / query.pageSize));
  const page = Math.min(query.page, pageCount);
  const start = (page - 1) * query.pageSize;
  const items = matches
    .slice(start, start + query.pageSize)
    .map((row) => ({ ...row, worstLag: lag?.get(row.name) ?? null }));
  return { items, total: matches.length, page, pageSize: query.pageSize, pageCount };
}

function sortedRows(snapshot: TopicsSnapshot, key: TopicSortKey, dir: 'asc' | 'desc', lag?: LagMap): SnapshotRow[] {
  // Lag changes independently of the snapshot, so that order is never kept.
  const cacheKey = `${key}:${dir}`;
  if (key !== 'lag') {
    const hit = snapshot.sorted.get(cacheKey);
    if (hit) return hit;
  }
  const value = sortValue(key, lag);
  const sign = dir === 'asc' ? 1 : -1;
  const rows = [...snapshot.rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    // Unknown values sort last whichever the direction.
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
    const c = va < vb ? -1 : va > vb ? 1 : 0;
    return c !== 0 ? c * sign : byName(a, b) * (key === 'name' ? sign : 1);
  });
  if (key !== 'lag') snapshot.sorted.set(cacheKey, rows);
  return rows;
}

function sortValue(key: TopicSortKey, lag?: LagMap): (row: SnapshotRow) => string | number | null {
  switch (key) {
    case 'name':
      return (r) => r.name;
    case 'lag':
      return (r) => lag?.get(r.name)?.lag ?? null;
    case 'cleanupPolicy':
      return (r) => r.cleanupPolicy;
    default:
      return (r) => r[key];
  }
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

async function readSnapshot(clusterId: string, force: boolean): Promise<TopicsSnapshot> {
  const meta = await getMetadata(clusterId, force);
  // Each part may fail on its own (a broker down, no permission): its columns then show "unknown".
  const [earliest, latest, dirs, summaries] = await Promise.all([
    allPartitionOffsets(clusterId, 'earliest', force).then((c) => c.value, () => null),
    allPartitionOffsets(clusterId, 'latest', force).then((c) => c.value, () => null),
    getClusterLogDirs(clusterId, force).catch(() => null),
    topicConfigSummaries(clusterId, force).catch(() => null),
  ]);
  const rows = meta.topics.map((t) => topicRow(t, meta, earliest, latest, dirs, summaries?.get(t.name)));
  return {
    rows,
    internalCount: rows.filter((r) => r.internal).length,
    fetchedAt: meta.fetchedAt,
    sorted: new Map(),
  };
}

function topicRow(
  t: TopicMeta,
  meta: ClusterMetadata,
  earliest: OffsetsByTopic | null,
  latest: OffsetsByTopic | null,
  dirs: ClusterLogDirs | null,
  summary: TopicConfigSummary | undefined,
): SnapshotRow {
  const minIsr = summary?.minInsyncReplicas ?? null;
  let underReplicated = 0;
  let underMinIsr = 0;
  let offline = 0;
  let size: number | null = null;
  let messages: number | null = null;
  const start = earliest?.get(t.name);
  const end = latest?.get(t.name);
  for (const p of t.partitions) {
    if (p.isr.length < p.replicas.length) underReplicated += 1;
    const leaderless = isLeaderless(p, meta);
    // As kafka-topics.sh --under-min-isr-partitions: a partition without a leader is under min ISR.
    if (minIsr !== null && (leaderless || p.isr.length < minIsr)) underMinIsr += 1;
    if (leaderless) offline += 1;
    const bytes = dirs ? partitionSize(dirs, t.name, p.partition, p.leader) : null;
    if (bytes !== null) size = (size ?? 0) + bytes;
    const from = start?.get(p.partition);
    const to = end?.get(p.partition);
    if (from !== undefined && to !== undefined) messages = (messages ?? 0) + Math.max(0, to - from);
  }
  if (dirs && size === null && t.partitions.length > 0 && dirs.brokers.size > 0) size = 0;
  if (earliest && latest && messages === null && t.partitions.length === 0) messages = 0;
  return {
    name: t.name,
    internal: t.internal,
    partitions: t.partitions.length,
    replicationFactor: replicationFactor(t),
    underReplicated,
    underMinIsr,
    offline,
    size,
    messages,
    cleanupPolicy: summary?.cleanupPolicy ?? null,
  };
}

export async function getTopicDetail(clusterId: string, topic: string, force = false): Promise<TopicDetail> {
  const { value } = await cached(cacheKeys.topicDetail(clusterId, topic), TOPICS_TTL_MS, () => readTopicDetail(clusterId, topic, force), force);
  return value;
}

async function readTopicDetail(clusterId: string, topic: string, force: boolean): Promise<TopicDetail> {
  const t = await getTopicMeta(clusterId, topic, force);
  const meta = await getMetadata(clusterId);
  const refs = t.partitions.map((p) => ({ topic, partition: p.partition }));
  const [earliest, latest, dirs, summary] = await Promise.all([
    listPartitionOffsets(clusterId, refs, 'earliest').catch(() => null),
    listPartitionOffsets(clusterId, refs, 'latest').catch(() => null),
    getClusterLogDirs(clusterId, force).catch(() => null),
    topicConfigSummary(clusterId, topic).catch(() => null),
  ]);
  const minIsr = summary?.minInsyncReplicas ?? null;
  const partitions = t.partitions.map((p) => {
    const from = earliest?.get(topic)?.get(p.partition) ?? null;
    const to = latest?.get(topic)?.get(p.partition) ?? null;
    const offline = isLeaderless(p, meta);
    return {
      partition: p.partition,
      leader: p.leader >= 0 ? p.leader : null,
      leaderEpoch: p.leaderEpoch,
      replicas: p.replicas,
      isr: p.isr,
      outOfSync: p.replicas.filter((r) => !p.isr.includes(r)),
      offlineReplicas: [...new Set([...p.offlineReplicas, ...p.replicas.filter((r) => !meta.onlineBrokerIds.has(r))])],
      earliest: from,
      latest: to,
      messages: from !== null && to !== null ? Math.max(0, to - from) : null,
      size: dirs ? partitionSize(dirs, topic, p.partition, p.leader) : null,
      underReplicated: p.isr.length < p.replicas.length,
      underMinIsr: minIsr !== null && (offline || p.isr.length < minIsr),
      offline,
    };
  });
  const sum = (values: (number | null)[]) =>
    values.some((v) => v !== null) ? values.reduce<number>((a, v) => a + (v ?? 0), 0) : null;
  return {
    name: t.name,
    topicId: t.topicId,
    internal: t.internal,
    replicationFactor: replicationFactor(t),
    minInsyncReplicas: minIsr,
    cleanupPolicy: summary?.cleanupPolicy ?? null,
    partitions,
    totals: {
      size: sum(partitions.map((p) => p.size)),
      messages: sum(partitions.map((p) => p.messages)),
      underReplicated: partitions.filter((p) => p.underReplicated).length,
      underMinIsr: partitions.filter((p) => p.underMinIsr).length,
      offline: partitions.filter((p) => p.offline).length,
    },
    fetchedAt: Date.now(),
  };
}

export function replicationFactor(t: TopicMeta): number {
  return t.partitions.reduce((max, p) => Math.max(max, p.replicas.length), 0);
}
