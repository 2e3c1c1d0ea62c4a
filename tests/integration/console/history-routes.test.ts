import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { historyResponse, type HistoryResponse } from '@/lib/api/history';
import { hashPassword } from '@/lib/auth/passwords';
import { callRoute, startConsoleUnderTest, type ConsoleUnderTest } from '@/tests/support/console';
import { waitFor } from '@/tests/support/wait';

// The history routes (cluster, topic, broker, group) against a real cluster: the query is checked
// against the route's scope, unknown things are 404s, a user limited to `orders*` is refused other
// topics and sees only their lines, and the sampler's series carry what kafkajs sees.

process.env.CONSOLE_SAMPLE_MS = '300';

type Handler = Parameters<typeof callRoute>[0];
const run = Date.now().toString(36);
const orders = `orders-hist-${run}`;
const payments = `payments-hist-${run}`;
const mixedGroup = `g-hist-${run}`;

let ctx: ConsoleUnderTest;
let admin: Admin;
let brokerIds: number[];
const cookies: Record<'admin' | 'orders', string> = { admin: '', orders: '' };
let routes: { cluster: Handler; topic: Handler; broker: Handler; group: Handler };

before(async () => {
  const [adminHash, ordersHash] = await Promise.all(['admin pw', 'orders pw'].map((p) => hashPassword(p)));
  ctx = await startConsoleUnderTest({
    extraConfig: [
      'auth:',
      `  sessionSecret: ${JSON.stringify(`history-routes-secret-${run}-0123456789abcdef`)}`,
      '  users:',
      `    - { username: admin, passwordHash: ${JSON.stringify(adminHash)}, roles: [admin] }`,
      `    - { username: orders, passwordHash: ${JSON.stringify(ordersHash)}, roles: [orders-team] }`,
      '  roles:',
      '    - { name: orders-team, topics: ["orders*"], actions: [view] }',
    ],
  });
  const kafka = new Kafka({ clientId: 'history-routes-test', brokers: ctx.brokers, logLevel: logLevel.NOTHING });
  admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [orders, payments].map((topic) => ({ topic, numPartitions: 2, replicationFactor: 1 })) });
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic: orders, messages: Array.from({ length: 10 }, (_, i) => ({ partition: i % 2, value: `o${i}` })) });
  await producer.send({ topic: payments, messages: [{ partition: 0, value: 'p' }] });
  await producer.disconnect();
  await admin.setOffsets({ groupId: mixedGroup, topic: orders, partitions: [{ partition: 0, offset: '1' }] });
  await admin.setOffsets({ groupId: mixedGroup, topic: payments, partitions: [{ partition: 0, offset: '0' }] });
  brokerIds = (await admin.describeCluster()).brokers.map((b) => b.nodeId).sort((a, b) => a - b);

  const { appConfig } = await import('@/lib/kafka/clusters');
  const { newSession, signSession } = await import('@/lib/auth/session');
  const { auth } = await appConfig();
  assert.equal(auth.mode, 'sign-in');
  for (const name of ['admin', 'orders'] as const) cookies[name] = await signSession(auth, newSession(auth, { name, method: 'local' }));
  routes = {
    cluster: (await import('@/app/api/clusters/[cluster]/history/route')).GET,
    topic: (await import('@/app/api/clusters/[cluster]/topics/[topic]/history/route')).GET,
    broker: (await import('@/app/api/clusters/[cluster]/brokers/[broker]/history/route')).GET,
    group: (await import('@/app/api/clusters/[cluster]/groups/[group]/history/route')).GET,
  };
});

after(async () => {
  await admin?.deleteTopics({ topics: [orders, payments] }).catch(() => undefined);
  await admin?.deleteGroups([mixedGroup]).catch(() => undefined);
  await admin?.disconnect();
  await ctx?.close();
});

function ask(handler: Handler, params: Record<string, string>, metrics: string, who: 'admin' | 'orders' = 'admin', range?: string) {
  return callRoute<HistoryResponse & { code?: string; message?: string; details?: { fields?: Record<string, string> } }>(
    handler,
    { cluster: 'main', ...params },
    { query: { metrics, range }, headers: { cookie: `console_session=${cookies[who]}` } },
  );
}

/** Polls `read` until it gives a value (not null), with waitFor's deadline. */
async function until<T>(read: () => Promise<T | null>, options: { timeoutMs: number; what: string }): Promise<T> {
  let value: T | null = null;
  await waitFor(async () => (value = await read()) !== null, { ...options, intervalMs: 200 });
  return value as T;
}

const lastValue = (body: HistoryResponse, metric: string, label: string | null = null) =>
  body.series.find((s) => s.metric === metric && s.label === label)?.points.filter((p) => p[1] !== null).at(-1)?.[1] ?? null;

