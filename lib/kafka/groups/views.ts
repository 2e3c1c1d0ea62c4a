import 'server-only';
import type { GroupPartition, GroupSummary, Health, TopicConsumer } from '@/lib/api/groups';
import { evaluateHealth, type HealthPartition } from '@/lib/lag/health';
import type { LagHistory } from '@/lib/lag/history';
import { totalLag, worstPartition } from '@/lib/lag/partition-lag';
import { groupLags, type PartitionLagRow } from './lags';
import type { ClusterMetadata } from '@/lib/kafka/metadata';
import { restrictGroup } from '@/lib/kafka/visibility';
import { partitionKey, type GroupsSnapshot, type RawGroup } from './types';

// Turns what the brokers said (a snapshot) plus what we watched (the history) into the API's shapes.

export interface GroupView {
  summary: GroupSummary;
  lags: Map<string, PartitionLagRow[]>;
}

/**
 * `visibleTopic` restricts the group to the topics the caller may see before anything is computed:
 * lag totals, worst partition and health then say nothing about hidden topics.
 */
export function groupView(
  raw: RawGroup,
  snapshot: GroupsSnapshot,
  history: LagHistory,
  windowMs: number,
  visibleTopic?: (topic: string) => boolean,
): GroupView {
  const group = restrictGroup(raw, visibleTopic);
  const lags = groupLags(group, snapshot);
  const rows = [...lags].flatMap(([topic, partitions]) => partitions.map((p) => ({ topic, ...p })));
  const worst = worstPartition(rows);
  const topics = new Set(lags.keys());
  for (const m of group.members) for (const a of m.assignment) topics.add(a.topic);
  return {
    lags,
    summary: {
      groupId: group.groupId,
      state: group.state,
      protocolType: group.protocolType,
      protocol: group.protocol,
      members: group.members.length,
      topics: [...topics].sort(),
      totalLag: totalLag(rows),
      worstPartition: worst && worst.lag !== null ? { topic: worst.topic, partition: worst.partition, lag: worst.lag } : null,
      coordinator: group.coordinator,
      health: group.error
        ? { status: 'OK', reason: `Not fully read: ${group.error}` }
        : health(group, rows, history, snapshot.fetchedAt, windowMs, visibleTopic),
      ...(group.error ? { error: group.error } : {}),
    },
  };
}

function health(
  group: RawGroup,
  rows: (PartitionLagRow & { topic: string })[],
  history: LagHistory,
  now: number,
  windowMs: number,
  visibleTopic: ((topic: string) => boolean) | undefined,
): Health {
  const partitions: HealthPartition[] = rows.map((r) => {
    const move = history.partitionMove(group.groupId, r.topic, r.partition);
    return { topic: r.topic, partition: r.partition, lag: r.lag, lastMovedAt: move?.lastMovedAt ?? null, observedSince: move?.observedSince ?? now };
  });
  return evaluateHealth({
    state: group.state,
    members: group.members.length,
    partitions,
    lagSeries: history.totalLag(group.groupId, visibleTopic),
    now,
    windowMs,
  });
}

/**
 * Per-partition rows of the group detail: every partition of every topic the group committed to
 * or is assigned, so partitions without a commit are visible too.
 */
export function partitionRows(
  group: RawGroup,
  view: GroupView,
  snapshot: GroupsSnapshot,
  history: LagHistory,
  meta: Pick<ClusterMetadata, 'topicsByName'>,
): GroupPartition[] {
  const owners = new Map<string, GroupPartition['owner']>();
  for (const m of group.members) {
    for (const a of m.assignment) owners.set(partitionKey(a.topic, a.partition), { memberId: m.memberId, clientId: m.clientId, host: m.host });
  }
  const committed = new Map<string, PartitionLagRow>();
  for (const [topic, rows] of view.lags) for (const r of rows) committed.set(partitionKey(topic, r.partition), r);
  const keys = new Map<string, { topic: string; partition: number }>();
  const add = (topic: string, partition: number) => keys.set(partitionKey(topic, partition), { topic, partition });
  for (const [topic, rows] of group.offsets) {
    const known = meta.topicsByName.get(topic);
    if (known) for (const p of known.partitions) add(topic, p.partition);
    else for (const r of rows) add(topic, r.partition);
  }
  for (const m of group.members) for (const a of m.assignment) add(a.topic, a.partition);

  return [...keys.values()]
    .map(({ topic, partition }): GroupPartition => {
      const key = partitionKey(topic, partition);
      const row = committed.get(key);
      const log = snapshot.logs.get(key);
      return {
        topic,
        partition,
        committed: row?.committed ?? null,
        logStart: row?.logStart ?? log?.logStart ?? 0,
        logEnd: row?.logEnd ?? log?.logEnd ?? 0,
        lag: row ? row.lag : null,
        note: row ? row.note : 'no-commit',
        lost: row?.lost ?? 0,
        owner: owners.get(key) ?? null,
        metadata: row?.metadata ?? null,
        lastMovedAt: history.partitionMove(group.groupId, topic, partition)?.lastMovedAt ?? null,
      };
    })
    .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}

/** The groups that consume one topic, furthest behind first. */
export function topicConsumerRows(topic: string, views: GroupView[]): TopicConsumer[] {
  const out: TopicConsumer[] = [];
  for (const { summary, lags } of views) {
    const rows = lags.get(topic);
    if (!rows && !summary.topics.includes(topic)) continue;
    const worst = worstPartition(rows ?? []);
    out.push({
      groupId: summary.groupId,
      state: summary.state,
      members: summary.members,
      lag: totalLag(rows ?? []),
      worstPartition: worst && worst.lag !== null ? { topic, partition: worst.partition, lag: worst.lag } : null,
      partitions: rows?.length ?? 0,
      health: summary.health,
    });
  }
  return out.sort((a, b) => (b.lag ?? -1) - (a.lag ?? -1) || a.groupId.localeCompare(b.groupId));
}
