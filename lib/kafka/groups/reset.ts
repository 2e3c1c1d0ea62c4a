import 'server-only';
import { badRequest, clusterUnreachable, conflict, fieldError } from '@/lib/api/errors';
import { CONFIRM_RESET_MESSAGE, type ResetExecuteRequest, type ResetPlan, type ResetRequest, type ResetResult } from '@/lib/api/groups';
import { invalidate } from '@/lib/kafka/cache';
import { cacheKeys } from '@/lib/kafka/cache-keys';
import { getMetadata, type ClusterMetadata } from '@/lib/kafka/metadata';
import { listPartitionOffsets, type PartitionRef } from '@/lib/kafka/offsets';
import { ErrorCode, KafkaProtocolError } from '@/lib/protocol/errors';
import { OffsetCommit, OffsetFetch } from '@/lib/protocol/generated';
import { parseDuration } from '@/lib/lag/duration';
import { parseDateTime } from '@/lib/api/date-time';
import { planReset, planTotals, type PlanStrategy } from '@/lib/lag/reset-plan';
import { protocolClient, send, sharedVersion } from './requests';
import { readGroup } from './service';
import type { RawGroup } from './types';

// Offset reset: plan from fresh offsets, refuse while members are active, commit every partition
// in one OffsetCommit as a standalone (non-member) client, and read back what Kafka now holds.

// Group-level answers to a standalone commit on a group that is (again) active.
const ACTIVE_GROUP_ERRORS = new Set<number>([ErrorCode.ILLEGAL_GENERATION, ErrorCode.UNKNOWN_MEMBER_ID, ErrorCode.REBALANCE_IN_PROGRESS]);
// The coordinator moved or is loading between the read and the commit: retrying later works.
const COORDINATOR_ERRORS = new Set<number>([ErrorCode.COORDINATOR_LOAD_IN_PROGRESS, ErrorCode.COORDINATOR_NOT_AVAILABLE, ErrorCode.NOT_COORDINATOR]);

export async function previewReset(clusterId: string, groupId: string, request: ResetRequest, now = Date.now()): Promise<ResetPlan> {
  return (await plan(clusterId, groupId, request, now)).plan;
}

export async function executeReset(clusterId: string, groupId: string, request: ResetExecuteRequest, now = Date.now()): Promise<ResetResult> {
  // Checked here too, not only by the route's schema: nothing commits offsets without it.
  if (request.confirm !== true) throw badRequest(`confirm: ${CONFIRM_RESET_MESSAGE}`, { fields: { confirm: CONFIRM_RESET_MESSAGE } });
  const { plan: p, group } = await plan(clusterId, groupId, request, now);
  if (!p.canExecute) throw conflict(p.blockedReason ?? 'The group is not empty.', { members: group.members.length, state: group.state });
  const client = await protocolClient(clusterId);
  const conn = await client.broker(group.coordinator ?? -1);
  const byTopic = new Map<string, { partitionIndex: number; committedOffset: number; committedLeaderEpoch: number; committedMetadata: string }[]>();
  for (const r of p.rows) {
    byTopic.set(r.topic, [...(byTopic.get(r.topic) ?? []), { partitionIndex: r.partition, committedOffset: r.target, committedLeaderEpoch: -1, committedMetadata: '' }]);
  }
  const response = await send(conn, OffsetCommit, {
    groupId,
    generationIdOrMemberEpoch: -1,
    memberId: '',
    groupInstanceId: null,
    retentionTimeMs: -1,
    topics: [...byTopic].map(([name, partitions]) => ({ name, partitions })),
  });
  const failed = response.topics.flatMap((t) => t.partitions.filter((x) => x.errorCode !== ErrorCode.NONE).map((x) => ({ topic: t.name, ...x })));
  invalidate(cacheKeys.cluster(clusterId));
  if (failed.length > 0) {
    if (failed.every((f) => ACTIVE_GROUP_ERRORS.has(f.errorCode))) {
      throw conflict(`Kafka refused the reset: the group "${groupId}" became active (${new KafkaProtocolError(failed[0].errorCode).name}). Nothing was changed.`);
    }
    if (failed.every((f) => COORDINATOR_ERRORS.has(f.errorCode))) {
      throw clusterUnreachable(`The coordinator of "${groupId}" moved while resetting (${new KafkaProtocolError(failed[0].errorCode).name}); nothing was changed. Try again.`);
    }
    const first = failed[0];
    throw new KafkaProtocolError(first.errorCode, `${first.topic}-${first.partitionIndex}; ${failed.length} of ${p.rows.length} partitions failed`);
  }
  const after = await committedNow(clusterId, group, p.rows);
  return {
    groupId,
    rows: p.rows.map((r) => ({ ...r, after: after.get(`${r.topic}:${r.partition}`) ?? null })),
    executedAt: Date.now(),
  };
}

