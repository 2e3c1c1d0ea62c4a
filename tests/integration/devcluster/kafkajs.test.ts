import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConfigResourceTypes, Kafka, logLevel, type Admin } from 'kafkajs';
import { startDevCluster, type DevCluster } from '@/lib/devcluster';

describe('devcluster with kafkajs 2.2.4', () => {
  let cluster: DevCluster;
  let kafka: Kafka;
  let admin: Admin;

  before(async () => {
    cluster = await startDevCluster({ brokers: 3, basePort: 0 });
    kafka = new Kafka({ clientId: 'kafkajs-test', brokers: cluster.bootstrapServers, logLevel: logLevel.NOTHING });
    admin = kafka.admin();
    await admin.connect();
  });

  after(async () => {
    await admin.disconnect();
    await cluster.close();
  });

  it('creates topics and lists them with metadata', async () => {
    const created = await admin.createTopics({
      topics: [
        { topic: 'orders', numPartitions: 6, replicationFactor: 3 },
        { topic: 'audit', numPartitions: 1, replicationFactor: 1, configEntries: [{ name: 'retention.ms', value: '60000' }] },
      ],
    });
    assert.equal(created, true);
    assert.equal(await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 1 }] }), false);
    const names = await admin.listTopics();
    assert.deepEqual(names.sort(), ['__consumer_offsets', 'audit', 'orders']);
    const meta = await admin.fetchTopicMetadata({ topics: ['orders'] });
    const parts = meta.topics[0].partitions;
    assert.equal(parts.length, 6);
    for (const p of parts) {
      assert.equal(p.replicas.length, 3);
      assert.deepEqual([...p.isr].sort(), [...p.replicas].sort());
      assert.equal(p.leader, p.replicas[0]);
    }
    const leaders = new Set(parts.map((p) => p.leader));
    assert.equal(leaders.size, 3, 'leaders are spread over all brokers');
    const cl = await admin.describeCluster();
    assert.equal(cl.brokers.length, 3);
    assert.equal(cl.clusterId, cluster.clusterId);
    assert.equal(cl.controller, 1);
  });

  it('rejects bad topic names, replication factors and configs with Kafka errors', async () => {
    await assert.rejects(admin.createTopics({ topics: [{ topic: 'bad name!', numPartitions: 1 }] }), (e: Error & { errors?: { type: string }[] }) => {
      assert.equal(e.errors?.[0].type, 'INVALID_TOPIC_EXCEPTION');
      return true;
    });
    await assert.rejects(admin.createTopics({ topics: [{ topic: 'rf4', numPartitions: 1, replicationFactor: 4 }] }), (e: Error & { errors?: { type: string }[] }) => {
      assert.equal(e.errors?.[0].type, 'INVALID_REPLICATION_FACTOR');
      return true;
    });
    await assert.rejects(
      admin.createTopics({ topics: [{ topic: 'cfg', numPartitions: 1, configEntries: [{ name: 'retention.ms', value: 'soon' }] }] }),
      (e: Error & { errors?: { type: string; message?: string }[] }) => {
        assert.equal(e.errors?.[0].type, 'INVALID_CONFIG');
        return true;
      },
    );
    await assert.rejects(admin.createTopics({ topics: [{ topic: 'cfg2', numPartitions: 1, configEntries: [{ name: 'no.such.config', value: '1' }] }] }));
  });

  it('produces 100,000 keyed messages with headers and consumes them back', async () => {
    const total = 100_000;
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    const chunk = 2000;
    for (let start = 0; start < total; start += chunk) {
      const messages = Array.from({ length: chunk }, (_, j) => {
        const i = start + j;
        return { key: `key-${i % 997}`, value: `value-${i}`, headers: { seq: String(i), source: 'kafkajs' } };
      });
      await producer.send({ topic: 'orders', acks: -1, messages });
    }
    await producer.disconnect();

    const offsets = await admin.fetchTopicOffsets('orders');
    assert.equal(offsets.reduce((n, o) => n + Number(o.high), 0), total);

    const consumer = kafka.consumer({ groupId: 'kafkajs-100k', maxBytes: 4 * 1024 * 1024 });
    await consumer.connect();
    await consumer.subscribe({ topic: 'orders', fromBeginning: true });
    const seen = new Uint8Array(total);
    let count = 0;
    let bad = 0;
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          eachBatch: async ({ batch }) => {
            for (const m of batch.messages) {
              const i = Number(m.headers?.seq?.toString());
              if (m.value?.toString() !== `value-${i}` || m.key?.toString() !== `key-${i % 997}` || m.headers?.source?.toString() !== 'kafkajs') bad++;
              if (!seen[i]) {
                seen[i] = 1;
                count++;
              }
            }
            if (count === total) resolve();
          },
        })
        .catch(reject);
    });
    await consumer.disconnect();
    assert.equal(bad, 0);
    assert.equal(count, total);
  });

  it('describes and alters topic and broker configs', async () => {
    const res = await admin.describeConfigs({ includeSynonyms: true, resources: [{ type: ConfigResourceTypes.TOPIC, name: 'audit' }] });
    const entries = res.resources[0].configEntries;
    const retention = entries.find((e) => e.configName === 'retention.ms');
    assert.equal(retention?.configValue, '60000');
    assert.equal(retention?.isDefault, false);
    assert.equal(retention?.configSource, 1);
    const segment = entries.find((e) => e.configName === 'segment.bytes');
    assert.equal(segment?.configValue, '1073741824');
    assert.equal(segment?.configSource, 5);
    const cleanup = entries.find((e) => e.configName === 'cleanup.policy');
    assert.equal(cleanup?.configValue, 'delete');
    const retentionDefault = (await admin.describeConfigs({ includeSynonyms: true, resources: [{ type: ConfigResourceTypes.TOPIC, name: 'orders', configNames: ['retention.ms'] }] })).resources[0].configEntries[0];
    assert.equal(retentionDefault.configValue, '604800000');
    assert.deepEqual(retentionDefault.configSynonyms.map((s) => [s.configName, s.configValue, s.configSource]), [['log.retention.hours', '168', 5]]);

    await admin.alterConfigs({ validateOnly: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: 'audit', configEntries: [{ name: 'cleanup.policy', value: 'compact' }, { name: 'max.message.bytes', value: '2000000' }] }] });
    const after = (await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: 'audit' }] })).resources[0].configEntries;
    assert.equal(after.find((e) => e.configName === 'cleanup.policy')?.configValue, 'compact');
    assert.equal(after.find((e) => e.configName === 'max.message.bytes')?.configValue, '2000000');
    assert.equal(after.find((e) => e.configName === 'retention.ms')?.configValue, '604800000', 'AlterConfigs replaces the whole set');

    await assert.rejects(
      admin.alterConfigs({ validateOnly: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: 'audit', configEntries: [{ name: 'min.insync.replicas', value: 'two' }] }] }),
      (e: Error & { type?: string }) => e.type === 'INVALID_CONFIG',
    );

    const broker = (await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.BROKER, name: '2' }] })).resources[0].configEntries;
    assert.equal(broker.find((e) => e.configName === 'broker.id')?.configValue, '2');
    assert.equal(broker.find((e) => e.configName === 'broker.id')?.readOnly, true);
    const jaas = broker.find((e) => e.configName === 'sasl.jaas.config');
    assert.equal(jaas?.isSensitive, true);
    assert.equal(jaas?.configValue, null);
    await admin.alterConfigs({ validateOnly: false, resources: [{ type: ConfigResourceTypes.BROKER, name: '2', configEntries: [{ name: 'log.retention.ms', value: '3600000' }] }] });
    const b2 = (await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.BROKER, name: '2', configNames: ['log.retention.ms'] }] })).resources[0].configEntries[0];
    assert.equal(b2.configValue, '3600000');
    assert.equal(b2.configSource, 2);
  });

  it('deletes records and moves the log start offset', async () => {
    await admin.createTopics({ topics: [{ topic: 'trim', numPartitions: 1, replicationFactor: 2 }] });
    const producer = kafka.producer();
    await producer.connect();
    for (let i = 0; i < 10; i++) await producer.send({ topic: 'trim', messages: Array.from({ length: 10 }, (_, j) => ({ value: `m${i * 10 + j}` })) });
    await producer.disconnect();
    // kafkajs' admin finds leaders in its own metadata cache, so it must know the new topic.
    await admin.fetchTopicMetadata({ topics: ['trim'] });
    await admin.deleteTopicRecords({ topic: 'trim', partitions: [{ partition: 0, offset: '35' }] });
    const [o] = await admin.fetchTopicOffsets('trim');
    assert.equal(o.low, '35');
    assert.equal(o.high, '100');
    const consumer = kafka.consumer({ groupId: 'trim-reader' });
    await consumer.connect();
    await consumer.subscribe({ topic: 'trim', fromBeginning: true });
    const first = await new Promise<string>((resolve, reject) => {
      consumer.run({ eachMessage: async ({ message }) => resolve(message.offset) }).catch(reject);
    });
    await consumer.disconnect();
    assert.ok(Number(first) >= 30, `first consumed offset ${first} is at or after the start of the batch holding 35`);
    await assert.rejects(admin.deleteTopicRecords({ topic: 'trim', partitions: [{ partition: 0, offset: '500' }] }));
  });

  it('creates partitions and refuses to shrink', async () => {
    await admin.createPartitions({ topicPartitions: [{ topic: 'audit', count: 4 }] });
    const meta = await admin.fetchTopicMetadata({ topics: ['audit'] });
    assert.equal(meta.topics[0].partitions.length, 4);
    await assert.rejects(admin.createPartitions({ topicPartitions: [{ topic: 'audit', count: 2 }] }), (e: Error & { errors?: { type: string }[] }) => {
      assert.equal(e.errors?.[0].type ?? (e as { type?: string }).type, 'INVALID_PARTITIONS');
      return true;
    });
  });

  it('deletes topics', async () => {
    await admin.deleteTopics({ topics: ['trim'] });
    assert.ok(!(await admin.listTopics()).includes('trim'));
  });
});
