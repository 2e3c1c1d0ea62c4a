import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startDevCluster, type DevCluster } from '@/lib/devcluster';
import { encodeAssignment, encodeSubscription } from '@/lib/devcluster/groups';
import { DeleteGroups } from '@/lib/protocol/generated/delete-groups';
import { DescribeGroups } from '@/lib/protocol/generated/describe-groups';
import { FindCoordinator } from '@/lib/protocol/generated/find-coordinator';
import { Heartbeat } from '@/lib/protocol/generated/heartbeat';
import { JoinGroup } from '@/lib/protocol/generated/join-group';
import { LeaveGroup } from '@/lib/protocol/generated/leave-group';
import { ListGroups } from '@/lib/protocol/generated/list-groups';
import { OffsetCommit } from '@/lib/protocol/generated/offset-commit';
import { OffsetDelete } from '@/lib/protocol/generated/offset-delete';
import { OffsetFetch } from '@/lib/protocol/generated/offset-fetch';
import { SyncGroup } from '@/lib/protocol/generated/sync-group';
import { RawConnection } from './support';

const NONE = 0;
const NOT_COORDINATOR = 16;
const UNKNOWN_MEMBER_ID = 25;
const GROUP_ID_NOT_FOUND = 69;
const NON_EMPTY_GROUP = 68;
const MEMBER_ID_REQUIRED = 79;
const GROUP_SUBSCRIBED_TO_TOPIC = 86;

/** One raw connection per live broker, by node id. */
async function connectAll(cluster: DevCluster): Promise<Map<number, RawConnection>> {
  const out = new Map<number, RawConnection>();
  for (const id of cluster.liveBrokerIds()) {
    const b = cluster.brokerInfo(id)!;
    out.set(id, await RawConnection.connect(`${b.host}:${b.port}`));
  }
  return out;
}

const subscription = (topics: string[]) => encodeSubscription({ version: 1, topics, userData: null, ownedPartitions: [], generationId: -1, rackId: null });

function commitRequest(groupId: string, topic: string, offsets: number[], member = { generationIdOrMemberEpoch: -1, memberId: '' }) {
  return {
    groupId,
    ...member,
    groupInstanceId: null,
    topics: [{ name: topic, partitions: offsets.map((committedOffset, partitionIndex) => ({ partitionIndex, committedOffset, committedLeaderEpoch: -1, committedMetadata: `m-${committedOffset}` })) }],
  };
}

