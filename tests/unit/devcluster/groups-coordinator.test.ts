import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GroupCoordinator, encodeSubscription } from '@/lib/devcluster/groups';
import { ErrorCode } from '@/lib/protocol/errors';
import type { JoinGroupParams } from '@/lib/devcluster/groups';
import { FakeGroupHost } from './fake-group-host';

function setup(options: { initialRebalanceDelayMs?: number } = {}) {
  const host = new FakeGroupHost();
  const coordinator = new GroupCoordinator(host, { tickIntervalMs: 0, ...options });
  const advance = (ms: number) => {
    host.time += ms;
    coordinator.tick();
  };
  return { host, coordinator, advance };
}

const subscription = (topics: string[]) =>
  encodeSubscription({ version: 0, topics, userData: null, ownedPartitions: [], generationId: -1, rackId: null });

function joinParams(overrides: Partial<JoinGroupParams> = {}): JoinGroupParams {
  return {
    groupId: 'g',
    memberId: '',
    groupInstanceId: null,
    requireKnownMemberId: false,
    clientId: 'client',
    clientHost: '/127.0.0.1',
    sessionTimeoutMs: 10_000,
    rebalanceTimeoutMs: 20_000,
    protocolType: 'consumer',
    protocols: [{ name: 'range', metadata: subscription(['orders']) }],
    ...overrides,
  };
}

/** Resolves to the value if the promise settles within the current macrotask, else 'pending'. */
async function peek<T>(p: Promise<T>): Promise<T | 'pending'> {
  return Promise.race([p, new Promise<'pending'>((r) => setImmediate(() => r('pending')))]);
}

async function joinAndSync(c: GroupCoordinator, overrides: Partial<JoinGroupParams> = {}) {
  const joined = await c.join(joinParams(overrides));
  assert.equal(joined.errorCode, ErrorCode.NONE);
  const synced = await c.sync({
    groupId: overrides.groupId ?? 'g', generationId: joined.generationId, memberId: joined.memberId,
    groupInstanceId: overrides.groupInstanceId ?? null, protocolType: null, protocolName: null,
    assignments: joined.members.map((m) => ({ memberId: m.memberId, assignment: Buffer.from(`to-${m.memberId}`) })),
  });
  assert.equal(synced.errorCode, ErrorCode.NONE);
  return joined;
}

test('a single member joins, leads, syncs and the group becomes Stable', async () => {
  const { coordinator } = setup();
  const joined = await coordinator.join(joinParams());
  assert.equal(joined.errorCode, ErrorCode.NONE);
  assert.equal(joined.generationId, 1);
  assert.equal(joined.leader, joined.memberId);
  assert.equal(joined.protocolName, 'range');
  assert.equal(joined.protocolType, 'consumer');
  assert.match(joined.memberId, /^client-[0-9a-f-]{36}$/);
  assert.deepEqual(joined.members.map((m) => m.memberId), [joined.memberId]);
  assert.equal(coordinator.describeGroup('g').groupState, 'CompletingRebalance');

  const synced = await coordinator.sync({
    groupId: 'g', generationId: 1, memberId: joined.memberId, groupInstanceId: null,
    protocolType: 'consumer', protocolName: 'range', assignments: [{ memberId: joined.memberId, assignment: Buffer.from('A') }],
  });
  assert.equal(synced.errorCode, ErrorCode.NONE);
  assert.equal(synced.assignment.toString(), 'A');
  const described = coordinator.describeGroup('g');
  assert.equal(described.groupState, 'Stable');
  assert.equal(described.protocolData, 'range');
  assert.equal(described.members[0].clientId, 'client');
  assert.equal(described.members[0].clientHost, '/127.0.0.1');
  assert.equal(described.members[0].memberAssignment.toString(), 'A');
  assert.deepEqual(described.members[0].memberMetadata, subscription(['orders']));
});

