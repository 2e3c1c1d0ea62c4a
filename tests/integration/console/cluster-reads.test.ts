import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { brokerDetail, brokersResponse } from '@/lib/api/brokers';
import { overviewResponse } from '@/lib/api/overview';
import { replicasResponse } from '@/lib/api/replicas';
import { topicConfigsResponse, topicDetail, topicListResponse } from '@/lib/api/topics';
import { callRoute, startConsoleUnderTest, type ConsoleUnderTest } from '@/tests/support/console';

// The overview, broker, topic and replica-sync routes against a real cluster (the devcluster, or
// TEST_KAFKA_BROKERS), called the way Next.js calls them. Every 200 is checked against the
// response schema the browser relies on.

type Handler = Parameters<typeof callRoute>[0];
interface Routes {
  overview: Handler;
  brokers: Handler;
  broker: Handler;
  topics: Handler;
  topic: Handler;
  configs: Handler;
  replicas: Handler;
}

let ctx: ConsoleUnderTest;
let admin: Admin;
let routes: Routes;
const run = Date.now().toString(36);
const topicA = `reads-a-${run}`;
const topicB = `reads-b-${run}`;

before(async () => {
  ctx = await startConsoleUnderTest();
  const kafka = new Kafka({ clientId: 'console-test', brokers: ctx.brokers, logLevel: logLevel.NOTHING });
  admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [
      { topic: topicA, numPartitions: 3, replicationFactor: 3, configEntries: [{ name: 'retention.ms', value: '3600000' }] },
      { topic: topicB, numPartitions: 1, replicationFactor: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] },
    ],
  });
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic: topicA, messages: Array.from({ length: 120 }, (_, i) => ({ key: `k${i}`, value: 'v'.repeat(200) })) });
  await producer.disconnect();
  routes = {
    overview: (await import('@/app/api/clusters/[cluster]/overview/route')).GET,
    brokers: (await import('@/app/api/clusters/[cluster]/brokers/route')).GET,
    broker: (await import('@/app/api/clusters/[cluster]/brokers/[broker]/route')).GET,
    topics: (await import('@/app/api/clusters/[cluster]/topics/route')).GET,
    topic: (await import('@/app/api/clusters/[cluster]/topics/[topic]/route')).GET,
    configs: (await import('@/app/api/clusters/[cluster]/topics/[topic]/configs/route')).GET,
    replicas: (await import('@/app/api/clusters/[cluster]/replicas/route')).GET,
  };
});

after(async () => {
  await admin?.deleteTopics({ topics: [topicA, topicB] }).catch(() => undefined);
  await admin?.disconnect();
  await ctx?.close();
});

const refresh = { query: { refresh: '1' } };

