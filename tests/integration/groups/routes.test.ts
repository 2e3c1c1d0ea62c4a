import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { Kafka, logLevel, type Admin, type Consumer, type Producer } from 'kafkajs';
import { callRoute, startConsoleUnderTest, type ConsoleUnderTest } from '@/tests/support/console';
import { groupDetail, groupsPage, resetPlan, resetResult, topicConsumers, type GroupDetail, type GroupsPage, type ResetPlan, type ResetResult, type TopicConsumers } from '@/lib/api/groups';

// Every groups route against a real devcluster, with kafkajs as the consumer and the judge.

type Handler = Parameters<typeof callRoute>[0];
let env: ConsoleUnderTest;
let kafka: Kafka;
let admin: Admin;
let producer: Producer;
let consumer: Consumer;
let routes: {
  list: Handler;
  detail: { GET: Handler; DELETE: Handler };
  preview: Handler;
  reset: Handler;
  offsets: Handler;
  consumers: Handler;
  metrics: Handler;
};

const TOPIC = 'orders';
const OTHER = 'payments';

async function committed(groupId: string, topic = TOPIC): Promise<number[]> {
  const [t] = await admin.fetchOffsets({ groupId, topics: [topic] });
  return t.partitions.sort((a, b) => a.partition - b.partition).map((p) => Number(p.offset));
}

async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

before(async () => {
  env = await startConsoleUnderTest();
  kafka = new Kafka({ clientId: 'groups-routes-test', brokers: env.brokers, logLevel: logLevel.NOTHING });
  admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 3 }, { topic: OTHER, numPartitions: 2 }] });
  producer = kafka.producer();
  await producer.connect();
  for (let partition = 0; partition < 3; partition++) {
    await producer.send({ topic: TOPIC, messages: Array.from({ length: 10 }, (_, i) => ({ partition, value: `m${i}` })) });
  }
  await producer.send({ topic: OTHER, messages: Array.from({ length: 4 }, (_, i) => ({ partition: 0, value: `p${i}` })) });
  // "idle": committed offsets, no members. "spare": another empty group to delete.
  await admin.setOffsets({ groupId: 'idle', topic: TOPIC, partitions: [{ partition: 0, offset: '2' }, { partition: 1, offset: '5' }, { partition: 2, offset: '10' }] });
  await admin.setOffsets({ groupId: 'idle', topic: OTHER, partitions: [{ partition: 0, offset: '1' }] });
  await admin.setOffsets({ groupId: 'spare', topic: TOPIC, partitions: [{ partition: 0, offset: '1' }] });
  // "live": a running kafkajs consumer that reads everything.
  consumer = kafka.consumer({ groupId: 'live', heartbeatInterval: 500 });
  await consumer.connect();
  await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
  let seen = 0;
  await consumer.run({ autoCommitInterval: 100, eachMessage: async () => void seen++ });
  await until('the live consumer to read everything', async () => seen, (n) => n >= 30);

  const list = await import('@/app/api/clusters/[cluster]/groups/route');
  const detail = await import('@/app/api/clusters/[cluster]/groups/[group]/route');
  const preview = await import('@/app/api/clusters/[cluster]/groups/[group]/reset-offsets/preview/route');
  const reset = await import('@/app/api/clusters/[cluster]/groups/[group]/reset-offsets/route');
  const offsets = await import('@/app/api/clusters/[cluster]/groups/[group]/offsets/route');
  const consumers = await import('@/app/api/clusters/[cluster]/topics/[topic]/consumers/route');
  const metrics = await import('@/app/api/metrics/route');
  routes = {
    list: list.GET,
    detail: { GET: detail.GET, DELETE: detail.DELETE },
    preview: preview.POST,
    reset: reset.POST,
    offsets: offsets.DELETE,
    consumers: consumers.GET,
    metrics: metrics.GET,
  };
  await until('live to commit everything', () => committed('live'), (o) => o.every((x) => x === 10));
});

