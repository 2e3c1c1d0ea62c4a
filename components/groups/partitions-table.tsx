'use client';

import { useState } from 'react';
import { useTimeFormat } from '@/components/ui/use-time-format';
import type { GroupPartition, HealthStatus } from '@/lib/api/groups';
import { formatAgo } from './format';
import { largestLag, lagTone } from '@/lib/lag/severity';
import { LagValue } from './lag-value';

const notes: Record<NonNullable<GroupPartition['note']>, string> = {
  'no-commit': 'no commit',
  'below-log-start': 'behind retention',
  'above-log-end': 'past end',
};

/** Per-partition offsets and lag; furthest behind first unless sorted by partition. */
export function PartitionsTable({ partitions, now, health }: { partitions: GroupPartition[]; now: number; health: HealthStatus }) {
  const [order, setOrder] = useState<'lag' | 'partition'>('lag');
  const time = useTimeFormat();
  if (partitions.length === 0) return <p className="text-sm text-slate-500">This group has no committed offsets and no assigned partitions.</p>;
  const rows = order === 'partition' ? partitions : [...partitions].sort((a, b) => (b.lag ?? -1) - (a.lag ?? -1) || a.topic.localeCompare(b.topic) || a.partition - b.partition);
  const num = 'px-3 py-1.5 text-right tabular-nums';
  const maxLag = largestLag(partitions.map((p) => p.lag));
  return (
    <div>
      <div className="mb-2 flex justify-end gap-1 text-xs" role="group" aria-label="Order">
        {(['lag', 'partition'] as const).map((o) => (
          <button key={o} type="button" onClick={() => setOrder(o)} aria-pressed={order === o} data-testid={`partitions-order-${o}`}
            className={`rounded px-2 py-0.5 ${order === o ? 'bg-slate-800 text-white' : 'bg-slate-100 text-slate-700 hover:bg-slate-200'}`}>
            {o === 'lag' ? 'Most lag first' : 'By partition'}
          </button>
        ))}
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="partitions-table">
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-1.5 text-left font-medium">Topic</th>
              <th className="px-3 py-1.5 text-right font-medium">Partition</th>
              <th className="px-3 py-1.5 text-right font-medium">Committed</th>
              <th className="px-3 py-1.5 text-right font-medium">Log start</th>
              <th className="px-3 py-1.5 text-right font-medium">Log end</th>
              <th className="px-3 py-1.5 text-right font-medium">Lag</th>
              <th className="px-3 py-1.5 text-left font-medium">Owner</th>
              <th className="px-3 py-1.5 text-left font-medium" title="When the committed offset last changed, as seen by the console">Last moved</th>
              <th className="px-3 py-1.5 text-left font-medium">Commit metadata</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={`${p.topic}:${p.partition}`} className="border-b border-slate-100 last:border-0" data-testid={`partition-row-${p.topic}-${p.partition}`}>
                <td className="max-w-[14rem] truncate px-3 py-1.5" title={p.topic}>{p.topic}</td>
                <td className={num}>{p.partition}</td>
                <td className={num} data-testid={`partition-committed-${p.topic}-${p.partition}`}>{p.committed === null ? <span className="text-slate-400">–</span> : p.committed.toLocaleString('en-US')}</td>
                <td className={`${num} text-slate-500`}>{p.logStart.toLocaleString('en-US')}</td>
                <td className={`${num} text-slate-500`}>{p.logEnd.toLocaleString('en-US')}</td>
                <td className="px-3 py-1.5 text-right">
                  <LagValue lag={p.lag} testId={`partition-lag-${p.topic}-${p.partition}`} tone={lagTone(health, p.lag, maxLag)} />
                  {p.note && (
                    <span className="ml-1.5 rounded bg-amber-50 px-1 text-[11px] text-amber-800" title={p.note === 'below-log-start' ? `${p.lost.toLocaleString('en-US')} messages were deleted by retention before this group read them` : undefined}>
                      {notes[p.note]}
                    </span>
                  )}
                </td>
                <td className="max-w-[16rem] px-3 py-1.5 text-slate-600" title={p.owner ? `${p.owner.clientId} @ ${p.owner.host} (${p.owner.memberId})` : 'Not assigned to any member'}>
                  {p.owner ? (
                    <span className="flex items-baseline gap-1.5">
                      <span className="font-mono text-xs text-slate-700">{p.owner.host}</span>
                      <span className="truncate text-xs text-slate-400">{p.owner.clientId}</span>
                    </span>
                  ) : <span className="text-slate-400">unassigned</span>}
                </td>
                <td className="whitespace-nowrap px-3 py-1.5 text-slate-500" title={p.lastMovedAt === null ? 'The committed offset has not changed since the console started watching this group.' : time.dateTime(p.lastMovedAt)}>{formatAgo(p.lastMovedAt, now)}</td>
                <td className="max-w-[12rem] truncate px-3 py-1.5 font-mono text-xs text-slate-500" title={p.metadata ?? ''}>{p.metadata || '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
