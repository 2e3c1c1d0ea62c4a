import 'server-only';

// Guessing passwords is slowed twice over: every failed sign-in waits before it answers, and a
// username or a client address with too many recent failures is refused for a while. Counted
// per replica, in bounded memory.

const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES = 10;
const FAILURE_DELAY_MS = 400;
const MAX_TRACKED = 10_000;

const failures = new Map<string, number[]>();

function recent(key: string, now: number): number[] {
  const times = (failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
  if (times.length) failures.set(key, times);
  else failures.delete(key);
  return times;
}

/** Seconds until another attempt is allowed for any of the keys, or 0. */
export function lockedFor(keys: string[], now = Date.now()): number {
  let wait = 0;
  for (const key of keys) {
    const times = recent(key, now);
    if (times.length >= MAX_FAILURES) wait = Math.max(wait, Math.ceil((times[0] + WINDOW_MS - now) / 1000));
  }
  return wait;
}

export async function recordFailure(keys: string[], now = Date.now()): Promise<void> {
  if (failures.size > MAX_TRACKED) failures.clear();
  for (const key of keys) failures.set(key, [...recent(key, now), now].slice(-MAX_FAILURES));
  await new Promise((resolve) => setTimeout(resolve, FAILURE_DELAY_MS));
}

export function recordSuccess(keys: string[]): void {
  for (const key of keys) failures.delete(key);
}