after(async () => {
  await consumer?.disconnect();
  await producer?.disconnect();
  await admin?.disconnect();
  await env?.close();
});

describe('GET groups', () => {
  it('lists groups with lag, worst first, and health', async () => {
    const { status, body } = await callRoute<GroupsPage>(routes.list, { cluster: 'main' }, { query: { refresh: '1' } });
    assert.equal(status, 200);
    groupsPage.strict().parse(body);
    const ids = body.groups.map((g) => g.groupId);
    assert.deepEqual(ids.slice(0, 3), ['spare', 'idle', 'live'].sort((a, b) => lagOf(body, b) - lagOf(body, a) || a.localeCompare(b)));
    const idle = body.groups.find((g) => g.groupId === 'idle')!;
    assert.equal(idle.totalLag, 8 + 5 + 0 + 3);
    assert.deepEqual(idle.worstPartition, { topic: TOPIC, partition: 0, lag: 8 });
    assert.deepEqual(idle.topics, [TOPIC, OTHER].sort());
    assert.equal(idle.state, 'Empty');
    assert.equal(idle.health.status, 'STOP');
    const live = body.groups.find((g) => g.groupId === 'live')!;
    assert.equal(live.totalLag, 0);
    assert.equal(live.state, 'Stable');
    assert.equal(live.members, 1);
    assert.equal(live.health.status, 'OK');
    assert.ok(live.protocol.length > 0, 'assignor name');
    assert.ok(typeof live.coordinator === 'number');
    assert.equal(body.clusterTotal, 3);
  });

  it('searches, sorts by name and pages on the server', async () => {
    const search = await callRoute<GroupsPage>(routes.list, { cluster: 'main' }, { query: { search: 'LIV' } });
    assert.deepEqual(search.body.groups.map((g) => g.groupId), ['live']);
    const byTopic = await callRoute<GroupsPage>(routes.list, { cluster: 'main' }, { query: { search: OTHER } });
    assert.deepEqual(byTopic.body.groups.map((g) => g.groupId), ['idle']);
    const page2 = await callRoute<GroupsPage>(routes.list, { cluster: 'main' }, { query: { sort: 'group', pageSize: '2', page: '2' } });
    assert.deepEqual(page2.body.groups.map((g) => g.groupId), ['spare']);
    assert.equal(page2.body.total, 3);
  });

  it('names the bad parameter (400), and answers 404 / 503 for unknown and unreachable clusters', async () => {
    const bad = await callRoute<{ code: string; details: { fields: Record<string, string> } }>(routes.list, { cluster: 'main' }, { query: { page: '0' } });
    assert.equal(bad.status, 400);
    assert.ok(bad.body.details.fields.page);
    const sort = await callRoute<{ details: { fields: Record<string, string> } }>(routes.list, { cluster: 'main' }, { query: { sort: 'bogus' } });
    assert.equal(sort.status, 400);
    assert.ok(sort.body.details.fields.sort);
    assert.equal((await callRoute(routes.list, { cluster: 'nope' })).status, 404);
    assert.equal((await callRoute(routes.list, { cluster: 'down' })).status, 503);
  });
});

function lagOf(page: GroupsPage, id: string): number {
  return page.groups.find((g) => g.groupId === id)?.totalLag ?? -1;
}

