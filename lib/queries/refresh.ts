import { hashKey, type QueryKey } from '@tanstack/react-query';

// The refresh button must get data newer than the server's short cache. It marks the query's key;
// the next fetch of that key adds `refresh=1`, and polling after it uses the cache as usual.

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
  void refetch();
}
