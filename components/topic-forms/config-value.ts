import { topicConfigInfo } from '@/lib/topics/config-catalog';
import { formatAmount } from '@/lib/topics/units';

/** A config value as a person reads it ("7 days", "1 GiB"), or null when the raw value says it all. */
export function readableValue(name: string, value: string | null): string | null {
  if (value === null) return null;
  const info = topicConfigInfo.get(name);
  if (!info?.unit && !info?.unlimited) return null;
  const text = formatAmount(value, info.unit ?? 'bytes');
  return info.unit || text === 'unlimited' ? text : null;
}
