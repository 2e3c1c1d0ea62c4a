'use client';

import { useSyncExternalStore } from 'react';

// A clock that ticks once a second, shared by every "N s ago". On the server and while hydrating
// it is null: the server's "now" is not the browser's, and a number rendered on both would differ.

const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => listeners.forEach((l) => l()), 1000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current time to the second, or null during server rendering and hydration. */
export function useNow(): number | null {
  return useSyncExternalStore(subscribe, () => Math.floor(Date.now() / 1000) * 1000, () => null);
}
