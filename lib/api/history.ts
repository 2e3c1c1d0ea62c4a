import { z } from 'zod';

// The history charts' HTTP contract and the one catalogue of what each plotted metric means.
// The in-memory sampler and the Prometheus source both answer with these names and units, so a
// chart cannot tell which one served it (the answer says, in `source`).

export const historyRange = z.enum(['15m', '1h', '6h', '24h']);
export type HistoryRange = z.infer<typeof historyRange>;

export const HISTORY_RANGE_MS: Record<HistoryRange, number> = {
  '15m': 15 * 60_000,
  '1h': 60 * 60_000,
  '6h': 6 * 60 * 60_000,
  '24h': 24 * 60 * 60_000,
};

export const historyUnit = z.enum(['messages/s', 'bytes/s', 'bytes', 'messages', 'seconds', 'count']);
export type HistoryUnit = z.infer<typeof historyUnit>;

/**
 * Every metric a history chart can ask for, by scope. Rates are per second over one sample
 * interval (memory) or `rate()` over the same window (Prometheus).
 */
export const HISTORY_METRICS = {
  // cluster scope: /api/clusters/<id>/history
  'cluster.produce-rate': { scope: 'cluster', unit: 'messages/s', help: 'Messages written per second: growth of the log end offsets of every partition.' },
  'cluster.consume-rate': { scope: 'cluster', unit: 'messages/s', help: 'Messages consumed per second: growth of the committed offsets of every group.' },
  'cluster.under-replicated': { scope: 'cluster', unit: 'count', help: 'Partitions with fewer in-sync replicas than replicas.' },
  'cluster.offline-partitions': { scope: 'cluster', unit: 'count', help: 'Partitions without a leader.' },
  'cluster.brokers-online': { scope: 'cluster', unit: 'count', help: 'Brokers in the cluster metadata.' },
  'cluster.consumer-problems': { scope: 'cluster', unit: 'count', help: 'Consumer groups whose health verdict is WARN, STALL or STOP.' },
  // topic scope: /api/clusters/<id>/topics/<topic>/history
  'topic.produce-rate': { scope: 'topic', unit: 'messages/s', help: 'Messages written to the topic per second (log end offset growth).' },
  'topic.bytes-in-rate': { scope: 'topic', unit: 'bytes/s', help: 'Growth of the topic’s leader replicas on disk per second (never below 0; retention shrinks are not counted).' },
  'topic.size': { scope: 'topic', unit: 'bytes', help: 'Bytes of the topic’s leader replicas on disk (log dirs).' },
  'topic.messages': { scope: 'topic', unit: 'messages', help: 'Messages held: log end − log start, summed over partitions.' },
  // broker scope: /api/clusters/<id>/brokers/<broker>/history
  'broker.bytes-in-rate': { scope: 'broker', unit: 'bytes/s', help: 'Growth of the broker’s log dirs per second, every replica it holds (never below 0).' },
  'broker.produce-rate': { scope: 'broker', unit: 'messages/s', help: 'Messages written per second to the partitions the broker leads.' },
  'broker.leaders': { scope: 'broker', unit: 'count', help: 'Partitions the broker leads.' },
  'broker.replicas': { scope: 'broker', unit: 'count', help: 'Replicas the broker holds.' },
  // group scope: /api/clusters/<id>/groups/<group>/history — one series per topic (label = topic)
  'group.lag': { scope: 'group', unit: 'messages', help: 'Log end − committed offset, summed over the topic’s partitions.' },
  'group.lag-seconds': { scope: 'group', unit: 'seconds', help: 'Age of the oldest message the group has still to read on the topic (max over partitions; 0 when caught up).' },
  'group.consume-rate': { scope: 'group', unit: 'messages/s', help: 'Growth of the group’s committed offsets on the topic per second.' },
} as const satisfies Record<string, { scope: HistoryScopeKind; unit: HistoryUnit; help: string }>;

export type HistoryScopeKind = 'cluster' | 'topic' | 'broker' | 'group';
export type HistoryMetric = keyof typeof HISTORY_METRICS;
export const historyMetric = z.enum(Object.keys(HISTORY_METRICS) as [HistoryMetric, ...HistoryMetric[]]);

export function metricsOfScope(scope: HistoryScopeKind): HistoryMetric[] {
  return (Object.keys(HISTORY_METRICS) as HistoryMetric[]).filter((m) => HISTORY_METRICS[m].scope === scope);
}

/** `?metrics=a,b&range=1h` — every metric must belong to the route's scope (checked by the route). */
export const historyQuery = z.object({
  metrics: z
    .string()
    .max(1000)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(historyMetric).min(1, 'name at least one metric').max(12)),
  range: historyRange.default('1h'),
});
export type HistoryQueryParams = z.infer<typeof historyQuery>;

/** One line on a chart: [time ms, value | null (no sample, e.g. the cluster was unreachable)]. */
export const historySeries = z.object({
  metric: historyMetric,
  /** What distinguishes lines of the same metric (a group's topic); null for a single line. */
  label: z.string().nullable(),
  unit: historyUnit,
  points: z.array(z.tuple([z.number(), z.number().nullable()])),
});
export type HistorySeries = z.infer<typeof historySeries>;

export const historyResponse = z.object({
  range: historyRange,
  fromMs: z.number(),
  toMs: z.number(),
  /** Spacing of the points (the sampler's interval, or the Prometheus query step). */
  stepMs: z.number(),
  source: z.enum(['memory', 'prometheus']),
  /** Time of the oldest point the source holds for this scope; null if it holds none yet. */
  dataSince: z.number().nullable(),
  series: z.array(historySeries),
});
export type HistoryResponse = z.infer<typeof historyResponse>;
