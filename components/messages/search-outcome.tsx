'use client';

import { formatExact, plural } from '@/lib/format/number';
import type { Direction } from '@/lib/messages/cursor';
import type { SearchState } from '@/lib/queries/use-search-stream';

const link = 'font-medium text-sky-700 hover:underline';

/**
 * Why a search ended, in plain words, and how to go on. A newest-first search reads whole slices
 * before it keeps the newest matches, so "all offsets scanned" and "stopped at the limit" can both
 * be true: the outcome says which matches were kept and where the next run continues.
 */
export function SearchOutcome({ state, scanCap, limit, direction, onContinue }: {
  state: SearchState;
  scanCap: number;
  limit: number;
  direction: Direction;
  onContinue: (scanCap: number) => void;
}) {
  const done = state.done;
  const rest = direction === 'backward' ? 'older' : 'later';
  return (
    <div className="mt-2 text-xs text-slate-600" data-testid="search-outcome" data-reason={done?.reason}>
      {state.status === 'running' && 'Searching…'}
      {state.status === 'cancelled' && 'Cancelled: the server stopped reading.'}
      {done?.reason === 'complete' && `Done: searched every offset in the range and found ${plural(done.matched, 'match', 'matches')}.`}
      {done?.reason === 'limit' && (
        <span>
          Found {plural(limit, 'match', 'matches')}, the limit of one search, so it stopped there
          {direction === 'backward' ? ' and kept the newest ones' : ''}.{' '}
          {done.cursor ? (
            <>
              {`There may be more in ${rest} messages. `}
              <button type="button" className={link} onClick={() => onContinue(scanCap)} data-testid="search-continue">
                Continue: find up to {formatExact(limit)} more
              </button>
            </>
          ) : (
            'Nothing is left to search.'
          )}
        </span>
      )}
      {done?.reason === 'scan-cap' && (
        <span>
          Stopped after scanning {formatExact(scanCap)} offsets (the scan cap) with {formatExact(Math.max(0, done.total - done.scanned))} not searched yet.{' '}
          {done.cursor && (
            <button type="button" className={link} onClick={() => onContinue(scanCap)} data-testid="search-continue">
              Continue: scan {formatExact(scanCap)} more
            </button>
          )}
        </span>
      )}
    </div>
  );
}