describe('GET groups/[group]', () => {
  it('shows members with decoded assignments and every partition with offsets and owner', async () => {
    const { status, body } = await callRoute<GroupDetail>(routes.detail.GET, { cluster: 'main', group: 'live' });
    assert.equal(status, 200);
    groupDetail.strict().parse(body);
    assert.equal(body.membersList.length, 1);
    const member = body.membersList[0];
    assert.equal(member.clientId, 'groups-routes-test');
    assert.deepEqual(member.assignment, [0, 1, 2].map((partition) => ({ topic: TOPIC, partition })));
    assert.deepEqual(body.partitions.map((p) => [p.partition, p.committed, p.logStart, p.logEnd, p.lag, p.owner?.memberId]), [0, 1, 2].map((p) => [p, 10, 0, 10, 0, member.memberId]));
    assert.equal(body.canReset, false);
  });

  it('lists partitions without a commit and their log range', async () => {
    const { body } = await callRoute<GroupDetail>(routes.detail.GET, { cluster: 'main', group: 'idle' });
    const other = body.partitions.filter((p) => p.topic === OTHER);
    assert.deepEqual(other.map((p) => [p.partition, p.committed, p.logEnd, p.lag, p.note]), [[0, 1, 4, 3, null], [1, null, 0, null, 'no-commit']]);
    assert.equal(body.canReset, true);
  });

  it('is 404 for an unknown group', async () => {
    const { status, body } = await callRoute<{ code: string; message: string }>(routes.detail.GET, { cluster: 'main', group: 'no-such-group' });
    assert.equal(status, 404);
    assert.match(body.message, /no-such-group/);
  });
});