test('v4+ joins get MEMBER_ID_REQUIRED first and are admitted with the id they were given', async () => {
  const { coordinator } = setup();
  const first = await coordinator.join(joinParams({ requireKnownMemberId: true }));
  assert.equal(first.errorCode, ErrorCode.MEMBER_ID_REQUIRED);
  assert.notEqual(first.memberId, '');
  const second = await coordinator.join(joinParams({ requireKnownMemberId: true, memberId: first.memberId }));
  assert.equal(second.errorCode, ErrorCode.NONE);
  assert.equal(second.memberId, first.memberId);
  assert.equal(second.generationId, 1);
});

test('an unknown member id is rejected; an unused pending member id expires after its session timeout', async () => {
  const { coordinator, advance } = setup();
  assert.equal((await coordinator.join(joinParams({ memberId: 'nope' }))).errorCode, ErrorCode.UNKNOWN_MEMBER_ID);
  const pending = await coordinator.join(joinParams({ requireKnownMemberId: true }));
  advance(10_001);
  const late = await coordinator.join(joinParams({ requireKnownMemberId: true, memberId: pending.memberId }));
  assert.equal(late.errorCode, ErrorCode.UNKNOWN_MEMBER_ID);
});

test('a second member triggers a rebalance: heartbeats say REBALANCE_IN_PROGRESS until everyone rejoined', async () => {
  const { coordinator } = setup();
  const a = await joinAndSync(coordinator, { clientId: 'a' });
  const bJoin = coordinator.join(joinParams({ clientId: 'b' }));
  assert.equal(await peek(bJoin), 'pending');
  assert.equal(coordinator.describeGroup('g').groupState, 'PreparingRebalance');
  assert.equal(
    coordinator.heartbeat({ groupId: 'g', generationId: 1, memberId: a.memberId, groupInstanceId: null }),
    ErrorCode.REBALANCE_IN_PROGRESS,
  );
  const aRejoin = await coordinator.join(joinParams({ clientId: 'a', memberId: a.memberId }));
  const b = await bJoin;
  assert.equal(aRejoin.generationId, 2);
  assert.equal(b.generationId, 2);
  assert.equal(aRejoin.leader, a.memberId, 'the old leader keeps leading when it rejoins');
  assert.equal(aRejoin.members.length, 2);
  assert.equal(b.members.length, 0, 'followers get no member list');

  // The follower's SyncGroup waits for the leader's assignment.
  const bSync = coordinator.sync({ groupId: 'g', generationId: 2, memberId: b.memberId, groupInstanceId: null, protocolType: null, protocolName: null, assignments: [] });
  assert.equal(await peek(bSync), 'pending');
  const aSync = await coordinator.sync({
    groupId: 'g', generationId: 2, memberId: a.memberId, groupInstanceId: null, protocolType: null, protocolName: null,
    assignments: [{ memberId: a.memberId, assignment: Buffer.from('A') }, { memberId: b.memberId, assignment: Buffer.from('B') }],
  });
  assert.equal(aSync.assignment.toString(), 'A');
  assert.equal((await bSync).assignment.toString(), 'B');
  assert.equal(coordinator.describeGroup('g').groupState, 'Stable');
  assert.equal(coordinator.heartbeat({ groupId: 'g', generationId: 2, memberId: b.memberId, groupInstanceId: null }), ErrorCode.NONE);
});

test('heartbeat errors: ILLEGAL_GENERATION, UNKNOWN_MEMBER_ID, unknown group', async () => {
  const { coordinator } = setup();
  const a = await joinAndSync(coordinator);
  assert.equal(coordinator.heartbeat({ groupId: 'g', generationId: 7, memberId: a.memberId, groupInstanceId: null }), ErrorCode.ILLEGAL_GENERATION);
  assert.equal(coordinator.heartbeat({ groupId: 'g', generationId: 1, memberId: 'x', groupInstanceId: null }), ErrorCode.UNKNOWN_MEMBER_ID);
  assert.equal(coordinator.heartbeat({ groupId: 'other', generationId: 1, memberId: 'x', groupInstanceId: null }), ErrorCode.UNKNOWN_MEMBER_ID);
  const sync = await coordinator.sync({ groupId: 'g', generationId: 9, memberId: a.memberId, groupInstanceId: null, protocolType: null, protocolName: null, assignments: [] });
  assert.equal(sync.errorCode, ErrorCode.ILLEGAL_GENERATION);
});

