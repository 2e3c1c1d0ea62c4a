// Numbers as the console writes them: short forms on screen, the exact value in a tooltip or a sentence.

const exact = new Intl.NumberFormat('en-US');
const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** 1536 -> "1.5 KiB"; under 10 units one decimal, else none. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '—';
  if (bytes < 0) return `−${formatBytes(-bytes)}`;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${value} B`;
  const rounded = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  // 1023.7 KiB would round to "1024 KiB": show it as the next unit instead.
  if (rounded >= 1024 && unit < units.length - 1) return `1 ${units[unit + 1]}`;
  return `${value < 10 ? rounded.toFixed(1) : rounded} ${units[unit]}`;
}

/** 1234 -> "1.2K", 1_234_567 -> "1.2M"; below 10,000 the exact number with separators. */
export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  const abs = Math.abs(n);
  if (abs < 10_000) return exact.format(n);
  const [divisor, suffix] =
    abs >= 1e12 ? [1e12, 'T'] : abs >= 1e9 ? [1e9, 'B'] : abs >= 1e6 ? [1e6, 'M'] : [1e3, 'K'];
  const value = n / divisor;
  const digits = Math.abs(value) < 100 ? 1 : 0;
  const text = value.toFixed(digits).replace(/\.0$/, '');
  // 999,950 shows as "1000K" at one decimal: promote it.
  if (text === '1000' && suffix !== 'T') return `${n < 0 ? '-' : ''}1${suffix === 'K' ? 'M' : suffix === 'M' ? 'B' : 'T'}`;
  return `${text}${suffix}`;
}

export function formatExact(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? 'unknown' : exact.format(n);
}

/** Exact bytes for a tooltip: "1,610,612,736 bytes". */
export function formatBytesExact(bytes: number | null | undefined): string {
  return bytes === null || bytes === undefined ? 'unknown' : `${exact.format(bytes)} bytes`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${exact.format(n)} ${n === 1 ? one : many}`;
}
