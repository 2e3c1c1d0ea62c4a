// Keeps the demo topics growing at their configured rates. Each tick turns elapsed time into a
// number of messages (fractions carry over), varied by a slow wave and random bursts so charts
// have something to show, and appends them through the in-process produce path.
import { GENERATORS, type DemoRecord } from './generators';
import { partitionForKey } from './partitioner';
import type { Random } from './random';
import type { DemoTopic } from './topics';
import { partitionCount, type DemoCluster } from './types';

export class DemoProducer {
  private readonly carry = new Map<string, number>();
  private readonly roundRobin = new Map<string, number>();
  private last = Date.now();
  private burstUntil = 0;

  constructor(
    private readonly cluster: DemoCluster,
    private readonly topics: readonly DemoTopic[],
    private readonly rnd: Random,
  ) {}

  /** Writes `count` records with timestamps spread evenly over [from, to). */
  backfill(topic: DemoTopic, count: number, from: number, to: number): void {
    const step = (to - from) / Math.max(1, count);
    this.write(topic, Array.from({ length: count }, (_, i) => Math.floor(from + i * step)));
  }

  tick(): void {
    const now = Date.now();
    const elapsed = Math.min(5_000, now - this.last) / 1_000;
    this.last = now;
    if (now > this.burstUntil && this.rnd.chance(0.01)) this.burstUntil = now + this.rnd.int(3_000, 8_000);
    const wave = 1 + 0.35 * Math.sin(now / 45_000);
    const burst = now < this.burstUntil ? 2.5 : 1;
    for (const topic of this.topics) {
      const due = (this.carry.get(topic.name) ?? 0) + topic.rate * elapsed * wave * burst;
      const count = Math.floor(due);
      this.carry.set(topic.name, due - count);
      if (count > 0) this.write(topic, Array.from({ length: count }, () => this.cluster.now()));
    }
  }

  private write(topic: DemoTopic, timestamps: number[]): void {
    const partitions = partitionCount(this.cluster, topic.name);
    if (partitions === 0) return;
    const byPartition = new Map<number, DemoRecord[]>();
    for (const timestamp of timestamps) {
      const record = { ...GENERATORS[topic.generator](this.rnd, timestamp), timestamp };
      const p = record.key ? partitionForKey(record.key, partitions) : this.nextRoundRobin(topic.name, partitions);
      if (!byPartition.has(p)) byPartition.set(p, []);
      byPartition.get(p)!.push(record);
    }
    for (const [p, records] of byPartition) {
      try {
        this.cluster.appendRecords(topic.name, p, records);
      } catch {
        // The partition has no leader while a broker is stopped; those messages are simply not sent.
      }
    }
  }

  private nextRoundRobin(topic: string, partitions: number): number {
    const n = ((this.roundRobin.get(topic) ?? -1) + 1) % partitions;
    this.roundRobin.set(topic, n);
    return n;
  }
}
