'use client';

import { useState } from 'react';
import { TimeSeriesChart, type TimeSeriesPanel } from '@/components/charts/time-series-chart';
import type { HistoryMetric, HistoryRange } from '@/lib/api/history';
import { useHistory } from '@/lib/queries/history';

const panels: TimeSeriesPanel[] = [
  { title: 'Messages written per second', series: { 'topic.produce-rate': { label: 'Messages/s', color: '#0284c7' } } },
  { title: 'Bytes written per second', series: { 'topic.bytes-in-rate': { label: 'Bytes/s', color: '#7c3aed' } } },
  { title: 'Size on disk (one copy)', series: { 'topic.size': { label: 'Size', color: '#0d9488' } } },
];
const metrics = panels.flatMap((p) => Object.keys(p.series) as HistoryMetric[]);

/** The topic's throughput and size over time. */
export function TopicHistory({ cluster, topic }: { cluster: string; topic: string }) {
  const [range, setRange] = useState<HistoryRange>('1h');
  const history = useHistory(cluster, { kind: 'topic', topic }, metrics, range);
  return <TimeSeriesChart history={history.data} error={history.error} panels={panels} range={range} onRangeChange={setRange} height={160} testId="topic-history" />;
}
