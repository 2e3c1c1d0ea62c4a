import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Kafka, logLevel } from 'kafkajs';
import { quorumResponse, type QuorumResponse } from '@/lib/api/quorum';
import { callRoute, startConsoleUnderTest, type ConsoleUnderTest } from '@/tests/support/console';
import { waitFor } from '@/tests/support/wait';

// The metadata quorum route: a KRaft-style answer from the embedded cluster, checked against the
// controller kafkajs reports; a stopped voter falls behind as metadata changes and the leader's
// epoch moves on when the controller stops.

type Handler = Parameters<typeof callRoute>[0];
type Kraft = Extract<QuorumResponse, { mode: 'kraft' }>;
const external = Boolean(process.env.TEST_KAFKA_BROKERS);
let ctx: ConsoleUnderTest;
let kafka: Kafka;
let quorum: Handler;

before(async () => {
  ctx = await startConsoleUnderTest();
  kafka = new Kafka({ clientId: 'quorum-test', brokers: ctx.brokers, logLevel: logLevel.NOTHING });
  quorum = (await import('@/app/api/clusters/[cluster]/quorum/route')).GET;
});
after(() => ctx?.close());

const read = async () => {
  const { status, body } = await callRoute<QuorumResponse>(quorum, { cluster: 'main' }, { query: { refresh: '1' } });
  assert.equal(status, 200, JSON.stringify(body));
  return quorumResponse.parse(body);
};
const controller = async () => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.describeCluster()).controller;
  } finally {
    await admin.disconnect();
  }
};

describe('metadata quorum', () => {
  it('answers for any cluster: the KRaft quorum, or the controller when the brokers have no DescribeQuorum', async () => {
    const q = await read();
    if (q.mode === 'no-quorum-api') {
      assert.equal(q.controllerId, await controller());
      return;
    }
    assert.ok(q.voters.length > 0);
    assert.ok(q.voters.some((v) => v.id === q.leaderId), 'the leader is a voter');
    assert.equal(q.voters.find((v) => v.id === q.leaderId)!.lag, 0);
    assert.ok(q.highWatermark >= 0);
  });

  it('shows a stopped voter falling behind and a new leader epoch after the controller stops', { skip: external && 'stops brokers of the embedded cluster' }, async () => {
    const first = (await read()) as Kraft;
    assert.equal(first.mode, 'kraft');
    assert.equal(first.leaderId, await controller(), 'the quorum leader is the controller kafkajs sees');
    assert.deepEqual(first.voters.map((v) => v.id), [1, 2, 3]);
    const follower = first.voters.find((v) => v.id !== first.leaderId)!.id;
    await ctx.cluster.stopBroker(follower);
    try {
      ctx.cluster.createTopic({ name: `quorum-${Date.now().toString(36)}`, partitions: 1, replicationFactor: 2 });
      const behind = (await read()) as Kraft;
      const stopped = behind.voters.find((v) => v.id === follower)!;
      assert.ok(stopped.lag! > 0, `the stopped voter lags (${stopped.lag})`);
      assert.equal(stopped.brokerOnline, false);
      assert.ok(behind.highWatermark > first.highWatermark);
    } finally {
      await ctx.cluster.startBroker(follower);
    }
    assert.equal(((await read()) as Kraft).voters.find((v) => v.id === follower)!.lag, 0, 'caught up after the restart');

    const leader = first.leaderId;
    await ctx.cluster.stopBroker(leader);
    try {
      await waitFor(async () => ((await read()) as Kraft).leaderId !== leader, { timeoutMs: 10_000, what: 'a new quorum leader' });
      const moved = (await read()) as Kraft;
      assert.ok(moved.leaderEpoch > first.leaderEpoch, 'the epoch moves on with the new leader');
      assert.equal(moved.leaderId, await controller());
    } finally {
      await ctx.cluster.startBroker(leader);
    }
  });
});
