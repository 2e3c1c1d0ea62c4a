'use client';

import { useTimeFormat } from '@/components/ui/use-time-format';
import type { TimestampType } from '@/lib/api/messages';

/** A message timestamp to the millisecond in the chosen zone; hover shows ISO (UTC) and who set it. */
export function Timestamp({ ms, type }: { ms: number; type?: TimestampType }) {
  const time = useTimeFormat();
  if (ms < 0) return <span className="text-slate-400">none</span>;
  const iso = new Date(ms).toISOString();
  const source = type === 'LogAppendTime' ? 'broker (LogAppendTime)' : 'producer (CreateTime)';
  return (
    <time dateTime={iso} title={`${iso}${type ? ` — set by the ${source}` : ''}`} className="whitespace-nowrap font-mono text-xs tabular-nums">
      {time.dateTime(ms, true)}
      {type === 'LogAppendTime' && <span className="ml-1 rounded bg-slate-100 px-1 text-[10px] text-slate-500">log</span>}
    </time>
  );
}
