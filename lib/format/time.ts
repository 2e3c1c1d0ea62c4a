import type { TimeZoneChoice } from '@/lib/prefs/time-zone';

// The one way the console writes a point in time: "2026-12-03 09:12:33 CET" — year first,
// 24-hour clock, the zone always shown. Local time by default, UTC on request. Inputs take the
// same form, so what a person reads can be typed back.

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

interface Parts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
}

function parts(ms: number, zone: TimeZoneChoice): Parts {
  const t = new Date(ms);
  return zone === 'utc'
    ? { y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(), mi: t.getUTCMinutes(), s: t.getUTCSeconds(), ms: t.getUTCMilliseconds() }
    : { y: t.getFullYear(), mo: t.getMonth() + 1, d: t.getDate(), h: t.getHours(), mi: t.getMinutes(), s: t.getSeconds(), ms: t.getMilliseconds() };
}

/** The zone's short name at that moment ("CET", "GMT+2", "UTC"). */
export function zoneName(ms: number, zone: TimeZoneChoice): string {
  if (zone === 'utc') return 'UTC';
  const name = new Intl.DateTimeFormat('en-GB', { timeZoneName: 'short' }).formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value;
  return name ?? 'local';
}

/** "2026-12-03 09:12:33 CET"; `millis` adds ".123" (message timestamps). */
export function formatDateTime(ms: number, zone: TimeZoneChoice, opts: { millis?: boolean; withZone?: boolean } = {}): string {
  const p = parts(ms, zone);
  const time = `${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}${opts.millis ? `.${pad(p.ms, 3)}` : ''}`;
  const text = `${p.y}-${pad(p.mo)}-${pad(p.d)} ${time}`;
  return opts.withZone === false ? text : `${text} ${zoneName(ms, zone)}`;
}

/** "09:12:33" (chart axes and same-day times; the zone is named next to them). */
export function formatClock(ms: number, zone: TimeZoneChoice): string {
  const p = parts(ms, zone);
  return `${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`;
}

/** What an input shows for an ISO time: "2026-12-03 09:12:33" in the zone. */
export function inputValue(iso: string | undefined, zone: TimeZoneChoice): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const withMillis = ms % 1000 !== 0;
  return formatDateTime(ms, zone, { millis: withMillis, withZone: false });
}

const INPUT = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/** Parses "YYYY-MM-DD HH:mm[:ss[.SSS]]" (a "T" works too) in the zone; undefined when it is not one. */
export function parseInput(text: string, zone: TimeZoneChoice): number | undefined {
  const m = INPUT.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s = '0', frac = '0'] = m.slice(1);
  const n = [y, mo, d, h, mi, s].map(Number);
  const millis = Number(frac.padEnd(3, '0'));
  const ms = zone === 'utc' ? Date.UTC(n[0], n[1] - 1, n[2], n[3], n[4], n[5], millis) : new Date(n[0], n[1] - 1, n[2], n[3], n[4], n[5], millis).getTime();
  // Reject impossible dates (2026-02-31) instead of rolling them over.
  const back = parts(ms, zone);
  if (back.y !== n[0] || back.mo !== n[1] || back.d !== n[2] || back.h !== n[3] || back.mi !== n[4]) return undefined;
  return ms;
}
