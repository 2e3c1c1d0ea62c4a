'use client';

import { useState } from 'react';
import { TimeSeriesChart, type TimeSeriesPanel } from '@/components/charts/time-series-chart';
import type { HistoryMetric, HistoryRange } from '@/lib/api/history';
import { useHistory } from '@/lib/queries/history';

const panels: TimeSeriesPanel[] = [
  {
    title: 'Messages per second',
    series: {
      'cluster.produce-rate': { label: 'Produced', color: '#0284c7' },
      'cluster.consume-rate': { label: 'Consumed', color: '#7c3aed' },
    },
  },
  // Its own panel: a drop from 3 to 2 would vanish next to dozens of under-replicated partitions.
  { title: 'Brokers online', series: { 'cluster.brokers-online': { label: 'Brokers online', color: '#16a34a' } } },
  {
    // Problems in warm colours: any rise above the floor is the alarm.
    title: 'Problems',
    series: {
      'cluster.under-replicated': { label: 'Under-replicated partitions', color: '#d97706' },
      'cluster.offline-partitions': { label: 'Offline partitions', color: '#dc2626' },
      'cluster.consumer-problems': { label: 'Groups needing attention', color: '#db2777' },
    },
  },
];
const metrics = panels.flatMap((p) => Object.keys(p.series) as HistoryMetric[]);

/** The cluster's traffic and health over time, from the console's sampler (or Prometheus). */
export function ClusterHistory({ cluster }: { cluster: string }) {
  const [range, setRange] = useState<HistoryRange>('1h');
  const history = useHistory(cluster, { kind: 'cluster' }, metrics, range);
  return <TimeSeriesChart history={history.data} error={history.error} panels={panels} range={range} onRangeChange={setRange} testId="overview-history" />;
}
