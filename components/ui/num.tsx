import { formatBytes, formatBytesExact, formatCount, formatExact } from '@/lib/format/number';

// Numbers in tables: short on screen, exact on hover, tabular figures so columns line up.

export function Count({ value, className = '' }: { value: number | null | undefined; className?: string }) {
  return (
    <span className={`tabular-nums ${className}`} title={formatExact(value)}>
      {formatCount(value)}
    </span>
  );
}

export function Bytes({ value, className = '' }: { value: number | null | undefined; className?: string }) {
  return (
    <span className={`tabular-nums ${className}`} title={formatBytesExact(value)}>
      {formatBytes(value)}
    </span>
  );
}
