import { topicConfigInfo } from '@/lib/topics/config-catalog';
import { formatAmount } from '@/lib/topics/units';

/**
 * A config value as a person reads it ("7 days", "1 GiB", "unlimited"), or null when that would
 * only repeat the raw value ("0 ms", "-2").
 */
export function readableValue(name: string, value: string | null): string | null {
  if (value === null || value === '') return null;
  const info = topicConfigInfo.get(name);
  if (!info?.unit && !info?.unlimited) return null;
  const text = formatAmount(value, info.unit ?? 'bytes');
  if (text === 'unlimited') return text;
  if (!info.unit || text === value || text === `${value} ms` || text === `${value} B`) return null;
  return text;
}
