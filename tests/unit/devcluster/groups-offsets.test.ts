import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GroupCoordinator, encodeSubscription } from '@/lib/devcluster/groups';
import { ErrorCode } from '@/lib/protocol/errors';
import type { OffsetCommitParams } from '@/lib/devcluster/groups';
import { FakeGroupHost } from './fake-group-host';

function commit(groupId: string, partitions: [string, number, number][], member: { generationId: number; memberId: string } = { generationId: -1, memberId: '' }): OffsetCommitParams {
  const topics = new Map<string, OffsetCommitParams['topics'][number]>();
  for (const [name, p, offset] of partitions) {
    if (!topics.has(name)) topics.set(name, { name, partitions: [] });
    topics.get(name)!.partitions.push({ partitionIndex: p, committedOffset: offset, committedLeaderEpoch: 3, committedMetadata: `meta-${offset}` });
  }
  return { groupId, ...member, groupInstanceId: null, topics: [...topics.values()] };
}

const errors = (r: { partitions: { errorCode: number }[] }[]) => r.flatMap((t) => t.partitions.map((p) => p.errorCode));

async function stableMember(c: GroupCoordinator, groupId: string, topics: string[]) {
  const metadata = encodeSubscription({ version: 0, topics, userData: null, ownedPartitions: [], generationId: -1, rackId: null });
  const joined = await c.join({
    groupId, memberId: '', groupInstanceId: null, requireKnownMemberId: false, clientId: 'c', clientHost: '/h',
    sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 10_000, protocolType: 'consumer', protocols: [{ name: 'range', metadata }],
  });
  await c.sync({ groupId, generationId: joined.generationId, memberId: joined.memberId, groupInstanceId: null, protocolType: null, protocolName: null, assignments: [] });
  return joined;
}

test('standalone commits create a group; fetch returns offset, epoch, metadata; missing ones are -1', () => {
  const host = new FakeGroupHost(5_000_000);
  const c = new GroupCoordinator(host, { tickIntervalMs: 0 });
  const result = c.commitOffsets(commit('simple', [['orders', 0, 10], ['orders', 2, 30], ['nope', 0, 1], ['orders', 9, 1]]));
  assert.deepEqual(errors(result), [ErrorCode.NONE, ErrorCode.NONE, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION]);
  const fetched = c.fetchOffsets('simple', [{ name: 'orders', partitionIndexes: [0, 1, 2] }]);
  assert.deepEqual(fetched.topics[0].partitions.map((p) => [p.committedOffset, p.committedLeaderEpoch, p.metadata]), [
    [10, 3, 'meta-10'], [-1, -1, ''], [30, 3, 'meta-30'],
  ]);
  const all = c.fetchOffsets('simple', null);
  assert.deepEqual(all.topics.map((t) => [t.name, t.partitions.map((p) => p.partitionIndex)]), [['orders', [0, 2]]]);
  assert.deepEqual(c.fetchOffsets('unknown', null).topics, []);
  assert.equal(c.fetchOffsets('unknown', [{ name: 'orders', partitionIndexes: [0] }]).topics[0].partitions[0].committedOffset, -1);
});

test('member commits are checked against generation and membership', async () => {
  const c = new GroupCoordinator(new FakeGroupHost(5_000_000), { tickIntervalMs: 0 });
  const m = await stableMember(c, 'g', ['orders']);
  assert.deepEqual(errors(c.commitOffsets(commit('g', [['orders', 0, 1]], { generationId: m.generationId, memberId: m.memberId }))), [ErrorCode.NONE]);
  assert.deepEqual(errors(c.commitOffsets(commit('g', [['orders', 0, 1]], { generationId: 99, memberId: m.memberId }))), [ErrorCode.ILLEGAL_GENERATION]);
  assert.deepEqual(errors(c.commitOffsets(commit('g', [['orders', 0, 1]], { generationId: m.generationId, memberId: 'x' }))), [ErrorCode.UNKNOWN_MEMBER_ID]);
  // An admin-style commit must not overwrite what a live group is tracking.
  assert.deepEqual(errors(c.commitOffsets(commit('g', [['orders', 0, 1]]))), [ErrorCode.UNKNOWN_MEMBER_ID]);
  assert.deepEqual(errors(c.commitOffsets(commit('nogroup', [['orders', 0, 1]], { generationId: 3, memberId: 'm' }))), [ErrorCode.ILLEGAL_GENERATION]);
  const tooLong = commit('g', [['orders', 1, 1]], { generationId: m.generationId, memberId: m.memberId });
  tooLong.topics[0].partitions[0].committedMetadata = 'x'.repeat(5000);
  assert.deepEqual(errors(c.commitOffsets(tooLong)), [ErrorCode.OFFSET_METADATA_TOO_LARGE]);
});

test('commits made during the join phase are accepted, during CompletingRebalance refused', async () => {
  const c = new GroupCoordinator(new FakeGroupHost(5_000_000), { tickIntervalMs: 0 });
  const a = await stableMember(c, 'g', ['orders']);
  const bJoin = c.join({ groupId: 'g', memberId: '', groupInstanceId: null, requireKnownMemberId: false, clientId: 'b', clientHost: '/h', sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 10_000, protocolType: 'consumer', protocols: [{ name: 'range', metadata: Buffer.alloc(0) }] });
  assert.deepEqual(errors(c.commitOffsets(commit('g', [['orders', 0, 7]], { generationId: 1, memberId: a.memberId }))), [ErrorCode.NONE]);
  const rejoin = await c.join({ groupId: 'g', memberId: a.memberId, groupInstanceId: null, requireKnownMemberId: false, clientId: 'a', clientHost: '/h', sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 10_000, protocolType: 'consumer', protocols: [{ name: 'range', metadata: Buffer.alloc(0) }] });
  await bJoin;
  assert.deepEqual(errors(c.commitOffsets(commit('g', [['orders', 0, 8]], { generationId: rejoin.generationId, memberId: a.memberId }))), [ErrorCode.REBALANCE_IN_PROGRESS]);
});

