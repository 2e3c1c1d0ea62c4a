import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { produceResult, replayResult, type ProduceResult, type ReplayProgress, type ReplayResult } from '@/lib/api/produce';
import { callRoute } from '@/tests/support/console';
import { hasKcat, kcat, startMessagesTest, type MessagesTest } from './support';

interface KcatMessage {
  partition: number;
  offset: number;
  ts: number;
  key: string | null;
  payload: string | null;
  headers?: string[];
}

// Produce and replay through the route handlers; what reached Kafka is read back with kafkajs.

// Recent timestamps: retention (7 days by default) would delete older ones while the test runs.
const BASE = Math.floor(Date.now() / 60_000) * 60_000 - 3_600_000;

type ErrorBody = { code: string; message: string; details?: { fields?: Record<string, string> } };

describe('messages: produce and replay routes', { skip: hasKcat ? false : 'kcat is not installed' }, () => {
  let t: MessagesTest;
  let produceRoute: typeof import('@/app/api/clusters/[cluster]/produce/route');
  let replayRoute: typeof import('@/app/api/clusters/[cluster]/replay/route');
  let jobRoute: typeof import('@/app/api/clusters/[cluster]/replay/[job]/route');
  // A 200 is checked against the answer's schema.
  const produce = async (body: unknown, cluster = 'main') => {
    const res = await callRoute<ProduceResult & ErrorBody>(produceRoute.POST, { cluster }, { body });
    if (res.status === 200) produceResult.strict().parse(res.body);
    return res;
  };
  const replay = async (body: unknown, cluster = 'main') => {
    const res = await callRoute<ReplayResult & ErrorBody>(replayRoute.POST, { cluster }, { body });
    if (res.status === 200) replayResult.strict().parse(res.body);
    return res;
  };

  /** Every message of a partition in offset order, read independently with kcat (no group). */
  async function readAll(topic: string, partition: number): Promise<KcatMessage[]> {
    const out = await kcat(['-C', '-b', t.bootstrap, '-t', topic, '-p', String(partition), '-o', 'beginning', '-e', '-q', '-J']);
    return out
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as KcatMessage);
  }

  before(async () => {
    t = await startMessagesTest();
    produceRoute = await import('@/app/api/clusters/[cluster]/produce/route');
    replayRoute = await import('@/app/api/clusters/[cluster]/replay/route');
    jobRoute = await import('@/app/api/clusters/[cluster]/replay/[job]/route');
    await t.admin.createTopics({
      topics: [
        { topic: 'in', numPartitions: 2, replicationFactor: 1 },
        { topic: 'out', numPartitions: 2, replicationFactor: 1 },
        { topic: 'narrow', numPartitions: 1, replicationFactor: 1 },
        { topic: 'small', numPartitions: 1, replicationFactor: 1, configEntries: [{ name: 'max.message.bytes', value: '2000' }] },
      ],
    });
    await t.producer.send({
      topic: 'in',
      messages: Array.from({ length: 300 }, (_, i) => ({
        partition: i % 2,
        key: i % 7 === 0 ? null : `k${i}`,
        value: i % 25 === 0 ? null : `v${i}`,
        headers: { n: String(i), kind: 'src' },
        timestamp: String(BASE + i),
      })),
    });
  });

  after(() => t.close());

  it('produces a message and says where it landed', async () => {
    const res = await produce({
      topic: 'narrow',
      key: 'order-1',
      value: '{"amount": 12}',
      valueFormat: 'json',
      headers: [{ key: 'source', value: 'console' }, { key: 'empty', value: null }],
      compression: 'gzip',
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.partition, 0);
    assert.equal(res.body.offset, 0);
    const [m] = await readAll('narrow', 0);
    assert.equal(m.key, 'order-1');
    assert.equal(m.payload, '{"amount": 12}');
    assert.deepEqual(m.headers, ['source', 'console', 'empty', null]);
  });

  it('keeps null apart from the empty string for keys and values; leaving them out means null', async () => {
    await t.admin.createTopics({ topics: [{ topic: 'empties', numPartitions: 1, replicationFactor: 1 }] });
    for (const body of [{ key: '', value: null }, { key: null, value: '', valueFormat: 'text' }, {}]) {
      const res = await produce({ topic: 'empties', ...body });
      assert.equal(res.status, 200, JSON.stringify(res.body));
    }
    const read = await readAll('empties', 0);
    assert.deepEqual(read.map((m) => [m.key, m.payload]), [['', null], [null, ''], [null, null]]);
  });

  it('chooses the partition by key like Kafka, or the one asked for', async () => {
    const byKey = await produce({ topic: 'out', key: 'same-key', value: 'a' });
    const again = await produce({ topic: 'out', key: 'same-key', value: 'b' });
    assert.equal(byKey.body.partition, again.body.partition);
    assert.equal(again.body.offset, byKey.body.offset + 1);
    const chosen = await produce({ topic: 'out', partition: 1, value: 'c', compression: 'lz4' });
    assert.equal(chosen.body.partition, 1);
    await produce({ topic: 'out', partition: 0, value: 'd', compression: 'snappy' });
  });

  it('produces right after a leader stops or partitions are added, though its metadata is cached', {
    skip: process.env.TEST_KAFKA_BROKERS ? 'stops a broker of the devcluster' : false,
  }, async () => {
    await t.admin.createTopics({ topics: [{ topic: 'moving', numPartitions: 1, replicationFactor: 3 }] });
    assert.equal((await produce({ topic: 'moving', partition: 0, value: 'first' })).status, 200);
    const [meta] = (await t.admin.fetchTopicMetadata({ topics: ['moving'] })).topics;
    const leader = meta.partitions[0].leader;
    await t.console.cluster.stopBroker(leader);
    try {
      const moved = await produce({ topic: 'moving', partition: 0, value: 'after the leader stopped' });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      assert.equal(moved.body.offset, 1);
    } finally {
      await t.console.cluster.startBroker(leader);
    }
    await t.admin.createPartitions({ topicPartitions: [{ topic: 'moving', count: 2 }] });
    const added = await produce({ topic: 'moving', partition: 1, value: 'to the new partition' });
    assert.equal(added.status, 200, JSON.stringify(added.body));
    assert.equal(added.body.partition, 1);
  });

  it('refuses bad produce input with the field named', async () => {
    const cases: [unknown, number, RegExp, string?][] = [
      [{ topic: 'narrow', value: '{"a":', valueFormat: 'json' }, 400, /Not valid JSON/, 'value'],
      [{ topic: 'narrow', value: '', valueFormat: 'json' }, 400, /An empty value is not JSON: send null for a tombstone/, 'value'],
      [{ topic: '', value: 'x' }, 400, /Choose a topic/, 'topic'],
      [{ topic: 'narrow', partition: -1, value: 'x' }, 400, /Partition must be >= 0/, 'partition'],
      [{ topic: 'narrow', headers: [{ key: '', value: 'x' }] }, 400, /Header name is required/, 'headers.0.key'],
      [{ topic: 'narrow', compression: 'zstd' }, 400, /compression/, 'compression'],
      [{ topic: 'nope', value: 'x' }, 404, /Topic "nope" does not exist/],
      [{ topic: 'narrow', partition: 3, value: 'x' }, 404, /no partition 3/],
      [{ topic: 'small', value: 'x'.repeat(5000) }, 413, /accepts at most 2,000 bytes \(max\.message\.bytes = 2000\)/],
    ];
    for (const [body, status, message, field] of cases) {
      const res = await produce(body);
      assert.equal(res.status, status, JSON.stringify(body));
      assert.match(res.body.message, message);
      if (field) assert.ok(res.body.details?.fields?.[field], `${field} in ${JSON.stringify(res.body)}`);
    }
    const raw = await callRoute<ErrorBody>(produceRoute.POST, { cluster: 'main' }, { rawBody: '{nope' });
    assert.equal(raw.status, 400);
  });

  it('the broker limit is named when only compression could have fit', async () => {
    const res = await produce({ topic: 'small', value: 'y'.repeat(100_000), compression: 'gzip' });
    assert.equal(res.status, 200, 'a compressible value fits once compressed');
    const random = randomBytes(4500).toString('base64');
    const refused = await produce({ topic: 'small', value: random, compression: 'gzip' });
    assert.equal(refused.status, 413);
    assert.match(refused.body.message, /max\.message\.bytes/);
  });

  it('replays an offset range into another topic, byte for byte and in order, checked against offsets', async () => {
    const before = await t.admin.fetchTopicOffsets('narrow');
    const res = await replay({ topic: 'in', jobId: 'job-offsets-1', source: { mode: 'offsets', partition: 1, from: 10, to: 109 }, target: { topic: 'narrow', partition: 0 }, keepTimestamp: true });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.produced, 100);
    assert.equal(res.body.verified, true);
    assert.deepEqual(res.body.partitions, [{ partition: 0, before: Number(before[0].high), after: Number(before[0].high) + 100, produced: 100 }]);
    const source = (await readAll('in', 1)).slice(10, 110);
    const target = (await readAll('narrow', 0)).slice(Number(before[0].high));
    assert.equal(target.length, 100);
    assert.ok(source.some((m) => m.key === null) && source.some((m) => m.payload === null), 'null keys and values are in the range');
    target.forEach((m, i) => {
      assert.equal(m.key, source[i].key);
      assert.equal(m.payload, source[i].payload);
      assert.deepEqual(m.headers, source[i].headers);
      assert.equal(m.ts, source[i].ts, 'original timestamp kept');
    });
    const progress = await callRoute<ReplayProgress>(jobRoute.GET, { cluster: 'main', job: 'job-offsets-1' });
    assert.equal(progress.status, 200);
    assert.equal(progress.body.state, 'done');
    assert.equal(progress.body.produced, 100);
  });

  it('replays chosen messages and time ranges, keeping partitions', async () => {
    const before = await t.admin.fetchTopicOffsets('out');
    const chosen = await replay({ topic: 'in', source: { mode: 'messages', messages: [{ partition: 0, offset: 3 }, { partition: 1, offset: 0 }, { partition: 0, offset: 1 }] }, target: { topic: 'out', partition: 'same' } });
    assert.equal(chosen.status, 200, JSON.stringify(chosen.body));
    assert.equal(chosen.body.produced, 3);
    assert.equal(chosen.body.verified, true);
    const after = await t.admin.fetchTopicOffsets('out');
    const grew = (p: number) => Number(after.find((o) => o.partition === p)!.high) - Number(before.find((o) => o.partition === p)!.high);
    assert.equal(grew(0), 2);
    assert.equal(grew(1), 1);
    const out0 = await readAll('out', 0);
    assert.deepEqual(out0.slice(-2).map((m) => m.payload), ['v2', 'v6']);

    const timed = await replay({
      topic: 'in',
      source: { mode: 'time', from: new Date(BASE + 100).toISOString(), to: new Date(BASE + 149).toISOString() },
      target: { topic: 'out', partition: 'key' },
    });
    assert.equal(timed.status, 200, JSON.stringify(timed.body));
    assert.equal(timed.body.produced, 50);
    assert.equal(timed.body.verified, true);
  });

  it('refuses bad replay input', async () => {
    const cases: [unknown, number, RegExp][] = [
      [{ topic: 'in', source: { mode: 'offsets', partition: 0, from: 5, to: 2 }, target: { topic: 'out' } }, 400, /must not be before/],
      [{ topic: 'in', source: { mode: 'offsets', partition: 0, from: 0, to: 500 }, target: { topic: 'out' } }, 400, /Offset 500 is out of range/],
      [{ topic: 'in', source: { mode: 'time', from: 'noon', to: '2024-01-01T00:00:00Z' }, target: { topic: 'out' } }, 400, /not a date-time/],
      [{ topic: 'in', source: { mode: 'offsets', partition: 1, from: 0, to: 1 }, target: { topic: 'narrow', partition: 'same' } }, 400, /partition 1 cannot be kept/],
      [{ topic: 'in', source: { mode: 'offsets', partition: 0, from: 0, to: 1 }, target: { topic: 'ghost' } }, 404, /Topic "ghost" does not exist/],
      [{ topic: 'in', source: { mode: 'offsets', partition: 9, from: 0, to: 1 }, target: { topic: 'out' } }, 404, /no partition 9/],
      [{ topic: 'in', source: { mode: 'offsets', partition: 0, from: 0, to: 1 }, target: { topic: 'out', partition: 7 } }, 404, /no partition 7/],
      [{ topic: 'in', source: { mode: 'sideways' }, target: { topic: 'out' } }, 400, /mode/],
    ];
    for (const [body, status, message] of cases) {
      const res = await replay(body);
      assert.equal(res.status, status, JSON.stringify(body));
      assert.match(res.body.message, message);
    }
    assert.equal((await callRoute(jobRoute.GET, { cluster: 'main', job: 'never-started' })).status, 404);
    assert.equal((await callRoute(jobRoute.DELETE, { cluster: 'main', job: 'never-started' }, { method: 'DELETE' })).status, 404);
  });

  it('a running replay can be followed and stopped', async () => {
    await t.admin.createTopics({ topics: [{ topic: 'long', numPartitions: 1, replicationFactor: 1 }, { topic: 'long-copy', numPartitions: 1, replicationFactor: 1 }] });
    for (let i = 0; i < 20; i++) {
      await t.producer.send({ topic: 'long', messages: Array.from({ length: 1000 }, (_, j) => ({ value: `m-${i}-${j}-${'p'.repeat(100)}` })) });
    }
    const running = replay({ topic: 'long', jobId: 'job-to-stop', source: { mode: 'offsets', partition: 0, from: 0, to: 19_999 }, target: { topic: 'long-copy', partition: 0 } });
    let progress: { status: number; body: ReplayProgress } | undefined;
    for (let i = 0; i < 200; i++) {
      progress = await callRoute<ReplayProgress>(jobRoute.GET, { cluster: 'main', job: 'job-to-stop' });
      if (progress.status === 200 && progress.body.produced > 0) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    assert.equal(progress!.body.state, 'running');
    assert.equal(progress!.body.total, 20_000);
    const stopped = await callRoute<{ cancelled: boolean }>(jobRoute.DELETE, { cluster: 'main', job: 'job-to-stop' }, { method: 'DELETE' });
    assert.equal(stopped.status, 200);
    const result = await running;
    assert.equal(result.status, 200);
    assert.equal(result.body.cancelled, true);
    assert.ok(result.body.produced > 0 && result.body.produced < 20_000, `stopped part way (${result.body.produced})`);
    assert.equal(result.body.verified, true, 'what was produced is exactly what the target grew by');
    assert.equal((await callRoute<ReplayProgress>(jobRoute.GET, { cluster: 'main', job: 'job-to-stop' })).body.state, 'cancelled');
    assert.equal((await callRoute(jobRoute.DELETE, { cluster: 'main', job: 'job-to-stop' }, { method: 'DELETE' })).status, 404, 'no longer running');
  });

  it('read-only clusters refuse produce and replay with 403, and audit says so', async () => {
    const p = await produce({ topic: 'narrow', value: 'x' }, 'locked');
    assert.equal(p.status, 403);
    assert.equal(p.body.code, 'read_only');
    const r = await replay({ topic: 'in', source: { mode: 'offsets', partition: 0, from: 0, to: 1 }, target: { topic: 'out' } }, 'locked');
    assert.equal(r.status, 403);
    const stop = await callRoute<ErrorBody>(jobRoute.DELETE, { cluster: 'locked', job: 'any' }, { method: 'DELETE' });
    assert.equal(stop.status, 403);
    assert.equal(stop.body.code, 'read_only');
    const { flushAudit } = await import('@/lib/server/audit');
    await flushAudit();
    const entries = readFileSync(t.console.auditFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const refused = entries.filter((e) => e.outcome === 'refused').map((e) => e.action);
    assert.ok(refused.includes('message.produce') && refused.includes('message.replay'));
    const produced = entries.find((e) => e.action === 'message.produce' && e.outcome === 'success');
    assert.equal(produced.target, 'narrow');
    assert.equal(produced.parameters.valueBytes, 14);
    assert.equal(JSON.stringify(produced).includes('amount'), false, 'message contents are not audited');
    const replayed = entries.find((e) => e.action === 'message.replay' && e.outcome === 'success');
    assert.equal(replayed.target, 'in -> narrow');
    assert.equal(replayed.parameters.produced, 100);
  });

  it('produce and replay created no consumer group', async () => {
    assert.deepEqual((await t.admin.listGroups()).groups, []);
  });
});
