import type { HistoryMetric } from '@/lib/api/history';
import { SeriesStore } from './series-store';

// What the console's sampler learns from one cluster, tick after tick: rates from the deltas of
// the last two samples (offsets, log-dir sizes, committed offsets), and the cluster, broker and
// topic series of HISTORY_METRICS kept in a SeriesStore. Pure: the sampler (lib/kafka/traffic)
// reads the cluster and hands each tick's facts to `record`.
//
// Per partition only the current sample (and the rate it gave with the one before) is held,
// never a history. Topic series are kept for at most `maxTopics` topics: those asked for in the
// last hour first, then the busiest by produce rate. Budget at the default 10 s interval and 100
// topics: a series costs ≈ 8.7 KiB (see series-store.ts); 7 cluster series, 4 per broker and 4
// per topic → 100 topics ≈ 3.5 MiB, 50 brokers ≈ 1.7 MiB, whatever the number of partitions.
// The per-partition state (the previous offsets and sizes, the current rates) is the size of one
// read of the cluster: ≈ 2–3 MiB for 10 000 partitions and 1 000 groups (bench/history-sampler.ts).

export interface SampledPartition {
  partition: number;
  leader: number;
  replicas: readonly number[];
  isr: readonly number[];
}

export interface SampledTopic {
  name: string;
  /** Kafka's topic id: a different one under the same name is a recreated topic (offsets restart). */
  topicId: string | null;
  partitions: readonly SampledPartition[];
}

export interface SampledGroup {
  groupId: string;
  offsets: ReadonlyMap<string, readonly { partition: number; committed: number }[]>;
}

/** topic -> partition -> offset */
export type PartitionOffsets = ReadonlyMap<string, ReadonlyMap<number, number>>;

/** One tick's facts. Each part is null when it could not be read; `at` is when it was read. */
export interface ClusterSample {
  topics: readonly SampledTopic[];
  brokers: readonly { id: number; online: boolean }[];
  endOffsets: { at: number; offsets: PartitionOffsets } | null;
  startOffsets: PartitionOffsets | null;
  /** Bytes of a replica (partition on one broker), undefined when not reported. */
  sizes: { at: number; sizeOf: (topic: string, partition: number, broker: number) => number | undefined } | null;
  groups: { at: number; groups: readonly SampledGroup[] } | null;
  /** Groups whose health verdict is WARN, STALL or STOP. */
  consumerProblems: number | null;
}

export interface TopicRate {
  messagesPerSecond: number | null;
  bytesPerSecond: number | null;
}

/** The rates between the last two good samples; null right after a failed tick. */
export interface CurrentTraffic {
  at: number;
  /** Span of the produce rates (ms). */
  windowMs: number | null;
  produceMessagesPerSecond: number | null;
  produceBytesPerSecond: number | null;
  consumeMessagesPerSecond: number | null;
  topics: ReadonlyMap<string, TopicRate>;
  /** group -> topic -> committed offsets' growth per second */
  groups: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

export interface TrafficOptions {
  intervalMs: number;
  maxTopics?: number;
  fineSpanMs?: number;
  bucketMs?: number;
  coarseSpanMs?: number;
}

export const DEFAULT_MAX_TOPIC_SERIES = 100;
/** A topic asked for (a history chart open) keeps its series for this long. */
const PINNED_MS = 60 * 60_000;
const TOPIC_METRICS = ['topic.produce-rate', 'topic.bytes-in-rate', 'topic.size', 'topic.messages'] as const;

export const seriesKey = (metric: HistoryMetric, label?: string | number) => (label === undefined ? metric : `${metric}\u0000${label}`);

/**
 * Growth of a counter between two readings, or null when it cannot be told: a reading missing,
 * or the counter went back (topic recreated, offsets reset, a replica truncated) — a reset is
 * never a negative rate, and never a guess either.
 */
export function growth(before: number | undefined, after: number | undefined): number | null {
  if (before === undefined || after === undefined || before < 0 || after < 0 || after < before) return null;
  return after - before;
}

export class TrafficHistory {
  readonly store: SeriesStore;
  readonly maxTopics: number;
  private previous: { endOffsets: ClusterSample['endOffsets']; topicIds: Map<string, string | null>; sizes: ClusterSample['sizes']; groups: ClusterSample['groups'] } = {
    endOffsets: null,
    topicIds: new Map(),
    sizes: null,
    groups: null,
  };
  /** Topics with series -> when a chart last asked for them (-Infinity: never). */
  private readonly tracked = new Map<string, number>();
  private partitionRates = new Map<string, Float64Array>();
  current: CurrentTraffic | null = null;
  lastTickAt: number | null = null;

