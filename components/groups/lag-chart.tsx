'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LagHistory } from '@/lib/api/groups';
import { useTimeFormat } from '@/components/ui/use-time-format';

// Red is left for last: on a lag chart it reads as an alarm, not as "the second topic".
const palette = ['#0284c7', '#7c3aed', '#0d9488', '#d97706', '#db2777', '#16a34a', '#4b5563', '#dc2626'];

/** Lag per topic over the last hour, from the server's sampler. */
export function LagChart({ history }: { history: LagHistory }) {
  const time = useTimeFormat();
  if (history.points.length < 2) {
    return (
      <p className="flex h-56 items-center justify-center text-sm text-slate-500" data-testid="lag-chart-empty">
        Collecting samples (every {Math.round(history.intervalMs / 1000)} s) — the chart appears after the second one.
      </p>
    );
  }
  const data = history.points.map((p) => ({ t: p.t, ...p.lag }));
  // Grid lines take currentColor (text-slate-200), so they follow the theme.
  return (
    <div className="h-56 text-slate-200" data-testid="lag-chart" data-points={history.points.length} data-last-lag={JSON.stringify(history.points[history.points.length - 1].lag)}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid stroke="currentColor" strokeDasharray="3 3" />
          <XAxis dataKey="t" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={time.clock} tick={{ fontSize: 11, fill: '#64748b' }} minTickGap={40} />
          <YAxis tick={{ fontSize: 11, fill: '#64748b' }} tickFormatter={(v: number) => v.toLocaleString('en-US')} width={64} allowDecimals={false} />
          <Tooltip
            labelFormatter={(t) => time.dateTime(Number(t))}
            formatter={(value) => [Number(value).toLocaleString('en-US'), undefined]}
            contentStyle={{ fontSize: 12 }}
          />
          {history.topics.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
          {/* Straight segments between samples: a spline invents humps and dips between integer lags. */}
          {history.topics.map((topic, i) => (
            <Line key={topic} type="linear" dataKey={topic} name={topic} stroke={palette[i % palette.length]} strokeWidth={2} dot={false} isAnimationActive={false} connectNulls />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
