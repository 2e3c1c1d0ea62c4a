'use client';

import { ApiError } from '@/lib/api/errors';
import { useTimeFormat } from './use-time-format';

/**
 * A poll failed but earlier data is still on screen: say so above it, so nobody mistakes old
 * numbers for the current state of the cluster.
 */
export function StaleBanner({ error, fetchedAt }: { error: unknown; fetchedAt: number | undefined }) {
  const time = useTimeFormat();
  const readAt = fetchedAt ? time.dateTime(fetchedAt) : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const unreachable = error instanceof ApiError && (error.code === 'cluster_unreachable' || error.code === 'timeout');
  return (
    <div role="alert" data-testid="stale-banner" className="mb-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      <span className="font-semibold">{unreachable ? 'Cluster unreachable.' : 'Refresh failed.'}</span>{' '}
      {readAt && <>Showing the last data read, at {readAt}. </>}
      <span className="text-red-700">{message}</span>
    </div>
  );
}
