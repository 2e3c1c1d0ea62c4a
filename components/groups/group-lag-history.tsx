'use client';

import { useState } from 'react';
import { TimeSeriesChart, type TimeSeriesPanel } from '@/components/charts/time-series-chart';
import type { HistoryMetric, HistoryRange } from '@/lib/api/history';
import { useHistory } from '@/lib/queries/history';

// One line per topic (the series' label); each topic keeps its colour in both panels.
const panels: TimeSeriesPanel[] = [
  { title: 'Lag in messages', series: { 'group.lag': { label: 'Lag', color: '#0284c7' } } },
  { title: 'Lag in time (oldest unread message)', series: { 'group.lag-seconds': { label: 'Lag', color: '#0284c7' } } },
];
const metrics = panels.flatMap((p) => Object.keys(p.series) as HistoryMetric[]);

/** The group's lag per topic over time, in messages and in seconds behind. */
export function GroupLagHistory({ cluster, group }: { cluster: string; group: string }) {
  const [range, setRange] = useState<HistoryRange>('1h');
  const history = useHistory(cluster, { kind: 'group', group }, metrics, range);
  return <TimeSeriesChart history={history.data} error={history.error} panels={panels} range={range} onRangeChange={setRange} testId="group-lag-history" />;
}
