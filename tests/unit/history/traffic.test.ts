import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { growth, seriesKey, TrafficHistory, type ClusterSample, type SampledTopic } from '@/lib/history/traffic';

// The sampler's arithmetic: rates from the deltas of two samples, no negative rate on a counter
// reset, a gap (not a guess) for a failed tick, and a bounded number of topic series.

const T0 = Date.UTC(2026, 0, 1);
const BROKERS = [
  { id: 1, online: true },
  { id: 2, online: true },
];

interface Spec {
  /** topic -> end offset per partition */
  end?: Record<string, number[]> | null;
  start?: Record<string, number[]>;
  /** topic -> leader replica size per partition (replicas on broker 1 and 2 the same size) */
  sizes?: Record<string, number[]> | null;
  /** group -> topic -> committed per partition */
  groups?: Record<string, Record<string, number[]>> | null;
  ids?: Record<string, string>;
  topics?: SampledTopic[];
  problems?: number;
}

function topicsOf(spec: Spec): SampledTopic[] {
  if (spec.topics) return spec.topics;
  const names = Object.keys(spec.end ?? spec.sizes ?? {});
  return names.map((name) => ({
    name,
    topicId: spec.ids?.[name] ?? `id-${name}`,
    partitions: (spec.end?.[name] ?? spec.sizes?.[name] ?? []).map((_, partition) => ({ partition, leader: 1 + (partition % 2), replicas: [1, 2], isr: [1, 2] })),
  }));
}

const offsets = (o: Record<string, number[]>) => new Map(Object.entries(o).map(([t, ps]) => [t, new Map(ps.map((v, p) => [p, v]))]));

function sample(at: number, spec: Spec): ClusterSample {
  const sizes = spec.sizes;
  return {
    topics: topicsOf(spec),
    brokers: BROKERS,
    endOffsets: spec.end === null ? null : { at, offsets: offsets(spec.end ?? {}) },
    startOffsets: offsets(spec.start ?? Object.fromEntries(Object.entries(spec.end ?? {}).map(([t, ps]) => [t, ps.map(() => 0)]))),
    sizes: sizes
      ? { at, replicas: (topic, partition) => (sizes[topic]?.[partition] === undefined ? undefined : new Map([[1, sizes[topic][partition]], [2, sizes[topic][partition]]])) }
      : null,
    groups:
      spec.groups === null || spec.groups === undefined
        ? null
        : {
            at,
            groups: Object.entries(spec.groups).map(([groupId, byTopic]) => ({
              groupId,
              offsets: new Map(Object.entries(byTopic).map(([t, ps]) => [t, ps.map((committed, partition) => ({ partition, committed }))])),
            })),
          },
    consumerProblems: spec.problems ?? 0,
  };
}

const last = (h: TrafficHistory, key: string) => h.store.read(key, T0 - 30 * 60_000, T0 + 10 * 60_000).points.at(-1)?.[1];

describe('growth', () => {
  it('is the increase, or null when a reading is missing or the counter went back', () => {
    assert.equal(growth(10, 15), 5);
    assert.equal(growth(10, 10), 0);
    assert.equal(growth(10, 3), null);
    assert.equal(growth(undefined, 3), null);
    assert.equal(growth(-1, 3), null);
  });
});

