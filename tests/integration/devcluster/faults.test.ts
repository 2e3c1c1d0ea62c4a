import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { startDevCluster, type DevCluster } from '@/lib/devcluster';
import { DescribeLogDirs, Metadata } from '@/lib/protocol/generated';
import { waitFor } from '@/tests/support/wait';
import { RawConnection, portOpen } from './support';

/** Short, so a held-back follower leaves the ISR within the test. */
const LAG_TIME_MAX_MS = 300;

describe('devcluster broker faults', () => {
  let cluster: DevCluster;
  let kafka: Kafka;
  let producer: Producer;
  const acknowledged: string[] = [];

  async function send(prefix: string, n: number, acks = -1): Promise<void> {
    const messages = Array.from({ length: n }, (_, i) => ({ key: `${prefix}-${i}`, value: `${prefix}-value-${i}` }));
    await producer.send({ topic: 'ha', acks, messages });
    acknowledged.push(...messages.map((m) => m.value));
  }

  before(async () => {
    cluster = await startDevCluster({ brokers: 3, basePort: 0, brokerConfigs: { 'replica.lag.time.max.ms': String(LAG_TIME_MAX_MS) } });
    cluster.createTopic({ name: 'ha', partitions: 6, replicationFactor: 3, configs: { 'min.insync.replicas': '2' } });
    kafka = new Kafka({ clientId: 'faults', brokers: cluster.bootstrapServers, logLevel: logLevel.NOTHING, retry: { retries: 8, initialRetryTime: 50, maxRetryTime: 500 } });
    // Idempotent, so retries after a broker stop cannot duplicate: the count must match exactly.
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, retry: { retries: 8, initialRetryTime: 50, maxRetryTime: 500 } });
    await producer.connect();
  });

  after(async () => {
    await producer.disconnect();
    await cluster.close();
  });

  it('moves leadership off a stopped broker, shrinks the ISR and keeps acks=-1 producing', async () => {
    await send('before', 300);
    const ledBy1 = cluster.topics.get('ha')!.partitions.filter((p) => p.leader === 1).map((p) => p.index);
    assert.ok(ledBy1.length > 0);
    const address1 = cluster.bootstrapServers[0];
    await cluster.stopBroker(1);
    assert.equal(await portOpen(address1), false, 'a stopped broker closes its port');
    for (const p of cluster.topics.get('ha')!.partitions) {
      assert.notEqual(p.leader, 1);
      assert.ok(!p.isr.includes(1), `partition ${p.index} ISR ${p.isr} excludes the stopped broker`);
      assert.equal(p.isr.length, 2);
    }
    const conn = await RawConnection.connect(cluster.bootstrapServers[1]);
    const meta = await conn.request(Metadata, 9, { topics: [{ name: 'ha' }], allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false });
    conn.close();
    assert.deepEqual(meta.brokers.map((b) => b.nodeId).sort(), [2, 3]);
    for (const p of meta.topics[0].partitions) {
      assert.deepEqual([...p.offlineReplicas!], [1]);
      assert.equal(p.isrNodes.length, 2);
    }
    assert.equal(meta.controllerId, 2, 'the controller moves to a live broker');
    await send('one-down', 300);
  });

  it('refuses acks=-1 with NOT_ENOUGH_REPLICAS below min.insync.replicas but accepts acks=1', async () => {
    await cluster.stopBroker(2);
    for (const p of cluster.topics.get('ha')!.partitions) assert.deepEqual(p.isr, [3]);
    const strict = kafka.producer({ retry: { retries: 1, initialRetryTime: 20, maxRetryTime: 50 } });
    await strict.connect();
    await assert.rejects(strict.send({ topic: 'ha', acks: -1, messages: [{ value: 'never-acked' }] }), (e: Error & { cause?: { type?: string } }) => {
      assert.match(`${e.message} ${e.cause?.type ?? ''}`, /NOT_ENOUGH_REPLICAS|not enough replicas|in-sync replicas/i);
      return true;
    });
    await strict.disconnect();
    const relaxed = kafka.producer();
    await relaxed.connect();
    const messages = Array.from({ length: 100 }, (_, i) => ({ value: `acks1-value-${i}` }));
    await relaxed.send({ topic: 'ha', acks: 1, messages });
    acknowledged.push(...messages.map((m) => m.value));
    await relaxed.disconnect();
  });

  it('restarts brokers: replicas catch up, rejoin the ISR and leaders return', async () => {
    await cluster.startBroker(1);
    await cluster.startBroker(2);
    for (const p of cluster.topics.get('ha')!.partitions) {
      assert.deepEqual([...p.isr].sort(), [1, 2, 3]);
      assert.equal(p.leader, p.replicas[0], 'the preferred replica leads again');
      assert.equal(p.replicaOffset(1), p.logEndOffset);
      assert.equal(p.highWatermark, p.logEndOffset);
    }
    await send('after', 300);
  });

  it('loses no acknowledged message', async () => {
    const consumer = kafka.consumer({ groupId: 'faults-verify' });
    await consumer.connect();
    await consumer.subscribe({ topic: 'ha', fromBeginning: true });
    const seen: string[] = [];
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          eachMessage: async ({ message }) => {
            seen.push(message.value!.toString());
            if (seen.length === acknowledged.length) resolve();
          },
        })
        .catch(reject);
    });
    await consumer.disconnect();
    assert.deepEqual([...seen].sort(), [...acknowledged].sort(), 'every acknowledged message once, nothing else');
    assert.ok(!seen.includes('never-acked'));
  });

  it('takes partitions offline when no replica is live, and back when one returns', async () => {
    cluster.createTopic({ name: 'single', partitions: 1, replicationFactor: 1, assignments: undefined });
    const p = cluster.partition('single', 0)!;
    const owner = p.replicas[0];
    await cluster.stopBroker(owner);
    assert.equal(p.leader, -1);
    const live = cluster.bootstrapServers[cluster.liveBrokerIds()[0] - 1];
    const conn = await RawConnection.connect(live);
    const meta = await conn.request(Metadata, 9, { topics: [{ name: 'single' }], allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false });
    conn.close();
    assert.equal(meta.topics[0].partitions[0].leaderId, -1);
    assert.equal(meta.topics[0].partitions[0].errorCode, 5, 'LEADER_NOT_AVAILABLE');
    await cluster.startBroker(owner);
    assert.equal(p.leader, owner);
  });

  it('a lagging follower drops out of the ISR, its replica stops advancing, and it rejoins', async () => {
    cluster.createTopic({ name: 'lag', partitions: 1, replicationFactor: 3 });
    const p = cluster.partition('lag', 0)!;
    const follower = p.replicas[1];
    const lagProducer = kafka.producer();
    await lagProducer.connect();
    await lagProducer.send({ topic: 'lag', acks: -1, messages: Array.from({ length: 50 }, (_, i) => ({ value: `x${i}` })) });
    const heldAt = Date.now();
    cluster.setFollowerLag('lag', 0, follower, true);
    assert.ok(p.isr.includes(follower), 'still in the ISR until replica.lag.time.max.ms has passed');
    await waitFor(() => !p.isr.includes(follower), { timeoutMs: 5000, what: 'the follower to leave the ISR' });
    assert.ok(Date.now() - heldAt >= LAG_TIME_MAX_MS, 'not before replica.lag.time.max.ms');
    const held = p.replicaOffset(follower);
    await lagProducer.send({ topic: 'lag', acks: -1, messages: Array.from({ length: 50 }, (_, i) => ({ value: `y${i}` })) });
    assert.equal(p.replicaOffset(follower), held, 'the lagging replica does not advance');
    assert.equal(p.highWatermark, 100, 'the high watermark follows the remaining ISR');

    const conn = await RawConnection.connect(cluster.bootstrapServers[follower - 1]);
    const dirs = await conn.request(DescribeLogDirs, 4, { topics: [{ topic: 'lag', partitions: [0] }] });
    conn.close();
    const entry = dirs.results[0].topics[0].partitions[0];
    assert.equal(entry.offsetLag, 50);
    assert.equal(entry.partitionSize, p.log.sizeUpTo(held));
    assert.ok(entry.partitionSize < p.log.totalBytes);

    cluster.setFollowerLag('lag', 0, follower, false);
    await waitFor(() => p.isr.includes(follower), { timeoutMs: 5000, what: 'follower to rejoin' });
    assert.equal(p.replicaOffset(follower), 100);
    await lagProducer.disconnect();
  });
});