describe('topics', () => {
  test('the list shows a new topic with partitions, size and message count', async () => {
    const { status, body } = await callRoute(routes.topics, { cluster: 'main' }, { query: { q: topicA, refresh: '1' } });
    assert.equal(status, 200);
    const page = topicListResponse.parse(body);
    const row = page.items.find((r) => r.name === topicA);
    assert.ok(row, 'topic is listed');
    assert.equal(row.partitions, 3);
    assert.equal(row.replicationFactor, 3);
    assert.equal(row.messages, 120);
    assert.ok(row.size !== null && row.size > 120 * 200, `size ${row.size} covers the data`);
    assert.equal(row.cleanupPolicy, 'delete');
    assert.equal(row.underReplicated, 0);
  });

  test('search, sort by size and the internal filter work on the server', async () => {
    const bySize = topicListResponse.parse(
      (await callRoute(routes.topics, { cluster: 'main' }, { query: { q: `-${run}`, sort: 'size', dir: 'desc' } })).body,
    );
    assert.deepEqual(bySize.items.map((r) => r.name), [topicA, topicB]);
    assert.equal(bySize.items[1].cleanupPolicy, 'compact');
    const asc = topicListResponse.parse(
      (await callRoute(routes.topics, { cluster: 'main' }, { query: { q: `-${run}`, sort: 'size', dir: 'asc' } })).body,
    );
    assert.deepEqual(asc.items.map((r) => r.name), [topicB, topicA]);
    const all = topicListResponse.parse((await callRoute(routes.topics, { cluster: 'main' }, { query: { internal: 'true', pageSize: '500' } })).body);
    const visible = topicListResponse.parse((await callRoute(routes.topics, { cluster: 'main' }, { query: { pageSize: '500' } })).body);
    assert.equal(visible.items.some((r) => r.internal), false);
    assert.equal(all.total, visible.total + all.internalCount);
  });

  test('malformed list parameters are a 400 naming the parameter', async () => {
    for (const query of [{ sort: 'colour' }, { page: '0' }, { pageSize: '100000' }, { dir: 'up' }, { internal: 'maybe' }]) {
      const { status, body } = await callRoute<{ code: string; details: { fields: Record<string, string> } }>(routes.topics, { cluster: 'main' }, { query });
      assert.equal(status, 400, JSON.stringify(query));
      assert.equal(body.code, 'bad_request');
      assert.ok(Object.keys(query)[0] in body.details.fields, JSON.stringify(body));
    }
  });

  test('topic detail has every partition with offsets, sizes and replicas', async () => {
    const { status, body } = await callRoute(routes.topic, { cluster: 'main', topic: topicA }, refresh);
    assert.equal(status, 200);
    const detail = topicDetail.parse(body);
    assert.equal(detail.partitions.length, 3);
    assert.equal(detail.totals.messages, 120);
    assert.equal(detail.partitions.reduce((n, p) => n + (p.latest ?? 0) - (p.earliest ?? 0), 0), 120);
    for (const p of detail.partitions) {
      assert.equal(p.replicas.length, 3);
      assert.ok(p.leader !== null && p.replicas.includes(p.leader));
      assert.ok(p.size !== null);
    }
  });

  test('topic configs mark what was set on the topic', async () => {
    const { status, body } = await callRoute(routes.configs, { cluster: 'main', topic: topicA });
    assert.equal(status, 200);
    const { configs } = topicConfigsResponse.parse(body);
    const retention = configs.find((c) => c.name === 'retention.ms');
    assert.equal(retention?.value, '3600000');
    assert.equal(retention?.source, 'dynamic-topic');
    assert.equal(retention?.isDefault, false);
    const cleanup = configs.find((c) => c.name === 'cleanup.policy');
    assert.equal(cleanup?.isDefault, true);
    assert.ok(cleanup?.documentation, 'configs carry a description');
  });

  test('an unknown topic is a 404 and a malformed name a 400', async () => {
    for (const handler of [routes.topic, routes.configs]) {
      const missing = await callRoute<{ code: string }>(handler, { cluster: 'main', topic: `missing-${run}` });
      assert.equal(missing.status, 404);
      assert.equal(missing.body.code, 'not_found');
      const bad = await callRoute<{ code: string }>(handler, { cluster: 'main', topic: 'no spaces/allowed' });
      assert.equal(bad.status, 400);
    }
  });
});

describe('overview and brokers', () => {
  test('the overview counts brokers, topics and partitions', async () => {
    const { status, body } = await callRoute(routes.overview, { cluster: 'main' }, refresh);
    assert.equal(status, 200);
    const o = overviewResponse.parse(body);
    assert.ok(o.brokers.total >= 1);
    assert.equal(o.brokers.online, o.brokers.total);
    assert.ok(o.topics.total >= 2);
    assert.ok(o.partitions.total >= 4);
    assert.ok(o.sizeBytes !== null && o.sizeBytes > 0);
    assert.equal(o.health.find((h) => h.id === 'brokers')?.severity, 'ok');
  });

  test('brokers list leaders and replicas that add up to the partitions', async () => {
    const { status, body } = await callRoute(routes.brokers, { cluster: 'main' }, refresh);
    assert.equal(status, 200);
    const list = brokersResponse.parse(body);
    assert.ok(list.brokers.length >= 1);
    assert.equal(list.brokers.filter((b) => b.controller).length, list.controllerId === null ? 0 : 1);
    const overview = overviewResponse.parse((await callRoute(routes.overview, { cluster: 'main' })).body);
    assert.equal(list.brokers.reduce((n, b) => n + b.leaders, 0), overview.partitions.total);
    assert.equal(list.brokers.reduce((n, b) => n + b.replicas, 0), overview.partitions.replicas);
  });

  test('broker detail has configs with their source and log dirs', async () => {
    const list = brokersResponse.parse((await callRoute(routes.brokers, { cluster: 'main' })).body);
    const id = list.brokers[0].id;
    const { status, body } = await callRoute(routes.broker, { cluster: 'main', broker: String(id) });
    assert.equal(status, 200);
    const detail = brokerDetail.parse(body);
    assert.equal(detail.broker.id, id);
    assert.equal(detail.configsError, null);
    assert.ok(detail.configs.length > 10);
    assert.ok(detail.configs.some((c) => c.source === 'default'));
    assert.ok(detail.configs.some((c) => c.source === 'static'));
    assert.ok(detail.logDirs.length >= 1);
    assert.ok(detail.logDirs[0].size > 0);
  });

  test('an unknown broker is a 404 and a malformed id a 400', async () => {
    assert.equal((await callRoute(routes.broker, { cluster: 'main', broker: '4242' })).status, 404);
    for (const broker of ['abc', '-1', '1.5', '']) {
      assert.equal((await callRoute(routes.broker, { cluster: 'main', broker })).status, 400, broker);
    }
  });

  test('replica sync reports per-broker load and rejects malformed filters', async () => {
    const { status, body } = await callRoute(routes.replicas, { cluster: 'main' }, refresh);
    assert.equal(status, 200);
    const r = replicasResponse.parse(body);
    assert.ok(r.brokers.length >= 1);
    assert.equal(r.brokers.reduce((n, b) => n + b.leaders, 0), r.counts.partitions - r.counts.offline);
    assert.equal((await callRoute(routes.replicas, { cluster: 'main' }, { query: { limit: 'lots' } })).status, 400);
    assert.equal((await callRoute(routes.replicas, { cluster: 'main' }, { query: { broker: 'x' } })).status, 400);
  });
});