  constructor(options: TrafficOptions) {
    this.store = new SeriesStore(options);
    this.maxTopics = Math.max(0, options.maxTopics ?? DEFAULT_MAX_TOPIC_SERIES);
  }

  /** One tick at `t`; `sample` null when the cluster could not be read (every series gets a gap). */
  record(t: number, sample: ClusterSample | null): void {
    this.lastTickAt = t;
    if (!sample) {
      this.current = null;
      this.partitionRates = new Map();
      this.store.record(t, new Map());
      return;
    }
    const values = new Map<string, number | null>();
    const produce = this.produceRates(sample);
    const bytes = this.byteRates(sample);
    const consume = this.consumeRates(sample);
    this.admitTopics(t, sample, produce.topics);

    let underReplicated = 0;
    let offline = 0;
    const online = new Set(sample.brokers.filter((b) => b.online).map((b) => b.id));
    const leaders = new Map<number, number>();
    const replicas = new Map<number, number>();
    const bump = (m: Map<number, number>, id: number) => m.set(id, (m.get(id) ?? 0) + 1);
    for (const topic of sample.topics) {
      for (const p of topic.partitions) {
        if (p.isr.length < p.replicas.length) underReplicated++;
        if (p.leader < 0 || !online.has(p.leader)) offline++;
        else bump(leaders, p.leader);
        for (const r of p.replicas) bump(replicas, r);
      }
    }
    values.set('cluster.produce-rate', produce.cluster);
    values.set('cluster.consume-rate', consume.cluster);
    values.set('cluster.under-replicated', underReplicated);
    values.set('cluster.offline-partitions', offline);
    values.set('cluster.brokers-online', online.size);
    values.set('cluster.consumer-problems', sample.consumerProblems);
    for (const b of sample.brokers) {
      values.set(seriesKey('broker.produce-rate', b.id), produce.dt === null ? null : (produce.brokers.get(b.id) ?? 0));
      values.set(seriesKey('broker.bytes-in-rate', b.id), bytes.dt === null || !b.online ? null : (bytes.brokers.get(b.id) ?? null));
      values.set(seriesKey('broker.leaders', b.id), b.online ? (leaders.get(b.id) ?? 0) : 0);
      values.set(seriesKey('broker.replicas', b.id), replicas.get(b.id) ?? 0);
    }
    for (const topic of sample.topics) {
      if (!this.tracked.has(topic.name)) continue;
      values.set(seriesKey('topic.produce-rate', topic.name), produce.topics.get(topic.name) ?? null);
      values.set(seriesKey('topic.bytes-in-rate', topic.name), bytes.topics.get(topic.name) ?? null);
      values.set(seriesKey('topic.size', topic.name), bytes.sizes.get(topic.name) ?? null);
      values.set(seriesKey('topic.messages', topic.name), messagesHeld(topic, sample));
    }
    this.store.record(t, values);

    const topics = new Map<string, TopicRate>();
    for (const topic of sample.topics) {
      topics.set(topic.name, { messagesPerSecond: produce.topics.get(topic.name) ?? null, bytesPerSecond: bytes.topics.get(topic.name) ?? null });
    }
    this.current = {
      at: t,
      windowMs: produce.dt === null ? null : produce.dt * 1000,
      produceMessagesPerSecond: produce.cluster,
      produceBytesPerSecond: bytes.cluster,
      consumeMessagesPerSecond: consume.cluster,
      topics,
      groups: consume.groups,
    };
    this.partitionRates = produce.partitions;
    this.previous = {
      endOffsets: sample.endOffsets ?? this.previous.endOffsets,
      topicIds: new Map(sample.topics.map((tp) => [tp.name, tp.topicId])),
      sizes: sample.sizes ?? this.previous.sizes,
      groups: sample.groups ?? this.previous.groups,
    };
  }