test('DeleteGroups: NON_EMPTY_GROUP with members, GROUP_ID_NOT_FOUND when unknown, offsets go with the group', async () => {
  const c = new GroupCoordinator(new FakeGroupHost(5_000_000), { tickIntervalMs: 0 });
  await stableMember(c, 'busy', ['orders']);
  c.commitOffsets(commit('idle', [['orders', 0, 4]]));
  assert.equal(c.deleteGroup('busy'), ErrorCode.NON_EMPTY_GROUP);
  assert.equal(c.deleteGroup('missing'), ErrorCode.GROUP_ID_NOT_FOUND);
  assert.equal(c.deleteGroup('idle'), ErrorCode.NONE);
  assert.equal(c.deleteGroup('idle'), ErrorCode.GROUP_ID_NOT_FOUND);
  assert.equal(c.fetchOffsets('idle', [{ name: 'orders', partitionIndexes: [0] }]).topics[0].partitions[0].committedOffset, -1);
});

test('OffsetDelete refuses topics a live member subscribes to and deletes the others', async () => {
  const c = new GroupCoordinator(new FakeGroupHost(5_000_000), { tickIntervalMs: 0 });
  const m = await stableMember(c, 'g', ['orders']);
  c.commitOffsets(commit('g', [['orders', 0, 1], ['payments', 1, 2]], { generationId: m.generationId, memberId: m.memberId }));
  const result = c.deleteOffsets('g', [{ name: 'orders', partitions: [{ partitionIndex: 0 }] }, { name: 'payments', partitions: [{ partitionIndex: 1 }] }]);
  assert.equal(result.errorCode, ErrorCode.NONE);
  assert.deepEqual(errors(result.topics), [ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC, ErrorCode.NONE]);
  assert.deepEqual(c.fetchOffsets('g', null).topics.map((t) => t.name), ['orders']);
  assert.equal(c.deleteOffsets('missing', []).errorCode, ErrorCode.GROUP_ID_NOT_FOUND);
});

test('offsets survive a coordinator move and a restart from the data directory', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'groups-'));
  try {
    const host = new FakeGroupHost(5_000_000);
    const first = new GroupCoordinator(host, { dataDir: dir, tickIntervalMs: 0 });
    const m = await stableMember(first, 'persisted', ['orders']);
    first.commitOffsets(commit('persisted', [['orders', 1, 41]], { generationId: m.generationId, memberId: m.memberId }));
    first.commitOffsets(commit('persisted', [['orders', 1, 42]], { generationId: m.generationId, memberId: m.memberId }));
    first.commitOffsets(commit('gone', [['orders', 0, 1]]));
    first.deleteGroup('gone');
    first.commitOffsets(commit('pruned', [['orders', 0, 1], ['payments', 0, 2]]));
    first.deleteOffsets('pruned', [{ name: 'orders', partitions: [{ partitionIndex: 0 }] }]);

    const before = first.coordinatorFor('persisted');
    host.live = host.live.filter((id) => id !== before);
    assert.notEqual(first.coordinatorFor('persisted'), before);
    assert.equal(first.fetchOffsets('persisted', null).topics[0].partitions[0].committedOffset, 42);
    first.close();

    // A torn line at the end (crash mid-write) is ignored.
    appendFileSync(join(dir, 'groups', 'offsets.log'), '{"t":"c","g":"persis');
    const second = new GroupCoordinator(host, { dataDir: dir, tickIntervalMs: 0 });
    const p = second.fetchOffsets('persisted', null).topics[0].partitions[0];
    assert.deepEqual([p.partitionIndex, p.committedOffset, p.committedLeaderEpoch, p.metadata], [1, 42, 3, 'meta-42']);
    assert.equal(second.describeGroup('persisted').groupState, 'Empty');
    assert.equal(second.describeGroup('persisted').protocolType, 'consumer');
    assert.equal(second.describeGroup('gone').groupState, 'Dead');
    assert.deepEqual(second.fetchOffsets('pruned', null).topics.map((t) => t.name), ['payments']);
    // The log was compacted on load: one protocol-type line and one line per live offset.
    assert.equal(readFileSync(join(dir, 'groups', 'offsets.log'), 'utf8').trim().split('\n').length, 3);
    second.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a deleted topic takes its committed offsets along', () => {
  const host = new FakeGroupHost(5_000_000);
  const c = new GroupCoordinator(host, { tickIntervalMs: 0 });
  c.commitOffsets(commit('g', [['orders', 0, 1], ['payments', 0, 2]]));
  c.onTopicDeleted('orders');
  assert.deepEqual(c.fetchOffsets('g', null).topics.map((t) => t.name), ['payments']);
});

test('close() answers requests still waiting for a rebalance', async () => {
  const c = new GroupCoordinator(new FakeGroupHost(5_000_000), { tickIntervalMs: 0 });
  await stableMember(c, 'g', ['orders']);
  const waiting = c.join({ groupId: 'g', memberId: '', groupInstanceId: null, requireKnownMemberId: false, clientId: 'b', clientHost: '/h', sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 10_000, protocolType: 'consumer', protocols: [{ name: 'range', metadata: Buffer.alloc(0) }] });
  c.close();
  assert.equal((await waiting).errorCode, ErrorCode.COORDINATOR_NOT_AVAILABLE);
});
