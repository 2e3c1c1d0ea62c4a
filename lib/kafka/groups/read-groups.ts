import 'server-only';
import { getMetadata, liveBrokerIds } from '@/lib/kafka/metadata';
import { listPartitionOffsets, type PartitionRef } from '@/lib/kafka/offsets';
import type { BrokerConnection, ClusterClient } from '@/lib/protocol/client';
import { ErrorCode, kafkaErrorInfo } from '@/lib/protocol/errors';
import { DescribeGroups, ListGroups, OffsetFetch, type DescribeGroupsResponseDescribedGroup } from '@/lib/protocol/generated';
import { decodeAssignment } from './assignment';
import { findCoordinators } from './coordinators';
import { mapLimit } from '@/lib/map-limit';
import { chunks, protocolClient, send, sharedVersion } from './requests';
import { partitionKey, type CommittedPartition, type GroupsSnapshot, type LogRange, type RawGroup } from './types';

// Reads many groups with few requests: the groups each coordinator owns are described and their
// offsets fetched in batches (DescribeGroups takes many ids; OffsetFetch v8+ many groups), and
// the log ranges of every partition involved come from one ListOffsets per leader.

const GROUPS_PER_REQUEST = 500;
/** Per-group OffsetFetch requests in flight per broker when the broker predates v8. */
const PIPELINE_DEPTH = 64;
const MOVED = new Set<number>([ErrorCode.COORDINATOR_LOAD_IN_PROGRESS, ErrorCode.COORDINATOR_NOT_AVAILABLE, ErrorCode.NOT_COORDINATOR]);

export interface ReadOptions {
  /** Caps the OffsetFetch version (the benchmark uses it to measure the pre-v8 path). */
  offsetFetchMaxVersion?: number;
}

/** Every group of the cluster: ListGroups on each live broker also says who coordinates what. */
export async function readAllGroups(clusterId: string, options: ReadOptions = {}): Promise<GroupsSnapshot> {
  const started = Date.now();
  const client = await protocolClient(clusterId);
  const meta = await getMetadata(clusterId);
  const warnings: string[] = [];
  const byCoordinator = new Map<number, string[]>();
  const failures: unknown[] = [];
  const brokers = liveBrokerIds(meta);
  await Promise.all(
    brokers.map(async (nodeId) => {
      try {
        const res = await send(await client.broker(nodeId), ListGroups, { statesFilter: [], typesFilter: [] });
        if (res.errorCode) throw new Error(kafkaErrorInfo(res.errorCode).message);
        byCoordinator.set(nodeId, res.groups.map((g) => g.groupId));
      } catch (error) {
        failures.push(error);
        warnings.push(`Broker ${nodeId} did not list its groups (${(error as Error).message}); the groups it coordinates are missing.`);
      }
    }),
  );
  if (brokers.length > 0 && failures.length === brokers.length) throw failures[0];
  const groups = await describeAndFetch(client, byCoordinator, options);
  return finish(clusterId, groups, warnings, started);
}

/** Named groups (a group's detail page, a reset): coordinators first, then the same batched reads. */
export async function readGroups(clusterId: string, groupIds: string[], options: ReadOptions = {}): Promise<GroupsSnapshot> {
  const started = Date.now();
  const client = await protocolClient(clusterId);
  const coordinators = await findCoordinators(client, groupIds);
  const byCoordinator = new Map<number, string[]>();
  const failed: RawGroup[] = [];
  for (const id of groupIds) {
    const c = coordinators.get(id);
    if (typeof c === 'number' && c >= 0) byCoordinator.set(c, [...(byCoordinator.get(c) ?? []), id]);
    else failed.push(emptyGroup(id, null, c instanceof Error ? c.message : 'No coordinator found.'));
  }
  const groups = [...(await describeAndFetch(client, byCoordinator, options)), ...failed];
  return finish(clusterId, groups, [], started, true);
}

async function describeAndFetch(client: ClusterClient, byCoordinator: Map<number, string[]>, options: ReadOptions, retry = true): Promise<RawGroup[]> {
  const out: RawGroup[] = [];
  const moved: string[] = [];
  await Promise.all(
    [...byCoordinator].map(async ([nodeId, ids]) => {
      if (ids.length === 0) return;
      let conn: BrokerConnection;
      try {
        conn = await client.broker(nodeId);
      } catch (error) {
        for (const id of ids) out.push(emptyGroup(id, nodeId, `Coordinator ${nodeId} unreachable: ${(error as Error).message}`));
        return;
      }
      const [described, offsets] = await Promise.all([describe(conn, ids), fetchOffsets(conn, ids, options)]);
      for (const id of ids) {
        const d = described.get(id);
        const o = offsets.get(id);
        const code = d?.errorCode || (o && !(o instanceof Map) ? o.code : ErrorCode.NONE);
        if (retry && MOVED.has(code)) {
          moved.push(id);
          continue;
        }
        out.push(toRawGroup(id, nodeId, d, o));
      }
    }),
  );
  if (moved.length > 0) {
    // The coordinator moved (a broker stopped, a partition of __consumer_offsets moved): ask again once.
    const coordinators = await findCoordinators(client, moved);
    const again = new Map<number, string[]>();
    for (const id of moved) {
      const c = coordinators.get(id);
      if (typeof c === 'number' && c >= 0) again.set(c, [...(again.get(c) ?? []), id]);
      else out.push(emptyGroup(id, null, c instanceof Error ? c.message : 'No coordinator found.'));
    }
    out.push(...(await describeAndFetch(client, again, options, false)));
  }
  return out;
}