  /** Messages per second written to one partition between the last two samples. */
  partitionRate(topic: string, partition: number): number | null {
    const v = this.partitionRates.get(topic)?.[partition];
    return v === undefined || Number.isNaN(v) ? null : v;
  }

  /** A chart asked for the topic: its series are kept (and started, if new) from now on. */
  touchTopic(topic: string, now: number): void {
    if (this.maxTopics === 0) return;
    if (!this.tracked.has(topic) && this.tracked.size >= this.maxTopics) {
      const rates = this.current?.topics;
      const victim = this.lowestTopic((name) => rates?.get(name)?.messagesPerSecond ?? 0, now, true);
      if (victim !== undefined) this.untrack(victim);
    }
    this.tracked.set(topic, now);
  }

  isTracked(topic: string): boolean {
    return this.tracked.has(topic);
  }

  get trackedTopics(): number {
    return this.tracked.size;
  }

  private produceRates(sample: ClusterSample) {
    const topics = new Map<string, number | null>();
    const brokers = new Map<number, number>();
    const partitions = new Map<string, Float64Array>();
    const before = this.previous.endOffsets;
    const after = sample.endOffsets;
    const dt = before && after && after.at > before.at ? (after.at - before.at) / 1000 : null;
    let cluster: number | null = null;
    for (const topic of sample.topics) {
      const sameTopic = !this.previous.topicIds.has(topic.name) || this.previous.topicIds.get(topic.name) === topic.topicId;
      const rates = new Float64Array(topic.partitions.reduce((n, p) => Math.max(n, p.partition + 1), 0)).fill(NaN);
      partitions.set(topic.name, rates);
      if (dt === null || !before || !after || !sameTopic) {
        topics.set(topic.name, null);
        continue;
      }
      let sum: number | null = null;
      const was = before.offsets.get(topic.name);
      const now = after.offsets.get(topic.name);
      for (const p of topic.partitions) {
        const delta = growth(was?.get(p.partition), now?.get(p.partition));
        if (delta === null) continue;
        sum = (sum ?? 0) + delta;
        rates[p.partition] = delta / dt;
        if (p.leader >= 0) brokers.set(p.leader, (brokers.get(p.leader) ?? 0) + delta / dt);
      }
      topics.set(topic.name, sum === null ? null : sum / dt);
      if (sum !== null) cluster = (cluster ?? 0) + sum / dt;
    }
    if (dt !== null && cluster === null && sample.topics.every((t) => t.partitions.length === 0)) cluster = 0;
    return { dt, topics, brokers, partitions, cluster };
  }

  private byteRates(sample: ClusterSample) {
    const topics = new Map<string, number | null>();
    const sizes = new Map<string, number | null>();
    const brokers = new Map<number, number>();
    const before = this.previous.sizes;
    const after = sample.sizes;
    const dt = before && after && after.at > before.at ? (after.at - before.at) / 1000 : null;
    let cluster: number | null = null;
    for (const topic of sample.topics) {
      const sameTopic = !this.previous.topicIds.has(topic.name) || this.previous.topicIds.get(topic.name) === topic.topicId;
      let size: number | null = null;
      let grew: number | null = null;
      for (const p of topic.partitions) {
        if (!after) break;
        const holder = leaderCopy(after.sizeOf, topic.name, p);
        if (holder !== undefined) size = (size ?? 0) + holder.size;
        if (dt === null || !before || !sameTopic) continue;
        for (const r of p.replicas) {
          const delta = growth(before.sizeOf(topic.name, p.partition, r), after.sizeOf(topic.name, p.partition, r));
          // A shrink (retention, compaction) is not traffic: it counts as no growth.
          const up = delta ?? (after.sizeOf(topic.name, p.partition, r) !== undefined && before.sizeOf(topic.name, p.partition, r) !== undefined ? 0 : null);
          if (up === null) continue;
          brokers.set(r, (brokers.get(r) ?? 0) + up / dt);
          if (holder?.broker === r) grew = (grew ?? 0) + up;
        }
      }
      sizes.set(topic.name, size);
      topics.set(topic.name, grew === null || dt === null ? null : grew / dt);
      if (grew !== null && dt !== null) cluster = (cluster ?? 0) + grew / dt;
    }
    return { dt, topics, sizes, brokers, cluster };
  }

