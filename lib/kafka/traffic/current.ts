import 'server-only';
import { BUSIEST_TOPICS_SHOWN, type OverviewTraffic } from '@/lib/api/overview';
import type { GroupView } from '../groups/views';
import type { TopicMeta } from '../metadata';
import { existingTrafficHistory } from './history';
import { sampleIntervalMs } from './interval';

/**
 * The overview's traffic from the sampler's last two samples, over what the caller sees: the
 * `topics` and group `views` given are already filtered by visibility (views restricted to their
 * visible topics). Null before two samples exist, after a failed tick, or when sampling stopped.
 * Internal topics count in the rates but are not named among the busiest.
 */
export function overviewTraffic(clusterId: string, topics: readonly TopicMeta[], views: readonly GroupView[] | undefined): OverviewTraffic | null {
  const current = existingTrafficHistory(clusterId)?.current;
  if (!current || current.produceMessagesPerSecond === null || current.windowMs === null) return null;
  if (Date.now() - current.at > 3 * sampleIntervalMs() + 5_000) return null;
  let produce = 0;
  let bytes: number | null = null;
  const busiest: OverviewTraffic['busiestTopics'] = [];
  for (const t of topics) {
    const rate = current.topics.get(t.name);
    if (!rate) continue;
    produce += rate.messagesPerSecond ?? 0;
    if (rate.bytesPerSecond !== null) bytes = (bytes ?? 0) + rate.bytesPerSecond;
    if (!t.internal && rate.messagesPerSecond !== null && rate.messagesPerSecond > 0) {
      busiest.push({ topic: t.name, messagesPerSecond: rate.messagesPerSecond, bytesPerSecond: rate.bytesPerSecond });
    }
  }
  let consume: number | null = null;
  if (views && current.consumeMessagesPerSecond !== null) {
    consume = 0;
    for (const v of views) {
      const byTopic = current.groups.get(v.summary.groupId);
      if (byTopic) for (const topic of v.summary.topics) consume += byTopic.get(topic) ?? 0;
    }
  }
  busiest.sort((a, b) => b.messagesPerSecond - a.messagesPerSecond || (a.topic < b.topic ? -1 : 1));
  return {
    produceMessagesPerSecond: produce,
    produceBytesPerSecond: bytes,
    consumeMessagesPerSecond: consume,
    busiestTopics: busiest.slice(0, BUSIEST_TOPICS_SHOWN),
    windowMs: current.windowMs,
  };
}
