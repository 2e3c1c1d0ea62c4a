import { topicConfigInfo } from './config-catalog';
import { formatAmount, LONG_MAX, type UnitKind } from './units';

// The one reading of a config value for people, used by every config table and form: "7 days",
// "1 GiB", "unlimited", "same as retention". Null when it would only repeat the raw value.

function unitOf(name: string): UnitKind | undefined {
  const info = topicConfigInfo.get(name);
  if (info?.unit) return info.unit;
  // Broker configs and topic configs the catalogue does not list: Kafka names say the unit.
  if (info === undefined && name.endsWith('.ms')) return 'duration';
  if (info === undefined && name.endsWith('.bytes')) return 'bytes';
  return undefined;
}

export function readableValue(name: string, value: string | null): string | null {
  if (value === null || value === '' || !/^-?\d+$/.test(value)) return null;
  if (value === '-2' && name.startsWith('local.retention')) return 'same as retention';
  const unit = unitOf(name);
  const unlimited = topicConfigInfo.get(name)?.unlimited || unit !== undefined;
  if (unlimited && (value === '-1' || value === LONG_MAX.toString())) return 'unlimited';
  if (!unit) return null;
  const text = formatAmount(value, unit);
  if (text === value || text === `${value} ms` || text === `${value} B`) return null;
  return text;
}