describe('reset offsets', () => {
  const earliest = { scope: { type: 'topic', topic: TOPIC }, strategy: { type: 'earliest' } };
  const execute = { ...earliest, confirm: true };

  it('previews every partition before anything changes', async () => {
    const { status, body } = await callRoute<ResetPlan>(routes.preview, { cluster: 'main', group: 'idle' }, { body: earliest });
    assert.equal(status, 200);
    resetPlan.strict().parse(body);
    assert.deepEqual(body.rows.map((r) => [r.partition, r.current, r.target, r.delta]), [[0, 2, 0, -2], [1, 5, 0, -5], [2, 10, 0, -10]]);
    assert.equal(body.replayed, 17);
    assert.equal(body.canExecute, true);
    assert.deepEqual(await committed('idle'), [2, 5, 10]);
  });

  it('plans shift, exact offset, datetime and duration', async () => {
    const plan = async (strategy: unknown, scope: unknown = { type: 'partitions', partitions: [{ topic: TOPIC, partition: 1 }] }) =>
      (await callRoute<ResetPlan>(routes.preview, { cluster: 'main', group: 'idle' }, { body: { scope, strategy } })).body.rows.map((r) => r.target);
    assert.deepEqual(await plan({ type: 'shift', by: -3 }), [2]);
    assert.deepEqual(await plan({ type: 'offset', offset: 7 }), [7]);
    assert.deepEqual(await plan({ type: 'offset', offset: 70 }), [10]);
    assert.deepEqual(await plan({ type: 'datetime', datetime: new Date(Date.now() + 3_600_000).toISOString() }), [10]);
    assert.deepEqual(await plan({ type: 'duration', duration: 'P1D' }), [0]);
    assert.deepEqual(await plan({ type: 'latest' }, { type: 'all' }), [10, 10, 10, 4, 0]);
  });

  it('rejects bad input with 400 naming the field, changing nothing', async () => {
    const cases: [unknown, string][] = [
      [{ scope: { type: 'all' }, strategy: { type: 'offset', offset: -5 } }, 'strategy.offset'],
      [{ scope: { type: 'all' }, strategy: { type: 'datetime', datetime: 'yesterday-ish' } }, 'strategy.datetime'],
      // No zone: it would be read in the server's zone, so it is refused rather than guessed.
      [{ scope: { type: 'all' }, strategy: { type: 'datetime', datetime: '2024-05-01T12:00' } }, 'strategy.datetime'],
      [{ scope: { type: 'all' }, strategy: { type: 'shift', by: 0 } }, 'strategy.by'],
      [{ scope: { type: 'all' }, strategy: { type: 'duration', duration: '15 minutes' } }, 'strategy.duration'],
      [{ scope: { type: 'all' }, strategy: { type: 'sideways' } }, 'strategy.type'],
      [{ scope: { type: 'topic', topic: 'missing-topic' }, strategy: { type: 'earliest' } }, 'scope.topic'],
      [{ scope: { type: 'partitions', partitions: [{ topic: TOPIC, partition: 9 }] }, strategy: { type: 'earliest' } }, 'scope.partitions.0'],
    ];
    for (const [body, field] of cases) {
      for (const [handler, confirm] of [[routes.preview, {}], [routes.reset, { confirm: true }]] as const) {
        const res = await callRoute<{ details?: { fields?: Record<string, string> } }>(handler, { cluster: 'main', group: 'idle' }, { body: { ...(body as object), ...confirm } });
        assert.equal(res.status, 400, `${field}: ${JSON.stringify(res.body)}`);
        assert.ok(res.body.details?.fields?.[field], `${field} named in ${JSON.stringify(res.body)}`);
      }
    }
    const malformed = await callRoute(routes.reset, { cluster: 'main', group: 'idle' }, { rawBody: '{not json' });
    assert.equal(malformed.status, 400);
    assert.deepEqual(await committed('idle'), [2, 5, 10]);
  });

  it('executes only with confirm: true (400 naming confirm otherwise, offsets unchanged); the preview needs none', async () => {
    for (const confirm of [undefined, false, 'true', 1, null]) {
      const body = confirm === undefined ? earliest : { ...earliest, confirm };
      const res = await callRoute<{ message: string; details?: { fields?: Record<string, string> } }>(routes.reset, { cluster: 'main', group: 'idle' }, { body });
      assert.equal(res.status, 400, `confirm ${JSON.stringify(confirm)}: ${JSON.stringify(res.body)}`);
      assert.match(res.body.details?.fields?.confirm ?? '', /must be true/);
      assert.match(res.body.message, /confirm/);
    }
    assert.deepEqual(await committed('idle'), [2, 5, 10]);
    assert.deepEqual(await committed('idle', OTHER), [1, -1]);
    assert.equal((await callRoute(routes.preview, { cluster: 'main', group: 'idle' }, { body: earliest })).status, 200);
  });

  it('refuses a group with active members: 409 with the reason, offsets unchanged', async () => {
    const preview = await callRoute<ResetPlan>(routes.preview, { cluster: 'main', group: 'live' }, { body: earliest });
    assert.equal(preview.body.canExecute, false);
    assert.match(preview.body.blockedReason ?? '', /1 active member .*groups-routes-test.*empty/);
    const res = await callRoute<{ code: string; message: string }>(routes.reset, { cluster: 'main', group: 'live' }, { body: execute });
    assert.equal(res.status, 409);
    assert.match(res.body.message, /active member/);
    assert.deepEqual(await committed('live'), [10, 10, 10]);
  });

  it('is 403 on a read-only cluster and 404 for an unknown group', async () => {
    const locked = await callRoute<{ code: string }>(routes.reset, { cluster: 'locked', group: 'idle' }, { body: execute });
    assert.equal(locked.status, 403);
    assert.equal(locked.body.code, 'read_only');
    assert.equal((await callRoute(routes.reset, { cluster: 'main', group: 'no-such-group' }, { body: execute })).status, 404);
    assert.deepEqual(await committed('idle'), [2, 5, 10]);
  });

  it('executes on an empty group, returns what Kafka now holds, and audits it', async () => {
    const { status, body } = await callRoute<ResetResult>(routes.reset, { cluster: 'main', group: 'idle' }, { body: execute });
    assert.equal(status, 200);
    resetResult.strict().parse(body);
    assert.deepEqual(body.rows.map((r) => [r.partition, r.current, r.target, r.after]), [[0, 2, 0, 0], [1, 5, 0, 0], [2, 10, 0, 0]]);
    assert.deepEqual(await committed('idle'), [0, 0, 0]);
    assert.deepEqual(await committed('idle', OTHER), [1, -1], 'other topics untouched');
    const audit = readFileSync(env.auditFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { action: string; outcome: string; target: string; cluster: string });
    const resets = audit.filter((a) => a.action === 'group.reset-offsets');
    assert.ok(resets.some((a) => a.outcome === 'success' && a.target === 'idle' && a.cluster === 'main'));
    assert.ok(resets.some((a) => a.outcome === 'refused' && a.cluster === 'locked'));
    assert.ok(resets.some((a) => a.outcome === 'failure' && a.target === 'live'));
  });
});

