// Lag over time, in memory: one series per group and topic, and for every partition when its
// committed offset last moved. Fed with every read of the cluster's groups; keeps `retentionMs`.

export interface SeriesPoint {
  t: number;
  lag: number;
  /** Sum of committed offsets (rises as the group consumes). */
  consumed: number;
  /** Sum of log end offsets (rises as producers write). */
  produced: number;
  /** Age in seconds of the oldest message still to read (max over partitions); absent if not measured. */
  lagSeconds?: number | null;
}

export interface PartitionMove {
  committed: number;
  lastMovedAt: number | null;
  observedSince: number;
  seenAt: number;
}

export interface TopicObservation {
  topic: string;
  lag: number;
  consumed: number;
  produced: number;
  lagSeconds?: number | null;
  partitions: { partition: number; committed: number }[];
}

export class LagHistory {
  private readonly series = new Map<string, Map<string, SeriesPoint[]>>();
  private readonly moves = new Map<string, PartitionMove>();
  private lastPointAt = new Map<string, number>();

  constructor(
    readonly retentionMs: number,
    /** Points closer together than this are merged into one (polls faster than the sampler). */
    readonly minGapMs: number,
  ) {}

  record(t: number, groups: Iterable<{ groupId: string; topics: TopicObservation[] }>): void {
    for (const group of groups) {
      const addPoint = t - (this.lastPointAt.get(group.groupId) ?? -Infinity) >= this.minGapMs;
      if (addPoint) this.lastPointAt.set(group.groupId, t);
      let byTopic = this.series.get(group.groupId);
      for (const obs of group.topics) {
        for (const p of obs.partitions) this.observeOffset(group.groupId, obs.topic, p.partition, p.committed, t);
        if (!addPoint) continue;
        if (!byTopic) this.series.set(group.groupId, (byTopic = new Map()));
        let points = byTopic.get(obs.topic);
        if (!points) byTopic.set(obs.topic, (points = []));
        points.push({ t, lag: obs.lag, consumed: obs.consumed, produced: obs.produced, lagSeconds: obs.lagSeconds ?? null });
      }
    }
    this.prune(t);
  }

  /** Series per topic of one group, oldest first. */
  groupSeries(groupId: string): Map<string, SeriesPoint[]> {
    return this.series.get(groupId) ?? new Map();
  }

  /** The group's total lag over time (sum over topics of points taken at the same time); `topics` picks the topics summed. */
  totalLag(groupId: string, topics?: (topic: string) => boolean): { t: number; lag: number }[] {
    const byTime = new Map<number, number>();
    for (const [topic, points] of this.groupSeries(groupId)) {
      if (topics && !topics(topic)) continue;
      for (const p of points) byTime.set(p.t, (byTime.get(p.t) ?? 0) + p.lag);
    }
    return [...byTime].sort((a, b) => a[0] - b[0]).map(([t, lag]) => ({ t, lag }));
  }

  partitionMove(groupId: string, topic: string, partition: number): PartitionMove | undefined {
    return this.moves.get(moveKey(groupId, topic, partition));
  }

  private observeOffset(groupId: string, topic: string, partition: number, committed: number, t: number): void {
    const key = moveKey(groupId, topic, partition);
    const move = this.moves.get(key);
    if (!move) {
      this.moves.set(key, { committed, lastMovedAt: null, observedSince: t, seenAt: t });
      return;
    }
    if (move.committed !== committed) {
      move.committed = committed;
      move.lastMovedAt = t;
    }
    move.seenAt = t;
  }

  private prune(now: number): void {
    const cutoff = now - this.retentionMs;
    for (const [groupId, byTopic] of this.series) {
      for (const [topic, points] of byTopic) {
        let drop = 0;
        while (drop < points.length && points[drop].t < cutoff) drop++;
        if (drop) points.splice(0, drop);
        if (points.length === 0) byTopic.delete(topic);
      }
      if (byTopic.size === 0) this.series.delete(groupId);
    }
    // Groups with no topics get a lastPointAt but never a series, so it is pruned on its own.
    for (const [groupId, at] of this.lastPointAt) if (at < cutoff) this.lastPointAt.delete(groupId);
    for (const [key, move] of this.moves) if (move.seenAt < cutoff) this.moves.delete(key);
  }
}

const moveKey = (groupId: string, topic: string, partition: number) => `${groupId}\u0000${topic}\u0000${partition}`;