async function describe(conn: BrokerConnection, ids: string[]): Promise<Map<string, DescribeGroupsResponseDescribedGroup>> {
  const out = new Map<string, DescribeGroupsResponseDescribedGroup>();
  await Promise.all(
    chunks(ids, GROUPS_PER_REQUEST).map(async (batch) => {
      const res = await send(conn, DescribeGroups, { groups: batch, includeAuthorizedOperations: false });
      for (const g of res.groups) out.set(g.groupId, g);
    }),
  );
  return out;
}

type Offsets = Map<string, CommittedPartition[]> | { code: number };

async function fetchOffsets(conn: BrokerConnection, ids: string[], options: ReadOptions): Promise<Map<string, Offsets>> {
  const out = new Map<string, Offsets>();
  const version = Math.min(sharedVersion(conn, OffsetFetch), options.offsetFetchMaxVersion ?? Infinity);
  if (version >= 8) {
    await Promise.all(
      chunks(ids, GROUPS_PER_REQUEST).map(async (batch) => {
        const res = await send(conn, OffsetFetch, { groups: batch.map((groupId) => ({ groupId, topics: null })), requireStable: false }, version);
        for (const g of res.groups ?? []) out.set(g.groupId, g.errorCode ? { code: g.errorCode } : committed(g.topics));
      }),
    );
  } else {
    if (version < 2) throw new Error(`${conn.broker} does not support OffsetFetch v2 or later (needed to read all offsets of a group).`);
    await mapLimit(ids, PIPELINE_DEPTH, async (groupId) => {
      const res = await send(conn, OffsetFetch, { groupId, topics: null, requireStable: false }, version);
      out.set(groupId, res.errorCode ? { code: res.errorCode } : committed(res.topics ?? []));
    });
  }
  return out;
}

function committed(topics: { name: string; partitions: { partitionIndex: number; committedOffset: number; metadata: string | null; errorCode: number }[] }[]) {
  const out = new Map<string, CommittedPartition[]>();
  for (const t of topics) {
    const rows = t.partitions
      .filter((p) => p.errorCode === ErrorCode.NONE && p.committedOffset >= 0)
      .map((p) => ({ partition: p.partitionIndex, committed: p.committedOffset, metadata: p.metadata }))
      .sort((a, b) => a.partition - b.partition);
    if (rows.length) out.set(t.name, rows);
  }
  return out;
}

function toRawGroup(groupId: string, coordinator: number, d: DescribeGroupsResponseDescribedGroup | undefined, o: Offsets | undefined): RawGroup {
  const errors: string[] = [];
  if (!d) errors.push('not described');
  else if (d.errorCode) errors.push(kafkaErrorInfo(d.errorCode).name);
  if (o && !(o instanceof Map)) errors.push(`offsets: ${kafkaErrorInfo(o.code).name}`);
  const consumer = d?.protocolType === 'consumer';
  return {
    groupId,
    state: d?.groupState || 'Unknown',
    protocolType: d?.protocolType ?? '',
    protocol: d?.protocolData ?? '',
    coordinator,
    members: (d?.members ?? []).map((m) => ({
      memberId: m.memberId,
      groupInstanceId: m.groupInstanceId ?? null,
      clientId: m.clientId,
      host: m.clientHost.replace(/^\//, ''),
      assignment: consumer ? decodeAssignment(m.memberAssignment) : [],
    })),
    offsets: o instanceof Map ? o : new Map(),
    ...(errors.length ? { error: errors.join('; ') } : {}),
  };
}

function emptyGroup(groupId: string, coordinator: number | null, error: string): RawGroup {
  return { groupId, state: 'Unknown', protocolType: '', protocol: '', coordinator, members: [], offsets: new Map(), error };
}

/**
 * Log start and end of every partition the groups committed to or are assigned; with
 * `wholeTopics`, of every partition of those topics (a detail page shows the uncommitted ones too).
 */
async function finish(clusterId: string, groups: RawGroup[], warnings: string[], started: number, wholeTopics = false): Promise<GroupsSnapshot> {
  const refs = new Map<string, PartitionRef>();
  for (const g of groups) {
    for (const [topic, rows] of g.offsets) for (const r of rows) refs.set(partitionKey(topic, r.partition), { topic, partition: r.partition });
    for (const m of g.members) for (const a of m.assignment) refs.set(partitionKey(a.topic, a.partition), a);
  }
  if (wholeTopics && refs.size > 0) {
    const meta = await getMetadata(clusterId);
    for (const topic of new Set([...refs.values()].map((r) => r.topic))) {
      for (const p of meta.topicsByName.get(topic)?.partitions ?? []) refs.set(partitionKey(topic, p.partition), { topic, partition: p.partition });
    }
  }
  const logs = new Map<string, LogRange>();
  if (refs.size > 0) {
    const list = [...refs.values()];
    const [earliest, latest] = await Promise.all([
      listPartitionOffsets(clusterId, list, 'earliest'),
      listPartitionOffsets(clusterId, list, 'latest'),
    ]);
    for (const [topic, ends] of latest) {
      for (const [partition, logEnd] of ends) {
        const logStart = earliest.get(topic)?.get(partition);
        if (logStart !== undefined && logStart >= 0 && logEnd >= 0) logs.set(partitionKey(topic, partition), { logStart, logEnd });
      }
    }
  }
  groups.sort((a, b) => a.groupId.localeCompare(b.groupId));
  return { groups, logs, warnings, fetchedAt: Date.now(), loadMs: Date.now() - started };
}
