import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startConsoleUnderTest, type ConsoleUnderTest } from '@/tests/support/console';

// The batched group reads against the devcluster: the same answer through OffsetFetch v8 and the
// per-group fallback, requests that do not grow with the number of groups, and a coordinator
// that moves when its broker stops.

let env: ConsoleUnderTest;
let read: typeof import('@/lib/kafka/groups/read-groups');
let counter: typeof import('@/lib/kafka/groups/requests');
const GROUPS = 60;
const TOPIC = 'reads';

before(async () => {
  env = await startConsoleUnderTest();
  env.cluster.createTopic({ name: TOPIC, partitions: 4, replicationFactor: 3 });
  for (let p = 0; p < 4; p++) {
    env.cluster.appendRecords(TOPIC, p, Array.from({ length: 50 }, (_, i) => ({ key: null, value: Buffer.from(String(i)), headers: [] })));
  }
  for (let i = 0; i < GROUPS; i++) {
    env.cluster.groups.commitOffsets({
      groupId: `reader-${i}`,
      generationId: -1,
      memberId: '',
      groupInstanceId: null,
      topics: [{ name: TOPIC, partitions: [0, 1, 2, 3].map((p) => ({ partitionIndex: p, committedOffset: (i + p) % 50, committedLeaderEpoch: -1, committedMetadata: `m${i}` })) }],
    });
  }
  read = await import('@/lib/kafka/groups/read-groups');
  counter = await import('@/lib/kafka/groups/requests');
});

after(async () => {
  await env?.close();
});

const offsetsOf = (s: Awaited<ReturnType<typeof read.readAllGroups>>) =>
  s.groups.map((g) => [g.groupId, g.coordinator, [...g.offsets].map(([t, rows]) => [t, rows.map((r) => [r.partition, r.committed, r.metadata])])]);

describe('readAllGroups', () => {
  it('reads every group with its offsets and log ranges', async () => {
    const snapshot = await read.readAllGroups('main');
    assert.equal(snapshot.groups.length, GROUPS);
    const g7 = snapshot.groups.find((g) => g.groupId === 'reader-7')!;
    assert.equal(g7.state, 'Empty');
    assert.deepEqual(g7.offsets.get(TOPIC), [0, 1, 2, 3].map((p) => ({ partition: p, committed: 7 + p, metadata: 'm7' })));
    assert.deepEqual(snapshot.logs.get(`${TOPIC}:2`), { logStart: 0, logEnd: 50 });
    assert.deepEqual(snapshot.warnings, []);
  });

  it('sends one OffsetFetch per coordinator with v8, one per group without, with the same result', async () => {
    counter.resetGroupRequestCounts();
    const batched = await read.readAllGroups('main');
    const v8 = counter.groupRequestCounts();
    counter.resetGroupRequestCounts();
    const pipelined = await read.readAllGroups('main', { offsetFetchMaxVersion: 7 });
    const old = counter.groupRequestCounts();
    const coordinators = new Set(batched.groups.map((g) => g.coordinator)).size;
    assert.equal(v8.OffsetFetch, coordinators);
    assert.equal(v8.DescribeGroups, coordinators);
    assert.equal(v8.ListGroups, 3);
    assert.equal(old.OffsetFetch, GROUPS);
    assert.deepEqual(offsetsOf(pipelined), offsetsOf(batched));
  });

  it('finds the coordinators of named groups with one batched FindCoordinator', async () => {
    counter.resetGroupRequestCounts();
    const ids = ['reader-1', 'reader-2', 'reader-3', 'reader-40', 'no-such-group'];
    const snapshot = await read.readGroups('main', ids);
    assert.equal(counter.groupRequestCounts().FindCoordinator, 1);
    assert.deepEqual(snapshot.groups.map((g) => g.groupId), [...ids].sort());
    const missing = snapshot.groups.find((g) => g.groupId === 'no-such-group')!;
    assert.equal(missing.offsets.size, 0);
    assert.equal(missing.members.length, 0);
  });

  it('still reads every group after a coordinator broker stops', async () => {
    const before = await read.readAllGroups('main');
    const victim = before.groups.find((g) => g.groupId === 'reader-5')!.coordinator!;
    await env.cluster.stopBroker(victim);
    try {
      const { getMetadata } = await import('@/lib/kafka/metadata');
      await getMetadata('main', true);
      const afterStop = await read.readAllGroups('main');
      assert.equal(afterStop.groups.length, GROUPS);
      const moved = afterStop.groups.find((g) => g.groupId === 'reader-5')!;
      assert.notEqual(moved.coordinator, victim);
      assert.equal(moved.offsets.get(TOPIC)?.length, 4);
      assert.ok(afterStop.groups.every((g) => !g.error), JSON.stringify(afterStop.groups.find((g) => g.error)));
    } finally {
      await env.cluster.startBroker(victim);
    }
  });
});
