'use client';

import { Bar, BarChart as RBarChart, CartesianGrid, Cell, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** What each plotted field means and how it looks: the one place chart styling is decided. */
export type SeriesConfig<K extends string> = Record<K, { label: string; color: string }>;

/** A dashed horizontal line (an average, an even share); its meaning goes in the caption. */
export interface ReferenceConfig {
  value: number;
}

/**
 * Bars per category, one bar per series. `highlight` may colour single bars (e.g. a skewed
 * partition or an offline broker) so the odd one out is visible at a glance.
 */
export function BarChart<T extends Record<string, unknown>, K extends Extract<keyof T, string>>({
  data,
  categoryKey,
  series,
  format = (v) => v.toLocaleString('en-US'),
  reference,
  highlight,
  height = 220,
  testId,
}: {
  data: T[];
  categoryKey: Extract<keyof T, string>;
  series: SeriesConfig<K>;
  format?: (value: number) => string;
  reference?: ReferenceConfig;
  highlight?: (row: T, key: K) => string | undefined;
  height?: number;
  testId?: string;
}) {
  const keys = Object.keys(series) as K[];
  // Grid and axis lines take currentColor (text-slate-200), so they follow the theme.
  return (
    <div style={{ height }} data-testid={testId} className="w-full text-xs text-slate-200">
      <ResponsiveContainer width="100%" height="100%">
        <RBarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap="15%">
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="currentColor" />
          <XAxis dataKey={categoryKey} tickLine={false} axisLine={{ stroke: 'currentColor' }} tick={{ fill: '#64748b' }} interval="preserveStartEnd" />
          {/* Counts and bytes are whole numbers: no 0.75-message ticks. */}
          <YAxis tickFormatter={(v: number) => format(v)} allowDecimals={false} tickLine={false} axisLine={false} tick={{ fill: '#64748b' }} width={64} />
          <Tooltip
            formatter={(value, name) => [format(Number(value)), series[name as K]?.label ?? String(name)]}
            cursor={{ fill: 'rgba(148,163,184,0.15)' }}
          />
          {keys.length > 1 && <Legend formatter={(value: string) => series[value as K]?.label ?? value} />}
          {reference && (
            <ReferenceLine y={reference.value} stroke="#64748b" strokeDasharray="4 3" ifOverflow="extendDomain" />
          )}
          {keys.map((key) => (
            <Bar key={key} dataKey={key} name={key} fill={series[key].color} isAnimationActive={false} radius={[2, 2, 0, 0]}>
              {highlight && data.map((row, i) => <Cell key={i} fill={highlight(row, key) ?? series[key].color} />)}
            </Bar>
          ))}
        </RBarChart>
      </ResponsiveContainer>
    </div>
  );
}