describe('TrafficHistory rates', () => {
  it('produce rates per topic, partition, broker (leader) and cluster from end-offset deltas', () => {
    const h = new TrafficHistory({ intervalMs: 10_000 });
    h.record(T0, sample(T0, { end: { a: [100, 200], b: [0] } }));
    assert.equal(h.current?.produceMessagesPerSecond, null, 'one sample has no rate');
    h.record(T0 + 10_000, sample(T0 + 10_000, { end: { a: [150, 400], b: [10] } }));
    assert.equal(h.current?.topics.get('a')?.messagesPerSecond, 25);
    assert.equal(h.current?.topics.get('b')?.messagesPerSecond, 1);
    assert.equal(h.current?.produceMessagesPerSecond, 26);
    assert.equal(h.current?.windowMs, 10_000);
    assert.equal(h.partitionRate('a', 0), 5);
    assert.equal(h.partitionRate('a', 1), 20);
    assert.equal(h.partitionRate('a', 9), null);
    assert.equal(last(h, 'cluster.produce-rate'), 26);
    assert.equal(last(h, seriesKey('topic.produce-rate', 'a')), 25);
    // Partition 0 of each topic is led by broker 1, partition 1 by broker 2.
    assert.equal(last(h, seriesKey('broker.produce-rate', 1)), 6);
    assert.equal(last(h, seriesKey('broker.produce-rate', 2)), 20);
    assert.equal(last(h, seriesKey('topic.messages', 'a')), 550);
  });

  it('measures over the times the offsets were read, not the tick times', () => {
    const h = new TrafficHistory({ intervalMs: 10_000 });
    h.record(T0, sample(T0 - 2_000, { end: { a: [0] } }));
    h.record(T0 + 10_000, sample(T0 + 10_000, { end: { a: [120] } }));
    assert.equal(h.current?.topics.get('a')?.messagesPerSecond, 10);
  });

  it('a partition whose offsets went back (reset) adds nothing and never makes a rate negative', () => {
    const h = new TrafficHistory({ intervalMs: 10_000 });
    h.record(T0, sample(T0, { end: { a: [1000, 50] } }));
    h.record(T0 + 10_000, sample(T0 + 10_000, { end: { a: [10, 150] } }));
    assert.equal(h.current?.topics.get('a')?.messagesPerSecond, 10);
    assert.equal(h.partitionRate('a', 0), null);
  });

  it('a recreated topic (a new topic id) has no rate until two samples of the new topic exist', () => {
    const h = new TrafficHistory({ intervalMs: 10_000 });
    h.record(T0, sample(T0, { end: { a: [10] }, ids: { a: 'old' } }));
    h.record(T0 + 10_000, sample(T0 + 10_000, { end: { a: [500] }, ids: { a: 'new' } }));
    assert.equal(h.current?.topics.get('a')?.messagesPerSecond, null);
    h.record(T0 + 20_000, sample(T0 + 20_000, { end: { a: [600] }, ids: { a: 'new' } }));
    assert.equal(h.current?.topics.get('a')?.messagesPerSecond, 10);
  });

  it('bytes in: growth of the log dirs, a retention shrink counted as none', () => {
    const h = new TrafficHistory({ intervalMs: 10_000 });
    h.record(T0, sample(T0, { end: { a: [0, 0] }, sizes: { a: [1000, 5000] } }));
    h.record(T0 + 10_000, sample(T0 + 10_000, { end: { a: [0, 0] }, sizes: { a: [3000, 1000] } }));
    // Partition 0 grew by 2000 B, partition 1 shrank (not counted).
    assert.equal(h.current?.topics.get('a')?.bytesPerSecond, 200);
    assert.equal(h.current?.produceBytesPerSecond, 200);
    assert.equal(last(h, seriesKey('topic.bytes-in-rate', 'a')), 200);
    assert.equal(last(h, seriesKey('topic.size', 'a')), 4000);
    // Each broker holds a replica of both partitions.
    assert.equal(last(h, seriesKey('broker.bytes-in-rate', 1)), 200);
    assert.equal(last(h, seriesKey('broker.bytes-in-rate', 2)), 200);
  });

  it('consume rates per group and topic from committed-offset deltas; a reset counts as none', () => {
    const h = new TrafficHistory({ intervalMs: 10_000 });
    h.record(T0, sample(T0, { end: { a: [0] }, groups: { g: { a: [10, 100] }, h: { a: [0] } } }));
    h.record(T0 + 5_000, sample(T0 + 5_000, { end: { a: [0] }, groups: { g: { a: [20, 0] }, h: { a: [50] } } }));
    assert.equal(h.current?.groups.get('g')?.get('a'), 2);
    assert.equal(h.current?.groups.get('h')?.get('a'), 10);
    assert.equal(h.current?.consumeMessagesPerSecond, 12);
    assert.equal(last(h, 'cluster.consume-rate'), 12);
  });

  it('counts under-replicated and offline partitions, online brokers, leaders and replicas', () => {
    const h = new TrafficHistory({ intervalMs: 10_000 });
    const topics: SampledTopic[] = [
      {
        name: 'a',
        topicId: 'x',
        partitions: [
          { partition: 0, leader: 1, replicas: [1, 2], isr: [1] },
          { partition: 1, leader: -1, replicas: [2], isr: [] },
          { partition: 2, leader: 2, replicas: [2, 1], isr: [2, 1] },
        ],
      },
    ];
    h.record(T0, { ...sample(T0, { topics, end: { a: [0, 0, 0] }, problems: 3 }), topics });
    assert.equal(last(h, 'cluster.under-replicated'), 2);
    assert.equal(last(h, 'cluster.offline-partitions'), 1);
    assert.equal(last(h, 'cluster.brokers-online'), 2);
    assert.equal(last(h, 'cluster.consumer-problems'), 3);
    assert.equal(last(h, seriesKey('broker.leaders', 1)), 1);
    assert.equal(last(h, seriesKey('broker.leaders', 2)), 1);
    assert.equal(last(h, seriesKey('broker.replicas', 2)), 3);
  });
});

