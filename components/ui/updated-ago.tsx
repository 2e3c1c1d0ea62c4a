'use client';

import { useNow } from './use-now';

/** "updated N s ago" with a refresh button: the data on screen always says how old it is. */
export function UpdatedAgo({ updatedAt, onRefresh, refreshing, failed }: {
  updatedAt: number | undefined;
  onRefresh: () => void;
  refreshing?: boolean;
  /** The read failed and there is no data yet: say so instead of "loading…". */
  failed?: boolean;
}) {
  const now = useNow();
  // Hydrated data older than its stale time is re-read on mount, so the browser's first render
  // can be "refreshing" where the server's was not: show it only once hydrated, as the time.
  const busy = now !== null && refreshing;
  const seconds = updatedAt && now !== null ? Math.max(0, Math.round((now - updatedAt) / 1000)) : undefined;
  return (
    <div className="flex items-center gap-2 text-xs text-slate-500" data-testid="updated-ago">
      <span>{label(updatedAt, seconds, failed)}</span>
      <button
        type="button"
        onClick={onRefresh}
        disabled={busy}
        data-testid="refresh"
        className="rounded border border-slate-300 bg-white px-2 py-0.5 font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-50"
      >
        {busy ? 'Refreshing…' : 'Refresh'}
      </button>
    </div>
  );
}

function label(updatedAt: number | undefined, seconds: number | undefined, failed: boolean | undefined): string {
  if (seconds !== undefined) return `updated ${seconds} s ago`;
  // Data from the server render, before the browser's clock is in use: it was read just now.
  if (updatedAt) return 'updated just now';
  return failed ? 'no data' : 'loading…';
}
