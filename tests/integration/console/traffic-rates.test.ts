import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Kafka, logLevel, type Admin, type Consumer, type Producer } from 'kafkajs';
import type { HistoryResponse } from '@/lib/api/history';
import type { OverviewResponse } from '@/lib/api/overview';
import { topicDetail, topicListResponse } from '@/lib/api/topics';
import { callRoute, startConsoleUnderTest, type ConsoleUnderTest } from '@/tests/support/console';
import { waitFor } from '@/tests/support/wait';

// The sampler's rates against traffic of a known pace: a kafkajs producer writing about 200
// messages/s to a fresh topic and a kafkajs consumer committing about 80/s. What each client
// actually did is counted against the wall clock over the window compared, so a slow machine
// changes the pace but not the verdict. Kafka clients only, unique names: holds on an external
// cluster too.

process.env.CONSOLE_SAMPLE_MS = '500';

type Handler = Parameters<typeof callRoute>[0];
const run = Date.now().toString(36);
const topic = `traffic-${run}`;
const groupId = `traffic-g-${run}`;
const BATCH = 4;
const BATCH_EVERY_MS = 20; // 200 messages/s
const CONSUME_PAUSE_MS = 12; // at most ~80 messages/s

let ctx: ConsoleUnderTest;
let admin: Admin;
let producer: Producer;
let consumer: Consumer;
let routes: { overview: Handler; topic: Handler; group: Handler; detail: Handler; list: Handler };
let producing = true;
let producerDone: Promise<void>;
/** [time, messages acknowledged so far] after every send; [time, messages consumed so far] after each message. */
const produced: [number, number][] = [];
const consumed: [number, number][] = [];

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function produceAtPace(): Promise<void> {
  let sent = 0;
  const started = Date.now();
  for (let batch = 0; producing; batch++) {
    await producer.send({ topic, messages: Array.from({ length: BATCH }, (_, i) => ({ key: `k${(batch * BATCH + i) % 7}`, value: `m${batch}-${i}` })) });
    sent += BATCH;
    produced.push([Date.now(), sent]);
    // Paced against the start, so a slow send is caught up rather than lowering the rate.
    const next = started + (batch + 1) * BATCH_EVERY_MS;
    await pause(Math.max(0, next - Date.now()));
  }
}

/** How many a log had counted by time `t`. */
function countAt(log: [number, number][], t: number): number {
  let n = 0;
  for (const [at, count] of log) {
    if (at > t) break;
    n = count;
  }
  return n;
}

/** Messages per second a client did between `from` and `to`, by its own log. */
const measured = (log: [number, number][], from: number, to: number) => ((countAt(log, to) - countAt(log, from)) * 1000) / (to - from);

/** The mean rate of a series over its points after `from`: each point's rate weighted by the time since the one before. */
function meanRate(points: [number, number | null][], from: number): { rate: number; from: number; to: number } {
  const inside = points.filter(([t]) => t >= from);
  assert.ok(inside.length >= 6, `only ${inside.length} points after the warm-up`);
  let sum = 0;
  for (let i = 1; i < inside.length; i++) {
    const [t, v] = inside[i];
    assert.ok(v !== null && v >= 0, `point ${new Date(t).toISOString()} is ${v}`);
    sum += v * (t - inside[i - 1][0]);
  }
  const first = inside[0][0];
  const last = inside[inside.length - 1][0];
  return { rate: sum / (last - first), from: first, to: last };
}

function assertWithin(actual: number, expected: number, what: string): void {
  const off = Math.abs(actual - expected) / expected;
  assert.ok(off <= 0.1, `${what}: ${actual.toFixed(1)}/s against ${expected.toFixed(1)}/s measured (${(off * 100).toFixed(1)}% off)`);
}

before(async () => {
  ctx = await startConsoleUnderTest();
  const kafka = new Kafka({ clientId: 'traffic-rates-test', brokers: ctx.brokers, logLevel: logLevel.NOTHING });
  admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 2, replicationFactor: 1 }] });
  routes = {
    overview: (await import('@/app/api/clusters/[cluster]/overview/route')).GET,
    topic: (await import('@/app/api/clusters/[cluster]/topics/[topic]/history/route')).GET,
    group: (await import('@/app/api/clusters/[cluster]/groups/[group]/history/route')).GET,
    detail: (await import('@/app/api/clusters/[cluster]/topics/[topic]/route')).GET,
    list: (await import('@/app/api/clusters/[cluster]/topics/route')).GET,
  };
  // Asking for the topic's history starts the sampler and keeps a series for the topic, however
  // many busier topics the cluster has.
  assert.equal((await callRoute(routes.topic, { cluster: 'main', topic }, { query: { metrics: 'topic.produce-rate', range: '15m' } })).status, 200);

  consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let count = 0;
  await consumer.run({
    autoCommitInterval: 200,
    eachMessage: async () => {
      await pause(CONSUME_PAUSE_MS);
      count++;
      consumed.push([Date.now(), count]);
    },
  });
  producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  producerDone = produceAtPace();
});

