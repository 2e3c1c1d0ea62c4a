'use client';

import { formatExact } from '@/lib/format/number';
import type { Direction } from '@/lib/messages/cursor';
import { SearchOutcome } from './search-outcome';
import type { SearchState } from '@/lib/queries/use-search-stream';

/** How far a search got, how fast, why it stopped, and what to do next. */
export function SearchProgress({ state, scanCap, limit, direction, onCancel, onContinue }: {
  state: SearchState;
  scanCap: number;
  limit: number;
  direction: Direction;
  onCancel: () => void;
  onContinue: (scanCap: number) => void;
}) {
  const p = state.progress;
  const total = state.done?.total ?? state.total;
  const scanned = p?.scanned ?? 0;
  const pct = total > 0 ? Math.min(100, (scanned / total) * 100) : state.status === 'done' ? 100 : 0;
  const matched = p?.matched ?? state.messages.length;
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm shadow-sm" data-testid="search-progress" data-status={state.status}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="tabular-nums text-slate-700">
          <span data-testid="search-scanned">Scanned {formatExact(scanned)}</span> of {formatExact(total)} offsets
          {p && p.ratePerSec > 0 && <span className="text-slate-500"> · {formatExact(p.ratePerSec)}/s</span>}
          {' · '}
          <span className="font-medium text-slate-900" data-testid="search-matched">{formatExact(matched)} {matched === 1 ? 'match' : 'matches'}</span>
          {p && <span className="text-slate-500"> · {(p.elapsedMs / 1000).toFixed(1)} s</span>}
        </p>
        {state.status === 'running' && (
          <button type="button" onClick={onCancel} className="rounded border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100" data-testid="search-cancel">
            Cancel
          </button>
        )}
      </div>
      <div className="mt-2 h-1.5 overflow-hidden rounded bg-slate-100">
        <div className={`h-full transition-[width] ${state.status === 'running' ? 'bg-sky-500' : state.status === 'done' ? 'bg-emerald-500' : 'bg-slate-400'}`} style={{ width: `${pct}%` }} />
      </div>
      <SearchOutcome state={state} scanCap={scanCap} limit={limit} direction={direction} onContinue={onContinue} />
    </div>
  );
}
