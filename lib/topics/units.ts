// Unit pickers for durations (stored by Kafka in ms) and sizes (stored in bytes). Arithmetic is
// exact (BigInt): Kafka's longs go beyond what a JS number holds, and "1.5 h" must be 5400000.

export type UnitKind = 'duration' | 'bytes';

export interface Unit {
  id: string;
  label: string;
  factor: bigint;
}

export const durationUnits: readonly Unit[] = [
  { id: 'ms', label: 'milliseconds', factor: 1n },
  { id: 's', label: 'seconds', factor: 1000n },
  { id: 'min', label: 'minutes', factor: 60_000n },
  { id: 'h', label: 'hours', factor: 3_600_000n },
  { id: 'd', label: 'days', factor: 86_400_000n },
];

export const sizeUnits: readonly Unit[] = [
  { id: 'B', label: 'bytes', factor: 1n },
  { id: 'KiB', label: 'KiB', factor: 1024n },
  { id: 'MiB', label: 'MiB', factor: 1024n ** 2n },
  { id: 'GiB', label: 'GiB', factor: 1024n ** 3n },
  { id: 'TiB', label: 'TiB', factor: 1024n ** 4n },
];

export const LONG_MAX = 9223372036854775807n;
export const INT_MAX = 2147483647n;

export function unitsFor(kind: UnitKind): readonly Unit[] {
  return kind === 'duration' ? durationUnits : sizeUnits;
}

function findUnit(kind: UnitKind, id: string): Unit {
  const unit = unitsFor(kind).find((u) => u.id === id);
  if (!unit) throw new Error(`unknown ${kind} unit ${id}`);
  return unit;
}

export type Converted = { ok: true; value: string } | { ok: false; error: string };

/**
 * "1.5" hours -> "5400000". Accepts non-negative decimals; the result must be a whole number of
 * the base unit and fit in `max` (Kafka's long by default).
 */
export function toBaseUnits(amount: string, kind: UnitKind, unitId: string, max: bigint = LONG_MAX): Converted {
  const text = amount.trim();
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return { ok: false, error: 'Enter a non-negative number.' };
  const unit = findUnit(kind, unitId);
  const fraction = match[2] ?? '';
  const scaled = BigInt(match[1] + fraction) * unit.factor;
  const divisor = 10n ** BigInt(fraction.length);
  if (scaled % divisor !== 0n) {
    return { ok: false, error: `${text} ${unit.label} is not a whole number of ${unitsFor(kind)[0].label}.` };
  }
  const value = scaled / divisor;
  if (value > max) return { ok: false, error: `Too large: at most ${formatAmount(max.toString(), kind)}.` };
  return { ok: true, value: value.toString() };
}

/** The largest unit that expresses a base value exactly: 604800000 ms -> { amount: "7", unit: "d" }. */
export function bestUnit(value: string, kind: UnitKind): { amount: string; unit: string } {
  const units = unitsFor(kind);
  if (!/^\d+$/.test(value)) return { amount: value, unit: units[0].id };
  const n = BigInt(value);
  if (n === 0n) return { amount: '0', unit: units[0].id };
  for (let i = units.length - 1; i >= 0; i--) {
    if (n % units[i].factor === 0n) return { amount: (n / units[i].factor).toString(), unit: units[i].id };
  }
  return { amount: value, unit: units[0].id };
}

/** Human reading of a stored value: "7 days", "1 GiB", "unlimited" for -1 and Long.MAX. */
export function formatAmount(value: string | null | undefined, kind: UnitKind): string {
  if (value === null || value === undefined || value === '') return '—';
  if (!/^-?\d+$/.test(value)) return value;
  const n = BigInt(value);
  if (n === -1n || n === LONG_MAX) return 'unlimited';
  if (n < 0n) return value;
  const units = unitsFor(kind);
  let unit = units[0];
  for (const u of units) if (n >= u.factor) unit = u;
  const whole = n / unit.factor;
  const rest = n % unit.factor;
  const amount = rest === 0n ? whole.toString() : trimDecimal(Number(n) / Number(unit.factor));
  const label = kind === 'duration' ? pluralise(unit, amount) : unit.id;
  return `${amount} ${label}`;
}

function trimDecimal(x: number): string {
  const text = x.toFixed(x >= 100 ? 0 : 2);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

function pluralise(unit: Unit, amount: string): string {
  const singular: Record<string, string> = { ms: 'ms', s: 'second', min: 'minute', h: 'hour', d: 'day' };
  if (unit.id === 'ms') return 'ms';
  return amount === '1' ? singular[unit.id] : `${singular[unit.id]}s`;
}
