'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, type DotItemDotProps } from 'recharts';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { useTimeFormat } from '@/components/ui/use-time-format';
import { HISTORY_RANGE_MS, historyRange, type HistoryMetric, type HistoryRange, type HistoryResponse, type HistoryUnit } from '@/lib/api/history';
import { formatDuration } from '@/lib/format/duration';
import { axisTicks, formatAxisTick, formatUnitExact } from '@/lib/format/units';
import { availableRanges, chartLines, chartRows, lastValues, samplesWithValues, type ChartLine, type ChartRow, type LineStyle } from './time-series-data';

export type { LineStyle } from './time-series-data';

/** One plot of the chart: its title and the metrics it draws (at most two units: left and right axis). */
export interface TimeSeriesPanel {
  title: string;
  series: Partial<Record<HistoryMetric, LineStyle>>;
}

const RANGE_LABEL: Record<HistoryRange, string> = { '15m': '15 min', '1h': '1 h', '6h': '6 h', '24h': '24 h' };
const tick = { fontSize: 11, fill: '#64748b' };

/**
 * The one time chart of the console: a history answer drawn as one or more panels side by side
 * (one per kind of quantity), with a range selector, a caption saying how far back the data goes
 * and where it comes from, and an empty state while the sampler has fewer than two samples.
 */
export function TimeSeriesChart({ history, error, panels, range, onRangeChange, height = 200, testId }: {
  history: HistoryResponse | undefined;
  error?: unknown;
  panels: TimeSeriesPanel[];
  range: HistoryRange;
  onRangeChange: (range: HistoryRange) => void;
  height?: number;
  testId: string;
}) {
  const time = useTimeFormat();
  if (!history) {
    return error ? <ErrorState error={error} /> : <Skeleton className="h-56 w-full" />;
  }
  const all = panels.flatMap((p) => chartLines(history, p.series));
  const rows = chartRows(history, all);
  const samples = samplesWithValues(rows, all);
  const available = availableRanges(history);
  // While a new range loads, the previous answer stays on screen, dimmed.
  const loadingOther = history.range !== range;
  return (
    <div
      data-testid={testId}
      data-points={samples}
      data-source={history.source}
      data-range={history.range}
      data-last={JSON.stringify(lastValues(rows, all))}
      className="space-y-2"
    >
      <div className="flex flex-wrap items-center justify-between gap-2 text-xs">
        <p className="text-slate-500" data-testid={`${testId}-caption`}>{caption(history, time)}</p>
        <RangePicker value={range} available={available} onChange={onRangeChange} testId={testId} history={history} />
      </div>
      {samples < 2 ? (
        <p className="flex items-center justify-center rounded border border-dashed border-slate-200 text-sm text-slate-500" style={{ height }} data-testid={`${testId}-empty`}>
          {all.length === 0 && history.dataSince !== null
            ? 'Nothing was sampled for this in the range.'
            : `Collecting samples… (one every ${formatDuration(history.stepMs)}; the chart appears after the second)`}
        </p>
      ) : (
        <div className={`grid gap-4 ${panels.length > 1 ? (panels.length > 2 ? 'md:grid-cols-3' : 'md:grid-cols-2') : ''} ${loadingOther ? 'opacity-60' : ''}`}>
          {panels.map((panel) => (
            <Panel key={panel.title} title={panel.title} lines={chartLines(history, panel.series)} rows={rows} history={history} height={height} syncId={testId} />
          ))}
        </div>
      )}
      {error ? <p className="text-xs text-red-700" role="alert">Could not read newer samples: {error instanceof Error ? error.message : String(error)}</p> : null}
    </div>
  );
}

function caption(history: HistoryResponse, time: ReturnType<typeof useTimeFormat>): string {
  const zone = `times in ${time.zoneName()}`;
  if (history.dataSince === null) return `No samples yet · ${zone}`;
  const since = history.toMs - history.dataSince < 24 * 3_600_000 ? time.clock(history.dataSince) : time.dateTime(history.dataSince);
  return history.source === 'memory'
    ? `In-memory since ${since} · a sample every ${formatDuration(history.stepMs)} · ${zone}`
    : `Prometheus, since ${since} · a point every ${formatDuration(history.stepMs)} · ${zone}`;
}

function RangePicker({ value, available, onChange, testId, history }: {
  value: HistoryRange;
  available: Set<HistoryRange>;
  onChange: (range: HistoryRange) => void;
  testId: string;
  history: HistoryResponse;
}) {
  const held = history.dataSince === null ? 0 : history.toMs - history.dataSince;
  return (
    <div className="inline-flex overflow-hidden rounded border border-slate-300" role="group" aria-label="Time range">
      {historyRange.options.map((r) => {
        // The chosen range stays clickable-looking even if the data shrank (a restart).
        const enabled = r === value || available.has(r);
        return (
          <button
            key={r}
            type="button"
            aria-pressed={r === value}
            disabled={!enabled}
            onClick={() => onChange(r)}
            data-testid={`${testId}-range-${r}`}
            title={enabled ? `The last ${RANGE_LABEL[r]}` : `Only ${formatDuration(held)} of data so far: ${RANGE_LABEL[r]} would show the same`}
            className={`px-2 py-0.5 ${r === value ? 'bg-slate-800 text-white' : enabled ? 'bg-white text-slate-700 hover:bg-slate-100' : 'cursor-not-allowed bg-white text-slate-300'}`}
          >
            {RANGE_LABEL[r]}
          </button>
        );
      })}
    </div>
  );
}