after(async () => {
  producing = false;
  await producerDone?.catch(() => undefined);
  await consumer?.disconnect().catch(() => undefined);
  await producer?.disconnect().catch(() => undefined);
  await admin?.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin?.deleteGroups([groupId]).catch(() => undefined);
  await admin?.disconnect();
  await ctx?.close();
});

describe('traffic rates', () => {
  let warmedUpAt = 0;

  it('the topic history’s produce rate matches what the producer wrote', async () => {
    // Warm-up: the consumer has joined and works through a backlog, so both paces are steady.
    await waitFor(() => consumed.length > 100, { timeoutMs: 30_000, what: 'the consumer to consume' });
    warmedUpAt = Date.now();
    await pause(8_000);
    const { status, body } = await callRoute<HistoryResponse>(routes.topic, { cluster: 'main', topic }, { query: { metrics: 'topic.produce-rate', range: '15m' } });
    assert.equal(status, 200);
    const series = body.series.find((s) => s.metric === 'topic.produce-rate');
    assert.ok(series);
    const { rate, from, to } = meanRate(series.points, warmedUpAt);
    assertWithin(rate, measured(produced, from, to), 'topic produce rate');
  });

  it('the overview names the topic among the busiest, at the producer’s rate', async (t) => {
    // Each answer is the rate over one sample interval; a few intervals average out its jitter.
    const readings: number[] = [];
    let crowdedOut = false;
    const start = Date.now();
    let lastWindow = '';
    await waitFor(
      async () => {
        const { status, body } = await callRoute<OverviewResponse>(routes.overview, { cluster: 'main' });
        assert.equal(status, 200);
        const traffic = body.traffic;
        const mine = traffic?.busiestTopics.find((b) => b.topic === topic);
        // A new reading only when the sampler ticked since the last one.
        const key = `${traffic?.produceMessagesPerSecond}:${mine?.messagesPerSecond}`;
        // On a shared external cluster five busier topics may fill the list.
        const shown = traffic?.busiestTopics ?? [];
        if (!mine && shown.length === 5 && shown.every((b) => b.messagesPerSecond > 2 * (1000 / BATCH_EVERY_MS) * BATCH)) crowdedOut = true;
        if (traffic && mine && key !== lastWindow) {
          lastWindow = key;
          readings.push(mine.messagesPerSecond);
          assert.ok(traffic.produceMessagesPerSecond >= mine.messagesPerSecond);
          assert.ok(traffic.consumeMessagesPerSecond !== null && traffic.consumeMessagesPerSecond >= 0);
          assert.ok(traffic.windowMs > 0);
        }
        return readings.length >= 10 || crowdedOut;
      },
      { timeoutMs: 40_000, intervalMs: 150, what: () => `10 overview readings (got ${readings.length})` },
    );
    if (crowdedOut && readings.length < 10) return t.skip('five topics of this cluster are more than twice as busy');
    const mean = readings.reduce((a, b) => a + b, 0) / readings.length;
    assertWithin(mean, measured(produced, start, Date.now()), 'overview busiest-topic rate');
  });

  it('the group history’s consume rate matches what the consumer committed', async () => {
    const { status, body } = await callRoute<HistoryResponse>(routes.group, { cluster: 'main', group: groupId }, { query: { metrics: 'group.consume-rate,group.lag', range: '15m' } });
    assert.equal(status, 200);
    const series = body.series.find((s) => s.metric === 'group.consume-rate' && s.label === topic);
    assert.ok(series, JSON.stringify(body.series.map((s) => [s.metric, s.label])));
    const { rate, from, to } = meanRate(series.points, warmedUpAt);
    assertWithin(rate, measured(consumed, from, to), 'group consume rate');
    // The consumer is slower than the producer: its lag grows.
    const lag = body.series.find((s) => s.metric === 'group.lag' && s.label === topic)?.points.filter((p) => p[1] !== null) ?? [];
    assert.ok(lag.length > 2 && (lag.at(-1)?.[1] ?? 0) > (lag[0][1] ?? 0));
  });

  it('the topic’s partitions and its row in the topic list carry their current produce rate', async () => {
    // One sample interval's rate: checked for its order of magnitude, the means above for accuracy.
    const rate = measured(produced, Date.now() - 5_000, Date.now());
    const detail = topicDetail.parse((await callRoute(routes.detail, { cluster: 'main', topic }, { query: { refresh: '1' } })).body);
    const perPartition = detail.partitions.map((p) => p.messagesPerSecond);
    assert.ok(perPartition.every((r) => r !== null && r >= 0), JSON.stringify(perPartition));
    const sum = perPartition.reduce<number>((a, r) => a + (r ?? 0), 0);
    assert.ok(sum > rate * 0.5 && sum < rate * 1.5, `partitions sum to ${sum}/s, producer ${rate}/s`);
    const list = topicListResponse.parse((await callRoute(routes.list, { cluster: 'main' }, { query: { q: topic } })).body);
    const row = list.items.find((r) => r.name === topic);
    assert.ok(row?.messagesPerSecond != null && row.messagesPerSecond > rate * 0.5 && row.messagesPerSecond < rate * 1.5, JSON.stringify(row));
  });
});