describe('failure states', () => {
  test('every route answers 503 for an unreachable cluster', async () => {
    const params = { cluster: 'down', topic: 'any', broker: '1' };
    for (const [name, handler] of Object.entries(routes)) {
      const started = Date.now();
      const { status, body } = await callRoute<{ code: string; message: string }>(handler, params);
      assert.equal(status, 503, name);
      assert.equal(body.code, 'cluster_unreachable', name);
      assert.ok(Date.now() - started < 5_000, `${name} failed fast`);
    }
  });

  test('an unknown cluster is a 404', async () => {
    for (const [name, handler] of Object.entries(routes)) {
      const { status } = await callRoute(handler, { cluster: 'nowhere', topic: 'any', broker: '1' });
      assert.equal(status, 404, name);
    }
  });

  test('a stopped broker shows offline and its partitions under-replicated; restarting clears it', async (t) => {
    if (process.env.TEST_KAFKA_BROKERS) {
      t.skip('broker faults need the devcluster; TEST_KAFKA_BROKERS points at an external cluster');
      return;
    }
    const list = brokersResponse.parse((await callRoute(routes.brokers, { cluster: 'main' }, refresh)).body);
    const victim = list.brokers.find((b) => !b.controller)?.id ?? list.brokers[0].id;
    await ctx.cluster.stopBroker(victim);
    try {
      const brokers = brokersResponse.parse((await callRoute(routes.brokers, { cluster: 'main' }, refresh)).body);
      const down = brokers.brokers.find((b) => b.id === victim);
      assert.equal(down?.online, false, 'the stopped broker stays listed, offline');
      assert.equal(down?.logDirSize, null);

      const overview = overviewResponse.parse((await callRoute(routes.overview, { cluster: 'main' }, refresh)).body);
      assert.deepEqual(overview.brokers.offlineIds, [victim]);
      assert.ok(overview.partitions.underReplicated >= 3, 'partitions of the RF-3 topic are under-replicated');
      assert.equal(overview.health.find((h) => h.id === 'brokers')?.severity, 'danger');
      assert.equal(overview.health.find((h) => h.id === 'under-replicated')?.severity, 'warn');

      const detail = topicDetail.parse((await callRoute(routes.topic, { cluster: 'main', topic: topicA }, refresh)).body);
      for (const p of detail.partitions) {
        assert.equal(p.underReplicated, true);
        assert.deepEqual(p.outOfSync, [victim]);
        assert.notEqual(p.leader, victim);
      }

      const replicas = replicasResponse.parse((await callRoute(routes.replicas, { cluster: 'main' }, { query: { q: topicA, refresh: '1' } })).body);
      assert.equal(replicas.problems.length, 3);
      assert.equal(replicas.brokers.find((b) => b.id === victim)?.online, false);

      const offlineDetail = brokerDetail.parse((await callRoute(routes.broker, { cluster: 'main', broker: String(victim) })).body);
      assert.equal(offlineDetail.broker.online, false);
      assert.match(offlineDetail.configsError ?? '', /offline/);
    } finally {
      await ctx.cluster.startBroker(victim);
    }
    const deadline = Date.now() + 10_000;
    let healed = overviewResponse.parse((await callRoute(routes.overview, { cluster: 'main' }, refresh)).body);
    while ((healed.brokers.offlineIds.length || healed.partitions.underReplicated) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      healed = overviewResponse.parse((await callRoute(routes.overview, { cluster: 'main' }, refresh)).body);
    }
    assert.deepEqual(healed.brokers.offlineIds, []);
    assert.equal(healed.partitions.underReplicated, 0);
  });
});
