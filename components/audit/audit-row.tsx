'use client';

import { useState } from 'react';
import { Badge, type Tone } from '@/components/ui/badge';
import { useTimeFormat } from '@/components/ui/use-time-format';
import type { AuditEntry } from '@/lib/api/audit';

const outcomeTone: Record<AuditEntry['outcome'], Tone> = { success: 'ok', failure: 'danger', refused: 'warn' };

/** One audit entry; its parameters open on demand. */
export function AuditRow({ entry }: { entry: AuditEntry }) {
  const [open, setOpen] = useState(false);
  const time = useTimeFormat();
  const hasParams = entry.parameters !== undefined && entry.parameters !== null;
  return (
    <>
      <tr className="border-b border-slate-100 align-top hover:bg-slate-50" data-testid="audit-row" data-action={entry.action} data-outcome={entry.outcome} data-target={entry.target}>
        <td className="whitespace-nowrap px-3 py-1.5 tabular-nums text-slate-600" title={entry.time}>
          {time.dateTime(Date.parse(entry.time))}
        </td>
        <td className="px-3 py-1.5">
          <span className="block">{entry.user ?? <span className="text-slate-400">anonymous</span>}</span>
          <span className="block text-xs text-slate-500">{entry.clientAddress}</span>
        </td>
        <td className="px-3 py-1.5 font-mono text-xs">{entry.action}</td>
        <td className="max-w-xs break-all px-3 py-1.5 font-mono text-xs">{entry.target}</td>
        <td className="px-3 py-1.5">
          <Badge tone={outcomeTone[entry.outcome]} testId="audit-outcome">{entry.outcome}</Badge>
          {entry.error && <p className="mt-0.5 max-w-md break-words text-xs text-red-700" data-testid="audit-error">{entry.error}</p>}
        </td>
        <td className="whitespace-nowrap px-3 py-1.5 text-right tabular-nums text-slate-500">{entry.durationMs} ms</td>
        <td className="px-3 py-1.5 text-right">
          {hasParams && (
            <button type="button" data-testid="audit-params-toggle" onClick={() => setOpen((o) => !o)} className="text-xs text-sky-700 hover:underline">
              {open ? 'hide' : 'parameters'}
            </button>
          )}
        </td>
      </tr>
      {open && (
        <tr className="border-b border-slate-100 bg-slate-50">
          <td colSpan={7} className="px-3 py-2">
            <pre className="max-h-64 overflow-auto whitespace-pre-wrap break-all font-mono text-xs text-slate-700" data-testid="audit-params">
              {JSON.stringify(entry.parameters, null, 2)}
            </pre>
          </td>
        </tr>
      )}
    </>
  );
}
