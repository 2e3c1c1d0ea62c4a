'use client';

import { useSyncExternalStore } from 'react';

// One shared clock for every "N s ago" on the page. The server and the hydrating browser both see
// `null`: a time rendered into the server's HTML would differ from the browser's first render
// whenever hydration starts a moment later, and React would throw the server HTML away (#418).
// Right after hydration the browser re-renders with the real time.

let current = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    current = Date.now();
    timer = setInterval(() => {
      current = Date.now();
      for (const l of listeners) l();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current time in ms, ticking every second; `null` on the server and while hydrating. */
export function useNow(): number | null {
  return useSyncExternalStore(subscribe, () => current, () => null);
}
