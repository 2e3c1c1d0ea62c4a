import 'server-only';
import { DEFAULT_MAX_TOPIC_SERIES, TrafficHistory } from '@/lib/history/traffic';
import { maxTopicSeries, sampleIntervalMs } from './interval';

// One traffic history per configured cluster, in this process's memory (bounded: see
// lib/history/traffic.ts for the budget).

const key = Symbol.for('kafka-console.traffic-history');
type GlobalWithTraffic = typeof globalThis & { [key]?: Map<string, TrafficHistory> };
const histories = ((globalThis as GlobalWithTraffic)[key] ??= new Map());

export function trafficHistory(clusterId: string): TrafficHistory {
  let history = histories.get(clusterId);
  if (!history) {
    history = new TrafficHistory({ intervalMs: sampleIntervalMs(), maxTopics: maxTopicSeries(DEFAULT_MAX_TOPIC_SERIES) });
    histories.set(clusterId, history);
  }
  return history;
}

/** The cluster's history if it has been sampled; readers never create one. */
export function existingTrafficHistory(clusterId: string): TrafficHistory | undefined {
  return histories.get(clusterId);
}
