import { formatDuration } from '@/lib/format/duration';

// Rates and ages as the group pages show them.

export function formatRate(perSecond: number | null | undefined): string {
  if (perSecond === null || perSecond === undefined || !Number.isFinite(perSecond)) return '–';
  const abs = Math.abs(perSecond);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  // A rate that rounds to nothing is 0/s, never "-0/s".
  const shown = Math.abs(perSecond) < 0.5 * 10 ** -digits ? 0 : perSecond;
  return `${shown.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 })}/s`;
}

export function formatAgo(time: number | null, now = Date.now()): string {
  return time === null ? 'no change seen' : `${formatDuration(now - time)} ago`;
}