  private consumeRates(sample: ClusterSample) {
    const groups = new Map<string, Map<string, number>>();
    const before = this.previous.groups;
    const after = sample.groups;
    const dt = before && after && after.at > before.at ? (after.at - before.at) / 1000 : null;
    if (dt === null || !before || !after) return { groups, cluster: null };
    const was = new Map(before.groups.map((g) => [g.groupId, g]));
    let cluster = 0;
    for (const group of after.groups) {
      const previous = was.get(group.groupId);
      if (!previous) continue;
      const byTopic = new Map<string, number>();
      for (const [topic, partitions] of group.offsets) {
        const old = new Map((previous.offsets.get(topic) ?? []).map((p) => [p.partition, p.committed]));
        if (old.size === 0) continue;
        let sum = 0;
        for (const p of partitions) sum += growth(old.get(p.partition), p.committed) ?? 0;
        byTopic.set(topic, sum / dt);
        cluster += sum / dt;
      }
      if (byTopic.size) groups.set(group.groupId, byTopic);
    }
    return { groups, cluster };
  }

  /**
   * Topics that disappeared lose their series; busy topics without one take a free slot, or the
   * slot of an unpinned topic writing less than half as fast (so two similar topics do not swap
   * their series back and forth).
   */
  private admitTopics(now: number, sample: ClusterSample, rates: ReadonlyMap<string, number | null>): void {
    const exists = new Set(sample.topics.map((t) => t.name));
    for (const name of [...this.tracked.keys()]) if (!exists.has(name)) this.untrack(name);
    if (this.maxTopics === 0) return;
    const rate = (name: string) => rates.get(name) ?? 0;
    const candidates = sample.topics
      .filter((t) => !this.tracked.has(t.name) && (rate(t.name) > 0 || this.tracked.size < this.maxTopics))
      .sort((a, b) => rate(b.name) - rate(a.name));
    for (const topic of candidates) {
      if (this.tracked.size < this.maxTopics) {
        this.tracked.set(topic.name, -Infinity);
        continue;
      }
      const victim = this.lowestTopic(rate, now, false);
      if (victim === undefined || rate(victim) * 2 >= rate(topic.name)) break;
      this.untrack(victim);
      this.tracked.set(topic.name, -Infinity);
    }
  }

  /** The unpinned tracked topic writing least; with `evenPinned`, the least recently asked when all are pinned. */
  private lowestTopic(rate: (name: string) => number, now: number, evenPinned: boolean): string | undefined {
    let victim: string | undefined;
    let lowest = Infinity;
    let oldestAsk: string | undefined;
    let oldestAskedAt = Infinity;
    for (const [name, askedAt] of this.tracked) {
      if (now - askedAt >= PINNED_MS) {
        const r = rate(name);
        if (r < lowest) [victim, lowest] = [name, r];
      } else if (askedAt < oldestAskedAt) [oldestAsk, oldestAskedAt] = [name, askedAt];
    }
    return victim ?? (evenPinned ? oldestAsk : undefined);
  }

  private untrack(topic: string): void {
    this.tracked.delete(topic);
    for (const metric of TOPIC_METRICS) this.store.delete(seriesKey(metric, topic));
  }
}

/** The copy of the partition that counts as its size: the leader's, else the first replica reporting one. */
function leaderCopy(sizeOf: (topic: string, partition: number, broker: number) => number | undefined, topic: string, p: SampledPartition) {
  for (const broker of p.leader >= 0 ? [p.leader, ...p.replicas] : p.replicas) {
    const size = sizeOf(topic, p.partition, broker);
    if (size !== undefined) return { broker, size };
  }
  return undefined;
}

function messagesHeld(topic: SampledTopic, sample: ClusterSample): number | null {
  const end = sample.endOffsets?.offsets.get(topic.name);
  const start = sample.startOffsets?.get(topic.name);
  if (!end || !start) return topic.partitions.length === 0 && sample.endOffsets && sample.startOffsets ? 0 : null;
  let held: number | null = null;
  for (const p of topic.partitions) {
    const to = end.get(p.partition);
    const from = start.get(p.partition);
    if (to !== undefined && from !== undefined) held = (held ?? 0) + Math.max(0, to - from);
  }
  return held;
}