describe('topic consumers', () => {
  it('lists the groups of a topic with their lag on it, and 404s an unknown topic', async () => {
    const { status, body } = await callRoute<TopicConsumers>(routes.consumers, { cluster: 'main', topic: OTHER }, { query: { refresh: '1' } });
    assert.equal(status, 200);
    topicConsumers.strict().parse(body);
    assert.deepEqual(body.consumers.map((c) => [c.groupId, c.lag, c.partitions]), [['idle', 3, 1]]);
    const orders = await callRoute<TopicConsumers>(routes.consumers, { cluster: 'main', topic: TOPIC });
    assert.deepEqual(orders.body.consumers.map((c) => c.groupId).sort(), ['idle', 'live', 'spare']);
    assert.equal((await callRoute(routes.consumers, { cluster: 'main', topic: 'missing-topic' })).status, 404);
  });

  it('worstLagByTopic names the group furthest behind on each topic', async () => {
    const { worstLagByTopic } = await import('@/lib/kafka/groups/worst-lag');
    const worst = await worstLagByTopic('main');
    assert.deepEqual(worst.get(OTHER), { group: 'idle', lag: 3 });
    // "idle" was reset to the earliest offsets above: 3 × 10 behind, more than "spare".
    assert.deepEqual(worst.get(TOPIC), { group: 'idle', lag: 30 });
  });
});

describe('GET /api/metrics', () => {
  it('exposes lag, state, topics and brokers for every cluster, and up=0 for the unreachable one', async () => {
    const request = new Request('http://127.0.0.1:3000/api/metrics');
    const response = await routes.metrics(request, { params: Promise.resolve({}) });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/plain; version=0.0.4/);
    const text = await response.text();
    assert.match(text, /^kafka_consumergroup_lag\{cluster="main",consumergroup="spare",topic="orders",partition="0"\} 9$/m);
    assert.match(text, /^kafka_consumergroup_lag_sum\{cluster="main",consumergroup="live",topic="orders"\} 0$/m);
    assert.match(text, /^kafka_consumergroup_members\{cluster="main",consumergroup="live"\} 1$/m);
    assert.match(text, /^kafka_consumergroup_state\{cluster="main",consumergroup="live",state="Stable"\} 1$/m);
    assert.match(text, /^kafka_consumergroup_health\{cluster="main",consumergroup="spare",status="STOP"\} 1$/m);
    assert.match(text, /^kafka_topic_partitions\{cluster="main",topic="orders"\} 3$/m);
    assert.match(text, /^kafka_topic_under_replicated_partitions\{cluster="locked",topic="orders"\} 0$/m);
    assert.match(text, /^kafka_broker_up\{cluster="main",broker="1"\} 1$/m);
    assert.match(text, /^kafka_console_cluster_up\{cluster="down"\} 0$/m);
    assert.match(text, /^kafka_console_cluster_up\{cluster="main"\} 1$/m);
  });
});