describe('history routes: input', () => {
  it('a metric of another scope is a 400 naming `metrics` and the metric', async () => {
    const { status, body } = await ask(routes.cluster, {}, 'cluster.produce-rate,topic.size');
    assert.equal(status, 400);
    assert.ok(body.details?.fields?.metrics, JSON.stringify(body));
    assert.match(body.message ?? '', /topic\.size/);
  });

  it('an unknown metric, no metric or an unknown range is a 400 naming the parameter', async () => {
    assert.equal((await ask(routes.topic, { topic: orders }, 'topic.nope')).status, 400);
    const none = await ask(routes.topic, { topic: orders }, '');
    assert.equal(none.status, 400);
    assert.ok(none.body.details?.fields?.metrics);
    const range = await ask(routes.topic, { topic: orders }, 'topic.size', 'admin', '2d');
    assert.equal(range.status, 400);
    assert.ok(range.body.details?.fields?.range);
  });

  it('an unknown topic, broker or group is a 404; an unknown cluster too', async () => {
    assert.equal((await ask(routes.topic, { topic: `orders-missing-${run}` }, 'topic.size')).status, 404);
    assert.equal((await ask(routes.broker, { broker: '98765' }, 'broker.leaders')).status, 404);
    assert.equal((await ask(routes.broker, { broker: 'abc' }, 'broker.leaders')).status, 400);
    assert.equal((await ask(routes.group, { group: `missing-${run}` }, 'group.lag')).status, 404);
    assert.equal((await ask(routes.cluster, { cluster: 'nope' }, 'cluster.produce-rate')).status, 404);
  });
});

describe('history routes: permissions', () => {
  it('a user limited to orders* gets 403 for another topic, even one that does not exist', async () => {
    assert.equal((await ask(routes.topic, { topic: payments }, 'topic.size', 'orders')).status, 403);
    assert.equal((await ask(routes.topic, { topic: `payments-missing-${run}` }, 'topic.size', 'orders')).status, 403);
    assert.equal((await ask(routes.topic, { topic: orders }, 'topic.size', 'orders')).status, 200);
  });

  it('a group reading a visible and a hidden topic shows the limited user only the visible topic’s line', async () => {
    const all = await until(
      async () => {
        const r = await ask(routes.group, { group: mixedGroup }, 'group.lag', 'admin');
        return r.status === 200 && r.body.series.length === 2 ? r : null;
      },
      { timeoutMs: 20_000, what: 'both topics of the group in its history' },
    );
    assert.deepEqual(all.body.series.map((s) => s.label).sort(), [orders, payments].sort());
    const limited = await ask(routes.group, { group: mixedGroup }, 'group.lag', 'orders');
    assert.equal(limited.status, 200);
    assert.deepEqual(limited.body.series.map((s) => s.label), [orders]);
    assert.equal(lastValue(limited.body, 'group.lag', orders), 4, 'lag of orders: 5 + 5 messages, committed 1 on partition 0');
  });
});

describe('history routes: answers', () => {
  it('the cluster series count the brokers and the topic series hold the topic’s messages', async () => {
    const cluster = await until(
      async () => {
        const r = await ask(routes.cluster, {}, 'cluster.brokers-online,cluster.offline-partitions,cluster.produce-rate', 'admin', '15m');
        return r.status === 200 && lastValue(r.body, 'cluster.brokers-online') !== null ? r : null;
      },
      { timeoutMs: 20_000, what: 'a sampled cluster point' },
    );
    historyResponse.parse(cluster.body);
    assert.equal(cluster.body.source, 'memory');
    assert.equal(cluster.body.range, '15m');
    assert.equal(cluster.body.stepMs, 300);
    assert.ok(cluster.body.dataSince !== null && cluster.body.dataSince <= Date.now());
    assert.equal(lastValue(cluster.body, 'cluster.brokers-online'), brokerIds.length);
    assert.deepEqual(cluster.body.series.map((s) => [s.metric, s.unit]), [
      ['cluster.brokers-online', 'count'],
      ['cluster.offline-partitions', 'count'],
      ['cluster.produce-rate', 'messages/s'],
    ]);

    const topic = await until(
      async () => {
        const r = await ask(routes.topic, { topic: orders }, 'topic.messages,topic.size');
        return r.status === 200 && lastValue(r.body, 'topic.messages') !== null ? r : null;
      },
      { timeoutMs: 20_000, what: 'a sampled topic point' },
    );
    assert.equal(lastValue(topic.body, 'topic.messages'), 10);
    assert.ok((lastValue(topic.body, 'topic.size') ?? 0) > 0);
  });

  it('a broker’s leaders and replicas match the cluster metadata', async () => {
    const meta = await admin.fetchTopicMetadata({ topics: [] });
    const id = brokerIds[0];
    let leaders = 0;
    let replicas = 0;
    for (const t of meta.topics) for (const p of t.partitions) {
      if (p.leader === id) leaders++;
      if (p.replicas.includes(id)) replicas++;
    }
    const answer = await until(
      async () => {
        const r = await ask(routes.broker, { broker: String(id) }, 'broker.leaders,broker.replicas,broker.bytes-in-rate');
        return r.status === 200 && lastValue(r.body, 'broker.leaders') === leaders && lastValue(r.body, 'broker.replicas') === replicas ? r : null;
      },
      { timeoutMs: 20_000, what: `broker ${id} with ${leaders} leaders and ${replicas} replicas` },
    );
    assert.equal(answer.body.series.length, 3);
  });
});
