import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Kafka, logLevel } from 'kafkajs';
import { startDevCluster, type DevCluster } from '@/lib/devcluster';
import { ListGroups, Metadata, OffsetCommit } from '@/lib/protocol/generated';
import { RawConnection } from './support';

const TOPICS = 2000;
const PARTITIONS = 5;
const GROUPS = 1000;

describe('devcluster at scale: 2,000 topics, 10,000 partitions, 1,000 groups', () => {
  let cluster: DevCluster;

  before(async () => {
    cluster = await startDevCluster({ brokers: 3, basePort: 0 });
    const admin = new Kafka({ brokers: cluster.bootstrapServers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const topics = Array.from({ length: TOPICS }, (_, i) => ({ topic: `scale-${String(i).padStart(4, '0')}`, numPartitions: PARTITIONS, replicationFactor: 3 }));
    assert.equal(await admin.createTopics({ topics, timeout: 60_000 }), true);
    await admin.disconnect();
  });

  after(() => cluster.close());

  it('holds 1,000 consumer groups with committed offsets', async () => {
    const conns = new Map<number, RawConnection>();
    for (let g = 0; g < GROUPS; g++) {
      const groupId = `scale-group-${g}`;
      const coordinator = cluster.groups.coordinatorFor(groupId) ?? 1;
      let conn = conns.get(coordinator);
      if (!conn) conns.set(coordinator, (conn = await RawConnection.connect(cluster.bootstrapServers[coordinator - 1])));
      const res = await conn.request(OffsetCommit, 2, {
        groupId,
        generationIdOrMemberEpoch: -1,
        memberId: '',
        retentionTimeMs: -1,
        topics: [{ name: `scale-${String(g % TOPICS).padStart(4, '0')}`, partitions: [{ partitionIndex: 0, committedOffset: 0, committedMetadata: null }] }],
      });
      assert.equal(res.topics[0].partitions[0].errorCode, 0);
    }
    let listed = 0;
    for (const [id, conn] of conns) {
      const res = await conn.request(ListGroups, 4, { statesFilter: [] });
      assert.equal(res.errorCode, 0, `ListGroups on broker ${id}`);
      listed += res.groups.length;
      conn.close();
    }
    assert.equal(listed, GROUPS);
  });

  it('answers a full Metadata request with every topic and partition', async () => {
    for (const version of [1, 9, 12]) {
      const conn = await RawConnection.connect(cluster.bootstrapServers[0]);
      const meta = await conn.request(Metadata, version, { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false });
      conn.close();
      assert.equal(meta.topics.length, TOPICS + 1); // and __consumer_offsets
      const partitions = meta.topics.reduce((n, t) => n + t.partitions.length, 0);
      assert.equal(partitions, TOPICS * PARTITIONS + 50);
      const t = meta.topics.find((x) => x.name === 'scale-1234')!;
      const state = cluster.topics.get('scale-1234')!;
      assert.deepEqual(t.partitions.map((p) => p.replicaNodes), state.partitions.map((p) => p.replicas));
      assert.ok(t.partitions.every((p) => p.errorCode === 0 && p.isrNodes.length === 3));
    }
  });
});
