// __consumer_offsets as Kafka has it: an internal, compacted topic whose partition leaders
// coordinate the groups hashed onto them, holding commits in Kafka's record formats.
// Needs the embedded cluster's internals (restart with a data dir), so it skips on an external cluster.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { Kafka, logLevel } from 'kafkajs';
import { startDevCluster, type DevCluster } from '@/lib/devcluster';
import { offsetsPartitionFor } from '@/lib/devcluster/groups/offsets-records';
import { hasKcat, kcat } from './support';

const external = process.env.TEST_KAFKA_BROKERS ? 'needs the embedded cluster' : false;

describe('__consumer_offsets', { skip: external }, () => {
  const clusters: DevCluster[] = [];
  const dirs: string[] = [];
  after(async () => {
    for (const c of clusters) await c.close();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });
  const start = async (opts: Parameters<typeof startDevCluster>[0]) => {
    const c = await startDevCluster(opts);
    clusters.push(c);
    return c;
  };

  it('exists at start: 50 partitions, replicated min(3, brokers), compacted, internal in Metadata', async () => {
    const cluster = await start({ brokers: 3, basePort: 0 });
    const topic = cluster.topics.get('__consumer_offsets');
    assert.ok(topic);
    assert.equal(topic.partitions.length, 50);
    assert.ok(topic.partitions.every((p) => p.replicas.length === 3));
    assert.equal(topic.configs.get('cleanup.policy'), 'compact');
    const admin = new Kafka({ brokers: cluster.bootstrapServers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const meta = await admin.fetchTopicMetadata({ topics: ['__consumer_offsets'] });
      assert.equal(meta.topics[0].partitions.length, 50);
      await assert.rejects(admin.deleteTopics({ topics: ['__consumer_offsets'], timeout: 2000 }), (err: { type?: string }) => err.type === 'INVALID_REQUEST');
      assert.equal(await admin.createTopics({ topics: [{ topic: '__consumer_offsets', numPartitions: 1 }] }), false);
      assert.ok((await admin.listTopics()).includes('__consumer_offsets'));
    } finally {
      await admin.disconnect();
    }
  });

  it('honours offsets.topic.num.partitions and a single broker', async () => {
    const cluster = await start({ brokers: 1, basePort: 0, brokerConfigs: { 'offsets.topic.num.partitions': '5' } });
    const topic = cluster.topics.get('__consumer_offsets')!;
    assert.equal(topic.partitions.length, 5);
    assert.ok(topic.partitions.every((p) => p.replicas.length === 1));
  });

  it('kcat -L lists it', { skip: hasKcat ? false : 'kcat not installed' }, async () => {
    const cluster = await start({ brokers: 2, basePort: 0, brokerConfigs: { 'offsets.topic.num.partitions': '3' } });
    const out = await kcat(['-L', '-b', cluster.bootstrapServers.join(',')]);
    assert.match(out, /topic "__consumer_offsets" with 3 partitions/);
  });

  it('commits land in the group partition in Kafka formats, its leader coordinates, and a restart replays them', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'devcluster-offsets-'));
    dirs.push(dataDir);
    const groupId = 'offsets-topic-group';
    let cluster = await start({ brokers: 3, basePort: 0, dataDir, brokerConfigs: { 'offsets.topic.num.partitions': '10' } });
    cluster.createTopic({ name: 'ot-data', partitions: 2, replicationFactor: 1 });
    const index = offsetsPartitionFor(groupId, 10);
    const admin = new Kafka({ brokers: cluster.bootstrapServers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      await admin.setOffsets({ groupId, topic: 'ot-data', partitions: [{ partition: 0, offset: '7' }, { partition: 1, offset: '3' }] });
    } finally {
      await admin.disconnect();
    }
    const p = cluster.partition('__consumer_offsets', index)!;
    assert.equal(cluster.groups.coordinatorFor(groupId), p.leader);
    // Offset commit key v1 (version, group, topic, partition); group metadata keys are version 2.
    const records = cluster.readRecords('__consumer_offsets', index, 0, 100);
    const commits = records.filter((r) => r.key!.readInt16BE(0) === 1);
    assert.equal(commits.length, 2);
    assert.ok(records.every((r) => [1, 2].includes(r.key!.readInt16BE(0))));
    const key = commits[0].key!;
    assert.equal(key.toString('utf8', 4, 4 + key.readInt16BE(2)), groupId);
    // Offset commit value v3 starts with the version and the offset.
    const values = commits.map((r) => [r.value!.readInt16BE(0), Number(r.value!.readBigInt64BE(2))]).sort();
    assert.deepEqual(values, [[3, 3], [3, 7]]);
    for (let i = 0; i < 10; i++) if (i !== index) assert.equal(cluster.partition('__consumer_offsets', i)!.logEndOffset, 0);

    await cluster.close();
    cluster = await start({ brokers: 3, basePort: 0, dataDir, brokerConfigs: { 'offsets.topic.num.partitions': '10' } });
    const again = new Kafka({ brokers: cluster.bootstrapServers, logLevel: logLevel.NOTHING }).admin();
    await again.connect();
    try {
      const offsets = await again.fetchOffsets({ groupId, topics: ['ot-data'] });
      assert.deepEqual(offsets[0].partitions.map((x) => [x.partition, x.offset]).sort(), [[0, '7'], [1, '3']]);
    } finally {
      await again.disconnect();
    }
  });

  it('the coordinator moves with the partition leader when that broker stops', async () => {
    const cluster = await start({ brokers: 3, basePort: 0, brokerConfigs: { 'offsets.topic.num.partitions': '4' } });
    const groupId = 'moving-group';
    const p = cluster.partition('__consumer_offsets', offsetsPartitionFor(groupId, 4))!;
    const before = cluster.groups.coordinatorFor(groupId);
    assert.equal(before, p.leader);
    await cluster.stopBroker(before!);
    const after = cluster.groups.coordinatorFor(groupId);
    assert.notEqual(after, before);
    assert.equal(after, p.leader);
  });
});
