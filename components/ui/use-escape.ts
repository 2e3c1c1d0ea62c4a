'use client';

import { useEffect, useEffectEvent } from 'react';

/** Calls `onEscape` when Escape is pressed anywhere on the page (drawers and dialogs close on it). */
export function useEscape(onEscape: () => void) {
  const handler = useEffectEvent((e: KeyboardEvent) => {
    if (e.key === 'Escape' && !e.defaultPrevented) onEscape();
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => handler(e);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
}
