import { HISTORY_RANGE_MS, historyRange, type HistoryMetric, type HistoryRange, type HistoryResponse, type HistoryUnit } from '@/lib/api/history';

// What the time chart draws, worked out from a history answer without React: which lines, the
// rows recharts plots, the newest value of each line, and which ranges hold more than a smaller one.

export interface LineStyle {
  label: string;
  color: string;
}

/** One drawn line: a metric, or one label (a group's topic) of a metric. */
export interface ChartLine {
  /** The row field: the metric, or "metric:label". */
  key: string;
  metric: HistoryMetric;
  name: string;
  unit: HistoryUnit;
  color: string;
}

// Red is left for last: on these charts it reads as an alarm, not as "the eighth topic".
export const PALETTE = ['#0284c7', '#7c3aed', '#0d9488', '#d97706', '#db2777', '#16a34a', '#4b5563', '#dc2626'];

export const lineKey = (metric: HistoryMetric, label: string | null) => (label === null ? metric : `${metric}:${label}`);

/**
 * The lines of the given metrics, in the order the styles name them. A labelled series (one per
 * topic) is named by its label, with the metric's label too when `labelPrefix` is set; each label
 * keeps one colour across every panel of the answer.
 */
export function chartLines(history: HistoryResponse, styles: Partial<Record<HistoryMetric, LineStyle>>): ChartLine[] {
  const labels = [...new Set(history.series.map((s) => s.label).filter((l): l is string => l !== null))].sort();
  const lines: ChartLine[] = [];
  for (const metric of Object.keys(styles) as HistoryMetric[]) {
    const style = styles[metric]!;
    for (const s of history.series.filter((x) => x.metric === metric)) {
      lines.push({
        key: lineKey(metric, s.label),
        metric,
        name: s.label ?? style.label,
        unit: s.unit,
        color: s.label === null ? style.color : PALETTE[labels.indexOf(s.label) % PALETTE.length],
      });
    }
  }
  return lines;
}

export type ChartRow = { t: number } & Record<string, number | null>;

/** One row per sample time; a line without a point at that time gets null (drawn as a gap). */
export function chartRows(history: HistoryResponse, lines: ChartLine[]): ChartRow[] {
  const keys = new Set(lines.map((l) => l.key));
  const rows = new Map<number, ChartRow>();
  for (const s of history.series) {
    const key = lineKey(s.metric, s.label);
    if (!keys.has(key)) continue;
    for (const [t, value] of s.points) {
      let row = rows.get(t);
      if (!row) rows.set(t, (row = { t } as ChartRow));
      row[key] = value;
    }
  }
  const sorted = [...rows.values()].sort((a, b) => a.t - b.t);
  for (const row of sorted) for (const key of keys) if (!(key in row)) row[key] = null;
  return sorted;
}

/** How many rows have at least one value: a line needs two to be a line. */
export const samplesWithValues = (rows: ChartRow[], lines: ChartLine[]) =>
  rows.filter((row) => lines.some((l) => row[l.key] !== null)).length;

/** Each line's newest value (null if it has none): what tests and screen readers read. */
export function lastValues(rows: ChartRow[], lines: ChartLine[]): Record<string, number | null> {
  const last: Record<string, number | null> = {};
  for (const line of lines) {
    const row = rows.findLast((r) => r[line.key] !== null);
    last[line.key] = row ? row[line.key] : null;
  }
  return last;
}

/**
 * A range is offered when it shows more than the next smaller one would: the smallest always,
 * a larger one once the source holds data from before the smaller range's start.
 */
export function availableRanges(history: Pick<HistoryResponse, 'dataSince' | 'toMs'> | undefined): Set<HistoryRange> {
  const ranges = historyRange.options;
  const span = history?.dataSince != null ? history.toMs - history.dataSince : 0;
  return new Set(ranges.filter((r, i) => i === 0 || span > HISTORY_RANGE_MS[ranges[i - 1]]));
}
