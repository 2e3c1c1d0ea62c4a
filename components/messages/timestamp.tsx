import type { TimestampType } from '@/lib/messages/api';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Local time to the millisecond, e.g. 2024-05-01 12:00:00.123. */
export function formatLocal(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** A message timestamp in local time; hover shows ISO (UTC) and whether the producer or the broker set it. */
export function Timestamp({ ms, type }: { ms: number; type?: TimestampType }) {
  if (ms < 0) return <span className="text-slate-400">none</span>;
  const source = type === 'LogAppendTime' ? 'broker (LogAppendTime)' : 'producer (CreateTime)';
  return (
    <time dateTime={new Date(ms).toISOString()} title={`${new Date(ms).toISOString()}${type ? ` — set by the ${source}` : ''}`} className="whitespace-nowrap font-mono text-xs tabular-nums">
      {formatLocal(ms)}
      {type === 'LogAppendTime' && <span className="ml-1 rounded bg-slate-100 px-1 text-[10px] text-slate-500">log</span>}
    </time>
  );
}

/** datetime-local input value (local time) <-> ISO UTC for the URL. */
export function localInputValue(iso: string | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return formatLocal(ms).replace(' ', 'T');
}

export function isoFromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