function Panel({ title, lines, rows, history, height, syncId }: {
  title: string;
  lines: ChartLine[];
  rows: ChartRow[];
  history: HistoryResponse;
  height: number;
  syncId: string;
}) {
  const time = useTimeFormat();
  const units = [...new Set(lines.map((l) => l.unit))];
  const [left, right] = units;
  const unitOf = new Map(lines.map((l) => [l.key, l.unit]));
  // Days-long ranges do not need seconds on the axis.
  const clock = (t: number) => (HISTORY_RANGE_MS[history.range] >= 6 * 3_600_000 ? time.clock(t).slice(0, 5) : time.clock(t));
  const start = Math.max(history.fromMs, rows[0]?.t ?? history.fromMs);
  return (
    <figure className="min-w-0">
      <figcaption className="mb-1 text-xs font-medium text-slate-600">{title}</figcaption>
      {samplesWithValues(rows, lines) === 0 ? (
        // E.g. lag in time while the partitions' oldest unread messages could not be read.
        <p className="flex items-center justify-center rounded border border-dashed border-slate-200 px-2 text-center text-sm text-slate-500" style={{ height }} data-testid="history-panel-empty">
          No value sampled for this in the range.
        </p>
      ) : (
        // Grid lines take currentColor (text-slate-200), so they follow the theme.
        <div style={{ height }} className="w-full text-slate-200">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={rows} margin={{ top: 4, right: right ? 0 : 12, bottom: 0, left: 0 }} syncId={syncId}>
              <CartesianGrid stroke="currentColor" strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="t" type="number" scale="time" domain={[start, history.toMs]} tickFormatter={clock} tick={tick} minTickGap={48} />
              {unitAxis('left', left, maxOf(rows, lines, left))}
              {right && unitAxis('right', right, maxOf(rows, lines, right))}
              <Tooltip
                labelFormatter={(t) => time.dateTime(Number(t))}
                formatter={(value, name, item) => [formatUnitExact(value === null || value === undefined ? null : Number(value), unitOf.get(String(item.dataKey)) ?? 'count'), name]}
                contentStyle={{ fontSize: 12 }}
              />
              {/* Per-topic lines always name their topic, even when there is only one. */}
              {(lines.length > 1 || lines[0].key.includes(':')) && <Legend wrapperStyle={{ fontSize: 12 }} />}
              {lines.map((line) => (
                <Line
                  key={line.key}
                  yAxisId={line.unit === left ? 'left' : 'right'}
                  // Counts change in whole steps at a sample; rates are straight segments (a spline invents humps).
                  type={line.unit === 'count' ? 'stepAfter' : 'linear'}
                  dataKey={line.key}
                  name={line.name}
                  stroke={line.color}
                  strokeWidth={2}
                  // A sample between gaps (or the first rate) has no segment: a dot shows it.
                  dot={(props: DotItemDotProps) => isolated(rows, line.key, props.index) ? <circle key={props.index} cx={props.cx} cy={props.cy} r={2.5} fill={line.color} /> : <g key={props.index} />}
                  isAnimationActive={false}
                  connectNulls={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}

/** A value with no neighbour on either side: drawn as a dot, since it has no segment. */
function isolated(rows: ChartRow[], key: string, index: number): boolean {
  if (rows[index]?.[key] == null) return false;
  return rows[index - 1]?.[key] == null && rows[index + 1]?.[key] == null;
}

function maxOf(rows: ChartRow[], lines: ChartLine[], unit: HistoryUnit): number {
  let max = 0;
  for (const line of lines) if (line.unit === unit) for (const row of rows) max = Math.max(max, row[line.key] ?? 0);
  return max;
}

/** A y axis in the unit's terms (a function, not a component: recharts looks for its own axis elements). */
function unitAxis(side: 'left' | 'right', unit: HistoryUnit, max: number) {
  // Round ticks of our own: recharts' would end at the data's maximum ("1,608") or at 19.5 KiB.
  const ticks = axisTicks(max, unit);
  return (
    <YAxis
      yAxisId={side}
      orientation={side}
      tick={tick}
      tickFormatter={(v: number) => formatAxisTick(v, unit)}
      ticks={ticks}
      domain={[0, ticks[ticks.length - 1]]}
      width={64}
      tickLine={false}
      axisLine={false}
    />
  );
}