async function plan(clusterId: string, groupId: string, request: ResetRequest, now: number): Promise<{ plan: ResetPlan; group: RawGroup }> {
  const strategy = toPlanStrategy(request.strategy, now);
  const { group } = await readGroup(clusterId, groupId, true);
  const meta = await getMetadata(clusterId, true);
  const partitions = scopePartitions(group, request.scope, meta);
  const [earliest, latest, atTime] = await Promise.all([
    listPartitionOffsets(clusterId, partitions, 'earliest'),
    listPartitionOffsets(clusterId, partitions, 'latest'),
    strategy.type === 'timestamp' ? listPartitionOffsets(clusterId, partitions, strategy.timestamp) : undefined,
  ]);
  const committed = new Map<string, number>();
  for (const [topic, rows] of group.offsets) for (const r of rows) committed.set(`${topic}:${r.partition}`, r.committed);
  const inputs = partitions.map(({ topic, partition }) => {
    const logStart = earliest.get(topic)?.get(partition);
    const logEnd = latest.get(topic)?.get(partition);
    if (logStart === undefined || logEnd === undefined || (atTime && !atTime.get(topic)?.has(partition))) {
      throw clusterUnreachable(`The offsets of ${topic}-${partition} could not be read (no leader?). Nothing was changed.`);
    }
    const forTime = atTime?.get(topic)?.get(partition);
    return { topic, partition, committed: committed.get(`${topic}:${partition}`) ?? null, logStart, logEnd, offsetForTime: forTime === undefined || forTime < 0 ? null : forTime };
  });
  const rows = planReset(inputs, strategy);
  return { plan: { groupId, rows, ...planTotals(rows), ...blocked(group) }, group };
}

function blocked(group: RawGroup): { canExecute: boolean; blockedReason: string | null } {
  if (group.members.length === 0) return { canExecute: true, blockedReason: null };
  const who = group.members.slice(0, 3).map((m) => `${m.clientId}@${m.host}`).join(', ');
  const more = group.members.length > 3 ? ` and ${group.members.length - 3} more` : '';
  return {
    canExecute: false,
    blockedReason:
      `The group has ${group.members.length} active member${group.members.length === 1 ? '' : 's'} (${who}${more}) and is ${group.state}. ` +
      'Kafka only accepts offset changes while a group is empty: stop its consumers, wait until the group shows Empty, then reset.',
  };
}

function toPlanStrategy(s: ResetRequest['strategy'], now: number): PlanStrategy {
  switch (s.type) {
    case 'datetime': {
      const timestamp = parseDateTime(s.datetime);
      if (typeof timestamp === 'string') throw fieldError('strategy.datetime', timestamp);
      return { type: 'timestamp', timestamp };
    }
    case 'duration': {
      const ms = parseDuration(s.duration);
      if (ms === null) throw fieldError('strategy.duration', 'must be a positive duration such as PT15M or P1D');
      return { type: 'timestamp', timestamp: now - ms };
    }
    default:
      return s;
  }
}

function scopePartitions(group: RawGroup, scope: ResetRequest['scope'], meta: ClusterMetadata): PartitionRef[] {
  const all = (topic: string) => meta.topicsByName.get(topic)?.partitions.map((p) => ({ topic, partition: p.partition })) ?? [];
  if (scope.type === 'topic') {
    if (!meta.topicsByName.has(scope.topic)) throw fieldError('scope.topic', `Topic "${scope.topic}" does not exist.`);
    return all(scope.topic);
  }
  if (scope.type === 'partitions') {
    const seen = new Set<string>();
    return scope.partitions.filter((p, i) => {
      if (!meta.topicsByName.get(p.topic)?.partitions.some((x) => x.partition === p.partition)) {
        throw fieldError(`scope.partitions.${i}`, `Partition ${p.topic}-${p.partition} does not exist.`);
      }
      const key = `${p.topic}:${p.partition}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  const topics = new Set(group.offsets.keys());
  for (const m of group.members) for (const a of m.assignment) topics.add(a.topic);
  const refs = [...topics].sort().flatMap(all);
  if (refs.length === 0) throw fieldError('scope', 'The group has no committed offsets on existing topics: choose a topic.');
  return refs;
}

/** What the coordinator holds now for these partitions (the result shown after a reset). */
async function committedNow(clusterId: string, group: RawGroup, rows: PartitionRef[]): Promise<Map<string, number>> {
  const client = await protocolClient(clusterId);
  const conn = await client.broker(group.coordinator ?? -1);
  const topics = new Map<string, number[]>();
  for (const r of rows) topics.set(r.topic, [...(topics.get(r.topic) ?? []), r.partition]);
  const wanted = [...topics].map(([name, partitionIndexes]) => ({ name, partitionIndexes }));
  const version = sharedVersion(conn, OffsetFetch);
  const res = version >= 8
    ? await send(conn, OffsetFetch, { groups: [{ groupId: group.groupId, topics: wanted }], requireStable: true })
    : await send(conn, OffsetFetch, { groupId: group.groupId, topics: wanted, requireStable: true });
  const out = new Map<string, number>();
  for (const t of res.groups?.[0]?.topics ?? res.topics ?? []) {
    for (const p of t.partitions) if (p.errorCode === ErrorCode.NONE && p.committedOffset >= 0) out.set(`${t.name}:${p.partitionIndex}`, p.committedOffset);
  }
  return out;
}
