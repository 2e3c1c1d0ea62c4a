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
  settled: boolean;
}

// Keys include caller-chosen ids (any group id a client asks about), so expired entries must be
// dropped or memory grows with every distinct id. The sweep runs from cached() itself, at most this
// often, so no timer keeps the process alive and a busy cache is not scanned on every call.
const SWEEP_INTERVAL_MS = 10_000;

const entries = new Map<string, Entry>();
let lastSweep = 0;

export async function cached<T>(key: string, ttlMs: number, load: () => Promise<T>, force = false): Promise<Cached<T>> {
  const now = Date.now();
  sweep(now);
  const hit = entries.get(key);
  if (hit && !force && hit.expiresAt > now) return hit.promise as Promise<Cached<T>>;
  const promise = load().then((value) => ({ value, fetchedAt: Date.now() }));
  const entry: Entry = { expiresAt: now + ttlMs, promise, settled: false };
  entries.set(key, entry);
  promise.then(
    () => {
      entry.settled = true;
    },
    // A failure must not stay cached: the next poll tries again.
    () => {
      if (entries.get(key) === entry) entries.delete(key);
    },
  );
  return promise;
}

/** Drops every entry for a cluster (after a mutation) or whose key starts with the prefix. */
export function invalidate(prefix: string): void {
  for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key);
}

/** Keys currently held, for checking that expired entries do not pile up. */
export function cachedKeys(): string[] {
  return [...entries.keys()];
}

function sweep(now: number): void {
  if (now - lastSweep < SWEEP_INTERVAL_MS) return;
  lastSweep = now;
  // A load still running is left alone: its own rejection handler removes it if it fails.
  for (const [key, entry] of entries) if (entry.settled && entry.expiresAt <= now) entries.delete(key);
}