describe('TrafficHistory failed ticks', () => {
  it('a failed tick is a null point in every series and clears the current rates', () => {
    const h = new TrafficHistory({ intervalMs: 10_000 });
    h.record(T0, sample(T0, { end: { a: [0] } }));
    h.record(T0 + 10_000, sample(T0 + 10_000, { end: { a: [100] } }));
    h.record(T0 + 20_000, null);
    assert.equal(h.current, null);
    for (const key of ['cluster.produce-rate', 'cluster.brokers-online', seriesKey('topic.produce-rate', 'a'), seriesKey('broker.leaders', 1)]) {
      assert.deepEqual(h.store.read(key, T0, T0 + 20_000).points.at(-1), [T0 + 20_000, null], key);
    }
    // Back again: the rate spans the gap, measured, not invented.
    h.record(T0 + 30_000, sample(T0 + 30_000, { end: { a: [300] } }));
    assert.equal((h.current as TrafficHistory['current'])?.topics.get('a')?.messagesPerSecond, 10);
  });

  it('offsets that could not be read give null rates, while the counts still come', () => {
    const h = new TrafficHistory({ intervalMs: 10_000 });
    h.record(T0, sample(T0, { end: { a: [0] } }));
    h.record(T0 + 10_000, sample(T0 + 10_000, { end: null, topics: topicsOf({ end: { a: [0] } }) }));
    assert.equal(last(h, 'cluster.produce-rate'), null);
    assert.equal(last(h, seriesKey('topic.produce-rate', 'a')), null);
    assert.equal(last(h, 'cluster.brokers-online'), 2);
  });
});

describe('TrafficHistory topic series cap', () => {
  const many = (n: number, rate: (i: number) => number, tick: number) =>
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`t${String(i).padStart(3, '0')}`, [rate(i) * tick]]));

  it('keeps series for at most maxTopics topics, the busiest ones, whatever the number of topics', () => {
    const h = new TrafficHistory({ intervalMs: 10_000, maxTopics: 5 });
    // 50 topics; topic i writes i messages per second.
    for (let k = 0; k < 4; k++) h.record(T0 + k * 10_000, sample(T0 + k * 10_000, { end: many(50, (i) => i * 10, k) }));
    assert.equal(h.trackedTopics, 5);
    const topicKeys = [...h.store.keys()].filter((k) => k.startsWith('topic.'));
    assert.equal(topicKeys.length, 5 * 4);
    for (const name of ['t049', 't048', 't047', 't046', 't045']) assert.ok(h.isTracked(name), name);
    // Rates are still known for every topic (the overview's busiest list).
    assert.equal(h.current?.topics.size, 50);
    assert.equal(h.current?.topics.get('t001')?.messagesPerSecond, 1);
  });

  it('a topic a chart asks for gets a series even when it is quiet, and keeps it', () => {
    const h = new TrafficHistory({ intervalMs: 10_000, maxTopics: 3 });
    for (let k = 0; k < 3; k++) h.record(T0 + k * 10_000, sample(T0 + k * 10_000, { end: many(10, (i) => i, k) }));
    assert.ok(!h.isTracked('t000'));
    h.touchTopic('t000', T0 + 25_000);
    assert.equal(h.trackedTopics, 3);
    for (let k = 3; k < 6; k++) h.record(T0 + k * 10_000, sample(T0 + k * 10_000, { end: many(10, (i) => i, k) }));
    assert.ok(h.isTracked('t000'), 'the asked-for topic is kept although it writes nothing');
    assert.equal(h.trackedTopics, 3);
    assert.equal(last(h, seriesKey('topic.produce-rate', 't000')), 0);
  });

  it('similar topics do not swap their series back and forth', () => {
    const h = new TrafficHistory({ intervalMs: 10_000, maxTopics: 1 });
    h.record(T0, sample(T0, { end: { a: [0], b: [0] } }));
    h.record(T0 + 10_000, sample(T0 + 10_000, { end: { a: [100], b: [120] } }));
    const first = h.isTracked('a') ? 'a' : 'b';
    h.record(T0 + 20_000, sample(T0 + 20_000, { end: { a: [220], b: [220] } }));
    assert.ok(h.isTracked(first));
  });

  it('a deleted topic loses its series', () => {
    const h = new TrafficHistory({ intervalMs: 10_000 });
    h.record(T0, sample(T0, { end: { a: [0], b: [0] } }));
    assert.ok(h.store.has(seriesKey('topic.size', 'a')));
    h.record(T0 + 10_000, sample(T0 + 10_000, { end: { b: [0] } }));
    assert.ok(!h.isTracked('a'));
    assert.ok(!h.store.has(seriesKey('topic.size', 'a')));
  });
});
