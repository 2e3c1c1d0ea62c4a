import { formatBytes } from './format';

const LONG_MAX = '9223372036854775807';

/** A config value as Kafka stores it, plus its meaning in units where the name says them. */
export function ConfigValue({ name, value }: { name: string; value: string | null }) {
  if (value === null) return <span className="text-slate-400">null</span>;
  const hint = humanize(name, value);
  return (
    <>
      {value}
      {hint && <span className="ml-2 font-sans text-xs font-normal text-slate-500">({hint})</span>}
    </>
  );
}

export function humanize(name: string, value: string): string | null {
  if (value === LONG_MAX) return 'no limit';
  if (!/^-?\d+$/.test(value)) return null;
  const n = Number(value);
  if (n === -2 && name.startsWith('local.retention')) return 'same as retention';
  if (n === -1 && (name.includes('retention') || name.endsWith('.bytes'))) return 'no limit';
  if (n < 0) return null;
  if (name.endsWith('.ms') && n >= 1000) return duration(n);
  if (name.endsWith('.bytes') && n >= 1024) return formatBytes(n);
  return null;
}

function duration(ms: number): string {
  const units: [number, string][] = [[86_400_000, 'd'], [3_600_000, 'h'], [60_000, 'min'], [1000, 's']];
  for (const [size, unit] of units) {
    if (ms >= size) {
      const v = ms / size;
      return `${Number.isInteger(v) ? v : v.toFixed(1)} ${unit}`;
    }
  }
  return `${ms} ms`;
}
