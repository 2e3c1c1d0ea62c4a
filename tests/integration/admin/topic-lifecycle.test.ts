import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addPartitionsResult, purgeRecordsResult, type PurgeRecordsResult } from '@/lib/api/topic-admin';
import { callRoute } from '@/tests/support/console';
import { startAdminTest, type AdminTestContext, type FieldErrorBody } from './support';

// Adding partitions, purging records and deleting a topic: each checked on the cluster with
// kafkajs, including that a refused request left everything as it was.

type Handler = Parameters<typeof callRoute>[0];
let t: AdminTestContext;
let partitions: Handler;
let records: Handler;
let remove: Handler;
const run = Date.now().toString(36);
const topic = `life-${run}`;

before(async () => {
  t = await startAdminTest();
  await t.admin.createTopics({ topics: [{ topic, numPartitions: 2, replicationFactor: 2 }] });
  const producer = t.kafka.producer();
  await producer.connect();
  await producer.send({ topic, messages: Array.from({ length: 40 }, (_, i) => ({ partition: i % 2, value: `v${i}` })) });
  await producer.disconnect();
  partitions = (await import('@/app/api/clusters/[cluster]/topics/[topic]/partitions/route')).POST;
  records = (await import('@/app/api/clusters/[cluster]/topics/[topic]/records/route')).DELETE;
  remove = (await import('@/app/api/clusters/[cluster]/topics/[topic]/route')).DELETE;
});
after(() => t?.close());

const call = <T = FieldErrorBody>(handler: Handler, body: unknown, method: string, name = topic) =>
  callRoute<T & FieldErrorBody>(handler, { cluster: 'main', topic: name }, { body, method });
const partitionCount = async (name = topic) => (await t.admin.fetchTopicMetadata({ topics: [name] })).topics[0].partitions.length;
const lows = async () => (await t.admin.fetchTopicOffsets(topic)).sort((a, b) => a.partition - b.partition).map((o) => Number(o.low));

describe('partitions', () => {
  it('refuses a count that is not larger, on the partitions field', async () => {
    for (const count of [1, 2, 0, -5, 2.5, 'three']) {
      const { status, body } = await call(partitions, { partitions: count }, 'POST');
      assert.equal(status, 400, JSON.stringify(body));
      assert.ok(body.details?.fields?.partitions, JSON.stringify(body));
    }
    assert.equal(await partitionCount(), 2);
  });

  it('validates without changing, then adds', async () => {
    assert.equal((await call(partitions, { partitions: 4, validateOnly: true }, 'POST')).status, 200);
    assert.equal(await partitionCount(), 2);
    const { status, body } = await call<{ before: number; after: number }>(partitions, { partitions: 4 }, 'POST');
    assert.equal(status, 200, JSON.stringify(body));
    addPartitionsResult.strict().parse(body);
    assert.deepEqual([body.before, body.after], [2, 4]);
    assert.equal(await partitionCount(), 4);
  });
});

describe('purge records', () => {
  it('needs the topic name and valid offsets; refusals delete nothing', async () => {
    const before = await lows();
    const cases: [unknown, string][] = [
      [{ scope: 'all', confirm: 'wrong' }, 'confirm'],
      [{ scope: 'partitions', confirm: topic, offsets: [{ partition: 9, offset: 1 }] }, 'offsets.0.partition'],
      [{ scope: 'partitions', confirm: topic, offsets: [{ partition: 0, offset: 999 }] }, 'offsets.0.offset'],
      [{ scope: 'partitions', confirm: topic, offsets: [{ partition: 0, offset: -1 }] }, 'offsets.0.offset'],
      [{ scope: 'partitions', confirm: topic, offsets: [] }, 'offsets'],
      [{ scope: 'everything', confirm: topic }, 'scope'],
    ];
    for (const [body, field] of cases) {
      const { status, body: answer } = await call(records, body, 'DELETE');
      assert.equal(status, 400, `${JSON.stringify(body)} -> ${status} ${JSON.stringify(answer)}`);
      assert.ok(answer.details?.fields?.[field], `${field} in ${JSON.stringify(answer)}`);
    }
    assert.deepEqual(await lows(), before);
  });

  it('deletes one partition up to an offset, then everything', async () => {
    const one = await call<PurgeRecordsResult>(records, { scope: 'partitions', confirm: topic, offsets: [{ partition: 0, offset: 5 }] }, 'DELETE');
    assert.equal(one.status, 200, JSON.stringify(one.body));
    purgeRecordsResult.strict().parse(one.body);
    assert.deepEqual(one.body.partitions, [{ partition: 0, before: 0, after: 5, deleted: 5 }]);
    assert.deepEqual((await lows()).slice(0, 2), [5, 0]);
    const all = await call<PurgeRecordsResult>(records, { scope: 'all', confirm: topic }, 'DELETE');
    assert.equal(all.status, 200, JSON.stringify(all.body));
    assert.equal(all.body.deleted, 35);
    const offsets = await t.admin.fetchTopicOffsets(topic);
    assert.ok(offsets.every((o) => o.low === o.high), JSON.stringify(offsets));
  });
});

describe('delete topic', () => {
  it('refuses without the exact name typed, and leaves the topic', async () => {
    for (const body of [{}, { confirm: topic.toUpperCase() }, { confirm: `${topic} ` }, { confirm: 1 }]) {
      const { status, body: answer } = await call(remove, body, 'DELETE');
      assert.equal(status, 400, JSON.stringify(answer));
      assert.ok(answer.details?.fields?.confirm, JSON.stringify(answer));
    }
    assert.ok((await t.admin.listTopics()).includes(topic));
  });

  it('refuses internal topics', async () => {
    // Kafka, and the devcluster, create __consumer_offsets at start.
    assert.ok((await t.admin.listTopics()).includes('__consumer_offsets'));
    const { status, body } = await call(remove, { confirm: '__consumer_offsets' }, 'DELETE', '__consumer_offsets');
    assert.equal(status, 400, JSON.stringify(body));
    assert.ok((await t.admin.listTopics()).includes('__consumer_offsets'));
  });

  it('deletes with the name typed; a second delete is a 404', async () => {
    const { status, body } = await call(remove, { confirm: topic }, 'DELETE');
    assert.equal(status, 200, JSON.stringify(body));
    assert.ok(!(await t.admin.listTopics()).includes(topic));
    assert.equal((await call(remove, { confirm: topic }, 'DELETE')).status, 404);
  });
});
