import { hashKey, type QueryKey } from '@tanstack/react-query';
import { ApiError } from '@/lib/api/errors';

// Every "updated N s ago · Refresh" button goes through refreshNow(). The refresh must get data
// newer than the server's short cache: it marks the query's key, the next fetch of that key adds
// `refresh=1` (queries whose route has a cache build their path with refreshablePath), and polling
// after it uses the cache as usual. A query whose route has no cache simply fetches again.

const forced = new Set<string>();

export function forceNextFetch(key: QueryKey): void {
  forced.add(hashKey(key));
}

/** The path to fetch for this key, with `refresh=1` once after forceNextFetch. */
export function refreshablePath(key: QueryKey, path: string): string {
  if (!forced.delete(hashKey(key))) return path;
  return `${path}${path.includes('?') ? '&' : '?'}refresh=1`;
}

/** The refresh button's action: one fetch that bypasses the server cache. */
export function refreshNow(key: QueryKey, refetch: () => Promise<unknown>): void {
  forceNextFetch(key);
  // A query that never builds its path with refreshablePath leaves the mark: drop it once done.
  void refetch().finally(() => forced.delete(hashKey(key)));
}

/**
 * Cluster reads are polled anyway: retrying an unreachable cluster (503) or a timeout (504) only
 * keeps the page on a skeleton for seconds. Show the failure at once; the next poll tries again.
 */
export function retryClusterRead(failures: number, error: unknown): boolean {
  if (error instanceof ApiError && (error.isClientError || error.status === 503 || error.status === 504)) return false;
  return failures < 1;
}