describe('group APIs on the wire', () => {
  let cluster: DevCluster;
  let conns: Map<number, RawConnection>;
  const conn = (id: number) => conns.get(id)!;
  const coordinatorOf = (groupId: string) => cluster.groups.coordinatorFor(groupId)!;
  const other = (id: number) => [...conns.keys()].find((k) => k !== id)!;

  before(async () => {
    cluster = await startDevCluster({ brokers: 3 });
    cluster.createTopic({ name: 'wire', partitions: 3, replicationFactor: 3 });
    cluster.createTopic({ name: 'side', partitions: 2, replicationFactor: 1 });
    conns = await connectAll(cluster);
  });

  after(async () => {
    for (const c of conns.values()) c.close();
    await cluster.close();
  });

  it('FindCoordinator answers single keys (v0-3) and batches (v4+); other brokers say NOT_COORDINATOR', async () => {
    const groupId = 'find-me';
    const owner = coordinatorOf(groupId);
    for (const v of [0, 1, 2, 3]) {
      const r = await conn(1).request(FindCoordinator, v, { key: groupId, keyType: 0 });
      assert.equal(r.errorCode, NONE);
      assert.equal(r.nodeId, owner);
      assert.equal(r.port, cluster.brokerInfo(owner)!.port);
    }
    const batch = await conn(2).request(FindCoordinator, 4, { keyType: 0, coordinatorKeys: ['a', 'b', 'c', groupId] });
    assert.deepEqual(batch.coordinators!.map((c) => [c.key, c.nodeId, c.errorCode]), ['a', 'b', 'c', groupId].map((k) => [k, coordinatorOf(k), NONE]));
    const txn = await conn(3).request(FindCoordinator, 4, { keyType: 1, coordinatorKeys: ['my-transactional-id'] });
    assert.equal(txn.coordinators![0].errorCode, NONE);
    assert.ok(cluster.liveBrokerIds().includes(txn.coordinators![0].nodeId));

    const hb = await conn(other(owner)).request(Heartbeat, 4, { groupId, generationId: 1, memberId: 'x', groupInstanceId: null });
    assert.equal(hb.errorCode, NOT_COORDINATOR);
    const fetched = await conn(other(owner)).request(OffsetFetch, 8, { groups: [{ groupId, topics: null }], requireStable: false });
    assert.equal(fetched.groups![0].errorCode, NOT_COORDINATOR);
    const described = await conn(other(owner)).request(DescribeGroups, 5, { groups: [groupId], includeAuthorizedOperations: false });
    assert.equal(described.groups[0].errorCode, NOT_COORDINATOR);
  });

  it('runs a full join/sync/heartbeat/leave cycle, with the state visible to DescribeGroups and ListGroups', async () => {
    const groupId = 'wire-group';
    const c = conn(coordinatorOf(groupId));
    const join = { groupId, sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 10_000, memberId: '', groupInstanceId: null, protocolType: 'consumer', protocols: [{ name: 'range', metadata: subscription(['wire']) }], reason: null };
    const first = await c.request(JoinGroup, 9, join);
    assert.equal(first.errorCode, MEMBER_ID_REQUIRED);
    assert.match(first.memberId, /^raw-test-/);
    const joined = await c.request(JoinGroup, 9, { ...join, memberId: first.memberId });
    assert.equal(joined.errorCode, NONE);
    assert.equal(joined.protocolType, 'consumer');
    assert.equal(joined.protocolName, 'range');
    assert.equal(joined.leader, first.memberId);
    assert.equal(joined.members.length, 1);

    const assignment = encodeAssignment({ version: 1, assignedPartitions: [{ topic: 'wire', partitions: [0, 1, 2] }], userData: null });
    const synced = await c.request(SyncGroup, 5, { groupId, generationId: joined.generationId, memberId: joined.memberId, groupInstanceId: null, protocolType: 'consumer', protocolName: 'range', assignments: [{ memberId: joined.memberId, assignment }] });
    assert.equal(synced.errorCode, NONE);
    assert.deepEqual(synced.assignment, assignment);
    assert.equal((await c.request(Heartbeat, 4, { groupId, generationId: joined.generationId, memberId: joined.memberId, groupInstanceId: null })).errorCode, NONE);

    const commit = await c.request(OffsetCommit, 9, commitRequest(groupId, 'wire', [5, 6, 7], { generationIdOrMemberEpoch: joined.generationId, memberId: joined.memberId }));
    assert.deepEqual(commit.topics[0].partitions.map((p) => p.errorCode), [NONE, NONE, NONE]);
    const side = await c.request(OffsetCommit, 2, { ...commitRequest(groupId, 'side', [1]), generationIdOrMemberEpoch: joined.generationId, memberId: joined.memberId, retentionTimeMs: -1 });
    assert.equal(side.topics[0].partitions[0].errorCode, NONE);
    const missing = await c.request(OffsetCommit, 9, { ...commitRequest(groupId, 'nope', [1]), generationIdOrMemberEpoch: joined.generationId, memberId: joined.memberId });
    assert.equal(missing.topics[0].partitions[0].errorCode, 3, 'UNKNOWN_TOPIC_OR_PARTITION');

    const [described] = (await c.request(DescribeGroups, 5, { groups: [groupId], includeAuthorizedOperations: true })).groups;
    assert.equal(described.groupState, 'Stable');
    assert.equal(described.protocolData, 'range');
    assert.equal(described.members[0].clientId, 'raw-test');
    assert.equal(described.members[0].clientHost, '/127.0.0.1');
    assert.deepEqual(described.members[0].memberAssignment, assignment);
    assert.deepEqual(described.members[0].memberMetadata, subscription(['wire']));
    assert.notEqual(described.authorizedOperations, -2147483648);

    const stable = await c.request(ListGroups, 5, { statesFilter: ['Stable'], typesFilter: [] });
    assert.deepEqual(stable.groups.map((g) => [g.groupId, g.groupState, g.groupType]), [[groupId, 'Stable', 'classic']]);
    assert.equal((await c.request(ListGroups, 5, { statesFilter: [], typesFilter: ['consumer'] })).groups.length, 0);

    // A live member subscribes to "wire": its offsets cannot be deleted; "side" can.
    const deleted = await c.request(OffsetDelete, 0, { groupId, topics: [{ name: 'wire', partitions: [{ partitionIndex: 0 }] }, { name: 'side', partitions: [{ partitionIndex: 0 }] }] });
    assert.deepEqual(deleted.topics.map((t) => [t.name, t.partitions[0].errorCode]), [['wire', GROUP_SUBSCRIBED_TO_TOPIC], ['side', NONE]]);
    assert.equal((await c.request(DeleteGroups, 2, { groupsNames: [groupId] })).results[0].errorCode, NON_EMPTY_GROUP);

    const left = await c.request(LeaveGroup, 5, { groupId, members: [{ memberId: joined.memberId, groupInstanceId: null, reason: 'done' }, { memberId: 'ghost', groupInstanceId: null, reason: null }] });
    assert.deepEqual(left.members!.map((m) => m.errorCode), [NONE, UNKNOWN_MEMBER_ID]);
    const empty = await c.request(ListGroups, 4, { statesFilter: ['empty'] });
    assert.ok(empty.groups.some((g) => g.groupId === groupId && g.protocolType === 'consumer'));

    const v1 = await c.request(OffsetFetch, 1, { groupId, topics: [{ name: 'wire', partitionIndexes: [0, 1, 2] }] });
    assert.deepEqual(v1.topics!.map((t) => t.partitions.map((p) => [p.committedOffset, p.metadata])), [[[5, 'm-5'], [6, 'm-6'], [7, 'm-7']]]);
    const all = await c.request(OffsetFetch, 7, { groupId, topics: null, requireStable: true });
    assert.deepEqual(all.topics!.map((t) => t.name), ['wire'], 'the deleted "side" offset is gone');

    assert.equal((await c.request(DeleteGroups, 2, { groupsNames: [groupId] })).results[0].errorCode, NONE);
    assert.equal((await c.request(DeleteGroups, 0, { groupsNames: [groupId] })).results[0].errorCode, GROUP_ID_NOT_FOUND);
  });

  it('older JoinGroup/LeaveGroup versions work (v0 join without member id round trip, v1 leave)', async () => {
    const groupId = 'old-client';
    const c = conn(coordinatorOf(groupId));
    const joined = await c.request(JoinGroup, 0, { groupId, sessionTimeoutMs: 10_000, memberId: '', protocolType: 'consumer', protocols: [{ name: 'roundrobin', metadata: subscription(['wire']) }] });
    assert.equal(joined.errorCode, NONE);
    assert.equal(joined.generationId, 1);
    const left = await c.request(LeaveGroup, 1, { groupId, memberId: joined.memberId });
    assert.equal(left.errorCode, NONE);
    assert.equal((await c.request(LeaveGroup, 1, { groupId, memberId: joined.memberId })).errorCode, UNKNOWN_MEMBER_ID);
  });

  it('moves a group to another broker when its coordinator stops, offsets intact', async () => {
    const groupId = 'failover-group';
    const owner = coordinatorOf(groupId);
    assert.equal((await conn(owner).request(OffsetCommit, 8, commitRequest(groupId, 'wire', [11, 12, 13]))).topics[0].partitions[0].errorCode, NONE);
    conn(owner).close();
    conns.delete(owner);
    await cluster.stopBroker(owner);
    try {
      const asker = conn([...conns.keys()][0]);
      const found = await asker.request(FindCoordinator, 3, { key: groupId, keyType: 0 });
      assert.notEqual(found.nodeId, owner);
      assert.ok(cluster.liveBrokerIds().includes(found.nodeId!));
      const fetched = await conn(found.nodeId!).request(OffsetFetch, 8, { groups: [{ groupId, topics: [{ name: 'wire', partitionIndexes: [0, 1, 2] }] }], requireStable: false });
      assert.equal(fetched.groups![0].errorCode, NONE);
      assert.deepEqual(fetched.groups![0].topics[0].partitions.map((p) => p.committedOffset), [11, 12, 13]);
    } finally {
      await cluster.startBroker(owner);
      const b = cluster.brokerInfo(owner)!;
      conns.set(owner, await RawConnection.connect(`${b.host}:${b.port}`));
    }
    assert.equal(coordinatorOf(groupId), owner, 'the group moves back once its broker is back');
  });

  it('holds 1,000 groups: ListGroups on every broker and multi-group OffsetFetch v8 answer them all', async () => {
    const ids = Array.from({ length: 1_000 }, (_, i) => `scale-${String(i).padStart(4, '0')}`);
    const located = new Map<number, string[]>();
    for (const conn of conns.values()) {
      const r = await conn.request(FindCoordinator, 4, { keyType: 0, coordinatorKeys: ids });
      for (const c of r.coordinators!) {
        assert.equal(c.errorCode, NONE);
        if (!located.has(c.nodeId)) located.set(c.nodeId, []);
        if (!located.get(c.nodeId)!.includes(c.key)) located.get(c.nodeId)!.push(c.key);
      }
    }
    assert.equal([...located.values()].flat().length, 1_000);
    await Promise.all([...located].map(async ([nodeId, groups]) => {
      for (const g of groups) {
        const i = Number(g.slice(6));
        const r = await conn(nodeId).request(OffsetCommit, 8, commitRequest(g, 'wire', [i, i + 1, i + 2]));
        assert.equal(r.topics[0].partitions[2].errorCode, NONE);
      }
    }));

    const listed: string[] = [];
    for (const conn of conns.values()) {
      const r = await conn.request(ListGroups, 4, { statesFilter: ['Empty'] });
      listed.push(...r.groups.map((g) => g.groupId).filter((g) => g.startsWith('scale-')));
    }
    assert.deepEqual(listed.sort(), ids, 'each group listed once, by its own coordinator');

    for (const [nodeId, groups] of located) {
      const r = await conn(nodeId).request(OffsetFetch, 8, { groups: groups.map((groupId) => ({ groupId, topics: null })), requireStable: false });
      assert.equal(r.groups!.length, groups.length);
      for (const g of r.groups!) {
        const i = Number(g.groupId.slice(6));
        assert.equal(g.errorCode, NONE);
        assert.deepEqual(g.topics[0].partitions.map((p) => p.committedOffset), [i, i + 1, i + 2], g.groupId);
      }
    }
    // All groups asked of one broker: its own are answered, the rest say where to go.
    const [nodeId, own] = [...located][0];
    const mixed = await conn(nodeId).request(OffsetFetch, 9, { groups: ids.map((groupId) => ({ groupId, memberId: null, memberEpoch: -1, topics: [{ name: 'wire', partitionIndexes: [1] }] })), requireStable: false });
    const ok = mixed.groups!.filter((g) => g.errorCode === NONE);
    assert.deepEqual(ok.map((g) => g.groupId).sort(), [...own].sort());
    assert.ok(ok.every((g) => g.topics[0].partitions[0].committedOffset === Number(g.groupId.slice(6)) + 1));
    assert.ok(mixed.groups!.filter((g) => g.errorCode !== NONE).every((g) => g.errorCode === NOT_COORDINATOR));
  });
});