test('members that do not rejoin within the rebalance timeout are dropped', async () => {
  const { coordinator, advance } = setup();
  const a = await joinAndSync(coordinator, { clientId: 'a', rebalanceTimeoutMs: 15_000 });
  const bJoin = coordinator.join(joinParams({ clientId: 'b', rebalanceTimeoutMs: 15_000 }));
  // a keeps heartbeating (so it does not expire by session) but never rejoins.
  for (let t = 0; t < 14_000; t += 2_000) {
    advance(2_000);
    coordinator.heartbeat({ groupId: 'g', generationId: 1, memberId: a.memberId, groupInstanceId: null });
  }
  assert.equal(await peek(bJoin), 'pending');
  advance(1_500);
  const b = await bJoin;
  assert.equal(b.errorCode, ErrorCode.NONE);
  assert.equal(b.generationId, 2);
  assert.equal(b.leader, b.memberId, 'leadership moves to a member that rejoined');
  assert.deepEqual(b.members.map((m) => m.memberId), [b.memberId]);
  assert.equal(coordinator.heartbeat({ groupId: 'g', generationId: 1, memberId: a.memberId, groupInstanceId: null }), ErrorCode.UNKNOWN_MEMBER_ID);
});

test('session timeout expires a silent member and the rest rebalance', async () => {
  const { coordinator, advance } = setup();
  const a = await joinAndSync(coordinator, { clientId: 'a' });
  const bJoin = coordinator.join(joinParams({ clientId: 'b' }));
  const aRejoin = await coordinator.join(joinParams({ clientId: 'a', memberId: a.memberId }));
  const b = await bJoin;
  await coordinator.sync({ groupId: 'g', generationId: 2, memberId: aRejoin.memberId, groupInstanceId: null, protocolType: null, protocolName: null, assignments: [] });
  await coordinator.sync({ groupId: 'g', generationId: 2, memberId: b.memberId, groupInstanceId: null, protocolType: null, protocolName: null, assignments: [] });

  // b heartbeats, a goes silent.
  for (let t = 0; t < 9_000; t += 3_000) {
    advance(3_000);
    assert.equal(coordinator.heartbeat({ groupId: 'g', generationId: 2, memberId: b.memberId, groupInstanceId: null }), ErrorCode.NONE);
  }
  assert.equal(coordinator.describeGroup('g').members.length, 2);
  advance(1_500);
  assert.equal(coordinator.describeGroup('g').members.length, 1);
  assert.equal(coordinator.heartbeat({ groupId: 'g', generationId: 2, memberId: b.memberId, groupInstanceId: null }), ErrorCode.REBALANCE_IN_PROGRESS);
  const bRejoin = await coordinator.join(joinParams({ clientId: 'b', memberId: b.memberId }));
  assert.equal(bRejoin.generationId, 3);
  assert.equal(bRejoin.leader, b.memberId);
});

test('LeaveGroup removes members in a batch; the last one leaving empties the group', async () => {
  const { coordinator } = setup();
  const a = await joinAndSync(coordinator, { clientId: 'a' });
  const bJoin = coordinator.join(joinParams({ clientId: 'b' }));
  await coordinator.join(joinParams({ clientId: 'a', memberId: a.memberId }));
  const b = await bJoin;
  const result = coordinator.leave('g', [
    { memberId: a.memberId, groupInstanceId: null },
    { memberId: b.memberId, groupInstanceId: null },
    { memberId: 'ghost', groupInstanceId: null },
  ]);
  assert.deepEqual(result.members.map((m) => m.errorCode), [ErrorCode.NONE, ErrorCode.NONE, ErrorCode.UNKNOWN_MEMBER_ID]);
  const described = coordinator.describeGroup('g');
  assert.equal(described.groupState, 'Empty');
  assert.equal(described.protocolType, 'consumer', 'an empty consumer group keeps its protocol type');
  assert.equal(described.members.length, 0);
});

