// The consumer "range" assignor (the Java client's default): per topic, partitions are split into
// contiguous ranges over the subscribed members sorted by member id, the first members taking one
// extra partition when the division is uneven. Used by the leader of a simulated demo group.
import type { TopicPartitions } from '../groups/consumer-protocol';

export function rangeAssign(
  subscriptions: Map<string, string[]>,
  partitionCount: (topic: string) => number,
): Map<string, TopicPartitions[]> {
  const result = new Map<string, TopicPartitions[]>([...subscriptions.keys()].map((m) => [m, []]));
  const topics = new Set([...subscriptions.values()].flat());
  for (const topic of [...topics].sort()) {
    const members = [...subscriptions].filter(([, t]) => t.includes(topic)).map(([m]) => m).sort();
    const count = partitionCount(topic);
    const base = Math.floor(count / members.length);
    const extra = count % members.length;
    let next = 0;
    members.forEach((m, i) => {
      const n = base + (i < extra ? 1 : 0);
      if (n > 0) result.get(m)!.push({ topic, partitions: Array.from({ length: n }, (_, k) => next + k) });
      next += n;
    });
  }
  return result;
}
