import 'server-only';

// Short-lived result cache with in-flight de-duplication: many browser polls of a big cluster
// turn into one round of Kafka requests per TTL.

export interface Cached<T> {
  value: T;
  /** When the value was read from the cluster (ms since epoch). */
  fetchedAt: number;
}

interface Entry {
  expiresAt: number;
  promise: Promise<Cached<unknown>>;
}

const entries = new Map<string, Entry>();

export async function cached<T>(key: string, ttlMs: number, load: () => Promise<T>, force = false): Promise<Cached<T>> {
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && !force && hit.expiresAt > now) return hit.promise as Promise<Cached<T>>;
  const promise = load().then((value) => ({ value, fetchedAt: Date.now() }));
  entries.set(key, { expiresAt: now + ttlMs, promise });
  // A failure must not stay cached: the next poll tries again.
  promise.catch(() => {
    if (entries.get(key)?.promise === promise) entries.delete(key);
  });
  return promise;
}

/** Drops every entry for a cluster (after a mutation) or whose key starts with the prefix. */
export function invalidate(prefix: string): void {
  for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key);
}
