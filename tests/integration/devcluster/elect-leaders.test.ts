import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Kafka, logLevel } from 'kafkajs';
import { startDevCluster, type DevCluster } from '@/lib/devcluster';
import { ErrorCode } from '@/lib/protocol/errors';
import { ElectLeaders } from '@/lib/protocol/generated';
import { RawConnection } from './support';

// The dev cluster's own leader movement (stopped brokers, auto.leader.rebalance.enable) and
// ElectLeaders; leaders are read back with kafkajs, a client this project did not write.

describe('devcluster leader election', () => {
  let cluster: DevCluster;
  let kafka: Kafka;

  const leaders = async (topic: string) => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
      return new Map(topics[0].partitions.map((p) => [p.partitionId, p.leader]));
    } finally {
      await admin.disconnect();
    }
  };

  const elect = async (body: Parameters<typeof ElectLeaders.encodeRequest>[2]) => {
    const live = cluster.liveBrokerIds()[0];
    const conn = await RawConnection.connect(cluster.bootstrapServers[live - 1]);
    try {
      return await conn.request(ElectLeaders, 2, body);
    } finally {
      conn.close();
    }
  };

  before(async () => {
    cluster = await startDevCluster({ brokers: 3, basePort: 0, brokerConfigs: { 'auto.leader.rebalance.enable': 'false' } });
    cluster.createTopic({ name: 'elect', partitions: 6, replicationFactor: 3 });
    kafka = new Kafka({ clientId: 'elect-test', brokers: cluster.bootstrapServers, logLevel: logLevel.NOTHING });
  });

  after(async () => {
    await cluster.close();
  });

  it('keeps moved leaders after a restart until a preferred election restores them', async () => {
    const preferred = new Map(cluster.topics.get('elect')!.partitions.map((p) => [p.index, p.replicas[0]]));
    assert.deepEqual(await leaders('elect'), preferred, 'leaders start on their preferred replicas');
    const ledBy1 = [...preferred].filter(([, b]) => b === 1).map(([i]) => i);
    assert.ok(ledBy1.length > 0);

    await cluster.stopBroker(1);
    await cluster.startBroker(1);
    const moved = await leaders('elect');
    for (const i of ledBy1) assert.notEqual(moved.get(i), 1, `partition ${i} stays on its new leader`);

    const res = await elect({ electionType: 0, topicPartitions: [{ topic: 'elect', partitions: [...preferred.keys()] }], timeoutMs: 5000 });
    assert.equal(res.errorCode, ErrorCode.NONE);
    const codes = new Map(res.replicaElectionResults[0].partitionResult.map((r) => [r.partitionId, r.errorCode]));
    for (const [i] of preferred) assert.equal(codes.get(i), ledBy1.includes(i) ? ErrorCode.NONE : ErrorCode.ELECTION_NOT_NEEDED, `partition ${i}`);
    assert.deepEqual(await leaders('elect'), preferred, 'every partition is led by its preferred replica again');
  });

  it('answers PREFERRED_LEADER_NOT_AVAILABLE while the preferred replica is down, and UNKNOWN for a missing partition', async () => {
    const p0 = cluster.partition('elect', 0)!;
    const first = p0.replicas[0];
    await cluster.stopBroker(first);
    try {
      const res = await elect({ electionType: 0, topicPartitions: [{ topic: 'elect', partitions: [0] }, { topic: 'no-such-topic', partitions: [0] }], timeoutMs: 5000 });
      const byTopic = new Map(res.replicaElectionResults.map((t) => [t.topic, t.partitionResult[0]]));
      assert.equal(byTopic.get('elect')!.errorCode, ErrorCode.PREFERRED_LEADER_NOT_AVAILABLE);
      assert.ok(byTopic.get('elect')!.errorMessage);
      assert.equal(byTopic.get('no-such-topic')!.errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    } finally {
      await cluster.startBroker(first);
    }
    const all = await elect({ electionType: 0, topicPartitions: null, timeoutMs: 5000 });
    const elected = all.replicaElectionResults.flatMap((t) => t.partitionResult.map((r) => `${t.topic}-${r.partitionId}:${r.errorCode}`));
    assert.ok(elected.includes(`elect-0:${ErrorCode.NONE}`), 'an election for every partition elects the moved one');
    assert.ok(elected.every((e) => e.endsWith(`:${ErrorCode.NONE}`)), 'and reports no partition that needed none');
    assert.equal((await leaders('elect')).get(0), first);
  });
});
