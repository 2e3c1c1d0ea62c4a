import 'server-only';
import { HISTORY_METRICS, type HistoryMetric, type HistorySeries } from '@/lib/api/history';
import { lagHistory } from '@/lib/kafka/groups/history-store';
import { existingTrafficHistory } from '@/lib/kafka/traffic/history';
import { sampleIntervalMs } from '@/lib/kafka/traffic/interval';
import type { SeriesPoint } from '@/lib/lag/history';
import type { HistoryRequest, HistoryScope, HistorySource } from './source';
import { growth, seriesKey } from './traffic';

// History from this process's own sampler (lib/kafka/traffic): cluster, broker and topic series
// from the traffic history, a group's series from the lag history (one line per topic). Only what
// was sampled since the process started, at most 24 h (a group's lag: 1 h).

type Read = Awaited<ReturnType<HistorySource['read']>>;

export const memoryHistorySource: HistorySource = {
  name: 'memory',
  async read(request: HistoryRequest): Promise<Read> {
    return request.scope.kind === 'group' ? readGroup(request, request.scope.group) : readTraffic(request, request.scope);
  },
};

function readTraffic(request: HistoryRequest, scope: Exclude<HistoryScope, { kind: 'group' }>): Read {
  const history = existingTrafficHistory(request.cluster);
  const label = scope.kind === 'topic' ? scope.topic : scope.kind === 'broker' ? scope.broker : undefined;
  // Asking for a topic keeps (or starts) its series even when it is not among the busiest.
  if (scope.kind === 'topic') history?.touchTopic(scope.topic, Date.now());
  const interval = history?.store.intervalMs ?? sampleIntervalMs();
  let stepMs = request.toMs - request.fromMs <= (history?.store.fineSpanMs ?? 60 * 60_000) ? interval : Math.max(60_000, interval);
  let dataSince: number | null = null;
  const series = request.metrics.map((metric): HistorySeries => {
    const key = seriesKey(metric, label);
    if (!history) return line(metric, []);
    const read = history.store.read(key, request.fromMs, request.toMs);
    stepMs = read.stepMs;
    dataSince = earliest(dataSince, history.store.dataSince(key));
    return line(metric, read.points);
  });
  return { stepMs, dataSince, series };
}

async function readGroup(request: HistoryRequest, groupId: string): Promise<Read> {
  const byTopic = lagHistory(request.cluster).groupSeries(groupId);
  let dataSince: number | null = null;
  const series: HistorySeries[] = [];
  for (const topic of [...byTopic.keys()].sort()) {
    const points = byTopic.get(topic) ?? [];
    if (points.length) dataSince = earliest(dataSince, points[0].t);
    const inRange = (p: SeriesPoint) => p.t >= request.fromMs && p.t <= request.toMs;
    for (const metric of request.metrics) {
      if (metric === 'group.lag') series.push(line(metric, points.filter(inRange).map((p) => [p.t, p.lag]), topic));
      else if (metric === 'group.lag-seconds') series.push(line(metric, points.filter(inRange).map((p) => [p.t, p.lagSeconds ?? null]), topic));
      else if (metric === 'group.consume-rate') series.push(line(metric, consumeRate(points).filter(([t]) => t >= request.fromMs && t <= request.toMs), topic));
    }
  }
  return { stepMs: sampleIntervalMs(), dataSince, series };
}

/** Growth of the committed offsets between consecutive points, per second; null across a reset. */
function consumeRate(points: readonly SeriesPoint[]): [number, number | null][] {
  const out: [number, number | null][] = [];
  for (let i = 1; i < points.length; i++) {
    const dt = (points[i].t - points[i - 1].t) / 1000;
    const delta = growth(points[i - 1].consumed, points[i].consumed);
    out.push([points[i].t, delta === null || dt <= 0 ? null : delta / dt]);
  }
  return out;
}

function line(metric: HistoryMetric, points: [number, number | null][], label: string | null = null): HistorySeries {
  return { metric, label, unit: HISTORY_METRICS[metric].unit, points };
}

const earliest = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
