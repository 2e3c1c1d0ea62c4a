import type { HistoryUnit } from '@/lib/api/history';
import { formatDuration } from './duration';
import { formatBytes, formatCount, formatExact } from './number';

// A plotted value in its unit, short (axis ticks, tiles) or exact (tooltips). Counts and messages
// are whole numbers; rates keep one decimal below ten, where "0.4/s" and "0/s" differ.

/** 0.35 -> "0.4", 12.6 -> "13", 12_345 -> "12.3K". */
export function formatRate(perSecond: number | null | undefined): string {
  if (perSecond === null || perSecond === undefined || !Number.isFinite(perSecond)) return '—';
  if (Math.abs(perSecond) < 10) return String(Math.round(perSecond * 10) / 10);
  return formatCount(Math.round(perSecond));
}

/** "1.2K msg/s", "1.5 MiB/s", "3 min 20 s", "4". */
export function formatUnit(value: number | null | undefined, unit: HistoryUnit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'messages/s':
      return `${formatRate(value)} msg/s`;
    case 'bytes/s':
      return `${formatBytes(Math.round(value))}/s`;
    case 'bytes':
      return formatBytes(Math.round(value));
    case 'seconds':
      return formatDuration(value * 1000);
    case 'messages':
    case 'count':
      return formatCount(Math.round(value));
  }
}

/** Every digit, for a tooltip: "12,345.6 msg/s", "1,572,864 bytes/s", "200 s (3 min 20 s)". */
export function formatUnitExact(value: number | null | undefined, unit: HistoryUnit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'no sample';
  const rounded = (digits: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(value);
  switch (unit) {
    case 'messages/s':
      return `${rounded(1)} msg/s`;
    case 'bytes/s':
      return `${rounded(0)} bytes/s (${formatUnit(value, unit)})`;
    case 'bytes':
      return `${rounded(0)} bytes (${formatUnit(value, unit)})`;
    case 'seconds':
      return value < 60 ? `${rounded(1)} s` : `${rounded(0)} s (${formatDuration(value * 1000)})`;
    case 'messages':
      return `${formatExact(Math.round(value))} messages`;
    case 'count':
      return formatExact(Math.round(value));
  }
}

/** An axis tick: the number alone (the panel's title names the unit), bytes with their binary unit. */
export function formatAxisTick(value: number, unit: HistoryUnit): string {
  switch (unit) {
    case 'messages/s':
      return Math.abs(value) < 10 ? String(Math.round(value * 100) / 100) : formatCount(Math.round(value));
    case 'bytes/s':
    case 'bytes':
      return formatBytes(Math.round(value));
    case 'seconds':
      return formatDuration(value * 1000);
    case 'messages':
    case 'count':
      return formatCount(Math.round(value));
  }
}

const DECIMAL_STEPS = [1, 2, 5].flatMap((m) => [0.01, 0.1, 1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12].map((p) => m * p)).sort((a, b) => a - b);
const BINARY_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500].flatMap((m) => [1, 1024, 1024 ** 2, 1024 ** 3, 1024 ** 4, 1024 ** 5].map((p) => m * p)).sort((a, b) => a - b);
// Seconds, then minutes, hours and days that read as round durations.
const DURATION_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 3 * 3600, 6 * 3600, 12 * 3600, 86_400, 2 * 86_400, 7 * 86_400, 30 * 86_400, 365 * 86_400];

/**
 * Round axis ticks from 0 up to (at least) `max`, about `count` of them, in steps that read well in
 * the unit: 1/2/5 × 10ⁿ, binary for bytes ("0, 20 KiB, 40 KiB"), whole minutes or hours for
 * seconds. Whole-number units never step below 1.
 */
export function axisTicks(max: number, unit: HistoryUnit, count = 4): number[] {
  const steps = unit === 'bytes' || unit === 'bytes/s' ? BINARY_STEPS : unit === 'seconds' ? DURATION_STEPS : DECIMAL_STEPS;
  const whole = unit !== 'messages/s';
  // A flat or tiny line still gets an axis that reads naturally: 0–1 msg/s, 0–4 KiB.
  const top = Math.max(max, unit === 'bytes' || unit === 'bytes/s' ? 4096 : 1);
  const step = steps.find((s) => (!whole || s >= 1) && top / s <= count) ?? steps[steps.length - 1];
  const ticks: number[] = [0];
  while (ticks[ticks.length - 1] < top) ticks.push(Math.round((ticks[ticks.length - 1] + step) * 100) / 100);
  return ticks;
}
