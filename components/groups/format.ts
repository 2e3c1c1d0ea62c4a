import { formatDuration } from '@/lib/format/duration';

// Rates and ages as the group pages show them.

export function formatRate(perSecond: number | null | undefined): string {
  if (perSecond === null || perSecond === undefined || !Number.isFinite(perSecond)) return '–';
  const abs = Math.abs(perSecond);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return `${perSecond.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 })}/s`;
}

export function formatAgo(time: number | null, now = Date.now()): string {
  return time === null ? 'no change seen' : `${formatDuration(now - time)} ago`;
}