describe('committed offsets with a data directory', () => {
  it('survive a full cluster restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'devcluster-groups-'));
    try {
      let cluster = await startDevCluster({ brokers: 2, dataDir });
      cluster.createTopic({ name: 'kept', partitions: 2, replicationFactor: 2 });
      let conns = await connectAll(cluster);
      const owner = cluster.groups.coordinatorFor('kept-group')!;
      await conns.get(owner)!.request(OffsetCommit, 8, commitRequest('kept-group', 'kept', [3, 4]));
      await conns.get(owner)!.request(OffsetCommit, 8, commitRequest('dropped-group', 'kept', [1, 1]));
      await conns.get(cluster.groups.coordinatorFor('dropped-group')!)!.request(DeleteGroups, 2, { groupsNames: ['dropped-group'] });
      for (const c of conns.values()) c.close();
      await cluster.close();

      cluster = await startDevCluster({ brokers: 2, dataDir });
      conns = await connectAll(cluster);
      try {
        const c = conns.get(cluster.groups.coordinatorFor('kept-group')!)!;
        const r = await c.request(OffsetFetch, 8, { groups: [{ groupId: 'kept-group', topics: null }, { groupId: 'dropped-group', topics: null }], requireStable: false });
        const kept = r.groups!.find((g) => g.groupId === 'kept-group')!;
        assert.deepEqual(kept.topics[0].partitions.map((p) => [p.committedOffset, p.metadata]), [[3, 'm-3'], [4, 'm-4']]);
        const dropped = r.groups!.find((g) => g.groupId === 'dropped-group')!;
        assert.ok(dropped.errorCode === NOT_COORDINATOR || dropped.topics.length === 0, 'a deleted group stays deleted');
        assert.deepEqual(cluster.groups.groupIds(), ['kept-group']);
      } finally {
        for (const c of conns.values()) c.close();
        await cluster.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