describe('delete offsets and groups', () => {
  type Refusal = { message: string; details?: { fields?: Record<string, string> } };
  const del = (handler: Handler, group: string, body?: unknown, topic?: string) =>
    callRoute<Refusal>(handler, { cluster: 'main', group }, { method: 'DELETE', body, query: { topic } });

  it('deletes offsets only when the body confirms the topic: missing or different is 400 naming confirm, nothing deleted', async () => {
    const attempts: [string, unknown][] = [
      ['no body', undefined],
      ['empty body', {}],
      ['another topic', { confirm: TOPIC }],
      ['different case', { confirm: OTHER.toUpperCase() }],
      ['padded', { confirm: ` ${OTHER}` }],
      ['not a string', { confirm: true }],
      ['the group id', { confirm: 'idle' }],
    ];
    for (const [what, body] of attempts) {
      const res = await del(routes.offsets, 'idle', body, OTHER);
      assert.equal(res.status, 400, `${what}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.details?.fields?.confirm, 'type the topic name to confirm', what);
    }
    const malformed = await callRoute(routes.offsets, { cluster: 'main', group: 'idle' }, { method: 'DELETE', rawBody: '{"confirm":', query: { topic: OTHER } });
    assert.equal(malformed.status, 400);
    assert.deepEqual(await committed('idle', OTHER), [1, -1]);
    assert.deepEqual(await committed('idle'), [0, 0, 0]);
  });

  it('deletes one topic of an empty group; 409 while subscribed; 400 without topic; 403 read-only; 404 unknown', async () => {
    const subscribed = await del(routes.offsets, 'live', { confirm: TOPIC }, TOPIC);
    assert.equal(subscribed.status, 409);
    assert.match(subscribed.body.message, /subscribed/);
    assert.deepEqual(await committed('live'), [10, 10, 10]);
    const missing = await del(routes.offsets, 'idle', { confirm: OTHER });
    assert.equal(missing.status, 400);
    assert.ok(missing.body.details?.fields?.topic);
    const locked = await callRoute(routes.offsets, { cluster: 'locked', group: 'idle' }, { method: 'DELETE', body: { confirm: OTHER }, query: { topic: OTHER } });
    assert.equal(locked.status, 403);
    assert.equal((await del(routes.offsets, 'no-such-group', { confirm: OTHER }, OTHER)).status, 404);
    const ok = await callRoute<{ partitions: number[] }>(routes.offsets, { cluster: 'main', group: 'idle' }, { method: 'DELETE', body: { confirm: OTHER }, query: { topic: OTHER } });
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.body.partitions, [0]);
    assert.deepEqual(await committed('idle', OTHER), [-1, -1]);
    assert.deepEqual(await committed('idle'), [0, 0, 0]);
  });

  it('deletes a group only when the body confirms its id: missing or different is 400 naming confirm, nothing deleted', async () => {
    const attempts: [string, unknown][] = [
      ['no body', undefined],
      ['empty body', {}],
      ['another group', { confirm: 'idle' }],
      ['different case', { confirm: 'SPARE' }],
      ['padded', { confirm: 'spare ' }],
      ['not a string', { confirm: 1 }],
      ['unknown key', { confirm: 'spare', force: true }],
    ];
    for (const [what, body] of attempts) {
      const res = await del(routes.detail.DELETE, 'spare', body);
      assert.equal(res.status, 400, `${what}: ${JSON.stringify(res.body)}`);
      if (what !== 'unknown key') assert.equal(res.body.details?.fields?.confirm, 'type the group id to confirm', what);
    }
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId).sort();
    assert.deepEqual(groups, ['idle', 'live', 'spare']);
    assert.deepEqual(await committed('spare'), [1, -1, -1]);
  });

  it('deletes an empty group; 409 for a live one; 403 read-only', async () => {
    const live = await del(routes.detail.DELETE, 'live', { confirm: 'live' });
    assert.equal(live.status, 409);
    assert.match(live.body.message, /active member/);
    assert.equal((await callRoute(routes.detail.DELETE, { cluster: 'locked', group: 'spare' }, { method: 'DELETE', body: { confirm: 'spare' } })).status, 403);
    const ok = await del(routes.detail.DELETE, 'spare', { confirm: 'spare' });
    assert.equal(ok.status, 200);
    assert.equal((await callRoute(routes.detail.GET, { cluster: 'main', group: 'spare' })).status, 404);
    assert.ok(!(await admin.listGroups()).groups.some((g) => g.groupId === 'spare'));
    assert.equal((await del(routes.detail.DELETE, 'spare', { confirm: 'spare' })).status, 404);
  });
});
