'use client';

import { useState } from 'react';
import { TimeSeriesChart, type TimeSeriesPanel } from '@/components/charts/time-series-chart';
import type { HistoryMetric, HistoryRange } from '@/lib/api/history';
import { useHistory } from '@/lib/queries/history';

const panels: TimeSeriesPanel[] = [
  { title: 'Bytes in per second (all replicas)', series: { 'broker.bytes-in-rate': { label: 'Bytes in/s', color: '#7c3aed' } } },
  { title: 'Messages per second (partitions it leads)', series: { 'broker.produce-rate': { label: 'Messages/s', color: '#0284c7' } } },
  {
    title: 'Leaders and replicas',
    series: {
      'broker.replicas': { label: 'Replicas', color: '#0d9488' },
      'broker.leaders': { label: 'Leaders', color: '#d97706' },
    },
  },
];
const metrics = panels.flatMap((p) => Object.keys(p.series) as HistoryMetric[]);

/** The broker's load over time: what it writes and how many partitions it leads and holds. */
export function BrokerHistory({ cluster, broker }: { cluster: string; broker: number }) {
  const [range, setRange] = useState<HistoryRange>('1h');
  const history = useHistory(cluster, { kind: 'broker', broker }, metrics, range);
  return <TimeSeriesChart history={history.data} error={history.error} panels={panels} range={range} onRangeChange={setRange} height={160} testId="broker-history" />;
}