test('a follower waiting in SyncGroup gets REBALANCE_IN_PROGRESS when a member leaves first', async () => {
  const { coordinator } = setup();
  const a = await joinAndSync(coordinator, { clientId: 'a' });
  const bJoin = coordinator.join(joinParams({ clientId: 'b' }));
  await coordinator.join(joinParams({ clientId: 'a', memberId: a.memberId }));
  const b = await bJoin;
  const bSync = coordinator.sync({ groupId: 'g', generationId: 2, memberId: b.memberId, groupInstanceId: null, protocolType: null, protocolName: null, assignments: [] });
  coordinator.leave('g', [{ memberId: a.memberId, groupInstanceId: null }]);
  assert.equal((await bSync).errorCode, ErrorCode.REBALANCE_IN_PROGRESS);
});

test('protocol selection needs a protocol every member supports', async () => {
  const { coordinator } = setup();
  const meta = Buffer.from('m');
  const aJoin = await coordinator.join(joinParams({ clientId: 'a', protocols: [{ name: 'roundrobin', metadata: meta }, { name: 'range', metadata: meta }] }));
  assert.equal(aJoin.protocolName, 'roundrobin');
  const mismatch = await coordinator.join(joinParams({ clientId: 'c', protocols: [{ name: 'sticky', metadata: meta }] }));
  assert.equal(mismatch.errorCode, ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
  const wrongType = await coordinator.join(joinParams({ clientId: 'c', protocolType: 'connect' }));
  assert.equal(wrongType.errorCode, ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
  const bJoin = coordinator.join(joinParams({ clientId: 'b', protocols: [{ name: 'range', metadata: meta }] }));
  const aRejoin = await coordinator.join(joinParams({ clientId: 'a', memberId: aJoin.memberId, protocols: [{ name: 'roundrobin', metadata: meta }, { name: 'range', metadata: meta }] }));
  assert.equal(aRejoin.protocolName, 'range');
  assert.equal((await bJoin).protocolName, 'range');
});

test('session timeouts outside the broker range and empty group ids are refused', async () => {
  const { coordinator } = setup();
  assert.equal((await coordinator.join(joinParams({ sessionTimeoutMs: 10 }))).errorCode, ErrorCode.INVALID_SESSION_TIMEOUT);
  assert.equal((await coordinator.join(joinParams({ groupId: '' }))).errorCode, ErrorCode.INVALID_GROUP_ID);
});

test('static members: rejoining with the same instance id fences the old member id', async () => {
  const { coordinator } = setup();
  const first = await joinAndSync(coordinator, { groupInstanceId: 'instance-1' });
  const second = await coordinator.join(joinParams({ groupInstanceId: 'instance-1' }));
  assert.equal(second.errorCode, ErrorCode.NONE);
  assert.notEqual(second.memberId, first.memberId);
  assert.equal(second.generationId, 2);
  assert.deepEqual(second.members.map((m) => m.groupInstanceId), ['instance-1']);
  assert.equal(
    coordinator.heartbeat({ groupId: 'g', generationId: 2, memberId: first.memberId, groupInstanceId: 'instance-1' }),
    ErrorCode.FENCED_INSTANCE_ID,
  );
  const left = coordinator.leave('g', [{ memberId: '', groupInstanceId: 'instance-1' }]);
  assert.equal(left.members[0].errorCode, ErrorCode.NONE);
  assert.equal(coordinator.describeGroup('g').groupState, 'Empty');
});

test('the initial rebalance delay collects members that join close together into one generation', async () => {
  const { coordinator, advance } = setup({ initialRebalanceDelayMs: 3_000 });
  const a = coordinator.join(joinParams({ clientId: 'a' }));
  advance(1_000);
  const b = coordinator.join(joinParams({ clientId: 'b' }));
  advance(2_500);
  assert.equal(await peek(a), 'pending', 'the second join extended the delay');
  advance(1_000);
  const [ra, rb] = await Promise.all([a, b]);
  assert.equal(ra.generationId, 1);
  assert.equal(rb.generationId, 1);
});

test('ListGroups filters by state and type; DescribeGroups reports unknown groups as Dead', async () => {
  const { coordinator } = setup();
  await joinAndSync(coordinator, { groupId: 'stable-group' });
  coordinator.commitOffsets({ groupId: 'empty-group', generationId: -1, memberId: '', groupInstanceId: null, topics: [{ name: 'orders', partitions: [{ partitionIndex: 0, committedOffset: 5, committedLeaderEpoch: -1, committedMetadata: null }] }] });
  assert.deepEqual(coordinator.listGroups().map((g) => g.groupId).sort(), ['empty-group', 'stable-group']);
  assert.deepEqual(coordinator.listGroups({ states: ['stable'] }).map((g) => g.groupId), ['stable-group']);
  assert.deepEqual(coordinator.listGroups({ states: ['Empty'] }).map((g) => [g.groupId, g.protocolType]), [['empty-group', '']]);
  assert.equal(coordinator.listGroups({ types: ['consumer'] }).length, 0);
  assert.equal(coordinator.listGroups({ types: ['classic'] }).length, 2);
  const owner = coordinator.coordinatorFor('stable-group')!;
  assert.ok(coordinator.listGroups({ coordinatorId: owner }).some((g) => g.groupId === 'stable-group'));
  assert.ok(!coordinator.listGroups({ coordinatorId: owner + 100 }).length);
  assert.equal(coordinator.describeGroup('missing').groupState, 'Dead');
});

test('coordinator placement is stable and moves over live brokers only', () => {
  const { host, coordinator } = setup();
  const ids = Array.from({ length: 200 }, (_, i) => `group-${i}`);
  const before = ids.map((g) => coordinator.coordinatorFor(g));
  assert.deepEqual(new Set(before), new Set([1, 2, 3]), 'groups spread over every broker');
  assert.deepEqual(ids.map((g) => coordinator.coordinatorFor(g)), before);
  host.live = [1, 3];
  assert.ok(ids.every((g) => [1, 3].includes(coordinator.coordinatorFor(g)!)));
  host.live = [];
  assert.equal(coordinator.coordinatorFor('x'), null);
});

test('the coordinator error codes agree with the protocol error table', async () => {
  const { kafkaErrorByName } = await import('@/lib/protocol/errors');
  for (const [name, code] of Object.entries(ErrorCode)) assert.equal(kafkaErrorByName(name)?.code, code, name);
});

test('a leader that never sends SyncGroup is dropped after the rebalance timeout; waiting followers rejoin', async () => {
  const { coordinator, advance } = setup();
  const a = await joinAndSync(coordinator, { clientId: 'a', rebalanceTimeoutMs: 8_000 });
  const bJoin = coordinator.join(joinParams({ clientId: 'b', rebalanceTimeoutMs: 8_000 }));
  await coordinator.join(joinParams({ clientId: 'a', memberId: a.memberId, rebalanceTimeoutMs: 8_000 }));
  const b = await bJoin;
  const bSync = coordinator.sync({ groupId: 'g', generationId: 2, memberId: b.memberId, groupInstanceId: null, protocolType: null, protocolName: null, assignments: [] });
  for (let t = 0; t < 8_000; t += 2_000) {
    advance(2_000);
    coordinator.heartbeat({ groupId: 'g', generationId: 2, memberId: a.memberId, groupInstanceId: null });
  }
  assert.equal((await bSync).errorCode, ErrorCode.REBALANCE_IN_PROGRESS);
  assert.deepEqual(coordinator.describeGroup('g').members.map((m) => m.clientId), ['b']);
  const again = await coordinator.join(joinParams({ clientId: 'b', memberId: b.memberId }));
  assert.equal(again.generationId, 3);
  assert.equal(again.leader, b.memberId);
});

test('a commit from a live member counts as a heartbeat', async () => {
  const { coordinator, advance } = setup();
  const a = await joinAndSync(coordinator);
  for (let t = 0; t < 30_000; t += 5_000) {
    advance(5_000);
    const r = coordinator.commitOffsets({ groupId: 'g', generationId: a.generationId, memberId: a.memberId, groupInstanceId: null, topics: [{ name: 'orders', partitions: [{ partitionIndex: 0, committedOffset: t, committedLeaderEpoch: -1, committedMetadata: null }] }] });
    assert.equal(r[0].partitions[0].errorCode, ErrorCode.NONE);
  }
  assert.equal(coordinator.describeGroup('g').groupState, 'Stable');
});
