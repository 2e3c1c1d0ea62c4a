'use client';

import { useSyncExternalStore } from 'react';

// Browser preferences kept in localStorage (theme, time zone). Read through useSyncExternalStore
// with a fixed server value: the server and the hydrating client render the same thing, and the
// stored choice takes over right after, so there is never a hydration mismatch.

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writePref(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Storage refused (private mode, quota): the choice lasts for this page only.
  }
  listeners.forEach((l) => l());
}

/** The stored value if it is one of `options`, else `fallback`; `serverValue` while rendering on the server and hydrating. */
export function usePref<T extends string>(key: string, options: readonly T[], fallback: T, serverValue: T = fallback): T {
  return useSyncExternalStore(
    subscribe,
    () => {
      const v = read(key);
      return options.includes(v as T) ? (v as T) : fallback;
    },
    () => serverValue,
  );
}
