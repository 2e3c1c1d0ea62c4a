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

/**
 * Round ticks for a byte axis up to `max`: steps of 1, 2 or 5 times a power of ten of B, KiB,
 * MiB… ("0, 20 KiB, 40 KiB, 60 KiB", not "0, 19.5 KiB, 39 KiB").
 */
export function byteTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1024];
  let base = 1;
  while (max / base >= 1024 && base < 1024 ** 5) base *= 1024;
  const scaled = max / base;
  const step = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1024].find((s) => scaled / s <= count) ?? 1024;
  const ticks: number[] = [];
  for (let v = 0; ticks.length === 0 || ticks[ticks.length - 1] < max; v += step) ticks.push(v * base);
  return ticks;
}
